import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

/// A desk clerk may edit files (editRoster) but sees ID numbers, phones and
/// addresses masked (no viewPersonalDetails): the edit form must not show
/// them whole, and must not write the masked text back.
@Suite struct CadrePrivacyEditTests {
    static let born = LocalDate(1968, 11, 7)
    static let phone = "18763009313"
    static let address = "长城路60号5号楼4单元304室"
    static let familyPhone = "13912345678"
    static var idNumber: String { AppHarness.idNumber(born: born, male: true, serial: 211) }

    /// 张和平 with an ID number, phone, address and a daughter's phone; a desk clerk 张丽 (login zhangli).
    static func world() throws -> (AppHarness, ID<Cadre>) {
        let h = try AppHarness()
        var d = CadreDraft()
        d.name = "张和平"
        d.gender = .male
        d.birthDate = born.description
        d.idNumber = idNumber
        d.phone = phone
        d.address = address
        d.community = "东风社区"
        d.workUnit = "县财政局"
        d.family = [FamilyDraft(relation: "女儿", name: "张梅", phone: familyPhone, emergency: true)]
        let applied = try h.desk().perform(AddCadre(d), as: "S001")
        try h.addStaff("张丽", login: "zhangli", role: .desk)
        return (h, (applied[0].event as! CadreAdded).cadre.id)
    }

    /// Opens the file and its edit form (`e`) as `login`.
    static func editing(_ h: AppHarness, _ id: ID<Cadre>, as login: String) throws -> Terminal {
        var t = try h.terminal(as: login)
        t.open(.roster)
        t.model.screens[t.model.screens.firstIndex { $0.id == .roster }!].receive(.openCadre(id), t.model.context!)
        t.press(.char("e"))
        return t
    }

    static var wholeValues: [String] { [idNumber, phone, address, familyPhone] }

    @Test func aDeskClerksEditFormShowsNoWholeIDPhoneAddressOrFamilyPhone() throws {
        let (h, id) = try Self.world()
        var t = try Self.editing(h, id, as: "zhangli")
        #expect(t.focusedField == "name", "the edit form is open")
        let text = t.screen(width: 140, height: 50).joined(separator: "\n")
        for whole in Self.wholeValues { #expect(!text.contains(whole), "\(whole) shown whole:\n\(text)") }
        #expect(text.contains("187****9313,输入新号码即替换"), "\(text)")
        #expect(text.contains(ResidentID.masked(Self.idNumber) + ",输入新号码即替换"))
        #expect(text.contains("长城路60号****,输入新住址即替换"))
        #expect(text.contains("女儿 张梅 139****5678"))
        #expect(text.contains("留空则保持不变"))
        // The same form for a role that may see them holds the whole values, ready to correct.
        var admin = try Self.editing(h, id, as: "admin")
        let whole = admin.screen(width: 140, height: 50).joined(separator: "\n")
        for value in Self.wholeValues { #expect(whole.contains(value)) }
    }

    @Test func savingWithTheHiddenFieldsLeftAloneKeepsThemAndWritesNoMaskedText() throws {
        let (h, id) = try Self.world()
        var t = try Self.editing(h, id, as: "zhangli")
        t.focus("community")
        for _ in 0..<4 { t.press(.backspace) }
        t.type("西环社区")
        t.press(.enter)
        let state = try h.desk().state
        let c = try #require(state.roster[id])
        #expect(c.community == "西环社区")
        #expect(c.idNumber == Self.idNumber && c.phone == Self.phone && c.address == Self.address)
        #expect(c.family.map(\.phone) == [Self.familyPhone] && c.family.first?.emergency == true)
        let changes = state.roster.history(of: id, staff: state.staff).map(\.change.field)
        #expect(changes.contains("community") && !changes.contains("phone") && !changes.contains("idNumber")
                && !changes.contains("address") && !changes.contains("family"), "\(changes)")
        let log = try String(contentsOfFile: h.path, encoding: .utf8)
        #expect(!log.contains("****"), "masked text in the log")
    }

    @Test func typingNewValuesReplacesThemAndABadOneIsRefusedBesideItsField() throws {
        let (h, id) = try Self.world()
        var t = try Self.editing(h, id, as: "zhangli")
        t.focus("phone")
        t.type("12345")
        t.press(.enter)
        let refused = t.screen(width: 140, height: 50).first { $0.contains("12345") }
        #expect(refused?.contains(Localizer(.zh).message(PhoneNumber.problem("12345", field: "phone")!)) == true, "\(refused ?? "")")
        #expect(try h.desk().state.roster[id]?.phone == Self.phone, "nothing saved")
        for _ in 0..<5 { t.press(.backspace) }
        t.type("13600001111")
        t.focus("address")
        t.type("西环路159号")
        t.focus("family0")
        for _ in 0..<11 { t.press(.backspace) }
        t.type("13700002222")
        t.press(.enter)
        let c = try #require(try h.desk().state.roster[id])
        #expect(c.phone == "13600001111" && c.address == "西环路159号" && c.family.first?.phone == "13700002222")
        #expect(c.idNumber == Self.idNumber)
        // An ID number typed is checked as usual.
        t = try Self.editing(h, id, as: "zhangli")
        t.focus("idNumber")
        t.type("640106")
        t.press(.enter)
        let lengthProblem = t.line(containing: "身份证号应为 18 位,现在是 6 位", width: 140, height: 50)
        #expect(lengthProblem != nil)
        #expect(try h.desk().state.roster[id]?.idNumber == Self.idNumber)
    }

    @Test func aFileChangedMeanwhileInAnotherTerminalIsNotOverwrittenByTheKeptValues() throws {
        let (h, id) = try Self.world()
        var t = try Self.editing(h, id, as: "zhangli")
        // Another terminal corrects the phone while the clerk has the form open.
        var other = try #require(try h.desk().state.roster[id].map(CadreDraft.init))
        other.phone = "13811112222"
        let version = try h.desk().state.roster.version(of: id)
        try h.desk().perform(UpdateCadre(id: id, version: version, draft: other), as: "S001")
        t.focus("community")
        t.type("二")
        t.press(.enter)
        let text = t.screen(width: 140, height: 50).joined(separator: "\n")
        #expect(text.contains("修改档案"), "the form stays open")
        #expect(!text.contains("13811112222"))
        let c = try #require(try h.desk().state.roster[id])
        #expect(c.phone == "13811112222" && c.community == "东风社区")
    }

    @Test func aDeskClerksNewFileFormIsUnaffected() throws {
        let (h, _) = try Self.world()
        var t = try h.terminal(as: "zhangli")
        t.open(.roster)
        t.press(.f(2))
        t.type("李建华")
        t.focus("birthDate")
        t.type("1938-07-09")
        let id = AppHarness.idNumber(born: LocalDate(1938, 7, 9), male: true, serial: 31)
        t.focus("idNumber")
        t.type(id)
        t.focus("phone")
        t.type("13655556666")
        let text = t.screen(width: 140, height: 50).joined(separator: "\n")
        #expect(text.contains(id) && text.contains("13655556666"), "what the clerk types is shown as typed")
        #expect(!text.contains("输入新号码即替换") && !text.contains("留空则保持不变"))
        t.press(.enter)
        let added = try #require(try h.desk().state.roster.byID.values.first { $0.name == "李建华" })
        #expect(added.idNumber == id && added.phone == "13655556666")
    }

    @Test func aDeskClerksRosterSearchCannotTellHiddenDigitsApart() throws {
        let (h, _) = try Self.world()
        func found(_ query: String, as login: String) throws -> [String] {
            var t = try h.terminal(as: login)
            t.open(.roster)
            t.press(.char("/"))
            t.type(query)
            return t.rosterNames
        }
        #expect(try found("1876300", as: "admin") == ["张和平"])
        #expect(try found("1876301", as: "admin") == [])
        #expect(try found("1876300", as: "zhangli") == found("1876301", as: "zhangli"))
        #expect(try found("072113", as: "zhangli") == found(String(Self.idNumber.suffix(6)), as: "zhangli"))
        #expect(try found("9313", as: "zhangli") == ["张和平"], "the last 4 the clerk sees still find the file")
        #expect(try found(String(Self.idNumber.suffix(4)), as: "zhangli") == ["张和平"])
    }
}
