import DeskLog
import Foundation

/// Benchmarks for the visit figures in the issue: 15,000 cadres and five years
/// of visits (about a million), built in memory as events applied to a
/// `DeskState` (no file), from a seeded generator. Each function returns raw
/// samples in milliseconds; `cadredesk bench visits` prints median and p99.
public enum VisitBenchmarks {
    /// SplitMix64: small, fast, the same sequence on every machine.
    public struct SeededGenerator: RandomNumberGenerator {
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

    public struct Fixture: Sendable {
        public var state: DeskState
        public var today: LocalDate
        public var visits: Int
        /// Resident memory before and after the visits were applied (bytes; 0 where unknown).
        public var rssBeforeVisits: Int
        public var rssAfterVisits: Int
        public var buildSeconds: Double
        /// The visit history's bytes per visit, by RSS growth and by the book's own count.
        public var bytesPerVisitRSS: Double { visits == 0 ? 0 : Double(rssAfterVisits - rssBeforeVisits) / Double(visits) }
        public var bytesPerVisitEstimated: Double { visits == 0 ? 0 : Double(state.visits.estimatedBytes) / Double(visits) }
    }

    /// A centre like the largest in the field reports: `cadres` cadres, 120
    /// caseworkers, three of them away today with a backup, `years` of visits to `today`.
    public static func makeFixture(cadres: Int = 15_000, staffCount: Int = 120, years: Int = 5,
                                   today: LocalDate = LocalDate(2026, 11, 23), seed: UInt64 = 20_261_123) -> Fixture {
        var rng = SeededGenerator(seed: seed)
        var state = DeskState()
        var seq: UInt64 = 0
        var offset = 0
        let at = Timestamp(epochMillis: Int64(today.dayNumber) * 86_400_000, offsetMinutes: 480)
        func apply(_ e: any DeskEvent, by: ID<Staff> = "S001") {
            seq += 1
            offset += 420  // about a record's length, so offsets look like a real log's
            state.apply(e, EventMeta(seq: seq, id: UUID(), at: at, by: by, offset: offset))
        }

        apply(StaffAdded(staff: Staff(id: "S001", login: "admin", name: "管理员", role: .admin)))
        var staff: [ID<Staff>] = []
        for i in 0..<staffCount {
            let id = ID<Staff>(String(format: "S%03d", i + 2))
            staff.append(id)
            apply(StaffAdded(staff: Staff(id: id, login: "cw\(i)", name: name(&rng), role: .caseworker)))
        }
        for i in 0..<3 {
            let a = Absence(id: "A000\(i + 1)", from: today.adding(days: -2), to: today.adding(days: 5), backup: staff[(i + 10) % staff.count], reason: "年假")
            apply(AbsenceRecorded(staff: staff[i], absence: a))
        }

        for i in 0..<cadres {
            let lixiu = i % 33 == 0
            let age = lixiu ? Int.random(in: 90...100, using: &rng) : Int.random(in: 60...95, using: &rng)
            let birth = today.adding(days: -age * 365 - Int.random(in: 0..<365, using: &rng))
            var c = Cadre(id: ID(String(format: "C%05d", i + 1)), name: name(&rng), gender: Bool.random(using: &rng) ? .male : .female,
                          birthDate: birth, category: lixiu ? .lixiu : .tuixiu, rank: .general, workUnit: "县直机关")
            c.community = communities[i % communities.count]
            c.partyBranch = i % 2 == 0 ? "第\(i % 66 + 1)支部" : ""
            c.contact = staff[i % staff.count]
            let roll = Int.random(in: 0..<1000, using: &rng)
            if roll < 20 { c.careLevel = 1 } else if roll < 60 { c.careLevel = 2 } else if roll < 120 { c.careLevel = 3 }
            let status = Int.random(in: 0..<1000, using: &rng)
            if status < 15 { c.hospitalisedSince = today.adding(days: -Int.random(in: 0...20, using: &rng)) }
            else if status < 45 { c.livingElsewhere = Elsewhere(since: today.adding(days: -2000), place: "上海 与子女同住") }
            else if status < 65 { c.deceasedOn = today.adding(days: -Int.random(in: 0...1500, using: &rng)) }
            else if status < 165 { c.widowedOn = today.adding(days: -Int.random(in: 0...3000, using: &rng)); c.marital = .widowed }
            apply(CadreAdded(cadre: c))
        }

        let rssBefore = residentBytes()
        let clock = ContinuousClock()
        let start = clock.now
        var generator = SampleVisits.Generator(state: state)
        var month = today.adding(months: -12 * years).firstOfMonth
        var serial = 0
        while month <= today {
            let span = Period(start: month, end: min(month.lastOfMonth, today))
            for var v in generator.visits(in: span, rng: &rng) {
                serial += 1
                v.id = Visit.id(serial: serial)
                apply(VisitLogged(visit: v), by: v.staff[0])
            }
            month = month.adding(months: 1)
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Fixture(state: state, today: today, visits: serial, rssBeforeVisits: rssBefore, rssAfterVisits: residentBytes(),
                       buildSeconds: seconds)
    }

    /// All due items for today, over the whole roster.
    public static func dueItemsForToday(_ f: Fixture, samples: Int = 30) -> [Double] {
        (0..<samples).map { _ in time { _ = f.state.dueItems(on: f.today) } }
    }

    /// A visit is appended (applied like one read from the log), then My day
    /// is computed for the staff member whose cadre it was: both timed together.
    public static func myDayAfterAppend(_ f: Fixture, samples: Int = 30) -> [Double] {
        var state = f.state
        var serial = state.visits.highestSerial
        let staff = state.staff.active.filter { $0.role == .caseworker }.map(\.id)
        var seq = state.seq
        var out: [Double] = []
        var attempt = 0, warmedUp = false
        while out.count < samples, attempt < samples * 4 + staff.count {
            // Staff away today have nothing of their own: skip them.
            let me = staff[(attempt * 7 + 20) % staff.count]
            attempt += 1
            let day = state.myDay(for: me, on: f.today)
            guard let item = day.items.first else { continue }
            serial += 1
            seq += 1
            var visit = state.draft(for: item, by: me, at: LocalDateTime(f.today, LocalTime(10, 0))).visit
            visit.id = Visit.id(serial: serial)
            visit.learned = "回访"
            let e = VisitLogged(visit: visit)
            let meta = EventMeta(seq: seq, id: UUID(), at: Timestamp(epochMillis: 0, offsetMinutes: 480), by: me, offset: 0)
            let ms = time {
                state.apply(e, meta)
                _ = state.myDay(for: me, on: f.today)
            }
            // The first append pays for copying the state shared with the fixture.
            if warmedUp { out.append(ms) } else { warmedUp = true }
        }
        return out
    }

    /// A supervisor's view: everyone's items grouped by staff.
    public static func teamDay(_ f: Fixture, samples: Int = 30) -> [Double] {
        (0..<samples).map { _ in time { _ = f.state.teamDay(on: f.today) } }
    }

    /// The visit list for this month, first page of 50.
    public static func visitListThisMonth(_ f: Fixture, samples: Int = 30) -> [Double] {
        let filter = VisitFilter(period: .month(f.today.year, f.today.month))
        return (0..<samples).map { _ in time { _ = f.state.visitList(filter, limit: 50) } }
    }

    static func time(_ body: () -> Void) -> Double {
        let d = ContinuousClock().measure(body)
        return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    /// Resident set size from /proc (Linux); 0 elsewhere.
    public static func residentBytes() -> Int {
        guard let s = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = s.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    private static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
    private static let given = Array("国建华明秀英兰芳玉军平志文德福永海春荣桂林红光金生成云凤梅珍丽强伟刚勇庆昌新正学宝")
    private static let communities = ["东风社区", "人民路社区", "北关社区", "南苑社区", "西湖社区", "新华社区", "城关社区", "滨河社区"]

    private static func name(_ rng: inout SeededGenerator) -> String {
        var s = String(surnames.randomElement(using: &rng)!)
        for _ in 0..<Int.random(in: 1...2, using: &rng) { s.append(given.randomElement(using: &rng)!) }
        return s
    }
}
