import DeskCore
import DeskTUI

/// The visit list's columns and one row per visit, newest first. Voided
/// visits stay listed, muted and marked.
enum VisitRows {
    static func table(_ t: Localizer) -> Table<ID<Visit>> {
        Table(columns: [
            TableColumn(t("visits.col.when"), width: .min(12)),
            TableColumn(t("visits.col.cadre"), width: .min(6)),
            TableColumn(t("visits.col.staff"), width: .flex(min: 6, weight: 1)),
            TableColumn(t("visits.col.kind"), width: .min(8)),
            TableColumn(t("visits.col.occasion"), width: .flex(min: 6, weight: 1)),
            TableColumn(t("visits.col.money"), width: .fixed(10), alignment: .right, sorting: .numeric),
            TableColumn(t("visits.col.needs"), width: .fixed(4), alignment: .right, sorting: .numeric),
            TableColumn(t("visits.col.follow_up"), width: .min(6)),
            TableColumn(t("visits.col.state"), width: .min(6)),
        ], emptyMessage: t("visits.list.empty"), noMatchesMessage: t("app.no_matches"))
    }

    static func rows(_ visits: [VisitSummary], _ app: AppContext) -> [TableRow<ID<Visit>>] {
        let t = app.text, d = app.display
        var staffNames: [ID<Staff>: String] = [:]
        func staff(_ ids: [ID<Staff>]) -> String {
            ids.map { id in
                if let n = staffNames[id] { return n }
                let n = VisitWords.staffName(id, app)
                staffNames[id] = n
                return n
            }.joined(separator: t("visits.list_separator"))
        }
        return visits.map { v in
            var state: [String] = []
            if v.voided { state.append(t("visits.voided")) }
            if v.amended { state.append(t("visits.amended")) }
            let cells = [d.dateTime(v.at), VisitWords.cadreNames(v.cadres, app), staff(v.staff), VisitWords.kind(v.kind, t),
                         VisitWords.occasion(v.occasion, t), v.moneyEach == .zero ? "" : d.money(v.moneyEach),
                         v.needCount == 0 ? "" : String(v.needCount), v.followUp.map(d.shortDate) ?? "", state.joined(separator: " ")]
            var sortKeys = cells
            sortKeys[0] = v.at.description
            sortKeys[7] = v.followUp?.description ?? ""
            return TableRow(id: v.id, cells: cells, searchText: ([v.id.raw] + v.cadres.map(\.raw)).joined(separator: " "),
                            sortKeys: sortKeys, emphasis: v.voided ? .muted : .normal)
        }
    }
}
