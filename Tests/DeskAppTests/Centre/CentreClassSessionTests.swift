import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

/// A class's session list says where each session stands the same way as the
/// day's timeline (one rule decides both), and carries the year on dates of
/// another year.
@Suite struct CentreClassSessionTests {
    /// The status word the sessions tab shows for the session on `day` (a `11月23日 周一` label).
    static func sessionStatus(_ t: inout Terminal, _ day: String) -> String? {
        guard let line = t.screen().first(where: { $0.hasPrefix(day) }) else { return nil }
        return ["已预约", "可签到", "进行中", "已结束"].first { line.contains($0) }
    }

    /// The status word the 今日安排 timeline shows for the class (书画室 is the third room).
    static func todayStatus(_ t: inout Terminal) -> String? {
        t.press(.down, .down)
        guard let line = t.line(with: "书法班(") ?? t.line(with: "书法班 ") else { return nil }
        return ["已预约", "可签到", "进行中", "已结束"].first { line.contains($0) }
    }

    /// Minutes after 09:30 Monday, and the word for the 14:30-16:00 session then
    /// (check-in opens 15 minutes before the start).
    static let moments: [Int: String] = [0: "已预约", 4 * 60 + 50: "可签到", 5 * 60 + 5: "进行中", 6 * 60 + 45: "已结束"]

    @Test(arguments: [0, 4 * 60 + 50, 5 * 60 + 5, 6 * 60 + 45])
    func theSessionListAndTheDaysTimelineSayTheSame(_ minutes: Int) throws {
        let word = try #require(Self.moments[minutes])
        let w = try CentreWorld()
        try w.makeClass(capacity: 3, enrol: [0, 1])
        w.h.hand.advance(minutes: minutes)
        var today = try w.terminal()
        #expect(Self.todayStatus(&today) == word, "\(today.text())")
        var t = try w.terminal()
        t.press(.f(4), .enter, .right, .right)
        #expect(Self.sessionStatus(&t, "11月23日 周一") == word, "\(t.text())")
        // Next week's session has not started.
        #expect(Self.sessionStatus(&t, "11月30日 周一") == "已预约")
    }

    @Test func sessionsInNextYearShowTheYearAndThisYearsDoNot() throws {
        let w = try CentreWorld()
        try w.makeClass(capacity: 3, enrol: [0, 1])
        var t = try w.terminal()
        t.press(.f(4), .enter, .right, .right)
        let text = t.screen(width: 100, height: 40).joined(separator: "\n")
        #expect(text.contains("2027年1月11日 周一"), "\(text)")
        #expect(text.contains("2027年1月4日 周一"))
        #expect(!text.contains(" 1月11日"))
        #expect(text.contains("11月30日 周一") && !text.contains("2026年11月30日"))
    }
}
