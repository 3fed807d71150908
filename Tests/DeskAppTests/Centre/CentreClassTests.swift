import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

@Suite struct CentreClassTests {
    @Test func theClassListShowsEnrolmentCapacityAndWaitlist() throws {
        let w = try CentreWorld()
        try w.makeClass(capacity: 1, enrol: [0], wait: [1, 2])
        var t = try w.terminal()
        t.press(.f(4))
        let lineFound = t.line(with: "书法班")
        let line = try #require(lineFound)
        #expect(line.contains("王淑兰"))
        #expect(line.contains("周一 14:30-16:00 书画室"), "\(line)")
        #expect(line.contains("1/1 已满"), "\(line)")
        #expect(line.contains(" 2 "), "two waiting: \(line)")
    }

    @Test func enrollingInAFullClassSaysTheWaitlistPosition() throws {
        let w = try CentreWorld()
        let k = try w.makeClass(capacity: 1, enrol: [0], wait: [1])
        var t = try w.terminal()
        t.press(.f(4), .char("e"))
        #expect(t.text().contains("报名「书法班」"))
        t.type(w.person(2).name)
        t.press(.enter)
        let text = t.text()
        #expect(text.contains("\(w.person(2).name) · 书法班:已满,已加入候补第 2 位。"), "\(text)")
        #expect(try w.state.centre.courses[k]?.waitlistPosition(of: w.person(2).id) == 2)
        // The detail's waitlist lists them at that place.
        t.press(.enter, .right)
        let wait = t.text()
        #expect(wait.contains("候补第 2 位") && wait.contains(w.person(2).name), "\(wait)")
    }

    @Test func enrollingInAClassWithRoomSaysEnrolled() throws {
        let w = try CentreWorld()
        try w.makeClass(capacity: 5)
        var t = try w.terminal()
        t.press(.f(4), .enter, .char("e"))
        t.type(w.person(3).name)
        t.press(.enter)
        #expect(t.text().contains("\(w.person(3).name) · 书法班:已报名。"))
        #expect(t.text().contains("已报名 1/5 人"))
    }

    @Test func withdrawingPromotesTheFirstWaitingWhoGoesOnTheCallListUntilMarkedCalled() throws {
        let w = try CentreWorld()
        let k = try w.makeClass(capacity: 1, enrol: [0], wait: [1])
        var t = try w.terminal()
        t.press(.f(4), .enter)
        #expect(t.text().contains("学员 1"))
        t.press(.char("X"))
        #expect(t.text().contains("退出「书法班」"))
        t.type("搬家")
        t.press(.enter)
        var text = t.text()
        #expect(text.contains("候补转正:\(w.person(1).name)"), "\(text)")
        #expect(try w.state.centre.courses[k]?.enrolled == [w.person(1).id])
        #expect(text.contains("F6 待通知 1"))
        t.press(.f(6))
        text = t.text()
        #expect(text.contains(w.person(1).name) && text.contains("候补转为正式学员"), "\(text)")
        t.press(.char("C"))
        #expect(t.text().contains("已经电话通知 \(w.person(1).name) 了吗?"))
        t.press(.enter)
        text = t.text()
        #expect(text.contains("已标记为已通知。"))
        #expect(text.contains("没有待通知的人。"))
        #expect(try w.state.centre.openNotices.isEmpty)
    }

    @Test func movingSomeoneOnTheWaitlistNeedsAReasonWhichIsRecorded() throws {
        let w = try CentreWorld()
        let k = try w.makeClass(capacity: 1, enrol: [0], wait: [1, 2])
        var t = try w.terminal()
        t.press(.f(4), .enter, .right, .char("j"), .char("m"))
        #expect(t.text().contains("调整 \(w.person(2).name) 的候补位次"))
        t.press(.backspace)
        t.type("1")
        t.press(.enter)
        #expect(t.text().contains("必填"), "the reason is required")
        #expect(try w.state.centre.courses[k]?.waitlist.first?.cadre == w.person(1).id)
        t.type("离休干部优先")  // the form put the focus on the missing reason
        t.press(.enter)
        #expect(try w.state.centre.courses[k]?.waitlist.map(\.cadre) == [w.person(2).id, w.person(1).id])
        t.press(.right, .right)
        let text = t.text()
        #expect(text.contains("第 2 位 → 第 1 位") && text.contains("离休干部优先"), "\(text)")
    }

    @Test func attendanceBySessionShowsWhoCame() throws {
        let w = try CentreWorld()
        try w.makeClass(capacity: 3, enrol: [0, 1])
        w.h.hand.advance(minutes: 5 * 60 + 5)  // 14:35, the first session under way
        try w.run(CheckIn(w.person(0).id))
        var t = try w.terminal()
        t.press(.f(4), .enter, .right, .right)
        let text = t.text()
        #expect(text.contains("11月23日 周一") && text.contains("1/2"), "\(text)")
    }
}
