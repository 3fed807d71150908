import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

@Suite struct CentreWeekTests {
    @Test func calcurseKeysMoveByDayAndWeekAndTGoesBackToToday() throws {
        let w = try CentreWorld()
        var t = try w.terminal()
        t.press(.f(3))
        #expect(t.text().contains("心理聊天室 · 独用 2 人 · 11月23日 周一 至 11月29日 周日"), "\(t.text())")
        #expect(t.text().contains("2026年11月23日 周一 · 空闲"))
        t.press(.char("l"))
        #expect(t.text().contains("2026年11月24日 周二 · 空闲"))
        t.press(.char("w"))
        #expect(t.text().contains("11月30日 周一 至 12月6日 周日"))
        #expect(t.text().contains("2026年12月1日 周二"))
        t.press(.char("W"), .char("W"))
        #expect(t.text().contains("11月16日 周一 至 11月22日 周日"))
        t.press(.left)
        #expect(t.text().contains("2026年11月16日 周一"))
        t.press(.char("h"))
        #expect(t.text().contains("11月9日 周一 至 11月15日 周日"), "a day back crosses into the week before")
        t.press(.char("t"))
        #expect(t.text().contains("2026年11月23日 周一 · 空闲"))
        t.press(.char("]"))
        #expect(t.text().contains("乒乓球室 · 共用(按人数) 8 人"))
        t.press(.char("["), .char("["))
        #expect(t.text().contains("书画室 · 共用(按人数) 20 人"))
    }

    @Test func theWeekGridShowsEachDayWithTodayMarked() throws {
        let w = try CentreWorld()
        try w.book(w.chat, (10, 0), (11, 0), for: 0, on: LocalDate(2026, 11, 25))
        var t = try w.terminal()
        t.press(.f(3))
        let lines = t.screen()
        #expect(lines.contains { $0.hasPrefix("11月23日 周一*") })
        let wed = try #require(lines.first { $0.hasPrefix("11月25日 周三") })
        #expect(wed.contains(w.person(0).name), "\(wed)")
        let sat = try #require(lines.first { $0.hasPrefix("11月28日 周六") })
        #expect(!sat.contains("·"), "心理聊天室 is closed on Saturdays: \(sat)")
    }

    @Test func cancellingOneBookingOfASeriesOrTheRestOfIt() throws {
        let w = try CentreWorld()
        try w.run(BookRoomWeekly(room: w.pingpong, first: LocalDate(2026, 11, 24), until: LocalDate(2026, 12, 15),
                                 span: TimeSpan(LocalTime(10, 0), LocalTime(11, 0)), for: .cadre(w.person(0).id), skipConflicts: false))
        var t = try w.terminal()
        t.press(.down, .enter, .char("l"))
        #expect(t.text().contains("W0001"))
        t.press(.char("X"))
        #expect(t.text().contains("属于每周预约 W0001"), "\(t.text())")
        t.press(.char("1"))
        #expect(t.text().contains("已取消 1 个预约。"))
        #expect(try w.state.centre.bookings.filter { $0.cancelled != nil }.map(\.date) == [LocalDate(2026, 11, 24)])
        t.press(.char("w"))
        t.press(.char("X"), .char("a"))
        #expect(t.text().contains("已取消 3 个预约。"), "\(t.text())")
        #expect(try w.state.centre.bookings.allSatisfy { $0.cancelled != nil })
    }

    @Test func bookingFromTheWeekUsesItsRoomAndDay() throws {
        let w = try CentreWorld()
        var t = try w.terminal()
        t.press(.f(3), .char("]"), .char("l"), .char("b"))
        let text = t.text()
        #expect(text.contains("< 乒乓球室 8人"), "\(text)")
        #expect(text.contains("2026-11-24"))
        #expect(text.contains("08:30"), "the day's first opening on a day other than today")
    }

    @Test func theHelpListsTheWeekKeys() throws {
        let w = try CentreWorld()
        var t = try w.terminal()
        t.press(.f(3), .char("?"))
        let text = t.text()
        #expect(text.contains("w 下一周,W 上一周"), "\(text)")
        #expect(text.contains("[ 上一个活动室,] 下一个活动室"))
    }
}
