import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

@Suite struct CadreFormTests {
    static let born = LocalDate(1938, 7, 9)
    static var goodID: String { AppHarness.idNumber(born: born, male: true, serial: 31) }
    /// The same number with a wrong check character.
    static var badID: String {
        let good = goodID
        let wrong: Character = good.last == "1" ? "2" : "1"
        return String(good.dropLast()) + String(wrong)
    }

    /// Opens the add form and types a name, birth date and ID number.
    func startAdding(_ t: inout Terminal, name: String, id: String) {
        t.press(.f(2))
        t.type(name)
        t.focus("birthDate")
        t.type(Self.born.description)
        t.focus("idNumber")
        t.type(id)
    }

    @Test func aWrongIDCheckDigitIsShownBesideTheFieldAndFixingItSavesAndFindsTheCadre() throws {
        let h = try AppHarness()
        try h.addCadre("张三")
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        startAdding(&t, name: "李建华", id: Self.badID)
        t.press(.enter)
        let expected = Character(String(ResidentID.checkCharacter(forFirst17: String(Self.goodID.prefix(17)))!))
        let lineFound = t.line(containing: Self.badID)
        let line = try #require(lineFound)
        #expect(line.contains("身份证校验位应为 \(expected),现在是 \(Self.badID.last!)"))
        #expect(t.focusedField == "idNumber")
        #expect(try h.desk().state.roster.count == 1)
        // Fix it: the message goes as soon as the field changes.
        t.press(.backspace)
        t.type(String(expected))
        let shown = t.line(containing: Self.goodID)
        #expect(shown.map { !$0.contains("校验位") } == true)
        t.press(.enter)
        #expect(try h.desk().state.roster.count == 2)
        #expect(t.roster.file != nil)
        #expect(t.text().contains("李建华"))
        t.press(.escape)
        t.press(.char("/"))
        t.type("ljh")
        #expect(t.rosterNames == ["李建华"])
    }

    @Test func everyProblemIsShownBesideItsOwnField() throws {
        let h = try AppHarness()
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        t.press(.f(2))
        t.type("Zhang3")
        t.focus("birthDate")
        t.type("1936-13-01")
        t.focus("phone")
        t.type("12345")
        t.focus("family0")
        t.type("女儿 李梅 99")
        t.press(.enter)
        let screen = t.screen(width: 140, height: 40)
        func besides(_ typed: String, _ message: String) -> Bool { screen.contains { $0.contains(typed) && $0.contains(message) } }
        #expect(besides("Zhang3", Localizer(.zh).message(PersonName.problem("Zhang3", field: "name")!)))
        #expect(besides("1936-13-01", "出生日期「1936-13-01」无法识别"))
        #expect(besides("12345", Localizer(.zh).message(PhoneNumber.problem("12345", field: "phone")!)))
        #expect(besides("女儿 李梅 99", Localizer(.zh).message(PhoneNumber.problem("99", field: "x")!)))
    }

    @Test func theSameNameAndBirthDateAsksBeforeSaving() throws {
        let h = try AppHarness()
        try h.addCadre("李建华", born: Self.born)
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        t.press(.f(2))
        t.type("李建华")
        t.focus("gender")
        t.press(.right)
        t.focus("birthDate")
        t.type(Self.born.description)
        t.press(.enter)
        #expect(t.text().contains("已有同名同出生日期的档案 C00001"))
        t.press(.char("n"))
        #expect(try h.desk().state.roster.count == 1)
        #expect(t.focusedField != nil)
        t.press(.enter)
        t.press(.char("y"))
        #expect(try h.desk().state.roster.count == 2)
    }

    @Test func familyLinesAlertsCareLevelAndContactAreSavedWithTheFile() throws {
        let h = try AppHarness()
        let wang = try h.addStaff("王芳", login: "wangfang", role: .caseworker)
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        startAdding(&t, name: "李建华", id: Self.goodID)
        t.focus("careLevel")
        t.press(.right)  // 1级
        t.focus("contact")
        let options = try #require({ () -> [String]? in
            if case .editor(let e)? = t.roster.task, let f = e.form.fields.first(where: { $0.id == "contact" }),
               case .choice(let c) = f.editor { return c.options }
            return nil
        }())
        for _ in 0..<(options.firstIndex { $0.hasPrefix("王芳") } ?? 0) { t.press(.right) }
        t.focus("family0")
        t.type("女儿 李梅 13812345678")
        t.focus("family1")
        t.type("儿子,李强")
        t.focus("alert0")
        t.type("听力差,请大声说话")
        t.press(.enter)
        let c = try #require(try h.desk().state.roster.all.last)
        #expect(c.name == "李建华")
        #expect(c.careLevel == 1)
        #expect(c.contact == wang)
        #expect(c.family == [FamilyMember(relation: "女儿", name: "李梅", phone: "13812345678", emergency: true),
                             FamilyMember(relation: "儿子", name: "李强")])
        #expect(c.alerts == ["听力差,请大声说话"])
        #expect(t.text().contains("⚠ 提醒: 听力差,请大声说话"))
    }

    @Test func editingChangesOnlyWhatChangedAsOneBatch() throws {
        let h = try AppHarness()
        let id = try h.addCadre("张三", phone: "13812345678", family: [FamilyDraft(relation: "女儿", name: "张梅")], alerts: ["对青霉素过敏"])
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        t.press(.f(4))
        // Saving untouched changes nothing (the family's flags stay as recorded).
        t.press(.enter)
        #expect(t.model.toast?.message == "没有改动,未保存。")
        let before = try h.desk().state.roster.version(of: id)
        t.press(.f(4))
        t.focus("phone")
        t.press(.ctrl("u"))
        t.type("13987654321")
        t.focus("careLevel")
        t.press(.right, .right)  // 2级
        t.focus("alert0")
        t.press(.ctrl("u"))
        t.type("对头孢过敏")
        t.press(.enter)
        let d = try h.desk()
        let c = try #require(d.state.roster[id])
        #expect(c.phone == "13987654321" && c.careLevel == 2 && c.alerts == ["对头孢过敏"])
        #expect(d.state.roster.version(of: id) > before)
        let fields = d.state.roster.history(of: id, staff: d.state.staff).map(\.change.field)
        #expect(fields.filter { $0 != "file" }.sorted() == ["alerts", "alerts", "careLevel", "phone"])
    }

    @Test func aFileChangedInAnotherTerminalMeanwhileIsNeverOverwritten() throws {
        let h = try AppHarness()
        let id = try h.addCadre("张三", phone: "13812345678")
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        t.press(.f(4))
        t.focus("phone")
        t.press(.ctrl("u"))
        t.type("13911112222")
        // Another terminal edits the same file first.
        let other = try h.desk()
        var draft = CadreDraft(other.state.roster[id]!)
        draft.phone = "13633334444"
        try other.perform(UpdateCadre(id: id, version: other.state.roster.version(of: id), draft: draft), as: "S001")
        t.tick()
        #expect(t.text().contains("此档案刚被其他终端修改"))
        t.press(.enter)
        #expect(t.text().contains("张三 的档案刚被其他终端修改,为免覆盖,未保存"))
        #expect(try h.desk().state.roster[id]?.phone == "13633334444")
        #expect(t.roster.hasUnsavedChanges)
    }

    @Test func escOnAnEditedFormAsksBeforeDiscarding() throws {
        let h = try AppHarness()
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        t.press(.f(2))
        t.type("李")
        t.press(.escape)
        #expect(t.text().contains("放弃未保存的修改"))
        t.press(.char("y"))
        #expect(t.roster.task == nil)
    }

    @Test func aLongFormScrollsToTheFieldBeingTypedAt80By24() throws {
        let h = try AppHarness()
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        t.press(.f(2))
        t.focus("notes")
        t.type("最后一项")
        let s = t.screen(width: 80, height: 24)
        #expect(s.contains { $0.contains("最后一项") })
        #expect(s.contains { $0.contains("▲") })
        #expect(!s.contains { $0.contains("*姓名") })
    }

    @Test func theFamilyLineIsReadAsRelationNameAndPhone() {
        #expect(CadreEditor.familyDraft("女儿 李梅 13812345678", emergency: true)
                == FamilyDraft(relation: "女儿", name: "李梅", phone: "13812345678", emergency: true))
        #expect(CadreEditor.familyDraft("儿子,李强", emergency: false) == FamilyDraft(relation: "儿子", name: "李强"))
        #expect(CadreEditor.familyDraft("配偶:0731-84567890", emergency: false) == FamilyDraft(relation: "配偶", phone: "0731-84567890"))
        #expect(CadreEditor.familyDraft("   ", emergency: false) == nil)
    }
}
