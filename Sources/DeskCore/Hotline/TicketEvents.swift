/// Hotline ticket events. Each carries its business time `at` (when it
/// happened at the desk); the envelope's `by` is who recorded it.
public enum HotlineEvents {
    public static let all: [any DeskEvent.Type] = [
        TicketOpened.self, TicketEdited.self, TicketNoted.self, TicketStatusChanged.self, TicketAssigned.self,
        TicketReclassified.self, TicketDeadlineSet.self, TicketResolved.self, TicketCallbackRecorded.self,
        TicketReopened.self, TicketReviewed.self, TicketVoided.self,
    ]
}

public struct TicketOpened: DeskEvent {
    public static let type = "ticket.opened"
    public var id: ID<Ticket>
    public var at: LocalDateTime
    public var caller: Caller
    public var cadre: ID<Cadre>?
    public var channel: TicketChannel
    public var category: String
    public var priority: TicketPriority
    public var summary: String
    public var details: String
    public var assignee: ID<Staff>?
    public var backup: ID<Staff>?
    /// The promise as made at intake (later settings changes do not move it).
    public var promise: TicketPromise
    public var source: TicketSource?

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        var t = Ticket(id: id, openedAt: at, openedBy: meta.by, caller: caller, cadre: cadre, channel: channel,
                       category: category, priority: priority, summary: summary, details: details,
                       assignee: assignee, backup: backup, status: .received, source: source, promise: promise,
                       lastActivity: at)
        t.timeline.append(TicketEntry(at: at, by: meta.by, what: .opened))
        state.tickets.insert(t)
    }
}

/// Corrects the fields present (absent ones stay).
public struct TicketEdited: DeskEvent {
    public static let type = "ticket.edited"
    public var id: ID<Ticket>
    public var at: LocalDateTime
    public var summary: String?
    public var details: String?
    public var cadre: ID<Cadre>?
    public var caller: Caller?

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.tickets.update(id, at: at, by: meta.by, .edited) { t, _ in
            if let v = summary { t.summary = v }
            if let v = details { t.details = v }
            if let v = cadre { t.cadre = v }
            if let v = caller { t.caller = v }
        }
    }
}

/// An internal note, or a call made or received.
public struct TicketNoted: DeskEvent {
    public static let type = "ticket.noted"
    public enum Kind: String, Codable, Sendable { case note, callOut, callIn }
    public var id: ID<Ticket>
    public var at: LocalDateTime
    public var kind: Kind
    /// Who was on the line (calls only).
    public var party: CallParty?
    public var text: String

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        let what: TicketActivity = kind == .note ? .note(text) : .call(outgoing: kind == .callOut, party: party ?? .caller, text: text)
        state.tickets.update(id, at: at, by: meta.by, what) { t, at in
            if kind == .callOut, t.firstResponseAt == nil { t.firstResponseAt = at }
        }
    }
}

/// 处理中 or 等待回复 (the clock stops while waiting and resumes after).
public struct TicketStatusChanged: DeskEvent {
    public static let type = "ticket.status"
    public var id: ID<Ticket>
    public var at: LocalDateTime
    public var status: TicketStatus
    public var waitingOn: WaitingOn?
    public var note: String

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.tickets.update(id, at: at, by: meta.by, .status(status, waitingOn: waitingOn, note: note)) { t, at in
            guard t.status.isOpen, status == .inProgress || status == .waiting else { return }
            if t.firstResponseAt == nil { t.firstResponseAt = at }
            if status == .waiting, t.status != .waiting {
                t.stops.append(ClockStop(from: at, to: nil))
            } else if status == .inProgress, t.status == .waiting {
                t.closeStop(at)
            }
            t.status = status
            t.waitingOn = status == .waiting ? (waitingOn ?? .caller) : nil
        }
    }
}

public struct TicketAssigned: DeskEvent {
    public static let type = "ticket.assigned"
    public var id: ID<Ticket>
    public var at: LocalDateTime
    public var assignee: ID<Staff>?
    public var backup: ID<Staff>?
    public var note: String

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.tickets.update(id, at: at, by: meta.by, .assigned(assignee, backup: backup, note: note)) { t, _ in
            t.assignee = assignee
            t.backup = backup
        }
    }
}

/// A new category or priority, with the promise it brings. Time already used
/// (and time stopped) still counts from the opening.
public struct TicketReclassified: DeskEvent {
    public static let type = "ticket.reclassified"
    public var id: ID<Ticket>
    public var at: LocalDateTime
    public var category: String
    public var priority: TicketPriority
    public var promise: TicketPromise
    public var note: String

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.tickets.update(id, at: at, by: meta.by, .reclassified(category: category, priority: priority, note: note)) { t, _ in
            t.category = category
            t.priority = priority
            t.promise = promise
        }
    }
}

/// A completion deadline set by hand (nil `due`: back to the category's promise).
public struct TicketDeadlineSet: DeskEvent {
    public static let type = "ticket.deadline"
    public var id: ID<Ticket>
    public var at: LocalDateTime
    public var due: LocalDateTime?
    public var reason: String

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.tickets.update(id, at: at, by: meta.by, .deadline(due, reason: reason)) { t, at in
            t.manualDeadline = due.map { ManualDeadline(due: $0, setAt: at, reason: reason) }
        }
    }
}

public struct TicketResolved: DeskEvent {
    public static let type = "ticket.resolved"
    public var id: ID<Ticket>
    public var at: LocalDateTime
    /// 办结人: who did the work (usually the one recording it).
    public var resolvedBy: ID<Staff>
    public var resolution: String

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.tickets.update(id, at: at, by: meta.by, .resolved(by: resolvedBy, resolution: resolution)) { t, at in
            guard t.status.isOpen else { return }
            if t.firstResponseAt == nil { t.firstResponseAt = at }
            if t.status == .waiting { t.closeStop(at) }
            t.stops.append(ClockStop(from: at, to: nil))
            t.status = .resolved
            t.waitingOn = nil
            t.resolution = resolution
            t.resolvedAt = at
            t.resolvedBy = resolvedBy
        }
    }
}

/// The satisfaction callback. 不满意 reopens the ticket for a supervisor's review.
public struct TicketCallbackRecorded: DeskEvent {
    public static let type = "ticket.callback"
    public var id: ID<Ticket>
    public var at: LocalDateTime
    /// Who made the call (usually the one recording it).
    public var calledBy: ID<Staff>
    public var reached: CallParty
    public var rating: CallbackRating
    public var comment: String

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        let what = TicketActivity.callback(by: calledBy, rating: rating, reached: reached, comment: comment)
        state.tickets.update(id, at: at, by: meta.by, what) { t, at in
            guard t.status == .resolved else { return }
            t.callbacks.append(Callback(at: at, by: calledBy, reached: reached, rating: rating, comment: comment))
            if rating == .dissatisfied {
                t.reopen(at)
                t.needsReview = true
            } else {
                t.status = .closed
            }
        }
    }
}

public struct TicketReopened: DeskEvent {
    public static let type = "ticket.reopened"
    public var id: ID<Ticket>
    public var at: LocalDateTime
    public var reason: String

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.tickets.update(id, at: at, by: meta.by, .reopened(reason: reason)) { t, at in
            if !t.status.isOpen { t.reopen(at) }
        }
    }
}

/// A supervisor has looked at a ticket rated 不满意 (or otherwise flagged).
public struct TicketReviewed: DeskEvent {
    public static let type = "ticket.reviewed"
    public var id: ID<Ticket>
    public var at: LocalDateTime
    public var note: String

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.tickets.update(id, at: at, by: meta.by, .reviewed(note: note)) { t, _ in t.needsReview = false }
    }
}

/// Opened by mistake or a duplicate: kept, but out of every queue and figure.
public struct TicketVoided: DeskEvent {
    public static let type = "ticket.voided"
    public var id: ID<Ticket>
    public var at: LocalDateTime
    public var reason: String

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.tickets.update(id, at: at, by: meta.by, .voided(reason: reason)) { t, at in
            t.voided = reason
            t.needsReview = false
            if t.currentStop(at: at) == nil { t.stops.append(ClockStop(from: at, to: nil)) }
        }
    }
}

extension Ticket {
    mutating func closeStop(_ at: LocalDateTime) {
        if let i = stops.indices.last, stops[i].to == nil { stops[i].to = max(at, stops[i].from) }
    }

    /// Back to 处理中; the time spent resolved does not count against the promise.
    mutating func reopen(_ at: LocalDateTime) {
        closeStop(at)
        status = .inProgress
        reopenCount += 1
    }
}
