/// Realistic visit history for a roster: monthly calls, care-level home
/// visits at their interval, birthday and festival greetings, hospital and
/// condolence visits, now and then a need or a follow-up. Deterministic for a
/// seeded generator. Used by the sample data (`items`) and the benchmarks.
public enum SampleVisits {
    /// The visits from `from` to `to` as batch items, in date order, each with
    /// its business time as `now` (so "not in the future" holds) and confirmed.
    public static func items(for state: DeskState, from: LocalDate, to: LocalDate,
                             rng: inout some RandomNumberGenerator) -> [Desk.BatchItem] {
        var g = Generator(state: state)
        var out: [Desk.BatchItem] = []
        var month = from.firstOfMonth
        while month <= to {
            let span = Period(start: max(month, from), end: min(month.lastOfMonth, to))
            for v in g.visits(in: span, rng: &rng) {
                out.append(Desk.BatchItem(LogVisit(v, confirmed: true), now: v.at))
            }
            month = month.adding(months: 1)
        }
        return out
    }

    /// Makes one period's visits at a time, remembering each cadre's last
    /// care-level visit between periods.
    struct Generator {
        let cadres: [Cadre]
        let staff: [ID<Staff>]
        let settings: VisitSettings
        let roster: RosterSettings
        private var nextCare: [ID<Cadre>: LocalDate] = [:]

        init(state: DeskState) {
            cadres = state.roster.byID.values.sorted { $0.id < $1.id }
            let visiting = state.staff.active.filter { $0.role.can(.logVisits) }.map(\.id)
            staff = visiting.isEmpty ? state.staff.active.map(\.id) : visiting
            settings = state.settings.visits
            roster = state.settings.roster
        }

        /// The visits in `span` (within one month), sorted by time.
        mutating func visits(in span: Period, rng: inout some RandomNumberGenerator) -> [VisitRecord] {
            guard !staff.isEmpty else { return [] }
            var out: [VisitRecord] = []
            var festivalDays: [LocalDate] = []
            for rule in settings.festivals where rule.audience == .lixiuAndCareLevel {
                for y in span.start.year...span.end.adding(days: settings.festivalWindowDays).year {
                    festivalDays += FestivalCalendar.dates(of: rule, in: y)
                }
            }
            for (i, c) in cadres.enumerated() {
                let me = c.contact ?? staff[i % staff.count]
                func at(_ d: LocalDate, _ rng: inout some RandomNumberGenerator) -> LocalDateTime {
                    LocalDateTime(d, LocalTime(Int.random(in: 8...17, using: &rng), Int.random(in: 0...59, using: &rng)))
                }
                func record(_ kind: VisitKind, _ occasion: VisitOccasion, _ d: LocalDate, _ rng: inout some RandomNumberGenerator) -> VisitRecord {
                    var v = VisitRecord(id: "", cadres: [c.id], staff: [me], at: at(d, &rng), kind: kind, occasion: occasion,
                                        learned: SampleVisits.notes.randomElement(using: &rng)!)
                    if kind != .phone, Int.random(in: 0..<10, using: &rng) < 3 {
                        let partner = staff[Int.random(in: 0..<staff.count, using: &rng)]
                        if partner != me { v.staff.append(partner) }
                    }
                    if Int.random(in: 0..<25, using: &rng) == 0 { v.needs = [SampleVisits.needs.randomElement(using: &rng)!] }
                    return v
                }
                if let died = c.deceasedOn, died < span.start.adding(days: -settings.bereavementDays) { continue }
                if let died = c.deceasedOn, died <= span.end {
                    let d = min(died.adding(days: Int.random(in: 0...2, using: &rng)), span.end)
                    if span.contains(d) { out.append(record(.condolence, .bereavement, d, &rng)) }
                    continue
                }
                let elsewhere = c.livingElsewhere != nil

                // The monthly call (most months), on a random day.
                if Int.random(in: 0..<10, using: &rng) < 9 {
                    let d = span.start.adding(days: Int.random(in: 0..<span.dayCount, using: &rng))
                    out.append(record(.phone, elsewhere ? .elsewhere : .routine, d, &rng))
                }
                // Care-level visits at their interval, a few days early or late.
                if let interval = roster.homeVisitInterval(level: c.careLevel) {
                    var next = nextCare[c.id] ?? span.start.adding(days: Int.random(in: 0..<interval, using: &rng))
                    while next <= span.end {
                        if next >= span.start { out.append(record(elsewhere ? .phone : .home, elsewhere ? .elsewhere : .routine, next, &rng)) }
                        next = next.adding(days: interval + Int.random(in: -3...3, using: &rng))
                    }
                    nextCare[c.id] = next
                }
                // Birthday greetings, mostly in the week before.
                // (A span lies within one month, so within one year.)
                for y in [span.start.year] where y > c.birthDate.year {
                    let b = c.birthDate.anniversary(in: y)
                    let d = b.adding(days: -Int.random(in: 0...settings.birthdayLeadDays, using: &rng))
                    if span.contains(d), Int.random(in: 0..<10, using: &rng) < 8 {
                        var v = record(.birthday, .birthday, d, &rng)
                        if settings.milestoneAges.contains(y - c.birthDate.year) { v.moneyEach = Money(fen: 100_000) }
                        out.append(v)
                    }
                }
                // Festival greetings to 离休 and care-level cadres.
                if c.category == .lixiu || c.careLevel != nil {
                    for f in festivalDays {
                        let d = f.adding(days: -Int.random(in: 0...settings.festivalWindowDays, using: &rng))
                        if span.contains(d), Int.random(in: 0..<10, using: &rng) < 9 {
                            var v = record(elsewhere ? .phone : .festival, .festival, d, &rng)
                            v.moneyEach = Money(fen: c.category == .lixiu ? 50_000 : 30_000)
                            v.gifts = "月饼一盒"
                            out.append(v)
                        }
                    }
                }
                // Hospital visit soon after admission.
                if let a = c.hospitalisedSince {
                    let d = a.adding(days: Int.random(in: 0...4, using: &rng))
                    if span.contains(d), Int.random(in: 0..<10, using: &rng) < 8 { out.append(record(.hospital, .illness, d, &rng)) }
                }
                // Now and then a home visit with a follow-up promised.
                if !elsewhere, Int.random(in: 0..<40, using: &rng) == 0 {
                    let d = span.start.adding(days: Int.random(in: 0..<span.dayCount, using: &rng))
                    var v = record(.home, [VisitOccasion.difficulty, .problem, .routine].randomElement(using: &rng)!, d, &rng)
                    v.followUp = d.adding(days: Int.random(in: 7...30, using: &rng))
                    out.append(v)
                }
            }
            out.sort { $0.at < $1.at }
            return out
        }
    }

    static let notes = [
        "身体状况良好,精神不错,对中心工作表示满意。",
        "血压偏高,按时服药,子女每周探望。",
        "反映小区电梯经常故障,上下楼不便。",
        "老伴身体不好,需要多关心。",
        "希望多组织书画活动。",
        "已电话联系女儿,了解近况,一切正常。",
        "行动不便,想了解上门助浴服务。",
        "",
    ]
    static let needs = [
        "咨询医疗费用报销流程",
        "家中热水器需要维修",
        "希望参加老年大学书法班",
        "申请上门助餐服务",
    ]
}
