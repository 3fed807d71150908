import Foundation

/// Benchmarks for the dashboard (issue: a year's dashboard ≤ 200 ms after the
/// log is open, switching period ≤ 100 ms, and no slower than SQLite doing
/// the same aggregates with GROUP BY over tables of the same events). Each
/// function returns milliseconds; `cadredesk bench dashboard` prints them.
public enum DashboardBenchmarks {
    /// Opens a log read-only and folds it (the app's start-up), returning the desk and the time it took.
    public static func open(_ path: String, now: LocalDateTime) throws(DeskError) -> (Desk, Double) {
        var o = Desk.Options()
        o.readOnly = true
        var desk: Desk?
        var failure: DeskError?
        let ms = time {
            do throws(DeskError) { desk = try Desk(path: path, clock: .fixed(now), options: o) } catch { failure = error }
        }
        if let failure { throw failure }
        return (desk!, ms)
    }

    /// The year's dashboard (with the year before), once: the first after open pays for anything lazy.
    public static func firstYear(_ state: DeskState, now: LocalDateTime) -> Double {
        time { _ = state.dashboard(.current(.year, today: now.date), now: now) }
    }

    /// The year's dashboard again and again (`samples` times).
    public static func year(_ state: DeskState, now: LocalDateTime, samples: Int) -> [Double] {
        (0..<samples).map { _ in time { _ = state.dashboard(.current(.year, today: now.date), now: now) } }
    }

    /// What a supervisor does with the period keys: week, month, quarter, year,
    /// the month before, a custom span across New Year — each switch timed,
    /// reusing the dashboard shown before as the screen does (`reuse` false:
    /// everything recomputed, the baseline).
    public static func switching(_ state: DeskState, now: LocalDateTime, rounds: Int, reuse: Bool = true) -> [Double] {
        let today = now.date
        let choices: [DashboardPeriod] = [
            .current(.week, today: today), .current(.month, today: today), .current(.quarter, today: today),
            .current(.year, today: today), DashboardPeriod.current(.month, today: today).moved(by: -1, today: today),
            DashboardPeriod(kind: .custom, period: Period(start: LocalDate(today.year - 1, 12, 1), end: LocalDate(today.year, 1, 31))),
        ]
        var out: [Double] = []
        var shown = state.dashboard(choices[choices.count - 1], now: now)
        for _ in 0..<rounds {
            for p in choices { out.append(time { shown = state.dashboard(p, now: now, reusing: reuse ? shown : nil) }) }
        }
        return out
    }

    /// Each part of the year's dashboard on its own, one thread, median of
    /// `samples` (ms): where the time goes. The dashboard runs them side by side.
    public static func parts(_ state: DeskState, now: LocalDateTime, samples: Int) -> [(String, Double)] {
        let year = DashboardPeriod.current(.year, today: now.date)
        let p = year.period, before = year.yearEarlier.period
        let jobs: [(String, () -> Void)] = [
            ("today's team work", { _ = state.teamDay(on: now.date) }),
            ("contact-person counts", { _ = RosterLists.counts(in: state, on: now.date) }),
            ("must-visit occasions", { _ = state.mustVisitOccasions(in: p, asOf: now.date) }),
            ("hotline", { _ = state.hotlineStats(p, now: now) }),
            ("coverage", { _ = state.contactCoverage(in: p) }),
            ("centre", { _ = CentreQuery(state).figures(for: p, now: now) }),
            ("visit totals", { _ = state.visitTotals(in: p) }),
            ("visit extras", { _ = state.visitExtras(in: p) }),
            ("roster at the start", { _ = state.rosterSnapshot(on: p.start.adding(days: -1)) }),
            ("roster a year earlier", { _ = state.rosterSnapshot(on: before.end) }),
            ("check-ins by week", { _ = state.checkInsByWeek(p) }),
        ]
        return jobs.map { name, job in
            let t = (0..<samples).map { _ in time(job) }.sorted()
            return (name, t[t.count / 2])
        }
    }

    static func time(_ body: () -> Void) -> Double {
        let d = ContinuousClock().measure(body)
        return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }
}

/// The events of a log as flat rows, for a relational baseline (SQLite) to
/// compute the dashboard's aggregates with GROUP BY. Built once, before any
/// timing; what SQL cannot reasonably compute (working-time deadlines, lunar
/// festival dates, opening hours less closures, the no-show clock) is
/// computed here, in the baseline's favour.
public struct DashboardBaseline: Sendable {
    public struct CadreRow: Sendable {
        public var id: String, category: String, rank: String, birth: String
        public var deceased: Int?, hospitalised: Int?, elsewhere: Int?, widowed: Int?
        public var health: String, living: String, marital: String, hardship: Bool, careLevel: Int?, contact: String?, partyBranch: String
    }
    public struct VisitRow: Sendable {
        public var id: String, day: Int, stamp: Int, kind: String, occasion: String, inPerson: Bool, contact: Bool
        public var moneyFen: Int64, needs: Int, cadres: [String], staff: [String], followUp: Int?
    }
    public struct TicketRow: Sendable {
        public var id: String, opened: Int, category: String, closed: Int?, inTime: Bool, worked: Int?, callbackDone: Bool, overdueNow: Bool
        public var assignee: String?, open: Bool
    }
    public struct CallbackRow: Sendable { public var ticket: String, day: Int, rating: String }
    public struct RoomDayRow: Sendable { public var room: String, day: Int, openMinutes: Int }
    public struct BookingRow: Sendable {
        public var id: String, room: String, day: Int, start: Int, end: Int, releasable: Bool, active: Bool, occupying: Bool
        public var noShow: Bool, course: String?, startStamp: Int
    }
    public struct CheckInRow: Sendable { public var day: Int, cadre: String? }
    public struct MemberRow: Sendable { public var course: String, cadre: String, since: Int, until: Int? }
    public struct PresenceRow: Sendable { public var booking: String, cadre: String }
    public struct CourseRow: Sendable { public var id: String, capacity: Int, termStart: Int, termEnd: Int, waiting: Int }
    public struct FestivalRow: Sendable { public var rule: String, day: Int, audience: String }

    public var cadres: [CadreRow] = []
    public var visits: [VisitRow] = []
    public var tickets: [TicketRow] = []
    public var callbacks: [CallbackRow] = []
    public var roomDays: [RoomDayRow] = []
    public var bookings: [BookingRow] = []
    public var checkIns: [CheckInRow] = []
    public var members: [MemberRow] = []
    public var presence: [PresenceRow] = []
    public var courses: [CourseRow] = []
    public var festivals: [FestivalRow] = []

    public init(_ state: DeskState, now: LocalDateTime) {
        let s = state.settings
        for c in state.roster.all {
            cadres.append(CadreRow(id: c.id.raw, category: c.category.rawValue, rank: c.rank.rawValue, birth: c.birthDate.description,
                                   deceased: c.deceasedOn?.dayNumber, hospitalised: c.hospitalisedSince?.dayNumber,
                                   elsewhere: c.livingElsewhere?.since.dayNumber, widowed: c.widowedOn?.dayNumber,
                                   health: c.health.rawValue, living: c.living.rawValue, marital: c.marital.rawValue, hardship: c.hardship,
                                   careLevel: c.careLevel, contact: c.contact?.raw, partyBranch: c.partyBranch))
        }
        let contactKinds = Set(s.visits.contactKinds)
        let book = state.visits
        for r in 0..<book.rows.count {
            let v = book.summary(row: Int32(r))
            guard !v.voided else { continue }
            visits.append(VisitRow(id: v.id.raw, day: v.at.date.dayNumber, stamp: v.at.minutes, kind: v.kind.rawValue, occasion: v.occasion.rawValue,
                                   inPerson: v.kind.isInPerson, contact: contactKinds.contains(v.kind), moneyFen: v.moneyEach.fen,
                                   needs: v.needCount, cadres: v.cadres.map(\.raw), staff: v.staff.map(\.raw), followUp: v.followUp?.dayNumber))
        }
        for t in state.tickets.all where t.voided == nil {
            let closed = !t.status.isOpen ? t.resolvedAt : nil
            tickets.append(TicketRow(id: t.id.raw, opened: t.openedAt.date.dayNumber, category: t.category, closed: closed?.date.dayNumber,
                                     inTime: t.resolvedInTime(calendar: s.hotline.calendar) ?? false,
                                     worked: closed.map { s.hotline.calendar.workingMinutes(from: t.openedAt, to: $0) },
                                     callbackDone: t.status == .closed, overdueNow: t.nextDeadline(at: now, settings: s.hotline)?.level == .overdue,
                                     assignee: t.assignee?.raw, open: t.isOpen))
            for cb in t.callbacks { callbacks.append(CallbackRow(ticket: t.id.raw, day: cb.at.date.dayNumber, rating: cb.rating.rawValue)) }
        }
        let q = CentreQuery(state)
        let first = state.centre.bookings.map(\.date).min() ?? now.date
        for id in state.centre.roomOrder {
            guard let room = state.centre.rooms[id] else { continue }
            for d in first...now.date {
                let open = q.openSpans(room, d).reduce(0) { $0 + $1.minutes }
                if open > 0 { roomDays.append(RoomDayRow(room: id.raw, day: d.dayNumber, openMinutes: open)) }
            }
        }
        for b in state.centre.bookings {
            var course: String?
            if case .course(let k) = b.holder { course = k.raw }
            bookings.append(BookingRow(id: b.id.raw, room: b.room.raw, day: b.date.dayNumber, start: b.span.start.minuteOfDay, end: b.span.end.minuteOfDay,
                                       releasable: b.isReleasable, active: b.isActive, occupying: b.occupies(at: now, s.centre),
                                       noShow: b.noShowTime(s.centre).map { $0 <= now } ?? false, course: course, startStamp: b.start.minutes))
        }
        for (i, p) in state.centre.present { for c in p { presence.append(PresenceRow(booking: state.centre.bookings[i].id.raw, cadre: c.raw)) } }
        for r in state.centre.checkIns { checkIns.append(CheckInRow(day: r.at.date.dayNumber, cadre: r.cadre?.raw)) }
        for k in state.centre.courseOrder.compactMap({ state.centre.courses[$0] }) {
            courses.append(CourseRow(id: k.id.raw, capacity: k.capacity, termStart: k.term.start.dayNumber, termEnd: k.term.end.dayNumber, waiting: k.waitlist.count))
            for m in k.members {
                members.append(MemberRow(course: k.id.raw, cadre: m.cadre.raw, since: m.since.date.dayNumber, until: m.until?.date.dayNumber))
            }
        }
        let years = (cadres.isEmpty ? now.date.year : (visits.map(\.day).min().map { LocalDate(dayNumber: $0).year } ?? now.date.year) - 1)...(now.date.year + 1)
        for rule in s.visits.festivals {
            for y in years {
                for d in FestivalCalendar.dates(of: rule, in: y) { festivals.append(FestivalRow(rule: rule.id, day: d.dayNumber, audience: rule.audience.rawValue)) }
            }
        }
    }

    public var rowCount: Int {
        cadres.count + visits.count + tickets.count + callbacks.count + roomDays.count + bookings.count + checkIns.count
            + members.count + presence.count + courses.count + festivals.count
    }
}
