import DeskCore
import DeskTUI

/// The parts of the dashboard, one at a time on screen (←/→ switch).
enum DashboardSection: Int, CaseIterable {
    case roster, visits, hotline, centre, workload

    var titleKey: String {
        switch self {
        case .roster: "dashboard.section.roster"
        case .visits: "dashboard.section.visits"
        case .hotline: "dashboard.section.hotline"
        case .centre: "dashboard.section.centre"
        case .workload: "dashboard.section.workload"
        }
    }
}

/// What Enter on a figure does.
enum FigureAction: Equatable {
    /// A list of the records behind it.
    case records(DashboardDrill)
    /// My day as that staff member sees it (the overdue-per-staff figures).
    case myDay(ID<Staff>)
}

/// One line of a section: a figure this period, a year earlier, and the change.
struct FigureLine: Equatable {
    var id: String
    var label: String
    var current = ""
    var lastYear = ""
    var change = ""
    var note = ""
    /// The number the group's bar chart draws (this period).
    var value = 0.0
    var action: FigureAction?
    /// A group heading: not a figure, the cursor passes over it.
    var isHeading = false
    var emphasis: DeskTUI.Role = .normal
    /// A heading: whether its group is drawn as a bar chart. A figure: whether it is one of the bars
    /// (a total or a rate among counts is not).
    var chart = true

    static func heading(_ id: String, _ label: String, chart: Bool = true) -> FigureLine {
        FigureLine(id: "h." + id, label: label, isHeading: true, emphasis: .header, chart: chart)
    }

    func outOfChart() -> FigureLine {
        var l = self
        l.chart = false
        return l
    }
}

/// Builds each section's lines from a computed dashboard, formatted for the session.
struct DashboardLines {
    let d: Dashboard
    let app: AppContext
    var t: Localizer { app.text }
    var f: Display { app.display }
    var c: DashboardFigures { d.current }
    var y: DashboardFigures { d.lastYear }

    func lines(_ s: DashboardSection) -> [FigureLine] {
        switch s {
        case .roster: roster
        case .visits: visits
        case .hotline: hotline
        case .centre: centre
        case .workload: []
        }
    }

    /// The section's weekly trend: label, series.
    func trend(_ s: DashboardSection) -> (String, [Int])? {
        switch s {
        case .visits: (t("dashboard.trend.visits"), c.visitExtras.byWeek)
        case .hotline: (t("dashboard.trend.tickets"), c.ticketsByWeek)
        case .centre: (t("dashboard.trend.check_ins"), c.checkInsByWeek)
        case .roster, .workload: nil
        }
    }

    /// A count this period against a year earlier.
    func count(_ id: String, _ label: String, _ a: Int, _ b: Int, note: String = "", _ action: FigureAction?) -> FigureLine {
        FigureLine(id: id, label: label, current: f.count(a), lastYear: f.count(b), change: f.change(a - b), note: note,
                   value: Double(a), action: action)
    }

    func percent(_ id: String, _ label: String, _ a: Double?, _ b: Double?, note: String = "", _ action: FigureAction?) -> FigureLine {
        FigureLine(id: id, label: label, current: f.percent(a), lastYear: f.percent(b), change: f.pointChange(a, b), note: note,
                   value: a ?? 0, action: action)
    }

    // MARK: Roster

    var roster: [FigureLine] {
        let s = c.rosterStart, e = c.rosterEnd, ly = y.rosterEnd
        var out: [FigureLine] = [.heading("roster", t("dashboard.group.roster"))]
        out.append(count("living", t("dashboard.fig.living"), e.living, ly.living, note: t("dashboard.note.start", f.count(s.living)),
                         .records(.living(category: nil, rank: nil))).outOfChart())
        for k in CadreCategory.allCases {
            out.append(count("cat.\(k.rawValue)", t("roster.category.\(k.rawValue)"), e.byCategory[k] ?? 0, ly.byCategory[k] ?? 0,
                             note: t("dashboard.note.start", f.count(s.byCategory[k] ?? 0)), .records(.living(category: k, rank: nil))))
        }
        out.append(.heading("age", t("dashboard.group.age"), chart: false))
        out.append(FigureLine(id: "age", label: t("dashboard.fig.average_age"), current: f.years(e.averageAge), lastYear: f.years(ly.averageAge),
                              value: e.averageAge ?? 0, action: .records(.living(category: nil, rank: nil))))
        for k in CadreCategory.allCases {
            out.append(FigureLine(id: "age.\(k.rawValue)", label: t("dashboard.fig.average_age_of", t("roster.category.\(k.rawValue)")),
                                  current: f.years(e.averageAge(k)), lastYear: f.years(ly.averageAge(k)), value: e.averageAge(k) ?? 0,
                                  action: .records(.living(category: k, rank: nil))))
        }
        out.append(.heading("rank", t("dashboard.group.rank")))
        for r in RankBand.allCases {
            out.append(count("rank.\(r.rawValue)", t("roster.rank.\(r.rawValue)"), e.byRank[r] ?? 0, ly.byRank[r] ?? 0,
                             .records(.living(category: nil, rank: r))))
        }
        out.append(.heading("lists", t("dashboard.group.lists")))
        for l in NamedList.allCases {
            let a = s.lists[l] ?? 0, b = e.lists[l] ?? 0
            var line = count("list.\(l.rawValue)", t("roster.list.\(l.rawValue)"), b, ly.lists[l] ?? 0,
                             note: t("dashboard.note.list_change", f.count(a), f.count(b), f.change(b - a)), .records(.list(l)))
            if b != a { line.emphasis = .warning }
            out.append(line)
        }
        return out
    }

    // MARK: Visits

    var visits: [FigureLine] {
        var out: [FigureLine] = [.heading("visits", t("dashboard.group.visits"), chart: false)]
        out.append(count("visits", t("dashboard.fig.visits"), c.visits.visits, y.visits.visits,
                         note: t("dashboard.note.cadre_visits", f.count(c.visits.cadreVisits)), .records(.visits(kind: nil, occasion: nil, staff: nil))))
        out.append(count("in_person", t("dashboard.fig.in_person"), c.visitExtras.inPersonCadreVisits, y.visitExtras.inPersonCadreVisits,
                         .records(.inPersonVisits)))
        out.append(count("phone", t("dashboard.fig.phone"), c.visits.byKind[.phone] ?? 0, y.visits.byKind[.phone] ?? 0,
                         .records(.visits(kind: .phone, occasion: nil, staff: nil))))
        out.append(count("needs", t("dashboard.fig.needs"), c.visitExtras.needsRaised, y.visitExtras.needsRaised,
                         note: t("dashboard.note.visits_with_needs", f.count(c.visitExtras.visitsWithNeeds)), .records(.visitsWithNeeds)))
        out.append(FigureLine(id: "money", label: t("dashboard.fig.money"), current: f.money(c.visits.money), lastYear: f.money(y.visits.money),
                              value: Double(c.visits.money.fen), action: .records(.visitsWithMoney)))

        out.append(.heading("kind", t("dashboard.group.by_kind")))
        for k in VisitKind.allCases {
            out.append(count("kind.\(k.rawValue)", t(k.catalogKey), c.visits.byKind[k] ?? 0, y.visits.byKind[k] ?? 0,
                             .records(.visits(kind: k, occasion: nil, staff: nil))))
        }
        out.append(.heading("occasion", t("dashboard.group.by_occasion")))
        for o in VisitOccasion.allCases {
            out.append(count("occasion.\(o.rawValue)", t(o.catalogKey), c.visits.byOccasion[o] ?? 0, y.visits.byOccasion[o] ?? 0,
                             .records(.visits(kind: nil, occasion: o, staff: nil))))
        }
        out.append(.heading("staff", t("dashboard.group.by_staff")))
        for s in Set(c.visits.byStaff.keys).union(y.visits.byStaff.keys).sorted() {
            out.append(count("staff.\(s.raw)", app.state.staff[s]?.name ?? s.raw, c.visits.byStaff[s] ?? 0, y.visits.byStaff[s] ?? 0,
                             .records(.visits(kind: nil, occasion: nil, staff: s))))
        }

        out.append(.heading("coverage", t("dashboard.group.coverage")))
        for (i, m) in c.coverage.months.enumerated() {
            let last = y.coverage.months.indices.contains(i) ? y.coverage.months[i] : nil
            out.append(percent("coverage.\(m.month)", t("dashboard.fig.coverage_month", f.month(m.month)), m.percent, last?.percent,
                               note: t("dashboard.note.contacted", f.count(m.contacted), f.count(m.living)), .records(.notContacted(month: m.month))))
        }
        out.append(percent("coverage.all", t("dashboard.fig.coverage_every_month"), c.coverage.percentEveryMonth, y.coverage.percentEveryMonth,
                           note: t("dashboard.note.contacted", f.count(c.coverage.contactedEveryMonth), f.count(c.coverage.livingThroughout)),
                           .records(.notContactedEveryMonth)))

        out.append(.heading("occasions", t("dashboard.group.occasions")))
        let oc = c.occasionOutcomes, oy = y.occasionOutcomes
        out.append(percent("occasions.on_time", t("dashboard.fig.occasions_on_time"), c.occasionsOnTimePercent, y.occasionsOnTimePercent,
                           note: t("dashboard.note.occasions", f.count(c.occasions.count)), .records(.occasions(nil, rule: nil))).outOfChart())
        for o in OccasionOutcome.allCases {
            var line = count("occasions.\(o.rawValue)", t("dashboard.outcome.\(o.rawValue)"), oc[o] ?? 0, oy[o] ?? 0, .records(.occasions(o, rule: nil)))
            if o == .missed, (oc[o] ?? 0) > 0 { line.emphasis = .alert }
            out.append(line)
        }

        out.append(.heading("overdue", t("dashboard.group.overdue_now", f.shortDate(d.team.date))))
        for g in d.team.groups where g.overdueCount + g.dueCount > 0 {
            guard let s = g.staff else { continue }
            var line = FigureLine(id: "overdue.\(s.raw)", label: app.state.staff[s]?.name ?? s.raw, current: f.count(g.overdueCount),
                                  note: t("dashboard.note.due_today", f.count(g.dueCount)), value: Double(g.overdueCount), action: .myDay(s))
            if g.overdueCount > 0 { line.emphasis = .alert }
            out.append(line)
        }
        if !d.team.unassigned.items.isEmpty {
            out.append(FigureLine(id: "overdue.none", label: t("dashboard.fig.unassigned"), current: f.count(d.team.unassigned.overdueCount),
                                  note: t("dashboard.note.due_today", f.count(d.team.unassigned.dueCount)),
                                  value: Double(d.team.unassigned.overdueCount), action: .records(.unassignedWork), emphasis: .warning))
        }
        return out
    }

    // MARK: Hotline

    var hotline: [FigureLine] {
        let h = c.hotline, g = y.hotline
        var out: [FigureLine] = [.heading("hotline", t("dashboard.group.hotline"), chart: false)]
        out.append(count("opened", t("dashboard.fig.opened"), h.all.opened, g.all.opened, .records(.tickets(.opened))))
        out.append(count("closed", t("dashboard.fig.closed"), h.all.closed, g.all.closed, .records(.tickets(.closed))))
        out.append(percent("in_time", t("dashboard.fig.closed_in_time"), h.all.closedInTimePercent, g.all.closedInTimePercent,
                           note: t("dashboard.note.late", f.count(h.all.closed - h.all.closedInTime)), .records(.tickets(.closedLate))))
        out.append(FigureLine(id: "median", label: t("dashboard.fig.median_close"), current: f.hours(h.all.medianWorkingMinutesToClose),
                              lastYear: f.hours(g.all.medianWorkingMinutesToClose), value: Double(h.all.medianWorkingMinutesToClose ?? 0),
                              action: .records(.tickets(.closed))))
        var overdue = FigureLine(id: "overdue_now", label: t("dashboard.fig.open_overdue_now"), current: f.count(h.openOverdueNow),
                                 value: Double(h.openOverdueNow), action: .records(.tickets(.openOverdueNow)))
        if h.openOverdueNow > 0 { overdue.emphasis = .alert }
        out.append(overdue)
        out.append(percent("callback", t("dashboard.fig.callback_done"), h.callbackDonePercent, g.callbackDonePercent,
                           note: t("dashboard.note.without_callback", f.count(h.all.closed - h.callbackDone)), .records(.tickets(.closedWithoutCallback))))
        out.append(.heading("satisfaction", t("dashboard.group.satisfaction")))
        out.append(percent("satisfaction", t("dashboard.fig.satisfaction"), h.satisfiedOrFairlyPercent, g.satisfiedOrFairlyPercent,
                           note: t("dashboard.note.rated", f.count(h.ratedCount)), .records(.rated)).outOfChart())
        out.append(percent("satisfied", t("dashboard.fig.satisfied"), h.satisfiedPercent, g.satisfiedPercent,
                           note: t("dashboard.note.rated", f.count(h.ratedCount)), .records(.rated)).outOfChart())
        for r in CallbackRating.allCases {
            var line = count("rating.\(r.rawValue)", t("hotline.rating.\(r.rawValue)"), h.ratings[r] ?? 0, g.ratings[r] ?? 0,
                             r == .dissatisfied ? .records(.tickets(.dissatisfied)) : .records(.rated))
            if r == .dissatisfied, (h.ratings[r] ?? 0) > 0 { line.emphasis = .warning }
            out.append(line)
        }
        out.append(.heading("category", t("dashboard.group.by_category")))
        let codes = app.state.settings.hotline.categories.map(\.code)
        for code in codes + h.byCategory.keys.filter({ !codes.contains($0) }).sorted() {
            let k = h.byCategory[code], l = g.byCategory[code]
            guard k != nil || l != nil else { continue }
            let name = app.state.settings.hotline.category(code)?.name ?? t("hotline.category.\(code)")
            let note = k.map { t("dashboard.note.category", f.count($0.closed), f.percent($0.closedInTimePercent), f.hours($0.medianWorkingMinutesToClose)) } ?? ""
            out.append(count("category.\(code)", name, k?.opened ?? 0, l?.opened ?? 0, note: note, .records(.ticketsOfCategory(code))))
        }
        return out
    }

    // MARK: Centre

    var centre: [FigureLine] {
        let k = c.centre, l = y.centre
        var out: [FigureLine] = [.heading("rooms", t("dashboard.group.rooms"))]
        out.append(percent("utilisation", t("dashboard.fig.utilisation"), k.utilisation.map { $0 * 100 }, l.utilisation.map { $0 * 100 },
                           .records(.bookings)).outOfChart())
        for r in k.rooms {
            let last = l.rooms.first { $0.room == r.room }
            out.append(percent("room.\(r.room.raw)", r.name, r.utilisation.map { $0 * 100 }, last?.utilisation.map { $0 * 100 },
                               note: t("dashboard.note.room_hours", f.hours(r.bookedMinutes), f.hours(r.openMinutes)), .records(.roomBookings(r.room))))
        }
        out.append(.heading("desk", t("dashboard.group.desk"), chart: false))
        out.append(count("check_ins", t("dashboard.fig.check_ins"), k.checkIns, l.checkIns,
                         note: t("dashboard.note.people", f.count(k.peopleCheckedIn)), .records(.checkIns)))
        out.append(count("bookings", t("dashboard.fig.bookings"), k.bookings, l.bookings,
                         note: t("dashboard.note.cancelled", f.count(k.cancelled)), .records(.bookings)))
        var noShows = count("no_shows", t("dashboard.fig.no_shows"), k.noShows.count, l.noShows.count, .records(.noShows))
        if !k.noShows.isEmpty { noShows.emphasis = .warning }
        out.append(noShows)
        out.append(.heading("classes", t("dashboard.group.classes")))
        for cl in k.classes {
            var line = FigureLine(id: "class.\(cl.course.raw)", label: cl.name, current: t("dashboard.value.enrolment", f.count(cl.enrolled), f.count(cl.capacity)),
                                  note: t("dashboard.note.class", f.count(cl.waiting), f.percent(cl.attendanceRate.map { $0 * 100 }), f.count(cl.sessionsHeld)),
                                  value: cl.fill * 100, action: .records(.course(cl.course)))
            if cl.waiting > 0 { line.emphasis = .warning }
            out.append(line)
        }
        return out
    }
}
