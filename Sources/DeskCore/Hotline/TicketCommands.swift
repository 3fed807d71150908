/// Opens a ticket. The promise comes from the category (or the 紧急 rule) as
/// it stands now and is fixed on the ticket; the number is the next of the year.
public struct OpenTicket: DeskCommand {
    public var caller: Caller
    /// The cadre it concerns (defaults to the caller's cadre).
    public var cadre: ID<Cadre>?
    public var channel: TicketChannel
    public var category: String
    public var priority: TicketPriority
    public var summary: String
    public var details: String
    public var assignee: ID<Staff>?
    public var backup: ID<Staff>?
    public var source: TicketSource?
    /// Go ahead despite warnings (an open ticket of the same category for this cadre).
    public var confirmed: Bool

    public init(caller: Caller, cadre: ID<Cadre>? = nil, channel: TicketChannel = .hotline, category: String,
                priority: TicketPriority = .normal, summary: String, details: String = "", assignee: ID<Staff>? = nil,
                backup: ID<Staff>? = nil, source: TicketSource? = nil, confirmed: Bool = false) {
        self.caller = caller
        self.cadre = cadre ?? caller.cadre
        self.channel = channel
        self.category = category
        self.priority = priority
        self.summary = summary
        self.details = details
        self.assignee = assignee
        self.backup = backup
        self.source = source
        self.confirmed = confirmed
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.handleTickets)
        let settings = state.settings.hotline
        var problems: [Problem] = []
        let caller = TicketRules.clean(self.caller)
        problems += TicketRules.problems(caller, state)
        if let c = cadre, state.roster[c] == nil { problems.append(Problem("hotline.cadre.not_found", [c.raw], field: "cadre")) }
        if let c = settings.category(category), c.active {} else {
            problems.append(Problem("hotline.category.unknown", [category], field: "category"))
        }
        problems += TicketRules.text(summary, field: "summary", max: TicketRules.summaryMax, required: true)
        problems += TicketRules.text(details, field: "details", max: TicketRules.textMax, required: false)
        if let a = assignee, let p = TicketRules.handlerProblem(a, field: "assignee", state) { problems.append(p) }
        if let b = backup {
            if b == assignee { problems.append(Problem("hotline.backup.same", field: "backup")) }
            else if let p = TicketRules.handlerProblem(b, field: "backup", state) { problems.append(p) }
        }
        if let s = source {
            if s.visit.isEmpty || s.need < 0 { problems.append(Problem("hotline.source.bad", field: "source")) }
            else if let other = state.tickets.ticket(forVisit: s.visit, need: s.need) {
                problems.append(Problem("hotline.source.taken", [other.id.raw], field: "source"))
            }
        }
        try TicketRules.check(problems)

        if !confirmed {
            var warnings: [Problem] = []
            if let c = cadre {
                if let cadre = state.roster[c], cadre.isDeceased { warnings.append(Problem("hotline.cadre.deceased", [cadre.name], field: "cadre")) }
                for id in state.tickets.byCadre[c] ?? [] {
                    if let i = state.tickets.position[id], state.tickets.all[i].isOpen, state.tickets.all[i].category == category {
                        warnings.append(Problem("hotline.duplicate_open", [id.raw, state.tickets.all[i].summary], field: "category"))
                    }
                }
            }
            if !warnings.isEmpty { throw .needsConfirmation(warnings) }
        }
        let promise = settings.promise(category: category, priority: priority)!
        return [TicketOpened(id: state.tickets.nextID(year: context.now.date.year), at: context.now, caller: caller,
                             cadre: cadre, channel: channel, category: category, priority: priority,
                             summary: Blank.trim(summary), details: Blank.trim(details),
                             assignee: assignee, backup: backup, promise: promise, source: source)]
    }
}

/// Corrects the summary, details or the cadre concerned.
public struct EditTicket: DeskCommand {
    public var id: ID<Ticket>
    public var summary: String?
    public var details: String?
    public var cadre: ID<Cadre>?

    public init(id: ID<Ticket>, summary: String? = nil, details: String? = nil, cadre: ID<Cadre>? = nil) {
        self.id = id
        self.summary = summary
        self.details = details
        self.cadre = cadre
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.handleTickets)
        let t = try TicketRules.ticket(id, state)
        var problems: [Problem] = []
        if let s = summary { problems += TicketRules.text(s, field: "summary", max: TicketRules.summaryMax, required: true) }
        if let d = details { problems += TicketRules.text(d, field: "details", max: TicketRules.textMax, required: false) }
        if let c = cadre, state.roster[c] == nil { problems.append(Problem("hotline.cadre.not_found", [c.raw], field: "cadre")) }
        try TicketRules.check(problems)
        let e = TicketEdited(id: id, at: context.now,
                             summary: summary.map { Blank.trim($0) }.flatMap { $0 == t.summary ? nil : $0 },
                             details: details.map { Blank.trim($0) }.flatMap { $0 == t.details ? nil : $0 },
                             cadre: cadre == t.cadre ? nil : cadre, caller: nil)
        return e.summary == nil && e.details == nil && e.cadre == nil ? [] : [e]
    }
}

/// An internal note, or a call made or received. A call made to the caller
/// counts as the first response.
public struct AddTicketNote: DeskCommand {
    public var id: ID<Ticket>
    public var kind: TicketNoted.Kind
    public var party: CallParty?
    public var text: String

    public init(id: ID<Ticket>, kind: TicketNoted.Kind = .note, party: CallParty? = nil, text: String) {
        self.id = id
        self.kind = kind
        self.party = party
        self.text = text
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.handleTickets)
        _ = try TicketRules.ticket(id, state)
        try TicketRules.check(TicketRules.text(text, field: "text", max: TicketRules.textMax, required: true))
        return [TicketNoted(id: id, at: context.now, kind: kind, party: kind == .note ? nil : (party ?? .caller),
                            text: Blank.trim(text))]
    }
}

/// 处理中 ⇄ 等待回复. Waiting needs a note saying on whom and for what.
public struct ChangeTicketStatus: DeskCommand {
    public var id: ID<Ticket>
    public var status: TicketStatus
    public var waitingOn: WaitingOn?
    public var note: String

    public init(id: ID<Ticket>, to status: TicketStatus, waitingOn: WaitingOn? = nil, note: String = "") {
        self.id = id
        self.status = status
        self.waitingOn = waitingOn
        self.note = note
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.handleTickets)
        let t = try TicketRules.open(id, state)
        guard status == .inProgress || status == .waiting else { throw .invalid("hotline.status.not_settable", field: "status") }
        var problems = TicketRules.text(note, field: "note", max: TicketRules.textMax, required: status == .waiting)
        if status == .waiting, waitingOn == nil { problems.append(Problem("hotline.waiting.on_whom", field: "waitingOn")) }
        try TicketRules.check(problems)
        if t.status == status, status == .inProgress || t.waitingOn == waitingOn { return [] }
        return [TicketStatusChanged(id: id, at: context.now, status: status, waitingOn: status == .waiting ? waitingOn : nil,
                                    note: Blank.trim(note))]
    }
}

/// Assigns (or takes, or hands back to the unassigned queue) a ticket. The
/// assignee, whoever is handling it now, or anyone taking an unassigned one
/// may do it; others need the supervisor's permission.
public struct AssignTicket: DeskCommand {
    public var id: ID<Ticket>
    public var assignee: ID<Staff>?
    public var backup: ID<Staff>?
    public var note: String

    public init(id: ID<Ticket>, assignee: ID<Staff>?, backup: ID<Staff>? = nil, note: String = "") {
        self.id = id
        self.assignee = assignee
        self.backup = backup
        self.note = note
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.handleTickets)
        let t = try TicketRules.open(id, state)
        let me = context.actor.id
        let handler = TicketRouting.handler(of: t, on: context.today, staff: state.staff)
        let mayAct = t.assignee == me || handler == me || (t.assignee == nil && assignee == me)
        if !mayAct { try context.require(.superviseTickets) }
        var problems: [Problem] = []
        if let a = assignee, let p = TicketRules.handlerProblem(a, field: "assignee", state) { problems.append(p) }
        if let b = backup {
            if b == assignee { problems.append(Problem("hotline.backup.same", field: "backup")) }
            else if let p = TicketRules.handlerProblem(b, field: "backup", state) { problems.append(p) }
        }
        problems += TicketRules.text(note, field: "note", max: TicketRules.textMax, required: false)
        try TicketRules.check(problems)
        if t.assignee == assignee, t.backup == backup { return [] }
        return [TicketAssigned(id: id, at: context.now, assignee: assignee, backup: backup, note: Blank.trim(note))]
    }
}

/// A new category and/or priority. The promise is renewed from the settings
/// and still counts from the opening, less the time stopped.
public struct ReclassifyTicket: DeskCommand {
    public var id: ID<Ticket>
    public var category: String
    public var priority: TicketPriority
    public var note: String

    public init(id: ID<Ticket>, category: String, priority: TicketPriority, note: String = "") {
        self.id = id
        self.category = category
        self.priority = priority
        self.note = note
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.handleTickets)
        let t = try TicketRules.open(id, state)
        let settings = state.settings.hotline
        if t.category == category, t.priority == priority { return [] }
        guard let c = settings.category(category), c.active || c.code == t.category else {
            throw .invalid([Problem("hotline.category.unknown", [category], field: "category")])
        }
        try TicketRules.check(TicketRules.text(note, field: "note", max: TicketRules.textMax, required: false))
        return [TicketReclassified(id: id, at: context.now, category: category, priority: priority,
                                   promise: settings.promise(category: category, priority: priority)!, note: Blank.trim(note))]
    }
}

/// Sets the completion deadline by hand (agreed with the caller, or a
/// supervisor's decision), with a reason; nil goes back to the category's promise.
public struct SetTicketDeadline: DeskCommand {
    public var id: ID<Ticket>
    public var due: LocalDateTime?
    public var reason: String

    public init(id: ID<Ticket>, due: LocalDateTime?, reason: String) {
        self.id = id
        self.due = due
        self.reason = reason
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.handleTickets)
        let t = try TicketRules.open(id, state)
        var problems = TicketRules.text(reason, field: "reason", max: TicketRules.textMax, required: true)
        if let d = due, d <= context.now { problems.append(Problem("hotline.deadline.past", field: "due")) }
        try TicketRules.check(problems)
        if t.manualDeadline?.due == due { return [] }
        return [TicketDeadlineSet(id: id, at: context.now, due: due, reason: Blank.trim(reason))]
    }
}

/// 办结. `resolvedBy` names who did the work when a supervisor records it for them.
public struct ResolveTicket: DeskCommand {
    public var id: ID<Ticket>
    public var resolution: String
    public var resolvedBy: ID<Staff>?

    public init(id: ID<Ticket>, resolution: String, resolvedBy: ID<Staff>? = nil) {
        self.id = id
        self.resolution = resolution
        self.resolvedBy = resolvedBy
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.handleTickets)
        _ = try TicketRules.open(id, state)
        let by = resolvedBy ?? context.actor.id
        if by != context.actor.id { try context.require(.superviseTickets) }
        var problems = TicketRules.text(resolution, field: "resolution", max: TicketRules.textMax, required: true)
        if by != context.actor.id, let p = TicketRules.handlerProblem(by, field: "resolvedBy", state) { problems.append(p) }
        try TicketRules.check(problems)
        return [TicketResolved(id: id, at: context.now, resolvedBy: by, resolution: Blank.trim(resolution))]
    }
}

/// The satisfaction callback (回访), made after calling the cadre (or family,
/// or the caller for someone not on the roster), by someone other than the
/// person who resolved it. 不满意 needs a comment and reopens the ticket for
/// a supervisor's review.
public struct RecordCallback: DeskCommand {
    public var id: ID<Ticket>
    public var rating: CallbackRating
    public var reached: CallParty
    public var comment: String
    /// Who made the call, when a supervisor records it for them.
    public var calledBy: ID<Staff>?

    public init(id: ID<Ticket>, rating: CallbackRating, reached: CallParty, comment: String = "", calledBy: ID<Staff>? = nil) {
        self.id = id
        self.rating = rating
        self.reached = reached
        self.comment = comment
        self.calledBy = calledBy
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.rateCallback)
        let t = try TicketRules.ticket(id, state)
        guard t.status == .resolved else {
            throw .conflict(Problem(t.status == .closed ? "hotline.callback.done" : "hotline.callback.not_resolved", [t.id.raw]))
        }
        let me = context.actor.id
        let by = calledBy ?? me
        if by != me { try context.require(.superviseTickets) }
        if let resolver = t.resolvedBy, resolver == by || resolver == me {
            throw .invalid([Problem("hotline.callback.by_resolver", [TicketRules.name(resolver, state)], field: "calledBy")])
        }
        var problems = TicketRules.text(comment, field: "comment", max: TicketRules.textMax, required: rating == .dissatisfied)
        if reached == .thirdParty || (t.cadre != nil && reached == .caller && t.caller.cadre == nil) {
            problems.append(Problem("hotline.callback.reached", field: "reached"))
        }
        if by != me, let p = TicketRules.handlerProblem(by, field: "calledBy", state) { problems.append(p) }
        try TicketRules.check(problems)
        return [TicketCallbackRecorded(id: id, at: context.now, calledBy: by, reached: reached, rating: rating,
                                       comment: Blank.trim(comment))]
    }
}

/// Reopens a resolved (or called-back) ticket with a reason.
public struct ReopenTicket: DeskCommand {
    public var id: ID<Ticket>
    public var reason: String

    public init(id: ID<Ticket>, reason: String) {
        self.id = id
        self.reason = reason
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.handleTickets)
        let t = try TicketRules.ticket(id, state)
        if t.status.isOpen { throw .conflict(Problem("hotline.reopen.already_open", [t.id.raw])) }
        try TicketRules.check(TicketRules.text(reason, field: "reason", max: TicketRules.textMax, required: true))
        return [TicketReopened(id: id, at: context.now, reason: Blank.trim(reason))]
    }
}

/// A supervisor's review of a ticket rated 不满意 (clears it from the review queue).
public struct ReviewTicket: DeskCommand {
    public var id: ID<Ticket>
    public var note: String

    public init(id: ID<Ticket>, note: String) {
        self.id = id
        self.note = note
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.superviseTickets)
        let t = try TicketRules.ticket(id, state)
        guard t.needsReview else { throw .conflict(Problem("hotline.review.not_needed", [t.id.raw])) }
        try TicketRules.check(TicketRules.text(note, field: "note", max: TicketRules.textMax, required: true))
        return [TicketReviewed(id: id, at: context.now, note: Blank.trim(note))]
    }
}

/// Voids a ticket opened by mistake or twice (kept, but out of queues and figures).
public struct VoidTicket: DeskCommand {
    public var id: ID<Ticket>
    public var reason: String

    public init(id: ID<Ticket>, reason: String) {
        self.id = id
        self.reason = reason
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.superviseTickets)
        _ = try TicketRules.ticket(id, state)
        try TicketRules.check(TicketRules.text(reason, field: "reason", max: TicketRules.textMax, required: true))
        return [TicketVoided(id: id, at: context.now, reason: Blank.trim(reason))]
    }
}

/// Checks shared by the ticket commands.
enum TicketRules {
    static let summaryMax = 60
    static let textMax = 2000


    /// The ticket, or a conflict if it vanished or was voided meanwhile.
    static func ticket(_ id: ID<Ticket>, _ state: DeskState) throws(DeskError) -> Ticket {
        guard let t = state.tickets[id] else { throw .conflict(Problem("hotline.not_found", [id.raw])) }
        if t.voided != nil { throw .conflict(Problem("hotline.voided", [id.raw])) }
        return t
    }

    /// The ticket, which must still be open (another terminal may have resolved it).
    static func open(_ id: ID<Ticket>, _ state: DeskState) throws(DeskError) -> Ticket {
        let t = try ticket(id, state)
        guard t.status.isOpen else { throw .conflict(Problem("hotline.not_open", [id.raw])) }
        return t
    }

    /// Throws every problem at once, if there are any.
    static func check(_ problems: [Problem]) throws(DeskError) {
        if !problems.isEmpty { throw .invalid(problems) }
    }

    static func text(_ s: String, field: String, max: Int, required: Bool) -> [Problem] {
        let t = Blank.trim(s)
        if required, t.isEmpty { return [Problem("hotline.\(field).required", field: field)] }
        if t.count > max { return [Problem("hotline.text.too_long", [String(max), String(t.count)], field: field)] }
        return []
    }

    /// A staff member who can be given tickets: present, active, allowed to handle them.
    static func handlerProblem(_ id: ID<Staff>, field: String, _ state: DeskState) -> Problem? {
        guard let s = state.staff[id] else { return Problem("staff.not_found", [id.raw], field: field) }
        if !s.active { return Problem("hotline.staff.inactive", [s.name], field: field) }
        if !s.role.can(.handleTickets) { return Problem("hotline.staff.cannot_handle", [s.name], field: field) }
        return nil
    }

    static func name(_ id: ID<Staff>, _ state: DeskState) -> String { state.staff[id]?.name ?? id.raw }

    static func clean(_ c: Caller) -> Caller {
        switch c {
        case .cadre: return c
        case .family(let cadre, let relation, let name, let phone):
            let p = phone.map { Blank.trim($0) }.flatMap { $0.isEmpty ? nil : (PhoneNumber.normalized($0) ?? $0) }
            return .family(cadre: cadre, relation: Blank.trim(relation), name: PersonName.normalized(name), phone: p)
        case .unknown(let name, let phone):
            return .unknown(name: PersonName.normalized(name), phone: PhoneNumber.normalized(phone) ?? Blank.trim(phone))
        }
    }

    static func problems(_ c: Caller, _ state: DeskState) -> [Problem] {
        var out: [Problem] = []
        switch c {
        case .cadre(let id):
            if state.roster[id] == nil { out.append(Problem("hotline.cadre.not_found", [id.raw], field: "caller")) }
        case .family(let id, let relation, let name, let phone):
            if state.roster[id] == nil { out.append(Problem("hotline.cadre.not_found", [id.raw], field: "caller")) }
            if relation.isEmpty { out.append(Problem("hotline.relation.required", field: "relation")) }
            if let p = PersonName.problem(name, field: "callerName") { out.append(p) }
            if let phone, let p = PhoneNumber.problem(phone, field: "callerPhone") { out.append(p) }
        case .unknown(let name, let phone):
            if let p = PersonName.problem(name, field: "callerName") { out.append(p) }
            if phone.isEmpty { out.append(Problem("hotline.callerPhone.required", field: "callerPhone")) }
            else if let p = PhoneNumber.problem(phone, field: "callerPhone") { out.append(p) }
        }
        return out
    }
}
