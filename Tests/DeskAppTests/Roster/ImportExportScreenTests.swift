import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

@Suite struct ImportExportScreenTests {
    /// A CSV of `count` sample files (as exported), with the staff they name added to the harness's log.
    static func sampleCSV(_ h: AppHarness, count: Int, breaking rows: [Int] = []) throws -> [UInt8] {
        let g = SampleGenerator(seed: 9, cadres: count + 10, years: 0, today: LocalDate(2026, 11, 23))
        let source = try g.state()
        try h.desk().performBatch(g.staff(in: try h.desk().state), as: "S001")
        var cadres = Array(RosterLists.members([], in: source, on: g.today).prefix(count))
        for (k, r) in rows.enumerated() {
            switch k % 3 {
            case 0: cadres[r].idNumber = cadres[r].idNumber.map { String($0.dropLast()) + ($0.last == "1" ? "2" : "1") }
            case 1: cadres[r].phone = "12345"
            default: cadres[r].name = "Zhang3"
            }
        }
        return RosterExport.csv(cadres, state: source)
    }

    func openImport(_ t: inout Terminal, _ path: String) {
        t.press(.f(7))
        t.press(.ctrl("u"))
        t.type(path)
        t.press(.enter)
    }

    @Test func theImportReportNamesTheBadRowsAndImportsNothingUntilTheyAreFixed() throws {
        let h = try AppHarness()
        let path = h.dir.file("roster.csv")
        try Data(try Self.sampleCSV(h, count: 40, breaking: [4, 17, 30])).write(to: URL(fileURLWithPath: path))
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        openImport(&t, path)
        let report = t.screen(width: 120, height: 40).joined(separator: "\n")
        #expect(report.contains("共 40 行数据"))
        #expect(report.contains("发现 3 处错误(涉及 3 行)"))
        guard case .importing(let view)? = t.roster.task, let plan = view.plan else { Issue.record("no report"); return }
        #expect(plan.badRows == [6, 19, 32])
        for row in [6, 19, 32] { #expect(report.contains("    \(row) ")) }
        #expect(report.contains("身份证校验位应为"))
        t.press(.enter)
        #expect(t.text().contains("有错误的行,不能导入"))
        #expect(try h.desk().state.roster.count == 0)
        // Corrected in the spreadsheet, checked again with r, imported in one batch.
        try Data(try Self.sampleCSV(AppHarness(), count: 40)).write(to: URL(fileURLWithPath: path))
        t.press(.char("r"))
        #expect(t.text().contains("检查通过,可导入 40 个档案"))
        let seq = try h.desk().state.seq
        t.press(.enter)
        #expect(t.text().contains("导入 40 个档案?要么全部导入,要么都不导入。"))
        t.press(.char("y"))
        let d = try h.desk()
        #expect(d.state.roster.count == 40)
        #expect(d.state.seq == seq + 40)
        #expect(t.model.toast?.message == "已导入 40 个档案(C00001–C00040)。")
        #expect(t.roster.task == nil)
        #expect(t.text().contains("在册 40 人"))
    }

    @Test func anUnreadablePathIsSaidBesideTheField() throws {
        let h = try AppHarness()
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        openImport(&t, h.dir.file("nope.csv"))
        // Beside the field, or on the line under it when it does not fit beside.
        let lines = t.screen(width: 120, height: 30)
        let field = try #require(lines.firstIndex { $0.contains("文件") && $0.contains("nope.csv") })
        #expect(lines[field].contains("读不到文件") || lines[field + 1].contains("读不到文件 \(h.dir.file("nope.csv"))"))
    }

    @Test func exportingTheListOnScreenWritesASpreadsheetAndRecordsIt() throws {
        let h = try AppHarness()
        try h.addCadre("张三", living: .alone)
        try h.addCadre("李四", serial: 14)
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        t.press(.f(3))
        t.type("独居")
        t.press(.enter)
        t.press(.f(8))
        #expect(t.text().contains("导出名单:独居 1 人"))
        let path = h.dir.file("alone.csv")
        t.press(.ctrl("u"))
        t.type(path)
        t.press(.enter)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.contains("张三") && !text.contains("李四"))
        #expect(t.model.toast?.message == "已导出 1 人到 \(path)。")
        let exports = try h.desk().state.audit.exports
        #expect(exports.last?.rows == 1 && exports.last?.file == path)
        // Exporting again asks before replacing the file.
        t.press(.f(8))
        t.press(.ctrl("u"))
        t.type(path)
        t.press(.enter)
        #expect(t.text().contains("已存在,要替换吗"))
        t.press(.char("n"))
        #expect(try h.desk().state.audit.exports.count == 1)
    }
}
