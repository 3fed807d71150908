/// Every hotline ticket, with the indexes the queues need, kept up to date
/// as events apply (queues then touch open tickets only, never the history).
///
/// Tickets live in one array in the order they were opened; queries read
/// fields in place (`all[i].status`) instead of copying whole tickets out of
/// a dictionary, which dominated the cost of a 10,000-row queue.
public struct TicketBook: Sendable {
    /// Every ticket, in the order opened (the log's order).
    public internal(set) var all: [Ticket] = []
    /// Where each ticket is in `all`.
    public internal(set) var position: [ID<Ticket>: Int] = [:]
    /// Open tickets (受理, 处理中, 等待回复), not voided.
    public internal(set) var open: Set<ID<Ticket>> = []
    /// Open tickets by assignee; open tickets without one.
    public internal(set) var openByAssignee: [ID<Staff>: Set<ID<Ticket>>] = [:]
    public internal(set) var openUnassigned: Set<ID<Ticket>> = []
    /// Open tickets naming a ticket-level backup, by that backup.
    public internal(set) var openByBackup: [ID<Staff>: Set<ID<Ticket>>] = [:]
    /// Resolved (已办结), waiting for the satisfaction callback.
    public internal(set) var awaitingCallback: Set<ID<Ticket>> = []
    /// Rated 不满意 and not yet reviewed by a supervisor.
    public internal(set) var awaitingReview: Set<ID<Ticket>> = []
    public internal(set) var byCadre: [ID<Cadre>: [ID<Ticket>]] = [:]
    /// Tickets following up a visit's raised needs, by visit id.
    public internal(set) var byVisit: [String: [ID<Ticket>]] = [:]
    /// Highest serial used per year (`T2026-00042` → 42), for the next number.
    public internal(set) var lastSerial: [Int: Int] = [:]

    public init() {}

    public subscript(id: ID<Ticket>) -> Ticket? { position[id].map { all[$0] } }
    public var count: Int { all.count }

    /// The number the next ticket opened in `year` gets (`T2026-00043`).
    public func nextID(year: Int) -> ID<Ticket> {
        let n = String((lastSerial[year] ?? 0) + 1)
        return ID("T\(year)-" + String(repeating: "0", count: max(0, 5 - n.count)) + n)
    }

    /// The ticket following up need `need` of visit `visit`, if any (not voided).
    public func ticket(forVisit visit: String, need: Int) -> Ticket? {
        byVisit[visit]?.lazy.compactMap { self[$0] }.first { $0.source?.need == need && $0.voided == nil }
    }

    // MARK: Applying events

    mutating func insert(_ t: Ticket) {
        if let i = position[t.id] { all[i] = t } else {
            position[t.id] = all.count
            all.append(t)
        }
        if let c = t.cadre { byCadre[c, default: []].append(t.id) }
        if let s = t.source { byVisit[s.visit, default: []].append(t.id) }
        if let (year, serial) = TicketBook.serial(of: t.id) { lastSerial[year] = max(lastSerial[year] ?? 0, serial) }
        index(t.id, old: nil, new: Keys(t))
    }

    /// Applies `change` to ticket `id` at business time `at` (never earlier than
    /// its latest activity, so the clock's spans stay in order), records the
    /// timeline entry, and keeps the indexes right.
    mutating func update(_ id: ID<Ticket>, at: LocalDateTime, by: ID<Staff>, _ what: TicketActivity,
                         _ change: (inout Ticket, LocalDateTime) -> Void) {
        guard let i = position[id] else { return }
        let old = Keys(all[i])
        let oldCadre = all[i].cadre
        let at = max(at, all[i].lastActivity)
        all[i].lastActivity = at
        change(&all[i], at)
        all[i].timeline.append(TicketEntry(at: at, by: by, what: what))
        index(id, old: old, new: Keys(all[i]))
        let cadre = all[i].cadre
        if cadre != oldCadre {
            if let c = oldCadre { byCadre[c]?.removeAll { $0 == id } }
            if let c = cadre { byCadre[c, default: []].append(id) }
        }
    }

    /// The facts the indexes depend on.
    private struct Keys: Equatable {
        var open: Bool
        var assignee: ID<Staff>?
        var backup: ID<Staff>?
        var awaitingCallback: Bool
        var review: Bool
        init(_ t: Ticket) {
            open = t.isOpen
            assignee = t.assignee
            backup = t.backup
            awaitingCallback = t.isAwaitingCallback
            review = t.needsReview && t.voided == nil
        }
    }

    private mutating func index(_ id: ID<Ticket>, old: Keys?, new: Keys) {
        if let old {
            if old == new { return }
            if old.open {
                open.remove(id)
                if let a = old.assignee { openByAssignee[a]?.remove(id) } else { openUnassigned.remove(id) }
                if let b = old.backup { openByBackup[b]?.remove(id) }
            }
            if old.awaitingCallback { awaitingCallback.remove(id) }
            if old.review { awaitingReview.remove(id) }
        }
        if new.open {
            open.insert(id)
            if let a = new.assignee { openByAssignee[a, default: []].insert(id) } else { openUnassigned.insert(id) }
            if let b = new.backup { openByBackup[b, default: []].insert(id) }
        }
        if new.awaitingCallback { awaitingCallback.insert(id) }
        if new.review { awaitingReview.insert(id) }
    }

    static func serial(of id: ID<Ticket>) -> (year: Int, serial: Int)? {
        let raw = id.raw
        guard raw.hasPrefix("T"), let dash = raw.firstIndex(of: "-"),
              let y = Int(raw[raw.index(after: raw.startIndex)..<dash]), let n = Int(raw[raw.index(after: dash)...]) else { return nil }
        return (y, n)
    }
}
