import DeskCore
import DeskTUI

/// The visit log (走访记录): the list by date with filters, the quick entry
/// form, a festival round, a visit in full, correcting and voiding with a
/// reason. Roles without `.viewAllVisits` see the visits they took part in.
struct VisitsScreen: DeskScreen {
    let id = ScreenID.visits
    var query = VisitListQuery()
    var table = Table<ID<Visit>>(columns: [], emptyMessage: "", noMatchesMessage: "")
    /// Visits matching the query (the list shows at most `VisitListQuery.limit`).
    var total = 0
    var mode = Mode.list
    var message: String?

    enum Mode {
        case list
        case entry(VisitEntry, back: Back)
        case round(VisitRound)
        case detail(VisitDetailPane)
        case void(ID<Visit>, Form, back: Back)
        case filter(Form, VisitListQuery.Choices)
    }

    /// Where a form returns to.
    enum Back: Equatable {
        case list
        case detail(ID<Visit>)
    }

    var capturesText: Bool {
        switch mode {
        case .list: table.isEditingFilter
        case .detail: false
        case .entry, .round, .void, .filter: true
        }
    }

    var hasUnsavedChanges: Bool {
        switch mode {
        case .entry(let e, _): e.isDirty
        case .round(let r): r.isDirty
        case .void(_, let f, _): f.isDirty
        default: false
        }
    }

    func title(_ app: AppContext) -> String { app.text("visits.title") }

    // MARK: Keys shown

    func bindings(_ app: AppContext) -> [KeyBinding] {
        let t = app.text, g = t("visits.title")
        switch mode {
        case .entry(let e, _): return e.bindings(app)
        case .round(let r): return r.bindings(app)
        case .void, .filter:
            return [KeyBinding(keys: [.enter], label: t(isVoid ? "visits.keys.void_confirm" : "visits.keys.apply"),
                               help: t(isVoid ? "visits.keys.void_confirm_long" : "visits.keys.apply_long"), group: g, showInBar: true, priority: 9),
                    KeyBinding(keys: [.tab, .backTab], label: t("app.keys.next_field"), help: t("app.keys.next_field_long"), group: g, showInBar: true, priority: 6),
                    KeyBinding(keys: [.escape], label: t("app.keys.cancel"), help: t("app.keys.cancel_long"), group: g, showInBar: true, priority: 8)]
        case .detail(let pane):
            var b = [KeyBinding(keys: [.escape], label: t("visits.keys.back"), help: t("visits.keys.back_long"), group: g, showInBar: true, priority: 9)]
            if !pane.isVoided {
                b.append(KeyBinding(keys: [.char("E")], label: t("visits.keys.amend"), help: t("visits.keys.amend_long"), group: g, showInBar: true, priority: 6))
                b.append(KeyBinding(keys: [.char("X")], label: t("visits.keys.void"), help: t("visits.keys.void_long"), group: g, showInBar: true, priority: 5))
            }
            if !pane.needs.isEmpty {
                b.append(KeyBinding(keys: [.up, .down], label: t("visits.keys.need"), help: t("visits.keys.need_long"), group: g, showInBar: true, priority: 4))
                if app.canOpen(.hotline) {
                    b.append(KeyBinding(keys: [.char("t")], label: t("visits.keys.ticket"), help: t("visits.keys.ticket_long"), group: g, showInBar: true, priority: 7))
                }
            }
            b.append(KeyBinding(keys: [.pageUp, .pageDown], label: t("visits.keys.scroll"), help: t("visits.keys.scroll_long"), group: g))
            return b
        case .list:
            let k = table.keys
            var b = [
                KeyBinding(keys: [.char("a"), .f(2)], label: t("visits.keys.new"), help: t("visits.keys.new_long"), group: g, showInBar: true, priority: 9),
                KeyBinding(keys: [.char("b")], label: t("visits.keys.round"), help: t("visits.keys.round_long"), group: g, showInBar: true, priority: 7),
                KeyBinding(keys: [.enter], label: t("visits.keys.open"), help: t("visits.keys.open_long"), group: g, showInBar: true, priority: 6),
                KeyBinding(keys: [.char("f")], label: t("visits.keys.filter"), help: t("visits.keys.filter_long"), group: g, showInBar: true, priority: 8),
                KeyBinding(keys: k.filter, label: t("app.keys.filter"), help: t("app.keys.filter_long"), group: g, showInBar: true, priority: 5),
            ]
            if let v = table.selectedID.flatMap({ app.state.visits.summary(of: $0) }), !v.voided {
                b.append(KeyBinding(keys: [.char("E")], label: t("visits.keys.amend"), help: t("visits.keys.amend_long"), group: g, showInBar: false))
                b.append(KeyBinding(keys: [.char("X")], label: t("visits.keys.void"), help: t("visits.keys.void_long"), group: g, showInBar: true, priority: 4))
            }
            b += [KeyBinding(keys: k.up + k.down, label: t("visits.keys.move"), help: t("visits.keys.move_long"), group: g),
                  KeyBinding(keys: k.first + k.last + k.pageUp + k.pageDown, label: t("visits.keys.jump"), help: t("visits.keys.jump_long"), group: g),
                  KeyBinding(keys: k.sortNext + k.sortReverse, label: t("visits.keys.sort"), help: t("visits.keys.sort_long"), group: g)]
            return b
        }
    }

    private var isVoid: Bool { if case .void = mode { true } else { false } }

    // MARK: State from the desk

    mutating func refresh(_ app: AppContext) {
        if table.columns.isEmpty { table = VisitRows.table(app.text) }
        let page = app.state.visitList(query.filter(app), limit: VisitListQuery.limit)
        total = page.total
        table.setRows(VisitRows.rows(page.visits, app))
        switch mode {
        case .entry(var e, let back):
            e.refresh(app)
            mode = .entry(e, back: back)
        case .round(var r):
            r.refresh(app)
            mode = .round(r)
        case .detail(var pane):
            pane.load(app)
            mode = .detail(pane)
        default: break
        }
    }

    mutating func receive(_ intent: Intent, _ app: AppContext) {
        guard case .newVisit(let cadre) = intent else { return }
        if hasUnsavedChanges {
            // Never throw away a half-typed form: say so instead.
            app.toast(app.text("visits.finish_form_first"), .warning)
            return
        }
        mode = .entry(VisitEntry(app, cadre: cadre), back: .list)
    }

    // MARK: Keys

    mutating func update(_ key: Key, _ app: AppContext) -> KeyResult {
        switch mode {
        case .list: return listKey(key, app)
        case .entry(var e, let back):
            switch e.handle(key, app) {
            case .handled: mode = .entry(e, back: back)
            case .closed: close(to: back, app)
            case .saved(let id):
                app.toast(app.text(e.purpose == .new ? "visits.saved" : "visits.amend_saved", id.raw))
                close(to: back, app)
                if back == .list { _ = table.select(id: id) }
            }
        case .round(var r):
            switch r.handle(key, app) {
            case .handled: mode = .round(r)
            case .closed: mode = .list
            case .saved(let n):
                app.toast(app.text("visits.round.saved", n))
                mode = .list
                refresh(app)
            }
        case .detail(var pane):
            return detailKey(key, &pane, app)
        case .void(let id, var form, let back):
            switch form.handle(key) {
            case .submit(let v):
                switch app.perform(VoidVisit(id: id, reason: v.text("reason"))) {
                case .success:
                    app.toast(app.text("visits.voided_toast", id.raw))
                    close(to: back, app)
                case .failure(let error):
                    let general = FormProblems.show(error, on: &form, app.text)
                    message = general.isEmpty ? nil : general.joined(separator: " ")
                    mode = .void(id, form, back: back)
                }
            case .cancel: close(to: back, app)
            default: mode = .void(id, form, back: back)
            }
        case .filter(var form, let choices):
            switch form.handle(key) {
            case .submit(let v):
                switch VisitListQuery.read(v, choices, app.text) {
                case .success(let q):
                    query = q
                    mode = .list
                    refresh(app)
                case .failure(let p):
                    form.show(p)
                    mode = .filter(form, choices)
                }
            case .cancel: mode = .list
            default: mode = .filter(form, choices)
            }
        }
        return .handled
    }

    private mutating func close(to back: Back, _ app: AppContext) {
        message = nil
        switch back {
        case .list: mode = .list
        case .detail(let id): mode = .detail(VisitDetailPane(id, app))
        }
        refresh(app)
    }

    private mutating func listKey(_ key: Key, _ app: AppContext) -> KeyResult {
        message = nil
        switch table.handle(key) {
        case .activated(let id):
            mode = .detail(VisitDetailPane(id, app))
            return .handled
        case .handled: return .handled
        case .ignored: break
        }
        switch key {
        case .char("a"), .f(2): mode = .entry(VisitEntry(app), back: .list)
        case .char("b"): mode = .round(VisitRound(app))
        case .char("f"):
            let (form, choices) = query.form(app)
            mode = .filter(form, choices)
        case .char("X"):
            guard let id = table.selectedID else { return .handled }
            openVoid(id, back: .list, app)
        case .char("E"):
            guard let id = table.selectedID else { return .handled }
            openAmend(id, back: .list, app)
        default: return .ignored
        }
        return .handled
    }

    private mutating func detailKey(_ key: Key, _ pane: inout VisitDetailPane, _ app: AppContext) -> KeyResult {
        if pane.handle(key) {
            mode = .detail(pane)
            return .handled
        }
        switch key {
        case .escape:
            mode = .list
            _ = table.select(id: pane.id)
        case .char("X") where !pane.isVoided: openVoid(pane.id, back: .detail(pane.id), app)
        case .char("E") where !pane.isVoided: openAmend(pane.id, back: .detail(pane.id), app)
        case .char("t") where !pane.needs.isEmpty && app.canOpen(.hotline):
            app.navigate(to: .hotline, .ticketFromVisitNeed(visit: pane.id.raw, need: pane.need))
        default: return .ignored
        }
        return .handled
    }

    private mutating func openVoid(_ id: ID<Visit>, back: Back, _ app: AppContext) {
        guard let v = app.state.visits.summary(of: id) else { return }
        if v.voided {
            message = app.text("visits.already_voided", id.raw)
            return
        }
        let t = app.text
        mode = .void(id, Form(fields: [.text("reason", label: t("visits.field.void_reason"), required: true, maxLength: 200, width: 40)],
                              strings: FormProblems.strings(t)), back: back)
    }

    private mutating func openAmend(_ id: ID<Visit>, back: Back, _ app: AppContext) {
        do {
            let detail = try app.desk.visitDetail(id)
            if detail.summary.voided {
                message = app.text("visits.already_voided", id.raw)
                return
            }
            mode = .entry(VisitEntry.amending(detail.record, app), back: back)
        } catch {
            message = error.problems.map(app.text.message).joined(separator: " ")
        }
    }

    // MARK: Drawing

    func view(_ canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        let t = app.text
        var body = rect
        if let message {
            let (top, rest) = body.splitTop(1)
            canvas.put(message, at: top.origin, style: Style(.warning), maxWidth: top.width)
            body = rest
        }
        switch mode {
        case .list:
            let (head, rest) = body.splitTop(1)
            var line = query.summary(app) + " · " + t("visits.list.count", total)
            if total > table.rows.count { line += " " + t("visits.list.capped", table.rows.count) }
            canvas.put(line, at: head.origin, style: Style(.header), maxWidth: head.width)
            table.draw(in: &canvas, rect: rest)
        case .entry(let e, _): e.draw(in: &canvas, rect: body, app)
        case .round(let r): r.draw(in: &canvas, rect: body, app)
        case .detail(let pane): pane.draw(in: &canvas, rect: body, app)
        case .void(let id, let form, _):
            let (head, rest) = body.splitTop(3)
            canvas.put(t("visits.void.title", id.raw), at: head.origin, style: Style(.header), maxWidth: head.width)
            if let v = app.state.visits.summary(of: id) {
                let what = "\(VisitWords.cadreNames(v.cadres, app))  \(app.display.dateTime(v.at))  \(VisitWords.kind(v.kind, t))"
                canvas.put(what, at: Point(x: head.x + 2, y: head.y + 1), style: Style(.normal), maxWidth: head.width - 2)
            }
            canvas.put(t("visits.void.explain"), at: Point(x: head.x + 2, y: head.y + 2), style: Style(.muted), maxWidth: head.width - 2)
            form.draw(in: &canvas, rect: Rect(x: rest.x + 2, y: rest.y + 1, width: rest.width - 2, height: rest.height - 1))
        case .filter(let form, _):
            let (head, rest) = body.splitTop(2)
            canvas.put(t("visits.filter.title"), at: head.origin, style: Style(.header), maxWidth: head.width)
            canvas.put(t("visits.filter.explain"), at: Point(x: head.x + 2, y: head.y + 1), style: Style(.muted), maxWidth: head.width - 2)
            form.draw(in: &canvas, rect: Rect(x: rest.x + 2, y: rest.y + 1, width: rest.width - 2, height: rest.height - 1))
        }
    }
}
