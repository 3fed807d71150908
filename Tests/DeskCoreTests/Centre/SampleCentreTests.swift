import DeskLog
import Testing
@testable import DeskCore

@Suite struct SampleCentreTests {
    /// A desk with 300 cadres of mixed ages and health.
    func deskWithCadres() throws -> TestDesk {
        let t = try TestDesk(at: LocalDateTime(LocalDate(2026, 12, 31), LocalTime(18, 0)))
        var events: [any DeskEvent] = []
        for i in 1...300 {
            var c = Cadre(id: ID("C" + String(format: "%05d", i)), name: "张\(["建国", "秀英", "志强", "桂芳", "振华"][i % 5])",
                          gender: i % 2 == 0 ? .male : .female, birthDate: LocalDate(1930 + i % 30, 1 + i % 12, 1 + i % 27),
                          category: i % 8 == 0 ? .lixiu : .tuixiu, rank: .general, workUnit: "县财政局")
            c.health = i % 11 == 0 ? .dependent : .healthy
            events.append(CadreAdded(cadre: c))
        }
        try t.desk.perform(AppendEvents(list: events), as: t.admin)
        return t
    }

    @Test func theGeneratedCentreGoesThroughAsOneBatchWithClassesBookingsCheckInsAndNoShows() throws {
        let t = try deskWithCadres()
        var rng = SplitMix(seed: 2026)
        let items = SampleCentre.items(for: t.desk.state, from: LocalDate(2026, 8, 20), to: LocalDate(2026, 12, 20), rng: &rng)
        try t.desk.performBatch(items, as: t.admin)
        let centre = t.desk.state.centre
        #expect(centre.roomList().count == 11)
        #expect(centre.closures.contains { $0.reason == "国庆节放假" })
        let courses = centre.courseOrder.compactMap { centre.courses[$0] }
        #expect(courses.map(\.name) == ["书法班(2026秋)", "国画班(2026秋)", "声乐班(2026秋)", "太极拳班(2026秋)"])
        let students = Set(courses.flatMap { $0.members.map(\.cadre) })
        #expect((25...60).contains(students.count), "first-year students: \(students.count)")
        #expect(courses.contains { !$0.waitlist.isEmpty || $0.members.contains(where: \.promoted) })
        #expect(courses.allSatisfy { $0.enrolledCount <= $0.capacity })
        #expect(centre.bookings.count > 1000)
        #expect(centre.checkIns.count > 500)
        let now = LocalDateTime(LocalDate(2026, 12, 21), LocalTime(8, 0))
        let figures = CentreQuery(t.desk.state).figures(for: Period(start: LocalDate(2026, 9, 1), end: LocalDate(2026, 11, 30)), now: now)
        #expect(!figures.noShows.isEmpty)
        #expect(figures.classes.allSatisfy { ($0.attendanceRate ?? 0) > 0.5 })
        #expect(figures.rooms.allSatisfy { ($0.utilisation ?? 0) <= 1 })
        // The desk phoned everyone promoted before the last day.
        #expect(centre.openNotices.allSatisfy { $0.raised.date >= LocalDate(2026, 12, 20) })
        // A second terminal folds the same centre from the log.
        let other = try t.reopen()
        #expect(other.state.centre.bookings.count == centre.bookings.count)
        #expect(other.state.centre.checkIns.count == centre.checkIns.count)
    }

    @Test func theSameSeedGivesTheSameItemsAndAnotherSeedOthers() throws {
        let t = try deskWithCadres()
        func run(_ seed: UInt64) -> [String] {
            var rng = SplitMix(seed: seed)
            return SampleCentre.items(for: t.desk.state, from: LocalDate(2026, 9, 1), to: LocalDate(2026, 9, 30), rng: &rng)
                .map { "\($0.now.map(\.description) ?? "") \($0.command)" }
        }
        let a = run(1), b = run(1), c = run(2)
        #expect(!a.isEmpty)
        #expect(a == b)
        #expect(a != c)
    }
}

@Suite struct CentreFormatTests {
    @Test func bookingHoldersAreWrittenAsFlatObjects() throws {
        let e = BookingMade(id: "B000001", room: "R01", date: LocalDate(2026, 11, 23), span: span((9, 0), (10, 0)), headcount: 5,
                            wholeRoom: false, purpose: "", holder: .group(name: "书画协会", contact: "C00007"), series: nil,
                            at: LocalDateTime(LocalDate(2026, 11, 20), LocalTime(8, 30)))
        let json = try JSONCoding.encode(e)
        let text = String(decoding: json.encoded(), as: UTF8.self)
        #expect(text.contains(#""holder":{"kind":"group","name":"书画协会","contact":"C00007"}"#))
        #expect(text.contains(#""span":"09:00-10:00""#))
        let back = try JSONCoding.decode(BookingMade.self, from: json)
        #expect(back.holder == e.holder && back.span == e.span)
        for h: BookingHolder in [.cadre("C00001"), .course("K001"), .centre, .group(name: "门球队", contact: nil)] {
            #expect(try JSONCoding.decode(BookingHolder.self, from: JSONCoding.encode(h)) == h)
        }
    }

    @Test func centreSettingsMissingFromAnOlderLogTakeTheirDefaults() throws {
        let json = try JSON.parse(#"{"noShowAfterMinutes":20}"#)
        let s = try JSONCoding.decode(CentreSettings.self, from: json)
        #expect(s.noShowAfterMinutes == 20)
        #expect(s.checkInOpensMinutes == 15 && s.releaseNoShows)
    }

    @Test func rolesWithoutTheCentrePermissionsAreTurnedAway() throws {
        let c = try CentreDesk()
        let hotline = try c.t.addStaff("赵敏", role: .hotline)
        #expect(throws: DeskError.notAllowed(Problem("error.not_allowed", ["bookRooms"]))) {
            try c.desk.perform(BookRoom(room: c.chat, date: CentreDesk.monday, span: span((9, 0), (10, 0)), for: .cadre(c.cadre(1))), as: hotline)
        }
        #expect(throws: DeskError.notAllowed(Problem("error.not_allowed", ["checkIn"]))) {
            try c.desk.perform(CheckIn(c.cadre(1)), as: hotline)
        }
        let caseworker = try c.t.addStaff("钱进", role: .caseworker)
        #expect(throws: DeskError.notAllowed(Problem("error.not_allowed", ["manageCentre"]))) {
            try c.desk.perform(MoveOnWaitlist(c.cadre(1), in: "K001", to: 1, reason: "x"), as: caseworker)
        }
    }

    @Test func badSettingsAreRefusedByTheSettingsForm() throws {
        let c = try CentreDesk()
        var s = c.state.settings
        s.centre.slotStepMinutes = 7
        s.centre.noShowAfterMinutes = 0
        var refused: DeskError?
        do { try c.desk.perform(ChangeSettings(s), as: c.t.admin) } catch { refused = error }
        #expect(Set(refused?.problems.map(\.key) ?? []) == ["centre.settings.slot_step", "centre.settings.noshow_after"])
    }

    @Test func theBenchmarksRunOnASmallCentre() throws {
        let results = CentreBenchmarks.run(samples: 2, rooms: 4, years: 1)
        #expect(results.map(\.name).contains("booking.conflict_check"))
        #expect(results.allSatisfy { !$0.samplesMs.isEmpty && $0.samplesMs.allSatisfy { $0 >= 0 } })
    }
}
