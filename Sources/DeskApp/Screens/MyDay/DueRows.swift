import DeskCore
import DeskTUI

/// My day's tables: the due items, the week's birthdays, and (for a
/// supervisor) the staff with their overdue and due counts.
enum DueRows {
    /// A due item's identity across refreshes: the same cadre, rule and deadline.
    struct Key: Hashable {
        var cadre: ID<Cadre>
        var rule: DueRule
        var by: LocalDate
        var festival: String?

        init(_ item: DueItem) {
            cadre = item.cadre
            rule = item.rule
            by = item.by
            festival = item.festival
        }
    }

    // MARK: Items

    static func itemTable(_ t: Localizer, showAssignee: Bool) -> Table<Key> {
        var columns = [TableColumn(t("visits.col.deadline"), width: .min(8), sorting: .numeric),
                       TableColumn(t("visits.col.cadre"), width: .min(6)),
                       TableColumn(t("visits.col.item"), width: .flex(min: 10, weight: 2))]
        if showAssignee { columns.append(TableColumn(t("visits.col.assignee"), width: .min(6))) }
        columns += [TableColumn(t("visits.col.community"), width: .min(8)),
                    TableColumn(t("visits.col.note"), width: .flex(min: 8, weight: 2))]
        return Table(columns: columns, emptyMessage: t("visits.myday.nothing_due"), noMatchesMessage: t("app.no_matches"))
    }

    static func itemRows(_ items: [DueItem], _ app: AppContext, showAssignee: Bool) -> [TableRow<Key>] {
        let t = app.text, d = app.display, settings = app.state.settings.visits
        return items.map { item in
            let c = app.state.roster[item.cadre]
            var cells = [d.deadline(daysLeft: item.daysLeft), c?.name ?? item.cadre.raw, item.title(t, settings: settings)]
            if showAssignee { cells.append(VisitWords.staffName(item.assignee, app)) }
            cells += [c?.community ?? "", note(item, app)]
            var sortKeys = cells
            sortKeys[0] = String(item.daysLeft)
            return TableRow(id: Key(item), cells: cells, searchText: item.cadre.raw, sortKeys: sortKeys,
                            emphasis: item.status == .overdue ? .alert : .normal)
        }
    }

    /// What makes the item concrete: since when, the last visit, AB岗.
    static func note(_ item: DueItem, _ app: AppContext) -> String {
        let t = app.text, d = app.display
        var parts: [String] = []
        if item.isCovering { parts.append(t("visits.covering_for", VisitWords.staffName(item.contact, app))) }
        switch item.rule {
        case .careVisit, .carePhone:
            parts.append(item.lastVisit.map { t("visits.note.last_visit", d.shortDate($0)) } ?? t("visits.note.never_visited"))
        case .monthlyContact:
            parts.append(item.status == .overdue ? t("visits.note.no_contact_since", d.shortDate(item.from)) : t("visits.note.no_contact_this_month"))
        case .birthday: parts.append(t("visits.note.birthday_on", d.dayAndWeekday(item.by)))
        case .hospital: parts.append(t("visits.note.admitted_on", d.shortDate(item.from)))
        case .bereavement: parts.append(t("visits.note.widowed_on", d.shortDate(item.from)))
        case .condolence: parts.append(t("visits.note.died_on", d.shortDate(item.from)))
        case .festival: parts.append(t("visits.note.festival_on", d.shortDate(item.by)))
        case .followUp: parts.append(item.relatedVisit.map { t("visits.note.follow_up_of", $0.raw) } ?? "")
        }
        return parts.filter { !$0.isEmpty }.joined(separator: "；")
    }

    // MARK: Birthdays

    static func birthdayTable(_ t: Localizer) -> Table<ID<Cadre>> {
        Table(columns: [TableColumn(t("visits.col.birthday"), width: .min(10)),
                        TableColumn(t("visits.col.cadre"), width: .min(6)),
                        TableColumn(t("visits.col.age"), width: .min(8)),
                        TableColumn(t("visits.col.state"), width: .min(8)),
                        TableColumn(t("visits.col.community"), width: .min(8)),
                        TableColumn(t("visits.col.contact"), width: .flex(min: 6))],
              emptyMessage: t("visits.myday.no_birthdays"), noMatchesMessage: t("app.no_matches"))
    }

    static func birthdayRows(_ list: [BirthdayEntry], _ app: AppContext) -> [TableRow<ID<Cadre>>] {
        let t = app.text, d = app.display
        return list.map { b in
            let c = app.state.roster[b.cadre]
            let age = b.milestone ? t("visits.birthday.milestone", b.age) : t("app.picker.age", b.age)
            let state = b.greeted ? t("visits.birthday.greeted") : b.date < app.today ? t("visits.birthday.missed") : t("visits.birthday.not_yet")
            var sortKeys = [b.date.description]
            sortKeys += [c?.name ?? "", String(b.age), state, c?.community ?? "", ""]
            return TableRow(id: b.cadre, cells: [d.dayAndWeekday(b.date), c?.name ?? b.cadre.raw, age, state, c?.community ?? "",
                                                 VisitWords.staffName(c?.contact, app)],
                            searchText: b.cadre.raw, sortKeys: sortKeys,
                            emphasis: b.greeted ? .muted : (b.date < app.today || b.milestone ? .alert : .normal))
        }
    }

    // MARK: Staff (supervisors)

    /// Whose items the supervisor looks at.
    enum Whose: Hashable {
        case everyone
        case staff(ID<Staff>)
        case unassigned
    }

    static func teamTable(_ t: Localizer) -> Table<Whose> {
        Table(columns: [TableColumn(t("visits.col.assignee"), width: .flex(min: 6)),
                        TableColumn(t("visits.col.overdue"), width: .fixed(4), alignment: .right, sorting: .numeric),
                        TableColumn(t("visits.col.due"), width: .fixed(4), alignment: .right, sorting: .numeric)],
              emptyMessage: t("visits.myday.no_staff"), noMatchesMessage: t("app.no_matches"))
    }

    /// 全体 first, then every staff member who has items or looks after cadres, then 未分配.
    static func teamRows(_ team: TeamDay, contacts: Set<ID<Staff>>, _ app: AppContext) -> [TableRow<Whose>] {
        let t = app.text
        var rows = [TableRow(id: Whose.everyone, cells: [t("visits.myday.everyone"), String(team.overdueCount),
                                                          String(team.groups.reduce(team.unassigned.dueCount) { $0 + $1.dueCount })])]
        var byStaff: [ID<Staff>: StaffDue] = [:]
        for g in team.groups { if let s = g.staff { byStaff[s] = g } }
        let people = Set(byStaff.keys).union(contacts.filter { app.state.staff[$0]?.active == true }).sorted()
        for s in people {
            let g = byStaff[s]
            let away = app.state.staff[s]?.absence(on: app.today) != nil
            let name = VisitWords.staffName(s, app) + (away ? t("visits.myday.away_mark") : "")
            rows.append(TableRow(id: .staff(s), cells: [name, String(g?.overdueCount ?? 0), String(g?.dueCount ?? 0)],
                                 searchText: s.raw, emphasis: (g?.overdueCount ?? 0) > 0 ? .alert : .normal))
        }
        if !team.unassigned.items.isEmpty {
            rows.append(TableRow(id: .unassigned, cells: [t("visits.unassigned"), String(team.unassigned.overdueCount),
                                                           String(team.unassigned.dueCount)], emphasis: .alert))
        }
        return rows
    }
}
