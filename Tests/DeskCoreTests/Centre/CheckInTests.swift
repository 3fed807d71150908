import Testing
@testable import DeskCore

@Suite struct CheckInTests {
    @Test func oneCheckInMarksEveryItemOfTodayThatIsOpen() throws {
        let c = try CentreDesk(at: LocalTime(7, 30))
        let me = c.cadre(1)
        let own = try c.book(c.pingpong, (9, 0), (10, 0), headcount: 2, for: .cadre(me))
        let afternoon = try c.book(c.chat, (14, 30), (15, 30), for: .cadre(me))
        let applied = try c.run(CreateCourse(name: "太极拳班", teacher: "刘志强", termStart: CentreDesk.monday, termEnd: LocalDate(2026, 12, 28),
                                             sessions: [WeeklySession(weekday: 0, span: span((9, 0), (10, 30)), room: c.hall)], capacity: 20))
        let course = (applied[0].event as! CourseCreated).id
        let session = (applied[1].event as! BookingMade).id
        try c.run(Enrol(me, in: course))
        // Someone else's booking at the same time is not theirs to check in.
        try c.book(c.studio, (9, 5), (11, 0), for: .group(name: "书画协会", contact: nil))
        c.at(8, 50)
        let items = c.query.today(for: me, now: c.now)
        #expect(items.map(\.booking) == [own, session, afternoon])
        #expect(items.map(\.state.isOpen) == [true, true, false])
        let done = try c.run(CheckIn(me))
        #expect((done[0].event as! CheckedIn).bookings == [own, session])
        #expect(c.state.centre[booking: own]?.checkedInAt == c.now)
        #expect(c.state.centre.presence(at: session) == [me])
        #expect(c.state.centre[booking: afternoon]?.checkedInAt == nil)
        let after = c.query.today(for: me, now: c.now).map(\.state)
        #expect(after == [.checkedIn(c.now), .checkedIn(nil), .opensAt(LocalDateTime(CentreDesk.monday, LocalTime(14, 15)))])
        // Nothing more is open: the refusal says when the afternoon opens.
        let again = c.refusal(CheckIn(me))
        #expect(again?.problems.map(\.key) == ["centre.checkin.not_yet"])
        #expect(again?.problems.first?.args.last == "14:15")
        // The grid marks them.
        let grid = c.query.day(CentreDesk.monday, now: c.now)
        let pp = try #require(grid.rooms.first { $0.room == c.pingpong })
        #expect(pp.items.map(\.status) == [.checkedIn])
        let hall = try #require(grid.rooms.first { $0.room == c.hall })
        #expect(hall.items.map { [$0.present, $0.expected] } == [[1, 1]])
    }

    @Test func checkInOpensFifteenMinutesBeforeTheStartAndTheOpeningIsConfigurable() throws {
        let c = try CentreDesk(at: LocalTime(8, 0))
        try c.book(c.chat, (9, 0), (10, 0), for: .cadre(c.cadre(1)))
        c.at(8, 44)
        let early = c.refusal(CheckIn(c.cadre(1)))
        #expect(early == .invalid([Problem("centre.checkin.not_yet", ["张建国", "09:00", "08:45"])]))
        var s = c.state.settings
        s.centre.checkInOpensMinutes = 30
        try c.desk.perform(ChangeSettings(s), as: c.t.admin)
        try c.run(CheckIn(c.cadre(1)))
    }

    @Test func aBookingNotCheckedInIsReleasedAtStartPlusFifteenMinutesAndNotBefore() throws {
        let c = try CentreDesk(at: LocalTime(8, 0))
        let b = try c.book(c.chat, (9, 0), (10, 0), for: .cadre(c.cadre(1)))
        let late = BookRoom(room: c.chat, date: CentreDesk.monday, span: span((9, 30), (10, 0)), for: .cadre(c.cadre(2)))
        c.at(9, 14)
        #expect(c.refusal(late)?.problems.map(\.key) == ["centre.booking.taken"])
        #expect(CentreRules.noShows(of: c.cadre(1), from: c.now.adding(minutes: -600), to: c.now.adding(minutes: 1), in: c.state).isEmpty)
        #expect(c.query.day(CentreDesk.monday, now: c.now).rooms.first { $0.room == c.chat }?.items.first?.status == .checkInOpen)
        c.at(9, 15)
        #expect(c.state.centre[booking: b]!.isReleased(at: c.now, c.state.settings.centre))
        #expect(c.query.day(CentreDesk.monday, now: c.now).rooms.first { $0.room == c.chat }?.items.first?.status == .released)
        #expect(CentreRules.noShows(of: c.cadre(1), from: c.now.adding(minutes: -600), to: c.now.adding(minutes: 1), in: c.state).map(\.id) == [b])
        #expect(c.query.record(of: c.cadre(1), now: c.now).noShows == 1)
        // Someone else takes the freed room.
        try c.run(late)
        // The late arrival hears what happened.
        c.at(9, 20)
        let refused = c.refusal(CheckIn(c.cadre(1)))
        #expect(refused == .invalid([Problem("centre.checkin.released", ["张建国", b.raw, "心理聊天室", "09:00-10:00", "09:15"])]))
        #expect(Localizer(.zh).message(refused!.problems[0]).contains("已在 09:15 释放"))
    }

    @Test func aCheckInWithinTheGracePeriodKeepsTheBooking() throws {
        let c = try CentreDesk(at: LocalTime(8, 0))
        let b = try c.book(c.chat, (9, 0), (10, 0), for: .cadre(c.cadre(1)))
        c.at(9, 14)
        try c.run(CheckIn(c.cadre(1)))
        c.at(9, 40)
        #expect(!c.state.centre[booking: b]!.isReleased(at: c.now, c.state.settings.centre))
        #expect(c.refusal(BookRoom(room: c.chat, date: CentreDesk.monday, span: span((9, 45), (10, 0)), for: .cadre(c.cadre(2))))?
            .problems.map(\.key) == ["centre.booking.taken"])
        #expect(c.query.record(of: c.cadre(1), now: c.now).noShows == 0)
    }

    @Test func aGroupWithoutAContactIsCheckedInByBookingNumber() throws {
        let c = try CentreDesk(at: LocalTime(8, 0))
        let b = try c.book(c.pingpong, (9, 0), (11, 0), headcount: 6, for: .group(name: "乒乓球协会", contact: nil))
        c.at(8, 58)
        try c.run(CheckInBooking(b))
        #expect(c.state.centre[booking: b]?.checkedInAt == c.now)
        #expect(c.state.centre.checkIns.last?.cadre == nil)
    }

    @Test func attendanceIsKeptPerClassSessionAndCountsInTheClassDetail() throws {
        let c = try CentreDesk(at: LocalTime(8, 0))
        let applied = try c.run(CreateCourse(name: "国画班", teacher: "李建国", termStart: CentreDesk.monday, termEnd: LocalDate(2026, 12, 7),
                                             sessions: [WeeklySession(weekday: 0, span: span((9, 0), (11, 0)), room: c.studio)], capacity: 10))
        let k = (applied[0].event as! CourseCreated).id
        let sessions = applied.dropFirst().map { ($0.event as! BookingMade).id }
        for n in 1...3 { try c.run(Enrol(c.cadre(n), in: k)) }
        c.at(8, 55)
        try c.run(CheckIn(c.cadre(1)))
        try c.run(CheckIn(c.cadre(2)))
        #expect(c.refusal(RecordAttendance(sessions[0], present: [c.cadre(1), c.cadre(9)]))?.problems.map(\.key) == ["centre.attendance.not_enrolled"])
        #expect(c.refusal(RecordAttendance(sessions[1], present: [c.cadre(1)]))?.problems.map(\.key) == ["centre.attendance.future"])
        // The teacher's roll: cadre 2 had left, cadre 3 came without checking in.
        try c.run(RecordAttendance(sessions[0], present: [c.cadre(1), c.cadre(3)]))
        c.at(8, 0, on: LocalDate(2026, 12, 7))
        let detail = try #require(c.query.courseDetail(k, now: c.now))
        #expect(detail.sessions.map(\.date) == [CentreDesk.monday, LocalDate(2026, 11, 30), LocalDate(2026, 12, 7)])
        #expect(detail.sessions.map(\.present) == [[c.cadre(1), c.cadre(3)], [], []])
        #expect(detail.sessions.map(\.held) == [true, true, false])
        #expect(detail.sessions.map(\.expected) == [3, 3, 3])
        #expect(detail.current.map(\.attended) == [1, 0, 1])
        #expect(detail.current.map(\.held) == [2, 2, 2])
        let record = c.query.record(of: c.cadre(1), now: c.now)
        #expect(record.enrolments.map(\.attended) == [1])
        #expect(record.enrolments.map(\.status) == [.enrolled])
    }

    @Test func anEventKeepsAnAttendeeListUpToTheHallsCapacity() throws {
        let c = try CentreDesk(at: LocalTime(8, 0))
        var s = c.state.settings
        s.centre.checkInOpensMinutes = 30
        try c.desk.perform(ChangeSettings(s), as: c.t.admin)
        let room = try c.run(AddRoom(name: "小会议室", capacity: 2, sharing: .exclusive,
                                     hours: OpeningHours([span((8, 30), (11, 30))], on: 0...4), bookableFor: [.centre]))
        let hall = (room[0].event as! RoomAdded).room.id
        let e = try c.book(hall, (9, 0), (10, 0), on: LocalDate(2026, 11, 24), for: .centre, purpose: "形势报告会")
        try c.run(AddAttendee(booking: e, cadre: c.cadre(1)))
        try c.run(AddAttendee(booking: e, cadre: c.cadre(2)))
        #expect(c.refusal(AddAttendee(booking: e, cadre: c.cadre(3)))?.problems.map(\.key) == ["centre.event.full"])
        try c.run(RemoveAttendee(booking: e, cadre: c.cadre(2)))
        try c.run(AddAttendee(booking: e, cadre: c.cadre(3)))
        #expect(c.state.centre.attendees(of: e) == [c.cadre(1), c.cadre(3)])
        c.at(8, 40, on: LocalDate(2026, 11, 24))
        try c.run(CheckIn(c.cadre(3)))
        #expect(c.state.centre.presence(at: e) == [c.cadre(3)])
        #expect(c.query.day(LocalDate(2026, 11, 24), now: c.now).rooms.first { $0.room == hall }?.items.map { [$0.present, $0.expected] } == [[1, 2]])
    }
}
