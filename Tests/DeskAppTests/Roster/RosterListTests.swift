import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

@Suite struct RosterListTests {
    @Test func theRosterIsTheFirstTabAndListsEveryLivingCadreWithTheCount() throws {
        let h = try AppHarness()
        try h.addCadre("张三")
        try h.addCadre("李四", serial: 14)
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        #expect(t.model.activeScreen == .roster)
        let s = t.text()
        #expect(s.contains("在册 2 人"))
        #expect(t.rosterNames == ["张三", "李四"])
    }

    @Test func typingPinyinInitialsShowsOnlyTheCadresTheyMatchBestFirst() throws {
        let h = try AppHarness()
        try h.addCadre("李四", serial: 14)
        try h.addCadre("赵世平", serial: 16)
        try h.addCadre("张三")
        try h.addCadre("王五", serial: 18)
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        t.press(.char("/"))
        t.type("zs")
        // Initials of 张三 and the start of 赵世平's.
        #expect(Set(t.rosterNames) == ["张三", "赵世平"])
        let s = t.text()
        #expect(s.contains("找到 2 人"))
        #expect(!s.contains("李四") && !s.contains("王五"))
        #expect(s.contains("匹配:拼音首字母"))
        // Enter opens the best match.
        t.press(.enter)
        let first = try #require(t.roster.list.table.visibleRows.first)
        #expect(t.roster.file?.id == first.id)
        #expect(t.text().contains("档案号 \(first.id.raw)"))
    }

    @Test func hanziPhoneTailAndIDTailFindTheSameFile() throws {
        let h = try AppHarness()
        try h.addCadre("李四", phone: "13900001111", serial: 14)
        let id = try h.addCadre("张三", phone: "13812345678")
        let idNumber = try #require(try h.desk().state.roster[id]?.idNumber)
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        for query in ["张", "5678", "138123", String(idNumber.suffix(4)), "zhangsan", "C2"] {
            t.press(.char("/"))
            t.type(query)
            #expect(t.rosterNames == ["张三"], "\(query)")
            t.press(.escape)
            #expect(t.rosterNames.count == 2)
        }
    }

    @Test func theSearchFindsTheSameFilesAsTheDomainOnARealisticRoster() throws {
        let h = try AppHarness()
        try h.addSample(cadres: 150)
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        let state = try h.desk().state
        for query in ["w", "wang", "zh", "李", "13"] {
            t.press(.char("/"))
            t.type(query)
            let living = state.roster.find(query, limit: 1000).hits.map(\.id)
            #expect(t.roster.list.table.visibleRows.map(\.id) == living, "\(query)")
            t.press(.escape)
        }
    }

    @Test func listsMaskPhonesAndIDNumbersEvenForRolesThatMaySeeThem() throws {
        let h = try AppHarness()
        let id = try h.addCadre("张三", phone: "13812345678")
        let number = try #require(try h.desk().state.roster[id]?.idNumber)
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        let s = t.screen(width: 140, height: 30).joined(separator: "\n")
        #expect(s.contains("138****5678"))
        #expect(!s.contains("13812345678"))
        #expect(s.contains(ResidentID.masked(number)))
        #expect(!s.contains(number))
    }

    @Test func theListChooserShowsEveryNamedListWithItsCountAndFiltersByIt() throws {
        let h = try AppHarness()
        try h.addSample(cadres: 120)
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        let state = try h.desk().state
        let counts = RosterLists.counts(in: state, on: LocalDate(2026, 11, 23))
        let alone = try #require(counts.first { $0.filter == .named(.alone) }?.count)
        let elderly = try #require(counts.first { $0.filter == .named(.elderly) }?.count)
        #expect(alone > 0)
        t.press(.f(3))
        let chooser = t.screen(width: 100, height: 40).joined(separator: "\n")
        #expect(chooser.contains("选择名单"))
        #expect(chooser.contains("独居 \(alone) 人"))
        #expect(chooser.contains("高龄 \(elderly) 人"))
        t.type("独居")
        t.press(.enter)
        #expect(t.text().contains("独居 \(alone) 人"))
        #expect(t.roster.list.table.visibleCount == alone)
        let ids = Set(RosterLists.ids([.named(.alone)], in: state, on: LocalDate(2026, 11, 23)))
        #expect(Set(t.roster.list.table.visibleRows.map(\.id)) == ids)
        // The search narrows the chosen list; Esc shows everyone again.
        t.press(.escape)
        #expect(t.text().contains("在册 120 人"))
    }

    @Test func groupingsByCommunityAndContactPersonAreInTheChooser() throws {
        let h = try AppHarness()
        let wang = try h.addStaff("王芳", login: "wangfang", role: .caseworker)
        try h.addCadre("张三", community: "东风社区", contact: wang)
        try h.addCadre("李四", community: "西园社区", serial: 14)
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        t.press(.f(3))
        t.type("王芳")
        #expect(t.text().contains("联系人:王芳 1 人"))
        t.press(.enter)
        #expect(t.rosterNames == ["张三"])
        t.press(.f(3))
        t.type("西园")
        t.press(.enter)
        #expect(t.rosterNames == ["李四"])
    }

    @Test func f5SortsByTheNextColumnAndF6Reverses() throws {
        let h = try AppHarness()
        try h.addCadre("张三", born: LocalDate(1950, 1, 1))
        try h.addCadre("李四", born: LocalDate(1930, 1, 1), serial: 14)
        try h.addCadre("王五", born: LocalDate(1940, 1, 1), serial: 16)
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        t.press(.f(5), .f(5))  // file number, then name (by pinyin)
        #expect(t.rosterNames == ["李四", "王五", "张三"])
        t.press(.f(5), .f(5))  // gender, then age
        #expect(t.rosterNames == ["张三", "王五", "李四"])
        t.press(.f(6))
        #expect(t.rosterNames == ["李四", "王五", "张三"])
        #expect(t.text().contains("年龄▼"))
    }

    @Test func anotherTerminalsNewFileJoinsTheSearchWithoutMovingTheCursor() throws {
        let h = try AppHarness()
        try h.addCadre("张三")
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        t.press(.char("/"))
        t.type("zs")
        #expect(t.rosterNames == ["张三"])
        try h.addCadre("郑爽", male: false, serial: 20)
        t.tick()
        #expect(t.rosterNames.sorted() == ["张三", "郑爽"].sorted())
        #expect(t.roster.list.table.selectedRow?.cells[1] == "张三")
    }

    @Test func anotherTerminalsChangeToAFileShowsInItsRow() throws {
        let h = try AppHarness()
        try h.addCadre("张三")
        let li = try h.addCadre("李四", serial: 14)
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        let rowOf = { (t: Terminal, name: String) in t.roster.list.table.visibleRows.first { $0.cells[1] == name }?.cells ?? [] }
        #expect(rowOf(t, "李四")[RosterRows.Column.status.rawValue] == "")
        try h.desk().perform(AddCadreAlert(id: li, text: "听力差"), as: "S001")
        t.tick()
        #expect(rowOf(t, "李四")[RosterRows.Column.status.rawValue] == "⚠1")
        #expect(rowOf(t, "张三")[RosterRows.Column.status.rawValue] == "")
    }

    @Test func aBroadSearchListsTheClosest200AndSaysHowManyMatch() throws {
        let h = try AppHarness()
        try h.addSample(cadres: 420)
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        let state = try h.desk().state
        let candidates = ["1", "13", "0951", "w", "l", "z", "zh", "c", "y", "x", "社区", "县"]
        let query = try #require(candidates.first { state.roster.find($0, limit: 10_000).total > 200 },
                                 "\(candidates.map { ($0, state.roster.find($0, limit: 10_000).total) })")
        let all = state.roster.find(query, limit: 10_000)
        t.press(.char("/"))
        t.type(query)
        #expect(t.roster.list.table.visibleRows.map(\.id) == all.hits.prefix(200).map(\.id))
        #expect(t.screen(width: 120, height: 30).joined(separator: "\n").contains("找到 \(all.total) 人,列出最接近的 200 人"))
    }

    @Test func at80ColumnsNoColumnIsCutAndWideTerminalsShowTheIDNumber() throws {
        let h = try AppHarness()
        try h.addCadre("欧阳建国", phone: "13812345678", alerts: ["听力差"])
        try h.addCadre("司马光明", phone: "0951-8765432", community: "玉皇阁社区", serial: 20)
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        let narrow = t.screen(width: 80, height: 24)
        // A landline is as wide as its masked form, with the longest community and name beside it.
        let landline = try #require(narrow.first { $0.contains("司马光明") })
        #expect(landline.contains("玉皇阁社区") && landline.contains("0951-***5432"), "\(landline)")
        #expect(!narrow.contains { $0.contains("…") })
        #expect(narrow.contains { $0.contains("姓名、首字母 zs、电话后四位") })
        let header = try #require(narrow.first { $0.contains("档案号") })
        #expect(!header.contains("身份证号"))
        #expect(header.contains("状态"))
        let row = try #require(narrow.first { $0.contains("欧阳建国") })
        #expect(row.contains("138****5678"))
        #expect(row.contains("⚠1"))
        #expect(narrow.last?.contains("F1帮助") == true && narrow.last?.contains("F10退出") == true, "\(narrow.last ?? "")")
        let wide = t.screen(width: 140, height: 30)
        #expect(wide.contains { $0.contains("身份证号") && $0.contains("原单位") })
    }

    @Test func aDeskClerkSeesNoImportOrExportKeys() throws {
        let h = try AppHarness()
        try h.addStaff("李红", login: "lihong", role: .desk)
        var desk = try h.terminal(as: "lihong")
        desk.open(.roster)
        let bar = desk.screen().last ?? ""
        #expect(bar.contains("新建"))
        #expect(!bar.contains("导入") && !bar.contains("导出"))
        desk.press(.f(7))
        #expect(desk.roster.task == nil)
        var admin = try h.terminal(as: "admin")
        admin.open(.roster)
        let adminBar = admin.screen(width: 140, height: 30).last ?? ""
        #expect(adminBar.contains("导入") && adminBar.contains("导出"))
    }
}
