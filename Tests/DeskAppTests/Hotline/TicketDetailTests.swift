import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

/// One ticket's page: facts, deadlines and timeline; the actions offered as
/// keys only when they apply, each a small form that saves with Enter.
@Suite struct TicketDetailTests {
    /// A terminal signed in as `login` showing ticket `id` (as another screen's `openTicket` would).
    static func showing(_ id: ID<Ticket>, _ w: HotlineWorld, as login: String, lang: Lang = .zh) throws -> Terminal {
        var t = try w.terminal(as: login, lang: lang)
        t.send(.openTicket(id.raw))
        return t
    }

    /// The key bar (the screen's last line).
    static func bar(_ t: inout Terminal) -> String { t.screen().last ?? "" }

    @Test func openTicketShowsTheFactsTheDeadlinesAndTheTimelineWithOnlyTheActionsThatApply() throws {
        let w = try HotlineWorld()
        let id = try w.open(w.zhang, category: "policy", summary: "咨询护理费政策")
        var t = try Self.showing(id, w, as: "wangfang")
        let text = t.text()
        #expect(text.contains("\(id.raw)  政策咨询  普通  【受理】"))
        #expect(text.contains("事由      咨询护理费政策"))
        #expect(text.contains("老干部    张福生  \(w.zhang.raw)"))
        #expect(text.contains("受理      11月23日 09:30 王芳 · 热线"))
        #expect(text.contains("首次响应  11月23日 10:30 前 · 剩 1小时"))
        // Policy questions: 2 working days from Monday 09:30.
        #expect(text.contains("限时办结  11月25日 09:30 前 · 剩 2天"))
        #expect(text.contains("处理记录 1 条"))
        #expect(text.contains("11月23日 09:30  王芳    受理工单"))
        let bar = Self.bar(&t)
        #expect(bar.contains("a备注") && bar.contains("c通话") && bar.contains("b办结") && bar.contains("Esc返回"))
        // Not resolved: no callback, no reopen; an operator does not void.
        #expect(!bar.contains("回访") && !bar.contains("重开") && !bar.contains("作废"))
        t.press(.char("h"))
        #expect(!t.text().contains("满意度"))
        t.press(.escape)
        #expect(t.text().contains("工单队列"))
    }

    @Test func aNoteAndACallGoOnTheTimelineAndTheCallOutIsTheFirstResponse() throws {
        let w = try HotlineWorld()
        let id = try w.open(w.zhang)
        var t = try Self.showing(id, w, as: "wangfang")
        w.advance(minutes: 15)
        t.press(.char("a"))
        #expect(t.text().contains("备注 · \(id.raw)"))
        t.press(.enter)
        // Empty: refused beside the field, nothing written.
        #expect(t.text().contains("必填。"))
        #expect(try w.ticket(id).timeline.count == 1)
        t.type("已查阅护理费新文件")
        t.press(.enter)
        var text = t.text()
        #expect(text.contains("备注已保存。"))
        #expect(text.contains("11月23日 09:45  王芳    备注:已查阅护理费新文件"))
        #expect(text.contains("首次响应  11月23日 10:30 前"))
        t.press(.char("c"))
        t.type("已电话告知新标准")
        t.press(.enter)
        text = t.text()
        #expect(text.contains("去电(老干部本人):已电话告知新标准"))
        #expect(text.contains("首次响应  已于 11月23日 09:45 响应"))
        #expect(text.contains("处理记录 3 条"))
        #expect(try w.ticket(id).firstResponseAt != nil)
    }

    @Test func waitingForAReplyPausesTheClockAndBackInProgressItRunsOnFromWhereItStopped() throws {
        let w = try HotlineWorld()
        let id = try w.open(w.zhang)
        var t = try Self.showing(id, w, as: "wangfang")
        w.advance(minutes: 60)          // 10:30: one working hour of the two days used
        t.tick()
        #expect(t.text().contains("限时办结  11月25日 09:30 前 · 剩 1天6小时"))
        t.press(.char("w"))
        #expect(t.text().contains("改为  < 处理中"))
        t.press(.right, .right)         // 处理中 → 等待来电人答复 → 等待第三方答复
        #expect(t.text().contains("改为  < 等待第三方答复"))
        t.press(.tab)
        t.type("等区医保中心答复")
        t.press(.enter)
        var text = t.text()
        #expect(text.contains("【等待回复】  等待第三方答复"))
        #expect(text.contains("限时办结  暂停 · 剩 1天6小时"))
        #expect(text.contains("11月23日 10:30  王芳    状态改为「等待第三方答复」:等区医保中心答复"))
        // A whole day later the clock has not moved.
        w.advance(minutes: 24 * 60)
        t.tick()
        #expect(t.text().contains("限时办结  暂停 · 剩 1天6小时"))
        t.press(.char("w"))
        #expect(t.text().contains("改为  < 处理中"))
        t.press(.enter)
        text = t.text()
        #expect(text.contains("【处理中】"))
        // Tuesday 10:30 + 1 day 6 hours of working time = Thursday 09:30.
        #expect(text.contains("限时办结  11月26日 09:30 前 · 剩 1天6小时"))
        #expect(try w.ticket(id).status == .inProgress)
    }

    @Test func reassigningNamesAssigneeAndBackupAndReclassifyingRecomputesThePromise() throws {
        let w = try HotlineWorld()
        let id = try w.open(w.zhang)
        var t = try Self.showing(id, w, as: "wangfang")
        t.press(.char("f"))
        #expect(t.text().contains("承办人  < 王芳"))
        t.press(.right)
        #expect(t.text().contains("承办人  < 李娜"))
        t.press(.tab, .right, .right)   // 无 → 张建国 → 王芳
        #expect(t.text().contains("备岗人  < 王芳"))
        t.press(.tab)
        t.type("王芳下午外出")
        t.press(.enter)
        var text = t.text()
        #expect(text.contains("承办人    李娜  备岗 王芳"))
        #expect(text.contains("分派给 李娜,备岗 王芳:王芳下午外出"))
        let ticket = try w.ticket(id)
        #expect(ticket.assignee == w.operatorB && ticket.backup == w.operatorA)
        t.press(.char("e"))
        #expect(t.text().contains("类别  < 政策咨询"))
        t.press(.left, .left)           // 政策咨询 → 其他 → 紧急求助
        t.press(.tab, .right)           // 普通 → 紧急
        #expect(t.text().contains("紧急程度  < 紧急"))
        t.press(.enter)
        text = t.text()
        #expect(text.contains("\(id.raw)  紧急求助  紧急  【受理】"))
        // 紧急 counts in clock hours: 24 hours from Monday 09:30.
        #expect(text.contains("限时办结  11月24日 09:30 前"))
        #expect(try w.ticket(id).category == "emergency")
    }

    @Test func aDeadlineSetByHandNeedsAReasonAndShowsAsSetByHand() throws {
        let w = try HotlineWorld()
        let id = try w.open(w.zhang)
        var t = try Self.showing(id, w, as: "wangfang")
        t.press(.char("d"))
        var text = t.text()
        // The form starts from the promise in force.
        #expect(text.contains("办结日期  2026-11-25"))
        #expect(text.contains("时间  09:30"))
        t.press(.ctrl("u"))
        t.type("2026-11-31")
        t.press(.tab, .tab)
        t.type("区里下周才批")
        t.press(.enter)
        #expect(t.text().contains("请输入实际存在的日期,格式如 2026-11-23。"))
        #expect(try w.ticket(id).manualDeadline == nil)
        t.press(.ctrl("u"))
        t.type("2026-11-27")
        t.press(.tab, .ctrl("u"))
        t.type("17:00")
        t.press(.enter)
        text = t.text()
        #expect(text.contains("限时办结  11月27日 17:00 前 · 剩 4天") && text.contains("人工设定"))
        #expect(text.contains("人工设定  11月27日 17:00:区里下周才批"))
        #expect(text.contains("办结期限改为 11月27日 17:00:区里下周才批"))
        #expect(try w.ticket(id).manualDeadline?.due == LocalDateTime(LocalDate(2026, 11, 27), LocalTime(17, 0)))
    }

    @Test func theResolverIsRefusedTheCallbackAnotherRecordsItAndDissatisfiedGoesToTheSupervisor() throws {
        let w = try HotlineWorld()
        let id = try w.open(w.zhang)
        var a = try Self.showing(id, w, as: "wangfang")
        a.press(.char("b"))
        a.type("已按新标准补发护理费")
        a.press(.enter)
        var text = a.text()
        #expect(text.contains("【已办结】"))
        #expect(text.contains("已按新标准补发护理费(王芳 11月23日 09:30 办结)  按时办结"))
        #expect(Self.bar(&a).contains("h回访") && Self.bar(&a).contains("o重开") && !Self.bar(&a).contains("b办结"))
        // The resolver asks for the callback: the domain's reason, and no form to fill in for nothing.
        a.press(.char("h"))
        text = a.text()
        #expect(text.contains("回访须由办结人以外的人员进行:本工单由 王芳 办结,请换一位同事回访。"))
        #expect(!text.contains("满意度"))

        var b = try Self.showing(id, w, as: "lina")
        b.press(.char("h"))
        #expect(b.text().contains("满意度  < 满意"))
        b.press(.right, .right)
        #expect(b.text().contains("满意度  < 不满意"))
        b.press(.enter)
        // 不满意 needs the cadre's words.
        #expect(b.text().contains("不满意时请记录老干部的意见,便于复核。"))
        #expect(try w.ticket(id).callbacks.isEmpty)
        b.type("补发金额不对")
        b.press(.enter)
        text = b.text()
        #expect(text.contains("不满意,待复核"))
        #expect(try w.ticket(id).needsReview)
        #expect(try w.ticket(id).status.isOpen)
        // Only a supervisor reviews.
        #expect(!Self.bar(&b).contains("复核"))
        var s = try Self.showing(id, w, as: "sunli")
        #expect(Self.bar(&s).contains("v复核"))
        s.press(.char("v"))
        s.type("已核实,另补差额")
        s.press(.enter)
        text = s.text()
        #expect(text.contains("复核:已核实,另补差额"))
        #expect(!text.contains("不满意,待复核"))
        #expect(try !w.ticket(id).needsReview)
    }

    @Test func reopeningNeedsAReasonAndVoidingIsTheSupervisors() throws {
        let w = try HotlineWorld()
        let id = try w.open(w.zhang)
        try w.desk().perform(ResolveTicket(id: id, resolution: "已答复"), as: w.operatorA)
        var t = try Self.showing(id, w, as: "lina")
        #expect(!Self.bar(&t).contains("作废"))
        t.press(.char("o"))
        t.press(.enter)
        #expect(t.text().contains("必填。"))
        t.type("老人说还没收到")
        t.press(.enter)
        var text = t.text()
        #expect(text.contains("重新打开:老人说还没收到"))
        #expect(try w.ticket(id).status.isOpen)
        #expect(Self.bar(&t).contains("b办结"))

        var s = try Self.showing(id, w, as: "sunli")
        #expect(Self.bar(&s).contains("X作废"))
        s.press(.char("X"))
        s.type("与 T2026-00009 重复")
        s.press(.enter)
        text = s.text()
        #expect(text.contains("【已作废】"))
        #expect(text.contains("作废:与 T2026-00009 重复"))
        // Nothing can be done to a void ticket.
        let bar = Self.bar(&s)
        #expect(!bar.contains("备注") && !bar.contains("办结") && bar.contains("Esc返回"))
    }

    @Test func anotherTerminalsResolutionShowsAtOnceAndAHalfTypedFormKeepsItsTextAndGetsTheReason() throws {
        let w = try HotlineWorld()
        let id = try w.open(w.zhang)
        var t = try Self.showing(id, w, as: "lina")
        t.press(.char("e"))
        t.press(.escape)
        t.press(.char("b"))
        t.type("已上门修好")
        try w.desk().perform(ResolveTicket(id: id, resolution: "电话答复已解决"), as: w.operatorA)
        t.tick()
        var text = t.text()
        #expect(text.contains("【已办结】"))
        #expect(text.contains("*办理结果  已上门修好"))
        t.press(.enter)
        text = t.text()
        #expect(text.contains("工单 \(id.raw) 已办结,不能再改动;如需继续处理,请先重新打开。"))
        #expect(text.contains("已上门修好"))
        #expect(try w.ticket(id).resolution == "电话答复已解决")
    }

    @Test func datesOfAnEarlierYearCarryTheYearSoTheyDoNotReadAsDatesToCome() throws {
        let w = try HotlineWorld()
        let id = try w.open(w.zhang)
        try w.desk().perform(ResolveTicket(id: id, resolution: "已答复"), as: w.operatorA)
        var t = try Self.showing(id, w, as: "lina")
        #expect(t.text().contains("11月23日 09:30  王芳    受理工单"))
        w.advance(minutes: 45 * 24 * 60)   // 2027-01-07
        t.tick()
        let text = t.text()
        #expect(text.contains("2026年11月23日 09:30  王芳    受理工单"))
        #expect(text.contains("受理      2026年11月23日 09:30 王芳 · 热线"))
    }

    @Test func theDetailFitsEightyByTwentyFourInEnglish() throws {
        let w = try HotlineWorld()
        let id = try w.open(w.zhang)
        var t = try Self.showing(id, w, as: "wangfang", lang: .en)
        let s = t.screen(width: 80, height: 24)
        let text = s.joined(separator: "\n")
        #expect(!text.contains("⟦"))
        #expect(text.contains(id.raw))
        #expect(s[23].contains("Resolve") && s[23].contains("Back"))
    }
}
