import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

@Suite struct CentreTodayTests {
    @Test func theCentreOpensOnTodaysGridWithEveryRoomAndItsBookings() throws {
        let w = try CentreWorld()
        try w.book(w.chat, (10, 0), (11, 0), for: 0)
        var t = try w.terminal()
        #expect(t.model.activeScreen == .centre)
        let text = t.text()
        #expect(text.contains("F2 今日安排"))
        #expect(text.contains("2026年11月23日 周一 · 预约 1 项"))
        for name in ["心理聊天室", "乒乓球室", "书画室"] { #expect(text.contains(name), "\(name) missing:\n\(text)") }
        let chatLineFound = t.line(with: "心理聊天室")
        let chatLine = try #require(chatLineFound)
        #expect(chatLine.contains(w.person(0).name), "the booking's name is written on its block: \(chatLine)")
    }

    @Test func roomRowsWithCJKNamesOfDifferentLengthsLineUpUnderTheTimeAxis() throws {
        let w = try CentreWorld()
        var t = try w.terminal()
        let lines = t.screen()
        let axis = try #require(lines.firstIndex { $0.contains("09:00") && $0.contains("10:00") })
        let nine = try #require(t.column(of: "09:00", row: axis))
        for name in ["心理聊天室", "乒乓球室", "书画室"] {
            let y = try #require(lines.firstIndex { $0.hasPrefix(name) })
            // 09:00–09:10 is open and free in every room: the same column holds "·" on every row.
            #expect(t.canvas.cell(at: Point(x: nine, y: y)).character == "·", "\(name) row: \(lines[y])")
            // 08:50 is closed only in 心理聊天室 (it opens at 09:00).
            #expect(t.canvas.cell(at: Point(x: nine - 1, y: y)).character == (name == "心理聊天室" ? " " : "·"), "\(lines[y])")
        }
    }

    @Test func freeTakenAndFullAreDistinguishable() throws {
        let w = try CentreWorld()
        try w.book(w.chat, (10, 0), (11, 30), for: 0)
        var t = try w.terminal()
        let lines = t.screen()
        let axis = try #require(lines.firstIndex { $0.contains("10:00") })
        let ten = try #require(t.column(of: "10:00", row: axis))
        let chat = try #require(lines.firstIndex { $0.hasPrefix("心理聊天室") })
        let pingpong = try #require(lines.firstIndex { $0.hasPrefix("乒乓球室") })
        // The exclusive room is taken from 10:00 (a reversed band), the shared one is free.
        #expect(t.canvas.cell(at: Point(x: ten + 8, y: chat)).style == Style(.chartBar, .reverse))
        #expect(t.canvas.cell(at: Point(x: ten + 8, y: chat)).character == "=")
        #expect(t.canvas.cell(at: Point(x: ten + 8, y: pingpong)).character == "·")
        #expect(t.text().contains("图例"))
    }

    @Test func theSelectedRoomsDayIsListedBelowWithFreeTime() throws {
        let w = try CentreWorld()
        let b = try w.book(w.chat, (10, 0), (11, 0), for: 0)
        var t = try w.terminal()
        let text = t.text()
        #expect(text.contains("心理聊天室 · 独用 2 人 · 开放 09:00-11:30、14:30-17:00 · 空闲 09:00-10:00、11:00-11:30、14:30-17:00"), "\(text)")
        #expect(text.contains("10:00-11:00  \(w.person(0).name)  个人  1 人  已预约  \(b.raw)"), "\(text)")
        t.press(.down)
        #expect(t.text().contains("乒乓球室 · 共用(按人数) 8 人"))
    }

    @Test func enterOnARoomOpensItsWeek() throws {
        let w = try CentreWorld()
        var t = try w.terminal()
        t.press(.down, .enter)
        let text = t.text()
        #expect(text.contains("乒乓球室 · 共用(按人数) 8 人 · 11月23日 周一 至 11月29日 周日"), "\(text)")
    }

    @Test func aCheckInMadeInAnotherTerminalShowsOnTheGridAfterATick() throws {
        let w = try CentreWorld()
        try w.book(w.pingpong, (9, 30), (11, 0), for: 1)
        var t = try w.terminal()
        #expect(!(t.line(with: "乒乓球室") ?? "").contains("✓"))
        try w.run(CheckIn(w.person(1).id))
        t.tick()
        let lineFound = t.line(with: "乒乓球室")
        let line = try #require(lineFound)
        #expect(line.contains("✓" + String(w.person(1).name.prefix(2))), "\(line)")
        #expect(t.text().contains("今天已签到 1 人:\(w.person(1).name) 09:30"))
    }

    @Test func theLayoutFitsEightyByTwentyFour() throws {
        let w = try CentreWorld()
        try w.book(w.chat, (10, 0), (11, 0), for: 0)
        var t = try w.terminal()
        let lines = t.screen(width: 80, height: 24)
        #expect(lines[23].contains("退出"), "key bar: \(lines[23])")
        #expect(lines.contains { $0.hasPrefix("书画室") })
        #expect(lines.contains { $0.contains("10:00") && $0.contains("14:00") }, "the whole day's axis fits")
    }
}
