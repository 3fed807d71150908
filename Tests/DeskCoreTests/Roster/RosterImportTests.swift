import Foundation
import Testing
@testable import DeskCore

@Suite struct RosterImportTests {
    static let header = "姓名,性别,出生日期,身份证号,类别,职级,原单位,电话,社区,健康状况,居住情况,婚姻状况,经济困难,关怀等级,家庭成员,提醒"
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
    static let given = ["建国", "秀英", "国华", "桂兰", "志强", "淑珍", "德明", "玉兰", "振华", "凤英", "学军", "秀云", "长林",
                        "冬梅", "永强", "素芬", "世杰", "春花", "宝山", "翠花", "和平", "丽华", "光明", "金凤", "胜利"]

    /// One data row per index: distinct names and birth dates, valid IDs.
    static func row(_ i: Int) -> [String] {
        let female = i % 3 == 0
        // 离休 (every 25th) joined before 1949, so born by 1934.
        let born = i % 25 == 0 ? LocalDate(1930, 1, 1).adding(days: i) : LocalDate(1940, 1, 1).adding(days: i * 17)
        let id = Fixture.residentID(born: born, gender: female ? .female : .male, seq: 11 + (i % 400) * 2)
        let name = String(surnames[i % 20]) + given[(i / 20) % 25]
        let phone = i % 2 == 0 ? "0951-50\(String(10000 + i))" : "139\(String(10_000_000 + i))"
        let family = i % 4 == 0 ? "女儿:\(surnames[i % 20])丽:138\(String(20_000_000 + i))；配偶:李梅:" : ""
        return [name, female ? "女" : "男", born.description, id, i % 25 == 0 ? "离休" : "退休", "一般", "县教育局", phone, "东风社区",
                i % 5 == 0 ? "慢病" : "健康", i % 7 == 0 ? "独居" : "与配偶", i % 7 == 0 ? "丧偶" : "已婚", i % 11 == 0 ? "是" : "否",
                i % 6 == 0 ? "2" : "", family, i % 9 == 0 ? "听力不好" : ""]
    }

    static func csv(_ rows: [[String]]) -> String {
        ([header] + rows.map { $0.joined(separator: ",") }).joined(separator: "\r\n") + "\r\n"
    }

    static var rows500: [[String]] { (0..<500).map(row) }

    /// The 500 rows with three mistakes: a wrong check digit (row 102), an
    /// impossible date (row 252), a short mobile number (row 402).
    static var broken: [[String]] {
        var rows = rows500
        var id = Array(rows[100][3])
        id[17] = id[17] == "0" ? "1" : "0"
        rows[100][3] = String(id)
        rows[250][2] = "1952-02-30"
        rows[250][3] = ""
        rows[400][7] = "138123"
        return rows
    }

    @Test func threeBadRowsAmong500ImportNothingAndAreReportedExactly() throws {
        let t = try TestDesk()
        let plan = RosterImport.plan(Array(Self.csv(Self.broken).utf8), state: t.desk.state, today: t.desk.clock.today)
        #expect(plan.rows == 500)
        #expect(plan.badRows == [102, 252, 402])
        #expect(plan.errors.map(\.column) == ["身份证号", "出生日期", "电话"])
        let zh = Localizer(.zh)
        let expected = ResidentID.checkCharacter(forFirst17: String(Self.rows500[100][3].prefix(17)))!
        #expect(zh.message(plan.errors[0].problem).hasPrefix("身份证校验位应为 \(expected)"))
        #expect(zh.message(plan.errors[2].problem) == "手机号应为 11 位,现在是 6 位。")
        #expect(throws: RosterImport.ImportError.hasErrors([102, 252, 402])) {
            try RosterImport.commit(plan, to: t.desk, as: t.admin, acceptWarnings: true)
        }
        #expect(t.desk.state.roster.count == 0)
    }

    @Test func theFixedFileImportsAll500InOneBatch() throws {
        let t = try TestDesk()
        let before = t.desk.state.seq
        let plan = RosterImport.plan(Array(Self.csv(Self.rows500).utf8), state: t.desk.state, today: t.desk.clock.today)
        #expect(plan.errors.isEmpty)
        let ids = try RosterImport.commit(plan, to: t.desk, as: t.admin, acceptWarnings: false)
        #expect(ids.count == 500)
        #expect(t.desk.state.seq == before + 500)
        let other = try t.reopen()
        #expect(other.state.roster.count == 500)
        let first = try #require(other.state.roster[ids[0]])
        #expect(first.name == "王建国" && first.gender == .female && first.category == .lixiu && first.careLevel == 2)
        #expect(first.family.first?.relation == "女儿" && first.family.first?.emergency == true)
        #expect(first.alerts == ["听力不好"])
    }

    @Test func anImportRefusedHalfWayLeavesNothingBehind() throws {
        let t = try TestDesk()
        let plan = RosterImport.plan(Array(Self.csv(Self.rows500).utf8), state: t.desk.state, today: t.desk.clock.today)
        // Meanwhile another terminal opens a file with the last row's ID number.
        let other = try t.reopen()
        var d = Fixture.draft(name: "赵某某", born: Self.rows500[499][2], gender: Self.rows500[499][1] == "女" ? .female : .male)
        d.idNumber = Self.rows500[499][3]
        try other.perform(AddCadre(d), as: t.admin)
        do {
            try RosterImport.commit(plan, to: t.desk, as: t.admin, acceptWarnings: false)
            Issue.record("expected a refusal")
        } catch let RosterImport.ImportError.refused(row, error) {
            #expect(row == 501)
            #expect(error.problems.first?.key == "roster.id.duplicate")
        }
        #expect(t.desk.state.roster.count == 1)
    }

    @Test func aGB18030FileFromAChineseSpreadsheetImports() throws {
        let t = try TestDesk()
        let bytes = try #require(TextEncoding.gb18030(Self.csv(Array(Self.rows500.prefix(20)))))
        #expect(String(validating: bytes, as: UTF8.self) == nil, "really not UTF-8")
        let plan = RosterImport.plan(bytes, state: t.desk.state, today: t.desk.clock.today)
        #expect(plan.encoding == .gb18030)
        #expect(plan.errors.isEmpty)
        try RosterImport.commit(plan, to: t.desk, as: t.admin, acceptWarnings: false)
        #expect(t.desk.state.roster.all.first?.name == "王建国")
        #expect(t.desk.state.roster.all.first?.community == "东风社区")
    }

    @Test func aUTF8BOMAndEnglishHeadingsAreAccepted() throws {
        let t = try TestDesk()
        let text = "Name,Gender,Birth date,ID number,Phone\r\n王建国,男,1936-05-01,\(Fixture.residentID(born: LocalDate(1936, 5, 1), gender: .male)),13812345678\r\n"
        let plan = RosterImport.plan([0xEF, 0xBB, 0xBF] + Array(text.utf8), state: t.desk.state, today: t.desk.clock.today)
        #expect(plan.encoding == .utf8BOM)
        #expect(plan.issues.isEmpty)
        try RosterImport.commit(plan, to: t.desk, as: t.admin, acceptWarnings: false)
        #expect(t.desk.state.roster.all.first?.phone == "13812345678")
    }

    @Test func duplicatesInsideTheFileAndAgainstTheRosterAreReported() throws {
        let t = try TestDesk()
        var d = Fixture.draft(name: "王建国", born: Self.rows500[0][2], gender: .female)
        d.idNumber = Self.rows500[0][3]
        try Fixture.add(t, d)
        var rows = Array(Self.rows500.prefix(3))
        rows.append(rows[1])
        let plan = RosterImport.plan(Array(Self.csv(rows).utf8), state: t.desk.state, today: t.desk.clock.today)
        #expect(plan.errors.map(\.problem.key) == ["roster.id.duplicate", "roster.csv.duplicate_id"])
        #expect(plan.badRows == [2, 5])
        #expect(plan.warnings.map(\.problem.key).contains("roster.csv.duplicate_person"))
    }

    @Test func theDryRunAsksWhatTheSaveAsks_anInactiveContactAndABadAlert() throws {
        let t = try TestDesk()
        let gone = try t.addStaff("周离职", role: .caseworker)
        try t.desk.perform(SetStaffActive(id: gone, active: false), as: t.admin)
        var one = Self.row(1), two = Self.row(2)
        one[15] = ""
        two[15] = String(repeating: "长", count: CadreRules.Limit.alert + 1)
        let text = ([Self.header + ",contact"] + [one + [gone.raw], two + [""]].map { $0.joined(separator: ",") }).joined(separator: "\r\n")
        let plan = RosterImport.plan(Array(text.utf8), state: t.desk.state, today: t.desk.clock.today)
        #expect(plan.badRows == [2, 3])
        #expect(plan.errors.map(\.problem.key) == ["roster.contact.inactive", "roster.text.too_long"])
        // and the commands the plan holds are refused for the same reasons by the save
        #expect(plan.commandRows == [2, 3])
        for (command, row) in zip(plan.commands, plan.commandRows) {
            var refused: [String] = []
            do { try t.desk.perform(command, as: t.admin) } catch { refused = error.problems.map(\.key) }
            #expect(refused == plan.errors.filter { $0.row == row }.map(\.problem.key), "row \(row)")
        }
    }

    @Test func unknownWordsAndMissingColumnsSayWhatToWrite() throws {
        let t = try TestDesk()
        var rows = [Self.row(1)]
        rows[0][1] = "未知"
        let plan = RosterImport.plan(Array(Self.csv(rows).utf8), state: t.desk.state, today: t.desk.clock.today)
        #expect(plan.errors.map(\.problem.key) == ["roster.csv.bad_word"])
        #expect(plan.errors.first?.column == "性别")
        let noName = RosterImport.plan(Array("性别,电话\r\n男,13812345678\r\n".utf8), state: t.desk.state, today: t.desk.clock.today)
        #expect(noName.errors.map(\.problem.key) == ["roster.csv.missing_column", "roster.csv.missing_birth"])
    }

    @Test func exportThenImportGivesTheSameFilesAndTheExportIsAudited() throws {
        let t = try TestDesk()
        let boss = try t.addStaff("周主任", role: .supervisor)
        try t.addStaff("刘洋", role: .caseworker)
        let plan = RosterImport.plan(Array(Self.csv(Array(Self.rows500.prefix(60))).utf8), state: t.desk.state, today: t.desk.clock.today)
        try RosterImport.commit(plan, to: t.desk, as: t.admin, acceptWarnings: false)
        try t.desk.perform(AssignContact(id: "C00003", contact: "S003"), as: t.admin)
        try t.desk.perform(AddCadreAlert(id: "C00003", text: "先打女儿电话"), as: t.admin)

        let path = t.dir.file("roster.csv")
        let rows = try RosterExport.export(t.desk, as: boss, filters: [], to: path)
        #expect(rows == 60)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "Excel on Chinese Windows needs the BOM")
        #expect(t.desk.state.audit.exports.last?.rows == 60)
        #expect(t.desk.state.audit.exports.last?.by == boss)

        let u = try TestDesk()
        try u.addStaff("周主任", role: .supervisor)
        try u.addStaff("刘洋", role: .caseworker)
        let again = RosterImport.plan(bytes, state: u.desk.state, today: u.desk.clock.today)
        #expect(again.errors.isEmpty)
        try RosterImport.commit(again, to: u.desk, as: u.admin, acceptWarnings: false)
        let a = t.desk.state.roster.all, b = u.desk.state.roster.all
        #expect(a == b, "same files, same numbers (both rosters started empty)")
    }

    @Test func onlyRolesThatMayExportCanExport() throws {
        let t = try TestDesk()
        let clerk = try t.addStaff("王芳", role: .desk)
        let path = t.dir.file("x.csv")
        #expect(throws: DeskError.notAllowed(Problem("error.not_allowed", ["exportData"]))) {
            try RosterExport.export(t.desk, as: clerk, filters: [.named(.alone)], to: path)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        let plan = RosterImport.plan(Array(Self.csv([Self.row(1)]).utf8), state: t.desk.state, today: t.desk.clock.today)
        #expect(throws: RosterImport.ImportError.refused(row: nil, .notAllowed(Problem("error.not_allowed", ["importRoster"])))) {
            try RosterImport.commit(plan, to: t.desk, as: clerk, acceptWarnings: false)
        }
    }
}
