import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

@Suite struct StatusActionTests {
    func openFile(_ t: inout Terminal) {
        t.press(.char("/"))
        t.type("zs")
        t.press(.enter)
    }

    @Test func admissionAndDischargeAreDatedActionsOfferedByTheCurrentStatus() throws {
        let h = try AppHarness()
        let id = try h.addCadre("张三")
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        openFile(&t)
        t.press(.char("s"))
        let menu = t.text()
        #expect(menu.contains("登记住院") && menu.contains("登记异地居住") && menu.contains("登记配偶去世") && menu.contains("登记去世"))
        #expect(!menu.contains("登记出院"))
        t.press(.enter)
        #expect(t.text().contains("登记住院:张三"))
        t.focus("date")
        t.press(.ctrl("u"))
        t.type("2026-11-20")
        t.focus("hospital")
        t.type("县人民医院")
        t.press(.enter)
        #expect(try h.desk().state.roster[id]?.hospitalisedSince == LocalDate(2026, 11, 20))
        #expect(t.model.toast?.message == "已登记住院。")
        #expect(t.text().contains("住院中(11月20日起)"))
        t.press(.char("s"))
        #expect(t.text().contains("登记出院"))
        t.press(.enter)  // discharged today
        t.press(.enter)
        #expect(try h.desk().state.roster[id]?.hospitalisedSince == nil)
        #expect(!t.text().contains("住院中"))
    }

    @Test func aDateInTheFutureIsRefusedBesideTheDateField() throws {
        let h = try AppHarness()
        try h.addCadre("张三")
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        openFile(&t)
        t.press(.char("s"))
        t.press(.down)  // 登记异地居住
        t.press(.enter)
        t.press(.ctrl("u"))
        t.type("2027-01-01")
        t.focus("place")
        t.type("上海,与女儿同住")
        t.press(.enter)
        let lineFound = t.line(containing: "2027-01-01")
        let line = try #require(lineFound)
        #expect(line.contains("日期不能晚于今天(2026-11-23)"))
        t.focus("date")
        t.press(.ctrl("u"))
        t.type("notadate")
        t.press(.enter)
        let shown = t.line(containing: "notadate")
        #expect(shown?.contains("请输入实际存在的日期,格式如 2026-11-23") == true)
    }

    @Test func recordingADeathAsksOnceMoreThenKeepsTheFileAndStopsTheActions() throws {
        let h = try AppHarness()
        let id = try h.addCadre("张三")
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        openFile(&t)
        t.press(.char("s"))
        t.press(.down, .down, .down)  // 登记去世
        t.press(.enter)
        t.press(.enter)
        #expect(t.text().contains("确认 张三 于 2026-11-23 去世?"))
        t.press(.char("n"))
        #expect(try h.desk().state.roster[id]?.deceasedOn == nil)
        t.press(.enter)
        t.press(.char("y"))
        #expect(try h.desk().state.roster[id]?.deceasedOn == LocalDate(2026, 11, 23))
        let file = t.text()
        #expect(file.contains("已于 2026-11-23 去世,档案保留,走访提醒已停止。"))
        #expect(!(t.screen().last ?? "").contains("签到"))
        t.press(.char("s"))
        #expect(t.text().contains("张三 已于 2026-11-23 去世"))
        // The deceased leave the living roll but are still found by a search.
        t.press(.escape)
        #expect(t.text().contains("在册 0 人"))
        t.press(.char("/"))
        t.type("zs")
        #expect(t.rosterNames == ["张三"])
        #expect(t.text().contains("已故"))
    }

    @Test func aRoleWithoutTheStatusPermissionHasNoStatusKey() throws {
        let h = try AppHarness()
        try h.addStaff("李红", login: "lihong", role: .desk)
        try h.addCadre("张三")
        var t = try h.terminal(as: "lihong")
        t.open(.roster)
        openFile(&t)
        #expect(t.roster.file != nil, "the file is open")
        #expect(!(t.screen(width: 140, height: 30).last ?? "").contains("状态"))
        t.press(.char("s"))
        #expect(t.roster.task == nil)
    }
}
