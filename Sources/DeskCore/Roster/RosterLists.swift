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
        ids(filters, in: state, on: date).compactMap { state.roster[$0] }
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
        let roster = state.roster
        let elderlyBy = Int32(date.anniversary(in: date.year - state.settings.roster.elderlyAge).dayNumber)
        typealias F = CadreFacts.Flag
        let flagged: [(NamedList, UInt16)] = [(.ill, F.ill), (.widowed, F.widowed), (.alone, F.alone), (.emptyNest, F.emptyNest),
                                              (.dependent, F.dependent), (.hardship, F.hardship), (.hospitalised, F.hospitalised),
                                              (.elsewhere, F.elsewhere), (.lixiu, F.lixiu), (.cared, F.cared)]
        var named = [NamedList: Int]()
        var byFlag = [Int](repeating: 0, count: 16)
        var elderly = 0, doubleHigh = 0, deceased = 0, tuixiu = 0
        // Tallies by interned number (arrays, not dictionaries: this runs whenever the roster screen refreshes).
        let words = roster.interned.values
        var care = [Int](repeating: 0, count: 128), community = [Int](repeating: 0, count: words.count)
        var unit = community, branch = community, contact = community
        var category: [CadreCategory: Int] = [:], rank: [RankBand: Int] = [:]
        var lixiu = 0, byRank = [Int](repeating: 0, count: RankBand.allCases.count)
        for f in roster.facts {
            if f.flags & F.deceased != 0 { deceased += 1; continue }
            for b in 0..<11 where f.flags & (1 << UInt16(b)) != 0 { byFlag[b] += 1 }
            if f.flags & F.lixiu == 0 { tuixiu += 1 }
            if f.birthDay <= elderlyBy {
                elderly += 1
                if f.flags & F.ill != 0 { doubleHigh += 1 }
            }
            if f.flags & F.cared != 0, f.careLevel >= 0 { care[Int(f.careLevel)] += 1 }
            community[Int(f.community)] += 1
            unit[Int(f.workUnit)] += 1
            branch[Int(f.partyBranch)] += 1
            contact[Int(f.contact)] += 1
            if f.category == .lixiu { lixiu += 1 }
            byRank[RankBand.allCases.firstIndex(of: f.rank)!] += 1
        }
        if lixiu > 0 { category[.lixiu] = lixiu }
        if tuixiu > 0 { category[.tuixiu] = tuixiu }
        for (i, r) in RankBand.allCases.enumerated() where byRank[i] > 0 { rank[r] = byRank[i] }
        for (l, flag) in flagged { named[l] = byFlag[flag.trailingZeroBitCount] }
        named[.elderly] = elderly
        named[.doubleHigh] = doubleHigh
        named[.deceased] = deceased
        named[.tuixiu] = tuixiu
        var groups: [RosterFilter: Int] = [:]
        for (k, v) in care.enumerated() where v > 0 { groups[.careLevel(k)] = v }
        // Number 0 is the empty string: no community, unit, branch or contact.
        for k in 1..<words.count {
            if community[k] > 0 { groups[.community(words[k])] = community[k] }
            if unit[k] > 0 { groups[.workUnit(words[k])] = unit[k] }
            if branch[k] > 0 { groups[.partyBranch(words[k])] = branch[k] }
            if contact[k] > 0 { groups[.contact(ID(words[k]))] = contact[k] }
        }
        for (k, v) in category { groups[.category(k)] = v }
        for (k, v) in rank { groups[.rank(k)] = v }
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
        // The tie-break is the group's own word (an interpolated enum, "\(filter)",
        // went through reflection on every comparison: over a third of a roster
        // snapshot's time in a profile).
        func word(_ f: RosterFilter) -> String {
            switch f {
            case .community(let s), .workUnit(let s), .partyBranch(let s): return s
            case .contact(let id): return id.raw
            case .named(let l): return l.rawValue
            case .category(let k): return k.rawValue
            case .rank(let r): return r.rawValue
            case .careLevel(let k): return String(k)
            }
        }
        out += groups.map { Count(filter: $0.key, count: $0.value) }.sorted {
            let (a, b) = (order($0.filter), order($1.filter))
            if a != b { return a < b }
            if case .careLevel(let x) = $0.filter, case .careLevel(let y) = $1.filter { return x < y }
            if $0.count != $1.count { return $0.count > $1.count }
            return word($0.filter) < word($1.filter)
        }
        return out
    }
}
