import DeskCore
import DeskTUI

/// The records behind one figure, as a list: cadres, visits, occasions, due
/// items, tickets, bookings or check-ins. Enter opens the record where it
/// lives (the cadre's file, the ticket, the class); Esc goes back.
/// Phones and ID numbers are never shown here.
struct DrillList {
    let what: DashboardDrill
    /// The figure's label, for the title.
    let figure: String
    var table: Table<String>
    var count = 0
    /// Extra words for the title (e.g. how many joined or left a list).
    var detail = ""
    var opensRecords = true
    var kind: Kind

    enum Kind { case cadres, visits, occasions, dueItems, tickets, bookings, checkIns }

    init(what: DashboardDrill, figure: String, app: AppContext) {
        self.what = what
        self.figure = figure
        kind = Self.kind(of: what)
        table = Table(columns: Self.columns(kind, app), emptyMessage: app.text("dashboard.drill.empty"), noMatchesMessage: app.text("app.no_matches"))
    }

    static func kind(of d: DashboardDrill) -> Kind {
        switch d {
        case .living, .list, .notContacted, .notContactedEveryMonth: .cadres
        case .visits, .visitsWithNeeds, .inPersonVisits, .visitsWithMoney: .visits
        case .occasions: .occasions
        case .workOf, .unassignedWork: .dueItems
        case .tickets, .ticketsOfCategory, .rated: .tickets
        case .roomBookings, .noShows, .bookings, .course: .bookings
        case .checkIns: .checkIns
        }
    }

    static func columns(_ k: Kind, _ app: AppContext) -> [TableColumn] {
        let t = app.text
        func col(_ key: String, _ w: TableColumn.Width, _ a: Alignment = .left, _ s: TableColumn.Sorting = .text) -> TableColumn {
            TableColumn(t(key), width: w, alignment: a, sorting: s)
        }
        switch k {
        case .cadres:
            return [col("dashboard.col.file", .fixed(7)), col("dashboard.col.name", .min(6)), col("dashboard.col.gender", .fixed(4)),
                    col("dashboard.col.age", .fixed(4), .right, .numeric), col("dashboard.col.category_short", .fixed(4)),
                    col("dashboard.col.community", .min(8)), col("dashboard.col.contact", .min(6)), col("dashboard.col.mark", .flex(min: 6))]
        case .visits:
            return [col("dashboard.col.date", .fixed(16)), col("dashboard.col.kind", .min(8)), col("dashboard.col.occasion", .min(8)),
                    col("dashboard.col.cadre", .flex(min: 8)), col("dashboard.col.staff", .min(6)),
                    col("dashboard.col.needs", .fixed(4), .right, .numeric), col("dashboard.col.money", .min(8), .right, .numeric)]
        case .occasions:
            return [col("dashboard.col.cadre", .min(8)), col("dashboard.col.rule", .flex(min: 10)), col("dashboard.col.by", .fixed(10)),
                    col("dashboard.col.outcome", .min(6)), col("dashboard.col.met_on", .fixed(10)), col("dashboard.col.contact", .min(6))]
        case .dueItems:
            return [col("dashboard.col.cadre", .min(8)), col("dashboard.col.rule", .flex(min: 10)), col("dashboard.col.by", .fixed(10)),
                    col("dashboard.col.status", .min(8)), col("dashboard.col.contact", .min(6))]
        case .tickets:
            return [col("dashboard.col.ticket", .fixed(11)), col("dashboard.col.opened_at", .fixed(12)), col("dashboard.col.category", .min(8)),
                    col("dashboard.col.status", .min(6)), col("dashboard.col.caller", .min(6)), col("dashboard.col.summary", .flex(min: 10)),
                    col("dashboard.col.handler", .min(6))]
        case .bookings:
            return [col("dashboard.col.booking", .fixed(7)), col("dashboard.col.date", .fixed(10)), col("dashboard.col.time", .fixed(11)),
                    col("dashboard.col.room", .min(6)), col("dashboard.col.holder", .flex(min: 8)), col("dashboard.col.status", .min(6))]
        case .checkIns:
            return [col("dashboard.col.date", .fixed(16)), col("dashboard.col.cadre", .flex(min: 8)),
                    col("dashboard.col.bookings_count", .fixed(6), .right, .numeric), col("dashboard.col.by_staff", .min(6))]
        }
    }

    /// Reads the records again (the log may have moved on).
    mutating func reload(_ screen: DashboardScreen, _ app: AppContext) {
        guard let d = screen.dashboard else { return }
        let records = app.state.records(what, in: d.current, team: d.team)
        count = records.count
        detail = ""
        let rows = DrillRows(app: app).rows(records)
        if case .listMembers(_, let joined, let left) = records {
            detail = app.text("dashboard.drill.list_change", app.display.count(joined.count), app.display.count(left.count))
        }
        opensRecords = rows.contains { DrillRows.target($0.id) != nil }
        table.setRows(rows)
    }

    /// Enter on a row: go where the record lives.
    func open(_ row: String, _ app: AppContext) {
        guard let (screen, intent) = DrillRows.target(row) else { return }
        app.navigate(to: screen, intent)
    }

    func title(_ app: AppContext, period: String) -> String {
        app.text("dashboard.drill.title", figure, period, app.display.count(count)) + (detail.isEmpty ? "" : "  " + detail)
    }
}

/// Table rows for drill lists; each row id says where Enter takes it.
struct DrillRows {
    let app: AppContext
    var t: Localizer { app.text }
    var f: Display { app.display }
    var state: DeskState { app.state }

    func rows(_ r: DrillRecords) -> [TableRow<String>] {
        switch r {
        case .cadres(let ids): return ids.map { cadre($0, mark: "") }
        case .listMembers(let members, let joined, let left):
            return members.map { cadre($0, mark: joined.contains($0) ? t("dashboard.drill.joined") : "") }
                + left.map { cadre($0, mark: t("dashboard.drill.left"), emphasis: .muted) }
        case .visits(let v): return v.map(visit)
        case .occasions(let o): return o.map(occasion)
        case .dueItems(let items): return items.map(due)
        case .tickets(let ids): return ids.compactMap(ticket)
        case .bookings(let ids): return ids.compactMap(booking)
        case .checkIns(let records): return records.enumerated().map { checkIn($1, $0) }
        }
    }

    func name(_ c: ID<Cadre>) -> String { state.roster[c]?.name ?? c.raw }
    func staffName(_ s: ID<Staff>?) -> String { s.flatMap { state.staff[$0]?.name ?? $0.raw } ?? "" }

    func cadre(_ id: ID<Cadre>, mark: String, emphasis: DeskTUI.Role = .normal) -> TableRow<String> {
        guard let c = state.roster[id] else { return TableRow(id: "c:" + id.raw, cells: [id.raw]) }
        let age = c.age(on: c.deceasedOn ?? app.today)
        return TableRow(id: "c:" + id.raw + (emphasis == .muted ? ":left" : ""),
                        cells: [id.raw, c.name, t("roster.gender.\(c.gender.rawValue)"), String(age), t("roster.category.\(c.category.rawValue)"),
                                c.community, staffName(c.contact), mark],
                        searchText: c.workUnit, emphasis: c.isDeceased ? .muted : emphasis)
    }

    func visit(_ v: VisitSummary) -> TableRow<String> {
        let who = v.cadres.prefix(3).map(name).joined(separator: "、") + (v.cadres.count > 3 ? t("dashboard.drill.more", v.cadres.count) : "")
        return TableRow(id: "c:" + (v.cadres.first?.raw ?? "") + ":" + v.id.raw,
                        cells: [f.date(v.at.date) + " " + f.time(v.at.time), t(v.kind.catalogKey), t(v.occasion.catalogKey), who,
                                v.staff.map { staffName($0) }.joined(separator: "、"), v.needCount > 0 ? String(v.needCount) : "",
                                v.moneyEach.fen > 0 ? f.money(v.moneyEach) : ""],
                        searchText: v.id.raw, emphasis: v.voided ? .muted : .normal)
    }

    func occasion(_ o: OccasionResult) -> TableRow<String> {
        let rule = o.festival.flatMap { id in state.settings.visits.festivals.first { $0.id == id } }
            .map { t("visits.rule.festival_named", $0.name(t)) } ?? (o.milestone ? t("visits.rule.birthday_milestone", o.age ?? 0) : t(o.rule.catalogKey))
        return TableRow(id: "c:\(o.cadre.raw):\(o.rule.rawValue):\(o.by)",
                        cells: [name(o.cadre), rule, f.date(o.by), t("dashboard.outcome.\(o.outcome.rawValue)"), o.metOn.map(f.date) ?? "",
                                staffName(state.roster[o.cadre]?.contact)],
                        emphasis: o.outcome == .missed ? .alert : o.outcome == .late ? .warning : .normal)
    }

    func due(_ item: DueItem) -> TableRow<String> {
        let status = item.status == .overdue ? t("dashboard.drill.overdue_days", item.daysOverdue) : t("dashboard.drill.due_by", f.relative(item.by, today: app.today))
        return TableRow(id: "c:\(item.cadre.raw):\(item.rule.rawValue):\(item.by)",
                        cells: [name(item.cadre), item.title(t, settings: state.settings.visits), f.date(item.by), status, staffName(item.contact)],
                        emphasis: item.status == .overdue ? .alert : .normal)
    }

    func ticket(_ id: ID<Ticket>) -> TableRow<String>? {
        guard let tk = state.tickets[id] else { return nil }
        let r = state.ticketRow(tk, now: app.now)
        let category = state.settings.hotline.category(r.category)?.name ?? t("hotline.category.\(r.category)")
        return TableRow(id: "t:" + id.raw,
                        cells: [id.raw, f.dateTime(r.openedAt), category, t("hotline.status.\(r.status.rawValue)"), r.callerName, r.summary,
                                staffName(r.handler)],
                        searchText: r.cadreName ?? "", emphasis: r.warning == .overdue ? .alert : .normal)
    }

    func booking(_ id: ID<Booking>) -> TableRow<String>? {
        guard let b = state.centre[booking: id] else { return nil }
        let room = state.centre[room: b.room]?.name ?? b.room.raw
        let holder: String, target: String
        switch b.holder {
        case .cadre(let c): holder = name(c); target = "c:" + c.raw
        case .group(let g, let c): holder = g + (c.map { " (" + name($0) + ")" } ?? ""); target = c.map { "c:" + $0.raw } ?? "x:"
        case .course(let k): holder = state.centre[course: k]?.name ?? k.raw; target = "k:" + k.raw
        case .centre: holder = b.purpose; target = "x:"
        }
        let status: String
        if let c = b.cancelled { status = t("dashboard.drill.cancelled") + (c.reason.isEmpty ? "" : " " + c.reason) }
        else if b.checkedInAt != nil { status = t("dashboard.drill.checked_in") }
        else if let n = b.noShowTime(state.settings.centre), n <= app.now { status = t("dashboard.drill.no_show") }
        else { status = "" }
        return TableRow(id: target + ":" + id.raw, cells: [id.raw, f.date(b.date), b.span.description, room, holder, status],
                        searchText: b.purpose, emphasis: b.cancelled != nil ? .muted : .normal)
    }

    func checkIn(_ r: CheckInRecord, _ i: Int) -> TableRow<String> {
        TableRow(id: (r.cadre.map { "c:" + $0.raw } ?? "x:") + ":\(i)",
                 cells: [f.date(r.at.date) + " " + f.time(r.at.time), r.cadre.map(name) ?? t("dashboard.drill.group_check_in"),
                         String(r.bookings.count), staffName(r.by)])
    }

    /// Where a row's record lives: the cadre's file, a ticket, a class.
    static func target(_ rowID: String) -> (ScreenID, Intent)? {
        let parts = rowID.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, !parts[1].isEmpty else { return nil }
        switch parts[0] {
        case "c": return (.roster, .openCadre(ID(parts[1])))
        case "t": return (.hotline, .openTicket(parts[1]))
        case "k": return (.centre, .openClass(parts[1]))
        default: return nil
        }
    }
}
