import DeskLog
import Foundation

/// Benchmarks of the centre's hot paths on a big in-memory centre (20 rooms,
/// 5 years of bookings; seeded, deterministic). They return raw samples in
/// milliseconds; `cadredesk bench centre` prints median/p99 and ratios.
/// Targets (issue 7): week grid ≤ 10 ms, booking conflict check ≤ 1 ms.
public enum CentreBenchmarks {
    public struct Result: Sendable {
        public var name: String
        public var samplesMs: [Double]
        /// What was measured, with sizes.
        public var note: String
    }

    /// A centre with `rooms` rooms and `years` of bookings (about 6 a room a
    /// day, shared rooms with several at once), closures and check-ins, as the
    /// events that record it. Returns the events and the span they cover.
    public static func bigCentreEvents(rooms roomCount: Int = 20, years: Int = 5, cadres: Int = 3000, seed: UInt64 = 7)
        -> (events: [any DeskEvent], from: LocalDate, to: LocalDate) {
        var g = SplitMix(seed: seed)
        var events: [any DeskEvent] = []
        func record(_ e: any DeskEvent) { events.append(e) }
        let from = LocalDate(2022, 1, 3), to = from.adding(days: 365 * years)
        let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗")
        let given = Array("建国秀英志强桂芳振华明淑兰玉珍德福国庆文华")
        for i in 1...cadres {
            let name = String(surnames[i % surnames.count]) + String(given[(i * 7) % given.count]) + String(given[(i * 13) % given.count])
            var c = Cadre(id: ID(String(format: "C%05d", i)), name: name, gender: i % 2 == 0 ? .male : .female,
                          birthDate: LocalDate(1930 + i % 25, 1 + i % 12, 1 + i % 28), category: i % 10 == 0 ? .lixiu : .tuixiu,
                          rank: .general, workUnit: "县直机关")
            c.community = "城关社区"
            record(CadreAdded(cadre: c))
        }
        let names = ["乒乓球室", "门球场", "书画室", "棋牌室", "阅览室", "多功能厅", "音乐教室", "舞蹈排练室", "足浴室", "心理聊天室", "健康小屋"]
        var rooms: [Room] = []
        for i in 0..<roomCount {
            let shared = i % 3 != 2
            let room = Room(id: ID(String(format: "R%02d", i + 1)), name: i < names.count ? names[i] : "活动室\(i + 1)",
                            capacity: shared ? 8 + (i % 4) * 8 : 40, sharing: shared ? .shared : .exclusive,
                            hours: OpeningHours([TimeSpan(LocalTime(8, 30), LocalTime(11, 30)), TimeSpan(LocalTime(14, 0), LocalTime(17, 30))],
                                                on: 0...5),
                            bookableFor: [.cadre, .group, .course, .centre])
            rooms.append(room)
            record(RoomAdded(room: room))
        }
        for y in from.year...to.year {
            record(RoomClosed(closure: RoomClosure(id: ID("Z\(y)"), room: nil, from: LocalDateTime(LocalDate(y, 10, 1), LocalTime(0, 0)),
                                                  to: LocalDateTime(LocalDate(y, 10, 8), LocalTime(0, 0)), reason: "国庆节放假"),
                             cancelled: [], at: LocalDateTime(LocalDate(y, 1, 1), LocalTime(8, 0))))
        }
        var n = 0
        for day in from..<to {
            guard day.weekday < 6, !(day.month == 10 && day.day < 8) else { continue }
            for room in rooms {
                // Morning and afternoon, in slots of 30 to 120 minutes; shared rooms get parallel bookings.
                for period in room.hours.periods(on: day) {
                    let lanes = room.sharing == .shared ? 2 : 1
                    for _ in 0..<lanes {
                        var t = period.start.minuteOfDay
                        while t < period.end.minuteOfDay {
                            let len = [30, 60, 90, 120][g.int(0, 3)]
                            guard t + len <= period.end.minuteOfDay else { break }
                            if g.chance(0.6) {
                                n += 1
                                let holder: BookingHolder = g.chance(0.8) ? .cadre(ID(String(format: "C%05d", g.int(1, cadres))))
                                    : .group(name: "书画协会", contact: nil)
                                let heads = room.sharing == .shared ? g.int(1, room.capacity / 4) : 1
                                let start = LocalTime(minuteOfDay: t)
                                record(BookingMade(id: ID(String(format: "B%06d", n)), room: room.id, date: day,
                                                  span: TimeSpan(start, LocalTime(minuteOfDay: t + len)), headcount: heads, wholeRoom: false,
                                                  purpose: "", holder: holder, series: nil,
                                                  at: LocalDateTime(day.adding(days: -3), LocalTime(9, 0))))
                                if g.chance(0.85), let r = holder.responsible {
                                    record(CheckedIn(cadre: r, bookings: [ID(String(format: "B%06d", n))],
                                                    at: LocalDateTime(day, LocalTime(minuteOfDay: t - 5))))
                                }
                            }
                            t += len
                        }
                    }
                }
            }
        }
        // Two terms a year of five classes, 25 students each, meeting weekly; most come.
        var courseNo = 0
        for y in from.year...to.year {
            for (start, end) in [(LocalDate(y, 3, 2), LocalDate(y, 6, 30)), (LocalDate(y, 9, 1), LocalDate(y + 1, 1, 15))]
            where start >= from && end <= to {
                for k in 0..<5 {
                    courseNo += 1
                    let id = ID<Course>(String(format: "K%03d", courseNo))
                    let room = rooms[(k * 3) % rooms.count]
                    let session = WeeklySession(weekday: k, span: TimeSpan(LocalTime(9, 0), LocalTime(11, 0)), room: room.id)
                    record(CourseCreated(id: id, name: "班级\(courseNo)", teacher: "王老师", termStart: start, termEnd: end,
                                         sessions: [session], capacity: 25, skipped: []))
                    let members = (0..<25).map { _ in ID<Cadre>(String(format: "C%05d", g.int(1, cadres))) }
                    for m in Set(members).sorted() {
                        record(Enrolled(course: id, cadre: m, at: LocalDateTime(start.adding(days: -7), LocalTime(9, 0))))
                    }
                    var d = start.adding(days: (k - start.weekday + 7) % 7)
                    while d <= end {
                        n += 1
                        let b = ID<Booking>(String(format: "B%06d", n))
                        record(BookingMade(id: b, room: room.id, date: d, span: session.span, headcount: 25, wholeRoom: true, purpose: "",
                                           holder: .course(id), series: nil, at: LocalDateTime(start.adding(days: -7), LocalTime(9, 0))))
                        for m in Set(members).sorted() where g.chance(0.85) {
                            record(CheckedIn(cadre: m, bookings: [b], at: LocalDateTime(d, LocalTime(8, 50))))
                        }
                        d = d.adding(days: 7)
                    }
                }
            }
        }
        return (events, from, to)
    }

    /// The state folded from `events`, as a desk opening the log would fold it.
    public static func fold(_ events: [any DeskEvent]) -> DeskState {
        var state = DeskState()
        let id = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        let at = Timestamp(epochMillis: 0, offsetMinutes: 480)
        for (i, e) in events.enumerated() { state.apply(e, EventMeta(seq: UInt64(i + 1), id: id, at: at, by: "S001")) }
        return state
    }

    /// Runs every benchmark `samples` times on one big centre.
    public static func run(samples: Int = 200, rooms roomCount: Int = 20, years: Int = 5, seed: UInt64 = 7) -> [Result] {
        let clock = ContinuousClock()
        let rssBefore = residentMB()
        let (events, from, to) = bigCentreEvents(rooms: roomCount, years: years, seed: seed)
        var state = DeskState()
        let foldTime = clock.measure { state = fold(events) }
        let rssAfter = residentMB()
        let q = CentreQuery(state)
        var g = SplitMix(seed: seed &+ 1)
        let rooms = state.centre.roomOrder
        let days = from.distance(to: to)
        let bookingsCount = state.centre.bookings.count
        func ms(_ d: Duration) -> Double {
            let c = d.components
            return Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15
        }
        func sample(_ body: () -> Void) -> [Double] { (0..<samples).map { _ in ms(clock.measure(body)) } }
        func randomDay() -> LocalDate { from.adding(days: g.int(0, days - 1)) }

        var out: [Result] = []
        let size = "\(rooms.count) rooms, \(bookingsCount) bookings over \(days) days"
        let rss = rssAfter.flatMap { b in rssBefore.map { String(format: "%.0f MB", b - $0) } } ?? "?"
        out.append(Result(name: "fold.events", samplesMs: [ms(foldTime)],
                          note: "fold \(events.count) events (\(size)); RSS +\(rss) for events and state"))
        var sink = 0
        out.append(Result(name: "grid.week.one_room", samplesMs: sample {
            let d = randomDay()
            sink &+= q.week(of: rooms[g.int(0, rooms.count - 1)], from: d.startOfWeek, now: LocalDateTime(d, LocalTime(10, 0))).count
        }, note: "week grid of one room (7 days): \(size)"))
        out.append(Result(name: "grid.week.all_rooms", samplesMs: sample {
            let d = randomDay()
            for r in rooms { sink &+= q.week(of: r, from: d.startOfWeek, now: LocalDateTime(d, LocalTime(10, 0))).count }
        }, note: "week grids of all \(rooms.count) rooms (140 room-days)"))
        out.append(Result(name: "grid.day.all_rooms", samplesMs: sample {
            let d = randomDay()
            sink &+= q.day(d, now: LocalDateTime(d, LocalTime(10, 0))).rooms.count
        }, note: "today's grid, all rooms"))
        let actor = Staff(id: "S001", login: "", name: "", role: .admin)
        let fixed = DeskClock.fixed(LocalDateTime(from, LocalTime(8, 0)))
        out.append(Result(name: "booking.conflict_check", samplesMs: sample {
            let d = randomDay()
            let start = LocalTime(minuteOfDay: 8 * 60 + 30 + g.int(0, 4) * 30)
            let cmd = BookRoom(room: rooms[g.int(0, rooms.count - 1)], date: d, span: TimeSpan(start, LocalTime(minuteOfDay: start.minuteOfDay + 60)),
                               headcount: 2, for: .cadre("C00001"), confirmed: true)
            let ctx = CommandContext(actor: actor, now: LocalDateTime(d.adding(days: -2), LocalTime(8, 0)), clock: fixed)
            do { sink &+= try cmd.events(in: state, context: ctx).count } catch { sink &+= 1 }
        }, note: "BookRoom validation (hours, closures, capacity at every moment, warnings) on a random slot"))
        out.append(Result(name: "booking.free_slots", samplesMs: sample {
            let d = randomDay()
            sink &+= q.freeSlots(room: rooms[g.int(0, rooms.count - 1)], date: d, span: TimeSpan(LocalTime(9, 0), LocalTime(10, 0)),
                                 headcount: 2, now: LocalDateTime(d.adding(days: -1), LocalTime(8, 0))).count
        }, note: "nearest 6 free slots of one hour, 14 days searched"))
        out.append(Result(name: "checkin.today_items", samplesMs: sample {
            let d = randomDay()
            sink &+= q.today(for: ID(String(format: "C%05d", g.int(1, state.roster.count))), now: LocalDateTime(d, LocalTime(9, 0))).count
        }, note: "a cadre's items today (bookings, sessions, events)"))
        out.append(Result(name: "figures.year", samplesMs: (0..<max(1, samples / 20)).map { _ in
            ms(clock.measure { sink &+= q.figures(for: .year(from.year + min(2, years - 1)), now: LocalDateTime(to, LocalTime(8, 0))).rooms.count })
        }, note: "dashboard figures for one year (utilisation per room, no-shows, check-ins, classes)"))
        if sink == 42 { print("") }
        return out
    }

    /// Resident memory of this process in MB (Linux), nil elsewhere.
    static func residentMB() -> Double? {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kb / 1024
    }
}
