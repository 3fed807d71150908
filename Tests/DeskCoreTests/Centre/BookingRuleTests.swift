import Testing
@testable import DeskCore

@Suite struct BookingRuleTests {
    @Test func aSharedRoomCountsHeadcountAtEveryMomentOfTheOverlapNotPairwise() throws {
        let c = try CentreDesk()
        let a = try c.book(c.pingpong, (9, 0), (10, 0), headcount: 4, for: .cadre(c.cadre(1)))
        let b = try c.book(c.pingpong, (9, 30), (11, 0), headcount: 3, for: .group(name: "乒乓球协会", contact: c.cadre(2)))
        // 2 more fit beside either booking alone (4+2, 3+2), but from 09:45 both are there: 7 + 2 > 8.
        let refused = c.refusal(BookRoom(room: c.pingpong, date: CentreDesk.monday, span: span((9, 45), (10, 15)), headcount: 2,
                                         for: .cadre(c.cadre(3)), confirmed: true))
        guard case .invalid(let problems) = refused else { Issue.record("expected a refusal, got \(String(describing: refused))"); return }
        #expect(problems.count == 1)
        #expect(problems[0].key == "centre.booking.full")
        #expect(problems[0].args[2] == "09:45")
        #expect(problems[0].args[3] == "7")
        #expect(problems[0].args[4].contains(a.raw) && problems[0].args[4].contains(b.raw))
        #expect(problems[0].args[6] == "1")
        // One place is left then, and from 10:00 only the group's 3 remain.
        try c.book(c.pingpong, (9, 45), (10, 15), headcount: 1, for: .cadre(c.cadre(3)))
        try c.book(c.pingpong, (10, 15), (11, 0), headcount: 5, for: .cadre(c.cadre(4)))
        // A span touching a booking's end is not an overlap.
        try c.book(c.pingpong, (8, 30), (9, 0), headcount: 8, for: .cadre(c.cadre(5)))
    }

    @Test func anExclusiveRoomRefusesAnyOverlapAndNamesTheConflictingBooking() throws {
        let c = try CentreDesk()
        let first = try c.book(c.chat, (9, 0), (10, 0), for: .cadre(c.cadre(1)))
        let refused = c.refusal(BookRoom(room: c.chat, date: CentreDesk.monday, span: span((9, 30), (10, 30)), for: .cadre(c.cadre(2))))
        guard case .invalid(let problems) = refused else { Issue.record("expected a refusal"); return }
        #expect(problems.map(\.key) == ["centre.booking.taken"])
        #expect(problems[0].args[3].contains(first.raw))
        #expect(problems[0].args[3].contains("张建国"))
        #expect(problems[0].field == "start")
        let zh = Localizer(.zh).message(problems[0])
        #expect(zh.contains(first.raw) && zh.contains("心理聊天室") && zh.contains("09:00-10:00"))
        try c.book(c.chat, (10, 0), (11, 0), for: .cadre(c.cadre(2)))
    }

    @Test func bookingsOutsideTheOpeningHoursOrOnAClosedDayAreRefused() throws {
        let c = try CentreDesk()
        let sunday = LocalDate(2026, 11, 29)
        let closed = c.refusal(BookRoom(room: c.chat, date: sunday, span: span((9, 0), (10, 0)), for: .cadre(c.cadre(1))))
        #expect(closed?.problems.map(\.key) == ["centre.booking.closed_day"])
        let lunch = c.refusal(BookRoom(room: c.chat, date: CentreDesk.monday, span: span((11, 0), (12, 0)), for: .cadre(c.cadre(1))))
        #expect(lunch?.problems.map(\.key) == ["centre.booking.outside_hours"])
        #expect(lunch?.problems.first?.args[2] == "09:00-11:30、14:30-17:00")
        let early = c.refusal(BookRoom(room: c.pingpong, date: CentreDesk.monday, span: span((8, 0), (9, 0)), for: .cadre(c.cadre(1))))
        #expect(early?.problems.map(\.key) == ["centre.booking.outside_hours"])
        try c.book(c.chat, (14, 30), (17, 0), for: .cadre(c.cadre(1)))
    }

    @Test func everyProblemOfAFormIsListedAtOnceBesideItsField() throws {
        let c = try CentreDesk()
        let refused = c.refusal(BookRoom(room: c.chat, date: CentreDesk.monday, span: span((10, 0), (9, 0)), headcount: 0,
                                         for: .cadre("C99999")))
        guard case .invalid(let problems) = refused else { Issue.record("expected a refusal"); return }
        #expect(Set(problems.map(\.key)) == ["centre.cadre.not_found", "centre.booking.headcount", "centre.booking.span_order"])
        #expect(Set(problems.compactMap(\.field)) == ["holder", "headcount", "end"])
    }

    @Test func aRoomTakesOnlyTheHoldersItIsBookableFor() throws {
        let c = try CentreDesk()
        let refused = c.refusal(BookRoom(room: c.chat, date: CentreDesk.monday, span: span((9, 0), (10, 0)), headcount: 2,
                                         for: .group(name: "合唱团", contact: nil)))
        #expect(refused?.problems.map(\.key) == ["centre.booking.not_for_group"])
        let event = c.refusal(BookRoom(room: c.hall, date: CentreDesk.monday, span: span((9, 0), (10, 0)), for: .centre))
        #expect(event?.problems.map(\.key) == ["centre.booking.purpose_required"])
    }

    @Test func aStartInThePastOrBeyondTheHorizonIsRefused() throws {
        let c = try CentreDesk(at: LocalTime(9, 30))
        let past = c.refusal(BookRoom(room: c.chat, date: CentreDesk.monday, span: span((9, 0), (10, 0)), for: .cadre(c.cadre(1))))
        #expect(past?.problems.map(\.key) == ["centre.booking.in_past"])
        let far = c.refusal(BookRoom(room: c.chat, date: CentreDesk.monday.adding(days: 400), span: span((9, 0), (10, 0)),
                                     for: .cadre(c.cadre(1))))
        #expect(far?.problems.map(\.key) == ["centre.booking.too_far"])
    }

    @Test func aClosureRefusesNewBookingsAndCancelsExistingOnesOntoTheCallList() throws {
        let c = try CentreDesk()
        let wed = LocalDate(2026, 11, 25)
        let a = try c.book(c.pingpong, (9, 0), (10, 0), on: wed, headcount: 2, for: .cadre(c.cadre(1)))
        let b = try c.book(c.pingpong, (15, 0), (16, 0), on: wed, headcount: 4, for: .group(name: "乒乓球协会", contact: nil))
        let other = try c.book(c.chat, (9, 0), (10, 0), on: wed, for: .cadre(c.cadre(2)))
        let close = CloseRoom(room: c.pingpong, from: LocalDateTime(wed, LocalTime(0, 0)), to: LocalDateTime(wed.adding(days: 1), LocalTime(0, 0)),
                              reason: "更换球台")
        // The clerk sees the affected bookings before confirming.
        #expect(c.query.bookingsAffected(byClosureOf: c.pingpong, from: close.from, to: close.to, now: c.now).map(\.id) == [a, b])
        guard case .needsConfirmation(let warn) = c.refusal(close) else { Issue.record("expected a confirmation"); return }
        #expect(warn[0].key == "centre.closure.affects" && warn[0].args[0] == "2")
        let applied = try c.run(CloseRoom(room: c.pingpong, from: close.from, to: close.to, reason: "更换球台", confirmed: true))
        #expect((applied[0].event as! RoomClosed).cancelled == [a, b])
        #expect(c.state.centre[booking: a]?.cancelled?.reason == "更换球台")
        #expect(c.state.centre[booking: other]?.isActive == true)
        let calls = c.query.callList()
        #expect(calls.map(\.booking?.booking) == [a, b])
        #expect(calls.map(\.reason) == [.closure, .closure])
        #expect(calls.map(\.name) == ["张建国", "乒乓球协会"])
        let refused = c.refusal(BookRoom(room: c.pingpong, date: wed, span: span((9, 0), (10, 0)), for: .cadre(c.cadre(3))))
        #expect(refused?.problems.map(\.key) == ["centre.booking.closure"])
        #expect(refused?.problems.first?.args.last == "更换球台")
        try c.run(MarkCalled(calls[0].notice, note: "已告知"))
        #expect(c.query.callList().map(\.booking?.booking) == [b])
    }

    @Test func aWholeCentreClosureCoversEveryRoomAndCanBeLifted() throws {
        let c = try CentreDesk()
        let day = LocalDate(2026, 12, 1)
        let applied = try c.run(CloseRoom(room: nil, from: LocalDateTime(day, LocalTime(0, 0)), to: LocalDateTime(day.adding(days: 1), LocalTime(0, 0)),
                                          reason: "停电检修"))
        let z = (applied[0].event as! RoomClosed).closure.id
        for room in [c.pingpong, c.chat, c.studio] {
            let r = c.refusal(BookRoom(room: room, date: day, span: span((9, 0), (10, 0)), for: .cadre(c.cadre(1))))
            #expect(r?.problems.map(\.key) == ["centre.booking.closure"])
        }
        #expect(c.query.day(day, now: c.now).rooms.allSatisfy { $0.closed.map(\.span) == [span((0, 0), (24, 0))] && $0.free.isEmpty })
        try c.run(RemoveClosure(z, reason: "恢复供电"))
        try c.book(c.chat, (9, 0), (10, 0), on: day, for: .cadre(c.cadre(1)))
    }

    @Test func aCadreWithRepeatedNoShowsOrAClashingBookingNeedsConfirmation() throws {
        let c = try CentreDesk()
        for d in 0..<3 {
            try c.book(c.chat, (9, 0), (10, 0), on: CentreDesk.monday.adding(days: d), for: .cadre(c.cadre(1)))
        }
        c.at(8, 0, on: CentreDesk.monday.adding(days: 3))
        let ask = c.refusal(BookRoom(room: c.chat, date: CentreDesk.monday.adding(days: 3), span: span((14, 30), (15, 30)), for: .cadre(c.cadre(1))))
        #expect(ask == .needsConfirmation([Problem("centre.booking.noshow_warning", ["张建国", "90", "3"])]))
        try c.book(c.chat, (14, 30), (15, 30), on: CentreDesk.monday.adding(days: 3), for: .cadre(c.cadre(2)))
        let clash = c.refusal(BookRoom(room: c.pingpong, date: CentreDesk.monday.adding(days: 3), span: span((15, 0), (16, 0)),
                                       for: .cadre(c.cadre(2))))
        #expect(clash?.problems.map(\.key) == ["centre.booking.cadre_busy"])
    }

    @Test func aBookingCanBeCancelledUntilItIsUsedOrReleased() throws {
        let c = try CentreDesk()
        let b = try c.book(c.chat, (9, 0), (10, 0), for: .cadre(c.cadre(1)))
        let b2 = try c.book(c.chat, (10, 0), (11, 0), for: .cadre(c.cadre(2)))
        try c.run(CancelBooking(b, reason: "身体不适"))
        #expect(c.refusal(CancelBooking(b))?.problems.map(\.key) == ["centre.booking.already_cancelled"])
        // The freed slot can be booked again.
        try c.book(c.chat, (9, 0), (10, 0), for: .cadre(c.cadre(3)))
        c.at(10, 15)
        #expect(c.refusal(CancelBooking(b2))?.problems.map(\.key) == ["centre.booking.already_released"])
    }
}
