import Foundation
import Testing
@testable import DeskCore

/// A generated log (two years of everything, through the real commands) and
/// the same log folded the obvious way from its raw records.
final class DashboardWorld: @unchecked Sendable {
    static let shared = DashboardWorld()
    static let today = LocalDate(2026, 11, 23)
    static let now = LocalDateTime(today, LocalTime(15, 30))

    let dir: TempDir
    let state: DeskState
    let raw: RawWorld

    init() {
        let t = try! TestDesk(at: DashboardWorld.now)
        try! SampleGenerator(seed: 77, cadres: 80, years: 2, today: DashboardWorld.today).write(to: t.desk, as: t.admin, parts: SampleGenerator.allParts)
        dir = t.dir
        state = t.desk.state
        raw = try! RawWorld(path: t.path)
    }

    /// The periods every figure is checked for: a month, and a span across New Year
    /// (each with its year-earlier twin, which the dashboard computes too).
    static let periods: [DashboardPeriod] = [
        DashboardPeriod(kind: .month, period: .month(2026, 10)),
        DashboardPeriod(kind: .custom, period: Period(start: LocalDate(2025, 12, 15), end: LocalDate(2026, 1, 20))),
        .current(.quarter, today: today),
    ]

    static func current(_ kind: DashboardPeriod.Kind) -> DashboardPeriod { .current(kind, today: today) }
}

@Suite struct DashboardFigureTests {
    let w = DashboardWorld.shared
    var now: LocalDateTime { DashboardWorld.now }

    /// Both spans of each period: the period and a year earlier. The periods
    /// are switched as on screen, each dashboard reusing the one before.
    func each(_ body: (DashboardFigures, Period) -> Void) {
        var shown: Dashboard?
        for p in DashboardWorld.periods {
            let d = w.state.dashboard(p, now: now, reusing: shown)
            body(d.current, p.period)
            body(d.lastYear, p.yearEarlier.period)
            shown = d
        }
    }

    @Test func aSwitchOfPeriodReusesOnlyWhatTheSameStateOnTheSameDayGave() {
        let (quarter, month) = (DashboardWorld.periods[2], DashboardWorld.current(.month))
        let fresh = w.state.dashboard(month, now: now)
        var shown = w.state.dashboard(quarter, now: now)
        let reused = w.state.dashboard(month, now: now, reusing: shown)
        #expect(reused.team == fresh.team && reused.workload == fresh.workload)
        #expect(reused.current.rosterStart == fresh.current.rosterStart && reused.current.rosterEnd == fresh.current.rosterEnd)
        #expect(reused.lastYear.rosterEnd == fresh.lastYear.rosterEnd)
        // What is reused really comes from the dashboard shown before…
        shown.team.groups = []
        #expect(w.state.dashboard(month, now: now, reusing: shown).team.groups.isEmpty)
        // …but never from another state of the log, or another day.
        var older = shown
        older.seq -= 1
        #expect(w.state.dashboard(month, now: now, reusing: older).team == fresh.team)
        let tomorrow = LocalDateTime(now.date.adding(days: 1), now.time)
        #expect(w.state.dashboard(month, now: tomorrow, reusing: shown).team == w.state.teamDay(on: tomorrow.date))
    }

    @Test func theGeneratedLogHasEveryKindOfRecordTheFiguresNeedAndNothingTheTestCannotRead() {
        #expect(w.raw.unknownTypes.isEmpty, "\(w.raw.unknownTypes)")
        #expect(w.raw.eventCount > 5000)
        #expect(w.raw.tickets.count > 20 && w.raw.checkIns.count > 100 && w.raw.classes.count > 1)
        #expect(w.raw.cadreSteps.values.joined().count > 3, "status changes to take lists back in time")
    }

    @Test func rosterFiguresMatchTheFilesFoldedToTheStartAndEndOfEachPeriod() {
        each { f, p in
            for (snap, day) in [(f.rosterStart, p.start.adding(days: -1)), (f.rosterEnd, min(p.end, now.date))] {
                let r = w.raw.roster(on: day)
                #expect(snap.date == day)
                for l in NamedList.allCases { #expect((snap.lists[l] ?? 0) == (r.lists[l] ?? 0), "\(l) on \(day)") }
                #expect(snap.byCategory == r.byCategory, "\(day)")
                #expect(snap.byRank == r.byRank, "\(day)")
                #expect(snap.living == r.living && snap.ageSum == r.ageSum && snap.ageSumByCategory == r.ageSumByCategory, "\(day)")
            }
        }
        // The history moves some list over two years (deaths at least).
        let a = w.raw.roster(on: LocalDate(2024, 12, 1)), b = w.raw.roster(on: DashboardWorld.today)
        #expect(a.lists[.deceased] != b.lists[.deceased])
    }

    @Test func visitFiguresMatchTheVisitRecords() {
        each { f, p in
            let r = w.raw.visitFigures(p)
            #expect(f.visits.visits == r.visits, "\(p)")
            #expect(f.visits.cadreVisits == r.cadreVisits)
            #expect(f.visits.money.fen == r.moneyFen)
            #expect(f.visits.byKind == r.byKind.filter { $0.value > 0 })
            #expect(f.visits.byOccasion == r.byOccasion.filter { $0.value > 0 })
            #expect(f.visits.byStaff == r.byStaff)
            #expect(f.visitExtras.needsRaised == r.needs)
            #expect(f.visitExtras.visitsWithNeeds == r.visitsWithNeeds)
            #expect(f.visitExtras.inPersonCadreVisits == r.inPerson)
            #expect(f.visitExtras.byWeek == r.byWeek)
            #expect(r.visits > 0, "visits in \(p)")
        }
    }

    @Test func coverageMatchesTheContactsMadeEachMonth() {
        each { f, p in
            let r = w.raw.coverage(p)
            #expect(f.coverage.months.map { [$0.living, $0.contacted] } == r.months, "\(p)")
            #expect(f.coverage.livingThroughout == r.throughout)
            #expect(f.coverage.contactedEveryMonth == r.every)
        }
    }

    @Test func mustVisitOccasionsAreJudgedAsTheRuleSays() {
        var outcomes = Set<OccasionOutcome>()
        each { f, p in
            let mine = f.occasions.map { "\($0.cadre) \($0.rule.rawValue) \($0.by) \($0.outcome.rawValue) \($0.metOn.map(\.description) ?? "-")" }.sorted()
            #expect(mine == w.raw.occasions(p, asOf: now.date), "\(p)")
            // Lists show them by deadline, then file number, then rule.
            let keys = f.occasions.map { ($0.by.dayNumber, $0.cadre.raw, $0.rule.rawValue) }
            #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 }, "\(p): in order of day, cadre, rule")
            outcomes.formUnion(f.occasions.map(\.outcome))
        }
        #expect(outcomes.isSuperset(of: [.onTime, .late, .missed]), "the periods hold every outcome: \(outcomes)")
    }

    @Test func overduePerStaffIsWhatTheRulesGiveEachCadreAssignedToWhoeverDoesTheWorkToday() {
        let d = w.state.dashboard(DashboardWorld.periods[0], now: now)
        let r = w.raw.team(on: now.date)
        var mine: [ID<Staff>?: [Int]] = [:]
        for g in d.team.groups { mine[g.staff] = [g.dueCount, g.overdueCount] }
        if !d.team.unassigned.items.isEmpty { mine[nil] = [d.team.unassigned.dueCount, d.team.unassigned.overdueCount] }
        #expect(mine == r)
        #expect(r.values.map { $0[1] }.reduce(0, +) > 0, "someone has overdue work")
        // The workload view counts the same.
        for row in d.workload {
            #expect([row.due, row.overdue] == (r[row.staff] ?? [0, 0]), "\(row.staff)")
            #expect(row.cadres == w.raw.cadresNow.count { $0.contact == row.staff && $0.deceasedOn == nil })
            #expect(row.openTickets == w.raw.tickets.values.count { $0.isOpen && $0.assignee == row.staff })
        }
    }

    @Test func hotlineFiguresMatchTheTicketEvents() {
        var rated = 0
        each { f, p in
            let r = w.raw.hotline(p, now: now)
            let h = f.hotline
            #expect(h.all.opened == r.opened, "\(p)")
            #expect(h.all.closed == r.closed)
            #expect(h.all.closedInTime == r.inTime)
            #expect(h.all.medianWorkingMinutesToClose == r.median)
            #expect(h.byCategory.mapValues { [$0.opened, $0.closed, $0.closedInTime] } == r.byCategory)
            #expect(h.byCategory.compactMapValues(\.medianWorkingMinutesToClose) == r.medianByCategory)
            #expect(h.openOverdueNow == r.overdueNow)
            #expect(h.callbackDone == r.callbackDone)
            #expect(h.ratings == r.ratings)
            #expect(f.ticketsByWeek == r.openedByWeek)
            rated += h.ratedCount
        }
        #expect(rated > 0)
    }

    @Test func centreFiguresMatchTheBookingsCheckInsAndClasses() {
        each { f, p in
            let r = w.raw.centre(p, now: now)
            let c = f.centre
            #expect(c.rooms.map { "\($0.room) \($0.openMinutes) \($0.bookedMinutes)" } == r.rooms, "\(p)")
            #expect(c.rooms.reduce(0) { $0 + $1.openMinutes } == r.openTotal)
            #expect(c.rooms.reduce(0) { $0 + $1.bookedMinutes } == r.bookedTotal)
            #expect(c.checkIns == r.checkIns && c.peopleCheckedIn == r.people)
            #expect(c.bookings == r.bookings && c.cancelled == r.cancelled)
            #expect(c.noShows.count == r.noShows)
            #expect(c.classes.map { "\($0.course) \($0.capacity) \($0.enrolled) \($0.waiting) \($0.sessionsHeld) \($0.present) \($0.expected)" } == r.classes)
            #expect(f.checkInsByWeek == r.checkInsByWeek)
            #expect(r.bookedTotal > 0 && r.checkIns > 0, "centre activity in \(p)")
        }
    }

    @Test func theYearEarlierIsTheSameSpanOneYearBack() {
        let d = w.state.dashboard(DashboardWorld.periods[1], now: now)
        #expect(d.lastYear.period == Period(start: LocalDate(2024, 12, 15), end: LocalDate(2025, 1, 20)))
        #expect(d.current.period.start.year != d.current.period.end.year)
    }
}
