/// The named lists staff pull daily (患病名单, 独居名单 …), derived from the
/// files on a given date — never stored twice. Deceased cadres are in no list
/// but `.deceased`.
public enum NamedList: String, Sendable, CaseIterable, Hashable, Codable {
    /// 患病: health 慢病, 患病住院 or 生活不能自理, or in hospital now.
    case ill
    /// 丧偶: marital status widowed.
    case widowed
    /// 独居: living alone.
    case alone
    /// 空巢: empty nest (with spouse, no children at home).
    case emptyNest
    /// 生活不能自理: cannot look after themselves.
    case dependent
    /// 经济困难
    case hardship
    /// 高龄: age ≥ settings.elderlyAge.
    case elderly
    /// 双高期: 高龄 and 患病.
    case doubleHigh
    /// 住院: in hospital now.
    case hospitalised
    /// 异地居住: living in another place now.
    case elsewhere
    /// 离休 cadres.
    case lixiu
    /// 退休 cadres.
    case tuixiu
    /// Any care level.
    case cared
    /// 已故
    case deceased
}

/// A filter for the roster list: a named list or one of the groupings.
public enum RosterFilter: Sendable, Hashable {
    case named(NamedList)
    case careLevel(Int)
    case community(String)
    case workUnit(String)
    case partyBranch(String)
    case contact(ID<Staff>)
    case category(CadreCategory)
    case rank(RankBand)
}

public enum RosterLists {
    /// Is `c` on `list` on `date`?
    public static func contains(_ list: NamedList, _ c: Cadre, on date: LocalDate, settings: RosterSettings) -> Bool {
        if list == .deceased { return c.isDeceased }
        if c.isDeceased { return false }
        switch list {
        case .ill: return isIll(c)
        case .widowed: return c.marital == .widowed
        case .alone: return c.living == .alone
        case .emptyNest: return c.living == .emptyNest
        case .dependent: return c.health == .dependent
        case .hardship: return c.hardship
        case .elderly: return c.age(on: date) >= settings.elderlyAge
        case .doubleHigh: return c.age(on: date) >= settings.elderlyAge && isIll(c)
        case .hospitalised: return c.hospitalisedSince != nil
        case .elsewhere: return c.livingElsewhere != nil
        case .lixiu: return c.category == .lixiu
        case .tuixiu: return c.category == .tuixiu
        case .cared: return c.careLevel != nil
        case .deceased: return true
        }
    }

    static func isIll(_ c: Cadre) -> Bool { c.health != .healthy || c.hospitalisedSince != nil }

    public static func matches(_ f: RosterFilter, _ c: Cadre, on date: LocalDate, settings: RosterSettings) -> Bool {
        if case .named(let l) = f { return contains(l, c, on: date, settings: settings) }
        if c.isDeceased { return false }
        switch f {
        case .named: return false
        case .careLevel(let n): return c.careLevel == n
        case .community(let s): return c.community == s
        case .workUnit(let s): return c.workUnit == s
        case .partyBranch(let s): return c.partyBranch == s
        case .contact(let s): return c.contact == s
        case .category(let k): return c.category == k
        case .rank(let r): return c.rank == r
        }
    }

    /// Files passing every filter (none: all living cadres), in file-number order.
    public static func members(_ filters: [RosterFilter], in state: DeskState, on date: LocalDate) -> [Cadre] {
        let settings = state.settings.roster
        return state.roster.all.filter { c in
            filters.isEmpty ? !c.isDeceased : filters.allSatisfy { matches($0, c, on: date, settings: settings) }
        }
    }

    /// One line of the roster screen's list chooser: "独居 37 人".
    public struct Count: Sendable, Hashable {
        public var filter: RosterFilter
        public var count: Int
    }

    /// Every named list with its size, then every care level, community,
    /// work unit, party branch, contact person, category and rank band in
    /// use (largest first within a grouping), counted in one pass.
    public static func counts(in state: DeskState, on date: LocalDate) -> [Count] {
        let settings = state.settings.roster
        var named = [NamedList: Int]()
        var groups: [RosterFilter: Int] = [:]
        for c in state.roster.byID.values {
            for l in NamedList.allCases where contains(l, c, on: date, settings: settings) { named[l, default: 0] += 1 }
            if c.isDeceased { continue }
            if let n = c.careLevel { groups[.careLevel(n), default: 0] += 1 }
            if !c.community.isEmpty { groups[.community(c.community), default: 0] += 1 }
            if !c.workUnit.isEmpty { groups[.workUnit(c.workUnit), default: 0] += 1 }
            if !c.partyBranch.isEmpty { groups[.partyBranch(c.partyBranch), default: 0] += 1 }
            if let s = c.contact { groups[.contact(s), default: 0] += 1 }
            groups[.category(c.category), default: 0] += 1
            groups[.rank(c.rank), default: 0] += 1
        }
        var out = NamedList.allCases.map { Count(filter: .named($0), count: named[$0] ?? 0) }
        func order(_ f: RosterFilter) -> Int {
            switch f {
            case .named: return 0
            case .category: return 1
            case .rank: return 2
            case .careLevel: return 3
            case .contact: return 4
            case .community: return 5
            case .workUnit: return 6
            case .partyBranch: return 7
            }
        }
        out += groups.map { Count(filter: $0.key, count: $0.value) }.sorted {
            let (a, b) = (order($0.filter), order($1.filter))
            if a != b { return a < b }
            if case .careLevel(let x) = $0.filter, case .careLevel(let y) = $1.filter { return x < y }
            if $0.count != $1.count { return $0.count > $1.count }
            return "\($0.filter)" < "\($1.filter)"
        }
        return out
    }
}
