import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

@Suite struct ShellTests {
    @Test func aStaffMemberAddedInOneTerminalAppearsInTheOtherAfterATick() throws {
        let h = try AppHarness()
        var a = try h.terminal(as: "admin")
        var b = try h.terminal(as: "admin")
        a.press(.backTab)  // the staff screen is the last tab
        b.press(.backTab)
        a.press(.char("a"))
        a.type("zhaomin")
        a.press(.tab)
        a.type("赵敏")
        a.press(.enter)
        #expect(a.text().contains("赵敏"))
        #expect(!b.text().contains("赵敏"))
        b.tick()
        #expect(b.text().contains("赵敏"))
    }

    @Test func aNewStaffFormWithAnEmptyNameListsTheOtherProblemsOnTheSameEnter() throws {
        let h = try AppHarness()
        var a = try h.terminal(as: "admin")
        a.press(.backTab)  // the staff screen
        a.press(.char("a"))
        a.type("张 三")      // 登录名: not letters and digits
        a.press(.tab)       // 姓名 left empty
        a.press(.tab, .tab) // 电话
        a.type("1381234")
        a.press(.enter)
        let text = a.text()
        #expect(text.contains("必填"), "\(text)")
        #expect(text.contains("登录名只能用"), "\(text)")
        #expect(text.contains("手机号应为 11 位"), "\(text)")
        #expect(try h.desk().state.staff.byID.values.allSatisfy { $0.name != "" && $0.login != "张 三" })
    }

    @Test func rolesDecideWhichScreensExist() throws {
        let h = try AppHarness()
        try h.addStaff("李红", login: "lihong", role: .desk)
        let desk = try h.terminal(as: "lihong")
        #expect(desk.model.isSignedIn)
        #expect(!desk.model.screens.contains { $0.id == .staff })
        var admin = try h.terminal(as: "admin")
        #expect(admin.model.screens.contains { $0.id == .staff })
        _ = admin.text()
    }

    @Test func aRoleChangeInAnotherTerminalRebuildsTheTabs() throws {
        let h = try AppHarness()
        let id = try h.addStaff("李红", login: "lihong", role: .admin)
        var t = try h.terminal(as: "lihong")
        #expect(t.model.screens.contains { $0.id == .staff })
        let d = try h.desk()
        try d.perform(UpdateStaff(id: id, login: "lihong", name: "李红", role: .desk, phone: nil), as: "S001")
        t.tick()
        #expect(!t.model.screens.contains { $0.id == .staff })
    }

    @Test func aDeactivatedStaffMemberIsSignedOutEverywhere() throws {
        let h = try AppHarness()
        let id = try h.addStaff("李红", login: "lihong", role: .admin)
        var t = try h.terminal(as: "lihong")
        #expect(t.model.isSignedIn)
        try h.desk().perform(SetStaffActive(id: id, active: false), as: "S001")
        t.tick()
        #expect(!t.model.isSignedIn)
        #expect(!t.text().contains("张建国"))
    }

    @Test func quittingWithAnUnsavedFormAsksFirst() throws {
        let h = try AppHarness()
        var t = try h.terminal(as: "admin")
        t.press(.backTab)
        t.press(.char("a"))
        t.type("x")
        t.press(.f(10))
        #expect(!t.model.wantsQuit)
        #expect(t.text().contains("还有未保存的表单"))
        t.press(.char("y"))
        #expect(t.model.wantsQuit)
    }

    @Test func keysTypedIntoAFormNeverSwitchScreensOrQuit() throws {
        let h = try AppHarness()
        var t = try h.terminal(as: "admin")
        t.press(.backTab)
        t.press(.char("a"))
        t.type("q1?")
        #expect(!t.model.wantsQuit)
        #expect(t.text().contains("q1?"))
        let bar = t.screen().last ?? ""
        #expect(!bar.contains("Tab/Shift-Tab切换"), "Tab moves between fields here: \(bar)")
    }

    @Test func helpListsTheScreensKeysAndFilters() throws {
        let h = try AppHarness()
        var t = try h.terminal(as: "admin")
        t.press(.backTab)
        t.press(.char("?"))
        #expect(t.text().contains("帮助"))
        #expect(t.text().contains("登记请假并指定替岗人"))
        t.type("PIN")
        let filtered = t.text()
        #expect(filtered.contains("设置共用终端登录用的 PIN"))
        #expect(!filtered.contains("登记请假并指定替岗人"))
        t.press(.escape)
        #expect(!t.text().contains("设置共用终端登录用的 PIN"))
    }

    @Test func at80By24TheKeyBarAndTitleStillShowAndSmallerWindowsSaySo() throws {
        let h = try AppHarness()
        var t = try h.terminal(as: "admin")
        let small = t.screen(width: 80, height: 24)
        #expect(small.first?.contains("张建国") == true)
        #expect(small.last?.contains("帮助") == true)
        let tiny = t.screen(width: 60, height: 20).joined()
        #expect(tiny.contains("窗口太小"))
    }

    @Test func englishSessionsShowEnglish() throws {
        let h = try AppHarness()
        var t = try h.terminal(as: "admin", lang: .en)
        let text = t.text()
        #expect(text.contains("Staff"))
        #expect(text.contains("Admin"))
        #expect(!text.contains("⟦"))
    }
}

@Suite struct CatalogTests {
    @Test func bothLanguagesHaveTheSameKeysAndPlaceholders() {
        let zh = Catalog.table(for: .zh), en = Catalog.table(for: .en)
        #expect(Set(zh.keys).subtracting(en.keys).sorted() == [])
        #expect(Set(en.keys).subtracting(zh.keys).sorted() == [])
        for (key, z) in zh {
            #expect(placeholders(z) == placeholders(en[key] ?? ""), "\(key)")
            #expect(!z.isEmpty && !(en[key] ?? "").isEmpty, "\(key)")
        }
    }

    @Test func noKeyAppearsInTwoPartsOfACatalog() {
        for parts in [Catalog.zhParts, Catalog.enParts] {
            var seen: [String: Int] = [:]
            for (i, part) in parts.enumerated() {
                for k in part.keys {
                    #expect(seen[k] == nil, "\(k) is in parts \(seen[k] ?? -1) and \(i)")
                    seen[k] = i
                }
            }
        }
    }

    /// Every literal key the sources pass to the localizer exists in the catalog.
    @Test func everyKeyUsedInTheSourcesExists() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
        let zh = Catalog.table(for: .zh)
        let pattern = try NSRegularExpression(pattern: #"(?:\btext|\bt|\.text|Problem)\(\s*"([a-z][a-z0-9_]*\.[a-z0-9_.]+)""#)
        var missing: [String] = []
        var checked = 0
        let files = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        for file in files {
            let source = try String(contentsOfFile: root.appendingPathComponent(file).path, encoding: .utf8)
            for m in pattern.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
                let key = String(source[Range(m.range(at: 1), in: source)!])
                checked += 1
                if zh[key] == nil { missing.append("\(file): \(key)") }
            }
        }
        #expect(checked > 100)
        #expect(missing == [])
    }

    func placeholders(_ s: String) -> [String] {
        let r = try! NSRegularExpression(pattern: #"\{\d\}"#)
        return r.matches(in: s, range: NSRange(s.startIndex..., in: s)).map { String(s[Range($0.range, in: s)!]) }.sorted()
    }
}
