/// A compact row per file with what the named lists and groupings look at,
/// kept in file-number order as events apply, so that counting every list
/// or pulling one scans small plain values instead of copying whole files.
struct CadreFacts: Sendable {
    var birthDay: Int32
    var flags: UInt16
    var careLevel: Int8
    var category: CadreCategory
    var rank: RankBand
    var community: Int32
    var workUnit: Int32
    var partyBranch: Int32
    var contact: Int32
    /// Days of death, of the current hospital admission, of the move to live
    /// elsewhere and of widowhood (`noDay`: none).
    var deathDay: Int32
    var hospitalDay: Int32
    var elsewhereDay: Int32
    var widowedDay: Int32
    static let noDay = Int32.max
    /// The latest day a dated fact (death, hospital, living elsewhere,
    /// widowhood) or a change in the cadre's life counts from (`Int32.min`:
    /// none): a file looks the same on every date from this one on.
    var lastLifeDay: Int32

    enum Flag {
        static let ill: UInt16 = 1 << 0, widowed: UInt16 = 1 << 1, alone: UInt16 = 1 << 2, emptyNest: UInt16 = 1 << 3
        static let dependent: UInt16 = 1 << 4, hardship: UInt16 = 1 << 5, hospitalised: UInt16 = 1 << 6
        static let elsewhere: UInt16 = 1 << 7, lixiu: UInt16 = 1 << 8, deceased: UInt16 = 1 << 9, cared: UInt16 = 1 << 10
    }
}

/// Strings (communities, units, branches, staff ids) as small numbers, for `CadreFacts`.
struct Interned: Sendable {
    private(set) var values: [String] = [""]
    private var numbers: [String: Int32] = ["": 0]

    mutating func number(_ s: String) -> Int32 {
        if let n = numbers[s] { return n }
        let n = Int32(values.count)
        values.append(s)
        numbers[s] = n
        return n
    }

    func lookup(_ s: String) -> Int32? { numbers[s] }
}

extension Roster {
    /// Per slot (the order of `ids`): the file's place in id order. Files are
    /// added in file-number order, so this is usually the slot itself.
    func rankInIDOrder() -> [Int] {
        if zip(ids, ids.dropFirst()).allSatisfy({ $0 < $1 }) { return Array(ids.indices) }
        var ranks = [Int](repeating: 0, count: ids.count)
        for (rank, slot) in ids.indices.sorted(by: { ids[$0] < ids[$1] }).enumerated() { ranks[slot] = rank }
        return ranks
    }

    private static func day(_ d: LocalDate?) -> Int32 { d.map { Int32($0.dayNumber) } ?? CadreFacts.noDay }

    mutating func putFacts(_ c: Cadre) {
        var flags: UInt16 = 0
        func set(_ f: UInt16, _ on: Bool) { if on { flags |= f } }
        set(CadreFacts.Flag.ill, RosterLists.isIll(c))
        set(CadreFacts.Flag.widowed, c.marital == .widowed)
        set(CadreFacts.Flag.alone, c.living == .alone)
        set(CadreFacts.Flag.emptyNest, c.living == .emptyNest)
        set(CadreFacts.Flag.dependent, c.health == .dependent)
        set(CadreFacts.Flag.hardship, c.hardship)
        set(CadreFacts.Flag.hospitalised, c.hospitalisedSince != nil)
        set(CadreFacts.Flag.elsewhere, c.livingElsewhere != nil)
        set(CadreFacts.Flag.lixiu, c.category == .lixiu)
        set(CadreFacts.Flag.deceased, c.isDeceased)
        set(CadreFacts.Flag.cared, c.careLevel != nil)
        let f = CadreFacts(birthDay: Int32(c.birthDate.dayNumber), flags: flags, careLevel: Int8(clamping: c.careLevel ?? 0),
                           category: c.category, rank: c.rank, community: interned.number(c.community),
                           workUnit: interned.number(c.workUnit), partyBranch: interned.number(c.partyBranch),
                           contact: interned.number(c.contact?.raw ?? ""),
                           deathDay: Self.day(c.deceasedOn), hospitalDay: Self.day(c.hospitalisedSince),
                           elsewhereDay: Self.day(c.livingElsewhere?.since), widowedDay: Self.day(c.widowedOn),
                           lastLifeDay: Roster.lastLifeDay(c, changes[c.id] ?? []))
        if let i = factsSlot[c.id] {
            facts[i] = f
        } else {
            factsSlot[c.id] = facts.count
            facts.append(f)
        }
    }
}

extension RosterLists {
    /// The files on every list in `filters` (none: all living cadres), in
    /// file-number order. Same meaning as `contains`/`matches`, on the compact rows.
    public static func ids(_ filters: [RosterFilter], in state: DeskState, on date: LocalDate) -> [ID<Cadre>] {
        let roster = state.roster
        guard let test = predicate(filters, roster, on: date, settings: state.settings.roster) else { return [] }
        var out: [ID<Cadre>] = []
        roster.facts.withUnsafeBufferPointer { rows in
            for i in 0..<rows.count where test(rows[i]) { out.append(roster.ids[i]) }
        }
        return out
    }

    /// One test for all filters, or nil when a filter names something no file has.
    static func predicate(_ filters: [RosterFilter], _ roster: Roster, on date: LocalDate, settings: RosterSettings) -> ((CadreFacts) -> Bool)? {
        let elderlyBy = Int32(date.anniversary(in: date.year - settings.elderlyAge).dayNumber)
        typealias F = CadreFacts.Flag
        var tests: [(CadreFacts) -> Bool] = []
        if filters.isEmpty { tests.append { $0.flags & F.deceased == 0 } }
        for filter in filters {
            if case .named(.deceased) = filter {
                tests.append { $0.flags & F.deceased != 0 }
                continue
            }
            tests.append { $0.flags & F.deceased == 0 }
            func flag(_ f: UInt16) { tests.append { $0.flags & f != 0 } }
            func interned(_ s: String, _ key: KeyPath<CadreFacts, Int32>) -> Bool {
                guard let n = roster.interned.lookup(s) else { return false }
                tests.append { $0[keyPath: key] == n }
                return true
            }
            switch filter {
            case .named(let l):
                switch l {
                case .ill: flag(F.ill)
                case .widowed: flag(F.widowed)
                case .alone: flag(F.alone)
                case .emptyNest: flag(F.emptyNest)
                case .dependent: flag(F.dependent)
                case .hardship: flag(F.hardship)
                case .hospitalised: flag(F.hospitalised)
                case .elsewhere: flag(F.elsewhere)
                case .lixiu: flag(F.lixiu)
                case .tuixiu: tests.append { $0.flags & F.lixiu == 0 }
                case .cared: flag(F.cared)
                case .elderly: tests.append { $0.birthDay <= elderlyBy }
                case .doubleHigh: tests.append { $0.birthDay <= elderlyBy && $0.flags & F.ill != 0 }
                case .deceased: break
                }
            case .careLevel(let n): let v = Int8(clamping: n); tests.append { $0.careLevel == v && $0.flags & F.cared != 0 }
            case .community(let s): if !interned(s, \.community) { return nil }
            case .workUnit(let s): if !interned(s, \.workUnit) { return nil }
            case .partyBranch(let s): if !interned(s, \.partyBranch) { return nil }
            case .contact(let s): if !interned(s.raw, \.contact) { return nil }
            case .category(let k): tests.append { $0.category == k }
            case .rank(let r): tests.append { $0.rank == r }
            }
        }
        return { row in tests.allSatisfy { $0(row) } }
    }
}
