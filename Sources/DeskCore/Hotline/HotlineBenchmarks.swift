import DeskLog
import Foundation

/// Benchmarks for `cadredesk bench hotline`: each builds realistic data in
/// memory (seeded, so every run measures the same thing), times one operation
/// with `ContinuousClock`, and returns the raw samples in milliseconds for
/// the caller to summarise (median, p99, ratios).
public enum HotlineBenchmarks {
    public struct Result: Sendable {
        public var name: String
        /// What one sample covers, e.g. "10000 open tickets".
        public var unit: String
        public var samplesMs: [Double]
    }

    /// Every hotline benchmark with the sizes.
    public static func all(samples: Int = 30) -> [Result] {
        let state = makeState(openTickets: 10_000, closedTickets: 20_000, cadres: 15_000, seed: 42)
        let now = benchNow
        return [
            Result(name: "hotline.deadlines", unit: "10000 open tickets", samplesMs: deadlines(state, now: now, samples: samples)),
            Result(name: "hotline.queue.open", unit: "10000 open tickets, rows sorted by time left",
                   samplesMs: queue(.open, state, now: now, samples: samples)),
            Result(name: "hotline.queue.mine", unit: "one handler of 20", samplesMs: queue(.mine, state, now: now, samples: samples)),
            Result(name: "hotline.reminders", unit: "daily reminder list, everyone", samplesMs: reminders(state, now: now, samples: samples)),
            Result(name: "hotline.stats.year", unit: "30000 tickets", samplesMs: stats(state, now: now, samples: samples)),
            Result(name: "hotline.calendar.compile", unit: "2000–2100 table", samplesMs: compileCalendar(samples: samples)),
        ]
    }

    static let benchNow = LocalDateTime(LocalDate(2026, 11, 23), LocalTime(10, 0))

    /// Completion and first-response deadlines of every open ticket.
    public static func deadlines(_ state: DeskState, now: LocalDateTime, samples: Int) -> [Double] {
        let settings = state.settings.hotline
        let open = state.tickets.open.compactMap { state.tickets[$0] }
        var sink = 0
        let out = time(samples) {
            for t in open {
                if let c = t.completion(at: now, settings: settings) { sink &+= c.left.minutes }
                if let r = t.response(at: now, settings: settings) { sink &+= r.left.minutes }
            }
        }
        precondition(sink != Int.min)
        return out
    }

    public static func queue(_ q: TicketQueue, _ state: DeskState, now: LocalDateTime, samples: Int) -> [Double] {
        let me = ID<Staff>("S005")
        return time(samples) { _ = state.ticketQueue(q, me: me, now: now) }
    }

    public static func reminders(_ state: DeskState, now: LocalDateTime, samples: Int) -> [Double] {
        time(samples) { _ = state.ticketReminders(now: now, for: nil) }
    }

    public static func stats(_ state: DeskState, now: LocalDateTime, samples: Int) -> [Double] {
        time(samples) { _ = state.hotlineStats(.year(2026), now: now) }
    }

    public static func compileCalendar(samples: Int) -> [Double] {
        time(samples) {
            var c = WorkCalendar.official
            c.makeUpWeekday = 1
            precondition(c.minutesPerDay > 0)
        }
    }

    static func time(_ samples: Int, _ body: () -> Void) -> [Double] {
        let clock = ContinuousClock()
        body()  // warm up
        return (0..<samples).map { _ in
            let d = clock.measure(body)
            return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        }
    }

    /// A desk with 20 hotline staff (some away), `cadres` cadres, and tickets
    /// opened over the year before `benchNow`: the newest `openTickets` still
    /// open (some waiting, some with deadlines set by hand), the rest resolved
    /// and most called back.
    public static func makeState(openTickets: Int, closedTickets: Int, cadres: Int, seed: UInt64) -> DeskState {
        var rng = SplitMix64(seed: seed)
        var state = DeskState()
        var seq: UInt64 = 0
        let at = Timestamp(epochMillis: 1_795_000_000_000, offsetMinutes: 480)
        func apply(_ e: any DeskEvent, by: ID<Staff> = "S001") {
            seq += 1
            state.apply(e, EventMeta(seq: seq, id: UUID(), at: at, by: by))
        }
        apply(StaffAdded(staff: Staff(id: "S001", login: "admin", name: "管理员", role: .admin)))
        let handlers = (2...21).map { ID<Staff>(String(format: "S%03d", $0)) }
        for (i, id) in handlers.enumerated() {
            apply(StaffAdded(staff: Staff(id: id, login: "u\(i)", name: "职员\(i)", role: i % 4 == 0 ? .caseworker : .hotline)))
        }
        for i in 0..<4 {
            let a = Absence(id: "A\(i)", from: benchNow.date.adding(days: -2), to: benchNow.date.adding(days: 3),
                            backup: handlers[(i * 5 + 1) % handlers.count], reason: "年假")
            apply(AbsenceRecorded(staff: handlers[i * 5], absence: a))
        }
        for i in 1...cadres {
            var c = Cadre(id: ID(String(format: "C%05d", i)), name: "老干部\(i)", gender: i % 2 == 0 ? .male : .female,
                          birthDate: LocalDate(1935 + i % 25, 1 + i % 12, 1 + i % 28), category: i % 20 == 0 ? .lixiu : .tuixiu,
                          rank: .general, workUnit: "某局")
            c.contact = handlers[i % handlers.count]
            apply(CadreAdded(cadre: c))
        }
        let settings = state.settings.hotline
        let calendar = settings.calendar
        let codes = settings.categories.map(\.code)
        let total = openTickets + closedTickets
        // Opening times spread over working time, the newest open.
        let endPos = calendar.position(of: benchNow)
        let span = 250 * calendar.minutesPerDay
        var positions = (0..<total).map { _ in endPos - Int.random(in: 1...span, using: &rng) }
        positions.sort()
        var serial = 0
        for (n, pos) in positions.enumerated() {
            let opened = calendar.dateTime(atPosition: pos)
            serial += 1
            let id = ID<Ticket>("T\(opened.date.year)-" + String(format: "%06d", serial))
            let code = codes[Int.random(in: 0..<codes.count, using: &rng)]
            let urgent = code == "emergency"
            let cadre = ID<Cadre>(String(format: "C%05d", Int.random(in: 1...cadres, using: &rng)))
            let assignee = handlers[Int.random(in: 0..<handlers.count, using: &rng)]
            apply(TicketOpened(id: id, at: opened, caller: .cadre(cadre), cadre: cadre, channel: .hotline, category: code,
                               priority: urgent ? .urgent : .normal, summary: "咨询", details: "", assignee: assignee, backup: nil,
                               promise: settings.promise(category: code, priority: urgent ? .urgent : .normal)!, source: nil), by: assignee)
            let respond = calendar.adding(workingMinutes: 30, to: opened)
            let isOpen = n >= closedTickets
            if respond < benchNow {
                apply(TicketStatusChanged(id: id, at: respond, status: .inProgress, waitingOn: nil, note: ""), by: assignee)
            }
            if isOpen {
                let roll = Int.random(in: 0..<10, using: &rng)
                let later = calendar.adding(workingMinutes: 60, to: respond)
                if roll == 0, later < benchNow {
                    apply(TicketStatusChanged(id: id, at: later, status: .waiting, waitingOn: .thirdParty, note: "等待答复"), by: assignee)
                } else if roll == 1, later < benchNow {
                    apply(TicketDeadlineSet(id: id, at: later, due: calendar.adding(workingMinutes: 3000, to: later), reason: "约定"), by: assignee)
                }
            } else {
                let done = calendar.adding(workingMinutes: Int.random(in: 60...3000, using: &rng), to: respond)
                apply(TicketResolved(id: id, at: done, resolvedBy: assignee, resolution: "已办结"), by: assignee)
                if Int.random(in: 0..<10, using: &rng) < 9 {
                    let r = Int.random(in: 0..<100, using: &rng)
                    let rating: CallbackRating = r < 85 ? .satisfied : .fairlySatisfied  // 不满意 would reopen
                    apply(TicketCallbackRecorded(id: id, at: calendar.adding(workingMinutes: 600, to: done), calledBy: "S001",
                                                 reached: .cadre, rating: rating, comment: ""))
                }
            }
        }
        return state
    }
}

/// A small, fast, seedable generator (SplitMix64) for deterministic sample
/// data and benchmarks.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
