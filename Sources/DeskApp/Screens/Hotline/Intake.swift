import DeskCore
import DeskTUI

/// 受理来电, built for a call in progress: type the number (or its last 4
/// digits, or a name) and the matching cadre's card is there at once; Enter
/// takes that person and moves to the form (category, 紧急, summary…); Enter
/// on the form opens the ticket and shows the promised time to read back to
/// the caller. F3 takes a caller who is not on the roster.
struct Intake {
    var picker: CadrePicker
    var focus = Focus.search
    /// The cadre the ticket is about (nil with `unknownCaller` or before a pick).
    var picked: Picked?
    var unknownCaller = false
    var form: Form?
    var choices = Choices()
    /// Whether the person changed 紧急 by hand (else it follows the category).
    var priorityTouched = false
    /// A visit's raised need this ticket follows up, and how to name it.
    var source: TicketSource?
    var sourceLine: String?
    var message: String?
    var dialog: (Dialog, Purpose)?
    var opened: Opened?

    enum Focus: Equatable { case search, form, done }
    enum Purpose { case confirmWarnings(OpenTicket), discard }
    enum Outcome: Equatable { case handled, ignored, close, again, open(ID<Ticket>) }

    struct Picked: Equatable {
        var cadre: ID<Cadre>
        /// What matched the search ("女儿 李梅 的电话").
        var match: String?
        /// The family member whose phone matched (the likely caller).
        var family: Int?
    }

    struct Opened: Equatable {
        var id: ID<Ticket>
        /// "将于 11月24日 17:00 前办结", as it stood when the ticket was opened.
        var readBack: String
    }

    /// The options behind the form's choice fields, by index.
    struct Choices {
        var callers: [Caller] = []
        var categories: [String] = []
        var priorities = TicketPriority.allCases
        var channels = TicketChannel.allCases
        var assignees: [ID<Staff>?] = []
        var backups: [ID<Staff>?] = []
    }

    init(_ app: AppContext, cadre: ID<Cadre>?) {
        picker = CadrePicker(placeholder: app.text("hotline.intake.placeholder"), query: cadre?.raw ?? "")
        picker.search(app)
        if let cadre, app.state.roster[cadre] != nil { pick(cadre, match: nil, family: nil, app) }
    }

    /// Pre-filled from need `need` of visit `visit`, linked to it.
    init(_ app: AppContext, visit: String, need: Int) {
        self.init(app, cadre: nil)
        let t = app.text
        guard let detail = try? app.desk.visitDetail(ID(visit)), detail.record.needs.indices.contains(need) else {
            message = t("hotline.source.bad")
            return
        }
        let text = detail.record.needs[need]
        source = TicketSource(visit: visit, need: need)
        sourceLine = t("hotline.intake.from_visit", visit, app.display.shortDate(detail.record.at.date, today: app.today), need + 1)
        if let cadre = detail.record.cadres.first {
            picker = CadrePicker(placeholder: t("hotline.intake.placeholder"), query: cadre.raw)
            picker.search(app)
            pick(cadre, match: nil, family: nil, app)
        }
        // A long need becomes a short summary; the whole text goes to the details.
        let summary = text.count <= 40 ? text : String(text.prefix(39)) + "…"
        makeForm(app, keeping: FormValues(["summary": .text(summary), "details": .text(text == summary ? "" : text),
                                           "channel": .choice(TicketChannel.allCases.firstIndex(of: .visit)!)]))
    }

    var capturesText: Bool { dialog != nil || focus != .done }

    var hasUnsavedChanges: Bool {
        guard focus != .done, let v = form?.values else { return false }
        return ["summary", "details", "callerName"].contains { !v.text($0).trimmed.isEmpty }
    }

    func bindings(_ app: AppContext) -> [KeyBinding] {
        let t = app.text, g = t("hotline.intake.title")
        if dialog != nil { return [] }
        switch focus {
        case .search:
            return [KeyBinding(keys: [.enter, .tab], label: t("hotline.keys.pick"), help: t("hotline.keys.pick_long"), group: g, showInBar: true, priority: 9),
                    KeyBinding(keys: [.up, .down], label: t("hotline.keys.choose"), help: t("hotline.keys.choose_long"), group: g, showInBar: true, priority: 6),
                    KeyBinding(keys: [.f(3)], label: t("hotline.keys.unknown"), help: t("hotline.keys.unknown_long"), group: g, showInBar: true, priority: 8),
                    KeyBinding(keys: [.escape], label: t("hotline.keys.clear"), help: t("hotline.keys.clear_long"), group: g, showInBar: true, priority: 7)]
        case .form:
            return [KeyBinding(keys: [.enter], label: t("hotline.keys.open_ticket"), help: t("hotline.keys.open_ticket_long"), group: g, showInBar: true, priority: 9),
                    KeyBinding(keys: [.tab, .backTab], label: t("app.keys.next_field"), help: t("app.keys.next_field_long"), group: g, showInBar: true, priority: 7),
                    KeyBinding(keys: [.left, .right], label: t("hotline.keys.option"), help: t("hotline.keys.option_long"), group: g, showInBar: true, priority: 6),
                    KeyBinding(keys: [.f(3)], label: t("hotline.keys.unknown"), help: t("hotline.keys.unknown_long"), group: g, showInBar: false),
                    KeyBinding(keys: [.escape], label: t("hotline.keys.back_to_search"), help: t("hotline.keys.back_to_search_long"), group: g, showInBar: true, priority: 8)]
        case .done:
            return [KeyBinding(keys: [.enter], label: t("hotline.keys.open"), help: t("hotline.keys.open_long"), group: g, showInBar: true, priority: 9),
                    KeyBinding(keys: [.f(2), .char("a")], label: t("hotline.keys.intake_next"), help: t("hotline.keys.intake_long"), group: g, showInBar: true, priority: 8),
                    KeyBinding(keys: [.escape], label: t("hotline.keys.back"), help: t("hotline.keys.back_long"), group: g, showInBar: true, priority: 7)]
        }
    }

    mutating func refresh(_ app: AppContext) {
        picker.search(app)
    }

    // MARK: Choosing the caller

    mutating func pick(_ cadre: ID<Cadre>, match: String?, family: Int?, _ app: AppContext) {
        let keep = form?.values
        picked = Picked(cadre: cadre, match: match, family: family)
        unknownCaller = false
        makeForm(app, keeping: keep)
        focus = .form
        message = nil
    }

    mutating func takeUnknownCaller(_ app: AppContext) {
        let keep = form?.values
        picked = nil
        unknownCaller = true
        var carried = keep ?? FormValues()
        let typed = picker.query.trimmed
        if carried.text("callerPhone").isEmpty, !typed.isEmpty, typed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) {
            carried.byID["callerPhone"] = .text(typed)
        }
        makeForm(app, keeping: carried)
        form?.focus(fieldID: "callerName")
        focus = .form
        message = nil
    }

    /// The form for the chosen caller, carrying over what was already typed or chosen.
    mutating func makeForm(_ app: AppContext, keeping old: FormValues?) {
        let t = app.text, state = app.state
        let settings = state.settings.hotline
        var c = Choices()
        var fields: [FormField] = []
        var callerNames: [String] = []
        if let p = picked, let cadre = state.roster[p.cadre] {
            c.callers = [.cadre(cadre.id)] + cadre.family.map { .family(cadre: cadre.id, relation: $0.relation, name: $0.name, phone: $0.phone) }
            callerNames = [t("hotline.caller.self", cadre.name)] + cadre.family.map { t("hotline.caller.relative", $0.name, $0.relation) }
            fields.append(.choice("caller", label: t("hotline.field.caller"), options: callerNames, selected: (p.family ?? -1) + 1, width: 24))
        } else if unknownCaller {
            fields.append(.text("callerName", label: t("hotline.field.caller_name"), text: old?.text("callerName") ?? "", required: true, maxLength: 20, width: 16))
            fields.append(.text("callerPhone", label: t("hotline.field.caller_phone"), text: old?.text("callerPhone") ?? "", required: true, maxLength: 20, width: 16))
        }
        // The summary first: the caller is already talking about it.
        fields.append(.text("summary", label: t("hotline.field.summary"), text: old?.text("summary") ?? "",
                            placeholder: t("hotline.field.summary_hint"), required: true))
        c.categories = settings.categories.filter(\.active).map(\.code)
        let category = min(old?.choice("category") ?? 0, max(0, c.categories.count - 1))
        fields.append(.choice("category", label: t("hotline.field.category"), options: c.categories.map { settings.categoryName($0, t) },
                              selected: category, width: 16))
        let urgentDefault = c.categories.indices.contains(category) && settings.category(c.categories[category])?.urgentByDefault == true
        fields.append(.choice("priority", label: t("hotline.field.priority"), options: c.priorities.map { $0.text(t) },
                              selected: old?.choice("priority") ?? (urgentDefault ? 1 : 0), width: 10))
        fields.append(.text("details", label: t("hotline.field.details"), text: old?.text("details") ?? ""))
        fields.append(.choice("channel", label: t("hotline.field.channel"), options: c.channels.map { $0.text(t) },
                              selected: old?.choice("channel") ?? 0, width: 12))
        let handlers = TicketStaff.handlers(app)
        c.assignees = handlers.map { Optional($0) } + [nil]
        let suggested = state.suggestedAssignee(for: picked?.cadre, taker: app.staff.id)
        fields.append(.choice("assignee", label: t("hotline.field.assignee"), options: handlers.map { TicketWords.staffName($0, app) } + [t("hotline.queue.unassigned")],
                              selected: handlers.firstIndex(of: suggested) ?? handlers.count, width: 14))
        c.backups = [nil] + handlers.map { Optional($0) }
        fields.append(.choice("backup", label: t("hotline.field.backup"), options: [t("hotline.field.none")] + handlers.map { TicketWords.staffName($0, app) },
                              selected: 0, width: 14))
        choices = c
        let focused = form?.focusedFieldID.flatMap { id in fields.contains { $0.id == id } ? id : nil }
        form = Form(fields: fields, strings: FormProblems.strings(t))
        form?.focus(fieldID: focused ?? (picked != nil ? "summary" : "callerName"))
    }

    // MARK: Keys

    mutating func update(_ key: Key, _ app: AppContext) -> Outcome {
        if let (d, purpose) = dialog {
            var d = d
            let outcome = d.handle(key)
            dialog = (d, purpose)
            switch outcome {
            case .chosen(0):
                dialog = nil
                switch purpose {
                case .confirmWarnings(var command):
                    command.confirmed = true
                    submit(command, app)
                case .discard:
                    return .close
                }
            case .chosen, .dismissed: dialog = nil
            default: break
            }
            return .handled
        }
        switch focus {
        case .search: return updateSearch(key, app)
        case .form: return updateForm(key, app)
        case .done:
            switch key {
            case .enter: return opened.map { .open($0.id) } ?? .close
            case .f(2), .char("a"): return .again
            case .escape: return .close
            default: return .ignored
            }
        }
    }

    mutating func updateSearch(_ key: Key, _ app: AppContext) -> Outcome {
        switch key {
        case .f(3):
            takeUnknownCaller(app)
            return .handled
        case .enter, .tab:
            if let id = picker.selectedID {
                let hit = picker.hits[picker.selected]
                var family: Int? = nil
                if case .phone(_, .family(let i)) = hit.match { family = i }
                let match = app.state.roster[id].map { RosterText.matchLabel(hit, $0, app.text) }
                pick(id, match: match, family: family, app)
            } else if !picker.query.trimmed.isEmpty {
                takeUnknownCaller(app)
            } else if form != nil {
                focus = .form
            } else {
                message = app.text("hotline.intake.type_first")
            }
            return .handled
        default:
            message = nil
            switch picker.handle(key, app) {
            case .cancelled:
                if hasUnsavedChanges {
                    let t = app.text
                    dialog = (Dialog.confirm(message: t("hotline.intake.discard"), yes: t("app.form.discard_yes"), no: t("app.form.keep_editing")), .discard)
                    return .handled
                }
                return .close
            case .changed, .picked: return .handled
            case .ignored: return .ignored
            }
        }
    }

    mutating func updateForm(_ key: Key, _ app: AppContext) -> Outcome {
        guard var f = form else { focus = .search; return .handled }
        switch key {
        case .escape:
            focus = .search
            return .handled
        case .f(3):
            takeUnknownCaller(app)
            return .handled
        default:
            break
        }
        let before = f.values
        let outcome = f.handle(key)
        form = f
        switch outcome {
        case .submit(let v):
            if let command = command(v, app) { submit(command, app) }
        case .cancel:
            focus = .search
        default:
            let after = f.values
            if f.focusedFieldID == "priority", after.choice("priority") != before.choice("priority") { priorityTouched = true }
            if after.choice("category") != before.choice("category"), !priorityTouched { followCategory(app) }
        }
        return .handled
    }

    /// 紧急 follows the category (一键通 紧急求助) until set by hand.
    mutating func followCategory(_ app: AppContext) {
        guard let f = form, let i = f.values.choice("category"), choices.categories.indices.contains(i) else { return }
        let urgent = app.state.settings.hotline.category(choices.categories[i])?.urgentByDefault == true
        form = f.settingChoice(urgent ? 1 : 0, forField: "priority")
    }

    func command(_ v: FormValues, _ app: AppContext) -> OpenTicket? {
        let c = choices
        func pick<T>(_ list: [T], _ id: String) -> T? { v.choice(id).flatMap { list.indices.contains($0) ? list[$0] : nil } }
        let caller: Caller
        if let p = picked {
            caller = pick(c.callers, "caller") ?? .cadre(p.cadre)
        } else {
            caller = .unknown(name: v.text("callerName"), phone: v.text("callerPhone"))
        }
        guard let category = pick(c.categories, "category") else { return nil }
        return OpenTicket(caller: caller, cadre: picked?.cadre, channel: pick(c.channels, "channel") ?? .hotline, category: category,
                          priority: pick(c.priorities, "priority") ?? .normal, summary: v.text("summary"), details: v.text("details"),
                          assignee: pick(c.assignees, "assignee") ?? nil, backup: pick(c.backups, "backup") ?? nil, source: source)
    }

    mutating func submit(_ command: OpenTicket, _ app: AppContext) {
        let t = app.text
        switch app.perform(command) {
        case .success(let applied):
            guard let e = applied.first?.event as? TicketOpened else { return }
            let due = app.state.settings.hotline.promisedCompletion(category: e.category, priority: e.priority, openedAt: e.at)
            opened = Opened(id: e.id, readBack: due.map { $0.promiseReadBack(t) } ?? "")
            focus = .done
            form = nil
            message = nil
            app.toast(t("hotline.intake.opened", e.id.raw))
        case .failure(.needsConfirmation(let warnings)):
            let text = warnings.map(t.message).joined(separator: "\n")
            dialog = (Dialog.confirm(title: t("hotline.intake.confirm_title"), message: text, yes: t("hotline.intake.confirm_yes"),
                                     no: t("hotline.intake.confirm_no")), .confirmWarnings(command))
        case .failure(let error):
            guard var f = form else { return }
            let general = FormProblems.show(error, on: &f, t)
            form = f
            message = general.isEmpty ? nil : general.joined(separator: " ")
        }
    }

    // MARK: Drawing

    func view(_ canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        let t = app.text
        let leftWidth = max(38, rect.width / 2)
        let (left, rest) = rect.splitLeft(leftWidth)
        let (gap, right) = rest.splitLeft(1)
        for y in gap.y..<gap.maxY { _ = canvas.put("│", at: Point(x: gap.x, y: y), style: Style(.border)) }

        // Right: the form, the promise to read back, problems. Drawn before the
        // search line, which then owns the cursor while the search has the focus.
        var r = right.insetBy(dx: 1, dy: 0)
        _ = canvas.put(t("hotline.intake.title"), at: r.origin, style: Style(.header), maxWidth: r.width)
        r = r.splitTop(1).rest
        if let sourceLine {
            for line in WordWrap.lines(sourceLine, width: r.width) where r.height > 0 {
                _ = canvas.put(line, at: r.origin, style: Style(.muted), maxWidth: r.width)
                r = r.splitTop(1).rest
            }
        }
        if focus == .done, let opened {
            drawOpened(opened, &canvas, rect: r, app)
        } else if let form {
            // Room for every field and the messages wrapped under them, and a line before the notes.
            let (top, below) = r.splitTop(min(r.height, form.height(width: r.width) + 1))
            form.draw(in: &canvas, rect: top)
            var y = below.y
            var notes: [(String, Style)] = []
            if let promise = promise(form.values, app) { notes.append((t("hotline.intake.promise", promise), Style(.ok))) }
            if let message { notes.append((message, Style(.error))) }
            for (text, style) in notes {
                for line in WordWrap.lines(text, width: below.width) where y < below.maxY {
                    _ = canvas.put(line, at: Point(x: below.x, y: y), style: style, maxWidth: below.width)
                    y += 1
                }
            }
        } else {
            let hint = message ?? t("hotline.intake.hint")
            for (i, line) in WordWrap.lines(hint, width: r.width).enumerated() where i < r.height {
                _ = canvas.put(line, at: Point(x: r.x, y: r.y + i), style: Style(message == nil ? .muted : .error), maxWidth: r.width)
            }
        }

        // Left: who is calling.
        var l = left
        if focus == .search {
            let hitRows = picker.query.isEmpty ? 0 : max(1, min(picker.hits.count, 5))
            let (top, below) = l.splitTop(min(l.height, 1 + hitRows))
            picker.draw(in: &canvas, rect: top, app, label: t("hotline.intake.find"))
            l = below
        } else {
            let who: String
            if let p = picked, let c = app.state.roster[p.cadre] { who = t("hotline.intake.caller_is", c.name) }
            else { who = t("hotline.caller.unknown") }
            _ = canvas.put(who, at: l.origin, style: Style(.normal, .bold), maxWidth: l.width)
            l = l.splitTop(1).rest
        }
        if l.height > 0 { Box.horizontalLine(in: &canvas, rect: l.row(0)); l = l.splitTop(1).rest }
        let shownCadre: ID<Cadre>? = focus == .search ? picker.selectedID ?? picked?.cadre : picked?.cadre
        if let id = shownCadre, let c = app.state.roster[id] {
            var match = picked?.match
            if focus == .search, picker.hits.indices.contains(picker.selected), picker.selectedID == id { match = RosterText.matchLabel(picker.hits[picker.selected], c, t) }
            CallerCard.draw(c, match: match, in: &canvas, rect: l, app)
        } else if unknownCaller {
            _ = canvas.put(t("hotline.intake.unknown_card"), at: l.origin, style: Style(.muted), maxWidth: l.width)
        }
        if let (d, _) = dialog { d.draw(in: &canvas, rect: rect) }
    }

    /// The completion promised if the ticket were opened now with these values.
    func promise(_ v: FormValues, _ app: AppContext) -> String? {
        guard let i = v.choice("category"), choices.categories.indices.contains(i) else { return nil }
        let priority = v.choice("priority").flatMap { choices.priorities.indices.contains($0) ? choices.priorities[$0] : nil } ?? .normal
        return app.state.settings.hotline.promisedCompletion(category: choices.categories[i], priority: priority, openedAt: app.now)?
            .promiseReadBack(app.text)
    }

    func drawOpened(_ o: Opened, _ canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        let t = app.text
        var lines: [(String, Style)] = [(t("hotline.intake.opened", o.id.raw), Style(.ok, .bold)),
                                         (t("hotline.intake.read_back"), Style(.normal)),
                                         ("  " + o.readBack, Style(.normal, .bold)), ("", Style(.normal))]
        if let d = app.state.ticketDetail(o.id, now: app.now) {
            if let r = d.response, let due = r.due {
                lines.append((t("hotline.intake.respond_by", app.display.dateTime(due, today: app.today)), Style(.normal)))
            }
            let assignee = d.ticket.assignee.map { TicketWords.staffName($0, app) } ?? t("hotline.queue.unassigned")
            lines.append((t("hotline.detail.assignee", assignee), Style(.normal)))
            lines.append((t("hotline.intake.status_now", d.ticket.voided != nil ? t("hotline.status.voided") : d.ticket.status.text(t)), Style(.normal)))
        }
        for (i, line) in lines.enumerated() where i < rect.height {
            for (j, part) in WordWrap.lines(line.0, width: rect.width).prefix(1).enumerated() {
                _ = canvas.put(part, at: Point(x: rect.x, y: rect.y + i + j), style: line.1, maxWidth: rect.width)
            }
        }
    }
}
