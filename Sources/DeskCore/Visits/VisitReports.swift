/// Figures for the supervisors' dashboard and reports (周例会、月检查、季总结).
///
/// Must-visit occasions, precisely: an occasion belongs to a period when its
/// deadline (`by`) falls in it. It was met **on time** if a qualifying,
/// non-voided visit is dated in its window `from…by`; **late** if the first
/// one is dated after `by` but within the lapse period (`lapseDays`, for
/// festivals `festivalLapseDays`); **missed** if there was none by then;
/// **open** while that can still change (the date asked about is not past the
/// lapse period). Visits dated after `asOf` are not counted. Occasions are
/// birthdays, festivals, hospital admissions, bereavements, deaths
/// (condolence) and follow-up dates; care-level intervals and the monthly
/// contact are measured by coverage instead. Hospital admissions and deaths
/// come from the cadre's file as it is now (the current admission only).
extension DeskState {
    public func mustVisitOccasions(in period: Period, asOf: LocalDate) -> [OccasionResult] {
        let v = settings.visits
        let birthdayMask = VisitKind.mask(v.birthdayKinds), hospitalMask = VisitKind.mask(v.hospitalKinds)
        let festivalMask = VisitKind.mask([.festival]), condolenceMask = VisitKind.mask([.condolence])
        let contactMask = VisitKind.mask(v.contactKinds)
        let bereavement = VisitOccasion.bereavement.code, festivalOccasion = VisitOccasion.festival.code
        var festivalDays: [(FestivalRule, LocalDate)] = []
        for rule in v.festivals {
            for y in period.start.year...period.end.year {
                for d in FestivalCalendar.dates(of: rule, in: y) where period.contains(d) { festivalDays.append((rule, d)) }
            }
        }
        var out: [OccasionResult] = []

        func judge(_ rule: DueRule, _ cadre: ID<Cadre>, _ track: CadreTrack, from: LocalDate, by: LocalDate, lapse: Int,
                   match: (VisitRow) -> Bool) -> OccasionResult {
            let first = firstVisit(in: track, from: from.dayNumber * 1440, through: asOf, where: match)
            return OccasionResult(cadre: cadre, rule: rule, from: from, by: by, first: first, lapse: lapse, asOf: asOf)
        }
        func date(_ day: Int32) -> LocalDate? { day == CadreFacts.noDay ? nil : LocalDate(dayNumber: Int(day)) }

        // Each result's place in the order (day, cadre, rule), as small numbers:
        // sorting by the ids' text was a third of the time for a year.
        let ranks = roster.rankInIDOrder()
        var keys: [(day: Int, cadre: Int)] = []
        func keep(_ results: ArraySlice<OccasionResult>, cadreRank: Int) {
            for r in results { keys.append((r.by.dayNumber, cadreRank << 8 | DueRule.rankByName[r.rule]!)) }
        }
        // From the compact rows, not the files (copying a file per cadre was a
        // fifth of the time); the cadre's visits are lent, not copied.
        let facts = roster.facts
        for (slot, id) in roster.ids.enumerated() {
            let f = facts[slot]
            func alive(on d: LocalDate) -> Bool { Int(f.deathDay) > d.dayNumber }
            let before = out.count
            visits.withTrack(of: id) { track in
                let born = LocalDate(dayNumber: Int(f.birthDay))
                if alive(on: period.start), let b = Self.birthday(born: born, in: period), alive(on: b) {
                    var r = judge(.birthday, id, track, from: b.adding(days: -v.birthdayLeadDays), by: b, lapse: v.lapseDays) {
                        $0.isKind(in: birthdayMask)
                    }
                    r.age = b.year - born.year
                    r.milestone = v.milestoneAges.contains(r.age!)
                    out.append(r)
                }
                for k in festivalDays.indices where festivalDays[k].0.audience.includes(f) && alive(on: festivalDays[k].1) {
                    let day = festivalDays[k].1
                    let elsewhere = Int(f.elsewhereDay) <= day.dayNumber
                    var r = judge(.festival, id, track, from: day.adding(days: -v.festivalWindowDays), by: day, lapse: v.festivalLapseDays) {
                        $0.isKind(in: festivalMask) || (elsewhere && $0.occasion == festivalOccasion)
                    }
                    r.festival = festivalDays[k].0.id
                    out.append(r)
                }
                if let a = date(f.hospitalDay), period.contains(a.adding(days: v.hospitalDays)) {
                    out.append(judge(.hospital, id, track, from: a, by: a.adding(days: v.hospitalDays), lapse: v.lapseDays) {
                        $0.isKind(in: hospitalMask)
                    })
                }
                if let w = date(f.widowedDay), alive(on: w), period.contains(w.adding(days: v.bereavementDays)) {
                    out.append(judge(.bereavement, id, track, from: w, by: w.adding(days: v.bereavementDays), lapse: v.lapseDays) {
                        $0.isKind(in: condolenceMask) || $0.occasion == bereavement
                    })
                }
                if let d = date(f.deathDay), period.contains(d.adding(days: v.bereavementDays)) {
                    out.append(judge(.condolence, id, track, from: d, by: d.adding(days: v.bereavementDays), lapse: v.lapseDays) {
                        $0.isKind(in: condolenceMask) || $0.occasion == bereavement
                    })
                }
            }
            keep(out[before...], cadreRank: ranks[slot])
        }

        // Follow-ups: visits whose follow-up date falls in the period; met by a
        // later contact (any contact kind) with the same cadre.
        let book = visits
        var day = Int32(period.start.adding(days: -366).dayNumber)
        while day <= Int32(period.end.dayNumber) {
            for r in book.byDay[day] ?? [] {
                let row = book.rows[Int(r)]
                guard !row.isVoided, row.followUp != VisitRow.none,
                      period.contains(LocalDate(dayNumber: Int(row.followUp))) else { continue }
                let by = LocalDate(dayNumber: Int(row.followUp))
                for ci in book.cadres(ofRow: r) {
                    guard let c = roster[book.cadreIDs[Int(ci)]] else { continue }
                    let first = firstVisit(of: c.id, from: Int(row.stamp) + 1, through: asOf) {
                        $0.isKind(in: contactMask)
                    }
                    var result = OccasionResult(cadre: c.id, rule: .followUp, from: LocalDate(dayNumber: Int(row.day)), by: by,
                                                first: first, lapse: v.lapseDays, asOf: asOf)
                    result.relatedVisit = book.summary(row: r).id
                    out.append(result)
                    keep(out[(out.count - 1)...], cadreRank: roster.factsSlot[c.id].map { ranks[$0] } ?? Int.max >> 8)
                }
            }
            day += 1
        }
        // Sort small keys, then move each (large) result once.
        return out.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }.map { out[$0] }
    }

    /// Coverage: for each month of the period, how many cadres alive the whole
    /// month had at least one contact (a call or any face-to-face visit, as
    /// `contactKinds`), and how many alive throughout had one in every month.
    public func contactCoverage(in period: Period) -> ContactCoverage {
        let months = period.months.map { Period(start: max($0, period.start), end: min($0.lastOfMonth, period.end)) }
        let contactMask = VisitKind.mask(settings.visits.contactKinds)
        var living = [Int](repeating: 0, count: months.count), contacted = living
        var allLiving = 0, allContacted = 0
        // One walk over each cadre's visits in the period marks the months with a
        // contact (the months are consecutive and the track is in time order).
        let ends = months.map { $0.end.dayNumber }
        let startStamp = period.start.dayNumber * 1440, endDay = period.end.dayNumber
        let rows = visits.rows
        var hit = [Bool](repeating: false, count: months.count)
        // The compact rows (id and day of death) rather than whole files: a
        // file copied per cadre cost more than the walk over its visits.
        let facts = roster.facts
        for (f, id) in roster.ids.enumerated() {
            for i in hit.indices { hit[i] = false }
            if !months.isEmpty { visits.withTrack(of: id) { t in
                var lo = 0, hi = t.rows.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if Int(rows[Int(t.rows[mid])].stamp) < startStamp { lo = mid + 1 } else { hi = mid }
                }
                var m = 0
                for k in lo..<t.rows.count {
                    let row = rows[Int(t.rows[k])]
                    let d = Int(row.day)
                    if d > endDay { break }
                    if row.isVoided || !row.isKind(in: contactMask) { continue }
                    while d > ends[m] { m += 1 }
                    hit[m] = true
                }
            } }
            var every = true
            var aliveThroughout = true
            let death = Int(facts[f].deathDay)
            for i in months.indices {
                guard death > ends[i] else { aliveThroughout = false; every = false; continue }
                living[i] += 1
                if hit[i] { contacted[i] += 1 } else { every = false }
            }
            if aliveThroughout {
                allLiving += 1
                if every { allContacted += 1 }
            }
        }
        return ContactCoverage(months: months.indices.map {
            ContactCoverage.Month(month: months[$0].start.firstOfMonth, living: living[$0], contacted: contacted[$0])
        }, livingThroughout: allLiving, contactedEveryMonth: allContacted)
    }

    /// Visits in a period by kind, occasion and staff (each of a pair counts
    /// the visit), with cadre-visits and money handed over. Voided ones are left out.
    public func visitTotals(in period: Period) -> VisitTotals {
        var t = VisitTotals()
        let book = visits
        // Counted by code in flat arrays (a dictionary update per visit is
        // most of the cost over a year), turned into dictionaries at the end.
        var kinds = [Int](repeating: 0, count: VisitKind.allCases.count)
        var occasions = [Int](repeating: 0, count: VisitOccasion.allCases.count)
        var staff = [Int](repeating: 0, count: book.staffIDs.count)
        var fen: Int64 = 0
        var d = Int32(period.start.dayNumber)
        while d <= Int32(period.end.dayNumber) {
            for r in book.byDay[d] ?? [] {
                let row = book.rows[Int(r)]
                if row.isVoided { continue }
                let cadres = row.flags & VisitRow.group != 0 ? book.cadres(ofRow: r).count : 1
                t.visits += 1
                t.cadreVisits += cadres
                fen += row.moneyEach * Int64(cadres)
                kinds[Int(row.kind)] += 1
                occasions[Int(row.occasion)] += 1
                if row.staff1 != VisitRow.noStaff { staff[Int(row.staff1)] += 1 }
                if row.staff2 != VisitRow.noStaff { staff[Int(row.staff2)] += 1 }
            }
            d += 1
        }
        t.money = Money(fen: fen)
        for (code, n) in kinds.enumerated() where n > 0 { t.byKind[VisitKind(code: UInt8(code))] = n }
        for (code, n) in occasions.enumerated() where n > 0 { t.byOccasion[VisitOccasion(code: UInt8(code))] = n }
        for (i, n) in staff.enumerated() where n > 0 { t.byStaff[book.staffIDs[i], default: 0] += n }
        return t
    }

    /// Day of the cadre's first non-voided visit at or after `stamp` (minutes)
    /// and on or before `through` that `match`es.
    func firstVisit(of cadre: ID<Cadre>, from stamp: Int, through: LocalDate, where match: (VisitRow) -> Bool) -> LocalDate? {
        visits.withTrack(of: cadre) { firstVisit(in: $0, from: stamp, through: through, where: match) }
    }

    func firstVisit(in track: CadreTrack, from stamp: Int, through: LocalDate, where match: (VisitRow) -> Bool) -> LocalDate? {
        let rows = visits.rows
        var lo = 0, hi = track.rows.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(rows[Int(track.rows[mid])].stamp) < stamp { lo = mid + 1 } else { hi = mid }
        }
        for i in lo..<track.rows.count {
            let row = rows[Int(track.rows[i])]
            if Int(row.day) > through.dayNumber { break }
            if !row.isVoided, match(row) { return LocalDate(dayNumber: Int(row.day)) }
        }
        return nil
    }
}

public enum OccasionOutcome: String, Sendable, Hashable, CaseIterable {
    case onTime, late, missed, open
}

public struct OccasionResult: Sendable, Hashable {
    public var cadre: ID<Cadre>
    public var rule: DueRule
    public var from: LocalDate
    public var by: LocalDate
    /// Day of the first qualifying visit (within the lapse period).
    public var metOn: LocalDate?
    public var outcome: OccasionOutcome
    public var age: Int?
    public var milestone = false
    public var festival: String?
    public var relatedVisit: ID<Visit>?

    /// Judged by the first qualifying visit (`first`), as the definition above says.
    init(cadre: ID<Cadre>, rule: DueRule, from: LocalDate, by: LocalDate, first: LocalDate?, lapse: Int, asOf: LocalDate) {
        self.cadre = cadre
        self.rule = rule
        self.from = from
        self.by = by
        let limit = by.adding(days: lapse)
        metOn = first.flatMap { $0 <= limit ? $0 : nil }
        if let d = metOn { outcome = d <= by ? .onTime : .late } else { outcome = asOf <= limit ? .open : .missed }
    }
}

public struct ContactCoverage: Sendable, Hashable {
    public struct Month: Sendable, Hashable {
        public var month: LocalDate
        public var living: Int
        public var contacted: Int
        public var percent: Double { living == 0 ? 0 : Double(contacted) * 100 / Double(living) }
    }
    public var months: [Month]
    /// Cadres alive through the whole period, and those among them contacted in every month.
    public var livingThroughout: Int
    public var contactedEveryMonth: Int
    public var percentEveryMonth: Double { livingThroughout == 0 ? 0 : Double(contactedEveryMonth) * 100 / Double(livingThroughout) }
}

public struct VisitTotals: Sendable, Hashable {
    public var visits = 0
    /// Visits counted once per cadre (a group visit to 12 counts 12).
    public var cadreVisits = 0
    /// 慰问金 handed over in all.
    public var money = Money.zero
    public var byKind: [VisitKind: Int] = [:]
    public var byOccasion: [VisitOccasion: Int] = [:]
    public var byStaff: [ID<Staff>: Int] = [:]
}
