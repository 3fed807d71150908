import Dispatch

/// Everything the dashboard (看板) shows for one period, from the areas' own
/// figures: visits (`visitTotals`, `contactCoverage`, `mustVisitOccasions`),
/// hotline (`hotlineStats`), centre (`CentreQuery.figures`), roster
/// (`RosterLists.counts` via `rosterSnapshot`). What no area provides is
/// added here: needs raised on visits, face-to-face visits per cadre, and the
/// weekly trend lines.
public struct DashboardFigures: Sendable {
    public var period: Period
    /// The moment "now" figures and open occasions are judged at.
    public var now: LocalDateTime
    /// The roster the day before the period starts, and at its end (or today, if earlier).
    public var rosterStart: RosterSnapshot
    public var rosterEnd: RosterSnapshot
    public var visits: VisitTotals
    public var visitExtras: VisitExtras
    public var coverage: ContactCoverage
    /// Must-visit occasions whose deadline falls in the period, judged as known today.
    public var occasions: [OccasionResult]
    public var hotline: HotlineStats
    /// Tickets opened per week of the period.
    public var ticketsByWeek: [Int]
    public var centre: CentreFigures
    /// Desk check-ins per week of the period.
    public var checkInsByWeek: [Int]

    public var occasionOutcomes: [OccasionOutcome: Int] {
        occasions.reduce(into: [:]) { $0[$1.outcome, default: 0] += 1 }
    }

    /// Occasions by rule and outcome.
    public var occasionsByRule: [DueRule: [OccasionOutcome: Int]] {
        occasions.reduce(into: [:]) { $0[$1.rule, default: [:]][$1.outcome, default: 0] += 1 }
    }

    /// Share of judged occasions (not open) met on time, 0…100.
    public var occasionsOnTimePercent: Double? {
        let o = occasionOutcomes
        let judged = (o[.onTime] ?? 0) + (o[.late] ?? 0) + (o[.missed] ?? 0)
        return judged == 0 ? nil : Double(o[.onTime] ?? 0) * 100 / Double(judged)
    }

    /// 收集意见建议: needs raised on visits and tickets opened as 意见建议.
    public var suggestionsCollected: Int { visitExtras.needsRaised + (hotline.byCategory["suggestion"]?.opened ?? 0) }
}

/// Visit figures no visit query gives.
public struct VisitExtras: Sendable, Hashable {
    /// Needs raised (反映需求) on the period's visits.
    public var needsRaised = 0
    /// Visits that raised at least one need.
    public var visitsWithNeeds = 0
    /// Face-to-face visits counted once per cadre (走访人次; a phone call is not one).
    public var inPersonCadreVisits = 0
    /// Visits per week of the period.
    public var byWeek: [Int] = []
}

/// The dashboard: the period, the same period a year earlier, and today's work.
public struct Dashboard: Sendable {
    public var period: DashboardPeriod
    public var current: DashboardFigures
    public var lastYear: DashboardFigures
    /// Everyone's due and overdue items today, by who does them (AB岗 applied).
    public var team: TeamDay
    public var workload: [StaffWorkload]
    /// The state these figures were computed from (`DeskState.seq`), and
    /// today's contact-person counts: what a switch of period may reuse.
    public var seq: UInt64
    var contacts: [RosterLists.Count]
}

extension DeskState {
    /// The dashboard for `period`, with the same period a year earlier; "now"
    /// figures (overdue, open tickets) at `now`. The parts are independent and
    /// run side by side on the available cores. `earlier`, a dashboard of
    /// another period shown just before: what does not depend on the period
    /// (today's team work, contact counts, roster snapshots of the same dates)
    /// is taken from it when it was computed from this same state on the same day.
    public func dashboard(_ period: DashboardPeriod, now: LocalDateTime, reusing earlier: Dashboard? = nil) -> Dashboard {
        let state = self
        let spans = [period.period, period.yearEarlier.period]
        let reusable = earlier.flatMap { $0.seq == seq && $0.current.now.date == now.date ? $0 : nil }
        var snapshots: [LocalDate: RosterSnapshot] = [:]
        for f in [reusable?.current, reusable?.lastYear].compactMap({ $0 }) {
            snapshots[f.rosterStart.date] = f.rosterStart
            snapshots[f.rosterEnd.date] = f.rosterEnd
        }
        let known = snapshots
        func snapshot(on date: LocalDate) -> @Sendable () -> RosterSnapshot {
            if let s = known[date] { return { s } }
            return { state.rosterSnapshot(on: date) }
        }
        // Heaviest first, so the cores finish together.
        var jobs: [@Sendable () -> Part] = []
        if let reusable {
            let (team, contacts) = (reusable.team, reusable.contacts)
            jobs += [{ .team(team) }, { .contacts(contacts) }]
        } else {
            jobs += [{ .team(state.teamDay(on: now.date)) }, { .contacts(RosterLists.counts(in: state, on: now.date)) }]
        }
        for (w, p) in spans.enumerated() {
            jobs += [
                { .occasions(w, state.mustVisitOccasions(in: p, asOf: now.date)) },
                { .hotline(w, state.hotlineStats(p, now: now)) },
                { .coverage(w, state.contactCoverage(in: p)) },
                { .centre(w, CentreQuery(state).figures(for: p, now: now)) },
            ]
        }
        for (w, p) in spans.enumerated() {
            jobs += [
                { .visits(w, state.visitTotals(in: p)) },
                { .extras(w, state.visitExtras(in: p)) },
                { [start = snapshot(on: p.start.adding(days: -1))] in .rosterStart(w, start()) },
                { [end = snapshot(on: min(p.end, now.date))] in .rosterEnd(w, end()) },
                { .checkIns(w, state.checkInsByWeek(p)) },
            ]
        }
        var built = [Builder(), Builder()]
        var team: TeamDay?
        var contacts: [RosterLists.Count] = []
        for part in DashboardJobs.run(jobs) {
            switch part {
            case .team(let v): team = v
            case .contacts(let v): contacts = v
            case .occasions(let w, let v): built[w].occasions = v
            case .hotline(let w, let v): built[w].hotline = v
            case .coverage(let w, let v): built[w].coverage = v
            case .centre(let w, let v): built[w].centre = v
            case .visits(let w, let v): built[w].visits = v
            case .extras(let w, let v): built[w].extras = v
            case .rosterStart(let w, let v): built[w].rosterStart = v
            case .rosterEnd(let w, let v): built[w].rosterEnd = v
            case .checkIns(let w, let v): built[w].checkIns = v
            }
        }
        let figures = spans.indices.map { w in
            let b = built[w]
            return DashboardFigures(period: spans[w], now: now, rosterStart: b.rosterStart!, rosterEnd: b.rosterEnd!,
                                    visits: b.visits!, visitExtras: b.extras!, coverage: b.coverage!, occasions: b.occasions!,
                                    hotline: b.hotline!, ticketsByWeek: ticketsByWeek(b.hotline!, spans[w]),
                                    centre: b.centre!, checkInsByWeek: b.checkIns!)
        }
        return Dashboard(period: period, current: figures[0], lastYear: figures[1], team: team!,
                         workload: staffWorkload(team: team!, visits: figures[0].visits, contacts: contacts),
                         seq: seq, contacts: contacts)
    }

    /// One job's result; `Int` says which span (0: the period, 1: a year earlier).
    private enum Part: Sendable {
        case team(TeamDay), contacts([RosterLists.Count])
        case occasions(Int, [OccasionResult]), hotline(Int, HotlineStats), coverage(Int, ContactCoverage)
        case centre(Int, CentreFigures), visits(Int, VisitTotals), extras(Int, VisitExtras)
        case rosterStart(Int, RosterSnapshot), rosterEnd(Int, RosterSnapshot), checkIns(Int, [Int])
    }

    private struct Builder {
        var occasions: [OccasionResult]?, hotline: HotlineStats?, coverage: ContactCoverage?, centre: CentreFigures?
        var visits: VisitTotals?, extras: VisitExtras?, rosterStart: RosterSnapshot?, rosterEnd: RosterSnapshot?, checkIns: [Int]?
    }

    /// One pass over the period's visits for the figures the visit queries do not give.
    public func visitExtras(in period: Period) -> VisitExtras {
        let book = visits
        let weeks = period.weeks
        var x = VisitExtras(byWeek: [Int](repeating: 0, count: weeks.count))
        var week = 0
        var d = Int32(period.start.dayNumber)
        while d <= Int32(period.end.dayNumber) {
            while LocalDate(dayNumber: Int(d)) > weeks[week].end { week += 1 }
            for r in book.byDay[d] ?? [] {
                let row = book.rows[Int(r)]
                if row.isVoided { continue }
                x.byWeek[week] += 1
                x.needsRaised += Int(row.needs)
                if row.needs > 0 { x.visitsWithNeeds += 1 }
                if VisitKind(code: row.kind).isInPerson {
                    x.inPersonCadreVisits += row.flags & VisitRow.group != 0 ? book.cadres(ofRow: r).count : 1
                }
            }
            d += 1
        }
        return x
    }

    /// The hotline's opened tickets (as `hotlineStats` found them) per week.
    func ticketsByWeek(_ stats: HotlineStats, _ period: Period) -> [Int] {
        let weeks = period.weeks
        var out = [Int](repeating: 0, count: weeks.count)
        for id in stats.tickets[.opened] ?? [] {
            guard let t = tickets[id] else { continue }
            let d = t.openedAt.date
            if let w = weeks.firstIndex(where: { $0.contains(d) }) { out[w] += 1 }
        }
        return out
    }

    /// Desk check-ins per week of the period.
    func checkInsByWeek(_ period: Period) -> [Int] {
        period.weeks.map { w in w.days.reduce(0) { $0 + (centre.checkInDays[$1.dayNumber]?.count ?? 0) } }
    }
}

/// Runs independent pieces of work on all cores and returns their results in order.
enum DashboardJobs {
    static func run<T: Sendable>(_ jobs: [@Sendable () -> T]) -> [T] {
        let results = ResultSlots<T>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in results.set(i, jobs[i]()) }
        return results.values
    }

    /// Each job writes only its own slot, and `concurrentPerform` returns after
    /// every job: no lock is needed.
    final class ResultSlots<T>: @unchecked Sendable {
        private let slots: UnsafeMutablePointer<T?>
        private let count: Int
        init(count: Int) {
            self.count = count
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil, count: count)
        }
        deinit {
            slots.deinitialize(count: count)
            slots.deallocate()
        }
        func set(_ i: Int, _ v: T) { slots[i] = v }
        var values: [T] { (0..<count).map { slots[$0]! } }
    }
}
