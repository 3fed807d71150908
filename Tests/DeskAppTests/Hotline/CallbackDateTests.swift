import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

/// The 待回访 queue says when the callback fell due with the year when it is
/// another year's date, and how overdue it is once the day has passed.
@Suite struct CallbackDateTests {
    /// A ticket resolved on Monday 2026-11-23 (its callback falls due Thursday the 26th).
    static func resolved(_ w: HotlineWorld) throws -> ID<Ticket> {
        let id = try w.open(w.li, category: "repair", summary: "冰箱不制冷")
        try w.desk().perform(ResolveTicket(id: id, resolution: "已更换温控器"), as: w.operatorA)
        return id
    }

    /// A terminal as 李娜 on the 待回访 queue.
    static func callbackQueue(_ w: HotlineWorld) throws -> Terminal {
        var t = try w.terminal(as: "lina")
        t.press(.right, .right, .right, .right, .right, .right)   // 我的 → … → 等待回复 → 待回访
        #expect(t.text().contains("待回访 · "))
        return t
    }

    @Test func aCallbackDueThisYearReadsAsItsDayAndOnceMissedSaysHowManyDaysOverdue() throws {
        let w = try HotlineWorld()
        let id = try Self.resolved(w)
        w.advance(minutes: 3 * 24 * 60)   // Thursday 26th: due today
        var t = try Self.callbackQueue(w)
        let today = t.line(containing: id.raw) ?? ""
        #expect(today.contains("11月26日 应回访") && !today.contains("逾期"))
        w.advance(minutes: 2 * 24 * 60)   // Saturday 28th
        t.tick()
        let late = t.line(containing: id.raw) ?? ""
        #expect(late.contains("11月26日 应回访 · 逾期 2 天"), "\(late)")
    }

    @Test func aCallbackDueLastYearCarriesTheYearAndReadsAsOverdue() throws {
        let w = try HotlineWorld()
        let id = try Self.resolved(w)
        w.advance(minutes: 365 * 24 * 60)   // 2027-11-23
        var t = try Self.callbackQueue(w)
        let line = t.line(containing: id.raw) ?? ""
        #expect(line.contains("2026年11月26日 应回访 · 逾期 362 天"), "\(line)")
        #expect(!line.contains(" 11月26日"))
    }

    @Test func theCallbackWordsInEnglishCarryTheYearToo() throws {
        let w = try HotlineWorld()
        let id = try Self.resolved(w)
        w.advance(minutes: 365 * 24 * 60)
        var t = try w.terminal(as: "lina", lang: .en)
        t.press(.right, .right, .right, .right, .right, .right)
        // Overdue first, so that a narrow column still says it.
        let narrow = t.line(containing: id.raw) ?? ""
        #expect(narrow.contains("call back 362 d late"), "\(narrow)")
        let line = t.screen(width: 140).first { $0.contains(id.raw) } ?? ""
        #expect(line.contains("call back 362 d late (Nov 26, 2026)"), "\(line)")
    }
}
