/// Deterministic sample data, written through the same commands a clerk's
/// actions use (so the log is valid by construction).
///
/// Each area adds its own part as an extension producing `Desk.BatchItem`
/// chunks from the state so far, with its own `rng(for:)` stream, e.g.
/// `extension SampleGenerator { func visits(in: DeskState) -> [[Desk.BatchItem]] }`.
/// `write(to:as:)` runs the parts in order, each chunk one all-or-nothing batch.
public struct SampleGenerator: Sendable {
    public var seed: UInt64
    public var cadres: Int
    /// How many years of history to generate (deaths, moves, hospital stays; other areas: visits, tickets).
    public var years: Int
    public var today: LocalDate
    /// Items per batch: large enough to be quick, small enough to keep a batch's memory modest.
    public var chunkSize = 2000

    public init(seed: UInt64 = 2026, cadres: Int = 300, years: Int = 1, today: LocalDate = LocalDate(2026, 11, 23)) {
        self.seed = seed
        self.cadres = cadres
        self.years = years
        self.today = today
    }

    /// The small demo (`sample-data/`).
    public static let demo = SampleGenerator(seed: 2026, cadres: 300, years: 1)
    /// The benchmark size (`--cadres 15000 --years 5`).
    public static let large = SampleGenerator(seed: 2026, cadres: 15000, years: 5)

    /// An independent random stream for one area.
    public func rng(for area: String) -> SampleRNG { SampleRNG(seed: seed, stream: area) }

    /// What was written.
    public struct Summary: Sendable, Hashable {
        public var staff: Int
        public var cadres: Int
        public var events: Int
    }

    /// One area's part of the sample: batch chunks computed from the state so far.
    public typealias Part = @Sendable (SampleGenerator, DeskState) -> [[Desk.BatchItem]]

    /// Staff, then the roster. Other areas append their parts (visits need cadres, …).
    public static let baseParts: [Part] = [{ g, s in [g.staff(in: s)] }, { g, s in g.roster(in: s) }]

    /// Writes `parts` in order to `desk` (a log with its first admin), each
    /// chunk one all-or-nothing batch.
    @discardableResult
    public func write(to desk: Desk, as admin: ID<Staff>, parts: [Part] = SampleGenerator.baseParts) throws(Desk.BatchError) -> Summary {
        var events = 0
        for part in parts {
            for chunk in part(self, desk.state) where !chunk.isEmpty {
                events += try desk.performBatch(chunk, as: admin).count
            }
        }
        return Summary(staff: desk.state.staff.byID.count, cadres: desk.state.roster.count, events: events)
    }

    func chunked(_ items: [Desk.BatchItem]) -> [[Desk.BatchItem]] {
        stride(from: 0, to: items.count, by: chunkSize).map { Array(items[$0..<min($0 + chunkSize, items.count)]) }
    }
}

// MARK: - People

extension SampleGenerator {
    /// A Chinese name: surname by frequency, a one- or two-character given name.
    static func personName(_ rng: inout SampleRNG, female: Bool, generation: Int = 0, surname: String? = nil) -> String {
        let family = surname ?? rng.weighted(SampleNames.surnames)
        let pool = generation == 0 ? (female ? SampleNames.female : SampleNames.male)
            : (female ? SampleNames.childFemale : SampleNames.childMale)
        return family + rng.pick(pool)
    }

    static func mobile(_ rng: inout SampleRNG) -> String {
        let prefix = rng.pick(["130", "131", "133", "135", "136", "137", "138", "139", "150", "151", "155", "158", "159",
                               "177", "180", "182", "186", "187", "189", "199"])
        var s = prefix
        for _ in 0..<8 { s.append(Character(String(rng.int(0...9)))) }
        return s
    }

    static func landline(_ rng: inout SampleRNG) -> String {
        var s = SampleNames.areaCode + "-" + String(rng.int(2...8))
        for _ in 0..<6 { s.append(Character(String(rng.int(0...9)))) }
        return s
    }

    /// Staff: about one per 30 cadres (at least 6), every role, Chinese names.
    public func staff(in state: DeskState) -> [Desk.BatchItem] {
        var rng = rng(for: "staff")
        let n = max(6, cadres / 30)
        var items: [Desk.BatchItem] = []
        var used = Set(state.staff.byID.values.map(\.name))
        for i in 0..<n {
            let role: Role = switch i % 20 {
            case 0: .supervisor
            case 1, 7, 13: .desk
            case 4, 10, 16: .hotline
            case 19: .admin
            default: .caseworker
            }
            var name = SampleGenerator.personName(&rng, female: rng.chance(0.6), generation: 1)
            while used.contains(name) { name = SampleGenerator.personName(&rng, female: rng.chance(0.6), generation: 1) }
            used.insert(name)
            items.append(Desk.BatchItem(AddStaff(login: "staff\(String(i + 2))", name: name, role: role,
                                                 phone: SampleGenerator.mobile(&rng))))
        }
        return items
    }
}
