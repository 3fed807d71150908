import DeskCore
import DeskTUI

/// One class: who is enrolled (with attendance), the waitlist with
/// positions, attendance by session, and the moves made in the waitlist.
/// `e` enrols (a full class puts the person on the waitlist and says at
/// which place), `X` withdraws, `m` moves someone on the waitlist with a reason.
struct ClassDetail {
    let course: ID<Course>
    var section = Section.roster
    var data: CourseDetail?
    var table = Table<String>(columns: [], emptyMessage: "", noMatchesMessage: "")
    var mode = Mode.browse
    var message: String?
    /// Esc was pressed on the detail: back to the list.
    var closed = false

    enum Section: Int, CaseIterable { case roster, waitlist, sessions, moves }

    enum Mode {
        case browse
        case enrol(CadrePicker)
        case withdraw(ID<Cadre>, Form)
        case move(ID<Cadre>, Form)
    }

    init(course: ID<Course>) { self.course = course }

    var capturesText: Bool {
        if case .browse = mode { return table.isEditingFilter }
        return true
    }

    var hasUnsavedChanges: Bool {
        switch mode {
        case .withdraw(_, let f), .move(_, let f): return f.isDirty
        default: return false
        }
    }

    mutating func refresh(_ app: AppContext) {
        data = CentreQuery(app.state).courseDetail(course, now: app.now)
        if case .enrol(var p) = mode { p.search(app); mode = .enrol(p) }
        fillTable(app)
    }

    mutating func fillTable(_ app: AppContext) {
        let t = app.text, d = app.display, today = app.today
        let columns: [TableColumn]
        var rows: [TableRow<String>] = []
        switch section {
        case .roster:
            columns = [TableColumn(t("centre.ui.col.name"), width: .min(6)), TableColumn(t("centre.ui.col.since"), width: .min(11)),
                       TableColumn(t("centre.ui.col.attended"), width: .fixed(8), alignment: .right),
                       TableColumn(t("centre.ui.col.note"), width: .flex(min: 10))]
            for m in data?.current ?? [] {
                rows.append(TableRow(id: m.cadre.raw, cells: [m.name, d.dateTime(m.since, today: today), "\(m.attended)/\(m.held)",
                                                               m.promoted ? t("centre.ui.promoted") : ""]))
            }
            for m in data?.former ?? [] {
                rows.append(TableRow(id: "former:" + m.cadre.raw,
                                     cells: [m.name, d.dateTime(m.since, today: today), "\(m.attended)/\(m.held)",
                                             t("centre.ui.withdrawn_on", m.until.map { d.dateTime($0, today: today) } ?? "", m.reason ?? "")],
                                     emphasis: .muted))
            }
        case .waitlist:
            columns = [TableColumn(t("centre.ui.col.position"), width: .fixed(12)),
                       TableColumn(t("centre.ui.col.name"), width: .min(6)), TableColumn(t("centre.ui.col.joined"), width: .flex(min: 11))]
            for w in data?.waitlist ?? [] {
                rows.append(TableRow(id: w.cadre.raw, cells: [t("centre.enrolment.waiting", w.position), w.name, d.dateTime(w.joined, today: today)]))
            }
        case .sessions:
            columns = [TableColumn(t("centre.ui.col.date"), width: .min(10)), TableColumn(t("centre.ui.col.time"), width: .fixed(11)),
                       TableColumn(t("centre.ui.col.room"), width: .min(6)),
                       TableColumn(t("centre.ui.col.present"), width: .fixed(8), alignment: .right),
                       TableColumn(t("centre.ui.col.status"), width: .flex(min: 8))]
            for s in (data?.sessions ?? []).reversed() {
                let status = s.cancelled.map { t("centre.checkin_state.cancelled", $0) } ?? t("centre.status.\(s.status.rawValue)")
                rows.append(TableRow(id: s.booking.raw, cells: [d.dayLabel(s.date, today: today), d.span(s.span), s.roomName,
                                                                 s.held ? "\(s.present.count)/\(s.expected)" : "", status],
                                     emphasis: s.cancelled != nil ? .muted : .normal))
            }
        case .moves:
            columns = [TableColumn(t("centre.ui.col.when"), width: .min(11)), TableColumn(t("centre.ui.col.name"), width: .min(6)),
                       TableColumn(t("centre.ui.col.change"), width: .min(8)), TableColumn(t("centre.ui.col.reason"), width: .flex(min: 10))]
            for (i, m) in (data?.moves ?? []).enumerated().reversed() {
                let name = app.state.roster[m.cadre]?.name ?? m.cadre.raw
                let by = app.state.staff[m.by]?.name ?? m.by.raw
                rows.append(TableRow(id: "move:\(i)", cells: [d.dateTime(m.at, today: today), name, t("centre.ui.moved", m.from, m.to), "\(m.reason)(\(by))"]))
            }
            for s in data?.skipped ?? [] {
                rows.append(TableRow(id: "skip:" + s.date.description, cells: [d.dayLabel(s.date, today: today), "", t("centre.ui.skipped"), t.message(s.problem)],
                                     emphasis: .muted))
            }
        }
        if table.columns.map(\.title) != columns.map(\.title) {
            table = Table(columns: columns, emptyMessage: t("centre.ui.empty_section"), noMatchesMessage: t("app.no_matches"))
        }
        table.setRows(rows)
    }

    // MARK: Keys

    mutating func update(_ key: Key, _ app: AppContext, _ actions: inout [CentreAction]) -> KeyResult {
        switch mode {
        case .enrol(var picker):
            switch picker.handle(key, app) {
            case .picked(let cadre):
                mode = .browse
                actions.append(Self.enrol(cadre, in: course, app))
                refresh(app)
            case .cancelled: mode = .browse
            default: mode = .enrol(picker)
            }
            return .handled
        case .withdraw(let cadre, var form):
            switch form.handle(key) {
            case .submit(let v): mode = .withdraw(cadre, form); save(app.perform(Withdraw(cadre, from: course, reason: v.text("reason").trimmed)), app, &actions)
            case .cancel: mode = .browse
            default: mode = .withdraw(cadre, form)
            }
            return .handled
        case .move(let cadre, var form):
            switch form.handle(key) {
            case .submit(let v):
                mode = .move(cadre, form)
                guard let to = Int(v.text("to").trimmed) else {
                    form.setError(app.text("centre.ui.bad_number"), forField: "to")
                    mode = .move(cadre, form)
                    return .handled
                }
                save(app.perform(MoveOnWaitlist(cadre, in: course, to: to, reason: v.text("reason").trimmed)), app, &actions)
            case .cancel: mode = .browse
            default: mode = .move(cadre, form)
            }
            return .handled
        case .browse:
            break
        }
        switch key {
        case .escape where !table.isEditingFilter:
            closed = true
            return .handled
        case .left, .char("h"), .right, .char("l"):
            let all = Section.allCases
            let step = key == .left || key == .char("h") ? all.count - 1 : 1
            section = all[(section.rawValue + step) % all.count]
            fillTable(app)
            return .handled
        default: break
        }
        if case .handled = table.handle(key) { return .handled }
        let t = app.text
        switch key {
        case .char("e"):
            guard app.can(.bookRooms) else { return .ignored }
            mode = .enrol(CadrePicker(placeholder: t("centre.ui.find_cadre_hint")))
        case .char("X"):
            guard app.can(.bookRooms), let cadre = selectedPerson else { return .ignored }
            mode = .withdraw(cadre, Form(fields: [.text("reason", label: t("centre.ui.field.reason"), maxLength: CentreLabel.maxReason, width: 30)],
                                         strings: FormProblems.strings(t)))
        case .char("m"):
            guard app.can(.manageCentre), section == .waitlist, let cadre = selectedPerson,
                  let pos = data?.waitlist.first(where: { $0.cadre == cadre })?.position else { return .ignored }
            mode = .move(cadre, Form(fields: [.text("to", label: t("centre.ui.field.position"), text: String(pos), required: true, maxLength: 3, width: 5),
                                              .text("reason", label: t("centre.ui.field.reason"), required: true, maxLength: CentreLabel.maxReason, width: 30)],
                                     strings: FormProblems.strings(t)))
        default:
            return .ignored
        }
        return .handled
    }

    /// The cadre on the selected row of the roster or the waitlist.
    var selectedPerson: ID<Cadre>? {
        guard section == .roster || section == .waitlist, let id = table.selectedID, !id.contains(":") else { return nil }
        return ID(id)
    }

    mutating func save(_ result: Result<[AppliedEvent], DeskError>, _ app: AppContext, _ actions: inout [CentreAction]) {
        switch result {
        case .success(let applied):
            mode = .browse
            let promoted = applied.compactMap { $0.event as? PromotedFromWaitlist }.map { app.state.roster[$0.cadre]?.name ?? $0.cadre.raw }
            var text = app.text("app.saved")
            if !promoted.isEmpty { text += " " + app.text("centre.ui.promoted_now", promoted.joined(separator: "、")) }
            actions.append(.say(text, .ok))
            refresh(app)
        case .failure(let e):
            switch mode {
            case .withdraw(let c, var f):
                let general = FormProblems.show(e, on: &f, app.text)
                mode = .withdraw(c, f)
                message = general.isEmpty ? nil : general.joined(separator: " ")
            case .move(let c, var f):
                let general = FormProblems.show(e, on: &f, app.text)
                mode = .move(c, f)
                message = general.isEmpty ? nil : general.joined(separator: " ")
            default: break
            }
        }
    }

    /// Enrols and says what came of it: "已报名。" or "已满,已加入候补第 N 位。"
    static func enrol(_ cadre: ID<Cadre>, in course: ID<Course>, _ app: AppContext) -> CentreAction {
        let name = app.state.roster[cadre]?.name ?? cadre.raw
        switch app.perform(Enrol(cadre, in: course)) {
        case .success(let applied):
            guard let outcome = EnrolmentOutcome(applied) else { return .say(app.text("app.nothing_changed"), .muted) }
            let className = app.state.centre.courses[course]?.name ?? course.raw
            let role: DeskTUI.Role = outcome == .enrolled ? .ok : .warning
            return .say("\(name) · \(className):" + app.text.message(outcome.message), role)
        case .failure(let e):
            return .say(e.problems.map(app.text.message).joined(separator: " "), .error)
        }
    }

    // MARK: Keys shown

    static func pickerBindings(_ app: AppContext, group g: String) -> [KeyBinding] {
        let t = app.text
        return [KeyBinding(keys: [.enter], label: t("centre.ui.keys.enrol_pick"), help: t("centre.ui.keys.enrol_pick_long"), group: g,
                           showInBar: true, priority: 9),
                KeyBinding(keys: [.up, .down], label: t("centre.ui.keys.choose"), help: t("centre.ui.keys.choose_long"), group: g, showInBar: true, priority: 6),
                KeyBinding(keys: [.escape], label: t("app.keys.cancel"), help: t("centre.ui.keys.clear_long"), group: g, showInBar: true, priority: 8)]
    }

    func bindings(_ app: AppContext, group g: String) -> [KeyBinding] {
        let t = app.text
        switch mode {
        case .enrol: return Self.pickerBindings(app, group: g)
        case .withdraw, .move:
            return [KeyBinding(keys: [.enter], label: t("app.keys.save"), help: t("app.keys.save_long"), group: g, showInBar: true, priority: 9),
                    KeyBinding(keys: [.escape], label: t("app.keys.cancel"), help: t("app.keys.cancel_long"), group: g, showInBar: true, priority: 8)]
        case .browse: break
        }
        var out = [KeyBinding(keys: [.left, .right, .char("h"), .char("l")], label: t("centre.ui.keys.section"), help: t("centre.ui.keys.section_long"),
                              group: g, showInBar: true, priority: 6),
                   KeyBinding(keys: [.escape], label: t("centre.ui.keys.back"), help: t("centre.ui.keys.back_long"), group: g, showInBar: true, priority: 8)]
        if app.can(.bookRooms) {
            out.append(KeyBinding(keys: [.char("e")], label: t("centre.ui.keys.enrol"), help: t("centre.ui.keys.enrol_long"), group: g,
                                  showInBar: true, priority: 7))
            if selectedPerson != nil {
                out.append(KeyBinding(keys: [.char("X")], label: t("centre.ui.keys.withdraw"), help: t("centre.ui.keys.withdraw_long"), group: g,
                                      showInBar: true, priority: 5))
            }
        }
        if app.can(.manageCentre), section == .waitlist, selectedPerson != nil {
            out.append(KeyBinding(keys: [.char("m")], label: t("centre.ui.keys.move"), help: t("centre.ui.keys.move_long"), group: g,
                                  showInBar: true, priority: 5))
        }
        return out
    }

    // MARK: Drawing

    func view(_ canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        let t = app.text, d = app.display
        guard let data else { return }
        let s = data.summary
        var lines = Lines(rect)
        let schedule = zip(s.sessions, s.roomNames).map { "\(d.weekly($0.weekday, $0.span)) \($1)" }.joined(separator: "; ")
        lines.put(t("centre.ui.class_title", s.name, s.teacher, schedule, d.period(s.term)), Style(.header), in: &canvas)
        let full = s.enrolled >= s.capacity
        lines.put(t("centre.ui.class_counts", s.enrolled, s.capacity, s.waiting) + (full ? " · " + t("centre.ui.full") : ""),
                  Style(full ? .warning : .normal, .bold), in: &canvas)
        if !data.notices.isEmpty {
            let names = data.notices.compactMap { $0.cadre.map { app.state.roster[$0]?.name ?? $0.raw } }
            lines.put(t("centre.ui.class_to_call", names.joined(separator: "、")), Style(.warning), in: &canvas)
        }
        if let message { lines.put(message, Style(.error), in: &canvas) }
        let tabs = Section.allCases.map { sec -> (key: String?, label: String, on: Bool) in
            let n: Int
            switch sec {
            case .roster: n = data.current.count
            case .waitlist: n = data.waitlist.count
            case .sessions: n = data.sessions.count
            case .moves: n = data.moves.count + data.skipped.count
            }
            return (nil, t("centre.ui.section.\(sec.rawValue)", n), sec == section)
        }
        Strip.draw(tabs, in: &canvas, rect: Rect(x: rect.x, y: lines.y, width: rect.width, height: 1))
        lines.skip()
        switch mode {
        case .enrol(let picker):
            lines.put(t("centre.ui.enrol_title", s.name), Style(.header), in: &canvas)
            picker.draw(in: &canvas, rect: lines.rest, app, label: t("centre.ui.find_cadre"))
        case .withdraw(let cadre, let form):
            lines.put(t("centre.ui.withdraw_title", app.state.roster[cadre]?.name ?? cadre.raw, s.name), Style(.header), in: &canvas)
            form.draw(in: &canvas, rect: lines.rest.insetBy(dx: 2, dy: 0))
        case .move(let cadre, let form):
            lines.put(t("centre.ui.move_title", app.state.roster[cadre]?.name ?? cadre.raw, data.waitlist.count), Style(.header), in: &canvas)
            form.draw(in: &canvas, rect: lines.rest.insetBy(dx: 2, dy: 0))
        case .browse:
            table.draw(in: &canvas, rect: lines.rest)
        }
    }
}
