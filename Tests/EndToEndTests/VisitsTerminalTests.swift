import Foundation
import Testing

/// My day and the visit log in a real terminal (tmux), on the demo's sample data.
@Suite(.serialized) struct VisitsTerminalTests {
    /// The `逾期 N` of My day's header (`到期 12 · 逾期 3`).
    static func overdueCount(_ screen: String) -> Int? {
        for line in screen.split(separator: "\n") where line.contains("到期 ") {
            guard let r = line.range(of: " · 逾期 ") else { continue }
            return Int(line[r.upperBound...].prefix { $0.isNumber })
        }
        return nil
    }

    /// The items pane's rows (right of the supervisor's staff pane) as words.
    static func itemRows(_ screen: String) -> [[String]] {
        screen.split(separator: "\n").compactMap { line -> [String]? in
            guard let bar = line.firstIndex(of: "│") else { return nil }
            let words = line[line.index(after: bar)...].split(separator: " ").map(String.init)
            // 逾期 N 天 <name> <item> …
            guard words.count > 4, words[0] == "逾期", words[2] == "天" else { return nil }
            return words
        }
    }

    static func shows(_ screen: String, name: String, item: String) -> Bool {
        itemRows(screen).contains { $0[3] == name && $0[4] == item }
    }

    @Test func anOverdueItemLoggedFromMyDayLeavesTheListHereAndInASecondTerminalWithinASecond() throws {
        let dir = TempDir()
        let a = try Tmux(Demo.command(dir: dir.path), width: 120, height: 40)
        a.wait(for: "今日工作")
        a.wait(for: "a copy in the directory") { _ in FileManager.default.fileExists(atPath: dir.file("desk.log")) }
        let b = try Tmux(Demo.command(dir: dir.path), width: 120, height: 40)
        b.wait(for: "今日工作")
        for t in [a, b] {
            try t.press("o")
            t.wait(for: "the overdue items") { !VisitsTerminalTests.itemRows($0).isEmpty }
        }
        let before = a.wait(for: "the overdue count") { VisitsTerminalTests.overdueCount($0) != nil }
        let count = try #require(Self.overdueCount(before))
        let first = try #require(Self.itemRows(before).first, "\(before)")
        let (name, item) = (first[3], first[4])
        b.wait(for: "\(name) \(item) in the second terminal") { VisitsTerminalTests.shows($0, name: name, item: item) }

        try a.press("Enter")
        a.wait(for: "记录走访 · \(item)")
        try a.type("电话联系上,情况良好")
        try a.press("Enter")
        let saved = a.wait(for: "saved, or a question first") { $0.contains("已保存走访记录") || $0.contains("请确认") }
        if saved.contains("请确认") { try a.press("y") }
        let after = a.wait(for: "the item gone and the count down") { s in
            !VisitsTerminalTests.shows(s, name: name, item: item) && (VisitsTerminalTests.overdueCount(s) ?? count) < count
        }
        #expect(after.contains("已保存走访记录"))
        b.wait(for: "the item gone in the second terminal", timeout: 1.0) { s in
            !VisitsTerminalTests.shows(s, name: name, item: item) && (VisitsTerminalTests.overdueCount(s) ?? count) < count
        }
        for t in [a, b] {
            try t.press("q")
            t.waitForExit()
        }
    }

    @Test func aVisitTypedInChineseIsSavedAndReadBackInItsDetail() throws {
        let dir = TempDir()
        let t = try Tmux(Demo.command(dir: dir.path), width: 100, height: 30)
        t.wait(for: "今日工作")
        try t.openTab("走访记录")
        t.wait(for: "the visit log's key bar") { $0.contains("b批量") && $0.contains("X作废") }
        try t.press("a")
        t.wait(for: "姓名/拼音/首字母/电话/后四位")
        try t.type("王")
        let hits = t.wait(for: "search results") { $0.contains("共 ") && $0.contains("· 姓名") }
        #expect(hits.contains("王"))
        try t.press("Enter")
        t.wait(for: "the form, at the kind") { $0.contains("走访方式") && $0.contains("Enter保存") }
        // Kind and occasion keep their usual values: two Tabs to the note.
        try t.press("Tab")
        try t.press("Tab")
        try t.type("老人说腿脚好多了,想参加书法班")
        t.wait(for: "想参加书法班")
        try t.press("Enter")
        let saved = t.wait(for: "saved, or a question first") { $0.contains("已保存走访记录") || $0.contains("请确认") }
        if saved.contains("请确认") { try t.press("y") }
        let list = t.wait(for: "已保存走访记录")
        let id = try #require(list.range(of: #"V\d{6}"#, options: .regularExpression).map { String(list[$0]) })
        try t.press("/")
        try t.type(id)
        try t.press("Enter")
        t.wait(for: "the list narrowed to \(id)") { $0.contains("1/1") }
        try t.press("Enter")
        let detail = t.wait(for: "走访时间")
        #expect(detail.contains("老人说腿脚好多了,想参加书法班"))
        try t.press("Escape")
        t.wait(for: "back to the list") { !$0.contains("走访时间") && $0.contains("1/1") }
        try t.press("q")
        t.waitForExit()
    }
}
