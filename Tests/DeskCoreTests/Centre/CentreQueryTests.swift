import Testing
@testable import DeskCore

@Suite struct CentreQueryTests {
    @Test func todaysGridShowsEachRoomsLoadAndItsFreeSpans() throws {
        let c = try CentreDesk()
        try c.book(c.pingpong, (9, 0), (10, 0), headcount: 4, for: .cadre(c.cadre(1)))
        try c.book(c.pingpong, (9, 30), (11, 0), headcount: 4, for: .cadre(c.cadre(2)))
        let grid = c.query.day(CentreDesk.monday, now: c.now)
        #expect(grid.rooms.map(\.roomName) == ["乒乓球室", "心理聊天室", "多功能厅", "书画室"])
        #expect(grid.from == LocalTime(8, 0) && grid.to == LocalTime(18, 0))
        let pp = grid.rooms[0]
        #expect(pp.load.map { "\($0.span) \($0.taken)/\($0.free)" } == [
            "08:30-09:00 0/8", "09:00-09:30 4/4", "09:30-10:00 8/0", "10:00-11:00 4/4", "11:00-11:30 0/8", "14:30-17:30 0/8",
        ])
        #expect(pp.free == [span((8, 30), (9, 30)), span((10, 0), (11, 30)), span((14, 30), (17, 30))])
        #expect(pp.items.map(\.label) == ["张建国", "王秀英"])
        #expect(pp.items.map(\.status) == [.booked, .booked])
        #expect(grid.rooms[1].free == [span((9, 0), (11, 30)), span((14, 30), (17, 0))])
    }

    @Test func theWeekGridShowsSevenDaysFromAnyStartDay() throws {
        let c = try CentreDesk()
        let wed = LocalDate(2026, 11, 25)
        let b = try c.book(c.chat, (9, 0), (10, 0), on: wed, for: .cadre(c.cadre(1)))
        let week = c.query.week(of: c.chat, from: CentreDesk.monday.startOfWeek, now: c.now)
        #expect(week.map(\.date) == (0..<7).map { CentreDesk.monday.adding(days: $0) })
        #expect(week.map(\.items.count) == [0, 0, 1, 0, 0, 0, 0])
        #expect(week[2].items.first?.booking == b)
        #expect(week[5].open.isEmpty && week[6].open.isEmpty)
        // Moving by a day (`l`) starts the grid on Tuesday.
        #expect(c.query.week(of: c.chat, from: CentreDesk.monday.adding(days: 1), now: c.now).first?.date == LocalDate(2026, 11, 24))
    }

    @Test func freeSlotsOfTheSameLengthComeFromTheSameDayByNearnessThenFromFollowingDays() throws {
        let c = try CentreDesk()
        try c.book(c.chat, (9, 0), (10, 0), for: .cadre(c.cadre(1)))
        let asked = span((9, 0), (10, 0))
        let three = c.query.freeSlots(room: c.chat, date: CentreDesk.monday, span: asked, now: c.now, limit: 3)
        #expect(three.map(\.span) == [span((10, 0), (11, 0)), span((10, 30), (11, 30)), span((14, 30), (15, 30))])
        let eight = c.query.freeSlots(room: c.chat, date: CentreDesk.monday, span: asked, now: c.now, limit: 8)
        #expect(eight.map(\.date) == Array(repeating: CentreDesk.monday, count: 6) + [LocalDate(2026, 11, 24), LocalDate(2026, 11, 24)])
        #expect(eight.suffix(2).map(\.span) == [span((9, 0), (10, 0)), span((9, 30), (10, 30))])
        // Each suggestion is bookable.
        for s in eight {
            #expect(c.query.slotProblems(room: c.chat, date: s.date, span: s.span, now: c.now).isEmpty)
        }
        // Friday's suggestions skip the weekend.
        let fri = LocalDate(2026, 11, 27)
        try c.book(c.chat, (14, 30), (17, 0), on: fri, for: .cadre(c.cadre(2)))
        try c.book(c.chat, (9, 0), (11, 30), on: fri, for: .cadre(c.cadre(3)))
        let next = c.query.freeSlots(room: c.chat, date: fri, span: asked, now: c.now, limit: 1)
        #expect(next.map(\.date) == [LocalDate(2026, 11, 30)])
    }

    @Test func theFormsSlotCheckNamesAPastStartAndADateBeyondTheHorizonAsTheBookingWould() throws {
        let c = try CentreDesk()
        c.at(10, 0)
        let past = c.query.slotProblems(room: c.chat, date: CentreDesk.monday, span: span((9, 0), (9, 30)), now: c.now)
        #expect(past.map(\.key) == ["centre.booking.in_past"])
        let far = CentreDesk.monday.adding(days: c.desk.state.settings.centre.bookingHorizonDays + 7)
        let farDay = stride(from: 0, to: 7, by: 1).map { far.adding(days: $0) }.first { $0.weekday < 5 }!
        let beyond = c.query.slotProblems(room: c.chat, date: farDay, span: span((9, 0), (10, 0)), now: c.now)
        #expect(beyond.map(\.key) == ["centre.booking.too_far"])
        // The command refuses both for the same reasons.
        for (date, s, problems) in [(CentreDesk.monday, span((9, 0), (9, 30)), past), (farDay, span((9, 0), (10, 0)), beyond)] {
            let refused = c.refusal(BookRoom(room: c.chat, date: date, span: s, for: .cadre(c.cadre(1)), confirmed: true))
            #expect(refused?.problems.map(\.key) == problems.map(\.key), "\(date)")
        }
    }

    @Test func theCadresFileShowsEnrolmentsBookingsAndAttendance() throws {
        let c = try CentreDesk()
        let applied = try c.run(CreateCourse(name: "声乐班", teacher: "张秀英", termStart: CentreDesk.monday, termEnd: LocalDate(2026, 12, 28),
                                             sessions: [WeeklySession(weekday: 1, span: span((9, 0), (11, 0)), room: c.hall)], capacity: 1))
        let k = (applied[0].event as! CourseCreated).id
        try c.run(Enrol(c.cadre(2), in: k))
        try c.run(Enrol(c.cadre(1), in: k))
        let b = try c.book(c.pingpong, (9, 0), (10, 0), on: LocalDate(2026, 11, 24), headcount: 2, for: .cadre(c.cadre(1)))
        let r = c.query.record(of: c.cadre(1), now: c.now)
        #expect(r.enrolments.map(\.status) == [.waiting(position: 1)])
        #expect(r.upcoming.map(\.booking) == [b])
        #expect(r.upcoming.first?.roomName == "乒乓球室")
        #expect(r.noShows == 0 && r.attendedCount == 0)
        c.at(8, 50, on: LocalDate(2026, 11, 24))
        try c.run(CheckIn(c.cadre(1)))
        c.at(12, 0, on: LocalDate(2026, 11, 24))
        let later = c.query.record(of: c.cadre(1), now: c.now)
        #expect(later.upcoming.isEmpty)
        #expect(later.recent.map(\.booking) == [b])
        #expect(later.attendedCount == 1)
        #expect(later.lastAttended == LocalDateTime(LocalDate(2026, 11, 24), LocalTime(9, 0)))
    }

    @Test func periodFiguresMatchAHandCountOfUseNoShowsCheckInsAndAttendance() throws {
        let c = try CentreDesk(at: LocalTime(7, 0))
        let applied = try c.run(CreateCourse(name: "书法班", teacher: "王淑兰", termStart: CentreDesk.monday, termEnd: LocalDate(2026, 12, 7),
                                             sessions: [WeeklySession(weekday: 0, span: span((9, 0), (11, 0)), room: c.studio)], capacity: 5))
        let k = (applied[0].event as! CourseCreated).id
        try c.run(Enrol(c.cadre(3), in: k))
        try c.run(Enrol(c.cadre(4), in: k))
        try c.book(c.pingpong, (9, 0), (10, 0), headcount: 4, for: .cadre(c.cadre(1)))
        try c.book(c.pingpong, (9, 30), (11, 0), headcount: 4, for: .cadre(c.cadre(2)))
        let noShow = try c.book(c.chat, (14, 30), (15, 30), for: .cadre(c.cadre(5)))
        let cancelled = try c.book(c.chat, (9, 0), (10, 0), for: .cadre(c.cadre(6)))
        try c.run(CancelBooking(cancelled))
        try c.run(CloseRoom(room: nil, from: LocalDateTime(LocalDate(2026, 11, 24), LocalTime(0, 0)),
                            to: LocalDateTime(LocalDate(2026, 11, 25), LocalTime(0, 0)), reason: "停电检修"))
        c.at(8, 50)
        try c.run(CheckIn(c.cadre(1)))
        try c.run(CheckIn(c.cadre(3)))
        c.at(9, 20)
        try c.run(CheckIn(c.cadre(2)))
        c.at(18, 0)
        let f = c.query.figures(for: Period(start: CentreDesk.monday, end: LocalDate(2026, 11, 24)), now: c.now)
        let byName = Dictionary(uniqueKeysWithValues: f.rooms.map { ($0.name, $0) })
        // Monday only (Tuesday is closed): 乒乓球室 open 6 h; booked 09:00–11:00; 4×60 + 4×90 place-minutes.
        #expect(byName["乒乓球室"].map { [$0.openMinutes, $0.bookedMinutes, $0.placeMinutes] } == [360, 120, 600])
        // 心理聊天室 open 5 h; its only live booking was released as a no-show.
        #expect(byName["心理聊天室"].map { [$0.openMinutes, $0.bookedMinutes] } == [300, 0])
        // 书画室: the class took the whole room 09:00–11:00.
        #expect(byName["书画室"].map { [$0.openMinutes, $0.bookedMinutes, $0.placeMinutes] } == [360, 120, 2400])
        #expect(f.noShows == [noShow])
        #expect(f.noShowsByCadre == [NoShowCount(cadre: c.cadre(5), count: 1)])
        #expect(f.bookings == 3 && f.cancelled == 1)
        #expect(f.checkIns == 3 && f.peopleCheckedIn == 3)
        #expect(f.classes.map { [$0.enrolled, $0.capacity, $0.sessionsHeld, $0.present, $0.expected] } == [[2, 5, 1, 1, 2]])
        #expect(f.classes.first?.attendanceRate == 0.5)
    }
}
