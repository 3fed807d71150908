import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

@Suite struct VisitLogTests {
    /// 王芳 on the visit log with the standard week recorded.
    func visitLog(_ f: VisitsFixture, as login: String = "wangfang",
                  screens: ((ScreenID) -> (any DeskScreen)?)? = nil) throws -> Terminal {
        var t = try f.h.terminal(as: login, screens: screens)
        t.open(.visits)
        #expect(t.model.activeScreen == .visits)
        return t
    }

    @Test func quickEntryFindsTheCadreByInitialsAndEnterSaves() throws {
        let f = try VisitsFixture()
        let w = try f.week()
        var t = try visitLog(f)
        t.press(.char("a"))
        #expect(t.text().contains("记录走访"))
        t.type("zxy")
        #expect(t.line(with: "张秀英", "女", "78岁") != nil, "\(t.text())")
        t.press(.enter)
        // The cadre is picked; the form starts at the kind.
        #expect(t.text().contains("张秀英  女  78岁  退休  东风社区  138****5678"), "phone masked on the form")
        t.press(.enter)
        let s = t.text()
        #expect(s.contains("已保存走访记录 V000003"), "\(s)")
        #expect(t.line(with: "张秀英", "王芳", "上门走访", "日常走访") != nil)
        let v = try #require(f.desk().state.visitTimeline(of: w.zhang).first)
        #expect(v.at == LocalDateTime(f.today, LocalTime(9, 30)))
    }

    @Test func theLastFourDigitsOfAPhoneFindTheCadreToo() throws {
        let f = try VisitsFixture()
        _ = try f.week()
        var t = try visitLog(f)
        t.press(.char("a"))
        t.type("5678")
        #expect(t.line(with: "张秀英", "本人电话") != nil, "\(t.text())")
    }

    @Test func aPairOfStaffMoneyInYuanNeedsAndAFollowUpAreAllRecordedExactly() throws {
        let f = try VisitsFixture()
        let w = try f.week()
        var t = try visitLog(f)
        t.press(.char("a"))
        t.type("lgh")
        t.press(.enter)                 // 李国华
        t.press(.right, .right, .right, .right)  // 走访方式 → 生日祝寿
        t.press(.tab, .right)           // 事由: 日常走访 → 生日 (round to the first)
        t.press(.tab); t.type("身体硬朗,精神很好")
        t.press(.tab, .tab, .tab)       // 日期, 时间 → 走访人
        t.press(.tab, .right, .right, .right)  // 同行人: 无 → 张建国 → 王芳 → 李明
        t.press(.tab); t.type("1,200.5")
        t.press(.tab); t.type("蛋糕一个")
        t.press(.tab); t.type("小区电梯维修；申请助餐")
        t.press(.tab); t.type("+14")
        t.press(.enter)
        #expect(t.text().contains("已保存走访记录"), "\(t.text())")
        let id = try #require(f.desk().state.visitTimeline(of: w.liGuohua).first?.id)
        let r = try f.desk().visitDetail(id).record
        #expect(r.kind == .birthday && r.occasion == .birthday)
        #expect(r.staff == [f.wang, f.li])
        #expect(r.moneyEach == Money(fen: 120_050))
        #expect(r.needs == ["小区电梯维修", "申请助餐"])
        #expect(r.followUp == LocalDate(2026, 12, 7))
        #expect(r.learned == "身体硬朗,精神很好")
        // The detail reads it all back.
        t.press(.enter)
        let d = t.text()
        #expect(d.contains("¥1,200.50"), "\(d)")
        #expect(d.contains("1. 小区电梯维修") && d.contains("2. 申请助餐"))
        #expect(d.contains("2026年12月7日"))
        #expect(d.contains("身体硬朗,精神很好"))
        #expect(d.contains("王芳、李明"))
    }

    @Test func problemsShowBesideTheirFieldsAndNothingIsSaved() throws {
        let f = try VisitsFixture()
        _ = try f.week()
        var t = try visitLog(f)
        let before = try f.desk().state.visits.count
        t.press(.char("a"))
        t.press(.enter)  // nobody picked yet
        t.type("zxy")
        t.press(.enter)
        for _ in 0..<7 { t.press(.tab) }  // 慰问金
        t.type("五百")
        t.press(.enter)
        var s = t.text()
        #expect(s.contains("金额格式不对"), "\(s)")
        t.press(.ctrl("u"))
        t.type("500")
        for _ in 0..<4 { t.press(.backTab) }  // 日期
        t.press(.ctrl("u"))
        t.type("2026-11-30")
        t.press(.enter)
        s = t.text()
        #expect(s.contains("走访日期不能晚于今天(2026-11-23)"), "\(s)")
        #expect(try f.desk().state.visits.count == before)
    }

    @Test func aLikelyDuplicateAsksBeforeSavingAndBackSavesNothing() throws {
        let f = try VisitsFixture()
        let w = try f.week()
        try f.visit(w.zhang, .home, on: f.today, by: f.wang)
        var t = try visitLog(f)
        let before = try f.desk().state.visits.count
        t.press(.char("a"))
        t.type("zxy")
        t.press(.enter, .enter)
        #expect(t.text().contains("当天已有同类走访记录"), "\(t.text())")
        t.press(.enter)  // the focus is on 返回修改
        #expect(try f.desk().state.visits.count == before)
        t.press(.enter)
        t.press(.char("y"))
        #expect(try f.desk().state.visits.count == before + 1)
        #expect(t.text().contains("已保存走访记录"))
    }

    @Test func aFestivalRoundRecordsOneVisitPerCadreWithOneNote() throws {
        let f = try VisitsFixture()
        let w = try f.week()
        var t = try visitLog(f)
        let before = try f.desk().state.visits.count
        t.press(.char("b"))
        t.type("zxy"); t.press(.enter)
        t.type("lgh"); t.press(.enter)
        var s = t.text()
        #expect(s.contains("已选 2 人"), "\(s)")
        // F3: a named list — 离休 adds 王建国.
        t.press(.f(3))
        #expect(t.text().contains("按名单加入"))
        t.press(.char("/")); t.type("离休"); t.press(.enter, .enter)
        s = t.text()
        #expect(s.contains("已选 3 人"), "\(s)")
        t.press(.f(5))
        s = t.text()
        #expect(s.contains("< 节日慰问") && s.contains("< 节日"), "\(s)")
        for _ in 0..<2 { t.press(.tab) }
        t.type("重阳节慰问")
        for _ in 0..<5 { t.press(.tab) }
        t.type("300")
        t.press(.enter)
        #expect(t.text().contains("已保存 3 条走访记录"), "\(t.text())")
        let state = try f.desk().state
        #expect(state.visits.count == before + 3)
        for c in [w.zhang, w.liGuohua, w.wangJianguo] {
            let v = try #require(state.visitTimeline(of: c).first)
            #expect(v.kind == .festival && v.moneyEach == Money(fen: 30_000))
            #expect(try f.desk().visitDetail(v.id).record.learned == "重阳节慰问")
        }
    }

    @Test func aRoundWithOneImpossibleCadreSavesNoneAndSaysWhy() throws {
        let f = try VisitsFixture()
        let w = try f.week()
        try f.perform(RecordDeath(id: w.chen, on: LocalDate(2026, 11, 10)))
        var t = try visitLog(f)
        let before = try f.desk().state.visits.count
        t.press(.char("b"))
        t.type("zxy"); t.press(.enter)
        t.type("cyl"); t.press(.enter)
        t.press(.f(5), .enter)
        let s = t.text()
        #expect(s.contains("陈玉兰 已于 2026-11-10 去世"), "\(s)")
        #expect(try f.desk().state.visits.count == before, "all or nothing")
        // Back to step 1, take her out, save the rest.
        t.press(.escape, .tab, .char("j"), .char("x"))
        #expect(t.text().contains("已选 1 人"))
        t.press(.f(5), .enter)
        #expect(try f.desk().state.visits.count == before + 1)
    }

    @Test func voidingNeedsAReasonAndTheVisitStaysListedMarked() throws {
        let f = try VisitsFixture()
        let w = try f.week()
        let id = try f.visit(w.zhang, .phone, on: f.today, by: f.wang)
        var t = try visitLog(f)
        #expect(t.line(with: "张秀英", "电话联系") != nil)
        t.press(.char("X"))
        #expect(t.text().contains("作废走访记录 \(id.raw)"))
        t.press(.enter)
        #expect(t.text().contains("必填"))
        t.type("误记,实际未联系上")
        t.press(.enter)
        #expect(t.text().contains("已作废走访记录 \(id.raw)"))
        #expect(t.line(with: "张秀英", "电话联系", "已作废") != nil)
        t.press(.enter)
        let d = t.text()
        #expect(d.contains("[已作废]") && d.contains("原因:误记,实际未联系上"), "\(d)")
        #expect(try f.desk().state.visits.summary(of: id)?.voided == true)
    }

    @Test func aCorrectionKeepsTheNumberAndAsksWhy() throws {
        let f = try VisitsFixture()
        let w = try f.week()
        let id = try f.visit(w.zhang, .phone, on: f.today, by: f.wang)
        var t = try visitLog(f)
        _ = t.text()
        t.press(.char("E"))
        #expect(t.text().contains("更正走访记录 \(id.raw)"))
        t.press(.enter)
        #expect(t.text().contains("必填"))
        t.type("实际是上门")
        t.press(.tab)  // from the reason (last) round to 走访方式
        t.press(.left)  // 电话联系 → 上门走访
        t.press(.enter)
        #expect(t.text().contains("已更正走访记录 \(id.raw)"), "\(t.text())")
        let r = try f.desk().visitDetail(id)
        #expect(r.record.kind == .home && r.amendReason == "实际是上门")
    }

    @Test func aNeedRaisedBecomesAHotlineTicketRequest() throws {
        let f = try VisitsFixture()
        let w = try f.week()
        let hotline = FakeScreen(id: .hotline)
        var t = try visitLog(f, screens: { id in id == .hotline ? hotline : Screens.make(id) })
        let row = try #require(t.line(with: "陈玉兰", "遇到困难"))
        #expect(row.contains("11月20日"), "the follow-up column: \(row)")
        // Select 陈玉兰's visit and open it.
        t.press(.char("/")); t.type(w.chenVisit.raw); t.press(.enter, .enter)
        let d = t.text()
        #expect(d.contains("▶ 1. 家中热水器需要维修"), "\(d)")
        #expect(t.screen().last?.contains("转工单") == true)
        t.press(.char("t"))
        #expect(t.model.activeScreen == .hotline)
        #expect(hotline.received.intents == [.ticketFromVisitNeed(visit: w.chenVisit.raw, need: 0)])
    }

    @Test func withoutAHotlineScreenTheTicketKeyIsNotOffered() throws {
        let f = try VisitsFixture()
        let w = try f.week()
        var t = try visitLog(f, screens: { $0 == .hotline ? nil : Screens.make($0) })
        t.press(.char("/")); t.type(w.chenVisit.raw); t.press(.enter, .enter)
        #expect(t.text().contains("家中热水器需要维修"))
        #expect(t.screen().last?.contains("转工单") == false)
        t.press(.char("t"))
        #expect(t.model.activeScreen == .visits)
    }

    @Test func filtersNarrowByKindAndStaff() throws {
        let f = try VisitsFixture()
        let w = try f.week()
        try f.visit(w.liu, .phone, on: f.today, by: f.li)
        var t = try visitLog(f, as: "zhaoqiang")
        #expect(t.text().contains("共 2 条"), "\(t.text())")
        t.press(.char("f"))
        for _ in 0..<4 { t.press(.tab) }  // 方式
        t.press(.right, .right)           // 电话联系
        t.press(.enter)
        var s = t.text()
        #expect(s.contains("电话联系 · 共 1 条"), "\(s)")
        #expect(t.line(with: "刘德福") != nil && t.line(with: "陈玉兰") == nil)
        t.press(.char("f"))
        t.press(.tab, .tab, .tab)         // 走访人
        t.press(.right, .right)           // 全部 → 张建国 → 王芳
        t.press(.tab, .left, .left)       // 方式 back to 全部
        t.press(.enter)
        s = t.text()
        #expect(s.contains("本月 11月1日–11月30日 · 王芳 · 共 1 条"), "\(s)")
        #expect(t.line(with: "陈玉兰") != nil && t.line(with: "刘德福") == nil)
    }

    @Test func aCaseworkerListsOnlyTheVisitsTheyTookPartIn() throws {
        let f = try VisitsFixture()
        let w = try f.week()
        try f.visit(w.liu, .phone, on: f.today, by: f.li)
        var t = try visitLog(f, as: "liming")
        let s = t.text()
        #expect(s.contains("我参与的") && s.contains("共 1 条"), "\(s)")
        #expect(t.line(with: "刘德福") != nil)
        #expect(t.line(with: "张秀英") == nil)
    }

    @Test func anotherScreenCanAskForANewVisitForACadre() throws {
        let f = try VisitsFixture()
        let w = try f.week()
        var t = try f.h.terminal(as: "wangfang", screens: { id in
            id == .roster ? FakeScreen(id: .roster, key: "n", request: (.visits, .newVisit(cadre: w.chen))) : Screens.make(id)
        })
        t.open(.roster)
        t.press(.char("n"))
        #expect(t.model.activeScreen == .visits)
        let s = t.text()
        #expect(s.contains("记录走访") && s.contains("陈玉兰  女"), "\(s)")
        t.type("电话回访,热水器已修好")
        t.press(.enter)
        #expect(try f.desk().state.visitTimeline(of: w.chen).count == 2)
    }

    @Test func typingInAFormNeverSwitchesScreensAndQuittingAsksFirst() throws {
        let f = try VisitsFixture()
        _ = try f.week()
        var t = try visitLog(f)
        t.press(.char("a"))
        t.type("q1")
        #expect(t.model.activeScreen == .visits && !t.model.wantsQuit)
        t.press(.escape, .escape)  // clear the search, then close (nothing typed in the form)
        #expect(t.text().contains("共"))
        t.press(.char("a"))
        t.type("zxy"); t.press(.enter)
        t.press(.f(10))
        #expect(t.text().contains("还有未保存的表单"))
    }

    @Test func at80By24TheListAndTheFormFit() throws {
        let f = try VisitsFixture()
        _ = try f.week()
        var t = try visitLog(f)
        var s = t.screen(width: 80, height: 24)
        #expect(s[2].contains("本月") && s[2].contains("我参与的 · 共 1 条"), "\(s[2])")
        #expect(s[23].contains("记录") && s[23].contains("帮助"), "\(s[23])")
        t.press(.char("a"))
        t.type("zxy"); t.press(.enter)
        s = t.screen(width: 80, height: 24)
        #expect(s.contains { $0.contains("回访日期") }, "every field shows: \(s)")
        #expect(s[23].contains("保存"))
    }
}
