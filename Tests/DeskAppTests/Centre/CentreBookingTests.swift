import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

@Suite struct CentreBookingTests {
    /// From today's grid: `b` on 心理聊天室 proposes 09:30–10:30, which a booking at 10:00 takes.
    func openFormOnTakenSlot(_ w: CentreWorld) throws -> Terminal {
        try w.book(w.chat, (10, 0), (11, 0), for: 0)
        var t = try w.terminal()
        t.press(.char("b"))
        for _ in 0..<6 { t.press(.tab) }
        t.type(w.person(2).name)
        t.press(.enter)
        return t
    }

    @Test func aTakenSlotShowsTheConflictAndTheNearestFreeSlotsAndF5BooksAFreeOne() throws {
        let w = try CentreWorld()
        var t = try openFormOnTakenSlot(w)
        var text = t.text()
        #expect(text.contains("新建预约"))
        #expect(text.contains("此时段不能预约"), "\(text)")
        #expect(text.contains("已被预约") && text.contains("B000001 \(w.person(0).name) 10:00-11:00 占用"), "\(text)")
        #expect(text.contains("就近的空闲时段"))
        #expect(text.contains("1. 11月23日 周一 14:30-15:30 心理聊天室"), "\(text)")
        #expect(text.contains(w.person(2).name), "the picked cadre is in the form")
        // Enter on the taken slot saves nothing and keeps the form.
        t.press(.enter)
        #expect(try w.state.centre.bookings.count == 1)
        #expect(t.text().contains("新建预约"))
        t.press(.f(5))
        text = t.text()
        #expect(text.contains("此时段可以预约"), "\(text)")
        #expect(text.contains("▶1. 11月23日 周一 14:30-15:30"))
        t.press(.enter)
        text = t.text()
        let made = try #require(try w.state.centre.bookings.last)
        #expect(made.span == TimeSpan(LocalTime(14, 30), LocalTime(15, 30)))
        #expect(made.holder == .cadre(w.person(2).id))
        #expect(text.contains("已预约 \(made.id.raw):心理聊天室 11月23日 周一 14:30-15:30 \(w.person(2).name)。"), "\(text)")
        #expect(!text.contains("新建预约"))
    }

    @Test func f5GoesThroughTheSuggestionsOneAfterAnother() throws {
        let w = try CentreWorld()
        var t = try openFormOnTakenSlot(w)
        t.press(.f(5), .f(5))
        let text = t.text()
        #expect(text.contains("▶2. 11月23日 周一 15:00-16:00"), "\(text)")
        #expect(text.contains("此时段可以预约"))
    }

    @Test func typingATimeRechecksTheSlotAsYouGo() throws {
        let w = try CentreWorld()
        var t = try openFormOnTakenSlot(w)
        // Focus is on 用途 after picking; go back to 开始 and type 11:00.
        for _ in 0..<5 { t.press(.backTab) }
        for _ in 0..<5 { t.press(.backspace) }
        t.type("11:00")
        t.press(.tab)
        for _ in 0..<5 { t.press(.backspace) }
        t.type("11:30")
        #expect(t.text().contains("此时段可以预约"), "\(t.text())")
    }

    @Test func bookingWithoutPickingACadreSaysToPickOne() throws {
        let w = try CentreWorld()
        var t = try w.terminal()
        t.press(.down, .char("b"))
        t.press(.enter)
        #expect(t.text().contains("请输入姓名或拼音查找"))
        #expect(try w.state.centre.bookings.isEmpty)
    }

    @Test func aWeeklyBookingSkipsTakenDatesAndListsThem() throws {
        let w = try CentreWorld()
        // 心理聊天室 is taken on 2026-12-07 at 14:30.
        try w.book(w.chat, (14, 30), (15, 30), for: 0, on: LocalDate(2026, 12, 7))
        var t = try w.terminal()
        t.press(.char("b"))
        t.press(.tab, .tab)
        for _ in 0..<5 { t.press(.backspace) }
        t.type("14:30")
        t.press(.tab)
        for _ in 0..<5 { t.press(.backspace) }
        t.type("15:30")
        t.press(.tab, .tab, .tab)
        t.type(w.person(3).name)
        t.press(.enter)                    // picks; focus on 用途
        t.press(.tab, .right)              // 重复: 每周
        #expect(t.text().contains("截止日期"))
        t.press(.tab)
        for _ in 0..<10 { t.press(.backspace) }
        t.type("2026-12-14")
        t.press(.enter)
        let text = t.text()
        #expect(text.contains("已预约 3 次,跳过 1 次。"), "\(text)")
        #expect(text.contains("12月7日 周一 未预约"), "\(text)")
        let series = try w.state.centre.bookings.filter { $0.series != nil }
        #expect(series.map(\.date) == [LocalDate(2026, 11, 23), LocalDate(2026, 11, 30), LocalDate(2026, 12, 14)])
    }

    @Test func everythingWrongIsListedOnTheFirstEnterNotOneAtATime() throws {
        let w = try CentreWorld()
        var t = try w.terminal()
        t.press(.down, .char("b"))
        t.press(.tab)                                              // 日期
        for _ in 0..<10 { t.press(.backspace) }
        t.type("2026-13-45")
        t.press(.tab)                                              // 开始
        for _ in 0..<5 { t.press(.backspace) }
        t.type("9点")
        t.press(.enter)
        let text = t.text()
        #expect(text.contains("请输入姓名或拼音查找"), "\(text)")
        #expect(text.contains("请输入实际存在的日期"), "\(text)")
        #expect(text.contains("时间的格式如 09:30"), "\(text)")
        #expect(try w.state.centre.bookings.isEmpty)
    }

    @Test func morePeopleThanTheRoomHoldsIsSaidWhileTypingNotOnlyOnEnter() throws {
        let w = try CentreWorld()
        var t = try openFormOnTakenSlot(w)
        t.press(.f(5))
        #expect(t.text().contains("此时段可以预约"))
        t.press(.backTab, .backTab, .backTab, .backTab, .backTab, .backTab, .backTab)  // to 活动室
        t.press(.right)                                                                    // 乒乓球室, 8 places
        for _ in 0..<4 { t.press(.tab) }                                                   // 人数
        for _ in 0..<3 { t.press(.backspace) }
        t.type("9")
        let text = t.text()
        #expect(text.contains("乒乓球室 最多容纳 8 人"), "\(text)")
        #expect(!text.contains("此时段可以预约"), "\(text)")
    }

    @Test func aCadreWithABookingAtTheSameTimeIsAskedToConfirm() throws {
        let w = try CentreWorld()
        try w.book(w.pingpong, (9, 30), (10, 30), for: 2)
        var t = try openFormOnTakenSlot(w)
        t.press(.f(5))
        // person 2 is free at 14:30; move the slot onto their ping-pong time instead: 乒乓球室 is shared.
        t.press(.backTab, .backTab, .backTab, .backTab, .backTab, .backTab, .backTab)  // to 活动室
        t.press(.right)                                                                    // 乒乓球室
        t.press(.tab, .tab)
        for _ in 0..<5 { t.press(.backspace) }
        t.type("10:00")
        t.press(.tab)
        for _ in 0..<5 { t.press(.backspace) }
        t.type("11:00")
        t.press(.enter)
        #expect(t.text().contains("同一时间已有预约"), "\(t.text())")
        t.press(.char("y"))
        #expect(try w.state.centre.bookings.count == 3)
    }
}
