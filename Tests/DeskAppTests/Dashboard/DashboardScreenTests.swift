import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

/// A log with a year of generated history (staff2 is the supervisor, staff3
/// a desk clerk, staff4 a caseworker, staff6 a hotline operator).
struct DashboardHarness {
    let h: AppHarness

    init(cadres: Int = 40) throws {
        h = try AppHarness()
        try SampleGenerator(seed: 5, cadres: cadres, years: 1, today: LocalDate(2026, 11, 23))
            .write(to: try h.desk(), as: "S001", parts: SampleGenerator.allParts)
    }

    func terminal(as login: String, lang: Lang = .zh) throws -> Terminal {
        try h.terminal(as: login, lang: lang)
    }

    func staffID(_ login: String) throws -> ID<Staff> { try #require(try h.desk().state.staff.staff(forLogin: login)?.id) }
}

/// My day as the dashboard left it: narrowed to `staff`, with that person's items.
func myDayShows(_ t: Terminal, _ staff: ID<Staff>) throws -> MyDayScreen {
    let my = try #require(t.model.screens[t.model.active] as? MyDayScreen)
    #expect(my.whose == .staff(staff))
    return my
}

@Suite struct DashboardScreenTests {
    @Test func deskHotlineAndCaseworkerUsersHaveNoDashboardAndAreToldSoWhenSentThere() throws {
        let d = try DashboardHarness(cadres: 12)
        for login in ["staff3", "staff6", "staff4"] {
            var t = try d.terminal(as: login)
            #expect(t.model.isSignedIn)
            #expect(!t.model.screens.contains { $0.id == .dashboard }, "\(login)")
            #expect(!t.text().contains("看板"))
            // Another screen asks the shell for the dashboard (as a drill-down would).
            t.model.context!.navigate(to: .dashboard)
            t.model.handleRequests()
            #expect(t.model.activeScreen != .dashboard)
            #expect(t.text().contains("您的角色不能打开该页面"), "\(login)")
        }
        var boss = try d.terminal(as: "staff2")
        #expect(boss.model.screens.contains { $0.id == .dashboard })
        boss.model.context!.navigate(to: .dashboard)
        boss.model.handleRequests()
        #expect(boss.model.activeScreen == .dashboard)
        #expect(boss.text().contains("在世老干部"))
    }

    @Test func theDashboardShowsThisMonthBesideLastYearAndSwitchesPeriods() throws {
        let d = try DashboardHarness()
        var t = try d.terminal(as: "staff2")
        t.open(.dashboard)
        #expect(t.model.activeScreen == .dashboard)
        var text = t.text()
        #expect(text.contains("本月 11月1日—11月23日"))
        #expect(text.contains("去年同期 2025 11月1日—11月23日"))
        #expect(text.contains("在世老干部"))
        t.press(.char("t"))
        #expect(t.text().contains("本季度 10月1日—11月23日"))
        t.press(.char("y"))
        #expect(t.text().contains("本年 1月1日—11月23日"))
        t.press(.char("m"), .char("["))
        text = t.text()
        #expect(text.contains("2026年10月"), "the month before: \(text)")
        t.press(.char("]"), .char("]"))
        #expect(t.text().contains("这个期间还没有开始"))
        // The figures are the domain's for the shown period.
        let state = try d.h.desk().state
        let f = state.dashboard(DashboardPeriod(kind: .month, period: .month(2026, 11)), now: LocalDateTime(LocalDate(2026, 11, 23), LocalTime(9, 30)))
        t.press(.char("m"), .right)
        let line = try #require(t.screen().first { $0.contains("电话联系") })
        #expect(line.contains(DeskApp.Display(Localizer(.zh)).count(f.current.visits.byKind[.phone] ?? 0)))
    }

    @Test func aCustomPeriodAcrossNewYearIsTypedInAFormAndCheckedBesideItsFields() throws {
        let d = try DashboardHarness(cadres: 12)
        var t = try d.terminal(as: "staff2")
        t.open(.dashboard)
        t.press(.char("c"))
        #expect(t.text().contains("自定义统计期间"))
        #expect(t.model.screens[t.model.active].capturesText)
        t.press(.ctrl("u"))
        t.type("2026-01-20")
        t.press(.tab, .ctrl("u"))
        t.type("2025-12-15")
        t.press(.enter)
        #expect(t.text().contains("结束日期不能早于开始日期"))
        t.press(.ctrl("u"))
        t.type("2026-01-31")
        t.press(.backTab, .ctrl("u"))
        t.type("2025-12-15")
        t.press(.enter)
        let text = t.text()
        #expect(text.contains("自定义 2025-12-15—2026-01-31"))
        #expect(text.contains("去年同期 2024-12-15—2025-01-31"))
    }

    @Test func enterOnAFigureListsTheRecordsBehindItAndEscComesBack() throws {
        let d = try DashboardHarness()
        var t = try d.terminal(as: "staff2")
        t.open(.dashboard)
        t.press(.char("t"), .right)
        let state = try d.h.desk().state
        let now = LocalDateTime(LocalDate(2026, 11, 23), LocalTime(9, 30))
        let f = state.dashboard(.current(.quarter, today: now.date), now: now).current
        let phone = f.visits.byKind[.phone] ?? 0
        #expect(phone > 0)
        // Down to 电话联系 (the third figure of 走访概况).
        t.press(.down, .down)
        t.press(.enter)
        var text = t.text()
        #expect(text.contains("电话联系 · 本季度"), "\(text)")
        #expect(text.contains("共 \(DeskApp.Display(Localizer(.zh)).count(phone)) 条"))
        #expect(text.contains("电话联系"))
        #expect(!text.contains("上门走访  "), "only phone calls are listed")
        t.press(.escape)
        text = t.text()
        #expect(text.contains("按走访类型"))
        // Coverage: the month's figure lists the cadres not contacted in it.
        let nov = try #require(f.coverage.months.last)
        for _ in 0..<200 {
            guard let sel = t.model.screens[t.model.active] as? DashboardScreen, sel.table.selectedID != "coverage.\(nov.month)" else { break }
            t.press(.down)
        }
        #expect((t.model.screens[t.model.active] as? DashboardScreen)?.table.selectedID == "coverage.\(nov.month)")
        t.press(.enter)
        #expect(t.text().contains("共 \(nov.living - nov.contacted) 条"))
    }

    @Test func theOverdueFigureOfAStaffMemberOpensMyDayForThemWithTheSameItems() throws {
        let d = try DashboardHarness()
        var t = try d.terminal(as: "staff2")
        t.open(.dashboard)
        t.press(.right)
        let state = try d.h.desk().state
        let team = state.teamDay(on: LocalDate(2026, 11, 23))
        let busiest = try #require(team.groups.filter { $0.staff != nil }.max { $0.overdueCount < $1.overdueCount })
        let staff = try #require(busiest.staff)
        #expect(busiest.overdueCount > 0)
        var screen = try #require(t.model.screens[t.model.active] as? DashboardScreen)
        var guardCount = 0
        while screen.table.selectedID != "overdue.\(staff.raw)", guardCount < 200 {
            t.press(.down)
            screen = try #require(t.model.screens[t.model.active] as? DashboardScreen)
            guardCount += 1
        }
        #expect(screen.table.selectedID == "overdue.\(staff.raw)")
        let row = try #require(t.screen().first { $0.contains(state.staff[staff]!.name) && $0.contains("今日到期") })
        #expect(row.contains(" \(busiest.overdueCount) "))
        t.press(.enter)
        #expect(t.model.activeScreen == .myDay)
        let my = state.myDay(for: staff, on: LocalDate(2026, 11, 23))
        let day = try myDayShows(t, staff)
        #expect(day.content.overdue == busiest.overdueCount && day.content.due == busiest.dueCount)
        #expect(my.overdueCount == busiest.overdueCount)
        #expect(t.text().contains(state.staff[staff]!.name + " · "), "the day is headed by their name")
    }

    @Test func theWorkloadViewListsStaffWithTheirNumbersAndOpensTheirDay() throws {
        let d = try DashboardHarness()
        var t = try d.terminal(as: "staff2")
        t.open(.dashboard)
        for _ in 0..<4 { t.press(.right) }
        let text = t.text()
        #expect(text.contains("联系老干部") && text.contains("未办工单"))
        let state = try d.h.desk().state
        let first = state.dashboard(.current(.month, today: LocalDate(2026, 11, 23)), now: LocalDateTime(LocalDate(2026, 11, 23), LocalTime(9, 30))).workload[0]
        #expect(text.contains(first.name))
        t.press(.enter)
        #expect(t.model.activeScreen == .myDay)
        _ = try myDayShows(t, first.staff)
    }

    @Test func aReportWrittenFromTheScreenIsRecordedAsAnExport() throws {
        let d = try DashboardHarness(cadres: 20)
        let out = d.h.dir.file("reports/october")
        var t = try d.terminal(as: "staff2")
        t.open(.dashboard)
        t.press(.char("R"))
        #expect(t.text().contains("生成报表"))
        t.press(.ctrl("u"))
        t.type("2026-10")
        t.press(.tab, .ctrl("u"))
        t.type(out)
        t.press(.enter)
        #expect(t.text().contains("报表已保存"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files.contains("summary.md") && files.contains("01-overview.csv"))
        let summary = try String(contentsOfFile: out + "/summary.md", encoding: .utf8)
        #expect(summary.contains("2026年10月:走访"))
        let exports = try d.h.desk().state.audit.exports
        let e = try #require(exports.last)
        let boss = try d.staffID("staff2")
        #expect(e.what == "report.month" && e.scope == "2026-10" && e.by == boss && e.file == out)
    }

    @Test func atEightyByTwentyFourTheDashboardStillShowsItsKeysAndAFigure() throws {
        let d = try DashboardHarness(cadres: 12)
        var t = try d.terminal(as: "staff2")
        t.open(.dashboard)
        let lines = t.screen(width: 80, height: 24)
        #expect(lines.count == 24)
        #expect(lines[3].contains("花名册") && lines[3].contains("工作量"))
        #expect(lines.contains { $0.contains("在世老干部") })
        #expect(lines[23].contains("明细") && lines[23].contains("帮助"))
        // The group under the cursor (离休/退休 of 在册老干部) as a bar chart in a box beside the figures.
        let wide = t.screen(width: 140, height: 40)
        let box = try #require(wide.first { $0.contains("┌─ 在册老干部 ─") })
        #expect(box.contains("指标"), "the figures' header on the same row, left of the chart")
        #expect(wide.contains { $0.contains("离休") && $0.contains("█") })
    }

    @Test func englishSessionsShowEnglishWithNoMissingKeys() throws {
        let d = try DashboardHarness(cadres: 12)
        var t = try d.terminal(as: "staff2", lang: .en)
        t.open(.dashboard)
        for s in 0..<5 {
            let text = t.text()
            #expect(!text.contains("⟦"), "section \(s): \(text)")
            t.press(.right)
        }
        #expect(t.text().contains("Living cadres"))
    }
}
