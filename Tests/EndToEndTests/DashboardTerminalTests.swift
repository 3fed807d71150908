import DeskCore
import Foundation
import Testing

/// The dashboard in a real terminal on the demo data, and reports written by
/// the real binary and read back by Python's csv module.
@Suite(.serialized) struct DashboardTerminalTests {

    @Test func openTheDashboardSwitchPeriodAndDrillFromAStaffMembersOverdueFigureIntoTheirDay() throws {
        let state = try Demo.state()
        let today = Demo.now.date
        let team = state.teamDay(on: today)
        let busiest = try #require(team.groups.filter { $0.staff != nil }.max { ($0.overdueCount, $1.staff!) < ($1.overdueCount, $0.staff!) })
        let staff = try #require(busiest.staff)
        let name = try #require(state.staff[staff]?.name)
        let day = state.myDay(for: staff, on: today)
        #expect(day.overdueCount == busiest.overdueCount && busiest.overdueCount > 0, "the demo has overdue work for \(name)")

        let t = try Tmux(Demo.command(), width: 120, height: 40)
        let first = t.wait(for: "the tab bar") { $0.contains("看板") }
        try t.openTab("看板")
        t.wait(for: "在世老干部")
        try t.press("t")
        t.wait(for: "本季度")
        try t.press("m")
        t.wait(for: "本月 ")
        try t.press("Right")
        // The visits tab: its first group is on screen, the overdue group further down.
        t.wait(for: "按走访类型")
        // Find the staff member's rows (their visits, then their overdue items) and take the second.
        try t.press("/")
        try t.type(name)
        try t.press("Enter")
        t.wait(for: "the filter kept") { $0.contains("/" + name) }
        try t.press("j")
        let row = t.wait(for: "\(name)'s overdue figure") { s in
            s.split(separator: "\n").contains { $0.contains(name) && $0.contains("今日到期 \(busiest.dueCount)") && $0.contains(" \(busiest.overdueCount) ") }
        }
        #expect(row.contains("今日到期"))
        try t.press("Enter")
        // My day (the visits-ui branch) takes `.workOf(staff)` and lists that staff member's items.
        let overdueNames = day.items.filter { $0.status == .overdue }.compactMap { state.roster[$0.cadre]?.name }
        #expect(!overdueNames.isEmpty, "the busiest staff member has overdue items to land on")
        #expect(Tmux.tabDigit(of: "今日工作", in: first) != nil, "a supervisor has My day")
        // My day narrowed to that staff member: their name heads the list, and their overdue cadres are on it.
        t.wait(for: "My day for \(name) with their overdue items") { s in
            s.split(separator: "\n").first?.contains("今日工作") == true && s.contains(name + " · ")
                && overdueNames.prefix(3).allSatisfy { s.contains($0) }
        }
        try t.press("q")
        t.waitForExit()
    }

    /// A copy of the demo with this OS user as a staff member of `role`.
    func demoCopy(_ dir: TempDir, role: Role) throws -> (path: String, staff: ID<Staff>) {
        let path = dir.file("desk.log")
        let desk = try Demo.copy(in: dir)
        let login = String(cString: getpwuid(getuid())!.pointee.pw_name)
        if let existing = desk.state.staff.staff(forLogin: login) {
            try desk.perform(UpdateStaff(id: existing.id, login: login, name: existing.name, role: role, phone: nil), as: "S001")
            return (path, existing.id)
        }
        let added = try desk.perform(AddStaff(login: login, name: "测试员", role: role), as: "S001")
        return (path, (added[0].event as! StaffAdded).staff.id)
    }

    @Test func aMonthReportOfTheDemoOpensCleanlyInPythonsCSVReaderWithTheRightRowsAndColumns() throws {
        let dir = TempDir()
        let (log, me) = try demoCopy(dir, role: .supervisor)
        let out = dir.file("report")
        let (status, printed) = try run(Binaries.cadredesk, ["report", "month", "2026-10", "--log", log, "--out", out])
        #expect(status == 0, "\(printed)")
        #expect(printed.contains("报表已写入"))

        // What the report should hold, from the same log and clock.
        let desk = try Desk(path: log, clock: DeskClock())
        let period = DashboardPeriod(kind: .month, period: .month(2026, 10))
        let report = DashboardReport(desk.state.dashboard(period, now: desk.clock.local), state: desk.state)
        let export = try #require(desk.state.audit.exports.last)
        #expect(export.what == "report.month" && export.scope == "2026-10" && export.by == me && export.rows == report.rowCount)

        let script = """
        import csv, json, os, sys
        out = {}
        folder = sys.argv[1]
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".csv"):
                continue
            raw = open(os.path.join(folder, name), "rb").read()
            assert raw.startswith(b"\\xef\\xbb\\xbf"), name + ": no BOM"
            assert b"\\r\\n" in raw and raw.count(b"\\n") == raw.count(b"\\r\\n"), name + ": not CRLF"
            with open(os.path.join(folder, name), newline="", encoding="utf-8-sig") as f:
                rows = list(csv.reader(f))
            widths = sorted(set(len(r) for r in rows))
            out[name] = {"rows": len(rows) - 1, "columns": widths, "header": rows[0]}
        print(json.dumps(out, ensure_ascii=False))
        """
        let scriptPath = dir.file("check.py")
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let (py, json) = try run("/usr/bin/env", ["python3", scriptPath, out])
        #expect(py == 0, "\(json)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String: Any]])
        #expect(parsed.count == report.tables.count)
        let zh = Localizer(.zh)
        for (i, table) in report.tables.enumerated() {
            let file = (i < 9 ? "0" : "") + "\(i + 1)-\(table.id).csv"
            let got = try #require(parsed[file], "\(file) written")
            #expect(got["rows"] as? Int == table.rows.count, "\(file)")
            #expect(got["columns"] as? [Int] == [table.columns.count], "\(file): every row as wide as the header")
            #expect(got["header"] as? [String] == table.columns.map { zh($0) }, "\(file)")
        }
        #expect(report.tables.first { $0.id == "visits-by-kind" }!.rows.count == VisitKind.allCases.count)
        #expect(report.rowCount > 50)
        let summary = try String(contentsOfFile: out + "/summary.md", encoding: .utf8)
        #expect(summary.contains("2026年10月:走访 "))
        #expect(summary.contains("满意度"))
    }

    @Test func aDeskClerkCannotRunAReportAndIsToldWhy() throws {
        let dir = TempDir()
        let (log, _) = try demoCopy(dir, role: .desk)
        let before = try Desk(path: log, clock: DeskClock()).state.audit.exports.count
        let out = dir.file("report")
        let (status, printed) = try run(Binaries.cadredesk, ["report", "year", "2026", "--log", log, "--out", out])
        #expect(status == 3)
        #expect(printed.contains("的角色不能生成报表"), "\(printed)")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try Desk(path: log, clock: DeskClock()).state.audit.exports.count == before)
    }
}
