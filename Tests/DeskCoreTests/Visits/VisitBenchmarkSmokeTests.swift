import Testing
@testable import DeskCore

/// The benchmarks run on a small centre: they must build, and their data must
/// be the realistic mix they claim. (Not timed: figures come from `cadredesk bench`.)
@Suite struct VisitBenchmarkSmokeTests {
    @Test func aSmallFixtureHasAboutFiveVisitsPerCadreAMonthAndEveryRuleFires() {
        let f = VisitBenchmarks.makeFixture(cadres: 400, staffCount: 8, years: 1)
        #expect(f.visits == f.state.visits.count)
        #expect(f.visits > 400 * 10 && f.visits < 400 * 12 * 2)
        let rules = Set(f.state.dueItems(on: f.today).map(\.rule))
        #expect(rules.isSuperset(of: [.careVisit, .monthlyContact, .birthday]))
        #expect(VisitBenchmarks.dueItemsForToday(f, samples: 2).count == 2)
        #expect(VisitBenchmarks.myDayAfterAppend(f, samples: 3).count == 3)
        #expect(f.bytesPerVisitEstimated > 48)
    }

    @Test func sampleVisitsReplayThroughARealLogAsOneBatch() throws {
        let t = try TestDesk(at: LocalDateTime(LocalDate(2026, 11, 23), LocalTime(18, 0)))
        let s = try t.addStaff("王芳", role: .caseworker)
        for i in 1...12 {
            var c = Cadre(id: ID(String(format: "C%05d", i)), name: "李\(i)", gender: .female, birthDate: LocalDate(1945, i, 3),
                          category: i % 4 == 0 ? .lixiu : .tuixiu, rank: .general, workUnit: "县委")
            c.contact = s
            c.careLevel = i % 3 == 0 ? 2 : nil
            try t.desk.perform(SeedCadre(cadre: c), as: t.admin)
        }
        var rng = VisitBenchmarks.SeededGenerator(seed: 3)
        let items = SampleVisits.items(for: t.desk.state, from: LocalDate(2026, 9, 1), to: LocalDate(2026, 11, 23), rng: &rng)
        #expect(items.count > 30)
        try t.desk.performBatch(items, as: t.admin)
        #expect(t.desk.state.visits.count == items.count)
        #expect(try t.reopen().state.visits.count == items.count)
    }
}
