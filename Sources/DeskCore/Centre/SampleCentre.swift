import DeskLog
import Foundation

/// Realistic activity-centre data as batch items for the sample-data
/// generator: rooms with their real hours, holiday closures, the senior
/// university's classes term by term (about 40 students the first year, 100+
/// after), groups' weekly bookings, people's own bookings, lectures and a
/// sports meet, check-ins, no-shows, withdrawals with waitlist promotions and
/// the desk's calls. Every item is run against a copy of the state while it is
/// made, so the batch goes through (perform it as an admin); the same `rng`
/// gives the same items.
public enum SampleCentre {
    public static func items(for state: DeskState, from: LocalDate, to: LocalDate,
                             rng: inout some RandomNumberGenerator) -> [Desk.BatchItem] {
        guard from <= to else { return [] }
        let sim = Simulation(state: state, seed: rng.next())
        sim.plan(from: from, to: to)
        sim.run(from: from, to: to)
        return sim.items
    }
}

/// Runs the centre day by day: each day's actions sorted by time, each one
/// checked and applied to the scratch state before it becomes an item.
private final class Simulation {
    var state: DeskState
    var items: [Desk.BatchItem] = []
    var rng: SplitMix
    let actor = Staff(id: "S001", login: "", name: "", role: .admin)
    let clock = DeskClock.fixed(LocalDateTime(LocalDate(2026, 1, 1), LocalTime(8, 0)))
    /// Actions by the day they happen on.
    var agenda: [Int: [Action]] = [:]
    var order = 0
    /// Cadres who come to the centre (alive, on their feet), and the regulars among them.
    var people: [ID<Cadre>] = []
    var regulars: [ID<Cadre>] = []
    var rooms: [String: ID<Room>] = [:]
    var groups: [(name: String, contact: ID<Cadre>?, room: String, weekday: Int, span: TimeSpan, headcount: Int)] = []

    struct Action {
        var time: LocalTime
        var order: Int
        var run: (Simulation, LocalDateTime) -> Void
    }

    init(state: DeskState, seed: UInt64) {
        self.state = state
        rng = SplitMix(seed: seed)
    }

    // MARK: Running

    /// Runs a command at `now`; on success applies it to the scratch state and keeps it.
    @discardableResult
    func perform(_ command: some DeskCommand, at now: LocalDateTime) -> [any DeskEvent]? {
        let context = CommandContext(actor: actor, now: now, clock: clock)
        guard let events = try? command.events(in: state, context: context) else { return nil }
        for e in events {
            state.apply(e, EventMeta(seq: state.seq + 1, id: Self.noID, at: Timestamp(epochMillis: 0, offsetMinutes: 480), by: actor.id))
        }
        items.append(Desk.BatchItem(command, now: now))
        return events
    }

    static let noID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    func at(_ day: LocalDate, _ time: LocalTime, _ run: @escaping (Simulation, LocalDateTime) -> Void) {
        order += 1
        agenda[day.dayNumber, default: []].append(Action(time: time, order: order, run: run))
    }

    func run(from: LocalDate, to: LocalDate) {
        for day in from...to {
            dailyRoutine(day)
            let today = (agenda.removeValue(forKey: day.dayNumber) ?? []).sorted { ($0.time, $0.order) < ($1.time, $1.order) }
            for a in today { a.run(self, LocalDateTime(day, a.time)) }
        }
    }

    // MARK: Planning

    func plan(from: LocalDate, to: LocalDate) {
        let alive = state.roster.byID.values.filter { !$0.isDeceased && $0.health != .dependent && $0.age(on: from) < 90 }
        people = alive.map(\.id).sorted()
        regulars = people.filter { _ in rng.chance(0.3) }
        let start = LocalDateTime(from, LocalTime(7, 30))
        addRooms(at: start)
        addClosures(from: from, to: to, at: start)
        planTerms(from: from, to: to)
        planGroups(from: from, to: to)
        planOwnBookings(from: from, to: to)
        planEvents(from: from, to: to)
    }

    func addRooms(at now: LocalDateTime) {
        func hours(_ spans: [String], _ days: ClosedRange<Int>) -> OpeningHours {
            OpeningHours(spans.compactMap(TimeSpan.init), on: days)
        }
        let all: [(String, Int, RoomSharing, OpeningHours, [HolderKind])] = [
            ("乒乓球室", 8, .shared, hours(["08:30-11:30", "14:30-17:30"], 0...5), [.cadre, .group]),
            ("门球场", 24, .shared, hours(["07:30-11:00", "15:00-18:00"], 0...6), [.cadre, .group, .centre]),
            ("书画室", 30, .shared, hours(["08:30-11:30", "14:30-17:30"], 0...4), [.cadre, .group, .course]),
            ("棋牌室", 16, .shared, hours(["08:30-11:30", "14:00-17:30"], 0...6), [.cadre, .group]),
            ("阅览室", 30, .shared, hours(["08:30-11:30", "14:30-17:30"], 0...5), [.cadre, .group]),
            ("多功能厅", 120, .exclusive, hours(["08:30-11:30", "14:30-17:30"], 0...4), [.group, .course, .centre]),
            ("音乐教室", 30, .exclusive, hours(["08:30-11:30", "14:30-17:30"], 0...4), [.group, .course]),
            ("舞蹈排练室", 30, .exclusive, hours(["08:30-11:30", "14:30-17:30"], 0...5), [.group, .course]),
            ("足浴室", 2, .exclusive, hours(["09:00-11:30", "14:30-16:30"], 1...3), [.cadre]),
            ("心理聊天室", 2, .exclusive, hours(["09:00-11:30", "14:30-17:00"], 0...4), [.cadre]),
            ("健康小屋", 4, .shared, hours(["08:30-11:30", "14:30-17:00"], 0...4), [.cadre]),
        ]
        for (name, cap, sharing, h, kinds) in all {
            if let existing = state.centre.roomList().first(where: { $0.name == name }) {
                rooms[name] = existing.id
            } else if let e = perform(AddRoom(name: name, capacity: cap, sharing: sharing, hours: h, bookableFor: kinds), at: now),
                      let added = e.first as? RoomAdded {
                rooms[name] = added.room.id
            }
        }
    }

    /// Spring Festival (除夕 is the day before) for the years the demo covers.
    static let springFestival: [Int: (Int, Int)] = [
        2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29), 2026: (2, 17),
        2027: (2, 6), 2028: (1, 26), 2029: (2, 13), 2030: (2, 3), 2031: (1, 23), 2032: (2, 11),
    ]

    func addClosures(from: LocalDate, to: LocalDate, at now: LocalDateTime) {
        for y in from.year...to.year {
            var holidays: [(LocalDate, Int, String)] = [
                (LocalDate(y, 1, 1), 1, "元旦放假"), (LocalDate(y, 5, 1), 5, "劳动节放假"), (LocalDate(y, 10, 1), 7, "国庆节放假"),
            ]
            if let (m, d) = Self.springFestival[y] { holidays.append((LocalDate(y, m, d).adding(days: -1), 8, "春节放假")) }
            for (day, n, reason) in holidays.sorted(by: { $0.0 < $1.0 }) where day.adding(days: n) > from && day <= to {
                perform(CloseRoom(room: nil, from: LocalDateTime(day, LocalTime(0, 0)), to: LocalDateTime(day.adding(days: n), LocalTime(0, 0)),
                                  reason: reason, confirmed: true), at: now)
            }
            let repair = LocalDate(y, 8, 10)
            if let r = rooms["乒乓球室"], repair >= from, repair <= to {
                perform(CloseRoom(room: r, from: LocalDateTime(repair, LocalTime(0, 0)), to: LocalDateTime(repair.adding(days: 5), LocalTime(0, 0)),
                                  reason: "更换球台、地胶维修", confirmed: true), at: now)
            }
        }
    }

    // MARK: The senior university

    struct ClassPlan {
        var name: String
        var teacher: String
        var sessions: [(Int, String, String)]
        var capacity: (first: Int, later: Int)
        var demand: Double
        var fromYear: Int
    }

    static let classes: [ClassPlan] = [
        ClassPlan(name: "书法班", teacher: "王淑兰", sessions: [(0, "09:00-11:00", "书画室")], capacity: (12, 25), demand: 1.0, fromYear: 0),
        ClassPlan(name: "国画班", teacher: "李建国", sessions: [(2, "09:00-11:00", "书画室")], capacity: (10, 20), demand: 0.9, fromYear: 0),
        ClassPlan(name: "声乐班", teacher: "张秀英", sessions: [(1, "09:00-11:00", "音乐教室")], capacity: (15, 30), demand: 1.3, fromYear: 0),
        ClassPlan(name: "太极拳班", teacher: "刘志强", sessions: [(3, "08:30-10:00", "多功能厅")], capacity: (15, 30), demand: 0.9, fromYear: 0),
        ClassPlan(name: "器乐班(二胡)", teacher: "陈桂芳", sessions: [(3, "14:30-16:30", "音乐教室")], capacity: (12, 20), demand: 0.8, fromYear: 1),
        ClassPlan(name: "舞蹈班", teacher: "杨振华", sessions: [(4, "09:00-11:00", "舞蹈排练室")], capacity: (20, 25), demand: 1.0, fromYear: 1),
        ClassPlan(name: "智能手机班", teacher: "赵明", sessions: [(1, "14:30-16:00", "多功能厅"), (4, "14:30-16:00", "多功能厅")],
                  capacity: (20, 25), demand: 1.4, fromYear: 1),
    ]

    /// Spring terms run March–June, autumn terms September–mid January.
    func planTerms(from: LocalDate, to: LocalDate) {
        var terms: [(Period, String)] = []
        for y in (from.year - 1)...to.year {
            terms.append((Period(start: LocalDate(y, 3, 2), end: LocalDate(y, 6, 30)), "\(y)春"))
            terms.append((Period(start: LocalDate(y, 9, 1), end: LocalDate(y + 1, 1, 15)), "\(y)秋"))
        }
        for (term, label) in terms where term.end >= from && term.start <= to {
            let year = from.distance(to: term.start) / 365
            let created = max(from, term.start.adding(days: -14))
            for plan in Self.classes where year >= plan.fromYear {
                at(created, LocalTime(8, 40)) { sim, now in sim.createClass(plan, term: term, label: label, year: year, now: now) }
            }
        }
    }

    func createClass(_ plan: ClassPlan, term: Period, label: String, year: Int, now: LocalDateTime) {
        let sessions = plan.sessions.compactMap { wd, span, room in
            rooms[room].flatMap { r in TimeSpan(span).map { WeeklySession(weekday: wd, span: $0, room: r) } }
        }
        let cap = year == 0 ? plan.capacity.first : plan.capacity.later
        let name = "\(plan.name)(\(label))"
        guard let events = perform(CreateCourse(name: name, teacher: plan.teacher, termStart: term.start, termEnd: term.end,
                                                sessions: sessions, capacity: cap, skipConflicts: true), at: now),
              let course = (events.first as? CourseCreated)?.id else { return }
        // Sign-ups come in over the following days; some classes are oversubscribed.
        let pool = year == 0 ? Array(people.prefix(max(1, people.count / 4))) : people
        let applicants = rng.sample(pool, Int(Double(cap) * plan.demand * rng.double(0.8, 1.2)))
        for c in applicants {
            let day = now.date.adding(days: rng.int(0, 6))
            at(day, LocalTime(minuteOfDay: rng.int(8 * 60 + 30, 16 * 60 + 30))) { sim, t in sim.perform(Enrol(c, in: course), at: t) }
        }
        // Over the term a few drop out; the first waiting moves up and the desk calls them.
        var week = max(term.start, now.date)
        while week < term.end {
            if rng.chance(0.12) {
                let day = week.adding(days: rng.int(0, 4))
                at(day, LocalTime(minuteOfDay: rng.int(9 * 60, 16 * 60))) { sim, t in sim.withdrawSomeone(from: course, at: t) }
            }
            if rng.chance(0.05) {
                at(week, LocalTime(10, 0)) { sim, t in sim.moveForward(in: course, at: t) }
            }
            week = week.adding(days: 7)
        }
    }

    static let dropReasons = ["身体原因", "家中有事", "去外地子女家居住", "时间冲突", "住院治疗"]

    func withdrawSomeone(from course: ID<Course>, at now: LocalDateTime) {
        guard let c = state.centre.courses[course], !c.enrolled.isEmpty else { return }
        let who = c.enrolled[rng.int(0, c.enrolled.count - 1)]
        perform(Withdraw(who, from: course, reason: rng.pick(Self.dropReasons)), at: now)
    }

    func moveForward(in course: ID<Course>, at now: LocalDateTime) {
        guard let c = state.centre.courses[course], c.waitlist.count >= 2, let last = c.waitlist.last else { return }
        perform(MoveOnWaitlist(last.cadre, in: course, to: 1, reason: "离休干部优先"), at: now)
    }

    // MARK: Groups

    static let groupPlans: [(String, String, Int, String, Int)] = [
        ("老年合唱团", "多功能厅", 2, "14:30-16:30", 40),
        ("门球队", "门球场", 1, "08:00-10:30", 12),
        ("门球队", "门球场", 3, "08:00-10:30", 12),
        ("乒乓球协会", "乒乓球室", 4, "09:00-11:00", 6),
        ("书画协会", "书画室", 0, "14:30-17:00", 10),
        ("桥牌协会", "棋牌室", 3, "14:30-17:00", 8),
        ("太极拳协会", "门球场", 5, "07:30-09:00", 16),
    ]

    /// Each group books its weekly slot a quarter at a time, a week ahead.
    func planGroups(from: LocalDate, to: LocalDate) {
        var contacts: [String: ID<Cadre>] = [:]
        for (name, room, wd, span, heads) in Self.groupPlans {
            if contacts[name] == nil, !regulars.isEmpty { contacts[name] = rng.pick(regulars) }
            groups.append((name, contacts[name], room, wd, TimeSpan(span)!, heads))
        }
        var q = LocalDate(from.year, (from.month - 1) / 3 * 3 + 1, 1)
        while q <= to {
            let made = max(from, q.adding(days: -7))
            let first = max(q, made.adding(days: 1)), last = q.adding(months: 3).adding(days: -1)
            for g in groups {
                let start = first.adding(days: (g.weekday - first.weekday + 7) % 7)
                guard start <= last, let room = rooms[g.room] else { continue }
                at(made, LocalTime(8, 35)) { sim, t in
                    sim.perform(BookRoomWeekly(room: room, first: start, until: last, span: g.span, headcount: g.headcount,
                                               purpose: "活动", for: .group(name: g.name, contact: g.contact),
                                               skipConflicts: true, confirmed: true), at: t)
                }
            }
            q = q.adding(months: 3)
        }
    }

    // MARK: People's own bookings

    /// (room, bookings a day, headcounts, lengths in minutes, share by regulars)
    static let ownUse: [(String, ClosedRange<Int>, [Int], [Int])] = [
        ("乒乓球室", 2...5, [2, 2, 4, 4, 1], [60, 90, 120]),
        ("棋牌室", 1...4, [4, 4, 2], [120, 150]),
        ("阅览室", 1...3, [1, 1, 2], [60, 120]),
        ("足浴室", 2...4, [1], [45]),
        ("心理聊天室", 0...2, [1], [60]),
        ("健康小屋", 1...4, [1], [30]),
        ("书画室", 0...2, [1, 2], [120]),
        ("门球场", 0...1, [4, 6], [90]),
    ]

    func planOwnBookings(from: LocalDate, to: LocalDate) {
        guard !people.isEmpty else { return }
        for day in from.adding(days: 1)...to {
            for (roomName, perDay, heads, lengths) in Self.ownUse {
                guard let id = rooms[roomName], let room = state.centre.rooms[id] else { continue }
                let periods = room.hours.periods(on: day)
                guard !periods.isEmpty else { continue }
                for _ in 0..<rng.int(perDay.lowerBound, perDay.upperBound) {
                    let period = rng.pick(periods)
                    let length = rng.pick(lengths)
                    let latest = period.end.minuteOfDay - length
                    guard latest >= period.start.minuteOfDay else { continue }
                    let start = (period.start.minuteOfDay + rng.int(0, (latest - period.start.minuteOfDay) / 30) * 30)
                    let span = TimeSpan(LocalTime(minuteOfDay: start), LocalTime(minuteOfDay: start + length))
                    let who = !regulars.isEmpty && rng.chance(0.6) ? rng.pick(regulars) : rng.pick(people)
                    let headcount = rng.pick(heads)
                    let made = max(from, day.adding(days: -rng.int(1, 6)))
                    at(made, LocalTime(minuteOfDay: rng.int(8 * 60, 16 * 60 + 45))) { sim, t in
                        sim.perform(BookRoom(room: id, date: day, span: span, headcount: headcount, for: .cadre(who), confirmed: true), at: t)
                    }
                }
            }
        }
    }

    // MARK: Lectures, exhibitions and the sports meet

    static let lectures = ["形势报告会", "冬季养生讲座", "防范电信诈骗讲座", "中医保健讲座", "法律知识讲座", "老年心理健康讲座",
                           "智能手机使用讲座", "党史学习讲座", "慢病用药讲座", "书画鉴赏讲座"]

    func planEvents(from: LocalDate, to: LocalDate) {
        guard let hall = rooms["多功能厅"] else { return }
        var m = from.firstOfMonth
        while m <= to {
            // A lecture on the second Friday morning of each month.
            let firstFriday = m.adding(days: (4 - m.weekday + 7) % 7)
            let day = firstFriday.adding(days: 7)
            if day > from, day <= to {
                let title = rng.pick(Self.lectures)
                let made = max(from, day.adding(days: -21))
                at(made, LocalTime(9, 0)) { sim, t in
                    guard let e = sim.perform(BookRoom(room: hall, date: day, span: TimeSpan(LocalTime(9, 30), LocalTime(11, 30)),
                                                       headcount: 80, purpose: title, for: .centre), at: t),
                          let b = (e.first as? BookingMade)?.id else { return }
                    sim.planAttendees(b, day: day, made: made, count: sim.rng.int(30, 80))
                }
            }
            // An exhibition of the calligraphy class's work each June, a sports meet each October.
            if m.month == 6 { planOneOff(hall, m.adding(days: 20), "书画作品展", from: from, to: to, count: 60) }
            if m.month == 10, let court = rooms["门球场"] {
                planOneOff(court, m.adding(days: 17), "老干部趣味运动会", from: from, to: to, count: 24,
                           span: TimeSpan(LocalTime(8, 0), LocalTime(10, 30)))
            }
            m = m.adding(months: 1)
        }
    }

    func planOneOff(_ room: ID<Room>, _ day: LocalDate, _ title: String, from: LocalDate, to: LocalDate, count: Int,
                    span: TimeSpan = TimeSpan(LocalTime(9, 0), LocalTime(11, 30))) {
        guard day > from, day <= to else { return }
        let made = max(from, day.adding(days: -30))
        at(made, LocalTime(9, 10)) { sim, t in
            guard let e = sim.perform(BookRoom(room: room, date: day, span: span, headcount: count, purpose: title, for: .centre), at: t),
                  let b = (e.first as? BookingMade)?.id else { return }
            sim.planAttendees(b, day: day, made: made, count: count)
        }
    }

    func planAttendees(_ booking: ID<Booking>, day: LocalDate, made: LocalDate, count: Int) {
        for c in rng.sample(people, count) {
            let when = made.adding(days: rng.int(1, max(1, made.distance(to: day) - 1)))
            guard when < day else { continue }
            at(when, LocalTime(minuteOfDay: rng.int(8 * 60 + 30, 16 * 60 + 30))) { sim, t in
                sim.perform(AddAttendee(booking: booking, cadre: c), at: t)
            }
        }
    }

    // MARK: Each day at the desk

    /// Check-ins (most people come, a few do not), cancellations, and the calls.
    func dailyRoutine(_ day: LocalDate) {
        let s = state.settings.centre
        var arrivals: [ID<Cadre>: LocalDateTime] = [:]
        func arrive(_ c: ID<Cadre>, before start: LocalDateTime) {
            let t = start.adding(minutes: -rng.int(0, max(0, s.checkInOpensMinutes - 1)))
            if arrivals[c].map({ t < $0 }) ?? true { arrivals[c] = t }
        }
        for id in state.centre.roomOrder {
            for b in state.centre.bookings(in: id, on: day) where b.isActive {
                switch b.holder {
                case .cadre(let c):
                    // Most come on time, some a little late (within the grace period), some not at all.
                    if rng.chance(0.9) {
                        let time = rng.chance(0.1) ? b.span.start.plus(rng.int(1, 10)) : b.span.start.minus(rng.int(0, 14))
                        at(day, time) { sim, t in sim.perform(CheckIn(c), at: t) }
                    }
                case .group(_, let contact):
                    if rng.chance(0.95) {
                        let time = b.span.start.minus(rng.int(0, 14))
                        if let c = contact { at(day, time) { sim, t in sim.perform(CheckIn(c), at: t) } }
                        else { at(day, time) { sim, t in sim.perform(CheckInBooking(b.id), at: t) } }
                    }
                case .course(let k):
                    for c in state.centre.courses[k]?.enrolled ?? [] where rng.chance(0.85) { arrive(c, before: b.start) }
                case .centre:
                    for c in state.centre.attendees(of: b.id) where rng.chance(0.8) { arrive(c, before: b.start) }
                }
            }
        }
        // Some of tomorrow's bookings are called off this afternoon.
        for id in state.centre.roomOrder {
            for b in state.centre.bookings(in: id, on: day.adding(days: 1)) where b.isActive && b.holder.kind == .cadre && rng.chance(0.05) {
                at(day, LocalTime(minuteOfDay: rng.int(14 * 60, 17 * 60))) { sim, t in sim.perform(CancelBooking(b.id, reason: "临时有事"), at: t) }
            }
        }
        for (c, t) in arrivals.sorted(by: { $0.key < $1.key }) {
            at(day, t.time) { sim, t in sim.perform(CheckIn(c), at: t) }
        }
        // Yesterday's promotions and cancellations are phoned this morning.
        for n in state.centre.openNotices where n.raised.date < day {
            at(day, LocalTime(minuteOfDay: rng.int(9 * 60, 10 * 60))) { sim, t in sim.perform(MarkCalled(n.id, note: "已电话告知本人"), at: t) }
        }
    }
}

extension LocalTime {
    func minus(_ minutes: Int) -> LocalTime { LocalTime(minuteOfDay: max(0, minuteOfDay - minutes)) }
    func plus(_ minutes: Int) -> LocalTime { LocalTime(minuteOfDay: min(1439, minuteOfDay + minutes)) }
}

/// A small seeded generator (SplitMix64): the same seed, the same data.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ lo: Int, _ hi: Int) -> Int { hi <= lo ? lo : Int.random(in: lo...hi, using: &self) }
    mutating func double(_ lo: Double, _ hi: Double) -> Double { Double.random(in: lo..<hi, using: &self) }
    mutating func chance(_ p: Double) -> Bool { double(0, 1) < p }
    mutating func pick<T>(_ xs: [T]) -> T { xs[int(0, xs.count - 1)] }
    mutating func sample<T>(_ xs: [T], _ n: Int) -> [T] {
        var copy = xs
        var out: [T] = []
        for _ in 0..<min(n, copy.count) { out.append(copy.remove(at: int(0, copy.count - 1))) }
        return out
    }
}
