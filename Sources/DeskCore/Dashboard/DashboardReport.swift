/// A monthly, quarterly or yearly report (月检查、季总结、年度报告): the
/// headline totals in the field reports' style and the tables under them,
/// built from a `Dashboard`. Cells are typed, not text: the app renders them
/// in the session's language as Markdown and CSV (numbers stay numbers, so a
/// spreadsheet can add them up).
public struct DashboardReport: Sendable {
    public var period: DashboardPeriod
    public var headline: Headline
    public var tables: [ReportTable]

    /// 走访 4,180 人次,电话联系 8,000 余次,收集意见建议 504 条,解决问题 367 个;满意度 97.3%.
    public struct Headline: Sendable, Hashable {
        public var inPersonVisits: Int
        public var phoneContacts: Int
        public var suggestions: Int
        public var problemsSolved: Int
        /// % 满意 + 基本满意 and the callbacks it rests on.
        public var satisfaction: Double?
        public var rated: Int
        public var coverage: Double?
        public var checkIns: Int
    }

    /// The rows of all tables together (for the export record).
    public var rowCount: Int { tables.reduce(0) { $0 + $1.rows.count } }
}

/// One table of a report: a file of its own as CSV, a section in the summary.
public struct ReportTable: Sendable, Hashable {
    /// File name stem (`visits-by-kind`).
    public var id: String
    /// Catalog key of the title.
    public var title: String
    /// Catalog keys of the column headings.
    public var columns: [String]
    public var rows: [[ReportCell]]
}

public enum ReportCell: Sendable, Hashable {
    case text(String)
    /// A catalog key (a kind, a list, a rule).
    case label(String)
    case count(Int)
    /// A signed change (+3, −2).
    case change(Int)
    /// 0…100, nil when there is nothing to divide by.
    case percent(Double?)
    /// Working minutes, shown as hours.
    case workingMinutes(Int?)
    /// Years, one decimal.
    case years(Double?)
    case money(Money)
    case date(LocalDate)
    /// A calendar month (its first day).
    case month(LocalDate)
}

extension DashboardReport {
    public init(_ d: Dashboard, state: DeskState) {
        let c = d.current, y = d.lastYear
        period = d.period
        headline = Headline(inPersonVisits: c.visitExtras.inPersonCadreVisits, phoneContacts: c.visits.byKind[.phone] ?? 0,
                            suggestions: c.suggestionsCollected, problemsSolved: c.hotline.all.closed,
                            satisfaction: c.hotline.satisfiedOrFairlyPercent, rated: c.hotline.ratedCount,
                            coverage: c.coverage.percentEveryMonth, checkIns: c.centre.checkIns)
        tables = [
            Self.overview(c, y),
            Self.lists(c),
            Self.groups(c, y),
            Self.byKey("visits-by-kind", "dashboard.report.t.visits_by_kind", "dashboard.col.kind",
                       VisitKind.allCases.map { ($0.catalogKey, c.visits.byKind[$0] ?? 0, y.visits.byKind[$0] ?? 0) }),
            Self.byKey("visits-by-occasion", "dashboard.report.t.visits_by_occasion", "dashboard.col.occasion",
                       VisitOccasion.allCases.map { ($0.catalogKey, c.visits.byOccasion[$0] ?? 0, y.visits.byOccasion[$0] ?? 0) }),
            Self.visitsByStaff(c, y, state),
            Self.coverage(c),
            Self.occasions(c),
            Self.missed(c, state),
            Self.hotline(c, state),
            Self.byKey("satisfaction", "dashboard.report.t.satisfaction", "dashboard.col.rating",
                       CallbackRating.allCases.map { ("hotline.rating.\($0.rawValue)", c.hotline.ratings[$0] ?? 0, y.hotline.ratings[$0] ?? 0) }),
            Self.rooms(c),
            Self.classes(c),
            Self.workload(d),
        ]
    }

    static func overview(_ c: DashboardFigures, _ y: DashboardFigures) -> ReportTable {
        func n(_ key: String, _ f: (DashboardFigures) -> Int) -> [ReportCell] {
            [.label(key), .count(f(c)), .count(f(y)), .change(f(c) - f(y))]
        }
        func pct(_ key: String, _ f: (DashboardFigures) -> Double?) -> [ReportCell] { [.label(key), .percent(f(c)), .percent(f(y)), .text("")] }
        return ReportTable(id: "overview", title: "dashboard.report.t.overview",
                           columns: ["dashboard.col.figure", "dashboard.col.current", "dashboard.col.last_year", "dashboard.col.change"], rows: [
            n("dashboard.fig.living") { $0.rosterEnd.living },
            n("dashboard.fig.lixiu") { $0.rosterEnd.byCategory[.lixiu] ?? 0 },
            [.label("dashboard.fig.average_age"), .years(c.rosterEnd.averageAge), .years(y.rosterEnd.averageAge), .text("")],
            [.label("dashboard.fig.average_age_lixiu"), .years(c.rosterEnd.averageAge(.lixiu)), .years(y.rosterEnd.averageAge(.lixiu)), .text("")],
            n("dashboard.fig.visits") { $0.visits.visits },
            n("dashboard.fig.in_person") { $0.visitExtras.inPersonCadreVisits },
            n("dashboard.fig.phone") { $0.visits.byKind[.phone] ?? 0 },
            n("dashboard.fig.needs") { $0.visitExtras.needsRaised },
            n("dashboard.fig.suggestions") { $0.suggestionsCollected },
            [.label("dashboard.fig.money"), .money(c.visits.money), .money(y.visits.money), .text("")],
            pct("dashboard.fig.coverage_every_month") { $0.coverage.percentEveryMonth },
            pct("dashboard.fig.occasions_on_time") { $0.occasionsOnTimePercent },
            n("dashboard.fig.occasions_missed") { $0.occasionOutcomes[.missed] ?? 0 },
            n("dashboard.fig.opened") { $0.hotline.all.opened },
            n("dashboard.fig.closed") { $0.hotline.all.closed },
            pct("dashboard.fig.closed_in_time") { $0.hotline.all.closedInTimePercent },
            [.label("dashboard.fig.median_close"), .workingMinutes(c.hotline.all.medianWorkingMinutesToClose),
             .workingMinutes(y.hotline.all.medianWorkingMinutesToClose), .text("")],
            pct("dashboard.fig.callback_done") { $0.hotline.callbackDonePercent },
            pct("dashboard.fig.satisfaction") { $0.hotline.satisfiedOrFairlyPercent },
            pct("dashboard.fig.satisfied") { $0.hotline.satisfiedPercent },
            n("dashboard.fig.rated") { $0.hotline.ratedCount },
            n("dashboard.fig.check_ins") { $0.centre.checkIns },
            n("dashboard.fig.no_shows") { $0.centre.noShows.count },
            pct("dashboard.fig.utilisation") { $0.centre.utilisation.map { $0 * 100 } },
        ])
    }

    static func lists(_ c: DashboardFigures) -> ReportTable {
        ReportTable(id: "roster-lists", title: "dashboard.report.t.lists",
                    columns: ["dashboard.col.list", "dashboard.col.start", "dashboard.col.end", "dashboard.col.change"],
                    rows: NamedList.allCases.map { l in
                        let a = c.rosterStart.lists[l] ?? 0, b = c.rosterEnd.lists[l] ?? 0
                        return [.label("roster.list.\(l.rawValue)"), .count(a), .count(b), .change(b - a)]
                    })
    }

    static func groups(_ c: DashboardFigures, _ y: DashboardFigures) -> ReportTable {
        let rows: [[ReportCell]] = CadreCategory.allCases.map {
            [.label("roster.category.\($0.rawValue)"), .count(c.rosterEnd.byCategory[$0] ?? 0), .count(y.rosterEnd.byCategory[$0] ?? 0),
             .years(c.rosterEnd.averageAge($0))]
        } + RankBand.allCases.map {
            [.label("roster.rank.\($0.rawValue)"), .count(c.rosterEnd.byRank[$0] ?? 0), .count(y.rosterEnd.byRank[$0] ?? 0), .text("")]
        }
        return ReportTable(id: "roster-groups", title: "dashboard.report.t.groups",
                           columns: ["dashboard.col.group", "dashboard.col.current", "dashboard.col.last_year", "dashboard.col.average_age"],
                           rows: rows)
    }

    static func byKey(_ id: String, _ title: String, _ first: String, _ rows: [(String, Int, Int)]) -> ReportTable {
        ReportTable(id: id, title: title, columns: [first, "dashboard.col.current", "dashboard.col.last_year", "dashboard.col.change"],
                    rows: rows.map { [.label($0.0), .count($0.1), .count($0.2), .change($0.1 - $0.2)] })
    }

    static func visitsByStaff(_ c: DashboardFigures, _ y: DashboardFigures, _ state: DeskState) -> ReportTable {
        let ids = Set(c.visits.byStaff.keys).union(y.visits.byStaff.keys).sorted()
        return ReportTable(id: "visits-by-staff", title: "dashboard.report.t.visits_by_staff",
                           columns: ["dashboard.col.staff_id", "dashboard.col.staff", "dashboard.col.current", "dashboard.col.last_year"],
                           rows: ids.map { s in
                               [.text(s.raw), .text(state.staff[s]?.name ?? s.raw), .count(c.visits.byStaff[s] ?? 0), .count(y.visits.byStaff[s] ?? 0)]
                           })
    }

    static func coverage(_ c: DashboardFigures) -> ReportTable {
        ReportTable(id: "coverage", title: "dashboard.report.t.coverage",
                    columns: ["dashboard.col.month", "dashboard.col.living", "dashboard.col.contacted", "dashboard.col.percent"],
                    rows: c.coverage.months.map { [.month($0.month), .count($0.living), .count($0.contacted), .percent($0.percent)] })
    }

    static func occasions(_ c: DashboardFigures) -> ReportTable {
        let by = c.occasionsByRule
        return ReportTable(id: "occasions", title: "dashboard.report.t.occasions",
                           columns: ["dashboard.col.rule", "dashboard.col.on_time", "dashboard.col.late", "dashboard.col.missed", "dashboard.col.open"],
                           rows: DueRule.allCases.compactMap { r in
                               guard let o = by[r] else { return nil }
                               return [.label(r.catalogKey)] + OccasionOutcome.allCases.map { .count(o[$0] ?? 0) }
                           })
    }

    /// Personal data: who was missed. This is why a report is an export.
    static func missed(_ c: DashboardFigures, _ state: DeskState) -> ReportTable {
        ReportTable(id: "occasions-missed", title: "dashboard.report.t.missed",
                    columns: ["dashboard.col.file", "dashboard.col.name", "dashboard.col.contact", "dashboard.col.rule", "dashboard.col.by"],
                    rows: c.occasions.filter { $0.outcome == .missed }.map { o in
                        let cadre = state.roster[o.cadre]
                        return [.text(o.cadre.raw), .text(cadre?.name ?? ""), .text(cadre?.contact.flatMap { state.staff[$0]?.name } ?? ""),
                                .label(o.rule.catalogKey), .date(o.by)]
                    })
    }

    static func hotline(_ c: DashboardFigures, _ state: DeskState) -> ReportTable {
        let codes = state.settings.hotline.categories.map(\.code)
        let extra = c.hotline.byCategory.keys.filter { !codes.contains($0) }.sorted()
        return ReportTable(id: "hotline-by-category", title: "dashboard.report.t.hotline",
                           columns: ["dashboard.col.category", "dashboard.col.opened", "dashboard.col.closed", "dashboard.col.in_time",
                                     "dashboard.col.in_time_percent", "dashboard.col.median_hours"],
                           rows: (codes + extra).compactMap { code in
                               guard let k = c.hotline.byCategory[code] else { return nil }
                               let name = state.settings.hotline.category(code)?.name
                               return [name.map { .text($0) } ?? .label("hotline.category.\(code)"), .count(k.opened), .count(k.closed),
                                       .count(k.closedInTime), .percent(k.closedInTimePercent), .workingMinutes(k.medianWorkingMinutesToClose)]
                           })
    }

    static func rooms(_ c: DashboardFigures) -> ReportTable {
        ReportTable(id: "rooms", title: "dashboard.report.t.rooms",
                    columns: ["dashboard.col.room", "dashboard.col.open_hours", "dashboard.col.booked_hours", "dashboard.col.percent"],
                    rows: c.centre.rooms.map { r in
                        [.text(r.name), .workingMinutes(r.openMinutes), .workingMinutes(r.bookedMinutes), .percent(r.utilisation.map { $0 * 100 })]
                    })
    }

    static func classes(_ c: DashboardFigures) -> ReportTable {
        ReportTable(id: "classes", title: "dashboard.report.t.classes",
                    columns: ["dashboard.col.class", "dashboard.col.capacity", "dashboard.col.enrolled", "dashboard.col.waiting",
                              "dashboard.col.sessions", "dashboard.col.attendance"],
                    rows: c.centre.classes.map { k in
                        [.text(k.name), .count(k.capacity), .count(k.enrolled), .count(k.waiting), .count(k.sessionsHeld),
                         .percent(k.attendanceRate.map { $0 * 100 })]
                    })
    }

    static func workload(_ d: Dashboard) -> ReportTable {
        ReportTable(id: "workload", title: "dashboard.report.t.workload",
                    columns: ["dashboard.col.staff_id", "dashboard.col.staff", "dashboard.col.role", "dashboard.col.cadres", "dashboard.col.due",
                              "dashboard.col.overdue", "dashboard.col.open_tickets", "dashboard.col.visits"],
                    rows: d.workload.map { w in
                        [.text(w.staff.raw), .text(w.name), .label("role.\(w.role.rawValue)"), .count(w.cadres), .count(w.due),
                         .count(w.overdue), .count(w.openTickets), .count(w.visits)]
                    })
    }
}
