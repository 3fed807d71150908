import DeskCore
import DeskTUI

/// 花名册: find any cadre as you type, pull the named lists, open a file and
/// see everything needed to serve them on one page, add and edit files,
/// record status changes, import and export spreadsheets.
///
/// Layers, from the bottom: the list; the open file (Enter); a task over
/// them (a form, a chooser, the import report). Esc peels one layer off.
struct RosterScreen: DeskScreen {
    let id = ScreenID.roster
    var list = RosterList()
    var file: CadreFileView?
    var task: Task?
    /// A one-line message above the body (why a key did nothing).
    var message: String?

    enum Task {
        case chooser(PickList<RosterFilter?>)
        case editor(CadreEditor)
        case statusMenu(ID<Cadre>, PickList<StatusAction>)
        case statusForm(ID<Cadre>, StatusAction, Form, message: String?)
        case statusConfirm(ID<Cadre>, StatusAction, Form, any DeskCommand, Dialog)
        case importing(RosterImportView)
        case exporting(RosterExportForm)
    }

    var capturesText: Bool {
        switch task {
        case .editor, .statusForm, .exporting, .chooser: return true
        case .importing(let v): return v.capturesText
        case .statusMenu, .statusConfirm: return false
        // The list's search line always has the keyboard (type to search); its commands are F-keys.
        case nil: return file == nil
        }
    }

    var hasUnsavedChanges: Bool {
        switch task {
        case .editor(let e): return e.isDirty
        case .statusForm(_, _, let f, _): return f.isDirty
        default: return false
        }
    }

    func title(_ app: AppContext) -> String { app.text("roster.title") }

    // MARK: Keys shown

    func bindings(_ app: AppContext) -> [KeyBinding] {
        let t = app.text, g = t("roster.title")
        func b(_ keys: [Key], _ label: String, _ help: String, bar: Bool = true, _ priority: Int = 0) -> KeyBinding {
            KeyBinding(keys: keys, label: t(label), help: t(help), group: g, showInBar: bar, priority: priority)
        }
        let form = [b([.enter], "app.keys.save", "app.keys.save_long", 9),
                    b([.tab, .backTab], "app.keys.next_field", "app.keys.next_field_long", 5),
                    b([.left, .right], "roster.keys.choose", "roster.keys.choose_long", 4),
                    b([.escape], "app.keys.cancel", "app.keys.cancel_long", 8)]
        switch task {
        case .editor, .statusForm, .exporting: return form
        case .importing(let v):
            if !v.showsReport {
                return [b([.enter], "roster.keys.check", "roster.keys.check_long", 9), b([.escape], "app.keys.cancel", "app.keys.cancel_long", 8)]
            }
            return [b([.enter], "roster.keys.import", "roster.keys.import_long", 9),
                    b([.char("r")], "roster.keys.recheck", "roster.keys.recheck_long", 7),
                    b([.up, .down], "roster.keys.move", "roster.keys.move_long", bar: false),
                    b([.escape], "roster.keys.back", "roster.keys.back_long", 8)]
        case .chooser, .statusMenu:
            return [b([.enter], "roster.keys.pick", "roster.keys.pick_long", 9), b([.up, .down], "roster.keys.move", "roster.keys.move_long", 5),
                    b([.escape], "roster.keys.close", "roster.keys.close_long", 8)]
        case .statusConfirm:
            return []
        case nil:
            break
        }
        if let file {
            var keys = [b([.up, .down, .pageUp, .pageDown], "roster.keys.scroll", "roster.keys.scroll_long", bar: false),
                        b([.char("h")], file.tab == .file ? "roster.keys.history" : "roster.keys.file", "roster.keys.history_long", 6)]
            if app.can(.editRoster) { keys.append(b([.char("e"), .f(4)], "roster.keys.edit", "roster.keys.edit_long", 7)) }
            if app.can(.changeCadreStatus) { keys.append(b([.char("s")], "roster.keys.status", "roster.keys.status_long", 5)) }
            keys += jumpKeys(app, bar: true, cadre: app.state.roster[file.id])
            keys.append(b([.escape], "roster.keys.back", "roster.keys.back_long", 8))
            return keys
        }
        // The list: whatever is typed goes to the search line, so every command is a key
        // that cannot be typed text (a function key); letters work again on the open file.
        // Priority 0: shown where the bar has room, after the shell's F1 help and F10 quit.
        var keys = [b([.enter], "roster.keys.open", "roster.keys.open_list_long", 9),
                    b([.up, .down, .pageUp, .pageDown, .home, .end], "roster.keys.move", "roster.keys.move_list_long", bar: false),
                    b([.char("/")], "roster.keys.search", "roster.keys.type_search_long", bar: false),
                    b([.f(3)], "roster.keys.lists", "roster.keys.lists_long", 7)]
        if app.can(.editRoster) {
            keys.append(b([.f(2)], "roster.keys.add", "roster.keys.add_long", 6))
            keys.append(b([.f(4)], "roster.keys.edit", "roster.keys.edit_long", 0))
        }
        keys.append(b([.f(5)], "roster.keys.sort", "roster.keys.sort_long", 0))
        keys.append(b([.f(6)], "roster.keys.reverse", "roster.keys.reverse_long", bar: false))
        if app.can(.importRoster) { keys.append(b([.f(7)], "roster.keys.import_file", "roster.keys.import_file_long", 0)) }
        if app.can(.exportData) { keys.append(b([.f(8)], "roster.keys.export", "roster.keys.export_long", 0)) }
        keys.append(b([.tab, .backTab], "app.keys.switch", "app.keys.switch_long", 4))
        if !list.query.isEmpty {
            keys.append(b([.escape], "roster.keys.clear_search", "roster.keys.clear_search_long", 8))
        } else if list.filter != nil {
            keys.append(b([.escape], "roster.keys.show_all", "roster.keys.show_all_long", 8))
        }
        return keys
    }

    /// Keys that go to another screen for this cadre, where the role has that screen.
    func jumpKeys(_ app: AppContext, bar: Bool, cadre: Cadre?) -> [KeyBinding] {
        let t = app.text, g = t("roster.title")
        var out: [KeyBinding] = []
        if app.can(ScreenID.visits.permission) {
            out.append(KeyBinding(keys: [.char("v")], label: t("roster.keys.visit"), help: t("roster.keys.visit_long"), group: g, showInBar: bar, priority: 4))
        }
        if app.can(ScreenID.hotline.permission) {
            out.append(KeyBinding(keys: [.char("t")], label: t("roster.keys.ticket"), help: t("roster.keys.ticket_long"), group: g, showInBar: bar, priority: 3))
        }
        if app.can(ScreenID.centre.permission), cadre?.isDeceased != true {
            out.append(KeyBinding(keys: [.char("c")], label: t("roster.keys.check_in"), help: t("roster.keys.check_in_long"), group: g, showInBar: bar, priority: 3))
        }
        return out
    }

    // MARK: State from the desk

    mutating func refresh(_ app: AppContext) {
        list.refresh(app)
    }

    mutating func receive(_ intent: Intent, _ app: AppContext) {
        guard case .openCadre(let id) = intent, app.state.roster[id] != nil else { return }
        list.refresh(app)
        if !list.table.select(id: id) {
            // Not in the list on screen: show everyone so that Esc lands on the file's row.
            list.filter = nil
            list.search = TextField(maxLength: 40)
            list.refresh(app)
            list.table.select(id: id)
        }
        file = CadreFileView(id)
        if case .editor(let e)? = task, e.isDirty { return }
        task = nil
    }

    // MARK: Keys

    mutating func update(_ key: Key, _ app: AppContext) -> KeyResult {
        if task != nil { updateTask(key, app); return .handled }
        message = nil
        if let open = file { return updateFile(open, key, app) }
        return updateList(key, app)
    }

    /// The list: typed text (letters, digits, hanzi, a paste) goes to the search line;
    /// arrows move, Enter opens, F-keys are the commands, Esc clears the search, then the list.
    mutating func updateList(_ key: Key, _ app: AppContext) -> KeyResult {
        switch list.table.handle(key) {
        case .activated(let id): file = CadreFileView(id); return .handled
        case .handled: return .handled
        case .ignored: break
        }
        let selected = list.table.selectedID
        switch key {
        case .char("/"):
            // A new search (a slash is in no name, phone or ID): the next caller is someone else.
            guard !list.query.isEmpty else { return .handled }
            list.search = TextField(maxLength: 40)
            list.apply(app, moveToTop: false)
        case .f(3):
            task = .chooser(list.chooser(app))
        case .f(2):
            guard app.can(.editRoster) else { return .handled }
            task = .editor(CadreEditor(adding: app))
        case .f(4):
            guard app.can(.editRoster), let id = selected, let c = app.state.roster[id] else { return .handled }
            task = .editor(CadreEditor(editing: c, app))
        case .f(7):
            guard app.can(.importRoster) else { return .handled }
            task = .importing(RosterImportView(app))
        case .f(8):
            guard app.can(.exportData) else { return .handled }
            let name = list.filter.map { RosterText.filterLabel($0, app.text, staff: app.state.staff) } ?? app.text("roster.title")
            task = .exporting(RosterExportForm(filters: list.filter.map { [$0] } ?? [], listLabel: list.listLabel(app),
                                               listName: name, app))
        case .escape:
            if !list.query.isEmpty {
                list.search = TextField(maxLength: 40)
                list.apply(app, moveToTop: false)
            } else if list.filter != nil {
                list.filter = nil
                list.refresh(app)
            } else {
                return .ignored
            }
        default:
            switch list.search.handle(key) {
            case .changed: list.apply(app, moveToTop: true)
            case .moved: break
            // Not text and not ours (Tab): the shell's. A character the full field refused is still text.
            case .ignored: if case .char = key { return .handled } else { return .ignored }
            }
        }
        return .handled
    }

    mutating func updateFile(_ open: CadreFileView, _ key: Key, _ app: AppContext) -> KeyResult {
        var view = open
        if view.handle(key, app) { file = view; return .handled }
        guard let c = app.state.roster[view.id] else { file = nil; return .handled }
        switch key {
        case .escape:
            file = nil
        case .char("e"), .f(4):
            guard app.can(.editRoster) else { return .ignored }
            task = .editor(CadreEditor(editing: c, app))
        case .char("s"):
            guard app.can(.changeCadreStatus) else { return .ignored }
            let actions = StatusAction.available(for: c)
            guard !actions.isEmpty else {
                message = app.text("roster.status.deceased", c.name, c.deceasedOn?.description ?? "")
                return .handled
            }
            task = .statusMenu(c.id, PickList(title: app.text("roster.action.title", c.name),
                                              entries: actions.map { PickList.Entry(value: $0, text: $0.label(app.text)) },
                                              filterable: false))
        case .char("v"), .char("t"), .char("c"):
            guard jump(key, c.id, app) else { return .ignored }
        default:
            return .ignored
        }
        return .handled
    }

    /// v: log a visit, t: open a ticket, c: check in — on the screen that does it.
    func jump(_ key: Key, _ id: ID<Cadre>, _ app: AppContext) -> Bool {
        switch key {
        case .char("v") where app.can(ScreenID.visits.permission): app.navigate(to: .visits, .newVisit(cadre: id))
        case .char("t") where app.can(ScreenID.hotline.permission): app.navigate(to: .hotline, .newTicket(cadre: id))
        case .char("c") where app.can(ScreenID.centre.permission) && app.state.roster[id]?.isDeceased != true:
            app.navigate(to: .centre, .checkIn(cadre: id))
        default: return false
        }
        return true
    }

    mutating func updateTask(_ key: Key, _ app: AppContext) {
        guard let current = task else { return }
        switch current {
        case .chooser(var chooser):
            switch chooser.handle(key, pageHeight: chooser.pageHeight(in: Rect(size: app.bodySize))) {
            case .picked(let f):
                task = nil
                list.filter = f
                list.refresh(app)
                if let first = list.table.visibleRows.first { list.table.select(id: first.id) }
            case .cancelled: task = nil
            case .handled: task = .chooser(chooser)
            }

        case .editor(var editor):
            if let yes = FormProblems.confirm(&editor.confirm, key) {
                task = .editor(editor)
                if yes { save(editor, app, confirmed: true) }
                return
            }
            switch editor.form.handle(key) {
            case .submit:
                editor.message = nil
                task = .editor(editor)
                save(editor, app, confirmed: false)
            case .cancel: task = nil
            default: task = .editor(editor)
            }

        case .statusMenu(let id, var menu):
            switch menu.handle(key, pageHeight: 10) {
            case .picked(let action):
                guard let c = app.state.roster[id] else { task = nil; return }
                task = .statusForm(id, action, action.form(c, app), message: nil)
            case .cancelled: task = nil
            case .handled: task = .statusMenu(id, menu)
            }

        case .statusForm(let id, let action, var form, let msg):
            switch form.handle(key) {
            case .submit(let values):
                switch action.command(id, values) {
                case .failure(let p):
                    form.show(app.text("app.bad_date"), onField: p.field)
                    task = .statusForm(id, action, form, message: msg)
                case .success(let command):
                    if action.needsConfirmation, let c = app.state.roster[id] {
                        let text = app.text("roster.action.confirm_death", c.name, values.text("date").trimmed)
                        task = .statusConfirm(id, action, form, command, Dialog.confirm(title: action.label(app.text), message: text,
                                                                                  yes: app.text("roster.action.confirm_yes"), no: app.text("app.no")))
                    } else {
                        task = .statusForm(id, action, form, message: msg)
                        performStatus(command, app)
                    }
                }
            case .cancel: task = nil
            default: task = .statusForm(id, action, form, message: msg)
            }

        case .statusConfirm(let id, let action, let form, let command, var dialog):
            switch dialog.handle(key) {
            case .chosen(0):
                task = .statusForm(id, action, form, message: nil)
                performStatus(command, app)
            case .chosen, .dismissed: task = .statusForm(id, action, form, message: nil)
            default: task = .statusConfirm(id, action, form, command, dialog)
            }

        case .importing(var view):
            updateImport(&view, key, app)

        case .exporting(var export):
            if let yes = FormProblems.confirm(&export.confirm, key) {
                task = .exporting(export)
                if yes { finishExport(export.form.values, replace: true, app) }
                return
            }
            switch export.form.handle(key) {
            case .submit(let values): task = .exporting(export); finishExport(values, replace: false, app)
            case .cancel: task = nil
            default: task = .exporting(export)
            }
        }
    }

    mutating func updateImport(_ view: inout RosterImportView, _ key: Key, _ app: AppContext) {
        if let yes = FormProblems.confirm(&view.confirm, key) {
            if yes {
                if let added = view.commit(app) {
                    task = nil
                    list.refresh(app)
                    if let first = added.first { list.table.select(id: first) }
                    let range = added.count > 1 ? "\(added.first!.raw)–\(added.last!.raw)" : (added.first?.raw ?? "")
                    app.toast(app.text("roster.import.done", added.count, range))
                    return
                }
            }
            task = .importing(view)
            return
        }
        if !view.showsReport {
            switch view.pathForm.handle(key) {
            case .submit(let values): view.check(values.text("path"), app)
            case .cancel: task = nil; return
            default: break
            }
            task = .importing(view)
            return
        }
        switch key {
        case .enter: view.askToImport(app)
        case .char("r"): view.check(view.path, app)
        case .escape: task = nil; return
        default: _ = view.issues.handle(key)
        }
        task = .importing(view)
    }

    // MARK: Saving

    mutating func save(_ editor: CadreEditor, _ app: AppContext, confirmed: Bool) {
        let t = app.text
        let values = editor.form.values
        let commands = editor.commands(values, confirmed: confirmed)
        let result: Result<[AppliedEvent], DeskError>
        if commands.count == 1 {
            result = app.perform(commands[0])
        } else {
            result = app.performBatch(commands.map { Desk.BatchItem($0) }).mapError(\.error)
        }
        var e = editor
        switch result {
        case .success(let applied):
            task = nil
            list.refresh(app)
            if let added = applied.first?.event as? CadreAdded {
                list.table.select(id: added.cadre.id)
                file = CadreFileView(added.cadre.id)
                app.toast(t("roster.saved_new", added.cadre.name, added.cadre.id.raw))
            } else {
                app.toast(applied.isEmpty ? t("app.nothing_changed") : t("app.saved"))
            }
        case .failure(.needsConfirmation(let warnings)):
            let text = warnings.map(t.message).joined(separator: "\n") + "\n" + t("roster.form.save_anyway")
            e.confirm = Dialog.confirm(title: t("roster.form.check_title"), message: text, yes: t("roster.form.save_yes"), no: t("roster.form.save_no"))
            task = .editor(e)
        case .failure(let error):
            let general = e.show(error, values: values, t)
            if case .conflict = error {
                // Another terminal changed the file: nothing was saved, and nothing will be overwritten.
                e.message = general.joined(separator: " ")
            } else {
                e.message = general.isEmpty ? nil : general.joined(separator: " ")
            }
            task = .editor(e)
        }
    }

    mutating func performStatus(_ command: any DeskCommand, _ app: AppContext) {
        guard case .statusForm(let id, let action, var form, _)? = task else { return }
        switch app.perform(command) {
        case .success:
            task = nil
            list.refresh(app)
            app.toast(app.text("roster.action.done", action.label(app.text)))
        case .failure(let error):
            let general = FormProblems.show(error, on: &form, app.text)
            task = .statusForm(id, action, form, message: general.isEmpty ? nil : general.joined(separator: " "))
        }
    }

    mutating func finishExport(_ values: FormValues, replace: Bool, _ app: AppContext) {
        guard case .exporting(var export)? = task else { return }
        if let rows = export.export(values, replace: replace, app) {
            task = nil
            app.toast(app.text("roster.export.done", rows, export.path(values)))
        } else {
            task = .exporting(export)
        }
    }

    // MARK: Drawing

    func view(_ canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        var body = rect
        if let message {
            let (top, rest) = body.splitTop(1)
            canvas.put(message, at: top.origin, style: Style(.warning), maxWidth: top.width)
            body = rest
        }
        switch task {
        case .editor(let e): e.draw(in: &canvas, rect: body, app); return
        case .importing(let v): v.draw(in: &canvas, rect: body, app); return
        case .exporting(let x): x.draw(in: &canvas, rect: body, app); return
        case .statusForm(let id, let action, let form, let msg):
            drawStatusForm(id, action, form, msg, &canvas, body, app)
            return
        case .statusConfirm(let id, let action, let form, _, let d):
            drawStatusForm(id, action, form, nil, &canvas, body, app)
            d.draw(in: &canvas, rect: body)
            return
        default: break
        }
        if let file { file.draw(in: &canvas, rect: body, app) } else { list.draw(in: &canvas, rect: body, app) }
        switch task {
        case .chooser(let c): c.draw(in: &canvas, rect: body, noMatches: app.text("app.no_matches"), filterLabel: app.text("roster.chooser.filter"))
        case .statusMenu(_, let m): m.draw(in: &canvas, rect: body, noMatches: "", filterLabel: "")
        default: break
        }
    }

    func drawStatusForm(_ id: ID<Cadre>, _ action: StatusAction, _ form: Form, _ msg: String?,
                        _ canvas: inout some Canvas, _ rect: Rect, _ app: AppContext) {
        var (head, rest) = rect.splitTop(1)
        let name = app.state.roster[id]?.name ?? id.raw
        canvas.put(app.text("roster.action.form_title", action.label(app.text), name), at: head.origin, style: Style(.header), maxWidth: head.width)
        if let msg {
            for line in WordWrap.lines(msg, width: max(10, rect.width)) where rest.height > 3 {
                (head, rest) = rest.splitTop(1)
                canvas.put(line, at: head.origin, style: Style(.error), maxWidth: head.width)
            }
        }
        (_, rest) = rest.splitTop(1)
        form.draw(in: &canvas, rect: rest.insetBy(dx: 1, dy: 0))
    }
}
