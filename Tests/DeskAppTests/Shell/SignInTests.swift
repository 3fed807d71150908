import DeskCore
import DeskLog
import DeskTUI
import Testing
@testable import DeskApp

@Suite struct SignInTests {
    @Test func aNewLogOffersToMakeTheOSUserTheFirstAdmin() throws {
        let h = try AppHarness(empty: true)
        var t = try h.terminal(as: "wangfang")
        #expect(t.text().contains("将以本机登录名 wangfang 创建第一位管理员"))
        t.type("王芳")
        t.press(.enter)
        #expect(t.model.isSignedIn)
        #expect(t.model.signedInStaff?.role == .admin)
        #expect(t.model.signedInStaff?.login == "wangfang")
        #expect(t.text().contains("王芳 管理员"))
    }

    @Test func theFirstAdminNeedsAValidName() throws {
        let h = try AppHarness(empty: true)
        var t = try h.terminal(as: "wangfang")
        t.type("Wang")
        t.press(.enter)
        #expect(!t.model.isSignedIn)
        #expect(t.text().contains("姓名只能用汉字"))
    }

    @Test func anOSUserWhoIsNotStaffSeesNoDataAndAClearMessage() throws {
        let h = try AppHarness()
        try h.addStaff("李红", login: "lihong", role: .desk)
        var t = try h.terminal(as: "intruder")
        let text = t.text()
        #expect(!t.model.isSignedIn)
        #expect(text.contains("本机登录名 intruder 不是在职工作人员,不能查看任何资料"))
        #expect(!text.contains("李红"))
        t.press(.char("q"))
        #expect(t.model.wantsQuit)
    }

    @Test func aSharedTerminalAsksForStaffIdAndPinAndRefusesAWrongPin() throws {
        let h = try AppHarness()
        let desk = try h.desk()
        let lh = try h.addStaff("李红", login: "lihong", role: .desk)
        try desk.refresh()
        var settings = desk.state.settings
        settings.sharedAccounts = ["desk1"]
        try desk.perform(ChangeSettings(settings), as: "S001")
        try desk.perform(SetPin(staff: lh, pin: "2468"), as: "S001")

        var t = try h.terminal(as: "desk1")
        #expect(t.text().contains("共用终端登录"))
        t.type("S002")
        t.press(.enter)
        t.type("1111")
        t.press(.enter)
        #expect(!t.model.isSignedIn)
        #expect(t.text().contains("PIN 不正确,还可尝试 4 次"))
        #expect(!t.text().contains("1111"), "the PIN is never drawn")
        t.type("2468")
        t.press(.enter)
        #expect(t.model.signedInStaff?.id == lh)
    }

    @Test func fiveWrongPinsLockThatStaffMemberOnEveryTerminal() throws {
        let h = try AppHarness()
        let desk = try h.desk()
        let lh = try h.addStaff("李红", login: "lihong", role: .desk)
        try desk.refresh()
        var settings = desk.state.settings
        settings.sharedAccounts = ["desk1", "desk2"]
        try desk.perform(ChangeSettings(settings), as: "S001")
        try desk.perform(SetPin(staff: lh, pin: "2468"), as: "S001")
        var t = try h.terminal(as: "desk1")
        t.type("lihong")
        t.press(.tab)
        for _ in 0..<5 { t.type("0000"); t.press(.enter) }
        #expect(t.text().contains("已锁定"))
        // Another terminal: the right PIN is refused while locked.
        var other = try h.terminal(as: "desk2")
        other.type("S002")
        other.press(.tab)
        other.type("2468")
        other.press(.enter)
        #expect(!other.model.isSignedIn)
        #expect(other.text().contains("已锁定"))
        h.hand.advance(minutes: 6)
        other.type("2468")
        other.press(.enter)
        #expect(other.model.isSignedIn)
    }

    @Test func everyEventCarriesTheSessionIdentityNotAnythingTyped() throws {
        let h = try AppHarness()
        var t = try h.terminal(as: "admin")
        t.press(.backTab)  // the staff screen is the last tab
        t.press(.char("a"))
        t.type("zhangsan")
        t.press(.tab)
        t.type("张三")
        t.press(.enter)
        let log = try readRecords(h.path)
        let added = try #require(log.last { $0.type == "staff.added" })
        #expect(added.by == "S001")
        #expect(log.contains { $0.type == "auth.signed_in" && $0.by == "os:admin" })
    }

    @Test func idleTimeLocksTheScreenAndHidesPersonalData() throws {
        let h = try AppHarness()
        try h.addStaff("李红", login: "lihong", role: .desk)
        var t = try h.terminal(as: "admin")
        t.press(.backTab)
        #expect(t.text().contains("李红"))
        t.tick(Double(10 * 60))
        let locked = t.text()
        #expect(locked.contains("屏幕已锁定"))
        #expect(!locked.contains("李红"))
        t.press(.enter)
        #expect(t.text().contains("李红"))
    }

    func readRecords(_ path: String) throws -> [LogRecord] {
        var o = EventLog.Options()
        o.readOnly = true
        let log = try EventLog(path: path, options: o)
        var out: [LogRecord] = []
        try log.poll { out.append($0) }
        return out
    }
}
