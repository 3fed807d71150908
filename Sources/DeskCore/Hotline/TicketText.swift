/// Display words for ticket codes, from the catalog (one place, so every
/// screen says the same thing).
/// A code whose display word is the catalog entry `<prefix>.<code>`.
public protocol CatalogCode: RawRepresentable where RawValue == String {
    static var catalogPrefix: String { get }
}

extension CatalogCode {
    public var textKey: String { "\(Self.catalogPrefix).\(rawValue)" }
    public func text(_ l: Localizer) -> String { l(textKey) }
}

extension TicketStatus: CatalogCode { public static let catalogPrefix = "hotline.status" }
extension TicketPriority: CatalogCode { public static let catalogPrefix = "hotline.priority" }
extension TicketChannel: CatalogCode { public static let catalogPrefix = "hotline.channel" }
extension CallbackRating: CatalogCode { public static let catalogPrefix = "hotline.rating" }
extension CallParty: CatalogCode { public static let catalogPrefix = "hotline.party" }
extension WaitingOn: CatalogCode { public static let catalogPrefix = "hotline.waiting_on" }
extension TicketQueue: CatalogCode { public static let catalogPrefix = "hotline.queue" }
extension TicketSort: CatalogCode { public static let catalogPrefix = "hotline.sort" }

extension HotlineSettings {
    /// A category's name: the catalog's for built-in codes, else the admin's name, else the code.
    public func categoryName(_ code: String, _ l: Localizer) -> String {
        let key = "hotline.category.\(code)"
        if l.has(key) { return l(key) }
        return category(code)?.name ?? code
    }
}

extension TicketReminder.Kind {
    public func text(_ l: Localizer) -> String {
        switch self {
        case .overdue(let day): return l("hotline.reminder.overdue", day)
        case .dueSoon: return l("hotline.reminder.due_soon")
        case .callbackDue: return l("hotline.reminder.callback_due")
        case .review: return l("hotline.reminder.review")
        }
    }
}

extension TicketEntry {
    /// The timeline line's text (without the time and the recorder, which a
    /// screen shows in their own columns). `name` gives a staff member's name.
    public func text(_ l: Localizer, settings: HotlineSettings, name: (ID<Staff>) -> String) -> String {
        switch what {
        case .opened: return l("hotline.entry.opened")
        case .note(let s): return l("hotline.entry.note", s)
        case .call(let outgoing, let party, let s):
            return l(outgoing ? "hotline.entry.call_out" : "hotline.entry.call_in", party.text(l), s)
        case .status(let st, let on, let note):
            return Self.withNote(l("hotline.entry.status", on.map { $0.text(l) } ?? st.text(l)), note, l)
        case .assigned(let a, let backup, let note):
            var s = a.map { l("hotline.entry.assigned", name($0)) } ?? l("hotline.entry.unassigned")
            if let b = backup { s = l("hotline.entry.backup", s, name(b)) }
            return Self.withNote(s, note, l)
        case .reclassified(let c, let p, let note):
            return Self.withNote(l("hotline.entry.reclassified", settings.categoryName(c, l), p.text(l)), note, l)
        case .deadline(let due, let reason):
            return due.map { l("hotline.entry.deadline", $0.monthDayTime(l), reason) } ?? l("hotline.entry.deadline_cleared", reason)
        case .edited: return l("hotline.entry.edited")
        case .resolved(let by, let s): return l("hotline.entry.resolved", name(by), s)
        case .callback(let by, let rating, let party, let comment):
            return l("hotline.entry.callback", name(by), party.text(l), rating.text(l), comment)
        case .reopened(let r): return l("hotline.entry.reopened", r)
        case .reviewed(let n): return l("hotline.entry.reviewed", n)
        case .voided(let r): return l("hotline.entry.voided", r)
        }
    }

    /// `what:note`, or just `what` when no note was given.
    static func withNote(_ what: String, _ note: String, _ l: Localizer) -> String {
        note.isEmpty ? what : l("hotline.entry.with_note", what, note)
    }
}
