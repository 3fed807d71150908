import DeskCore
import Foundation
import Testing

/// Issue 6's acceptance check in a real terminal: the demo's hotline, a call
/// taken by part of the number, the promise read back, and a second terminal
/// on the same log resolving the ticket while the first watches.
@Suite(.serialized) struct HotlineTerminalTests {
    /// A cadre of the log whose own mobile number's last four digits find only them,
    /// with those four digits. Picked from the data, so no sample value is written in here.
    static func callerByLastFour(_ state: DeskState) throws -> (Cadre, String) {
        for cadre in state.roster.all where !cadre.isDeceased {
            guard let phone = cadre.phone, phone.count == 11, phone.allSatisfy(\.isNumber) else { continue }
            let last4 = String(phone.suffix(4))
            let found = state.roster.find(last4)
            if found.total == 1, found.hits.first?.id == cadre.id { return (cadre, last4) }
        }
        throw CancellationError()
    }

    /// Switches to the hotline tab by the digit the tab bar shows for it.
    static func openHotline(_ t: Tmux) throws {
        try t.openTab("热线工单")
        t.wait(for: "工单队列")
    }

    @Test func partOfThePhoneNumberShowsTheCardTheTicketIsPromisedAndAResolutionElsewhereShowsWithinASecond() throws {
        let dir = TempDir()
        let a = try Tmux(Demo.command(dir: dir.path), width: 120, height: 40)
        try Self.openHotline(a)
        // The first terminal copied the sample into `dir`; read the caller from that copy.
        let log = dir.file("desk.log")
        let (cadre, last4) = try Self.callerByLastFour(try Desk(path: log).state)

        try a.press("F2")
        a.wait(for: "来电号码")
        try a.type(last4)
        // The card appears while typing: the one match, their name and file number, and why they matched.
        a.wait(for: "the card of \(cadre.name)") {
            $0.contains("共 1 人") && $0.contains("\(cadre.name)  ") && $0.contains(cadre.id.raw) && $0.contains("匹配:本人电话")
        }
        try a.press("Enter")
        a.wait(for: "*事由摘要")
        try a.type("咨询护理费调整政策")
        try a.press("Enter")
        let opened = a.wait(for: "请向来电人复述:")

        // The promise shown is the domain's for the ticket as saved.
        let desk = try Desk(path: log)
        let ticket = try #require(desk.state.tickets.all.first { $0.summary == "咨询护理费调整政策" })
        #expect(ticket.cadre == cadre.id && ticket.caller == .cadre(cadre.id))
        let promise = try #require(desk.state.settings.hotline.promisedCompletion(category: ticket.category, priority: ticket.priority,
                                                                                   openedAt: ticket.openedAt))
        let readBack = promise.promiseReadBack(Localizer(.zh))
        #expect(opened.contains("工单 \(ticket.id.raw) 已受理。"), "\(opened)")
        #expect(opened.contains(readBack), "expected \(readBack) in\n\(opened)")
        #expect(readBack.hasPrefix("将于 ") && readBack.hasSuffix(" 前办结"))

        // The first terminal goes on to the ticket.
        try a.press("Enter")
        a.wait(for: "\(ticket.id.raw)  ") { $0.contains(ticket.id.raw) && $0.contains("【受理】") }

        // A second terminal on the same copy finds the ticket among all tickets and resolves it.
        let b = try Tmux(Demo.command(dir: dir.path), width: 120, height: 40)
        try Self.openHotline(b)
        try b.press("Left")
        b.wait(for: "今日提醒 ·")
        try b.press("Left")
        b.wait(for: "全部工单 ·")
        try b.press("/")
        try b.type(ticket.id.raw)
        b.wait(for: "the filtered list") { $0.contains(ticket.id.raw) && $0.contains("咨询护理费调整政策") }
        try b.press("Enter")
        try b.press("Enter")
        b.wait(for: "【受理】")
        try b.press("b")
        b.wait(for: "*办理结果")
        try b.type("已电话答复:按新标准执行")
        try b.press("Enter")
        b.wait(for: "【已办结】")

        // The first terminal sees it within a second, with nothing pressed there.
        let seen = a.wait(for: "【已办结】", timeout: 1.0)
        #expect(seen.contains("已电话答复:按新标准执行"), "\(seen)")
        #expect(try Desk(path: log).state.tickets[ticket.id]?.status == .resolved)

        try a.press("q")
        try b.press("q")
        a.waitForExit()
        b.waitForExit()
    }
}
