import Testing
@testable import DeskCore

@Suite struct RecurringBookingTests {
    /// Wednesdays 25 Nov – 30 Dec 2026: six dates. 9 Dec is taken by a lecture,
    /// 23 Dec falls in a closure.
    func setUp() throws -> (CentreDesk, lecture: ID<Booking>) {
        let c = try CentreDesk()
        let lecture = try c.book(c.hall, (15, 0), (16, 0), on: LocalDate(2026, 12, 9), for: .centre, purpose: "防范电信诈骗讲座")
        try c.run(CloseRoom(room: nil, from: LocalDateTime(LocalDate(2026, 12, 23), LocalTime(0, 0)),
                            to: LocalDateTime(LocalDate(2026, 12, 24), LocalTime(0, 0)), reason: "设备检修"))
        return (c, lecture)
    }

    func choir(skip: Bool) -> BookRoomWeekly {
        BookRoomWeekly(room: "R03", first: LocalDate(2026, 11, 25), until: LocalDate(2026, 12, 30), span: span((14, 30), (16, 30)),
                       headcount: 40, purpose: "合唱排练", for: .group(name: "老年合唱团", contact: "C00002"), skipConflicts: skip)
    }

    @Test func skippingConflictsBooksTheValidDatesTogetherAndListsTheSkippedOnesByDateAndReason() throws {
        let (c, lecture) = try setUp()
        let before = c.desk.log.lastSeq
        let applied = try c.run(choir(skip: true))
        #expect(c.desk.log.lastSeq == before + 5)
        let series = try #require(applied[0].event as? SeriesBooked)
        #expect(series.skipped.map(\.date) == [LocalDate(2026, 12, 9), LocalDate(2026, 12, 23)])
        #expect(series.skipped.map(\.reason) == ["centre.booking.taken", "centre.booking.closure"])
        #expect(series.skipped[0].args.last?.contains(lecture.raw) == true)
        let made = applied.dropFirst().compactMap { $0.event as? BookingMade }
        #expect(made.map(\.date) == [LocalDate(2026, 11, 25), LocalDate(2026, 12, 2), LocalDate(2026, 12, 16), LocalDate(2026, 12, 30)])
        #expect(made.allSatisfy { $0.series == series.id })
        let stored = try #require(c.state.centre.series[series.id])
        #expect(stored.bookings == made.map(\.id))
        #expect(stored.skipped.count == 2)
        // A second terminal reads the same series.
        let other = try c.t.reopen()
        #expect(other.state.centre.series[series.id]?.bookings == made.map(\.id))
    }

    @Test func withoutSkippingTheWholeSeriesIsRefusedListingEveryBadDate() throws {
        let (c, _) = try setUp()
        let before = c.desk.log.lastSeq
        guard case .invalid(let problems) = c.refusal(choir(skip: false)) else { Issue.record("expected a refusal"); return }
        #expect(problems.map(\.key) == ["centre.booking.taken", "centre.booking.closure"])
        #expect(problems[0].args[1] == "2026-12-09")
        #expect(problems[1].args[1].hasPrefix("2026-12-23"))
        #expect(c.desk.log.lastSeq == before)
    }

    @Test func theRestOfASeriesCanBeCancelledLeavingEarlierDates() throws {
        let (c, _) = try setUp()
        let applied = try c.run(choir(skip: true))
        let id = (applied[0].event as! SeriesBooked).id
        c.at(9, 0, on: LocalDate(2026, 12, 3))
        let cancelled = try c.run(CancelSeries(id, from: LocalDate(2026, 12, 10), reason: "合唱团寒假休息"))
        let ids = (cancelled[0].event as! BookingsCancelled).bookings
        let dates = ids.compactMap { c.state.centre[booking: $0]?.date }
        #expect(dates == [LocalDate(2026, 12, 16), LocalDate(2026, 12, 30)])
        let active = c.state.centre.series[id]!.bookings.compactMap { c.state.centre[booking: $0] }.filter(\.isActive).map(\.date)
        #expect(active == [LocalDate(2026, 11, 25), LocalDate(2026, 12, 2)])
        #expect(c.refusal(CancelSeries(id, from: LocalDate(2026, 12, 10)))?.problems.map(\.key) == ["centre.series.nothing_left"])
    }

    @Test func aSeriesWithNoBookableDateIsRefused() throws {
        let c = try CentreDesk()
        let refused = c.refusal(BookRoomWeekly(room: c.chat, first: LocalDate(2026, 11, 28), until: LocalDate(2026, 12, 12),
                                               span: span((9, 0), (10, 0)), for: .cadre(c.cadre(1)), skipConflicts: true))
        #expect(refused?.problems.first?.key == "centre.series.nothing_bookable")
        #expect(refused?.problems.dropFirst().allSatisfy { $0.key == "centre.booking.closed_day" } == true)
    }
}
