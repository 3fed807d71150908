import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

/// The queues page: counts per queue, time left in working time, order,
/// filter, AB岗 cover, daily reminders, and other terminals' changes.
@Suite struct QueueTests {
    static func hotline(_ t: Terminal) -> HotlineScreen? {
        t.model.screens.first { $0.id == .hotline } as? HotlineScreen
    }

    /// The ticket numbers of the queue's rows, top to bottom.
    static func rows(_ t: inout Terminal) -> [String] {
        t.screen().compactMap { line in line.split(separator: "│").last.map(String.init)?.split(separator: " ").first.map(String.init) }
            .filter { $0.hasPrefix("T2026-") }
    }

    @Test func countsPerQueueAndTheTimeLeftInWorkingTimeFollowTheClock() throws {
        let w = try HotlineWorld()
        let id = try w.open(w.zhang)
        var t = try w.terminal(as: "wangfang")
        var text = t.text()
        #expect(text.contains("▶我的工单  1"))
        #expect(text.contains("即将到期  1"))
        #expect(text.contains("逾期      0"))
        // First response within an hour of 09:30: 1 hour left, due soon.
        #expect(text.contains("\(id.raw) 剩 1小时       受理     政策咨询 张福生 王芳   咨询护理费政策"))
        // 16:00 the same day: 10:30–12:00 and 14:00–16:00 of working time have passed since it fell due.
        w.advance(minutes: 390)
        t.tick()
        text = t.text()
        #expect(text.contains("\(id.raw) 逾期 3小时30分"))
        #expect(text.contains("逾期      1"))
        #expect(text.contains(" 热线工单 逾期1"), "the tab carries the overdue count")
    }

    @Test func theOrderChangesWithSAndTheFilterNarrows() throws {
        let w = try HotlineWorld()
        let policy = try w.open(w.zhang, category: "policy", summary: "咨询护理费政策")          // response due 10:30
        w.advance(minutes: 10)
        let urgent = try w.open(w.li, category: "emergency", priority: .urgent, summary: "一键通:老人摔倒")  // due 10:10
        w.advance(minutes: 10)
        let suggestion = try w.open(w.li, category: "suggestion", summary: "建议增开书法班")      // due tomorrow
        var t = try w.terminal(as: "wangfang")
        #expect(t.text().contains("我的工单 · 按剩余时间"))
        #expect(Self.rows(&t) == [urgent, policy, suggestion].map(\.raw))
        t.press(.char("s"))
        #expect(t.text().contains("我的工单 · 按受理时间(新→旧)"))
        #expect(Self.rows(&t) == [suggestion, urgent, policy].map(\.raw))
        t.press(.char("s"))
        #expect(Self.rows(&t) == [policy, urgent, suggestion].map(\.raw))
        t.press(.char("s"))
        #expect(t.text().contains("按紧急程度"))
        #expect(Self.rows(&t) == [urgent, policy, suggestion].map(\.raw))
        #expect(t.line(containing: urgent.raw)?.contains("紧急求助") == true)
        t.press(.char("/"))
        t.type("李秀英")
        #expect(Self.rows(&t) == [urgent, suggestion].map(\.raw))
        t.press(.enter)
        t.press(.char("/"))
        t.press(.ctrl("u"))
        t.type("书法")
        #expect(Self.rows(&t) == [suggestion.raw])
        t.press(.escape)
        #expect(Self.rows(&t).count == 3)
    }

    @Test func aBackupSeesTheAbsentColleaguesTicketsAsCoveringFor() throws {
        let w = try HotlineWorld()
        let id = try w.open(w.zhang)
        try w.desk().perform(RecordAbsence(staff: w.operatorA, from: LocalDate(2026, 11, 23), to: LocalDate(2026, 11, 25),
                                           backup: w.operatorB, reason: "年假"), as: "S001")
        var b = try w.terminal(as: "lina")
        var text = b.text()
        #expect(text.contains("代岗工单  1"))
        b.press(.right)
        text = b.text()
        #expect(text.contains("代岗工单 · 按剩余时间"))
        #expect(b.line(containing: id.raw)?.contains("李娜(代王芳)") == true)
        b.press(.enter)
        #expect(b.text().contains("(请假中,由 李娜 代岗处理)"))
        var a = try w.terminal(as: "wangfang")
        #expect(a.text().contains("▶我的工单  0"))
        // Back on Thursday the assignee has the ticket again, nobody reassigning it.
        w.advance(minutes: 3 * 24 * 60)
        a.tick()
        #expect(a.text().contains("▶我的工单  1"))
        b.tick()
        b.press(.escape)
        #expect(b.text().contains("代岗工单  0"))
    }

    @Test func remindersComeBackEveryWorkingDayWhileATicketIsOverdue() throws {
        let w = try HotlineWorld()
        let id = try w.open(w.zhang)
        w.advance(minutes: 390)        // Monday 16:00: the first response is overdue
        var t = try w.terminal(as: "wangfang")
        t.press(.left)
        #expect(t.text().contains("▶今日提醒  1"))
        #expect(t.line(containing: id.raw)?.contains("逾期第 1 个工作日") == true)
        w.advance(minutes: 17 * 60 + 30)   // Tuesday 09:30
        t.tick()
        #expect(t.line(containing: id.raw)?.contains("逾期第 2 个工作日") == true)
        w.advance(minutes: 4 * 24 * 60)    // Saturday: no reminders for a normal ticket on a day off
        t.tick()
        #expect(t.text().contains("▶今日提醒  0"))
        w.advance(minutes: 2 * 24 * 60)    // Monday 30th: back, counted in working days (23–27, 30)
        t.tick()
        #expect(t.line(containing: id.raw)?.contains("逾期第 6 个工作日") == true)
    }

    @Test func anUnassignedTicketCanBeTakenWithT() throws {
        let w = try HotlineWorld()
        let applied = try w.desk().perform(OpenTicket(caller: .cadre(w.li), category: "services", summary: "想请保洁阿姨", confirmed: true),
                                           as: w.operatorA)
        let id = (applied[0].event as! TicketOpened).id
        var t = try w.terminal(as: "lina")
        #expect(t.text().contains("待分派    1"))
        #expect(!t.text().contains("T领取"))
        t.press(.right, .right)
        #expect(t.line(containing: id.raw)?.contains("待分派") == true)
        #expect(t.text().contains("T领取"))
        t.press(.char("T"))
        #expect(try w.ticket(id).assignee == w.operatorB)
        #expect(t.text().contains("待分派    0"))
        #expect(t.text().contains("我的工单  1"))
    }

    @Test func anotherTerminalsResolutionShowsAtTheNextTickAndTheCursorStaysOnItsTicket() throws {
        let w = try HotlineWorld()
        let first = try w.open(w.zhang, summary: "第一件")
        let second = try w.open(w.li, category: "medical", summary: "第二件")
        let third = try w.open(w.li, category: "repair", summary: "第三件")
        var t = try w.terminal(as: "wangfang")
        #expect(Self.rows(&t) == [first, second, third].map(\.raw))
        t.press(.down)
        #expect(Self.hotline(t)?.queues.table.selectedID == second)
        // Another terminal (another process: its own Desk on the same file) resolves the first.
        try w.desk().perform(ResolveTicket(id: first, resolution: "已电话答复"), as: w.operatorB)
        t.tick()
        #expect(Self.rows(&t) == [second, third].map(\.raw))
        #expect(Self.hotline(t)?.queues.table.selectedID == second)
        #expect(t.text().contains("待回访    0"))
        #expect(t.text().contains("全部在办  2"))
    }

    @Test func aWaitingTicketShowsPausedAndAResolvedOneComesDueForItsCallbackAfterThreeWorkingDays() throws {
        let w = try HotlineWorld()
        let waiting = try w.open(w.zhang, summary: "报销发票待补")
        let resolved = try w.open(w.li, category: "repair", summary: "热水器坏了")
        let d = try w.desk()
        try d.perform(AddTicketNote(id: waiting, kind: .callOut, party: .cadre, text: "请老人找发票"), as: w.operatorA)
        try d.perform(ChangeTicketStatus(id: waiting, to: .waiting, waitingOn: .caller, note: "等老人找到发票"), as: w.operatorA)
        try d.perform(ResolveTicket(id: resolved, resolution: "已上门修好"), as: w.operatorA)
        var t = try w.terminal(as: "lina")
        #expect(t.text().contains("等待回复  1"))
        #expect(t.text().contains("待回访    0"))
        t.press(.right, .right, .right, .right, .right)   // 我的 → 代岗 → 待分派 → 即将到期 → 逾期 → 等待回复
        #expect(t.text().contains("等待回复 · 按剩余时间"))
        #expect(Self.rows(&t) == [waiting.raw])
        #expect(t.line(containing: waiting.raw)?.contains("暂停 · 剩 2天") == true)
        // Resolved Monday: the callback falls due on the third working day after, Thursday 26th.
        t.press(.right)
        #expect(Self.rows(&t).isEmpty)
        w.advance(minutes: 3 * 24 * 60)
        t.tick()
        #expect(t.text().contains("待回访    1"))
        #expect(Self.rows(&t) == [resolved.raw])
        #expect(t.line(containing: resolved.raw)?.contains("11月26日 应回访") == true)
        // Still paused three days on.
        t.press(.left)
        #expect(t.line(containing: waiting.raw)?.contains("暂停 · 剩 2天") == true)
    }

    @Test func theReviewQueueIsOnlyForSupervisors() throws {
        let w = try HotlineWorld()
        var op = try w.terminal(as: "wangfang")
        #expect(!op.text().contains("待复核"))
        var sup = try w.terminal(as: "sunli")
        #expect(sup.text().contains("待复核    0"))
    }

    @Test func theQueuesFitEightyByTwentyFourInBothLanguages() throws {
        let w = try HotlineWorld()
        let id = try w.open(w.zhang)
        var t = try w.terminal(as: "wangfang")
        var s = t.screen(width: 80, height: 24)
        #expect(s[23].contains("受理来电") && s[23].contains("退出"))
        #expect(s.contains { $0.contains(id.raw) && $0.contains("剩 1小时") })
        var e = try w.terminal(as: "wangfang", lang: .en)
        s = e.screen(width: 80, height: 24)
        let text = s.joined(separator: "\n")
        #expect(!text.contains("⟦"))
        #expect(text.contains("1 h left"))
        #expect(s[23].contains("Take call"))
    }
}
