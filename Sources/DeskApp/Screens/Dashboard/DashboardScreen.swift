import DeskCore
import DeskTUI
import Foundation

/// The supervisors' dashboard (看板), for supervisors and admins: a period
/// (this week, month, quarter, year, or a custom span; `[`/`]` step back and
/// forth) beside the same period a year earlier, in sections — roster,
/// visits, hotline, activity centre — and the staff workload. Charts draw
/// the group under the cursor; Enter opens the records behind a figure (the
/// overdue figures open My day for that staff member). `R` writes a report.
struct DashboardScreen: DeskScreen {
    let id = ScreenID.dashboard
    var period: DashboardPeriod?
    /// The period is this week/month/quarter/year and moves on with the date.
    var followsToday = true
    var section = DashboardSection.roster
    var dashboard: Dashboard?
    /// The state the dashboard was computed from.
    var computedAt: UInt64 = 0
    var table = Table<String>(columns: [], emptyMessage: "", noMatchesMessage: "")
    var lines: [FigureLine] = []
    var workload = Table<ID<Staff>>(columns: [], emptyMessage: "", noMatchesMessage: "")
    var mode = Mode.figures
    var message: String?

    enum Mode {
        case figures
        case drill(DrillList)
        case customPeriod(Form)
        case report(Form)
    }

    var capturesText: Bool {
        switch mode {
        case .figures: section == .workload ? workload.isEditingFilter : table.isEditingFilter
        case .drill(let d): d.table.isEditingFilter
        case .customPeriod, .report: true
        }
    }

    var hasUnsavedChanges: Bool {
        switch mode {
        case .customPeriod(let f), .report(let f): f.isDirty
        default: false
        }
    }

    func title(_ app: AppContext) -> String { app.text("dashboard.title") }

    // MARK: Keys

    func bindings(_ app: AppContext) -> [KeyBinding] {
        let t = app.text, g = t("dashboard.title")
        switch mode {
        case .customPeriod, .report:
            return [KeyBinding(keys: [.enter], label: t("dashboard.keys.run"), help: t("dashboard.keys.run_long"), group: g, showInBar: true, priority: 9),
                    KeyBinding(keys: [.tab, .backTab], label: t("app.keys.next_field"), help: t("app.keys.next_field_long"), group: g, showInBar: true),
                    KeyBinding(keys: [.escape], label: t("app.keys.cancel"), help: t("app.keys.cancel_long"), group: g, showInBar: true, priority: 8)]
        case .drill(let d):
            var keys = [
                KeyBinding(keys: [.escape], label: t("dashboard.keys.back"), help: t("dashboard.keys.back_long"), group: g, showInBar: true, priority: 9),
                KeyBinding(keys: [.char("/")], label: t("app.keys.filter"), help: t("app.keys.filter_long"), group: g, showInBar: true, priority: 6),
                KeyBinding(keys: [.char("s"), .char("r")], label: t("dashboard.keys.sort"), help: t("dashboard.keys.sort_long"), group: g, showInBar: true, priority: 3),
            ]
            if d.opensRecords {
                keys.insert(KeyBinding(keys: [.enter], label: t("dashboard.keys.open"), help: t("dashboard.keys.open_record_long"), group: g,
                                       showInBar: true, priority: 7), at: 0)
            }
            return keys
        case .figures:
            var keys = [
                KeyBinding(keys: [.enter], label: t("dashboard.keys.drill"), help: t("dashboard.keys.drill_long"), group: g, showInBar: true, priority: 7),
                KeyBinding(keys: [.left, .right], label: t("dashboard.keys.section"), help: t("dashboard.keys.section_long"), group: g, showInBar: true, priority: 8),
                KeyBinding(keys: [.char("w"), .char("m"), .char("t"), .char("y")], label: t("dashboard.keys.period"),
                           help: t("dashboard.keys.period_long"), group: g, showInBar: true, priority: 6),
                KeyBinding(keys: [.char("["), .char("]")], label: t("dashboard.keys.step"), help: t("dashboard.keys.step_long"), group: g, showInBar: true, priority: 5),
                KeyBinding(keys: [.char("c")], label: t("dashboard.keys.custom"), help: t("dashboard.keys.custom_long"), group: g, showInBar: true, priority: 4),
                KeyBinding(keys: [.char("/")], label: t("app.keys.filter"), help: t("app.keys.filter_long"), group: g, showInBar: false),
            ]
            if section == .workload {
                keys.append(KeyBinding(keys: [.char("s"), .char("r")], label: t("dashboard.keys.sort"), help: t("dashboard.keys.sort_long"), group: g, showInBar: false))
            }
            if app.can(.runReports) {
                keys.append(KeyBinding(keys: [.char("R")], label: t("dashboard.keys.report"), help: t("dashboard.keys.report_long"), group: g,
                                       showInBar: true, priority: 3))
            }
            return keys
        }
    }

    mutating func update(_ key: Key, _ app: AppContext) -> KeyResult {
        switch mode {
        case .customPeriod(var form):
            switch form.handle(key) {
            case .submit(let v): mode = .customPeriod(form); applyCustom(v, app)
            case .cancel: mode = .figures
            default: mode = .customPeriod(form)
            }
            return .handled
        case .report(var form):
            switch form.handle(key) {
            case .submit(let v): mode = .report(form); writeReport(v, app)
            case .cancel: mode = .figures
            default: mode = .report(form)
            }
            return .handled
        case .drill(var d):
            if key == .escape, !d.table.isEditingFilter, d.table.filterText.isEmpty { mode = .figures; return .handled }
            switch d.table.handle(key) {
            case .activated(let row): mode = .drill(d); d.open(row, app)
            case .handled: mode = .drill(d)
            case .ignored: return .ignored
            }
            return .handled
        case .figures:
            break
        }
        message = nil
        if section == .workload {
            switch workload.handle(key) {
            case .activated(let s): app.navigate(to: .myDay, .workOf(s)); return .handled
            case .handled: return .handled
            case .ignored: break
            }
        } else {
            let before = table.selectedPosition ?? 0
            switch table.handle(key) {
            case .activated(let id): drill(id, app); return .handled
            case .handled: skipHeading(from: before, key); return .handled
            case .ignored: break
            }
        }
        switch key {
        case .left, .char("h"): switchSection(by: -1, app)
        case .right, .char("l"): switchSection(by: 1, app)
        case .char("w"): choose(.week, app)
        case .char("m"): choose(.month, app)
        case .char("t"): choose(.quarter, app)
        case .char("y"): choose(.year, app)
        case .char("["): step(-1, app)
        case .char("]"): step(1, app)
        case .char("c"): openCustom(app)
        case .char("R"):
            guard app.can(.runReports) else { message = app.text("dashboard.report.not_allowed", app.staff.name); return .handled }
            openReport(app)
        default: return .ignored
        }
        return .handled
    }

    /// Headings are not figures: a move that lands on one goes on past it.
    mutating func skipHeading(from before: Int, _ key: Key) {
        guard let pos = table.selectedPosition, table.selectedRow?.emphasis == .header else { return }
        let rows = table.visibleRows
        let down = pos >= before
        var i = pos
        while rows.indices.contains(i), rows[i].emphasis == .header { i += down ? 1 : -1 }
        if !rows.indices.contains(i) {
            // Nothing past it that way (the top heading): take the first figure the other way.
            i = pos
            while rows.indices.contains(i), rows[i].emphasis == .header { i += down ? -1 : 1 }
        }
        if rows.indices.contains(i) { table.select(id: rows[i].id) }
    }

    mutating func switchSection(by step: Int, _ app: AppContext) {
        let all = DashboardSection.allCases
        section = all[(section.rawValue + step + all.count) % all.count]
        showSection(app, keepSelection: false)
    }

    mutating func choose(_ kind: DashboardPeriod.Kind, _ app: AppContext) {
        period = .current(kind, today: app.today)
        followsToday = true
        recompute(app)
    }

    mutating func step(_ n: Int, _ app: AppContext) {
        guard let p = period else { return }
        let next = p.moved(by: n, today: app.today)
        guard next.period.start <= app.today else { message = app.text("dashboard.no_future"); return }
        period = next
        followsToday = next.kind != .custom && next == .current(next.kind, today: app.today)
        recompute(app)
    }

    // MARK: Computing

    mutating func refresh(_ app: AppContext) {
        setUpTables(app)
        // A new day moves "this month" along; another terminal's append changes the figures.
        if followsToday { period = .current(period?.kind ?? .month, today: app.today) }
        if dashboard == nil || computedAt != app.state.seq || dashboard?.current.now.date != app.today { recompute(app, keepSelection: true) }
        if case .drill(var d) = mode {
            d.reload(self, app)
            mode = .drill(d)
        }
    }

    mutating func recompute(_ app: AppContext, keepSelection: Bool = false) {
        guard let p = period else { return }
        dashboard = app.state.dashboard(p, now: app.now, reusing: dashboard)
        computedAt = app.state.seq
        showSection(app, keepSelection: keepSelection)
    }

    mutating func showSection(_ app: AppContext, keepSelection: Bool) {
        guard let d = dashboard else { return }
        if section == .workload {
            workload.setRows(WorkloadRows.rows(d, app))
            return
        }
        lines = DashboardLines(d: d, app: app).lines(section)
        let rows = lines.map { l in
            TableRow(id: l.id, cells: [l.label, l.current, l.lastYear, l.change, l.note], emphasis: l.emphasis)
        }
        if !keepSelection { table.setFilter("") }
        table.setRows(rows)
        if !keepSelection || table.selectedRow == nil, let first = lines.first(where: { !$0.isHeading }) {
            if !keepSelection { table.select(id: first.id) }
        }
        if table.selectedRow?.emphasis == .header { skipHeading(from: 0, .down) }
    }

    mutating func setUpTables(_ app: AppContext) {
        guard table.columns.isEmpty else { return }
        let t = app.text
        table = Table(columns: [
            TableColumn(t("dashboard.col.figure"), width: .flex(min: 14, weight: 2), sorting: .none),
            TableColumn(t("dashboard.col.current"), width: .min(8), alignment: .right, sorting: .none),
            TableColumn(t("dashboard.col.last_year"), width: .min(8), alignment: .right, sorting: .none),
            TableColumn(t("dashboard.col.change"), width: .min(5), alignment: .right, sorting: .none),
            TableColumn(t("dashboard.col.note"), width: .flex(min: 10, weight: 3), sorting: .none),
        ], emptyMessage: t("dashboard.empty"), noMatchesMessage: t("app.no_matches"))
        table.keys.sortNext = []
        table.keys.sortReverse = []
        workload = WorkloadRows.table(app)
    }

    /// Enter on a figure.
    mutating func drill(_ id: String, _ app: AppContext) {
        guard let line = lines.first(where: { $0.id == id }) else { return }
        switch line.action {
        case .myDay(let s)?:
            app.navigate(to: .myDay, .workOf(s))
        case .records(let what)?:
            var list = DrillList(what: what, figure: line.label, app: app)
            list.reload(self, app)
            mode = .drill(list)
        case nil:
            break
        }
    }
}
