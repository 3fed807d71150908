import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

/// A screen that records what other screens asked of it.
struct RecordingScreen: DeskScreen {
    let id: ScreenID
    var received: [Intent] = []
    func title(_ app: AppContext) -> String { "stub-\(id.rawValue)" }
    func bindings(_ app: AppContext) -> [KeyBinding] { [] }
    mutating func update(_ key: Key, _ app: AppContext) -> KeyResult { .ignored }
    mutating func refresh(_ app: AppContext) {}
    mutating func receive(_ intent: Intent, _ app: AppContext) { received.append(intent) }
    func view(_ canvas: inout some Canvas, rect: Rect, _ app: AppContext) {}
}

@Suite struct CadreFileTests {
    static let alerts = ["听力差,请大声说话", "对青霉素过敏", "先打女儿电话"]

    func openFile(_ t: inout Terminal, _ query: String) {
        t.press(.char("/"))
        t.type(query)
        t.press(.enter)
    }

    @Test func openingAFileShowsItsAlertsInAHighlightedBandAtTheTop() throws {
        let h = try AppHarness()
        try h.addCadre("张三", alerts: Self.alerts)
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        openFile(&t, "zs")
        let lines = t.screen()
        let band = try #require(lines.firstIndex { $0.contains("⚠ 提醒:") })
        #expect(lines[band].contains("听力差,请大声说话  ·  对青霉素过敏  ·  先打女儿电话"))
        #expect(t.canvas.style(at: Point(x: 1, y: band)).role == .alert)
        #expect(t.canvas.style(at: Point(x: 99, y: band)).role == .alert)
        // Name and key facts right above it.
        #expect(lines[band - 1].contains("张三") && lines[band - 1].contains("90岁") && lines[band - 1].contains("退休"))
        // The band stays when the page scrolls.
        t.press(.end)
        let after = t.screen()
        #expect(after[band].contains("⚠ 提醒:"))
    }

    @Test func aFileWithoutAlertsHasNoBand() throws {
        let h = try AppHarness()
        try h.addCadre("张三")
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        openFile(&t, "zs")
        #expect(t.roster.file != nil, "the file is open")
        #expect(!t.text().contains("⚠"))
    }

    @Test func theFileShowsEverySectionOnOnePage() throws {
        let h = try AppHarness()
        let wang = try h.addStaff("王芳", login: "wangfang", role: .caseworker)
        try h.addCadre("张三", phone: "13812345678", living: .alone,
                       family: [FamilyDraft(relation: "儿子", name: "张强", phone: "13900001111"),
                                FamilyDraft(relation: "女儿", name: "张梅", phone: "13700002222", emergency: true)],
                       careLevel: 1, contact: wang)
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        openFile(&t, "zs")
        let page = t.screen(width: 110, height: 70).joined(separator: "\n")
        for heading in ["基本情况", "家庭成员", "健康与生活", "关怀与联系人", "状态", "走访", "热线工单", "活动中心"] {
            #expect(page.contains("■ " + heading), "\(heading)")
        }
        #expect(page.contains("1936-05-01(90岁)"))
        #expect(page.contains("1级 · 每 15 天上门走访"))
        #expect(page.contains("王芳(联络员)"))
        #expect(page.contains("独居、高龄"))
        // The emergency contact first, marked.
        let family = page.components(separatedBy: "\n").filter { $0.contains("张梅") || $0.contains("张强") }
        #expect(family.count == 2 && family[0].contains("★ 女儿  张梅") && family[0].contains("紧急联系人"))
        #expect(page.contains("还没有走访记录"))
    }

    @Test func personalNumbersAreWholeInTheFileOnlyForRolesThatMaySeeThem() throws {
        let h = try AppHarness()
        try h.addStaff("李红", login: "lihong", role: .desk)
        try h.addStaff("王芳", login: "wangfang", role: .caseworker)
        let id = try h.addCadre("张三", phone: "13812345678", family: [FamilyDraft(relation: "女儿", name: "张梅", phone: "13700002222")])
        let number = try #require(try h.desk().state.roster[id]?.idNumber)
        var desk = try h.terminal(as: "lihong")
        desk.open(.roster)
        openFile(&desk, "zs")
        let masked = desk.screen(width: 110, height: 60).joined(separator: "\n")
        #expect(masked.contains("138****5678") && masked.contains("137****2222") && masked.contains(ResidentID.masked(number)))
        #expect(!masked.contains("13812345678") && !masked.contains("13700002222") && !masked.contains(number))
        var caseworker = try h.terminal(as: "wangfang")
        caseworker.open(.roster)
        openFile(&caseworker, "zs")
        let whole = caseworker.screen(width: 110, height: 60).joined(separator: "\n")
        #expect(whole.contains("13812345678") && whole.contains("13700002222") && whole.contains(number))
    }

    @Test func theHistoryTabSaysWhoChangedWhatFromWhatToWhat() throws {
        let h = try AppHarness()
        try h.addStaff("李红", login: "lihong", role: .desk)
        let id = try h.addCadre("张三", phone: "13812345678")
        let d = try h.desk()
        var draft = CadreDraft(d.state.roster[id]!)
        draft.phone = "13987654321"
        draft.hobbies = "书法"
        try d.perform(UpdateCadre(id: id, version: d.state.roster.version(of: id), draft: draft), as: "S001")
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        openFile(&t, "zs")
        t.press(.char("h"))
        let history = t.text()
        #expect(history.contains("变更记录"))
        #expect(history.contains("张建国 电话:13812345678 → 13987654321"))
        #expect(history.contains("张建国 特长爱好:(空) → 书法"))
        #expect(history.contains("建档 C00001"))
        t.press(.char("h"))
        #expect(t.text().contains("■ 基本情况"))
        // A desk clerk sees the change, not the numbers.
        var desk = try h.terminal(as: "lihong")
        desk.open(.roster)
        openFile(&desk, "zs")
        desk.press(.char("h"))
        let masked = desk.text()
        #expect(masked.contains("电话:138****5678 → 139****4321"))
        #expect(!masked.contains("13987654321"))
    }

    @Test func visitsTicketsAndTheActivityCentreAreSummarisedFromTheirAreas() throws {
        let h = try AppHarness()
        try h.addSample(cadres: 60, history: true)
        let state = try h.desk().state
        let now = LocalDateTime(LocalDate(2026, 11, 23), LocalTime(9, 30))
        let c = try #require(state.roster.all.first { c in
            !c.isDeceased && state.visitTimeline(of: c.id).count >= 2 && !CentreQuery(state).record(of: c.id, now: now).enrolments.isEmpty
        })
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        _ = t.text()
        t.model.screens[t.model.screens.firstIndex { $0.id == .roster }!].receive(.openCadre(c.id), t.model.context!)
        let page = t.screen(width: 120, height: 90).joined(separator: "\n")
        let visits = state.visitTimeline(of: c.id)
        #expect(page.contains("共 \(visits.count) 次,最近 5 次"))
        #expect(page.contains("\(visits[0].at.date)  \(Localizer(.zh)(visits[0].kind.catalogKey))"))
        let tickets = state.ticketsForCadre(c.id, now: now)
        #expect(page.contains("未办结 \(tickets.open.count) 件,近期办结 \(tickets.recent.count) 件"))
        let record = CentreQuery(state).record(of: c.id, now: now)
        #expect(page.contains(record.enrolments[0].name))
        #expect(page.contains("共签到 \(record.attendedCount) 次"))
        let due = state.dueItems(for: c.id, on: now.date, horizon: 30)
        #expect(page.contains(due.isEmpty ? "30 天内没有待办走访" : "待办走访(30 天内)"))
    }

    @Test func keysFromTheFileGoToTheScreenThatLogsTheVisitOpensTheTicketOrChecksIn() throws {
        let h = try AppHarness()
        let id = try h.addCadre("张三")
        var t = try h.terminal(as: "admin", screens: { id in
            switch id {
            case .roster: RosterScreen()
            case .visits, .hotline, .centre: RecordingScreen(id: id)
            default: nil
            }
        })
        openFile(&t, "zs")
        let bar = t.screen(width: 140, height: 30).last ?? ""
        #expect(bar.contains("v走访") && bar.contains("t工单") && bar.contains("c签到"))
        for (key, screen, intent) in [("v", ScreenID.visits, Intent.newVisit(cadre: id)),
                                      ("t", .hotline, .newTicket(cadre: id)), ("c", .centre, .checkIn(cadre: id))] {
            t.press(.char(Character(key)))
            #expect(t.model.activeScreen == screen)
            let stub = try #require(t.model.screens.first { $0.id == screen } as? RecordingScreen)
            #expect(stub.received.last == intent)
            t.press(.char("1"))
            #expect(t.model.activeScreen == .roster)
            #expect(t.roster.file?.id == id)
        }
    }

    @Test func openCadreFromAnotherScreenOpensTheFileAndEscLandsOnItsRow() throws {
        let h = try AppHarness()
        try h.addCadre("张三")
        let li = try h.addCadre("李四", serial: 14)
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        t.press(.f(3))
        t.type("独居")  // nobody lives alone: the list on screen hides 李四
        t.press(.enter)
        #expect(t.rosterNames.isEmpty)
        t.model.screens[t.model.screens.firstIndex { $0.id == .roster }!].receive(.openCadre(li), t.model.context!)
        #expect(t.text().contains("李四"))
        #expect(t.roster.file?.id == li)
        t.press(.escape)
        #expect(t.roster.file == nil)
        #expect(t.roster.list.table.selectedID == li)
    }

    @Test func pageDownScrollsByWhatIsOnScreen() throws {
        let h = try AppHarness()
        try h.addCadre("张三", family: (1...8).map { FamilyDraft(relation: "子女", name: "张\(["一", "二", "三", "四", "五", "六", "七", "八"][$0 - 1])") })
        var t = try h.terminal(as: "admin")
        t.open(.roster)
        openFile(&t, "zs")
        let first = t.screen(width: 80, height: 24)
        #expect(first.contains { $0.contains("■ 基本情况") })
        t.press(.pageDown)
        let second = t.screen(width: 80, height: 24)
        #expect(!second.contains { $0.contains("■ 基本情况") })
        #expect(second.contains { $0.contains("▲") })
        t.press(.home)
        #expect(t.screen(width: 80, height: 24).contains { $0.contains("■ 基本情况") })
    }
}
