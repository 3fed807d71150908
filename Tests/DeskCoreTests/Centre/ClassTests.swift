import Testing
@testable import DeskCore

@Suite struct ClassTests {
    /// 书法班 in 书画室 on Monday mornings from 30 Nov to 21 Dec 2026 (four sessions).
    func calligraphy(_ c: CentreDesk, capacity: Int = 2, skip: Bool = false) throws -> ID<Course> {
        let applied = try c.run(CreateCourse(name: "书法班", teacher: "王淑兰", termStart: LocalDate(2026, 11, 30), termEnd: LocalDate(2026, 12, 21),
                                             sessions: [WeeklySession(weekday: 0, span: span((9, 0), (11, 0)), room: c.studio)],
                                             capacity: capacity, skipConflicts: skip))
        return (applied[0].event as! CourseCreated).id
    }

    func enrol(_ c: CentreDesk, _ n: Int, _ k: ID<Course>) throws -> EnrolmentOutcome? {
        EnrolmentOutcome(try c.run(Enrol(c.cadre(n), in: k)))
    }

    @Test func creatingAClassReservesItsRoomForEverySession() throws {
        let c = try CentreDesk()
        let k = try calligraphy(c)
        let sessions = c.state.centre.sessions(of: k)
        #expect(sessions.map(\.date) == [LocalDate(2026, 11, 30), LocalDate(2026, 12, 7), LocalDate(2026, 12, 14), LocalDate(2026, 12, 21)])
        #expect(sessions.allSatisfy { $0.wholeRoom && $0.room == c.studio && $0.span == span((9, 0), (11, 0)) })
        // The class takes the whole room: a person can no longer book it then.
        let r = c.refusal(BookRoom(room: c.studio, date: LocalDate(2026, 12, 7), span: span((10, 0), (11, 0)), for: .cadre(c.cadre(1))))
        #expect(r?.problems.map(\.key) == ["centre.booking.full"])
    }

    @Test func sessionConflictsRefuseTheClassUnlessSkippedAndAreReported() throws {
        let c = try CentreDesk()
        let taken = try c.book(c.studio, (9, 30), (10, 30), on: LocalDate(2026, 12, 7), headcount: 2, for: .cadre(c.cadre(1)))
        let refused = c.refusal(CreateCourse(name: "书法班", teacher: "王淑兰", termStart: LocalDate(2026, 11, 30), termEnd: LocalDate(2026, 12, 21),
                                             sessions: [WeeklySession(weekday: 0, span: span((9, 0), (11, 0)), room: c.studio)], capacity: 10))
        #expect(refused?.problems.map(\.key) == ["centre.booking.full"])
        #expect(refused?.problems.first?.args[4].contains(taken.raw) == true)
        let k = try calligraphy(c, capacity: 10, skip: true)
        #expect(c.state.centre.sessions(of: k).map(\.date) == [LocalDate(2026, 11, 30), LocalDate(2026, 12, 14), LocalDate(2026, 12, 21)])
        #expect(c.state.centre.courses[k]?.skipped.map(\.date) == [LocalDate(2026, 12, 7)])
    }

    @Test func aClassMayNotBeBiggerThanItsRoom() throws {
        let c = try CentreDesk()
        let r = c.refusal(CreateCourse(name: "书法班", teacher: "王淑兰", termStart: LocalDate(2026, 11, 30), termEnd: LocalDate(2026, 12, 21),
                                       sessions: [WeeklySession(weekday: 0, span: span((9, 0), (11, 0)), room: c.studio)], capacity: 30))
        #expect(r?.problems.map(\.key) == ["centre.class.capacity_room"])
    }

    @Test func enrollingInAFullClassJoinsTheWaitlistAndSaysThePosition() throws {
        let c = try CentreDesk()
        let k = try calligraphy(c)
        #expect(try enrol(c, 1, k) == .enrolled)
        #expect(try enrol(c, 2, k) == .enrolled)
        #expect(try enrol(c, 3, k) == .waitlisted(position: 1))
        let fourth = try #require(try enrol(c, 4, k))
        #expect(fourth == .waitlisted(position: 2))
        #expect(Localizer(.zh).message(fourth.message) == "已满,已加入候补第 2 位。")
        #expect(c.refusal(Enrol(c.cadre(3), in: k))?.problems.map(\.key) == ["centre.class.already_waiting"])
        #expect(c.refusal(Enrol(c.cadre(1), in: k))?.problems.map(\.key) == ["centre.class.already_enrolled"])
        let list = c.query.courseList(on: c.now.date, now: c.now)
        #expect(list.map { [$0.enrolled, $0.capacity, $0.waiting] } == [[2, 2, 2]])
    }

    @Test func aWithdrawalPromotesTheLongestWaitingAndPutsThemOnTheCallList() throws {
        let c = try CentreDesk()
        let k = try calligraphy(c)
        for n in 1...4 { _ = try enrol(c, n, k) }
        let applied = try c.run(Withdraw(c.cadre(1), from: k, reason: "去外地子女家居住"))
        #expect(applied.map { type(of: $0.event).type } == ["class.withdrawn", "class.promoted"])
        let course = try #require(c.state.centre.courses[k])
        #expect(course.enrolled == [c.cadre(2), c.cadre(3)])
        #expect(course.waitlist.map(\.cadre) == [c.cadre(4)])
        let calls = c.query.callList()
        #expect(calls.map(\.cadre) == [c.cadre(3)])
        #expect(calls.map(\.reason) == [.promoted])
        #expect(calls.first?.courseName == "书法班")
        try c.run(MarkCalled(calls[0].notice, note: "本人同意,下周一来上课"))
        #expect(c.query.callList().isEmpty)
        #expect(c.refusal(MarkCalled(calls[0].notice))?.problems.map(\.key) == ["centre.notice.already_called"])
        // Leaving the waitlist promotes nobody.
        let left = try c.run(Withdraw(c.cadre(4), from: k))
        #expect(left.count == 1)
    }

    @Test func raisingTheCapacityPromotesWaitingPeopleInOrder() throws {
        let c = try CentreDesk()
        let k = try calligraphy(c)
        for n in 1...5 { _ = try enrol(c, n, k) }
        let applied = try c.run(ChangeCourse(k, capacity: 4))
        let promoted = applied.compactMap { $0.event as? PromotedFromWaitlist }.map(\.cadre)
        #expect(promoted == [c.cadre(3), c.cadre(4)])
        #expect(c.state.centre.courses[k]?.waitlist.map(\.cadre) == [c.cadre(5)])
        #expect(c.query.callList().map(\.cadre) == [c.cadre(3), c.cadre(4)])
        #expect(c.refusal(ChangeCourse(k, capacity: 3))?.problems.map(\.key) == ["centre.class.capacity_below_enrolled"])
    }

    @Test func aManualMoveInTheWaitlistIsRecordedWithItsReasonAndDecidesTheNextPromotion() throws {
        let c = try CentreDesk()
        let k = try calligraphy(c, capacity: 1)
        for n in 1...4 { _ = try enrol(c, n, k) }
        #expect(c.refusal(MoveOnWaitlist(c.cadre(4), in: k, to: 1, reason: " "))?.problems.map(\.key) == ["centre.class.move_reason_required"])
        try c.run(MoveOnWaitlist(c.cadre(4), in: k, to: 1, reason: "离休干部优先"))
        let course = try #require(c.state.centre.courses[k])
        #expect(course.waitlist.map(\.cadre) == [c.cadre(4), c.cadre(2), c.cadre(3)])
        #expect(course.moves == [WaitlistMove(cadre: c.cadre(4), from: 3, to: 1, reason: "离休干部优先", by: c.clerk, at: c.now)])
        let detail = try #require(c.query.courseDetail(k, now: c.now))
        #expect(detail.waitlist.map(\.position) == [1, 2, 3])
        #expect(detail.waitlist.map(\.name) == ["刘桂芳", "王秀英", "李志强"])
        try c.run(Withdraw(c.cadre(1), from: k))
        #expect(c.state.centre.courses[k]?.enrolled == [c.cadre(4)])
    }

    @Test func twoTerminalsRacingForTheLastPlaceGiveItToExactlyOne() throws {
        let c = try CentreDesk()
        let k = try calligraphy(c, capacity: 1)
        let other = try c.t.reopen()
        for round in 0..<5 {
            // Both terminals see one free place; neither has seen the other's enrolment.
            let a = c.cadre(2 * round % 10 + 1), b = c.cadre((2 * round + 1) % 10 + 1)
            if round > 0 {
                try c.run(ChangeCourse(k, capacity: round + 1))
                try other.refresh()
            }
            #expect(other.state.centre.courses[k]?.freePlaces == 1)
            #expect(c.state.centre.courses[k]?.freePlaces == 1)
            let first = round % 2 == 0 ? c.desk : other
            let second = round % 2 == 0 ? other : c.desk
            let one = EnrolmentOutcome(try first.perform(Enrol(a, in: k), as: c.clerk))
            let two = EnrolmentOutcome(try second.perform(Enrol(b, in: k), as: c.clerk))
            #expect(one == .enrolled)
            #expect(two == .waitlisted(position: 1))
            // Withdraw the loser from the waitlist for the next round.
            try second.perform(Withdraw(b, from: k), as: c.clerk)
            try first.refresh()
            try second.refresh()
            #expect(c.desk.state.centre.courses[k]?.enrolledCount == round + 1)
            #expect(other.state.centre.courses[k]?.enrolledCount == round + 1)
        }
    }

    @Test func aCadreCannotBeEnrolledTwiceOrAfterTheTerm() throws {
        let c = try CentreDesk()
        let k = try calligraphy(c, capacity: 5)
        _ = try enrol(c, 1, k)
        c.at(9, 0, on: LocalDate(2026, 12, 22))
        #expect(c.refusal(Enrol(c.cadre(2), in: k))?.problems.map(\.key) == ["centre.class.term_over"])
    }

    @Test func withdrawingFromTheCentreCancelsBookingsFreesClassPlacesAndLeavesEventLists() throws {
        let c = try CentreDesk()
        let k = try calligraphy(c, capacity: 1)
        _ = try enrol(c, 1, k)
        _ = try enrol(c, 2, k)
        let tue = LocalDate(2026, 11, 24)
        let own = try c.book(c.chat, (9, 0), (10, 0), on: tue, for: .cadre(c.cadre(1)))
        let event = try c.book(c.hall, (14, 30), (16, 0), on: tue, for: .centre, purpose: "形势报告会")
        try c.run(AddAttendee(booking: event, cadre: c.cadre(1)))
        let applied = try c.run(WithdrawFromCentre(c.cadre(1), reason: "本人去世"))
        #expect(applied.map { type(of: $0.event).type } == ["booking.cancelled", "class.withdrawn", "class.promoted", "booking.attendee_removed"])
        #expect(c.state.centre[booking: own]?.cancelled?.reason == "本人去世")
        #expect(c.state.centre.courses[k]?.enrolled == [c.cadre(2)])
        #expect(c.state.centre.attendees(of: event).isEmpty)
        #expect(c.query.callList().map(\.cadre) == [c.cadre(2)])
        let before = c.desk.log.lastSeq
        #expect(try c.run(WithdrawFromCentre(c.cadre(1), reason: "本人去世")).isEmpty)
        #expect(c.desk.log.lastSeq == before)
    }
}
