import DeskCore
import DeskTUI

/// A festival round (节日慰问) — or any round of the same visit to many
/// cadres. Step one picks them: search and Enter adds (or removes) one, F3
/// adds a named list. Step two is the one visit they share. Saved as one
/// command: every visit is recorded, or none.
struct VisitRound {
    enum Step: Equatable { case pick, details }
    enum Focus: Equatable { case search, chosen }

    enum Outcome: Equatable {
        case handled
        /// Saved: this many visits.
        case saved(Int)
        case closed
    }

    private(set) var step = Step.pick
    private(set) var focus = Focus.search
    private(set) var picker: CadrePicker
    private(set) var chosen: [ID<Cadre>] = []
    private(set) var chosenTable: Table<ID<Cadre>>
    private(set) var lists: RoundLists?
    private(set) var form: Form
    let fields: VisitFields
    /// What the last key did or why saving failed.
    private(set) var message: (text: String, isError: Bool)?
    private(set) var confirm: (dialog: Dialog, values: FormValues)?
    /// "Throw the selection away?" on Esc with cadres chosen.
    private(set) var discard: Dialog?

    init(_ app: AppContext) {
        let t = app.text
        picker = CadrePicker(placeholder: t("visits.picker_hint"))
        chosenTable = Table(columns: [TableColumn(t("visits.col.cadre"), width: .min(6)),
                                      TableColumn(t("visits.col.community"), width: .flex(min: 6))],
                            emptyMessage: t("visits.round.none_chosen"), noMatchesMessage: t("app.no_matches"))
        (form, fields) = VisitFields.form(VisitFields.Values(kind: .festival, occasion: .festival, at: app.now, staff: [app.staff.id]),
                                          variant: .round, app)
    }

    var isDirty: Bool { !chosen.isEmpty || form.isDirty }
    /// Text goes to the search field (or a filter), not to the screen's keys.
    var capturesText: Bool { true }

    mutating func refresh(_ app: AppContext) {
        if !picker.query.isEmpty { picker.search(app) }
        rebuildChosen(app)
    }

    // MARK: Keys

    mutating func handle(_ key: Key, _ app: AppContext) -> Outcome {
        let t = app.text
        if var d = discard {
            switch d.handle(key) {
            case .chosen(0): return .closed
            case .chosen, .dismissed: discard = nil
            default: discard = d
            }
            return .handled
        }
        if confirm != nil {
            if let values = FormProblems.answer(&confirm, key) { return save(values, app, confirmed: true) }
            return .handled
        }
        if step == .details {
            if key == .escape, form.discardConfirm == nil {
                step = .pick
                return .handled
            }
            if case .submit(let values) = form.handle(key) { return save(values, app, confirmed: false) }
            return .handled
        }
        if var l = lists {
            switch l.handle(key, app) {
            case .closed: lists = nil
            case .chosen(let ids, let label):
                lists = nil
                let before = Set(chosen)
                let added = ids.filter { !before.contains($0) }
                chosen += added
                rebuildChosen(app)
                message = (t("visits.round.list_added", label, added.count, ids.count - added.count), false)
            case .handled: lists = l
            }
            return .handled
        }
        switch key {
        case .f(3):
            lists = RoundLists(app)
            return .handled
        case .f(5):
            if chosen.isEmpty {
                message = (t("visits.round.choose_first"), true)
            } else {
                step = .details
                message = nil
            }
            return .handled
        case .tab, .backTab:
            focus = focus == .search ? .chosen : .search
            return .handled
        default: break
        }
        if focus == .chosen {
            switch key {
            case .delete, .backspace, .char("x"):
                if let id = chosenTable.selectedID { remove(id, app) }
            case .escape where !chosenTable.isEditingFilter:
                focus = .search
            default:
                _ = chosenTable.handle(key)
            }
            return .handled
        }
        switch picker.handle(key, app) {
        case .picked(let id):
            if chosen.contains(id) { remove(id, app) } else {
                chosen.append(id)
                rebuildChosen(app)
                _ = chosenTable.select(id: id)
                message = (t("visits.round.added", VisitWords.cadreName(id, app)), false)
            }
            picker.clear(app)
        case .cancelled:
            if chosen.isEmpty { return .closed }
            discard = Dialog.confirm(message: t("visits.round.discard", chosen.count), yes: t("app.form.discard_yes"),
                                     no: t("app.form.keep_editing"))
        case .changed, .ignored: break
        }
        return .handled
    }

    private mutating func remove(_ id: ID<Cadre>, _ app: AppContext) {
        chosen.removeAll { $0 == id }
        rebuildChosen(app)
        message = (app.text("visits.round.removed", VisitWords.cadreName(id, app)), false)
    }

    private mutating func rebuildChosen(_ app: AppContext) {
        chosenTable.setRows(chosen.map { id in
            TableRow(id: id, cells: [VisitWords.cadreName(id, app), app.state.roster[id]?.community ?? ""])
        })
    }

    // MARK: Saving

    private mutating func save(_ v: FormValues, _ app: AppContext, confirmed: Bool) -> Outcome {
        let t = app.text
        message = nil
        guard let values = fields.read(v, t, showingProblemOn: &form) else { return .handled }
        let command = LogVisitRound(cadres: chosen, staff: values.staff, at: values.at, kind: values.kind, occasion: values.occasion,
                                    learned: values.learned, gifts: values.gifts, moneyEach: values.moneyEach, confirmed: confirmed)
        switch app.perform(command) {
        case .success(let applied):
            return .saved(applied.count)
        case .failure(.needsConfirmation(let warnings)):
            confirm = (VisitWarnings.dialog(warnings, t), v)
        case .failure(let error):
            let general = FormProblems.show(error, on: &form, t)
            if !general.isEmpty { message = (general.joined(separator: " "), true) }
        }
        return .handled
    }

    // MARK: Keys shown

    func bindings(_ app: AppContext) -> [KeyBinding] {
        let t = app.text, g = t("visits.round.title")
        if confirm != nil || discard != nil { return [] }
        if lists != nil {
            return [KeyBinding(keys: [.enter], label: t("visits.keys.add_list"), help: t("visits.keys.add_list_long"), group: g, showInBar: true, priority: 9),
                    KeyBinding(keys: [.char("/")], label: t("app.keys.filter"), help: t("app.keys.filter_long"), group: g, showInBar: true, priority: 5),
                    KeyBinding(keys: [.escape], label: t("visits.keys.close"), help: t("visits.keys.close_long"), group: g, showInBar: true, priority: 8)]
        }
        if step == .details {
            return [KeyBinding(keys: [.enter], label: t("visits.keys.save_round"), help: t("visits.keys.save_round_long"), group: g, showInBar: true, priority: 9),
                    KeyBinding(keys: [.tab, .backTab], label: t("app.keys.next_field"), help: t("app.keys.next_field_long"), group: g, showInBar: true, priority: 6),
                    KeyBinding(keys: [.left, .right, .char(" ")], label: t("visits.keys.option"), help: t("visits.keys.option_long"), group: g, showInBar: true, priority: 4),
                    KeyBinding(keys: [.escape], label: t("visits.keys.back_to_pick"), help: t("visits.keys.back_to_pick_long"), group: g, showInBar: true, priority: 8)]
        }
        var b: [KeyBinding] = []
        if focus == .search {
            b.append(KeyBinding(keys: [.enter], label: t("visits.keys.add_one"), help: t("visits.keys.add_one_long"), group: g, showInBar: true, priority: 9))
        } else {
            b.append(KeyBinding(keys: [.delete, .backspace, .char("x")], label: t("visits.keys.remove_one"), help: t("visits.keys.remove_one_long"), group: g, showInBar: true, priority: 9))
        }
        b += [KeyBinding(keys: [.f(3)], label: t("visits.keys.lists"), help: t("visits.keys.lists_long"), group: g, showInBar: true, priority: 8),
              KeyBinding(keys: [.f(5)], label: t("visits.keys.next_step"), help: t("visits.keys.next_step_long"), group: g, showInBar: true, priority: 9),
              KeyBinding(keys: [.tab], label: t("visits.keys.switch_pane"), help: t("visits.keys.switch_pane_long"), group: g, showInBar: true, priority: 5),
              KeyBinding(keys: [.escape], label: t("visits.keys.clear_or_cancel"), help: t("visits.keys.clear_or_cancel_long"), group: g, showInBar: true, priority: 7)]
        return b
    }

    // MARK: Drawing

    func draw(in canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        guard rect.height > 3 else { return }
        let t = app.text
        let heading = step == .pick ? t("visits.round.step_pick", chosen.count) : t("visits.round.step_details", chosen.count)
        canvas.put(heading, at: rect.origin, style: Style(.header), maxWidth: rect.width)
        if let message {
            canvas.put(message.text, at: Point(x: rect.x, y: rect.y + 1), style: Style(message.isError ? .error : .ok), maxWidth: rect.width)
        }
        let body = Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: rect.height - 2)
        if step == .details {
            canvas.put(t("visits.round.who", VisitWords.someNames(chosen, app)), at: Point(x: body.x + 2, y: body.y),
                       style: Style(.normal, .bold), maxWidth: body.width - 2)
            form.draw(in: &canvas, rect: Rect(x: body.x + 2, y: body.y + 2, width: body.width - 2, height: body.height - 2))
        } else {
            let rightWidth = min(34, max(22, body.width / 3))
            let (left, right) = (Rect(x: body.x, y: body.y, width: body.width - rightWidth - 1, height: body.height),
                                 Rect(x: body.maxX - rightWidth, y: body.y, width: rightWidth, height: body.height))
            picker.draw(in: &canvas, rect: left, app, label: t("visits.field.cadre"), marked: Set(chosen))
            if focus != .search { canvas.cursor = nil }
            let inner = Box.draw(in: &canvas, rect: right, style: Style(focus == .chosen ? .header : .border),
                                 title: t("visits.round.chosen_title", chosen.count))
            chosenTable.draw(in: &canvas, rect: inner)
        }
        if let lists { lists.draw(in: &canvas, rect: rect, app) }
        if let confirm { confirm.dialog.draw(in: &canvas, rect: rect) }
        if let discard { discard.draw(in: &canvas, rect: rect) }
    }
}
