import DeskCore
import DeskTUI

/// What can be done to a ticket from its detail page: each action has a key,
/// says when it applies (status and role), builds its form, and turns the
/// form's values into the domain command. Opening a form changes nothing;
/// Enter in the form does.
enum TicketAction: String, CaseIterable {
    case note, call, status, assign, reclassify, deadline, resolve, callback, reopen, review, void

    var key: Key {
        switch self {
        case .note: .char("a")
        case .call: .char("c")
        case .status: .char("w")
        case .assign: .char("f")
        case .reclassify: .char("e")
        case .deadline: .char("d")
        case .resolve: .char("b")
        case .callback: .char("h")
        case .reopen: .char("o")
        case .review: .char("v")
        case .void: .char("X")
        }
    }

    /// Bar priority: the usual next step of a ticket comes first.
    var priority: Int {
        switch self {
        case .resolve, .callback, .review: 8
        case .note, .call: 7
        case .status, .reopen: 6
        case .assign: 5
        case .reclassify, .deadline: 4
        case .void: 2
        }
    }

    func label(_ t: Localizer) -> String { t("hotline.action.\(rawValue)") }
    func help(_ t: Localizer) -> String { t("hotline.action.\(rawValue)_long") }

    /// Whether the action applies to `ticket` for this session (the key is only offered then).
    func applies(to ticket: Ticket, _ app: AppContext) -> Bool {
        guard ticket.voided == nil else { return false }
        switch self {
        case .note, .call: return true
        case .status, .reclassify, .deadline, .resolve: return ticket.isOpen
        case .assign:
            guard ticket.isOpen else { return false }
            let me = app.staff.id
            let handler = TicketRouting.handler(of: ticket, on: app.today, staff: app.state.staff)
            return ticket.assignee == me || handler == me || ticket.assignee == nil || app.can(.superviseTickets)
        case .callback: return ticket.status == .resolved && app.can(.rateCallback)
        case .reopen: return !ticket.status.isOpen
        case .review: return ticket.needsReview && app.can(.superviseTickets)
        case .void: return app.can(.superviseTickets)
        }
    }

    /// The form for this action on `ticket`, and the choice lists behind it.
    func form(_ ticket: Ticket, _ app: AppContext) -> (Form, TicketActionChoices) {
        let t = app.text, d = app.display
        var c = TicketActionChoices()
        var fields: [FormField] = []
        switch self {
        case .note:
            fields = [.text("text", label: t("hotline.field.note"), required: true)]
        case .call:
            c.directions = [.callOut, .callIn]
            c.parties = TicketActionChoices.parties(ticket, includeThirdParty: true)
            // What was said first (that is what gets typed); direction and party have the usual defaults.
            fields = [.text("text", label: t("hotline.field.call_text"), required: true),
                      .choice("kind", label: t("hotline.field.direction"), options: c.directions.map { t("hotline.note.\($0.rawValue)") }, width: 8),
                      .choice("party", label: t("hotline.field.party"), options: c.parties.map { $0.text(t) }, width: 14)]
        case .status:
            c.statuses = [(.inProgress, nil), (.waiting, .caller), (.waiting, .thirdParty)]
            // The likely change: 受理 or 等待回复 → 处理中; 处理中 → 等待回复.
            fields = [.choice("status", label: t("hotline.field.status"), options: c.statuses.map { $0.1?.text(t) ?? $0.0.text(t) },
                              selected: ticket.status == .inProgress ? 1 : 0, width: 18),
                      .text("note", label: t("hotline.field.status_note"))]
        case .assign:
            let handlers = TicketStaff.handlers(app)
            c.assignees = handlers.map { Optional($0) } + [nil]
            c.backups = [nil] + handlers.map { Optional($0) }
            let names = handlers.map { TicketWords.staffName($0, app) }
            fields = [.choice("assignee", label: t("hotline.field.assignee"), options: names + [t("hotline.queue.unassigned")],
                              selected: c.assignees.firstIndex(of: ticket.assignee) ?? handlers.count, width: 14),
                      .choice("backup", label: t("hotline.field.backup"), options: [t("hotline.field.none")] + names,
                              selected: c.backups.firstIndex(of: ticket.backup) ?? 0, width: 14),
                      .text("note", label: t("hotline.field.assign_note"))]
        case .reclassify:
            let settings = app.state.settings.hotline
            c.categories = settings.categories.filter { $0.active || $0.code == ticket.category }.map(\.code)
            fields = [.choice("category", label: t("hotline.field.category"), options: c.categories.map { settings.categoryName($0, t) },
                              selected: c.categories.firstIndex(of: ticket.category) ?? 0, width: 16),
                      .choice("priority", label: t("hotline.field.priority"), options: TicketPriority.allCases.map { $0.text(t) },
                              selected: TicketPriority.allCases.firstIndex(of: ticket.priority) ?? 0, width: 10),
                      .text("note", label: t("hotline.field.reclassify_note"))]
        case .deadline:
            let due = ticket.manualDeadline?.due ?? ticket.completion(at: app.now, settings: app.state.settings.hotline)?.due
            fields = [.text("date", label: t("hotline.field.due_date"), text: due.map { d.date($0.date) } ?? "",
                            placeholder: t("hotline.field.due_date_hint"), maxLength: 10, width: 12),
                      .text("time", label: t("hotline.field.due_time"), text: due.map { d.time($0.time) } ?? "17:00", maxLength: 5, width: 6),
                      .text("reason", label: t("hotline.field.reason"), required: true)]
        case .resolve:
            fields = [.text("resolution", label: t("hotline.field.resolution"), required: true)]
        case .callback:
            c.ratings = CallbackRating.allCases
            c.parties = TicketActionChoices.parties(ticket, includeThirdParty: false)
            fields = [.choice("rating", label: t("hotline.field.rating"), options: c.ratings.map { $0.text(t) }, width: 12),
                      .choice("reached", label: t("hotline.field.reached"), options: c.parties.map { $0.text(t) }, width: 14),
                      .text("comment", label: t("hotline.field.comment"))]
        case .reopen, .void:
            fields = [.text("reason", label: t("hotline.field.reason"), required: true)]
        case .review:
            fields = [.text("note", label: t("hotline.field.review_note"), required: true)]
        }
        return (Form(fields: fields, strings: FormProblems.strings(t)), c)
    }

    /// The command for the form's values, or a problem with one field (a date
    /// that does not parse) as (field, message).
    func command(_ v: FormValues, _ c: TicketActionChoices, ticket id: ID<Ticket>, _ app: AppContext) -> Result<any DeskCommand, FieldProblem> {
        func pick<T>(_ list: [T], _ field: String) -> T? { v.choice(field).flatMap { list.indices.contains($0) ? list[$0] : nil } }
        switch self {
        case .note:
            return .success(AddTicketNote(id: id, kind: .note, text: v.text("text")))
        case .call:
            return .success(AddTicketNote(id: id, kind: pick(c.directions, "kind") ?? .callOut, party: pick(c.parties, "party"), text: v.text("text")))
        case .status:
            let s = pick(c.statuses, "status") ?? (.inProgress, nil)
            return .success(ChangeTicketStatus(id: id, to: s.0, waitingOn: s.1, note: v.text("note")))
        case .assign:
            return .success(AssignTicket(id: id, assignee: pick(c.assignees, "assignee") ?? nil, backup: pick(c.backups, "backup") ?? nil,
                                         note: v.text("note")))
        case .reclassify:
            return .success(ReclassifyTicket(id: id, category: pick(c.categories, "category") ?? "",
                                             priority: pick(TicketPriority.allCases, "priority") ?? .normal, note: v.text("note")))
        case .deadline:
            let dateText = v.text("date").trimmed
            if dateText.isEmpty { return .success(SetTicketDeadline(id: id, due: nil, reason: v.text("reason"))) }
            guard let date = LocalDate(dateText) else { return .failure(FieldProblem("date", app.text("app.bad_date"))) }
            guard let time = LocalTime(v.text("time").trimmed) else {
                return .failure(FieldProblem("time", app.text("hotline.field.bad_time")))
            }
            return .success(SetTicketDeadline(id: id, due: LocalDateTime(date, time), reason: v.text("reason")))
        case .resolve:
            return .success(ResolveTicket(id: id, resolution: v.text("resolution")))
        case .callback:
            return .success(RecordCallback(id: id, rating: pick(c.ratings, "rating") ?? .satisfied, reached: pick(c.parties, "reached") ?? .cadre,
                                           comment: v.text("comment")))
        case .reopen:
            return .success(ReopenTicket(id: id, reason: v.text("reason")))
        case .review:
            return .success(ReviewTicket(id: id, note: v.text("note")))
        case .void:
            return .success(VoidTicket(id: id, reason: v.text("reason")))
        }
    }

    /// The domain's field names that this action's form shows under another id.
    static let fieldAliases = ["due": "date", "waitingOn": "status"]
}

/// The options behind an action form's choice fields, by index.
struct TicketActionChoices {
    var directions: [TicketNoted.Kind] = []
    var parties: [CallParty] = []
    var statuses: [(TicketStatus, WaitingOn?)] = []
    var assignees: [ID<Staff>?] = []
    var backups: [ID<Staff>?] = []
    var categories: [String] = []
    var ratings: [CallbackRating] = []

    /// Who can be on the line for this ticket: the cadre and family when it
    /// concerns a cadre, else the caller; a third party only for calls made.
    static func parties(_ t: Ticket, includeThirdParty: Bool) -> [CallParty] {
        var out: [CallParty] = t.cadre != nil ? [.cadre, .family] : [.caller]
        if t.cadre != nil, case .unknown = t.caller, includeThirdParty { out.append(.caller) }
        if includeThirdParty { out.append(.thirdParty) }
        return out
    }
}
