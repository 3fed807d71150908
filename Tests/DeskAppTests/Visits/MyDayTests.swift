import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

@Suite struct MyDayTests {
    @Test func aCaseworkersDayListsTheirOverdueAndDueItemsMostUrgentFirstWithCountsInTheTitle() throws {
        let f = try VisitsFixture()
        _ = try f.week()
        var t = try f.h.terminal(as: "wangfang")
        #expect(t.model.activeScreen == .myDay, "My day is the home screen")
        let s = t.screen(height: 40)
        let text = s.joined(separator: "\n")
        #expect(text.contains("王芳 · 2026年11月23日 周一"))
        // Overdue: the care visit (19 days), the follow-up (3), the hospital visit (2).
        #expect(text.contains("到期 5 · 逾期 3"), "\(text)")
        let rows = s.filter { $0.contains("逾期") && $0.contains("天") && !$0.contains("·") }
        #expect(rows.count == 3, "\(rows)")
        #expect(rows[0].contains("张秀英") && rows[0].contains("关怀等级上门走访") && rows[0].contains("逾期 19 天") && rows[0].contains("上次 10月20日"))
        #expect(rows[1].contains("陈玉兰") && rows[1].contains("回访") && rows[1].contains("V000002 约定回访"))
        #expect(rows[2].contains("王建国") && rows[2].contains("住院看望") && rows[2].contains("11月18日 入院"))
        #expect(t.line(with: "李国华", "生日祝寿(80岁大寿)", "还剩 2 天") != nil)
        // The tab shows the overdue count too.
        #expect(s[1].contains("今日工作 逾3"), "\(s[1])")
    }

    @Test func itemsOfAnAbsentColleagueAreMarkedAsCoveredForTheBackup() throws {
        let f = try VisitsFixture()
        _ = try f.week()
        var t = try f.h.terminal(as: "wangfang")
        #expect(t.text().contains("代 李明 办理(AB岗)"))
        let row = try #require(t.line(with: "刘德福", "每月联系"))
        #expect(row.contains("代 李明 办理(AB岗)"), "\(row)")
        // 李明 himself has nothing today: his work is 王芳's.
        var li = try f.h.terminal(as: "liming")
        #expect(li.text().contains("今天没有到期或逾期的事项"))
    }

    @Test func oneKeyOpensTheFormFilledInForTheItemAndSavingMakesItLeaveAndTheCountDrop() throws {
        let f = try VisitsFixture()
        let w = try f.week()
        var t = try f.h.terminal(as: "wangfang")
        t.press(.char("h"))
        #expect(t.line(with: "王建国", "住院看望") != nil)
        t.press(.enter)
        let form = t.text()
        #expect(form.contains("记录走访 · 住院看望(逾期 2 天)"), "\(form)")
        #expect(form.contains("< 医院看望"), "kind from the rule")
        #expect(form.contains("< 生病住院"), "occasion from the rule")
        #expect(form.contains("王建国"))
        t.type("精神尚可,术后恢复中")
        t.press(.enter)
        let after = t.text()
        #expect(after.contains("已保存走访记录 V000003"), "\(after)")
        #expect(!after.contains("住院看望"))
        // A hospital visit is this month's contact too: that item goes as well.
        #expect(after.contains("到期 4 · 逾期 2"), "\(after)")
        let visit = try #require(f.desk().state.visitTimeline(of: w.wangJianguo).first)
        #expect(visit.kind == .hospital && visit.occasion == .illness && visit.staff == [f.wang])
    }

    @Test func aVisitLoggedInAnotherTerminalTakesTheItemOffAfterATick() throws {
        let f = try VisitsFixture()
        let w = try f.week()
        var t = try f.h.terminal(as: "wangfang")
        #expect(t.line(with: "张秀英", "关怀等级上门走访") != nil)
        try f.visit(w.zhang, .home, on: f.today, by: f.li)
        #expect(t.line(with: "张秀英", "关怀等级上门走访") != nil, "not before the terminal looks")
        t.tick()
        #expect(t.line(with: "张秀英", "关怀等级上门走访") == nil)
        #expect(t.line(with: "张秀英", "每月联系") == nil, "a home visit is this month's contact too")
        #expect(t.text().contains("逾期 2"))
    }

    @Test func theWeeksBirthdaysShowMilestonesAndWhetherGreeted() throws {
        let f = try VisitsFixture()
        let w = try f.week()
        try f.cadre("周桂兰", born: "1936-11-23", contact: f.wang, gender: .female)
        var t = try f.h.terminal(as: "wangfang")
        t.press(.char("b"))
        var s = t.text()
        #expect(s.contains("b 本周生日 2"))
        let li = try #require(t.line(with: "李国华"))
        #expect(li.contains("11月25日 周三") && li.contains("80岁大寿") && li.contains("未祝寿"), "\(li)")
        #expect(t.line(with: "周桂兰", "90岁大寿", "未祝寿") != nil)
        t.press(.enter)  // the first row: 周桂兰, 90 today
        s = t.text()
        #expect(s.contains("< 生日祝寿"), "\(s)")
        t.press(.enter)
        #expect(t.line(with: "周桂兰", "已祝寿") != nil)
        #expect(t.line(with: "李国华", "未祝寿") != nil)
        t.press(.char("a"))
        #expect(t.line(with: "周桂兰", "生日祝寿") == nil, "a greeted birthday leaves the items")
        _ = w
    }

    @Test func hospitalAndFollowUpSectionsListJustThose() throws {
        let f = try VisitsFixture()
        _ = try f.week()
        var t = try f.h.terminal(as: "wangfang")
        t.press(.char("f"))
        var s = t.screen()
        #expect(s.contains { $0.contains("陈玉兰") && $0.contains("回访") })
        #expect(!s.contains { $0.contains("王建国") })
        t.press(.char("h"))
        s = t.screen()
        #expect(s.contains { $0.contains("王建国") })
        #expect(!s.contains { $0.contains("陈玉兰") })
        t.press(.char("o"))
        s = t.screen()
        #expect(s.filter { $0.contains("逾期") && $0.contains("天") && !$0.contains("·") }.count == 3)
        #expect(!s.contains { $0.contains("李国华") })
    }

    @Test func voidingAVisitBringsBackTheItemItSatisfied() throws {
        let f = try VisitsFixture()
        let w = try f.week()
        let v = try f.visit(w.wangJianguo, .hospital, .illness, on: f.today, by: f.wang)
        var t = try f.h.terminal(as: "wangfang")
        #expect(t.line(with: "王建国", "住院看望") == nil)
        try f.perform(VoidVisit(id: v, reason: "记错了人"), as: f.wang)
        t.tick()
        #expect(t.line(with: "王建国", "住院看望") != nil)
    }

    @Test func aSupervisorSeesEveryonesItemsGroupedByStaffAndNarrowsToOne() throws {
        let f = try VisitsFixture()
        _ = try f.week()
        try f.cadre("孙宝珍", born: "1945-06-06", contact: nil, gender: .female)
        var t = try f.h.terminal(as: "zhaoqiang")
        let s = t.screen(height: 40)
        let pane = s.compactMap { $0.split(separator: "│").first.map(String.init) }
        #expect(pane.contains { $0.contains("全体") && $0.hasSuffix(" 3    6") || $0.contains("全体") && $0.contains(" 3 ") }, "\(pane)")
        #expect(pane.contains { $0.contains("王芳") && $0.contains(" 3 ") }, "\(pane)")
        #expect(pane.contains { $0.contains("李明(休)") }, "\(pane)")
        #expect(pane.contains { $0.contains("未分配") }, "\(pane)")
        #expect(s.contains { $0.contains("孙宝珍") && $0.contains("未分配") }, "everyone's items say whose")
        // ← to the staff pane, down to 王芳: only her items, the unassigned cadre gone.
        t.press(.left, .char("j"))
        let narrowed = t.screen(height: 40)
        #expect(narrowed[2].contains("王芳 · 2026年11月23日"), "\(narrowed[2])")
        #expect(!narrowed.contains { $0.contains("孙宝珍") })
        #expect(narrowed.contains { $0.contains("刘德福") })
    }

    @Test func at80By24TheHeaderSectionsAndKeyBarFit() throws {
        let f = try VisitsFixture()
        _ = try f.week()
        var t = try f.h.terminal(as: "zhaoqiang")
        let s = t.screen(width: 80, height: 24)
        #expect(s[2].contains("全体") && s[2].contains("到期 5 · 逾期 3"), "\(s[2])")
        #expect(s[3].contains("o 逾期 3"), "\(s[3])")
        #expect(s[23].contains("记录走访") && s[23].contains("帮助"), "\(s[23])")
        #expect(s.contains { $0.contains("王芳") && $0.contains("│") })
    }

    @Test func englishSessionsSayItInEnglish() throws {
        let f = try VisitsFixture()
        _ = try f.week()
        var t = try f.h.terminal(as: "wangfang", lang: .en)
        let s = t.text()
        #expect(s.contains("Due 5 · Overdue 3"), "\(s)")
        #expect(s.contains("Care-level home visit"))
        #expect(!s.contains("⟦"))
    }
}

/// A stand-in for another area's screen: one key sends one request, and the
/// intents it receives are kept (`received`).
struct FakeScreen: DeskScreen {
    let id: ScreenID
    var key: Character = "w"
    var request: (ScreenID, Intent)?
    let received = IntentLog()

    func title(_ app: AppContext) -> String { "FAKE-\(id.rawValue)" }
    func bindings(_ app: AppContext) -> [KeyBinding] { [] }
    mutating func update(_ key: Key, _ app: AppContext) -> KeyResult {
        guard key == .char(self.key), let (to, intent) = request else { return .ignored }
        app.navigate(to: to, intent)
        return .handled
    }
    mutating func refresh(_ app: AppContext) {}
    mutating func receive(_ intent: Intent, _ app: AppContext) { received.intents.append(intent) }
    func view(_ canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        canvas.put("FAKE \(id.rawValue) \(received.intents)", at: rect.origin, style: Style(.normal))
    }
}

final class IntentLog: @unchecked Sendable {
    var intents: [Intent] = []
}
