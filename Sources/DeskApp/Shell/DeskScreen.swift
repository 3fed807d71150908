import DeskCore
import DeskTUI

/// The screens, in tab order. Which ones a session sees depends on its role.
public enum ScreenID: String, CaseIterable, Sendable {
    case myDay, roster, visits, hotline, centre, dashboard, staff

    /// The permission a role needs to see the screen at all.
    var permission: Permission {
        switch self {
        case .myDay, .roster: .viewRoster
        case .visits: .logVisits
        case .hotline: .handleTickets
        case .centre: .checkIn
        case .dashboard: .viewDashboard
        case .staff: .manageStaff
        }
    }
}

/// What a screen did with a key: the shell handles the ones a screen ignores
/// (tab switching, help, quit), so a text field can take `q` or `1`.
public enum KeyResult: Equatable, Sendable {
    case handled
    case ignored
}

/// A screen owns its state, its key table and its view; the shell only routes.
/// `update` is the only place its state changes; `view` only draws.
public protocol DeskScreen {
    var id: ScreenID { get }
    /// Tab title, e.g. 花名册.
    func title(_ app: AppContext) -> String
    /// A short count shown after the tab title (e.g. overdue items), or nil.
    func badge(_ app: AppContext) -> String?
    /// The keys that work here (the key bar and the help overlay are generated from them).
    func bindings(_ app: AppContext) -> [KeyBinding]
    mutating func update(_ key: Key, _ app: AppContext) -> KeyResult
    /// The desk state changed (another terminal appended, or we did), or the
    /// screen became active: recompute what it shows, keeping the cursor,
    /// scroll position and any half-typed form.
    mutating func refresh(_ app: AppContext)
    /// Another screen asked for something here (open a file, show a staff member's items…).
    mutating func receive(_ intent: Intent, _ app: AppContext)
    func view(_ canvas: inout some Canvas, rect: Rect, _ app: AppContext)
    /// A form with unsaved edits is open (quitting asks first).
    var hasUnsavedChanges: Bool { get }
    /// Text entry is active: every printable key goes to the screen.
    var capturesText: Bool { get }
}

extension DeskScreen {
    public func badge(_ app: AppContext) -> String? { nil }
    public mutating func receive(_ intent: Intent, _ app: AppContext) {}
    public var hasUnsavedChanges: Bool { false }
    public var capturesText: Bool { false }
}

/// A request from one screen to another, carried by the shell.
public enum Intent: Sendable, Equatable {
    case openCadre(ID<Cadre>)
    case openTicket(String)
    case newTicket(cadre: ID<Cadre>?)
    case newVisit(cadre: ID<Cadre>)
    /// My day (or the overdue list) as `staff` sees it.
    case workOf(ID<Staff>)
    case openClass(String)
    /// Open a ticket for a need raised on a visit (visit id, need index).
    case ticketFromVisitNeed(visit: String, need: Int)
    case checkIn(cadre: ID<Cadre>)
}
