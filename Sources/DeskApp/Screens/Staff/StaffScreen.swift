import DeskCore
import DeskTUI

/// Staff admin (admin only): the staff list, add, edit name/role/phone,
/// deactivate or reactivate, record an absence with its backup (AB岗), cancel
/// one, set a PIN for shared terminals. Every change is an event.
struct StaffScreen: DeskScreen {
    let id = ScreenID.staff
    var table = Table<ID<Staff>>(columns: [], emptyMessage: "", noMatchesMessage: "")
    var mode = Mode.list
    var message: String?

    enum Mode {
        case list
        case form(Purpose, Form)
        case confirm(Purpose, Dialog)
    }

    enum Purpose: Equatable {
        case add
        case edit(ID<Staff>)
        case absence(ID<Staff>, backups: [ID<Staff>])
        case pin(ID<Staff>)
        case toggleActive(ID<Staff>)
        case cancelAbsence(ID<Staff>, String)
    }

    var capturesText: Bool {
        switch mode {
        case .list: table.isEditingFilter
        case .form, .confirm: true
        }
    }

    var hasUnsavedChanges: Bool { if case .form(_, let f) = mode { f.isDirty } else { false } }

    func title(_ app: AppContext) -> String { app.text("staff.screen.title") }

    func badge(_ app: AppContext) -> String? {
        let away = app.state.staff.active.filter { $0.absence(on: app.today) != nil }.count
        return away > 0 ? app.text("staff.screen.away_badge", away) : nil
    }

    func bindings(_ app: AppContext) -> [KeyBinding] {
        let t = app.text, g = t("staff.screen.title")
        switch mode {
        case .form:
            return [KeyBinding(keys: [.enter], label: t("app.keys.save"), help: t("app.keys.save_long"), group: g, showInBar: true, priority: 9),
                    KeyBinding(keys: [.tab, .backTab], label: t("app.keys.next_field"), help: t("app.keys.next_field_long"), group: g, showInBar: true),
                    KeyBinding(keys: [.escape], label: t("app.keys.cancel"), help: t("app.keys.cancel_long"), group: g, showInBar: true, priority: 8)]
        case .confirm:
            return []
        case .list:
            return [
                KeyBinding(keys: [.char("a"), .f(2)], label: t("staff.keys.add"), help: t("staff.keys.add_long"), group: g, showInBar: true, priority: 7),
                KeyBinding(keys: [.char("e"), .enter], label: t("staff.keys.edit"), help: t("staff.keys.edit_long"), group: g, showInBar: true, priority: 6),
                KeyBinding(keys: [.char("b")], label: t("staff.keys.absence"), help: t("staff.keys.absence_long"), group: g, showInBar: true, priority: 5),
                KeyBinding(keys: [.char("X")], label: t("staff.keys.cancel_absence"), help: t("staff.keys.cancel_absence_long"), group: g, showInBar: false),
                KeyBinding(keys: [.char("p")], label: t("staff.keys.pin"), help: t("staff.keys.pin_long"), group: g, showInBar: true, priority: 3),
                KeyBinding(keys: [.char("D")], label: t("staff.keys.toggle"), help: t("staff.keys.toggle_long"), group: g, showInBar: true, priority: 4),
                KeyBinding(keys: [.char("/")], label: t("app.keys.filter"), help: t("app.keys.filter_long"), group: g, showInBar: true, priority: 6),
            ]
        }
    }

    // MARK: State from the desk

    mutating func refresh(_ app: AppContext) {
        let t = app.text
        if table.columns.isEmpty {
            table = Table(columns: [
                TableColumn(t("staff.col.id"), width: .fixed(5)),
                TableColumn(t("staff.col.name"), width: .min(8)),
                TableColumn(t("staff.col.login"), width: .min(10)),
                TableColumn(t("staff.col.role"), width: .fixed(10)),
                TableColumn(t("staff.col.status"), width: .fixed(6)),
                TableColumn(t("staff.col.pin"), width: .fixed(6)),
                TableColumn(t("staff.col.absence"), width: .flex(min: 20)),
            ], emptyMessage: t("staff.empty"), noMatchesMessage: t("app.no_matches"))
        }
        let book = app.state.staff, d = app.display, today = app.today
        let rows = book.all.map { s -> TableRow<ID<Staff>> in
            let absence = s.absences.filter { !$0.cancelled && $0.to >= today }.sorted { $0.from < $1.from }.first
            var absenceText = ""
            if let a = absence {
                let backup = book[a.backup]?.name ?? a.backup.raw
                absenceText = t("staff.absence_text", d.shortDate(a.from), d.shortDate(a.to), backup) + (a.reason.isEmpty ? "" : " (\(a.reason))")
            }
            let covering = book.coveredBy(s.id, on: today).compactMap { book[$0]?.name }
            if !covering.isEmpty { absenceText += (absenceText.isEmpty ? "" : "; ") + t("staff.covering", covering.joined(separator: "、")) }
            return TableRow(id: s.id, cells: [s.id.raw, s.name, s.login, d.role(s.role),
                                              s.active ? t("staff.active") : t("staff.inactive"),
                                              s.pin == nil ? "-" : t("staff.pin_set"), absenceText],
                            searchText: s.login, emphasis: s.active ? .normal : .muted)
        }
        table.setRows(rows)
    }

    // MARK: Keys

    mutating func update(_ key: Key, _ app: AppContext) -> KeyResult {
        switch mode {
        case .confirm(let purpose, var dialog):
            switch dialog.handle(key) {
            case .chosen(0): mode = .list; confirm(purpose, app)
            case .chosen, .dismissed: mode = .list
            default: mode = .confirm(purpose, dialog)
            }
            return .handled
        case .form(let purpose, var form):
            switch form.handle(key) {
            case .submit(let values): mode = .form(purpose, form); save(purpose, values, app)
            case .rejected:
                // The form stops at an empty required field; say what else is wrong now, not one Enter later.
                if let command = Self.staffCommand(purpose, form.values), let error = app.problems(of: command) {
                    FormProblems.addUnshown(error, on: &form, app.text)
                }
                mode = .form(purpose, form)
            case .cancel: mode = .list
            default: mode = .form(purpose, form)
            }
            return .handled
        case .list:
            break
        }
        message = nil
        switch table.handle(key) {
        case .activated(let id): openEdit(id, app); return .handled
        case .handled: return .handled
        case .ignored: break
        }
        guard let selected = table.selectedID else {
            if key == .char("a") || key == .f(2) { openAdd(app); return .handled }
            return .ignored
        }
        switch key {
        case .char("a"), .f(2): openAdd(app)
        case .char("e"): openEdit(selected, app)
        case .char("b"): openAbsence(selected, app)
        case .char("p"): openPin(selected, app)
        case .char("D"):
            guard let s = app.state.staff[selected] else { return .handled }
            let msg = app.text(s.active ? "staff.confirm_deactivate" : "staff.confirm_reactivate", s.name)
            mode = .confirm(.toggleActive(selected), Dialog.confirm(message: msg, yes: app.text("app.yes"), no: app.text("app.no")))
        case .char("X"):
            guard let s = app.state.staff[selected],
                  let a = s.absences.filter({ !$0.cancelled && $0.to >= app.today }).sorted(by: { $0.from < $1.from }).first else {
                message = app.text("staff.no_absence")
                return .handled
            }
            let msg = app.text("staff.confirm_cancel_absence", s.name, app.display.shortDate(a.from), app.display.shortDate(a.to))
            mode = .confirm(.cancelAbsence(selected, a.id), Dialog.confirm(message: msg, yes: app.text("app.yes"), no: app.text("app.no")))
        default:
            return .ignored
        }
        return .handled
    }

    func roleOptions(_ app: AppContext) -> [String] { Role.allCases.map { app.display.role($0) } }

    mutating func openAdd(_ app: AppContext) {
        let t = app.text
        mode = .form(.add, Form(fields: [
            .text("login", label: t("staff.field.login"), required: true, maxLength: 32, width: 20),
            .text("name", label: t("staff.field.name"), required: true, maxLength: 20, width: 16),
            .choice("role", label: t("staff.field.role"), options: roleOptions(app), selected: Role.allCases.firstIndex(of: .desk)!, width: 16),
            .text("phone", label: t("staff.field.phone"), maxLength: 20, width: 16),
        ], strings: FormProblems.strings(t)))
    }

    mutating func openEdit(_ id: ID<Staff>, _ app: AppContext) {
        guard let s = app.state.staff[id] else { return }
        let t = app.text
        mode = .form(.edit(id), Form(fields: [
            .text("login", label: t("staff.field.login"), text: s.login, required: true, maxLength: 32, width: 20),
            .text("name", label: t("staff.field.name"), text: s.name, required: true, maxLength: 20, width: 16),
            .choice("role", label: t("staff.field.role"), options: roleOptions(app), selected: Role.allCases.firstIndex(of: s.role)!, width: 16),
            .text("phone", label: t("staff.field.phone"), text: s.phone ?? "", maxLength: 20, width: 16),
        ], strings: FormProblems.strings(t)))
    }

    mutating func openAbsence(_ id: ID<Staff>, _ app: AppContext) {
        let t = app.text
        let backups = app.state.staff.active.filter { $0.id != id }
        guard !backups.isEmpty else { message = t("staff.no_backup_candidates"); return }
        mode = .form(.absence(id, backups: backups.map(\.id)), Form(fields: [
            .text("from", label: t("staff.field.from"), text: app.today.description, required: true, maxLength: 10, width: 12),
            .text("to", label: t("staff.field.to"), text: app.today.description, required: true, maxLength: 10, width: 12),
            .choice("backup", label: t("staff.field.backup"), options: backups.map { "\($0.name) (\(app.display.role($0.role)))" }, width: 24),
            .text("reason", label: t("staff.field.reason"), maxLength: 40, width: 30),
        ], strings: FormProblems.strings(t)))
    }

    mutating func openPin(_ id: ID<Staff>, _ app: AppContext) {
        let t = app.text
        mode = .form(.pin(id), Form(fields: [
            .text("pin", label: t("staff.field.pin"), required: true, maxLength: 8, width: 10, secret: true),
            .text("pin2", label: t("staff.field.pin_again"), required: true, maxLength: 8, width: 10, secret: true),
        ], strings: FormProblems.strings(t)))
    }

    // MARK: Saving

    /// The add or edit command the form's values spell (nil for the other forms).
    static func staffCommand(_ purpose: Purpose, _ v: FormValues) -> (any DeskCommand)? {
        switch purpose {
        case .add:
            return AddStaff(login: v.text("login").trimmed, name: v.text("name").trimmed,
                            role: Role.allCases[v.choice("role") ?? 0], phone: v.text("phone").trimmed)
        case .edit(let id):
            return UpdateStaff(id: id, login: v.text("login").trimmed, name: v.text("name").trimmed,
                               role: Role.allCases[v.choice("role") ?? 0], phone: v.text("phone").trimmed)
        default:
            return nil
        }
    }

    mutating func save(_ purpose: Purpose, _ v: FormValues, _ app: AppContext) {
        let t = app.text
        let command: any DeskCommand
        switch purpose {
        case .add, .edit:
            command = Self.staffCommand(purpose, v)!
        case .absence(let id, let backups):
            guard let from = LocalDate(v.text("from").trimmed) else { return fieldError("from", t("app.bad_date"), purpose) }
            guard let to = LocalDate(v.text("to").trimmed) else { return fieldError("to", t("app.bad_date"), purpose) }
            command = RecordAbsence(staff: id, from: from, to: to, backup: backups[v.choice("backup") ?? 0], reason: v.text("reason").trimmed)
        case .pin(let id):
            guard v.text("pin") == v.text("pin2") else { return fieldError("pin2", t("staff.pin_mismatch"), purpose) }
            command = SetPin(staff: id, pin: v.text("pin"))
        case .toggleActive, .cancelAbsence:
            return
        }
        switch app.perform(command) {
        case .success(let applied):
            mode = .list
            refresh(app)
            if case .add = purpose, let added = applied.first?.event as? StaffAdded { _ = table.select(id: added.staff.id) }
            app.toast(applied.isEmpty ? t("app.nothing_changed") : t("app.saved"), .info)
        case .failure(let error):
            guard case .form(let p, var form) = mode else { return }
            let general = FormProblems.show(error, on: &form, t)
            mode = .form(p, form)
            message = general.isEmpty ? nil : general.joined(separator: " ")
        }
    }

    mutating func fieldError(_ field: String, _ msg: String, _ purpose: Purpose) {
        guard case .form(let p, var form) = mode else { return }
        form.show(msg, onField: field)
        mode = .form(p, form)
    }

    mutating func confirm(_ purpose: Purpose, _ app: AppContext) {
        let result: Result<[AppliedEvent], DeskError>
        switch purpose {
        case .toggleActive(let id):
            guard let s = app.state.staff[id] else { return }
            result = app.perform(SetStaffActive(id: id, active: !s.active))
        case .cancelAbsence(let id, let absence):
            result = app.perform(CancelAbsence(staff: id, absence: absence))
        default:
            return
        }
        switch result {
        case .success: refresh(app); app.toast(app.text("app.saved"))
        case .failure(let e): message = e.problems.map(app.text.message).joined(separator: " ")
        }
    }

    // MARK: Drawing

    func view(_ canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        var body = rect
        if let message {
            let (top, rest) = body.splitTop(1)
            _ = canvas.put(message, at: top.origin, style: Style(.warning), maxWidth: top.width)
            body = rest
        }
        switch mode {
        case .list, .confirm:
            table.draw(in: &canvas, rect: body)
            if case .confirm(_, let dialog) = mode { dialog.draw(in: &canvas, rect: rect) }
        case .form(let purpose, let form):
            let (head, rest) = body.splitTop(2)
            let who: String
            switch purpose {
            case .add: who = app.text("staff.form.add")
            case .edit(let id): who = app.text("staff.form.edit", app.state.staff[id]?.name ?? id.raw)
            case .absence(let id, _): who = app.text("staff.form.absence", app.state.staff[id]?.name ?? id.raw)
            case .pin(let id): who = app.text("staff.form.pin", app.state.staff[id]?.name ?? id.raw)
            default: who = ""
            }
            _ = canvas.put(who, at: head.origin, style: Style(.header), maxWidth: head.width)
            form.draw(in: &canvas, rect: rest.insetBy(dx: 2, dy: 0))
        }
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
}

import Foundation
