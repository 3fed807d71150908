import DeskCore
import DeskTUI

/// The quick entry form (记录走访), built for the common case: who — the shared
/// cadre picker, by name, pinyin, initials or phone — then kind, occasion and
/// note; Enter saves from any field. Opened empty, for one cadre, pre-filled
/// for a due item (My day), or with a visit's record to correct it.
struct VisitEntry {
    enum Purpose: Equatable {
        case new
        /// Pre-filled for a due item; the item heads the form.
        case item(DueItem)
        /// Correcting a visit: its cadres stay, a reason is asked.
        case amend(VisitRecord)
    }

    enum Focus: Equatable { case picker, form }

    enum Outcome: Equatable {
        case handled
        case saved(ID<Visit>)
        case closed
    }

    let purpose: Purpose
    private(set) var picker: CadrePicker
    private(set) var cadre: ID<Cadre>?
    private let initialCadre: ID<Cadre>?
    private(set) var form: Form
    let fields: VisitFields
    private(set) var focus: Focus
    /// A problem with the whole visit (or the cadre), shown above the fields.
    private(set) var message: String?
    /// Warnings waiting for "save anyway", with the values they were found for.
    private(set) var confirm: (dialog: Dialog, values: FormValues)?

    init(_ app: AppContext, cadre: ID<Cadre>? = nil, start: VisitFields.Values? = nil, purpose: Purpose = .new) {
        self.purpose = purpose
        self.cadre = cadre
        initialCadre = cadre
        var variant = VisitFields.Variant.single
        if case .amend = purpose { variant = .amend }
        (form, fields) = VisitFields.form(start ?? VisitFields.Values(at: app.now, staff: [app.staff.id]), variant: variant, app)
        picker = CadrePicker(placeholder: app.text("visits.picker_hint"))
        focus = cadre == nil ? .picker : .form
        // Kind and occasion are known already: straight to the note.
        if cadre != nil { form.focus(fieldID: "learned") }
    }

    /// The form for a due item: the cadre, and the kind and occasion that satisfy it.
    static func forItem(_ item: DueItem, _ app: AppContext) -> VisitEntry {
        let draft = app.state.draft(for: item, by: app.staff.id, at: app.now).visit
        let start = VisitFields.Values(kind: draft.kind, occasion: draft.occasion, at: draft.at, staff: draft.staff)
        return VisitEntry(app, cadre: item.cadre, start: start, purpose: .item(item))
    }

    /// A birthday greeting for a cadre (the birthday list of My day).
    static func birthday(_ cadre: ID<Cadre>, _ app: AppContext) -> VisitEntry {
        VisitEntry(app, cadre: cadre, start: VisitFields.Values(kind: .birthday, occasion: .birthday, at: app.now, staff: [app.staff.id]))
    }

    /// The form for correcting `record`, as `Desk.visitDetail` read it.
    static func amending(_ record: VisitRecord, _ app: AppContext) -> VisitEntry {
        let start = VisitFields.Values(kind: record.kind, occasion: record.occasion, at: record.at, staff: record.staff,
                                       learned: record.learned, needs: record.needs, gifts: record.gifts,
                                       moneyEach: record.moneyEach, followUp: record.followUp)
        var e = VisitEntry(app, cadre: record.cadres.first, start: start, purpose: .amend(record))
        e.form.focus(fieldID: "reason")
        return e
    }

    var isDirty: Bool { form.isDirty || cadre != initialCadre }
    private var canChangeCadre: Bool { if case .new = purpose { true } else { false } }

    /// The roster may have changed in another terminal: search again.
    mutating func refresh(_ app: AppContext) {
        if !picker.query.isEmpty { picker.search(app) }
    }

    // MARK: Keys

    mutating func handle(_ key: Key, _ app: AppContext) -> Outcome {
        if confirm != nil {
            if let values = FormProblems.answer(&confirm, key) { return save(values, app, confirmed: true) }
            return .handled
        }
        return focus == .picker ? pickerKey(key, app) : formKey(key, app)
    }

    private mutating func pickerKey(_ key: Key, _ app: AppContext) -> Outcome {
        if key == .tab || key == .backTab {
            if cadre != nil { focus = .form }
            return .handled
        }
        switch picker.handle(key, app) {
        case .picked(let id):
            cadre = id
            message = nil
            focus = .form
            form.focus(fieldID: "kind")
        case .cancelled:
            focus = .form
            if cadre == nil { return formKey(.escape, app) }
        case .ignored where key == .enter && cadre != nil:
            focus = .form
        case .changed, .ignored:
            break
        }
        return .handled
    }

    private mutating func formKey(_ key: Key, _ app: AppContext) -> Outcome {
        // The picker comes before the first field.
        if key == .backTab || key == .up, form.focusedIndex == 0, form.discardConfirm == nil, canChangeCadre {
            focus = .picker
            return .handled
        }
        switch form.handle(key) {
        case .submit(let values): return save(values, app, confirmed: false)
        case .cancel: return .closed
        default: return .handled
        }
    }

    // MARK: Saving

    private mutating func save(_ v: FormValues, _ app: AppContext, confirmed: Bool) -> Outcome {
        let t = app.text
        message = nil
        guard let values = fields.read(v, t, showingProblemOn: &form) else { return .handled }
        let result: Result<[AppliedEvent], DeskError>
        if case .amend(let old) = purpose {
            var r = old
            r.kind = values.kind
            r.occasion = values.occasion
            r.at = values.at
            r.staff = values.staff
            r.learned = values.learned
            r.needs = values.needs
            r.gifts = values.gifts
            r.moneyEach = values.moneyEach
            r.followUp = values.followUp
            result = app.perform(AmendVisit(r, reason: v.text("reason"), confirmed: confirmed))
        } else {
            guard let cadre else {
                message = t("visits.cadre_required")
                focus = .picker
                return .handled
            }
            result = app.perform(LogVisit(cadres: [cadre], staff: values.staff, at: values.at, kind: values.kind,
                                          occasion: values.occasion, learned: values.learned, needs: values.needs,
                                          gifts: values.gifts, moneyEach: values.moneyEach, followUp: values.followUp,
                                          confirmed: confirmed))
        }
        switch result {
        case .success(let applied):
            let id = applied.lazy.compactMap { ($0.event as? VisitLogged)?.visit.id ?? ($0.event as? VisitAmended)?.visit.id }.first
            return .saved(id ?? "")
        case .failure(.needsConfirmation(let warnings)):
            confirm = (VisitWarnings.dialog(warnings, t), v)
        case .failure(let error):
            let general = FormProblems.show(error, on: &form, t)
            message = general.isEmpty ? nil : general.joined(separator: " ")
        }
        return .handled
    }

    // MARK: Keys shown

    func bindings(_ app: AppContext) -> [KeyBinding] {
        let t = app.text, g = t("visits.entry.title")
        if confirm != nil { return [] }
        if focus == .picker {
            var b = [KeyBinding(keys: [.up, .down], label: t("visits.keys.choose"), help: t("visits.keys.choose_long"), group: g, showInBar: true, priority: 6),
                     KeyBinding(keys: [.enter], label: t("visits.keys.pick"), help: t("visits.keys.pick_long"), group: g, showInBar: true, priority: 9)]
            if cadre != nil {
                b.append(KeyBinding(keys: [.tab], label: t("app.keys.next_field"), help: t("visits.keys.back_to_form_long"), group: g, showInBar: true, priority: 5))
            }
            b.append(KeyBinding(keys: [.escape], label: t("visits.keys.clear_or_cancel"), help: t("visits.keys.clear_or_cancel_long"), group: g, showInBar: true, priority: 8))
            return b
        }
        var b = [KeyBinding(keys: [.enter], label: t("app.keys.save"), help: t("app.keys.save_long"), group: g, showInBar: true, priority: 9),
                 KeyBinding(keys: [.tab, .backTab], label: t("app.keys.next_field"), help: t("app.keys.next_field_long"), group: g, showInBar: true, priority: 6),
                 KeyBinding(keys: [.left, .right, .char(" ")], label: t("visits.keys.option"), help: t("visits.keys.option_long"), group: g, showInBar: true, priority: 4)]
        if canChangeCadre {
            b.append(KeyBinding(keys: [.backTab], label: t("visits.keys.change_cadre"), help: t("visits.keys.change_cadre_long"), group: g))
        }
        b.append(KeyBinding(keys: [.escape], label: t("app.keys.cancel"), help: t("app.keys.cancel_long"), group: g, showInBar: true, priority: 8))
        return b
    }

    // MARK: Drawing

    func heading(_ app: AppContext) -> String {
        let t = app.text
        switch purpose {
        case .new: return t("visits.entry.title")
        case .item(let item):
            return t("visits.entry.for_item", item.title(t, settings: app.state.settings.visits),
                     app.display.deadline(daysLeft: item.daysLeft))
        case .amend(let r): return t("visits.entry.amend", r.id.raw)
        }
    }

    func draw(in canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        guard rect.height > 2 else { return }
        let t = app.text
        canvas.put(heading(app), at: rect.origin, style: Style(.header), maxWidth: rect.width)
        if let message {
            canvas.put(message, at: Point(x: rect.x, y: rect.y + 1), style: Style(.error), maxWidth: rect.width)
        }
        let inner = Rect(x: rect.x + 2, y: rect.y + 2, width: rect.width - 2, height: rect.height - 2)
        // The cadre line lines up with the form's right-aligned labels.
        let labelWidth = max(DisplayWidth.of(t("visits.field.cadre")) + 1,
                             form.fields.map { DisplayWidth.of($0.label) + ($0.isRequired ? 1 : 0) }.max() ?? 0)
        let label = DisplayWidth.pad(t("visits.field.cadre"), to: labelWidth, alignment: .right)
        if focus == .picker {
            picker.draw(in: &canvas, rect: inner, app, label: label + " ")
            if cadre != nil, picker.query.isEmpty, inner.height > 1 {
                canvas.put(t("visits.entry.keep_cadre", cadreText(app)), at: Point(x: inner.x + labelWidth + 2, y: inner.y + 1),
                           style: Style(.muted), maxWidth: inner.width - labelWidth - 2)
            }
        } else {
            canvas.put(label, at: inner.origin, style: Style(.normal), maxWidth: inner.width)
            canvas.put("*", at: Point(x: inner.x + labelWidth - DisplayWidth.of(t("visits.field.cadre")) - 1, y: inner.y), style: Style(.error))
            var x = canvas.put(cadreText(app), at: Point(x: inner.x + labelWidth + 2, y: inner.y), style: Style(.normal, .bold),
                               maxWidth: inner.width - labelWidth - 2)
            if let c = cadre.flatMap({ app.state.roster[$0] }), !c.alerts.isEmpty {
                x = canvas.put("  ⚠ " + c.alerts.joined(separator: "；"), at: Point(x: x, y: inner.y), style: Style(.warning),
                               maxWidth: max(0, inner.maxX - x))
            }
            form.draw(in: &canvas, rect: Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2))
        }
        if let confirm { confirm.dialog.draw(in: &canvas, rect: rect) }
    }

    private func cadreText(_ app: AppContext) -> String {
        if case .amend(let r) = purpose, r.cadres.count > 1 { return VisitWords.someNames(r.cadres, app) }
        guard let cadre else { return app.text("visits.entry.no_cadre") }
        return app.state.roster[cadre].map { CadrePicker.summary($0, app) } ?? cadre.raw
    }
}
