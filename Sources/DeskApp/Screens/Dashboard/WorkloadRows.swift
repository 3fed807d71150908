import DeskCore
import DeskTUI

/// The staff workload view (工作量): per staff member their cadres, today's
/// due and overdue items, open tickets and visits this period. Sortable
/// (`s`/`r`); Enter opens My day as that staff member sees it.
enum WorkloadRows {
    static func table(_ app: AppContext) -> Table<ID<Staff>> {
        let t = app.text
        func n(_ key: String) -> TableColumn { TableColumn(t(key), width: .min(6), alignment: .right, sorting: .numeric) }
        return Table(columns: [
            TableColumn(t("dashboard.col.staff_id"), width: .fixed(5)),
            TableColumn(t("dashboard.col.staff"), width: .min(6)),
            TableColumn(t("dashboard.col.role"), width: .min(6)),
            n("dashboard.col.cadres"), n("dashboard.col.due"), n("dashboard.col.overdue"), n("dashboard.col.open_tickets"), n("dashboard.col.visits"),
            TableColumn(t("dashboard.col.status"), width: .flex(min: 6), sorting: .none),
        ], emptyMessage: t("dashboard.workload.empty"), noMatchesMessage: t("app.no_matches"))
    }

    static func rows(_ d: Dashboard, _ app: AppContext) -> [TableRow<ID<Staff>>] {
        let f = app.display, t = app.text
        return d.workload.map { w in
            let covering = app.state.staff.coveredBy(w.staff, on: d.team.date).compactMap { app.state.staff[$0]?.name }
            var status = w.away ? t("dashboard.workload.away") : ""
            if !covering.isEmpty { status = t("dashboard.workload.covering", covering.joined(separator: "、")) }
            return TableRow(id: w.staff, cells: [w.staff.raw, w.name, f.role(w.role), f.count(w.cadres), f.count(w.due), f.count(w.overdue),
                                                 f.count(w.openTickets), f.count(w.visits), status],
                            emphasis: w.overdue > 0 ? .warning : (w.away ? .muted : .normal))
        }
    }
}
