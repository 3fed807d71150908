import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

/// The roster list's search line is always live: what a clerk types goes into
/// it, and the list's commands are function keys (letters are never commands here).
@Suite struct RosterTypeToSearchTests {
    func deskClerk() throws -> (AppHarness, Terminal) {
        let h = try AppHarness()
        try h.addStaff("张丽", login: "zhangli", role: .desk)
        try h.addCadre("钱学文")
        try h.addCadre("李四", serial: 14)
        var t = try h.terminal(as: "zhangli")
        t.open(.roster)
        return (h, t)
    }

    @Test func typingANameThatStartsWithQSearchesInsteadOfQuitting() throws {
        var (_, t) = try deskClerk()
        t.type("qian")
        #expect(!t.model.wantsQuit)
        #expect(t.model.activeScreen == .roster)
        #expect(t.roster.list.query == "qian")
        #expect(t.rosterNames == ["钱学文"])
        #expect(t.text().contains("查找: qian"))
    }

    @Test func lettersDigitsHanziAndPunctuationAllGoIntoTheSearchLine() throws {
        var (_, t) = try deskClerk()
        // Each was a command before: add, lists, sort, reverse, edit, import, export, jumps, help, a tab.
        t.type("alsreixvtc?2")
        #expect(t.roster.list.query == "alsreixvtc?2")
        #expect(t.roster.task == nil && t.roster.file == nil && t.model.help == nil)
        #expect(t.model.activeScreen == .roster && !t.model.wantsQuit)
        t.press(.escape)
        #expect(t.roster.list.query.isEmpty)
        t.type("钱")  // a hanzi from an input method or a paste
        #expect(t.rosterNames == ["钱学文"])
        t.press(.enter)
        #expect(t.roster.file != nil)
    }

    @Test func functionKeysRunTheListCommandsAndTheBarAndHelpNameThem() throws {
        let h = try AppHarness()
        try h.addCadre("张三")
        try h.addCadre("李四", born: LocalDate(1930, 1, 1), serial: 14)
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        let bar = t.screen(width: 140, height: 30).last ?? ""
        for entry in ["Enter打开", "F3名单", "F2新建", "F5排序", "F7导入", "F8导出", "Tab/Shift-Tab切换", "F1帮助", "F10退出"] {
            #expect(bar.contains(entry), "\(entry) in \(bar)")
        }
        #expect(!bar.contains("q") && !bar.contains("?"), "\(bar)")
        t.press(.f(1))
        let help = t.screen(width: 140, height: 40).joined(separator: "\n")
        #expect(help.contains("直接输入即可查找") && help.contains("F6") && help.contains("F4"), "\(help)")
        t.press(.escape)
        t.press(.f(3))
        #expect(t.text().contains("选择名单"))
        t.press(.escape)
        t.press(.f(2))
        guard case .editor? = t.roster.task else { Issue.record("F2 opens the add form"); return }
        t.press(.escape)
        t.press(.f(4))
        guard case .editor? = t.roster.task else { Issue.record("F4 edits the selected file"); return }
        t.press(.escape)
        t.press(.f(7))
        guard case .importing? = t.roster.task else { Issue.record("F7 imports"); return }
        t.press(.escape)
        t.press(.f(8))
        guard case .exporting? = t.roster.task else { Issue.record("F8 exports"); return }
        t.press(.escape)
        #expect(t.roster.task == nil)
    }

    @Test func tabStillSwitchesScreensAndF10Quits() throws {
        var (_, t) = try deskClerk()
        let order = t.model.screens.map(\.id)
        let i = try #require(order.firstIndex(of: .roster))
        t.type("li")
        t.press(.tab)
        #expect(t.model.activeScreen == order[(i + 1) % order.count])
        t.press(.backTab)
        #expect(t.model.activeScreen == .roster)
        #expect(t.roster.list.query == "li")  // kept while away
        t.press(.f(10))
        #expect(t.model.wantsQuit)
    }

    @Test func aSearchWithNoMatchSaysSoAndNotThatTheRosterIsEmpty() throws {
        var (_, t) = try deskClerk()
        t.type("8870")
        let s = t.text()
        #expect(s.contains("没有找到符合「8870」的档案。按 Esc 清除查找"), "\(s)")
        #expect(s.contains("找到 0 人 · 在册 2 人"))
        #expect(!s.contains("花名册中还没有档案"))
        t.press(.escape)
        #expect(t.rosterNames.count == 2)
    }

    @Test func anEmptyChosenListSaysWhichListIsEmpty() throws {
        var (_, t) = try deskClerk()
        t.press(.f(3))
        t.type("独居")
        t.press(.enter)
        let s = t.text()
        #expect(s.contains("「独居」中没有人。按 Esc 显示全部在册人员。"), "\(s)")
        #expect(!s.contains("花名册中还没有档案"))
        t.type("qian")
        #expect(t.text().contains("「独居」中没有符合「qian」的档案"))
        t.press(.escape, .escape)
        #expect(t.rosterNames.count == 2)
    }

    @Test func onlyAReallyEmptyRosterSaysItHasNoFiles() throws {
        let h = try AppHarness()
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        #expect(t.text().contains("花名册中还没有档案。按 F2 新建,或按 F7 导入表格。"))
        t.type("zs")
        #expect(t.text().contains("花名册中还没有档案"))
    }
}
