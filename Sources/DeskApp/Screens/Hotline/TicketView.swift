import DeskCore
import DeskTUI

/// One ticket: its facts and deadlines at the top, the timeline below
/// (scrolled with ↑↓/PgUp/PgDn/g/G), and the actions that apply to it now
/// as keys; each opens a small form over the lower part of the page.
/// Computed from the desk at every frame, so another terminal's change
/// (resolved, reassigned) shows at once.
struct TicketView {
    let id: ID<Ticket>
    var top = 0
    var action: (TicketAction, Form, TicketActionChoices)?
    var message: String?
    /// The page as last drawn, so that keys scroll and page by what is on screen.
    let drawn = DrawnPage()

    enum Outcome: Equatable { case handled, ignored, back }

    init(id: ID<Ticket>) { self.id = id }

    var capturesText: Bool { action != nil }
    var hasUnsavedChanges: Bool { action?.1.isDirty ?? false }

    func actions(_ app: AppContext) -> [TicketAction] {
        guard let t = app.state.tickets[id] else { return [] }
        return TicketAction.allCases.filter { $0.applies(to: t, app) }
    }

    func bindings(_ app: AppContext) -> [KeyBinding] {
        let t = app.text, g = t("hotline.detail.group")
        if let form = action?.1, form.discardConfirm != nil {
            return [KeyBinding(keys: [.char("y")], label: t("app.form.discard_yes"), help: t("app.form.discard"), group: g, showInBar: true, priority: 9),
                    KeyBinding(keys: [.char("n"), .escape], label: t("app.form.keep_editing"), help: t("app.form.keep_editing"), group: g,
                               showInBar: true, priority: 8)]
        }
        if action != nil {
            return [KeyBinding(keys: [.enter], label: t("app.keys.save"), help: t("app.keys.save_long"), group: g, showInBar: true, priority: 9),
                    KeyBinding(keys: [.tab, .backTab], label: t("app.keys.next_field"), help: t("app.keys.next_field_long"), group: g, showInBar: true),
                    KeyBinding(keys: [.escape], label: t("app.keys.cancel"), help: t("app.keys.cancel_long"), group: g, showInBar: true, priority: 8)]
        }
        var out = actions(app).map {
            KeyBinding(keys: [$0.key], label: $0.label(t), help: $0.help(t), group: g, showInBar: true, priority: $0.priority)
        }
        out.append(KeyBinding(keys: [.escape], label: t("hotline.keys.back"), help: t("hotline.keys.back_long"), group: g, showInBar: true, priority: 9))
        out.append(KeyBinding(keys: [.up, .down, .char("j"), .char("k")], label: t("hotline.keys.scroll"), help: t("hotline.keys.scroll_long"), group: g))
        out.append(KeyBinding(keys: [.pageUp, .pageDown, .char("g"), .char("G")], label: t("hotline.keys.page"), help: t("hotline.keys.page_long"), group: g))
        return out
    }

    mutating func refresh(_ app: AppContext) {
        // An action that no longer applies (resolved meanwhile in another terminal) keeps its
        // form open: saving then shows the domain's reason, and nothing typed is lost.
    }

    // MARK: Keys

    mutating func update(_ key: Key, _ app: AppContext) -> Outcome {
        if let (a, form, choices) = action {
            var f = form
            switch f.handle(key) {
            case .submit(let values):
                action = (a, f, choices)
                save(a, values, choices, app)
            case .cancel:
                action = nil
                message = nil
            default:
                action = (a, f, choices)
            }
            return .handled
        }
        message = nil
        switch key {
        case .escape: return .back
        case .up, .char("k"): scroll(to: top - 1)
        case .down, .char("j"): scroll(to: top + 1)
        case .pageUp: scroll(to: top - max(1, drawn.height - 1))
        case .pageDown: scroll(to: top + max(1, drawn.height - 1))
        case .home, .char("g"): scroll(to: 0)
        case .end, .char("G"): scroll(to: drawn.lines)
        default:
            guard let a = actions(app).first(where: { $0.key == key }), let ticket = app.state.tickets[id] else { return .ignored }
            if let refusal = TicketView.refusal(a, ticket, app) {
                message = refusal
                return .handled
            }
            let (form, choices) = a.form(ticket, app)
            action = (a, form, choices)
        }
        return .handled
    }

    mutating func scroll(to line: Int) {
        top = max(0, min(line, drawn.lines - drawn.height))
    }

    /// The domain's reason an action cannot be taken by this person at all,
    /// asked before a form is filled in for nothing: the resolver may not
    /// record the satisfaction callback.
    static func refusal(_ a: TicketAction, _ ticket: Ticket, _ app: AppContext) -> String? {
        guard a == .callback, ticket.resolvedBy == app.staff.id else { return nil }
        let trial = RecordCallback(id: ticket.id, rating: .satisfied, reached: ticket.cadre != nil ? .cadre : .caller)
        let context = CommandContext(actor: app.staff, now: app.now, clock: app.desk.clock)
        do {
            _ = try trial.events(in: app.state, context: context)
            return nil
        } catch {
            return error.problems.map(app.text.message).joined(separator: " ")
        }
    }

    mutating func save(_ a: TicketAction, _ values: FormValues, _ choices: TicketActionChoices, _ app: AppContext) {
        let t = app.text
        let command: any DeskCommand
        switch a.command(values, choices, ticket: id, app) {
        case .success(let c): command = c
        case .failure(let p):
            guard var current = action else { return }
            current.1.show(p)
            action = current
            return
        }
        switch app.perform(command) {
        case .success(let applied):
            action = nil
            message = nil
            app.toast(applied.isEmpty ? t("app.nothing_changed") : t("hotline.action.done", a.label(t)))
        case .failure(let error):
            guard var current = action else { return }
            let general = FormProblems.show(TicketView.renamed(error), on: &current.1, t)
            action = current
            message = general.isEmpty ? nil : general.joined(separator: " ")
        }
    }

    /// The error with its problems' fields named as the action forms name them.
    static func renamed(_ e: DeskError) -> DeskError {
        guard case .invalid(let problems) = e else { return e }
        return .invalid(problems.map { p in
            var q = p
            if let f = p.field, let alias = TicketAction.fieldAliases[f] { q.field = alias }
            return q
        })
    }

    // MARK: Drawing

    /// The page as lines (facts, then the timeline), wrapped to `width`.
    func lines(_ d: TicketDetail, width: Int, _ app: AppContext) -> [CallerCard.Line] {
        let t = app.text, disp = app.display
        let ticket = d.ticket
        var out: [CallerCard.Line] = []
        func add(_ label: String, _ value: String, _ style: Style = Style(.normal)) {
            guard !value.isEmpty else { return }
            let head = DisplayWidth.pad(label, to: 10)
            for (i, piece) in WordWrap.lines(value, width: max(10, width - 10)).enumerated() {
                out.append(CallerCard.Line(text: (i == 0 ? head : String(repeating: " ", count: 10)) + piece, style: style))
            }
        }
        let status = ticket.voided != nil ? t("hotline.status.voided") : ticket.status.text(t)
        var head = [ticket.id.raw, app.state.settings.hotline.categoryName(ticket.category, t), ticket.priority.text(t), "【\(status)】"]
        if let w = ticket.waitingOn, ticket.status == .waiting { head.append(w.text(t)) }
        if ticket.needsReview { head.append(t("hotline.reminder.review")) }
        out.append(CallerCard.Line(text: head.joined(separator: "  "), style: Style(.title, .bold), band: true))
        add(t("hotline.detail.summary"), ticket.summary, Style(.normal, .bold))
        add(t("hotline.detail.caller"), TicketWords.caller(ticket.caller, app))
        if let c = ticket.cadre {
            let name = app.state.roster[c]?.name ?? c.raw
            add(t("hotline.detail.cadre"), "\(name)  \(c.raw)")
        }
        add(t("hotline.detail.opened"), t("hotline.detail.opened_value", disp.dateTime(ticket.openedAt, today: app.today), TicketWords.staffName(ticket.openedBy, app),
                                          ticket.channel.text(t)))
        var handling = ticket.assignee.map { TicketWords.staffName($0, app) } ?? t("hotline.queue.unassigned")
        if let b = ticket.backup { handling += "  " + t("hotline.detail.backup_is", TicketWords.staffName(b, app)) }
        if d.row.isCovered, ticket.isOpen, let h = d.row.handler {
            handling += "  " + t("hotline.detail.covered_by", TicketWords.staffName(h, app))
        }
        add(t("hotline.detail.handler"), handling)
        if let r = d.response {
            add(t("hotline.deadline.response"), TicketWords.deadline(r, app), Style(r.level == .overdue ? .error : r.level == .dueSoon ? .warning : .normal))
        } else if let at = ticket.firstResponseAt {
            add(t("hotline.deadline.response"), t("hotline.detail.responded", disp.dateTime(at, today: app.today)))
        }
        if let c = d.completion {
            add(t("hotline.deadline.completion"), TicketWords.deadline(c, app), Style(c.level == .overdue ? .error : c.level == .dueSoon ? .warning : .normal))
        }
        if let m = ticket.manualDeadline { add(t("hotline.deadline.manual"), t("hotline.detail.manual_value", disp.dateTime(m.due, today: app.today), m.reason)) }
        add(t("hotline.detail.details"), ticket.details)
        if let s = ticket.source { add(t("hotline.detail.source"), t("hotline.detail.source_value", s.visit, s.need + 1)) }
        if let res = ticket.resolution, let at = ticket.resolvedAt {
            var text = t("hotline.detail.resolved_value", res, TicketWords.staffName(ticket.resolvedBy, app), disp.dateTime(at, today: app.today))
            if let inTime = d.resolvedInTime { text += "  " + t(inTime ? "hotline.detail.in_time" : "hotline.detail.late") }
            add(t("hotline.detail.resolution"), text)
        }
        for cb in ticket.callbacks {
            add(t("hotline.detail.callback"), t("hotline.detail.callback_value", cb.rating.text(t), cb.reached.text(t),
                                               TicketWords.staffName(cb.by, app), disp.dateTime(cb.at, today: app.today), cb.comment))
        }
        if let v = ticket.voided { add(t("hotline.status.voided"), v, Style(.muted)) }
        out.append(CallerCard.Line(text: t("hotline.detail.timeline", ticket.timeline.count), style: Style(.header), band: true))
        let settings = app.state.settings.hotline
        for e in ticket.timeline {
            let lead = disp.dateTime(e.at, today: app.today) + "  " + DisplayWidth.pad(TicketWords.staffName(e.by, app), to: 6) + "  "
            let text = e.text(t, settings: settings) { TicketWords.staffName($0, app) }
            let pad = String(repeating: " ", count: DisplayWidth.of(lead))
            for (i, piece) in WordWrap.lines(text, width: max(10, width - DisplayWidth.of(lead))).enumerated() {
                out.append(CallerCard.Line(text: (i == 0 ? lead : pad) + piece, style: Style(.normal)))
            }
        }
        return out
    }

    func view(_ canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        guard let d = app.state.ticketDetail(id, now: app.now) else {
            _ = canvas.put(app.text("hotline.not_found", id.raw), at: rect.origin, style: Style(.warning), maxWidth: rect.width)
            return
        }
        var body = rect
        if let message {
            let wrapped = WordWrap.lines(message, width: body.width)
            let (top, rest) = body.splitTop(min(wrapped.count, 2))
            for (i, line) in wrapped.prefix(2).enumerated() {
                _ = canvas.put(line, at: Point(x: top.x, y: top.y + i), style: Style(.warning), maxWidth: top.width)
            }
            body = rest
        }
        let all = lines(d, width: body.width, app)
        drawn.lines = all.count
        drawn.height = body.height
        let first = max(0, min(top, all.count - body.height))
        for (i, line) in all.dropFirst(first).prefix(body.height).enumerated() {
            let row = Rect(x: body.x, y: body.y + i, width: body.width, height: 1)
            if line.band { canvas.fill(row, style: line.style) }
            _ = canvas.put(line.text, at: row.origin, style: line.style, maxWidth: row.width)
        }
        if let (a, form, _) = action {
            // The box grows with the messages wrapped under their fields (border and padding: 4).
            let width = min(body.width, 76)
            let height = min(body.height, form.height(width: width - 4) + 4)
            let box = Rect(x: body.x + (body.width - width) / 2, y: body.maxY - height, width: width, height: height)
            let inner = Box.modal(in: &canvas, rect: box, title: a.label(app.text) + " · " + id.raw).insetBy(dx: 1, dy: 1)
            // The discard question needs more lines than a one-field box has: it is asked over the page.
            form.draw(in: &canvas, rect: inner, dialogArea: rect)
        }
    }
}

/// What the last frame showed of a scrolled page (lines in all, lines visible).
/// The view records it while drawing; keys read it to scroll by what is on screen.
final class DrawnPage {
    var lines = 0
    var height = 10
}
