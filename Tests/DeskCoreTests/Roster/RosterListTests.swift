import Testing
@testable import DeskCore

@Suite struct RosterListTests {
    static let today = LocalDate(2026, 11, 23)

    static func cadre(_ n: Int, born: Int, _ change: (inout Cadre) -> Void = { _ in }) -> Cadre {
        var c = Cadre(id: ID("C0000\(n)"), name: "张\(["一", "二", "三", "四", "五", "六", "七", "八", "九"][n - 1])", gender: .male,
                      birthDate: LocalDate(born, 6, 1), category: .tuixiu, rank: .general, workUnit: "县教育局")
        change(&c)
        return c
    }

    @Test func filesAddedOutOfOrderAreRankedByTheirIds() {
        var b = StateBuilder()
        for n in [3, 1, 2] { b.apply(CadreAdded(cadre: Self.cadre(n, born: 1940))) }
        let roster = b.state.roster
        #expect(roster.ids.map(\.raw) == ["C00003", "C00001", "C00002"], "the premise: slots in the order added")
        #expect(roster.rankInIDOrder() == [2, 0, 1])
        var sorted = StateBuilder()
        for n in [1, 2, 3] { sorted.apply(CadreAdded(cadre: Self.cadre(n, born: 1940))) }
        #expect(sorted.state.roster.rankInIDOrder() == [0, 1, 2])
    }

    @Test func festivalAudiencesSayTheSameOnTheFileAndOnItsCompactRow() {
        var b = StateBuilder()
        var n = 0
        for category in [CadreCategory.lixiu, .tuixiu] {
            for care in [nil, 2] as [Int?] {
                for branch in ["", "机关第一支部"] {
                    n += 1
                    b.apply(CadreAdded(cadre: Self.cadre(n, born: 1940) { $0.category = category; $0.careLevel = care; $0.partyBranch = branch }))
                }
            }
        }
        let roster = b.state.roster
        #expect(roster.ids.count == 8, "the premise: every combination on file")
        for audience in FestivalAudience.allCases {
            var included = 0
            for (slot, id) in roster.ids.enumerated() {
                let onFile = audience.includes(roster[id]!)
                #expect(audience.includes(roster.facts[slot]) == onFile, "\(audience) \(id)")
                if onFile { included += 1 }
            }
            #expect(included > 0, "\(audience) includes someone")
        }
    }

    @Test func namedListsFollowTheirDefinitions() {
        var b = StateBuilder()
        let files = [
            Self.cadre(1, born: 1940) { $0.health = .chronic },                        // 86: ill, elderly, double-high
            Self.cadre(2, born: 1950) { $0.hospitalisedSince = LocalDate(2026, 11, 1) }, // 76: ill (in hospital)
            Self.cadre(3, born: 1946) { $0.living = .alone; $0.marital = .widowed },    // 80 on 2026-06-01: elderly
            Self.cadre(4, born: 1947) { $0.living = .emptyNest; $0.hardship = true },   // 79
            Self.cadre(5, born: 1935) { $0.health = .dependent; $0.category = .lixiu; $0.careLevel = 1 },
            Self.cadre(6, born: 1938) { $0.health = .chronic; $0.deceasedOn = LocalDate(2026, 3, 1) },
        ]
        for f in files { b.apply(CadreAdded(cadre: f)) }
        func ids(_ l: NamedList) -> [String] {
            RosterLists.members([.named(l)], in: b.state, on: Self.today).map(\.id.raw)
        }
        #expect(ids(.ill) == ["C00001", "C00002", "C00005"])
        #expect(ids(.elderly) == ["C00001", "C00003", "C00005"])
        #expect(ids(.doubleHigh) == ["C00001", "C00005"])
        #expect(ids(.alone) == ["C00003"])
        #expect(ids(.widowed) == ["C00003"])
        #expect(ids(.emptyNest) == ["C00004"])
        #expect(ids(.hardship) == ["C00004"])
        #expect(ids(.dependent) == ["C00005"])
        #expect(ids(.lixiu) == ["C00005"])
        #expect(ids(.hospitalised) == ["C00002"])
        #expect(ids(.deceased) == ["C00006"])
        #expect(RosterLists.members([.careLevel(1)], in: b.state, on: Self.today).map(\.id.raw) == ["C00005"])
        #expect(RosterLists.members([], in: b.state, on: Self.today).count == 5)
        #expect(RosterLists.members([.named(.ill), .named(.elderly)], in: b.state, on: Self.today).map(\.id.raw) == ["C00001", "C00005"])
    }

    @Test func theElderlyAgeIsASetting() {
        var b = StateBuilder()
        b.apply(CadreAdded(cadre: Self.cadre(1, born: 1951)))  // 75
        var s = DeskSettings()
        s.roster.elderlyAge = 75
        b.apply(SettingsChanged(settings: s))
        #expect(RosterLists.members([.named(.elderly)], in: b.state, on: Self.today).count == 1)
        #expect(RosterLists.members([.named(.elderly)], in: b.state, on: LocalDate(2026, 5, 31)).count == 0, "not before the birthday")
    }

    @Test func countsGiveEveryListAndGroupingWithItsSize() {
        var b = StateBuilder()
        b.apply(CadreAdded(cadre: Self.cadre(1, born: 1940) { $0.living = .alone; $0.community = "东风社区" }))
        b.apply(CadreAdded(cadre: Self.cadre(2, born: 1941) { $0.living = .alone; $0.community = "东风社区"; $0.careLevel = 2 }))
        b.apply(CadreAdded(cadre: Self.cadre(3, born: 1942) { $0.community = "胜利社区"; $0.deceasedOn = LocalDate(2026, 1, 1) }))
        let counts = RosterLists.counts(in: b.state, on: Self.today)
        func count(_ f: RosterFilter) -> Int? { counts.first { $0.filter == f }?.count }
        #expect(count(.named(.alone)) == 2)
        #expect(count(.named(.deceased)) == 1)
        #expect(count(.community("东风社区")) == 2)
        #expect(count(.community("胜利社区")) == nil, "only the deceased lives there")
        #expect(count(.careLevel(2)) == 1)
        let line = RosterText.countLine(counts.first { $0.filter == .named(.alone) }!, Localizer(.zh), staff: b.state.staff)
        #expect(line == "独居 2 人")
    }

    @Test func theCompactListIndexAgreesWithTheDefinitionsOnASampleRoster() throws {
        let g = SampleGenerator(seed: 9, cadres: 500, years: 3)
        let state = try g.state()
        let all = state.roster.all
        let settings = state.settings.roster
        for date in [g.today, LocalDate(2027, 2, 28), LocalDate(2028, 2, 29)] {
            var filters: [RosterFilter] = NamedList.allCases.map { .named($0) }
            filters += [.careLevel(1), .careLevel(2), .category(.lixiu), .rank(.county), .community("东风社区"), .workUnit("县教育局")]
            filters += state.staff.active.prefix(3).map { .contact($0.id) }
            let counts = RosterLists.counts(in: state, on: date)
            for f in filters {
                let expected = all.filter { RosterLists.matches(f, $0, on: date, settings: settings) }.map(\.id)
                #expect(RosterLists.ids([f], in: state, on: date) == expected, "\(f) on \(date)")
                #expect((counts.first { $0.filter == f }?.count ?? 0) == expected.count, "count of \(f)")
            }
            let both = all.filter { RosterLists.contains(.alone, $0, on: date, settings: settings) && RosterLists.contains(.ill, $0, on: date, settings: settings) }
            #expect(RosterLists.ids([.named(.alone), .named(.ill)], in: state, on: date) == both.map(\.id))
        }
        #expect(RosterLists.ids([.community("没有这个社区")], in: state, on: g.today).isEmpty)
    }
}
