/// The hotline's queues and lists as plain values, ready for a screen.
/// Every query takes the moment it is asked for (`now`); nothing reads a clock.
public enum TicketQueue: String, Sendable, CaseIterable, Hashable {
    /// Assigned to me, while I am present.
    case mine
    /// Assigned to someone away whose work lands on me (AB岗).
    case coveringFor
    /// Nobody assigned, or nobody available to handle it.
    case unassigned
    /// Open, within `dueSoonMinutes` of a deadline.
    case dueSoon
    /// Open, past a deadline (a ticket waiting for a reply is never overdue).
    case overdue
    /// 等待回复.
    case waiting
    /// Resolved, not called back, `callbackAfterWorkingDays` working days on.
    case callbackDue
    /// Resolved, not called back yet (all of them).
    case awaitingCallback
    /// Rated 不满意, waiting for a supervisor's review.
    case review
    /// Every open ticket.
    case open
    /// Every ticket, open or not (not voided).
    case all
}

public enum TicketSort: String, Sendable, CaseIterable, Hashable {
    /// Soonest (or most overdue) deadline first; stopped clocks last.
    case timeLeft
    case newest
    case oldest
    /// 紧急 first, then by time left.
    case priority
}

/// Narrows a queue (all conditions must hold; nil = any).
public struct TicketFilter: Sendable, Hashable {
    public var category: String?
    public var priority: TicketPriority?
    public var handler: ID<Staff>?
    public var cadre: ID<Cadre>?
    /// Matches the summary, the number, the cadre's or caller's name.
    public var text: String?
    public init(category: String? = nil, priority: TicketPriority? = nil, handler: ID<Staff>? = nil,
                cadre: ID<Cadre>? = nil, text: String? = nil) {
        self.category = category
        self.priority = priority
        self.handler = handler
        self.cadre = cadre
        self.text = text
    }
}

/// One line of a queue.
public struct TicketRow: Sendable, Hashable {
    public var id: ID<Ticket>
    public var openedAt: LocalDateTime
    public var channel: TicketChannel
    public var category: String
    public var priority: TicketPriority
    public var status: TicketStatus
    public var waitingOn: WaitingOn?
    public var summary: String
    public var cadre: ID<Cadre>?
    public var cadreName: String?
    /// The caller's name (the cadre's, a family member's, or as given).
    public var callerName: String
    public var assignee: ID<Staff>?
    /// Who handles it today (differs from the assignee during an absence).
    public var handler: ID<Staff>?
    /// The deadline to act on now (first response or completion); nil once resolved.
    public var deadline: DeadlineStatus?
    /// The completion deadline (nil once resolved, or while the clock is stopped).
    public var completionDue: LocalDateTime?
    public var resolvedAt: LocalDateTime?
    /// When the callback falls due (resolved tickets only).
    public var callbackDueOn: LocalDate?
    public var needsReview: Bool

    public var isCovered: Bool { handler != nil && handler != assignee }
    public var warning: WarningLevel { deadline?.level ?? .ok }
}

/// A ticket with everything its detail screen shows.
public struct TicketDetail: Sendable, Hashable {
    public var ticket: Ticket
    public var row: TicketRow
    public var response: DeadlineStatus?
    public var completion: DeadlineStatus?
    /// Within the promise at resolution (nil while open).
    public var resolvedInTime: Bool?
}

/// A line of the daily reminder list.
public struct TicketReminder: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// 逾期第 N 个工作日 (N counts working days since it fell due, that day being 1).
        case overdue(day: Int)
        case dueSoon
        case callbackDue
        case review
    }
    public var kind: Kind
    public var row: TicketRow
}

extension DeskState {
    /// One line for ticket `t` at `now`.
    public func ticketRow(_ t: Ticket, now: LocalDateTime) -> TicketRow {
        let s = settings.hotline
        let completion = t.completion(at: now, settings: s)
        var callbackDue: LocalDate? = nil
        if t.isAwaitingCallback, let r = t.resolvedAt {
            callbackDue = s.calendar.adding(workingDays: s.callbackAfterWorkingDays, to: r.date)
        }
        let cadreName = t.cadre.flatMap { roster.byID[$0]?.name }
        let caller: String
        if case .cadre(let c) = t.caller, c == t.cadre, let n = cadreName { caller = n } else { caller = callerName(t.caller) }
        return TicketRow(id: t.id, openedAt: t.openedAt, channel: t.channel, category: t.category, priority: t.priority,
                         status: t.status, waitingOn: t.waitingOn, summary: t.summary, cadre: t.cadre,
                         cadreName: cadreName, callerName: caller,
                         assignee: t.assignee,
                         handler: t.isOpen ? TicketRouting.handler(of: t, on: now.date, staff: staff) : t.assignee,
                         deadline: Ticket.pressing(t.response(at: now, settings: s), completion), completionDue: completion?.due,
                         resolvedAt: t.resolvedAt, callbackDueOn: callbackDue, needsReview: t.needsReview)
    }

    func callerName(_ c: Caller) -> String {
        switch c {
        case .cadre(let id): return roster.byID[id]?.name ?? id.raw
        case .family(_, _, let name, _), .unknown(let name, _): return name
        }
    }

    /// A queue as `me` sees it at `now`, filtered and sorted.
    public func ticketQueue(_ queue: TicketQueue, me: ID<Staff>, now: LocalDateTime, sort: TicketSort = .timeLeft,
                            filter: TicketFilter = TicketFilter()) -> [TicketRow] {
        let book = tickets
        var ids: [ID<Ticket>]
        switch queue {
        case .mine: ids = TicketRouting.handled(by: me, on: now.date, in: self).mine
        case .coveringFor: ids = TicketRouting.handled(by: me, on: now.date, in: self).covering
        case .unassigned: ids = unassignedTickets(on: now.date)
        case .open: ids = Array(book.open)
        case .dueSoon, .overdue:
            // Only the matching tickets become rows (a row costs more than a deadline).
            let level: WarningLevel = queue == .overdue ? .overdue : .dueSoon
            ids = book.open.filter { id in
                book.position[id].map { book.all[$0].nextDeadline(at: now, settings: settings.hotline)?.level == level } ?? false
            }
        case .waiting: ids = book.open.filter { book[$0]?.status == .waiting }
        case .callbackDue, .awaitingCallback: ids = Array(book.awaitingCallback)
        case .review: ids = Array(book.awaitingReview)
        case .all: ids = book.all.indices.filter { book.all[$0].voided == nil }.map { book.all[$0].id }
        }
        var rows = ids.compactMap { id in book.position[id].map { ticketRow(book.all[$0], now: now) } }
        if queue == .callbackDue { rows.removeAll { ($0.callbackDueOn.map { $0 > now.date } ?? true) } }
        rows = rows.filter { matches($0, filter) }
        return TicketQueues.sorted(rows, by: sort)
    }

    /// Open tickets with nobody to handle them on `date` (no assignee, or the
    /// assignee and every backup away or gone).
    func unassignedTickets(on date: LocalDate) -> [ID<Ticket>] {
        var ids = Array(tickets.openUnassigned)
        for (person, set) in tickets.openByAssignee where staff.coverer(for: person, on: date) != person {
            for id in set {
                if let i = tickets.position[id], TicketRouting.handler(of: tickets.all[i], on: date, staff: staff) == nil { ids.append(id) }
            }
        }
        return ids
    }

    private func matches(_ r: TicketRow, _ f: TicketFilter) -> Bool {
        if let c = f.category, r.category != c { return false }
        if let p = f.priority, r.priority != p { return false }
        if let h = f.handler, r.handler != h { return false }
        if let c = f.cadre, r.cadre != c { return false }
        if let text = f.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            return r.summary.contains(text) || r.id.raw.contains(text) || r.callerName.contains(text)
                || (r.cadreName?.contains(text) ?? false)
        }
        return true
    }

    /// How many tickets each queue holds for `me` (for tab titles such as "逾期 3").
    public func ticketQueueCounts(me: ID<Staff>, now: LocalDateTime) -> [TicketQueue: Int] {
        var out: [TicketQueue: Int] = [:]
        for q in TicketQueue.allCases where q != .all { out[q] = ticketQueue(q, me: me, now: now).count }
        out[.all] = tickets.all.count(where: { $0.voided == nil })
        return out
    }

    /// A ticket with its deadlines and timeline.
    public func ticketDetail(_ id: ID<Ticket>, now: LocalDateTime) -> TicketDetail? {
        guard let t = tickets[id] else { return nil }
        let s = settings.hotline
        return TicketDetail(ticket: t, row: ticketRow(t, now: now), response: t.response(at: now, settings: s),
                            completion: t.completion(at: now, settings: s), resolvedInTime: t.resolvedInTime(calendar: s.calendar))
    }

    /// For the caller's card at intake and the cadre's file: open tickets,
    /// and those closed within `recentDays` (newest first).
    public func ticketsForCadre(_ cadre: ID<Cadre>, now: LocalDateTime) -> (open: [TicketRow], recent: [TicketRow]) {
        let since = now.date.adding(days: -settings.hotline.recentDays)
        var open: [TicketRow] = [], recent: [TicketRow] = []
        for id in tickets.byCadre[cadre] ?? [] {
            guard let i = tickets.position[id], tickets.all[i].voided == nil else { continue }
            if tickets.all[i].isOpen { open.append(ticketRow(tickets.all[i], now: now)) }
            else if (tickets.all[i].resolvedAt ?? tickets.all[i].openedAt).date >= since { recent.append(ticketRow(tickets.all[i], now: now)) }
        }
        return (TicketQueues.sorted(open, by: .timeLeft), TicketQueues.sorted(recent, by: .newest))
    }

    /// Tickets following up needs raised in visit `visit` (for the visit screen).
    public func ticketsForVisit(_ visit: String, now: LocalDateTime) -> [TicketRow] {
        (tickets.byVisit[visit] ?? []).compactMap { tickets[$0] }.filter { $0.voided == nil }.map { ticketRow($0, now: now) }
    }

    /// The daily reminder list at `now` for `staff` (nil: everyone). Deadline
    /// items go to the handler, callbacks to anyone who may call back except
    /// the resolver, reviews to supervisors. Overdue tickets come back every working
    /// day with the day count ("逾期第 3 个工作日"). On a day off only 紧急
    /// tickets remind (their clock runs day and night).
    public func ticketReminders(now: LocalDateTime, for staff: ID<Staff>?) -> [TicketReminder] {
        let working = settings.hotline.calendar.isWorkingDay(now.date)
        var out: [TicketReminder] = []
        for id in tickets.open {
            guard let i = tickets.position[id], working || tickets.all[i].priority == .urgent,
                  let level = tickets.all[i].nextDeadline(at: now, settings: settings.hotline)?.level, level != .ok else { continue }
            let row = ticketRow(tickets.all[i], now: now)
            if let s = staff, row.handler != s { continue }
            guard let d = row.deadline else { continue }
            if d.level == .overdue { out.append(TicketReminder(kind: .overdue(day: d.overdueDay), row: row)) }
            else if d.level == .dueSoon { out.append(TicketReminder(kind: .dueSoon, row: row)) }
        }
        if working {
            let mayCallBack = staff.map { self.staff[$0]?.role.can(.rateCallback) ?? false } ?? true
            for id in tickets.awaitingCallback where mayCallBack {
                guard let i = tickets.position[id], staff == nil || tickets.all[i].resolvedBy != staff else { continue }
                let row = ticketRow(tickets.all[i], now: now)
                if let due = row.callbackDueOn, due <= now.date { out.append(TicketReminder(kind: .callbackDue, row: row)) }
            }
            let supervises = staff.map { self.staff[$0]?.role.can(.superviseTickets) ?? false } ?? true
            if supervises {
                for id in tickets.awaitingReview {
                    if let i = tickets.position[id] { out.append(TicketReminder(kind: .review, row: ticketRow(tickets.all[i], now: now))) }
                }
            }
        }
        return out.sorted { a, b in
            if TicketQueues.rank(a.kind) != TicketQueues.rank(b.kind) { return TicketQueues.rank(a.kind) < TicketQueues.rank(b.kind) }
            return TicketQueues.timeKey(a.row) < TicketQueues.timeKey(b.row)
        }
    }

    /// Who should be suggested as assignee at intake: the cadre's contact
    /// person (联系人) if they may handle tickets, else the one taking the call.
    public func suggestedAssignee(for cadre: ID<Cadre>?, taker: ID<Staff>) -> ID<Staff> {
        if let c = cadre, let contact = roster[c]?.contact, let s = staff[contact], s.active, s.role.can(.handleTickets) {
            return contact
        }
        return taker
    }
}

enum TicketQueues {
    /// Sorts by a key computed once per row, moving small (key, index) pairs
    /// rather than whole rows.
    static func sorted(_ rows: [TicketRow], by sort: TicketSort) -> [TicketRow] {
        func key(_ r: TicketRow) -> Int {
            switch sort {
            case .timeLeft: return timeKey(r)
            case .newest: return -r.openedAt.minutes
            case .oldest: return r.openedAt.minutes
            case .priority: return (r.priority == .urgent ? 0 : 1 << 60) + timeKey(r)
            }
        }
        var keyed = rows.indices.map { (key: key(rows[$0]), index: $0) }
        keyed.sort { a, b in
            if a.key != b.key { return a.key < b.key }
            let (x, y) = (rows[a.index].id, rows[b.index].id)
            return sort == .newest ? x > y : x < y
        }
        return keyed.map { rows[$0.index] }
    }

    /// Sort key for "time left": the due moment; stopped clocks after every
    /// running one (by time left); resolved tickets last (by resolution).
    static func timeKey(_ r: TicketRow) -> Int {
        if let d = r.deadline {
            if let due = d.due { return due.minutes }
            return 1 << 40 + d.left.minutes
        }
        return 1 << 50 + (r.resolvedAt?.minutes ?? r.openedAt.minutes)
    }

    static func rank(_ k: TicketReminder.Kind) -> Int {
        switch k {
        case .overdue: return 0
        case .dueSoon: return 1
        case .review: return 2
        case .callbackDue: return 3
        }
    }
}
