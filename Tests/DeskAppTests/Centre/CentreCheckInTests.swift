import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

@Suite struct CentreCheckInTests {
    @Test func findACadreSeeTodaysItemsAndCheckInAllWithOneKeyThenTheGridMarksThem() throws {
        let w = try CentreWorld()
        let p = w.person(1)
        try w.book(w.pingpong, (9, 30), (11, 0), for: 1)
        try w.book(w.chat, (9, 45), (10, 30), for: 1)
        try w.book(w.studio, (14, 30), (15, 30), for: 1)
        var t = try w.terminal()
        t.press(.f(5))
        t.type(p.name)
        #expect(t.text().contains(p.name))
        t.press(.enter)
        var text = t.text()
        #expect(text.contains("今天的项目 3 项"), "\(text)")
        #expect(text.contains("可签到(至 09:45)"), "\(text)")
        #expect(text.contains("14:15 起可签到"), "\(text)")
        #expect(text.contains("按 Enter 签到全部可签的 2 项。"), "\(text)")
        t.press(.enter)
        text = t.text()
        #expect(text.contains("已签到 2 项。"), "\(text)")
        // Back at an empty search for the next person.
        #expect(t.model.screens[t.model.active].capturesText)
        #expect(text.contains("查找: 姓名、拼音、首字母或电话后4位"), "\(text)")
        let checked = try w.state.centre.bookings.filter { $0.checkedInAt != nil }.map(\.room)
        #expect(Set(checked) == [w.pingpong, w.chat])
        t.press(.f(2))
        let lineFound = t.line(with: "乒乓球室")
        let line = try #require(lineFound)
        #expect(line.contains("✓" + String(p.name.prefix(2))), "\(line)")
    }

    @Test func checkingInTooEarlySaysWhenItOpens() throws {
        let w = try CentreWorld()
        try w.book(w.studio, (14, 30), (15, 30), for: 1)
        var t = try w.terminal()
        t.press(.f(5))
        t.type(w.person(1).name)
        t.press(.enter, .enter)
        #expect(t.text().contains("14:15 起可以签到"), "\(t.text())")
        #expect(try w.state.centre.checkIns.isEmpty)
    }

    @Test func escapeGoesBackToTheSearchForTheNextPerson() throws {
        let w = try CentreWorld()
        var t = try w.terminal()
        t.press(.f(5))
        t.type(w.person(1).name)
        t.press(.enter)
        #expect(t.text().contains("今天的项目 0 项"))
        #expect(!t.model.screens[t.model.active].capturesText)
        t.press(.escape)
        #expect(t.model.screens[t.model.active].capturesText)
        #expect(t.text().contains("查找:"))
    }

    @Test func theCheckInIntentOpensTheDeskOnThatCadre() throws {
        let w = try CentreWorld()
        try w.book(w.pingpong, (9, 30), (11, 0), for: 4)
        var t = try w.terminal()
        t.model.context!.navigate(to: .centre, .checkIn(cadre: w.person(4).id))
        t.model.handleRequests()
        let text = t.text()
        #expect(text.contains(w.person(4).name) && text.contains("今天的项目 1 项"), "\(text)")
    }

    @Test func phonesAreMaskedAtTheDesk() throws {
        let w = try CentreWorld()
        let p = try #require(w.people.first { $0.phone != nil })
        var t = try w.terminal()
        t.press(.f(5))
        t.type(p.name)
        t.press(.enter)
        let text = t.text()
        #expect(!text.contains(p.phone!), "\(text)")
        #expect(text.contains(PhoneNumber.masked(p.phone!)))
    }

    @Test func afterACheckInTheNextNameTypedIsANewSearchNotAppendedToTheLast() throws {
        let w = try CentreWorld()
        let first = w.person(1), next = w.person(2)
        try w.book(w.pingpong, (9, 30), (11, 0), for: 1)
        var t = try w.terminal()
        t.press(.f(5))
        t.type(first.name)
        t.press(.enter, .enter)
        #expect(try w.state.centre.bookings.contains { $0.checkedInAt != nil })
        t.type(next.name)
        let centre = try #require(t.model.screens[t.model.active] as? CentreScreen)
        #expect(centre.checkIn.picker.query == next.name)
        #expect(centre.checkIn.picker.selectedID == next.id)
        let text = t.text()
        #expect(text.contains("查找: \(next.name)") && !text.contains(first.name + next.name), "\(text)")
    }

    @Test func escOnAnEmptySearchLeavesCheckInForTodayAndTheBarSaysSo() throws {
        let w = try CentreWorld()
        var t = try w.terminal()
        t.press(.f(5))
        var bar = t.screen().last ?? ""
        #expect(bar.contains("Esc返回") && bar.contains("Tab/Shift-Tab切换"), "\(bar)")
        t.type("zz")
        bar = t.screen().last ?? ""
        #expect(bar.contains("Esc清空"), "\(bar)")
        t.press(.escape)  // clears the search, stays
        var centre = try #require(t.model.screens[t.model.active] as? CentreScreen)
        #expect(centre.part == .checkIn && centre.checkIn.picker.query.isEmpty)
        t.press(.escape)  // leaves
        centre = try #require(t.model.screens[t.model.active] as? CentreScreen)
        #expect(centre.part == .today)
        #expect(t.model.activeScreen == .centre && !t.model.wantsQuit)
    }

    @Test func tabAndShiftTabSwitchScreensFromCheckInAsFromTheOtherCentreViews() throws {
        let w = try CentreWorld()
        var t = try w.terminal()
        let order = t.model.screens.map(\.id)
        let i = try #require(order.firstIndex(of: .centre))
        // On today's view (no text field) Tab goes to the next screen.
        t.press(.tab)
        let next = order[(i + 1) % order.count]
        #expect(t.model.activeScreen == next)
        t.press(.backTab)
        #expect(t.model.activeScreen == .centre)
        // The same from the check-in search, typed or not, and from a picked person.
        t.press(.f(5))
        t.type("w")
        t.press(.tab)
        #expect(t.model.activeScreen == next)
        t.press(.backTab)
        #expect(t.model.activeScreen == .centre)
        t.press(.backTab)
        #expect(t.model.activeScreen == order[(i - 1 + order.count) % order.count])
    }
}
