import Testing
@testable import DeskCore

@Suite struct CadreStatusTests {
    @Test func hospitalStayIsDatedAndADischargeEndsIt() throws {
        let t = try TestDesk()
        let id = try Fixture.add(t, Fixture.draft())
        try t.desk.perform(RecordHospitalised(id: id, on: LocalDate(2026, 11, 20), hospital: "县人民医院"), as: t.admin)
        #expect(t.desk.state.roster[id]?.hospitalisedSince == LocalDate(2026, 11, 20))
        #expect(throws: DeskError.conflict(Problem("roster.status.already_hospitalised", ["张建国", "2026-11-20"]))) {
            try t.desk.perform(RecordHospitalised(id: id, on: LocalDate(2026, 11, 21)), as: t.admin)
        }
        #expect(Fixture.invalid { try t.desk.perform(RecordDischarged(id: id, on: LocalDate(2026, 11, 19)), as: t.admin) }
            == [Problem("roster.status.before_admission", ["2026-11-20"], field: "date")])
        try t.desk.perform(RecordDischarged(id: id, on: LocalDate(2026, 11, 23)), as: t.admin)
        #expect(t.desk.state.roster[id]?.hospitalisedSince == nil)
        let h = t.desk.state.roster.history(of: id, staff: t.desk.state.staff)
        #expect(h[0].change.field == "hospitalisedSince" && h[0].change.from == "2026-11-20" && h[0].change.to == nil)
        #expect(h[0].change.effective == LocalDate(2026, 11, 23))
    }

    @Test func aStatusDateInTheFutureIsRefused() throws {
        let t = try TestDesk()
        let id = try Fixture.add(t, Fixture.draft())
        #expect(Fixture.invalid { try t.desk.perform(RecordDeath(id: id, on: LocalDate(2026, 11, 24)), as: t.admin) }
            == [Problem("roster.status.future_date", ["2026-11-23"], field: "date")])
    }

    @Test func movingAwayAndReturning() throws {
        let t = try TestDesk()
        let id = try Fixture.add(t, Fixture.draft())
        try t.desk.perform(RecordMovedAway(id: id, since: LocalDate(2026, 10, 1), place: "随女儿在北京居住"), as: t.admin)
        #expect(t.desk.state.roster[id]?.livingElsewhere == Elsewhere(since: LocalDate(2026, 10, 1), place: "随女儿在北京居住"))
        #expect(RosterLists.members([.named(.elsewhere)], in: t.desk.state, on: t.desk.clock.today).map(\.id) == [id])
        try t.desk.perform(RecordReturned(id: id, on: LocalDate(2026, 11, 22)), as: t.admin)
        #expect(t.desk.state.roster[id]?.livingElsewhere == nil)
    }

    @Test func aSpousesDeathMakesTheCadreWidowedAndLivingAlone() throws {
        let t = try TestDesk()
        let id = try Fixture.add(t, Fixture.draft())
        try t.desk.perform(RecordSpouseDeath(id: id, on: LocalDate(2026, 11, 1)), as: t.admin)
        let c = try #require(t.desk.state.roster[id])
        #expect(c.marital == .widowed && c.widowedOn == LocalDate(2026, 11, 1) && c.living == .alone)
        #expect(RosterLists.contains(.widowed, c, on: t.desk.clock.today, settings: RosterSettings()))
    }

    @Test func aDeceasedCadreKeepsTheFileButLeavesEveryListButTheDeceasedOne() throws {
        let t = try TestDesk()
        var d = Fixture.draft()
        d.living = .alone
        d.health = .chronic
        let id = try Fixture.add(t, d, careLevel: 1)
        try t.desk.perform(RecordDeath(id: id, on: LocalDate(2026, 11, 22)), as: t.admin)
        let c = try #require(t.desk.state.roster[id])
        #expect(c.isDeceased && c.name == "张建国")
        let today = t.desk.clock.today
        for list in NamedList.allCases {
            #expect(RosterLists.contains(list, c, on: today, settings: RosterSettings()) == (list == .deceased), "\(list)")
        }
        #expect(!RosterLists.matches(.careLevel(1), c, on: today, settings: RosterSettings()))
        #expect(throws: DeskError.conflict(Problem("roster.status.deceased", ["张建国", "2026-11-22"]))) {
            try t.desk.perform(RecordHospitalised(id: id, on: today), as: t.admin)
        }
        #expect(t.desk.state.roster.find("张建国").hits.first?.deceased == true)
    }
}
