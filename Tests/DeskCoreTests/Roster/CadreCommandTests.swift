import Testing
@testable import DeskCore

@Suite struct CadreCommandTests {
    @Test func addingAFileNumbersItAndASecondTerminalSeesIt() throws {
        let t = try TestDesk()
        let id = try Fixture.add(t, Fixture.draft(), alerts: ["听力不好,请大声慢说"])
        #expect(id == "C00001")
        let second = try Fixture.add(t, Fixture.draft(name: "李秀英", born: "1940-02-03", gender: .female))
        #expect(second == "C00002")
        let other = try t.reopen()
        #expect(other.state.roster[id]?.name == "张建国")
        #expect(other.state.roster[id]?.alerts == ["听力不好,请大声慢说"])
        #expect(other.state.roster.find("zjg").hits.map(\.id) == [id])
    }

    @Test func blankBirthDateAndGenderAreTakenFromTheIDNumber() throws {
        let t = try TestDesk()
        var d = Fixture.draft(name: "王桂兰", born: "1938-07-09", gender: .female)
        d.birthDate = ""
        d.gender = nil
        let id = try Fixture.add(t, d)
        #expect(t.desk.state.roster[id]?.birthDate == LocalDate(1938, 7, 9))
        #expect(t.desk.state.roster[id]?.gender == .female)
    }

    @Test func aDuplicateIDNumberIsRefusedNamingTheExistingFile() throws {
        let t = try TestDesk()
        try Fixture.add(t, Fixture.draft())
        let p = Fixture.invalid { try Fixture.add(t, Fixture.draft(name: "张建华")) }
        #expect(p == [Problem("roster.id.duplicate", ["C00001", "张建国"], field: "idNumber")])
    }

    @Test func theSameNameAndBirthDateAsksForConfirmationThenSaves() throws {
        let t = try TestDesk()
        try Fixture.add(t, Fixture.draft())
        let twin = Fixture.draft(id: Fixture.residentID(born: LocalDate(1936, 5, 1), gender: .male, seq: 15))
        #expect(throws: DeskError.needsConfirmation([Problem("roster.duplicate_person", ["C00001", "张建国", "1936-05-01"], field: "name")])) {
            try t.desk.perform(AddCadre(twin), as: t.admin)
        }
        try t.desk.perform(AddCadre(twin, confirmed: true), as: t.admin)
        #expect(t.desk.state.roster.count == 2)
    }

    @Test func everyProblemOfTheFormIsListedAtOnceBesideItsField() throws {
        let t = try TestDesk()
        var d = CadreDraft()
        d.name = "Zhang"
        d.birthDate = "1936-13-01"
        d.idNumber = "11010519491231002"
        d.phone = "1381234567"
        d.workUnit = String(repeating: "局", count: 41)
        d.family = [FamilyDraft(relation: "", name: "李梅", phone: "12345"), FamilyDraft(relation: "儿子", name: "张强", emergency: true),
                    FamilyDraft(relation: "女儿", emergency: true)]
        let p = Fixture.invalid { try Fixture.add(t, d) }
        #expect(p.map(\.field) == ["name", "birthDate", "gender", "idNumber", "phone", "workUnit", "family",
                                   "family.0.relation", "family.0.phone"])
        #expect(p.contains(Problem("phone.mobile_length", ["10"], field: "phone")))
        #expect(p.contains(Problem("roster.text.too_long", ["40", "41"], field: "workUnit")))
        #expect(p.contains(Problem("roster.birth.format", ["1936-13-01"], field: "birthDate")))
        let zh = Localizer(.zh), en = Localizer(.en)
        for problem in p {
            #expect(zh.has(problem.key) && en.has(problem.key), "\(problem.key) is in both catalogs")
        }
    }

    @Test func anImplausibleAgeIsRefusedAndALateBornLixiuWarns() throws {
        let t = try TestDesk()
        let young = Fixture.draft(name: "赵明", born: "1990-01-01")
        #expect(Fixture.invalid { try Fixture.add(t, young) } == [Problem("roster.birth.age", ["36", "50", "115"], field: "birthDate")])
        let lixiu = Fixture.draft(name: "赵明", born: "1950-01-01", category: .lixiu)
        #expect(throws: DeskError.needsConfirmation([Problem("roster.birth.lixiu_young", ["1950"], field: "birthDate")])) {
            try t.desk.perform(AddCadre(lixiu), as: t.admin)
        }
    }

    @Test func theEmergencyContactIsStoredFirst() throws {
        let t = try TestDesk()
        var d = Fixture.draft()
        d.family = [FamilyDraft(relation: "配偶", name: "李梅"), FamilyDraft(relation: "女儿", name: "张丽", phone: "13812345678", emergency: true)]
        let id = try Fixture.add(t, d)
        #expect(t.desk.state.roster[id]?.family.map(\.relation) == ["女儿", "配偶"])
        #expect(t.desk.state.roster[id]?.emergencyContact?.name == "张丽")
    }

    @Test func anEditRecordsOnlyTheChangedFieldsAndTheHistoryShowsFromAndTo() throws {
        let t = try TestDesk()
        let clerk = try t.addStaff("王芳", role: .desk)
        let id = try Fixture.add(t, Fixture.draft())
        let version = t.desk.state.roster.version(of: id)
        var d = CadreDraft(t.desk.state.roster[id]!)
        d.phone = "0951-5012345"
        d.community = "胜利社区"
        t.hand.advance(minutes: 30)
        let applied = try t.desk.perform(UpdateCadre(id: id, version: version, draft: d), as: clerk)
        let e = try #require(applied.first?.event as? CadreUpdated)
        #expect(e.phone == "0951-5012345" && e.community == "胜利社区")
        #expect(e.name == nil && e.birthDate == nil && e.idNumber == nil && e.family == nil && e.notes == nil)

        let history = t.desk.state.roster.history(of: id, staff: t.desk.state.staff)
        #expect(history.count == 3)
        #expect(history.map(\.change.field) == ["community", "phone", "file"])
        #expect(history[0].staffName == "王芳")
        #expect(history[0].change.from == "东风社区" && history[0].change.to == "胜利社区")
        #expect(history[0].change.at == LocalDateTime(LocalDate(2026, 11, 23), LocalTime(9, 30)))
        #expect(history[1].change.from == nil && history[1].change.to == "0951-5012345")
        let line = RosterText.historyLine(history[0], Localizer(.zh), staff: t.desk.state.staff)
        #expect(line == "2026-11-23 09:30 王芳 社区:东风社区 → 胜利社区")
    }

    @Test func savingAnUnchangedFormRecordsNothing() throws {
        let t = try TestDesk()
        let id = try Fixture.add(t, Fixture.draft())
        let before = t.desk.state.seq
        let d = CadreDraft(t.desk.state.roster[id]!)
        try t.desk.perform(UpdateCadre(id: id, version: t.desk.state.roster.version(of: id), draft: d), as: t.admin)
        #expect(t.desk.state.seq == before)
    }

    @Test func anEditOnAFileChangedByAnotherTerminalIsAConflictNotAnOverwrite() throws {
        let t = try TestDesk()
        let id = try Fixture.add(t, Fixture.draft())
        let other = try t.reopen()
        let loaded = t.desk.state.roster.version(of: id)
        var mine = CadreDraft(t.desk.state.roster[id]!)
        mine.notes = "爱下象棋"

        var theirs = CadreDraft(other.state.roster[id]!)
        theirs.phone = "13912345678"
        try other.perform(UpdateCadre(id: id, version: other.state.roster.version(of: id), draft: theirs), as: t.admin)

        #expect(throws: DeskError.conflict(Problem("roster.changed_meanwhile", ["张建国"]))) {
            try t.desk.perform(UpdateCadre(id: id, version: loaded, draft: mine), as: t.admin)
        }
        #expect(t.desk.state.roster[id]?.phone == "13912345678")
        #expect(t.desk.state.roster[id]?.notes == "")
    }

    @Test func alertsCareLevelAndContactAreSeparateRecordedActions() throws {
        let t = try TestDesk()
        let worker = try t.addStaff("刘洋", role: .caseworker)
        let id = try Fixture.add(t, Fixture.draft())
        try t.desk.perform(AddCadreAlert(id: id, text: "青霉素过敏"), as: t.admin)
        try t.desk.perform(SetCareLevel(id: id, level: 2), as: t.admin)
        try t.desk.perform(AssignContact(id: id, contact: worker), as: t.admin)
        try t.desk.perform(RemoveCadreAlert(id: id, text: "青霉素过敏"), as: t.admin)
        let c = try #require(t.desk.state.roster[id])
        #expect(c.alerts.isEmpty && c.careLevel == 2 && c.contact == worker)
        let fields = t.desk.state.roster.history(of: id, staff: t.desk.state.staff).map { "\($0.change.field):\($0.change.from ?? "-")>\($0.change.to ?? "-")" }
        #expect(fields == ["alerts:青霉素过敏>-", "contact:->\(worker.raw)", "careLevel:->2", "alerts:->青霉素过敏", "file:->C00001"])
        #expect(Fixture.invalid { try t.desk.perform(SetCareLevel(id: id, level: 7), as: t.admin) }
            == [Problem("roster.care_level.unknown", ["7", "1、2、3"], field: "careLevel")])
        #expect(throws: DeskError.conflict(Problem("roster.alert.gone", ["青霉素过敏"]))) {
            try t.desk.perform(RemoveCadreAlert(id: id, text: "青霉素过敏"), as: t.admin)
        }
    }

    @Test func aDeskClerkMayEditFilesButNotRecordStatusChanges() throws {
        let t = try TestDesk()
        let clerk = try t.addStaff("王芳", role: .desk)
        let id = try Fixture.add(t, Fixture.draft(), as: clerk)
        #expect(throws: DeskError.notAllowed(Problem("error.not_allowed", ["changeCadreStatus"]))) {
            try t.desk.perform(RecordHospitalised(id: id, on: LocalDate(2026, 11, 20)), as: clerk)
        }
        let hotline = try t.addStaff("陈静", role: .hotline)
        #expect(throws: DeskError.notAllowed(Problem("error.not_allowed", ["editRoster"]))) {
            try t.desk.perform(AddCadre(Fixture.draft(name: "李明", born: "1950-01-01")), as: hotline)
        }
    }
}
