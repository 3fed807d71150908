import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

/// The call list (待通知, F6) exists to phone people: the clerk who makes the
/// calls sees the number to dial there, though files stay masked for a desk clerk.
@Suite struct CentreCallListTests {
    /// A booking for a person with a phone in 乒乓球室 this afternoon, cancelled by closing the room;
    /// returns the world and that person.
    static func closedAfternoon() throws -> (CentreWorld, Cadre) {
        let w = try CentreWorld()
        let i = try #require(w.people.indices.first { w.person($0).phone != nil })
        try w.book(w.pingpong, (15, 0), (16, 0), for: i)
        try w.run(CloseRoom(room: w.pingpong, from: LocalDateTime(CentreWorld.monday, LocalTime(14, 0)),
                            to: LocalDateTime(CentreWorld.monday, LocalTime(18, 0)), reason: "水管维修", confirmed: true))
        try w.h.addStaff("张丽", login: "zhangli", role: .desk)
        return (w, w.person(i))
    }

    @Test func aDeskClerkSeesTheWholeNumberToCallOnTheCallListOnly() throws {
        let (w, person) = try Self.closedAfternoon()
        let phone = try #require(person.phone)
        var t = try w.h.terminal(as: "zhangli")
        t.open(.centre)
        t.press(.f(6))
        let text = t.screen(width: 120, height: 30).joined(separator: "\n")
        let found = t.line(with: person.name, width: 120)
        let row = try #require(found, "\(text)")
        #expect(row.contains(phone), "\(row)")
        #expect(text.contains("请按所列电话逐一通知"))
        #expect(!text.contains("电话号码在档案中查看"), "the hint no longer sends the clerk to a masked file")
        // Elsewhere the same clerk still sees it masked: the file.
        t.open(.roster)
        t.model.screens[t.model.screens.firstIndex { $0.id == .roster }!].receive(.openCadre(person.id), t.model.context!)
        let file = t.screen(width: 120, height: 40).joined(separator: "\n")
        #expect(file.contains(PhoneNumber.masked(phone)) && !file.contains(phone), "\(file)")
    }
}
