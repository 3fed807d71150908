import DeskLog
/// What kind of contact a visit was. The raw values are the log format; the
/// order of `allCases` is the compact in-memory code, so new kinds go last.
public enum VisitKind: String, Sendable, Codable, CaseIterable, Hashable {
    case home        // 上门走访
    case phone       // 电话联系
    case hospital    // 医院看望
    case festival    // 节日慰问
    case birthday    // 生日祝寿
    case study       // 送学上门
    case comfort     // 精神慰藉
    case condolence  // 吊唁
    case other

    var code: UInt8 { VisitKind.codes[self]! }
    init(code: UInt8) { self = VisitKind.allCases[Int(code)] }
    private static let codes = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, UInt8($0)) })

    /// A bit set of kinds (bit = code), for the rules' "latest visit of these kinds".
    static func mask(_ kinds: [VisitKind]) -> UInt16 { kinds.reduce(0) { $0 | 1 << UInt16($1.code) } }

    /// Seen face to face (everything but a phone call and "other").
    public var isInPerson: Bool { self != .phone && self != .other }
    public var catalogKey: String { "visits.kind.\(rawValue)" }
}

/// Why the visit was made: the must-visit occasions (六必访, 五必访一联系) or routine.
public enum VisitOccasion: String, Sendable, Codable, CaseIterable, Hashable {
    case birthday       // 生日
    case festival       // 节日
    case illness        // 生病住院
    case difficulty     // 遇到困难
    case bereavement    // 丧葬吊唁
    case problem        // 反映问题
    case newLeadership  // 新领导上任
    case elsewhere      // 异地居住
    case routine        // 日常

    var code: UInt8 { VisitOccasion.codes[self]! }
    init(code: UInt8) { self = VisitOccasion.allCases[Int(code)] }
    private static let codes = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, UInt8($0)) })

    public var catalogKey: String { "visits.occasion.\(rawValue)" }
}

/// The subject of `ID<Visit>` (`V000123`); the details live in `VisitRecord`.
public enum Visit {
    static let prefix = "V"
    static let width = 6

    static func id(serial: Int) -> ID<Visit> {
        let digits = String(serial)
        return ID(prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits)
    }

    /// The number in `V000123`, or nil for an id this build did not make.
    static func serial(of id: ID<Visit>) -> Int? {
        guard id.raw.hasPrefix(prefix), let n = Int(id.raw.dropFirst(prefix.count)), n > 0, n < Int(Int32.max) else { return nil }
        return n
    }
}

/// Everything recorded about one visit: the `data` of `visit.logged` and
/// `visit.amended`. Free text stays in the log; memory keeps a compact row.
public struct VisitRecord: Sendable, Codable, Hashable {
    public var id: ID<Visit>
    /// One cadre, or several for a group visit (e.g. a festival gathering).
    public var cadres: [ID<Cadre>]
    /// One or two staff (visits are often made in pairs).
    public var staff: [ID<Staff>]
    /// When the visit took place (business time, not when it was typed).
    public var at: LocalDateTime
    public var kind: VisitKind
    public var occasion: VisitOccasion
    /// What was learned (情况了解).
    public var learned: String
    /// Needs raised, in order; a need's index is stable (a hotline ticket may
    /// point at (visit id, index)), so amendments only append to this list.
    public var needs: [String]
    /// Gifts handed over (慰问品), as written.
    public var gifts: String
    /// Money handed over to each cadre (慰问金), exact; zero for none.
    public var moneyEach: Money
    /// A later contact is due by this date (回访).
    public var followUp: LocalDate?

    public init(id: ID<Visit>, cadres: [ID<Cadre>], staff: [ID<Staff>], at: LocalDateTime, kind: VisitKind,
                occasion: VisitOccasion, learned: String = "", needs: [String] = [], gifts: String = "",
                moneyEach: Money = .zero, followUp: LocalDate? = nil) {
        self.id = id
        self.cadres = cadres
        self.staff = staff
        self.at = at
        self.kind = kind
        self.occasion = occasion
        self.learned = learned
        self.needs = needs
        self.gifts = gifts
        self.moneyEach = moneyEach
        self.followUp = followUp
    }
}

extension VisitRecord {
    /// Reads a record straight from the JSON tree. The Codable path looks up
    /// generic containers at run time for every record, which was most of
    /// the time to open a log of a million visits. Same keys (`CodingKeys`)
    /// and the same refusals as `init(from:)`: a test holds the two together.
    init(json: JSON) throws {
        let f = try JSONFields(json, at: [])
        func key(_ k: CodingKeys) -> String { k.stringValue }
        id = ID(try f.string(key(.id)))
        cadres = try f.strings(key(.cadres)).map { ID($0) }
        staff = try f.strings(key(.staff)).map { ID($0) }
        at = try f.parsed(key(.at), "date-time") { LocalDateTime($0) }
        kind = try f.parsed(key(.kind), "visit kind") { VisitKind(rawValue: $0) }
        occasion = try f.parsed(key(.occasion), "visit occasion") { VisitOccasion(rawValue: $0) }
        learned = try f.string(key(.learned))
        needs = try f.strings(key(.needs))
        gifts = try f.string(key(.gifts))
        moneyEach = Money(fen: try f.int(key(.moneyEach)))
        followUp = try f.optionalParsed(key(.followUp), "date") { LocalDate($0) }
    }
}
