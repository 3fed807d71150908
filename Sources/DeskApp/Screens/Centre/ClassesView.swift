import DeskCore
import DeskTUI

/// The senior university's classes: the list with enrolment / capacity /
/// waitlist, and one class in detail (`ClassDetail`). Enrolling, withdrawing
/// and moving on the waitlist happen in the detail or straight from the list.
struct ClassesView: CentrePart {
    var table = Table<ID<Course>>(columns: [], emptyMessage: "", noMatchesMessage: "")
    var includingPast = false
    var detail: ClassDetail?
    /// Enrolling from the list: the class and the picker.
    var enrol: (course: ID<Course>, picker: CadrePicker)?

    var capturesText: Bool { enrol != nil || (detail?.capturesText ?? table.isEditingFilter) }
    var hasUnsavedChanges: Bool { detail?.hasUnsavedChanges ?? false }

    mutating func refresh(_ app: AppContext) {
        let t = app.text, d = app.display
        if table.columns.isEmpty {
            table = Table(columns: [
                TableColumn(t("centre.ui.col.class"), width: .min(8)),
                TableColumn(t("centre.ui.col.teacher"), width: .min(4)),
                TableColumn(t("centre.ui.col.schedule"), width: .min(10)),
                TableColumn(t("centre.ui.col.enrolled"), width: .fixed(9), alignment: .right),
                TableColumn(t("centre.ui.col.waiting"), width: .fixed(4), alignment: .right),
                TableColumn(t("centre.ui.col.next"), width: .min(11)),
                TableColumn(t("centre.ui.col.term"), width: .flex(min: 10)),
            ], emptyMessage: t("centre.ui.no_classes"), noMatchesMessage: t("app.no_matches"))
        }
        let list = CentreQuery(app.state).courseList(on: app.today, includingPast: includingPast, now: app.now)
        table.setRows(list.map { c in
            let schedule = zip(c.sessions, c.roomNames).map { "\(d.weekly($0.weekday, $0.span)) \($1)" }.joined(separator: "; ")
            let count = "\(c.enrolled)/\(c.capacity)" + (c.enrolled >= c.capacity ? " " + t("centre.ui.full") : "")
            return TableRow(id: c.id, cells: [c.name, c.teacher, schedule, count, String(c.waiting),
                                              c.next.map { d.dateTime($0, today: app.today) } ?? "", d.period(c.term)],
                            searchText: c.id.raw, emphasis: c.term.end < app.today ? .muted : .normal)
        })
        detail?.refresh(app)
        enrol?.picker.search(app)
    }

    mutating func open(_ course: ID<Course>, _ app: AppContext) {
        detail = ClassDetail(course: course)
        detail?.refresh(app)
        _ = table.select(id: course)
    }

    mutating func update(_ key: Key, _ app: AppContext, _ actions: inout [CentreAction]) -> KeyResult {
        if var e = enrol {
            switch e.picker.handle(key, app) {
            case .picked(let cadre):
                enrol = nil
                actions.append(ClassDetail.enrol(cadre, in: e.course, app))
                refresh(app)
            case .cancelled: enrol = nil
            default: enrol = e
            }
            return .handled
        }
        if var d = detail {
            let r = d.update(key, app, &actions)
            if d.closed { detail = nil; refresh(app) } else { detail = d }
            return r
        }
        switch table.handle(key) {
        case .activated(let id): open(id, app); return .handled
        case .handled: return .handled
        case .ignored: break
        }
        switch key {
        case .char("a"):
            includingPast.toggle()
            refresh(app)
        case .char("e"):
            guard app.can(.bookRooms), let id = table.selectedID else { return .ignored }
            enrol = (id, CadrePicker(placeholder: app.text("centre.ui.find_cadre_hint")))
        default:
            return .ignored
        }
        return .handled
    }

    func bindings(_ app: AppContext, group g: String) -> [KeyBinding] {
        let t = app.text
        if enrol != nil { return ClassDetail.pickerBindings(app, group: g) }
        if let detail { return detail.bindings(app, group: g) }
        var out = [KeyBinding(keys: [.enter], label: t("centre.ui.keys.open_class"), help: t("centre.ui.keys.open_class_long"), group: g,
                              showInBar: true, priority: 8),
                   KeyBinding(keys: [.char("a")], label: includingPast ? t("centre.ui.keys.current_only") : t("centre.ui.keys.with_past"),
                              help: t("centre.ui.keys.with_past_long"), group: g, showInBar: true, priority: 4),
                   KeyBinding(keys: [.char("/")], label: t("app.keys.filter"), help: t("app.keys.filter_long"), group: g, showInBar: true, priority: 5)]
        if app.can(.bookRooms) {
            out.append(KeyBinding(keys: [.char("e")], label: t("centre.ui.keys.enrol"), help: t("centre.ui.keys.enrol_long"), group: g,
                                  showInBar: true, priority: 7))
        }
        return out
    }

    func view(_ canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        if let detail {
            detail.view(&canvas, rect: rect, app)
            return
        }
        if let e = enrol {
            let name = app.state.centre.courses[e.course]?.name ?? e.course.raw
            var lines = Lines(rect)
            lines.put(app.text("centre.ui.enrol_title", name), Style(.header), in: &canvas)
            e.picker.draw(in: &canvas, rect: lines.rest, app, label: app.text("centre.ui.find_cadre"))
            return
        }
        table.draw(in: &canvas, rect: rect)
    }
}
