/// The roster as it stood at the end of a day: sizes of the named lists, the
/// living cadres by category and rank band, and average ages — what the
/// dashboard compares between a period's start and its end.
///
/// The state fields (health, living, marital status, hardship, care level,
/// hospital, living elsewhere, death, widowhood) are taken back to the date
/// by replaying only the file's changes dated up to it, each dated by its
/// effective date (status events) or the day it was recorded (edits). Category, rank, birth
/// date and the like are corrections, not events in a life: the file's
/// current value counts for every date. A file counts from before the log
/// began (adding a file records someone already retired), so adding one
/// changes no earlier figure. Most files have no later change: they are
/// counted from the compact list rows (`RosterLists.counts`), and only the
/// few with one are rebuilt.
public struct RosterSnapshot: Sendable, Hashable {
    public var date: LocalDate
    public var lists: [NamedList: Int]
    public var byCategory: [CadreCategory: Int]
    public var byRank: [RankBand: Int]
    /// Living cadres and the sum of their ages, all and per category.
    public var living: Int
    public var ageSum: Int
    public var ageSumByCategory: [CadreCategory: Int]

    public var averageAge: Double? { living == 0 ? nil : Double(ageSum) / Double(living) }
    public func averageAge(_ k: CadreCategory) -> Double? {
        let n = byCategory[k] ?? 0
        return n == 0 ? nil : Double(ageSumByCategory[k] ?? 0) / Double(n)
    }
}

extension DeskState {
    /// The roster at the end of `date`.
    public func rosterSnapshot(on date: LocalDate) -> RosterSnapshot {
        var snap = RosterSnapshot(date: date, lists: [:], byCategory: [:], byRank: [:], living: 0, ageSum: 0, ageSumByCategory: [:])
        for c in RosterLists.counts(in: self, on: date) {
            switch c.filter {
            case .named(let l): snap.lists[l] = c.count
            case .category(let k): snap.byCategory[k] = c.count
            case .rank(let r): snap.byRank[r] = c.count
            default: break
            }
        }
        // Files whose state on `date` differs from today's: take today's facts out, put that day's in.
        let settings = self.settings.roster
        for now in filesChanged(after: date) {
            let then = roster.asOf(now, date)
            for l in NamedList.allCases {
                let a = RosterLists.contains(l, now, on: date, settings: settings), b = RosterLists.contains(l, then, on: date, settings: settings)
                if a != b { snap.lists[l, default: 0] += b ? 1 : -1 }
            }
            if !now.isDeceased {
                snap.byCategory[now.category, default: 0] -= 1
                snap.byRank[now.rank, default: 0] -= 1
            }
            if !then.isDeceased {
                snap.byCategory[then.category, default: 0] += 1
                snap.byRank[then.rank, default: 0] += 1
            }
        }
        snap.byCategory = snap.byCategory.filter { $0.value != 0 }
        snap.byRank = snap.byRank.filter { $0.value != 0 }
        // Ages: every file alive on the date (death is the only fact they depend on).
        let day = Int32(date.dayNumber)
        roster.facts.withUnsafeBufferPointer { rows in
            for f in rows where f.deathDay > day {
                let age = LocalDate(dayNumber: Int(f.birthDay)).age(on: date)
                snap.living += 1
                snap.ageSum += age
                snap.ageSumByCategory[f.category, default: 0] += age
            }
        }
        return snap
    }

    /// The cadres on `list` at the end of `date`, in file-number order.
    public func listMembers(_ list: NamedList, on date: LocalDate) -> [ID<Cadre>] {
        members(on: date, fastPath: RosterLists.ids([.named(list)], in: self, on: date)) {
            RosterLists.contains(list, $0, on: date, settings: settings.roster)
        }
    }

    /// Living cadres of a category or rank band (nil: all living) at the end of `date`.
    public func livingMembers(category: CadreCategory? = nil, rank: RankBand? = nil, on date: LocalDate) -> [ID<Cadre>] {
        var filters: [RosterFilter] = []
        if let category { filters.append(.category(category)) }
        if let rank { filters.append(.rank(rank)) }
        return members(on: date, fastPath: RosterLists.ids(filters, in: self, on: date)) { c in
            !c.isDeceased && (category.map { c.category == $0 } ?? true) && (rank.map { c.rank == $0 } ?? true)
        }
    }

    /// Today's members from the compact rows, corrected for the files that changed after `date`.
    private func members(on date: LocalDate, fastPath: [ID<Cadre>], _ test: (Cadre) -> Bool) -> [ID<Cadre>] {
        var out = Set(fastPath)
        for now in filesChanged(after: date) {
            if test(roster.asOf(now, date)) { out.insert(now.id) } else { out.remove(now.id) }
        }
        return out.sorted()
    }

    /// Files with a change (or a dated fact) after `date`.
    func filesChanged(after date: LocalDate) -> [Cadre] {
        let day = Int32(date.dayNumber)
        var out: [Cadre] = []
        roster.facts.withUnsafeBufferPointer { rows in
            for i in rows.indices where rows[i].lastLifeDay > day {
                if let c = roster.byID[roster.ids[i]] { out.append(c) }
            }
        }
        return out
    }
}

extension Roster {
    /// The fields a change to which is a change in the cadre's life (not a correction).
    static let undoable: Set<String> = ["health", "living", "marital", "hardship", "careLevel",
                                        "hospitalisedSince", "livingElsewhere", "deceasedOn", "widowedOn"]

    /// The day a change counts from: its effective date, else the day it was recorded.
    static func day(of change: CadreChange) -> LocalDate { change.effective ?? change.at.date }

    /// `CadreFacts.lastLifeDay` of a file: its dated facts and the days its
    /// life changes count from. Effective dates need not follow the order of
    /// recording: every change is looked at.
    static func lastLifeDay(_ c: Cadre, _ changes: [CadreChange]) -> Int32 {
        var last = Int32.min
        for d in [c.deceasedOn, c.hospitalisedSince, c.livingElsewhere?.since, c.widowedOn] {
            if let d { last = max(last, Int32(d.dayNumber)) }
        }
        for change in changes where undoable.contains(change.field) { last = max(last, Int32(day(of: change).dayNumber)) }
        return last
    }

    /// `c` as it stood at the end of `date` (state fields only; see `RosterSnapshot`):
    /// the file's changes replayed in the order recorded, leaving out those
    /// dated after `date` — so a change entered late for an earlier date
    /// counts from its own date.
    func asOf(_ c: Cadre, _ date: LocalDate) -> Cadre {
        var old = c
        let history = (changes[c.id] ?? []).filter { Roster.undoable.contains($0.field) }
        for change in history.reversed() { Roster.set(change.field, change.from, on: &old) }
        for change in history where Roster.day(of: change) <= date { Roster.set(change.field, change.to, on: &old) }
        // Facts written into the file when it was created carry their own dates.
        if let d = old.deceasedOn, d > date { old.deceasedOn = nil }
        if let h = old.hospitalisedSince, h > date { old.hospitalisedSince = nil }
        if let e = old.livingElsewhere, e.since > date { old.livingElsewhere = nil }
        if let w = old.widowedOn, w > date { old.widowedOn = nil }
        return old
    }

    /// Sets a state field from its raw value as `CadreChange` keeps it.
    static func set(_ field: String, _ v: String?, on c: inout Cadre) {
        switch field {
        case "health": if let x = v.flatMap(HealthStatus.init(rawValue:)) { c.health = x }
        case "living": if let x = v.flatMap(LivingSituation.init(rawValue:)) { c.living = x }
        case "marital": if let x = v.flatMap(MaritalStatus.init(rawValue:)) { c.marital = x }
        case "hardship": c.hardship = v == "true"
        case "careLevel": c.careLevel = v.flatMap { Int($0) }
        case "hospitalisedSince": c.hospitalisedSince = v.flatMap { LocalDate($0) }
        case "deceasedOn": c.deceasedOn = v.flatMap { LocalDate($0) }
        case "widowedOn": c.widowedOn = v.flatMap { LocalDate($0) }
        case "livingElsewhere":
            // Kept as "2026-03-01 随女儿在北京居住".
            c.livingElsewhere = v.flatMap { text in
                LocalDate(String(text.prefix(10))).map { Elsewhere(since: $0, place: String(text.dropFirst(11))) }
            }
        default: break
        }
    }
}
