import DeskCore
import DeskTUI
import Foundation

/// What a screen may use: the desk (state and commands), who is signed in,
/// the language, and requests to the shell (toasts, navigation).
public final class AppContext {
    public let desk: Desk
    public private(set) var staff: Staff
    public let text: Localizer
    public let display: Display
    /// Requests collected while a screen handles a key; the shell acts on them after.
    var pending: [ShellRequest] = []
    /// The screens this session has (kept by the shell), so a screen offers a
    /// key that leads to another screen only when that screen is there.
    var openable: Set<ScreenID> = []
    /// The screen's area at the last frame drawn, for keys that page by what is
    /// on screen (PgDn in a scrolling page). Set by the shell as it draws.
    public internal(set) var bodySize = Size(width: 80, height: 20)

    init(desk: Desk, staff: Staff, text: Localizer) {
        self.desk = desk
        self.staff = staff
        self.text = text
        display = Display(text)
    }

    public var state: DeskState { desk.state }
    public var now: LocalDateTime { desk.clock.local }
    public var today: LocalDate { now.date }
    public var role: Role { staff.role }
    public func can(_ p: Permission) -> Bool { staff.role.can(p) }
    /// Whether `navigate(to: id)` would open a screen (it exists and the role may see it).
    public func canOpen(_ id: ScreenID) -> Bool { openable.contains(id) }

    /// Runs a command as the signed-in staff member (under the log lock). On a
    /// log failure the shell also shows a toast; validation problems are the
    /// screen's to show beside its fields.
    @discardableResult
    public func perform(_ command: some DeskCommand) -> Result<[AppliedEvent], DeskError> {
        do {
            let applied = try desk.perform(command, as: staff.id)
            refreshStaff()
            return .success(applied)
        } catch {
            if case .log(let p) = error { toast(text.message(p), .error) }
            return .failure(error)
        }
    }

    /// What `command` would be refused for now, nothing appended (see `Desk.problems(of:as:)`).
    public func problems(of command: some DeskCommand) -> DeskError? { desk.problems(of: command, as: staff.id) }

    @discardableResult
    public func performBatch(_ items: [Desk.BatchItem]) -> Result<[AppliedEvent], Desk.BatchError> {
        do {
            let applied = try desk.performBatch(items, as: staff.id)
            refreshStaff()
            return .success(applied)
        } catch {
            if case .log(let p) = error.error { toast(text.message(p), .error) }
            return .failure(error)
        }
    }

    public func toast(_ message: String, _ kind: Toast.Kind = .info) { pending.append(.toast(message, kind)) }
    public func navigate(to screen: ScreenID, _ intent: Intent? = nil) { pending.append(.navigate(screen, intent)) }

    /// Role and name changes made in another terminal apply to this session too.
    func refreshStaff() {
        if let s = desk.state.staff[staff.id] { staff = s }
    }
}

enum ShellRequest {
    case toast(String, Toast.Kind)
    case navigate(ScreenID, Intent?)
}
