import Testing
@testable import DeskCore

/// The supervisor's figures, checked against counts the test makes itself
/// from the raw visit records (not through the book's indexes).
@Suite struct VisitReportTests {
    /// 90 cadres of every kind, a year of generated visits, some voided, and
    /// 王芳 away this week with 李明 covering.
    static func world(today: LocalDate) -> VisitWorld {
        var w = VisitWorld()
        var rng = VisitBenchmarks.SeededGenerator(seed: 7)
        let staff = [VisitWorld.wang, VisitWorld.li, VisitWorld.zhao]
        for i in 0..<90 {
            let age = Int.random(in: 62...99, using: &rng)
            w.cadre(born: today.adding(days: -age * 365 - Int.random(in: 0..<365, using: &rng)), category: i % 9 == 0 ? .lixiu : .tuixiu,
                    care: [nil, nil, nil, 1, 2, 3].randomElement(using: &rng)!, contact: i % 17 == 0 ? nil : staff[i % 3]) { c in
                switch i % 10 {
                case 1: c.hospitalisedSince = today.adding(days: -Int.random(in: 0...9, using: &rng))
                case 2: c.livingElsewhere = Elsewhere(since: LocalDate(2024, 5, 1), place: "广州")
                case 3: c.deceasedOn = today.adding(days: -Int.random(in: 0...40, using: &rng))
                case 4: c.widowedOn = today.adding(days: -Int.random(in: 0...40, using: &rng))
                default: break
                }
            }
        }
        var g = SampleVisits.Generator(state: w.state)
        var month = LocalDate(2025, 11, 1)
        while month <= today {
            let span = Period(start: month, end: min(month.lastOfMonth, today))
            for v in g.visits(in: span, rng: &rng) {
                let id = w.visit(v.cadres, v.kind, v.occasion, on: v.at.date, at: v.at.time, staff: v.staff, followUp: v.followUp)
                if Int.random(in: 0..<15, using: &rng) == 0 { w.void(id) }
            }
            month = month.adding(months: 1)
        }
        w.absence(VisitWorld.wang, from: today.adding(days: -1), to: today.adding(days: 3), backup: VisitWorld.li)
        return w
    }

    @Test func perStaffOverdueCountsMatchACountMadeFromTheRawRecords() {
        let today = LocalDate(2026, 11, 23)
        let w = Self.world(today: today)
        for d in [today, LocalDate(2026, 10, 2), LocalDate(2026, 2, 10)] {
            let team = w.state.teamDay(on: d)
            var expected: [ID<Staff>?: Int] = [:]
            for c in w.state.roster.byID.values {
                let n = Self.naiveOverdue(c, w, on: d)
                if n > 0 { expected[Self.naiveAssignee(c.contact, w, on: d), default: 0] += n }
            }
            let actual = team.overdueByStaff.filter { $0.value > 0 }
            #expect(actual == expected, "on \(d)")
            #expect(expected.values.reduce(0, +) > 0, "the world has overdue work on \(d)")
        }
    }

    @Test func coverageCountsTheLivingCadresContactedEachMonth() {
        let today = LocalDate(2026, 11, 23)
        let w = Self.world(today: today)
        let period = Period(start: LocalDate(2026, 8, 1), end: LocalDate(2026, 10, 31))
        let coverage = w.state.contactCoverage(in: period)
        let contactKinds = VisitSettings().contactKinds
        var everyMonth = 0, throughout = 0
        var perMonth: [(Int, Int)] = []
        let months = period.months
        for m in months {
            var living = 0, contacted = 0
            for c in w.state.roster.byID.values where c.deceasedOn.map({ $0 > m.lastOfMonth }) ?? true {
                living += 1
                if w.records.contains(where: { r in
                    !w.voided.contains(r.id) && r.cadres.contains(c.id) && contactKinds.contains(r.kind)
                        && r.at.date.firstOfMonth == m
                }) { contacted += 1 }
            }
            perMonth.append((living, contacted))
        }
        for c in w.state.roster.byID.values where c.deceasedOn.map({ $0 > period.end }) ?? true {
            throughout += 1
            let all = months.allSatisfy { m in
                w.records.contains { r in
                    !w.voided.contains(r.id) && r.cadres.contains(c.id) && contactKinds.contains(r.kind) && r.at.date.firstOfMonth == m
                }
            }
            if all { everyMonth += 1 }
        }
        #expect(coverage.months.map { ($0.living, $0.contacted) }.elementsEqual(perMonth, by: ==))
        #expect(coverage.livingThroughout == throughout)
        #expect(coverage.contactedEveryMonth == everyMonth)
        #expect(everyMonth > 0 && everyMonth < throughout)
    }

    @Test func visitTotalsCountEachKindOccasionAndStaffMemberOfAPair() {
        let today = LocalDate(2026, 11, 23)
        let w = Self.world(today: today)
        let q = Period.quarter(2026, 3)
        let totals = w.state.visitTotals(in: q)
        let kept = w.records.filter { !w.voided.contains($0.id) && q.contains($0.at.date) }
        #expect(totals.visits == kept.count)
        #expect(totals.byKind[.phone] == kept.count { $0.kind == .phone })
        #expect(totals.byOccasion[.festival] == kept.count { $0.occasion == .festival })
        #expect(totals.byStaff[VisitWorld.li] == kept.count { $0.staff.contains(VisitWorld.li) })
        #expect(totals.money == kept.reduce(Money.zero) { $0 + Money(fen: $1.moneyEach.fen * Int64($1.cadres.count)) })
    }

    @Test func aBirthdayIsMetOnTimeLateMissedOrStillOpen() {
        var w = VisitWorld()
        let onTime = w.cadre(born: LocalDate(1950, 3, 10))
        let late = w.cadre(born: LocalDate(1950, 3, 12))
        let missed = w.cadre(born: LocalDate(1950, 3, 14))
        let open = w.cadre(born: LocalDate(1950, 4, 28))
        w.visit(onTime, .birthday, .birthday, on: LocalDate(2026, 3, 8))
        w.visit(late, .birthday, .birthday, on: LocalDate(2026, 3, 20))
        w.visit(missed, .phone, on: LocalDate(2026, 3, 14))
        let results = w.state.mustVisitOccasions(in: Period(start: LocalDate(2026, 3, 1), end: LocalDate(2026, 4, 30)),
                                                 asOf: LocalDate(2026, 4, 30))
        func outcome(_ c: ID<Cadre>) -> OccasionOutcome? { results.first { $0.cadre == c && $0.rule == .birthday }?.outcome }
        #expect(outcome(onTime) == .onTime)
        #expect(outcome(late) == .late)
        #expect(outcome(missed) == .missed)
        #expect(outcome(open) == .open)
        #expect(results.first { $0.cadre == late }?.metOn == LocalDate(2026, 3, 20))
    }

    @Test func aFollowUpIsMetByTheNextContactAndAVoidedOneDoesNotCount() {
        var w = VisitWorld()
        let c = w.cadre(), d = w.cadre()
        w.visit(c, .home, .difficulty, on: LocalDate(2026, 5, 2), followUp: LocalDate(2026, 5, 10))
        w.visit(c, .phone, on: LocalDate(2026, 5, 9))
        w.visit(d, .home, .problem, on: LocalDate(2026, 5, 2), followUp: LocalDate(2026, 5, 10))
        let call = w.visit(d, .phone, on: LocalDate(2026, 5, 8))
        w.void(call)
        let results = w.state.mustVisitOccasions(in: .month(2026, 5), asOf: LocalDate(2026, 7, 1))
        #expect(results.first { $0.cadre == c && $0.rule == .followUp }?.outcome == .onTime)
        #expect(results.first { $0.cadre == d && $0.rule == .followUp }?.outcome == .missed)
    }

    // MARK: the independent count

    /// Overdue items of one cadre on `d`, straight from the rule text and the
    /// raw records (default settings).
    static func naiveOverdue(_ c: Cadre, _ w: VisitWorld, on d: LocalDate) -> Int {
        let s = VisitSettings()
        let mine = w.records.filter { !w.voided.contains($0.id) && $0.cadres.contains(c.id) && $0.at.date <= d }
        func seen(since: LocalDate, _ ok: (VisitRecord) -> Bool) -> Bool { mine.contains { $0.at.date >= since && ok($0) } }
        func isBereavementVisit(_ r: VisitRecord) -> Bool { r.kind == .condolence || r.occasion == .bereavement }
        var n = 0
        if let died = c.deceasedOn, died <= d {
            let by = died.adding(days: 3)
            if d > by, d <= by.adding(days: 30), !seen(since: died, isBereavementVisit) { n += 1 }
            return n
        }
        let elsewhere = c.livingElsewhere.map { $0.since <= d } ?? false
        if let level = c.careLevel {
            let interval = [15, 30, 90][level - 1]
            let qualifying = mine.filter {
                elsewhere ? s.contactKinds.contains($0.kind) : s.homeVisitKinds.contains($0.kind) && $0.cadres.count == 1
            }
            if let last = qualifying.map(\.at.date).max(), d > last.adding(days: interval) { n += 1 }
        }
        let contacts = mine.filter { s.contactKinds.contains($0.kind) }
        if let last = contacts.map(\.at.date).max(), last < d.firstOfMonth.adding(months: -1) { n += 1 }
        for y in (d.year - 1)...d.year where y > c.birthDate.year {
            let b = c.birthDate.anniversary(in: y)
            if d > b, d <= b.adding(days: 30), !seen(since: b.adding(days: -7), { $0.kind == .birthday }) { n += 1 }
        }
        if let a = c.hospitalisedSince, a <= d, d > a.adding(days: 3), !seen(since: a, { $0.kind == .hospital }) { n += 1 }
        if let widowed = c.widowedOn, widowed <= d, d > widowed.adding(days: 3), d <= widowed.adding(days: 33),
           !seen(since: widowed, isBereavementVisit) { n += 1 }
        if c.category == .lixiu || c.careLevel != nil {
            for rule in s.festivals {
                for y in (d.year - 1)...(d.year + 1) {
                    for f in FestivalCalendar.dates(of: rule, in: y) where d > f && d <= f.adding(days: 7) {
                        if !seen(since: f.adding(days: -14), { $0.kind == .festival || (elsewhere && $0.occasion == .festival) }) { n += 1 }
                    }
                }
            }
        }
        if let promise = mine.filter({ $0.followUp != nil }).max(by: { $0.at < $1.at }),
           !mine.contains(where: { $0.at > promise.at && s.contactKinds.contains($0.kind) }), d > promise.followUp! {
            n += 1
        }
        return n
    }

    static func naiveAssignee(_ contact: ID<Staff>?, _ w: VisitWorld, on d: LocalDate) -> ID<Staff>? {
        var who = contact
        for _ in 0..<10 {
            guard let s = who else { return nil }
            guard let away = w.state.staff[s]?.absences.first(where: { $0.from <= d && d <= $0.to }) else { return s }
            who = away.backup
        }
        return nil
    }
}
