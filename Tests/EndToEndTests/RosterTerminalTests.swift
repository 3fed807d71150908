import DeskCore
import Foundation
import Testing

/// The roster screens in a real terminal (tmux) on `cadredesk demo`: search
/// as you type, the alert band, the add form's messages, two terminals.
@Suite(.serialized) struct RosterTerminalTests {
    static let newName = "欧阳建华"
    static let born = LocalDate(1938, 7, 9)
    /// A valid ID number for 欧阳建华 (male, born 1938-07-09) and the same with a wrong check character.
    static var goodID: String {
        let first17 = "11010119380709031"
        return first17 + String(ResidentID.checkCharacter(forFirst17: first17)!)
    }
    static var badID: String { String(goodID.dropLast()) + (goodID.last == "1" ? "2" : "1") }

    /// Fills the add form with 欧阳建华's name, birth date and `id`, and saves.
    func addNewCadre(_ t: Tmux, id: String) throws {
        try t.press("F2")
        t.wait(for: "新建档案")
        try t.type(Self.newName)
        try t.press("Tab", "Tab")
        try t.type(Self.born.description)
        try t.press("Tab")
        try t.type(id)
        t.wait(for: id)
        try t.press("Enter")
    }

    @Test func typingZsInTheRosterFilterShowsOnlyTheCadresItMatches() throws {
        let state = try Demo.state()
        let hits = state.roster.find("zs", limit: 10_000).hits
        #expect(hits.count >= 3)
        let t = try Tmux(Demo.command(), width: 120, height: 40)
        try t.openTab("花名册")
        t.wait(for: "在册")
        try t.type("/")
        t.wait(for: "查找:")
        try t.type("zs")
        let names = Set(hits.compactMap { state.roster[$0.id]?.name })
        func rows(_ screen: String) -> [Substring] {
            screen.split(separator: "\n").filter { $0.range(of: #"^C\d{5} "#, options: .regularExpression) != nil }
        }
        func name(_ row: Substring) -> String { String(row.split(separator: " ", omittingEmptySubsequences: true)[1]) }
        // The count and the rows under it, in one capture: tmux can capture
        // between the status line's update and the list's (seen once under load).
        let screen = t.wait(for: "找到 \(hits.count) 人 and only matching rows") { screen in
            screen.contains("找到 \(hits.count) 人") && rows(screen).allSatisfy { names.contains(name($0)) }
        }
        // Every file row on screen is one of the matches, the best first.
        let rows = rows(screen)
        #expect(rows.count >= min(hits.count, 10))
        for row in rows {
            #expect(names.contains(name(row)), "\(row)")
        }
        #expect(rows.first?.contains(state.roster[hits[0].id]!.name) == true)
        try t.press("Escape")
        t.wait(for: "the whole roster again") { $0.contains("在册") && !$0.contains("找到") }
    }

    /// A desk clerk types a name straight into the visible search line: a leading q
    /// searches (it quit the app at once before), and so do hanzi.
    @Test func typingANameStartingWithQIntoTheSearchLineSearchesAndNeverQuits() throws {
        let t = try Tmux(Demo.command() + ["--as", "S003"], width: 120, height: 40)
        try t.openTab("花名册")
        t.wait(for: "在册")
        try t.type("qian")
        t.wait(for: "查找: qian")
        #expect(t.hasSession)
        try t.press("Escape")
        t.wait(for: "the whole roster again") { $0.contains("在册") && !$0.contains("找到") }
        try t.type("钱")
        t.wait(for: "查找: 钱")
        #expect(t.hasSession)
        try t.press("F10")
        t.waitForExit()
    }

    @Test func openingAFileShowsTheAlertBand() throws {
        let state = try Demo.state()
        let all = state.roster.all
        let c = try #require(all.first { c in !c.isDeceased && !c.alerts.isEmpty && all.filter { $0.name == c.name }.count == 1 })
        let t = try Tmux(Demo.command(), width: 120, height: 40)
        try t.openTab("花名册")
        t.wait(for: "在册")
        try t.type("/")
        try t.type(c.name)
        t.wait(for: "找到 1 人")
        try t.press("Enter")
        // Wait for the whole frame (a capture can land while the terminal is still drawing it).
        let screen = t.wait(for: "the file of \(c.id.raw) with its sections") { $0.contains("档案号 \(c.id.raw)") && $0.contains("■ 基本情况") }
        let band = try #require(screen.split(separator: "\n").first { $0.contains("⚠ 提醒:") })
        #expect(band.contains(c.alerts[0]))
        // The band sits right under the name line, above every section.
        let lines = screen.split(separator: "\n").map(String.init)
        let nameLine = try #require(lines.firstIndex { $0.contains("档案号 \(c.id.raw)") })
        #expect(lines[nameLine + 1].contains("⚠ 提醒:"))
        #expect((lines.firstIndex { $0.contains("■ 基本情况") } ?? 0) > nameLine + 1)
    }

    @Test func aWrongIDCheckDigitIsShownBesideTheFieldAndTheFixedCadreIsFoundByInitials() throws {
        let state = try Demo.state()
        #expect(!state.roster.all.contains { $0.name == Self.newName })
        let t = try Tmux(Demo.command(), width: 120, height: 40)
        try t.openTab("花名册")
        t.wait(for: "在册 \(state.roster.all.filter { !$0.isDeceased }.count) 人")
        try addNewCadre(t, id: Self.badID)
        let screen = t.wait(for: "身份证校验位应为")
        let line = try #require(screen.split(separator: "\n").first { $0.contains(Self.badID) })
        #expect(line.contains("身份证校验位应为 \(Self.goodID.last!),现在是 \(Self.badID.last!)"), "\(line)")
        try t.press("BSpace")
        try t.type(String(Self.goodID.last!))
        t.wait(for: "the message gone once the field changed") { !$0.contains("身份证校验位应为") && $0.contains(Self.goodID) }
        try t.press("Enter")
        // Saved: the new file opens (the toast saying so lasts 3 s, too short to wait on under load).
        t.wait(for: "the new file open") { $0.contains("\(Self.newName)  男") && $0.contains("■ 基本情况") }
        try t.press("Escape")
        t.wait(for: "在册 \(state.roster.all.filter { !$0.isDeceased }.count + 1) 人")
        try t.type("/")
        t.wait(for: "查找:")
        try t.type("oyjh")
        let found = t.wait(for: "找到 1 人")
        #expect(found.contains(Self.newName))
    }

    @Test func aCadreAddedInOneTerminalIsFoundInTheOtherWithinASecond() throws {
        let dir = TempDir()
        let a = try Tmux(Demo.command(dir: dir.path), width: 120, height: 40)
        try a.openTab("花名册")
        a.wait(for: "在册")
        let b = try Tmux(Demo.command(dir: dir.path), width: 120, height: 40)
        try b.openTab("花名册")
        b.wait(for: "在册")
        try b.type("/")
        b.wait(for: "查找:")
        try b.type("oyjh")
        b.wait(for: "找到 0 人")
        try addNewCadre(a, id: Self.goodID)
        a.wait(for: "the new file open") { $0.contains("\(Self.newName)  男") && $0.contains("■ 基本情况") }
        let seen = b.wait(for: Self.newName, timeout: 1.0)
        #expect(seen.contains("找到 1 人"))
    }

    @Test func theImportScreenReportsBadRowsWithRowColumnAndFix() throws {
        let dir = TempDir()
        let csv = dir.file("名单.csv")
        let state = try Demo.state()
        var cadres = Array(state.roster.all.filter { !$0.isDeceased }.prefix(5))
        for i in cadres.indices {
            cadres[i].idNumber = nil  // already on file: a fresh number each, except the broken one
            cadres[i].name = ["钱文", "孙武", "周全", "吴用", "郑和"][i]
        }
        cadres[2].phone = "12345"
        try Data(RosterExport.csv(cadres, state: state)).write(to: URL(fileURLWithPath: csv))
        let t = try Tmux(Demo.command(), width: 120, height: 40)
        try t.openTab("花名册")
        t.wait(for: "在册")
        try t.press("F7")
        t.wait(for: "导入花名册")
        try t.press("C-u")
        try t.type(csv)
        try t.press("Enter")
        let report = t.wait(for: "发现 1 处错误")
        let row = try #require(report.split(separator: "\n").first { $0.contains("     4 电话") })
        #expect(row.contains("错误"))
        try t.press("Enter")
        t.wait(for: "有错误的行,不能导入")
    }
}

/// `cadredesk import roster` and `cadredesk export roster` as a script or a clerk runs them.
@Suite(.serialized) struct RosterCommandLineTests {
    static let today = LocalDate(2026, 11, 23)

    /// A log whose first admin is the OS user running the tests, with the sample's staff.
    static func log(_ dir: TempDir) throws -> (path: String, generator: SampleGenerator) {
        let path = dir.file("desk.log")
        var o = Desk.Options()
        o.create = true
        let desk = try Desk(path: path, options: o)
        var login = "uid\(getuid())"
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { login = String(cString: name) }
        try desk.perform(CreateFirstAdmin(login: login, name: "管理员"), as: Staff.bootstrapID)
        let g = SampleGenerator(seed: 4, cadres: 520, years: 0, today: today)
        try desk.performBatch(g.staff(in: desk.state), as: Staff.bootstrapID)
        return (path, g)
    }

    /// 500 of the generator's living files as CSV, with rows (0-based data rows) broken three ways.
    static func csv(_ g: SampleGenerator, breaking rows: [Int] = []) throws -> [UInt8] {
        let source = try g.state()
        var cadres = Array(RosterLists.members([], in: source, on: today).prefix(500))
        #expect(cadres.count == 500)
        for (k, r) in rows.enumerated() {
            switch k % 3 {
            case 0: cadres[r].idNumber = cadres[r].idNumber.map { String($0.dropLast()) + ($0.last == "1" ? "2" : "1") }
            case 1: cadres[r].phone = "12345"
            default: cadres[r].name = "Zhang3"
            }
        }
        return RosterExport.csv(cadres, state: source)
    }

    static func records(_ path: String) throws -> [LogRecordLine] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { LogRecordLine(String($0)) }
    }

    /// Runs the binary with stdin closed (nobody to answer a question).
    static func run(_ args: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Binaries.cadredesk)
        p.arguments = args
        p.environment = ["LANG": "C.UTF-8", "HOME": NSHomeDirectory(), "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func aFileWithThreeBadRowsAmong500ImportsNothingAndNamesExactlyThoseRows() throws {
        let dir = TempDir()
        let (log, g) = try Self.log(dir)
        let csv = dir.file("roster.csv")
        try Data(try Self.csv(g, breaking: [10, 250, 498])).write(to: URL(fileURLWithPath: csv))
        let before = try Data(contentsOf: URL(fileURLWithPath: log))
        let (status, out) = try Self.run(["import", "roster", "--log", log, "--yes", csv])
        #expect(status == 1, "\(out)")
        let errorLines = out.split(separator: "\n").filter { $0.hasPrefix("错误 ") }
        #expect(errorLines.count == 3, "\(out)")
        #expect(errorLines[0].contains("第 12 行「身份证号」") && errorLines[0].contains("身份证校验位应为"))
        #expect(errorLines[1].contains("第 252 行「电话」"))
        #expect(errorLines[2].contains("第 500 行「姓名」"))
        #expect(out.contains("发现 3 处错误(涉及 3 行),未导入任何档案"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: log)) == before)
    }

    @Test func theFixedFileImportsAll500RowsInOneBatch() throws {
        let dir = TempDir()
        let (log, g) = try Self.log(dir)
        let csv = dir.file("roster.csv")
        try Data(try Self.csv(g)).write(to: URL(fileURLWithPath: csv))
        let (status, out) = try Self.run(["import", "roster", "--log", log, "--yes", csv])
        #expect(status == 0, "\(out)")
        #expect(out.contains("检查 \(csv)(UTF-8(带 BOM),500 行数据)"))
        #expect(out.contains("已导入 500 个档案(C00001–C00500)"))
        let added = try Self.records(log).filter { $0.type == "cadre.added" }
        #expect(added.count == 500)
        #expect(added.allSatisfy { $0.batchCount == 500 })
        let desk = try Desk(path: log)
        #expect(desk.state.roster.count == 500)
        #expect(desk.state.roster.byID.values.contains { $0.contact != nil })
    }

    @Test func aGB18030SpreadsheetImports() throws {
        let dir = TempDir()
        let (log, g) = try Self.log(dir)
        let csv = dir.file("roster-gbk.csv")
        let utf8 = try Self.csv(g)
        let text = String(decoding: utf8.dropFirst(3), as: UTF8.self)
        let gb = try #require(TextEncoding.gb18030(text))
        #expect(String(validating: gb, as: UTF8.self) == nil)
        try Data(gb).write(to: URL(fileURLWithPath: csv))
        let (status, out) = try Self.run(["import", "roster", "--log", log, "--yes", csv])
        #expect(status == 0, "\(out)")
        #expect(out.contains("GB18030"))
        let desk = try Desk(path: log)
        let source = try g.state()
        #expect(desk.state.roster.all.map(\.name) == RosterLists.members([], in: source, on: Self.today).prefix(500).map(\.name))
    }

    @Test func withoutYesNobodyToAnswerMeansNothingIsImportedAndDryRunOnlyChecks() throws {
        let dir = TempDir()
        let (log, g) = try Self.log(dir)
        let csv = dir.file("roster.csv")
        try Data(try Self.csv(g)).write(to: URL(fileURLWithPath: csv))
        let (asked, out) = try Self.run(["import", "roster", "--log", log, csv])
        #expect(asked == 3, "\(out)")
        #expect(out.contains("导入全部 500 个档案?"))
        let (dry, dryOut) = try Self.run(["import", "roster", "--log", log, "--dry-run", csv])
        #expect(dry == 0 && dryOut.contains("未导入"))
        #expect(try Desk(path: log).state.roster.count == 0)
        let (missing, _) = try Self.run(["import", "roster", "--log", log, dir.file("nope.csv")])
        #expect(missing == 2)
    }

    @Test func exportWritesTheListsFilesWithABOMAndRecordsTheExport() throws {
        let dir = TempDir()
        let (log, g) = try Self.log(dir)
        try g.write(to: try Desk(path: log), as: Staff.bootstrapID, parts: [{ g, s in g.roster(in: s) }])
        let desk = try Desk(path: log)
        let alone = RosterLists.ids([.named(.alone), .named(.elderly)], in: desk.state, on: Self.today)
        #expect(!alone.isEmpty)
        let out = dir.file("alone.csv")
        let (status, text) = try Self.run(["export", "roster", "--log", log, "--list", "独居", "--list", "高龄", out])
        #expect(status == 0, "\(text)")
        #expect(text.contains("已导出 \(alone.count) 人到 \(out)"))
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\r\n")
        #expect(lines.count == alone.count + 1)
        #expect(lines[0].hasPrefix("档案号,姓名,性别"))
        #expect(try Desk(path: log).state.audit.exports.last?.rows == alone.count)
        // The file is there now: not replaced without --force.
        let (again, againText) = try Self.run(["export", "roster", "--log", log, "--list", "独居", out])
        #expect(again == 2 && againText.contains("已存在"))
        let (unknown, unknownText) = try Self.run(["export", "roster", "--log", log, "--list", "富裕", dir.file("x.csv")])
        #expect(unknown == 2 && unknownText.contains("不认识的名单「富裕」"))
    }
}

/// The envelope fields a test looks at, read from a log line.
struct LogRecordLine {
    let type: String
    let batchCount: Int
    init(_ line: String) {
        func field(_ name: String) -> String? {
            guard let r = line.range(of: "\"\(name)\":") else { return nil }
            let rest = line[r.upperBound...]
            if rest.first == "\"" { return String(rest.dropFirst().prefix { $0 != "\"" }) }
            return String(rest.prefix { $0.isNumber })
        }
        type = field("type") ?? ""
        batchCount = Int(field("bn") ?? "") ?? 0
    }
}
