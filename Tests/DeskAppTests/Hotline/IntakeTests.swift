import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

/// 受理来电: the number finds the file card at once; Enter opens the ticket
/// and shows the promise to read back.
@Suite struct IntakeTests {
    @Test func theLastFourDigitsOfTheDaughtersPhoneShowTheCardWithAlertsFamilyOpenTicketsAndVisits() throws {
        let w = try HotlineWorld()
        let open = try w.open(w.zhang, category: "medical", summary: "住院费用报销进度")
        var t = try w.terminal(as: "wangfang")
        t.press(.f(2))
        t.type("1111")
        let s = t.screen()
        let text = s.joined(separator: "\n")
        #expect(text.contains("共 1 人"))
        // The alert comes before anything else on the card.
        let alert = try #require(s.firstIndex { $0.contains("⚠ 听力差,请大声说话") })
        let name = try #require(s.firstIndex { $0.contains("张福生  男  91岁  离休  县级  C00001") })
        #expect(alert < name)
        #expect(text.contains("匹配:女儿 张丽 的电话"))
        #expect(text.contains("住址:城关镇东风路12号3单元 (东风社区)"))
        // A hotline operator may see personal details: numbers whole on the card.
        #expect(text.contains("家属:女儿 张丽 13800001111 ★紧急联系人"))
        #expect(text.contains("电话:13912345678"))
        #expect(text.contains("关怀等级 1级  联系人 赵强  慢病  独居"))
        #expect(text.contains("在办工单 1 件"))
        #expect(text.contains("\(open.raw)  受理  剩 2小时  住院费用报销进度"))
        #expect(text.contains("走访记录 1 次"))
        #expect(text.contains("11月20日  上门走访  赵强  提出需求 1 项"))
    }

    @Test func typingMoreDigitsNarrowsAndArrowsChooseWhoseCardIsShown() throws {
        let w = try HotlineWorld()
        var t = try w.terminal(as: "wangfang")
        t.press(.f(2))
        t.type("139")
        // Both cadres' numbers start with 139: two hits, the card is the highlighted one's.
        #expect(t.text().contains("共 2 人"))
        let first = t.text().contains("⚠ 听力差") ? "张福生" : "李秀英"
        t.press(.down)
        let second = t.text().contains("⚠ 听力差") ? "张福生" : "李秀英"
        #expect(first != second)
        t.type("55")
        #expect(t.text().contains("共 1 人"))
        #expect(t.text().contains("李秀英  女  81岁  退休  科级  C00002"))
        #expect(t.text().contains("匹配:本人电话"))
    }

    @Test func enterOpensTheTicketAndShowsThePromisedTimeToReadBack() throws {
        let w = try HotlineWorld()
        var t = try w.terminal(as: "wangfang")
        t.press(.f(2))
        t.type("1111")
        t.press(.enter)
        // The caller is taken to be the daughter whose number matched; the summary has the focus.
        #expect(t.text().contains("来电人  < 张丽(女儿)"))
        #expect(t.text().contains("承诺:将于 11月25日 09:30 前办结"))
        t.type("咨询护理费政策")
        t.press(.enter)
        let text = t.text()
        // Policy questions: 2 working days of 7 hours from Monday 09:30 is Wednesday 09:30.
        #expect(text.contains("工单 T2026-00001 已受理。"))
        #expect(text.contains("请向来电人复述:"))
        #expect(text.contains("将于 11月25日 09:30 前办结"))
        let desk = try w.desk()
        let ticket = try #require(desk.state.tickets["T2026-00001"])
        #expect(ticket.caller == .family(cadre: w.zhang, relation: "女儿", name: "张丽", phone: HotlineWorld.daughterPhone))
        #expect(ticket.cadre == w.zhang && ticket.category == "policy" && ticket.priority == .normal && ticket.channel == .hotline)
        #expect(ticket.openedBy == w.operatorA)
        // The cadre's contact person is suggested as the assignee.
        #expect(ticket.assignee == w.caseworker)
        #expect(text.contains("承办人:赵强"))
        let expected = desk.state.settings.hotline.promisedCompletion(category: "policy", priority: .normal, openedAt: ticket.openedAt)!
        #expect(text.contains(expected.promiseReadBack(Localizer(.zh))))
        #expect(text.contains("当前状态:受理"))
        // Enter goes on to the ticket itself.
        t.press(.enter)
        #expect(t.text().contains("T2026-00001  政策咨询  普通  【受理】"))
    }

    @Test func theEmergencyCategoryMakesItUrgentAndPromisesInClockHoursUnlessSetByHand() throws {
        let w = try HotlineWorld()
        var t = try w.terminal(as: "wangfang")
        t.press(.f(2))
        t.type("5678")
        t.press(.enter)
        t.type("一键通呼叫,老人摔倒")
        t.press(.tab)                 // 类别
        t.press(.left, .left)         // 政策咨询 → 其他 → 紧急求助
        var text = t.text()
        #expect(text.contains("类别  < 紧急求助"))
        #expect(text.contains("紧急程度  < 紧急"))
        // 紧急: 24 clock hours, nights included.
        #expect(text.contains("承诺:将于 11月24日 09:30 前办结"))
        t.press(.tab)                 // 紧急程度: set by hand from now on
        t.press(.left)
        t.press(.backTab)
        t.press(.right)               // 紧急求助 → 其他: the hand-set 普通 stays
        text = t.text()
        #expect(text.contains("类别  < 其他"))
        #expect(text.contains("紧急程度  < 普通"))
        t.press(.left)                // back to 紧急求助, still 普通 as chosen
        t.press(.tab)
        t.press(.right)               // 紧急 again
        t.press(.enter)
        let ticket = try #require(try w.desk().state.tickets["T2026-00001"])
        #expect(ticket.category == "emergency" && ticket.priority == .urgent)
        #expect(ticket.caller == .cadre(w.zhang))
        #expect(t.text().contains("将于 11月24日 09:30 前办结"))
    }

    @Test func aCallerNotOnTheRosterGivesANameAndTheNumberTypedIsKept() throws {
        let w = try HotlineWorld()
        var t = try w.terminal(as: "wangfang")
        t.press(.f(2))
        t.type("02166668888")
        #expect(t.text().contains("没有找到"))
        t.press(.enter)
        var text = t.text()
        #expect(text.contains("来电人不在花名册中"))
        #expect(text.contains("来电号码  02166668888"))
        t.press(.tab, .tab)           // name → phone → summary
        t.type("询问老干部活动中心开放时间")
        t.press(.enter)
        text = t.text()
        #expect(text.contains("来电人姓名") && text.contains("必填。"))
        #expect(try w.desk().state.tickets.count == 0)
        // The focus went to the empty name.
        t.type("王建军")
        t.press(.enter)
        let ticket = try #require(try w.desk().state.tickets["T2026-00001"])
        // The domain writes the number the standard way (area code apart).
        #expect(ticket.caller == .unknown(name: "王建军", phone: "021-66668888"))
        #expect(ticket.cadre == nil)
        // Nobody's contact person: the one taking the call is suggested.
        #expect(ticket.assignee == w.operatorA)
        #expect(t.text().contains("工单 T2026-00001 已受理。"))
    }

    @Test func theDomainsProblemsShowBesideTheirFields() throws {
        let w = try HotlineWorld()
        var t = try w.terminal(as: "wangfang")
        t.press(.f(2))
        t.press(.f(3))
        t.type("王建军")
        t.press(.tab)
        t.type("12345")
        t.press(.tab)
        t.type("问路")
        t.press(.enter)
        // The number is refused by the domain's phone rule, next to the field.
        #expect(t.text().contains("手机号应为 11 位,现在是 5 位。"))
        #expect(!t.text().contains("已受理"))
        #expect(try w.desk().state.tickets.count == 0)
        // The focus went to the number.
        t.press(.ctrl("u"))
        t.type("13712340000")
        t.press(.enter)
        #expect(t.text().contains("已受理"))
    }

    @Test func aSecondOpenTicketOfTheSameCategoryAsksBeforeOpening() throws {
        let w = try HotlineWorld()
        let first = try w.open(w.zhang, category: "policy")
        var t = try w.terminal(as: "wangfang")
        t.press(.f(2))
        t.type("5678")
        t.press(.enter)
        t.type("再问护理费")
        t.press(.enter)
        #expect(t.text().contains("该老干部已有同类在办工单 \(first.raw)"))
        #expect(try w.desk().state.tickets.count == 1)
        t.press(.char("n"))
        #expect(!t.text().contains("该老干部已有同类在办工单"))
        t.press(.enter)
        t.press(.char("y"))
        #expect(try w.desk().state.tickets.count == 2)
        #expect(t.text().contains("已受理"))
    }

    @Test func escapeGoesBackToTheSearchKeepingTheFormAndLeavingAsksFirst() throws {
        let w = try HotlineWorld()
        var t = try w.terminal(as: "wangfang")
        t.press(.f(2))
        t.type("1111")
        t.press(.enter)
        t.type("咨询")
        t.press(.escape)
        #expect(t.text().contains("来电号码 1111"))
        #expect(t.text().contains("事由摘要  咨询"))
        t.press(.escape)              // clears the search
        t.press(.escape)              // leaving: there is a half-typed ticket
        #expect(t.text().contains("放弃这张还没有受理的工单吗?"))
        t.press(.char("n"))
        #expect(t.text().contains("事由摘要  咨询"))
        t.press(.escape)
        t.press(.char("y"))
        #expect(t.text().contains("工单队列"))
        #expect(t.model.activeScreen == .hotline)
    }

    @Test func whileTypingTheNumberDigitsAndQGoToTheSearchNotTheShell() throws {
        let w = try HotlineWorld()
        var t = try w.terminal(as: "admin")
        t.goToHotline()
        t.press(.f(2))
        t.type("1q2")
        #expect(t.model.activeScreen == .hotline)
        #expect(!t.model.wantsQuit)
        #expect(t.text().contains("来电号码 1q2"))
    }

    @Test func anotherScreensNewTicketStartsIntakeForThatCadre() throws {
        let w = try HotlineWorld()
        var t = try w.terminal(as: "wangfang")
        t.send(.newTicket(cadre: w.li))
        let text = t.text()
        #expect(text.contains("来电:李秀英"))
        #expect(text.contains("来电人  < 李秀英(本人)"))
        #expect(text.contains("李秀英  女  81岁  退休  科级  C00002"))
        t.type("咨询")
        t.press(.enter)
        #expect(try w.desk().state.tickets["T2026-00001"]?.cadre == w.li)
    }

    @Test func aNeedRaisedOnAVisitBecomesATicketLinkedToItOnce() throws {
        let w = try HotlineWorld()
        var t = try w.terminal(as: "wangfang")
        t.send(.ticketFromVisitNeed(visit: w.visit.raw, need: 0))
        var text = t.text()
        #expect(text.contains("走访 \(w.visit.raw)(11月20日)所提第 1 项需求"))
        #expect(text.contains("事由摘要  卫生间热水器坏了,想请人来修"))
        #expect(text.contains("渠道  < 走访反映"))
        t.press(.tab)
        t.press(.left, .left, .left, .left, .left, .left, .left, .left)  // 政策咨询 → … → 家电维修
        #expect(t.text().contains("类别  < 家电维修"))
        t.press(.enter)
        let ticket = try #require(try w.desk().state.tickets["T2026-00001"])
        #expect(ticket.source == TicketSource(visit: w.visit.raw, need: 0))
        #expect(ticket.channel == .visit && ticket.category == "repair" && ticket.cadre == w.zhang)
        // The same need again: the ticket it already became opens instead.
        t.press(.escape)
        t.send(.ticketFromVisitNeed(visit: w.visit.raw, need: 0))
        text = t.text()
        #expect(text.contains("T2026-00001  家电维修"))
        #expect(text.contains("这条走访需求已转为工单 T2026-00001"))
        #expect(try w.desk().state.tickets.count == 1)
    }

    @Test func theIntakeFitsEightyByTwentyFourAndSpeaksEnglish() throws {
        let w = try HotlineWorld()
        var t = try w.terminal(as: "wangfang", lang: .en)
        t.press(.f(2))
        t.type("1111")
        t.press(.enter)
        let s = t.screen(width: 80, height: 24)
        let text = s.joined(separator: "\n")
        #expect(!text.contains("⟦"))
        #expect(text.contains("Caller  < 张丽 (女儿)"))
        #expect(text.contains("Promise: We will complete this by"))
        #expect(text.contains("11/25 09:30"))
        #expect(s[23].contains("Open ticket"))
        #expect(text.contains("⚠ 听力差,请大声说话"))
    }
}
