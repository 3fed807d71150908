import Testing
@testable import DeskCore

@Suite struct SampleGeneratorTests {
    @Test func theRNGIsDeterministicAndStreamsAreIndependent() {
        var a = SampleRNG(seed: 42), b = SampleRNG(seed: 42)
        let xs = (0..<5).map { _ in a.next() }
        #expect(xs == (0..<5).map { _ in b.next() })
        var c = SampleRNG(seed: 42, stream: "visits")
        #expect(xs != (0..<5).map { _ in c.next() })
        var d = SampleRNG(seed: 1)
        for _ in 0..<1000 { #expect((3...7).contains(d.int(3...7))) }
    }

    @Test func theSameSeedGivesTheSameRoster() throws {
        let g = SampleGenerator(seed: 11, cadres: 150, years: 2)
        let a = try g.state().roster.all
        let b = try g.state().roster.all
        #expect(a.count == 150)
        #expect(a == b)
        let other = try SampleGenerator(seed: 12, cadres: 150, years: 2).state().roster.all
        #expect(a != other)
    }

    @Test func generatedFilesAreValidAndConsistent() throws {
        let g = SampleGenerator(seed: 3, cadres: 400, years: 1)
        let state = try g.state()
        let files = state.roster.all
        #expect(state.staff.byID.count >= 13)
        #expect(Set(state.staff.all.map(\.role)) == Set(Role.allCases))
        for c in files {
            if let id = c.idNumber {
                #expect(ResidentID.isValid(id))
                #expect(ResidentID.birthDate(id) == c.birthDate)
                #expect(ResidentID.gender(id) == c.gender)
            }
            if c.category == .lixiu { #expect(c.birthDate.year <= 1934) }
            #expect(c.contact != nil)
            #expect((50...115).contains(c.age(on: g.today)))
            #expect(c.family.isEmpty || c.family[0].emergency || c.family.allSatisfy { $0.relation == "配偶" })
        }
        #expect(files.contains { $0.category == .lixiu })
        #expect(files.contains { $0.isDeceased })
        #expect(files.contains { $0.alerts.count > 0 })
        #expect(files.contains { !$0.family.isEmpty })
    }

    @Test func listProportionsFollowTheCountyReport() throws {
        // At the county's size: ~160 离休 of ~3,800; of 159 离休 9 cannot look after themselves,
        // 36 empty-nest, 41 in hardship. Sampling noise allows a generous band.
        let g = SampleGenerator(seed: 2026, cadres: 3800, years: 1)
        let state = try g.state()
        let lixiu = state.roster.all.filter { $0.category == .lixiu }
        #expect((110...210).contains(lixiu.count))
        let per159 = { (n: Int) in Double(n) * 159 / Double(lixiu.count) }
        #expect((2...20).contains(per159(lixiu.filter { $0.health == .dependent }.count)))
        #expect((20...55).contains(per159(lixiu.filter { $0.living == .emptyNest }.count)))
        #expect((25...60).contains(per159(lixiu.filter(\.hardship).count)))
        #expect(lixiu.allSatisfy { $0.age(on: g.today) >= 91 })
    }

    @Test func theGeneratorWritesAValidLogThroughTheCommands() throws {
        let t = try TestDesk()
        let summary = try SampleGenerator(seed: 5, cadres: 120, years: 1).write(to: t.desk, as: t.admin)
        #expect(summary.cadres == 120)
        let other = try t.reopen()
        #expect(other.state.roster.count == 120)
        #expect(other.state.roster.all == t.desk.state.roster.all)
        #expect(other.isWritable)
    }
}
