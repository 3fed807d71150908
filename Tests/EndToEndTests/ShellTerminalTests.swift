import DeskCore
import Foundation
import Testing

/// The shell in a real terminal (tmux), against the built binary.
@Suite(.serialized) struct ShellTerminalTests {
    /// A log with an admin for this OS user and a second staff member, made through the CLI's own first-run flow.
    func freshLog(_ dir: TempDir) throws -> String {
        let path = dir.file("desk.log")
        let t = try Tmux([Binaries.cadredesk, "--log", path], width: 100, height: 30)
        t.wait(for: "是否新建")
        try t.press("y", "Enter")
        t.wait(for: "请填写您的姓名")
        try t.type("张建国")
        try t.press("Enter")
        t.wait(for: "张建国 管理员")
        try t.press("q")
        t.waitForExit()
        return path
    }

    @Test func firstRunThenAddStaffWithTypedChineseAtTheRightColumnsResizeAndQuit() throws {
        let dir = TempDir()
        let path = try freshLog(dir)
        let t = try Tmux([Binaries.cadredesk, "--log", path], width: 120, height: 40)
        try t.openTab("人员")
        t.wait(for: "工号")
        try t.press("a")
        t.wait(for: "新增工作人员")
        try t.type("lihong")
        try t.press("Tab")
        try t.type("李红")
        let screen = t.wait(for: "李红")
        // The editor starts two columns after the right-aligned labels; 李红 (4 columns) then the cursor.
        let labelColumn = try #require(Tmux.column(of: "*姓名", in: screen))
        let nameColumn = try #require(Tmux.column(of: "李红", in: screen))
        #expect(nameColumn == labelColumn + 5 + 2, "\(screen)")
        try t.press("Enter")
        t.wait(for: "the saved list") { $0.contains("lihong") && !$0.contains("新增工作人员") }
        try t.press("?")
        t.wait(for: "帮助 — 本页可用的按键")
        try t.type("请假")
        t.wait(for: "the help narrowed to 请假") { $0.contains("登记请假并指定替岗人") && !$0.contains("设置共用终端登录用的 PIN") }
        try t.press("Escape")
        t.wait(for: "帮助 — 本页可用的按键", timeout: 5) { !$0.contains("帮助 — 本页可用的按键") }
        try t.resize(width: 80, height: 24)
        let small = t.wait(for: "key bar at 80×24") { s in
            let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 24 && lines[23].contains("退出") && lines[0].contains("张建国")
        }
        #expect(small.contains("李红"))
        try t.press("q")
        t.waitForExit()
    }

    /// The demo as a supervisor: screens switch with Tab and with digits, help opens
    /// and narrows as Chinese is typed into its filter, resize keeps the key bar, q quits.
    @Test func demoSwitchesScreensWithTabAndDigitsFiltersHelpResizesAndQuits() throws {
        // No --now: the demo's own clock, in a zone eight hours off UTC (where the records' `at` falls on another day).
        let t = try Tmux(["/usr/bin/env", "TZ=Asia/Shanghai", Binaries.cadredesk, "demo"], width: 120, height: 40)
        let start = t.wait(for: "the tab line") { Tmux.tabLabels(in: $0).count >= 2 }
        let morning = "\(Demo.now.date.month)月\(Demo.now.date.day)日"
        #expect(start.split(separator: "\n").first?.contains(morning + " 周二 09:3") == true,
                "the demo starts at 09:30 the morning after the sample's day, whatever today's date or time zone: \(start)")
        let labels = Tmux.tabLabels(in: start)
        try #require(labels.count >= 2, "\(start)")
        func titled(_ label: String) -> (String) -> Bool {
            { $0.split(separator: "\n").first?.contains("老干部服务台 · " + label) == true }
        }
        #expect(titled(labels[0])(start), "\(start)")
        try t.press("Tab")
        t.wait(for: "the second screen", titled(labels[1]))
        // Digits from the first screen: the roster (second here) types them into its search line.
        try t.press("BTab")
        t.wait(for: "the first screen again", titled(labels[0]))
        try t.press(String(labels.count))
        t.wait(for: "the last screen", titled(labels[labels.count - 1]))
        try t.press("BTab")
        t.wait(for: "the one before", titled(labels[labels.count - 2]))
        try t.press("1")
        t.wait(for: "the first screen", titled(labels[0]))
        try t.press("?")
        t.wait(for: "帮助 — 本页可用的按键")
        try t.type("退出")
        let help = t.wait(for: "the help narrowed to 退出") {
            $0.contains("查找:退出") && $0.contains("退出老干部服务台") && !$0.contains("切换到下一个/上一个页面")
        }
        #expect(help.contains("查找:退出"), "typed Chinese sits right after the label: \(help)")
        try t.press("Escape")
        t.wait(for: "help closed") { !$0.contains("帮助 — 本页可用的按键") }
        try t.resize(width: 80, height: 24)
        t.wait(for: "key bar at 80×24") { s in
            let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 24 && lines[22...].contains { $0.contains("退出") } && Tmux.tabLabels(in: s) == labels
        }
        try t.press("q")
        t.waitForExit()
    }

    @Test func aStaffMemberAddedInOneTerminalShowsInAnotherWithinASecond() throws {
        let dir = TempDir()
        let path = try freshLog(dir)
        let a = try Tmux([Binaries.cadredesk, "--log", path], width: 100, height: 30)
        let b = try Tmux([Binaries.cadredesk, "--log", path], width: 100, height: 30)
        try a.openTab("人员")
        try b.openTab("人员")
        a.wait(for: "工号")
        b.wait(for: "工号")
        try a.press("a")
        a.wait(for: "新增工作人员")
        try a.type("zhaomin")
        try a.press("Tab")
        try a.type("赵敏")
        try a.press("Enter")
        a.wait(for: "zhaomin")
        b.wait(for: "赵敏", timeout: 1.0)
    }

    @Test func anOSUserWhoIsNotStaffIsRefusedAndSeesNoData() throws {
        let dir = TempDir()
        let path = try freshLog(dir)
        // Sign the OS user out of staff by renaming the only admin's login in the log.
        let desk = try Desk(path: path)
        let admin = try #require(desk.state.staff.active.first)
        try desk.perform(AddStaff(login: "other", name: "王芳", role: .admin), as: admin.id)
        try desk.perform(UpdateStaff(id: admin.id, login: "someone-else", name: admin.name, role: .admin, phone: nil), as: admin.id)
        let t = try Tmux([Binaries.cadredesk, "--log", path], width: 100, height: 30)
        let s = t.wait(for: "不是在职工作人员")
        #expect(!s.contains("王芳"))
        try t.press("q")
        t.waitForExit()
    }
    @Test func demoAsAnUnknownStaffIdSaysWhichIdsThereAreAndExitsOne() throws {
        let dir = TempDir()
        let (status, output) = try run(Binaries.cadredesk, Array(Demo.command(dir: dir.path).dropFirst()) + ["--as", "S099"])
        #expect(status == 1)
        #expect(output.contains("演示数据中没有在职的工作人员 S099"), "\(output)")
        #expect(output.contains("S003 "), "\(output)")
        #expect(!output.contains("本机登录名"))
    }

    @Test func aTerminalJoiningADemoDirectoryRunsOnTheFirstOnesClock() throws {
        let dir = TempDir()
        // The first terminal (no --now: 09:30 the morning after the sample) leaves its clock's offset.
        let first = try Tmux([Binaries.cadredesk, "demo", "--dir", dir.path, "--as", "S003"], width: 120, height: 40)
        _ = first.wait(for: "09:3")
        let offset = try #require(TimeInterval(try String(contentsOfFile: dir.file("demo-clock"), encoding: .utf8)))
        // Pretend the first terminal started an hour ago: a joining terminal shows 10:3x, not 09:30.
        try String(offset + 3600).write(toFile: dir.file("demo-clock"), atomically: true, encoding: .utf8)
        let second = try Tmux([Binaries.cadredesk, "demo", "--dir", dir.path, "--as", "S003"], width: 120, height: 40)
        let s = second.wait(for: "10:3")
        #expect(s.contains("11月24日"), "\(s)")
        try first.press("F10")
        try second.press("F10")
    }
}
