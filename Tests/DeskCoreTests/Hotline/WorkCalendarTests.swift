import DeskLog
import Testing
@testable import DeskCore

@Suite struct WorkCalendarTests {
    let cal = WorkCalendar.official
    func at(_ s: String) -> LocalDateTime { LocalDateTime(s)! }

    @Test func oneWorkingDayFromFriday1600IsMonday1600() {
        #expect(cal.adding(workingMinutes: 420, to: at("2026-11-20 16:00")) == at("2026-11-23 16:00"))
    }

    @Test func aPromiseEndsAtTheEndOfAPeriodNotAtTheStartOfTheNext() {
        #expect(cal.adding(workingMinutes: 420, to: at("2026-11-23 08:30")) == at("2026-11-23 17:30"))
        #expect(cal.adding(workingMinutes: 210, to: at("2026-11-23 08:30")) == at("2026-11-23 12:00"))
        #expect(cal.adding(workingMinutes: 211, to: at("2026-11-23 08:30")) == at("2026-11-23 14:01"))
    }

    @Test func timeOutsideWorkingHoursStartsCountingAtTheNextPeriod() {
        // Saturday evening: counting starts Monday 08:30.
        #expect(cal.adding(workingMinutes: 60, to: at("2026-11-21 19:00")) == at("2026-11-23 09:30"))
        // Lunch break.
        #expect(cal.adding(workingMinutes: 30, to: at("2026-11-23 12:40")) == at("2026-11-23 14:30"))
    }

    @Test func theDayBeforeNationalDayIsDueAfterTheHoliday() {
        // 2026-09-30 is a Wednesday; 10/1–10/7 off; 10/8 a Thursday.
        #expect(cal.adding(workingMinutes: 420, to: at("2026-09-30 10:00")) == at("2026-10-08 10:00"))
    }

    @Test func makeUpSaturdaysAndSundaysAreWorkingDays() {
        // 10/10 (Sat) and 9/20 (Sun) are worked in 2026.
        #expect(cal.isWorkingDay(LocalDate(2026, 10, 10)))
        #expect(cal.isWorkingDay(LocalDate(2026, 9, 20)))
        #expect(cal.adding(workingMinutes: 420, to: at("2026-10-09 10:00")) == at("2026-10-10 10:00"))
        #expect(cal.adding(workingMinutes: 420, to: at("2026-09-18 16:00")) == at("2026-09-20 16:00"))
        #expect(cal.adding(workingMinutes: 3 * 420, to: at("2026-09-30 10:00")) == at("2026-10-10 10:00"))
    }

    @Test func official2026HolidaysAreDaysOff() {
        for d in [LocalDate(2026, 1, 1), LocalDate(2026, 2, 16), LocalDate(2026, 2, 23), LocalDate(2026, 4, 6),
                  LocalDate(2026, 5, 5), LocalDate(2026, 6, 19), LocalDate(2026, 9, 25), LocalDate(2026, 10, 7)] {
            #expect(!cal.isWorkingDay(d), "\(d)")
        }
        for d in [LocalDate(2026, 1, 4), LocalDate(2026, 2, 14), LocalDate(2026, 2, 28), LocalDate(2026, 5, 9)] {
            #expect(cal.isWorkingDay(d), "\(d)")
        }
        #expect(cal.isWorkingDay(LocalDate(2026, 2, 24)))
    }

    @Test func yearsWithoutDataFallBackToWeekendsAndSayWhichYearsAreMissing() {
        // 2027-10-01 is a Friday: without 2027's data it counts as a working day.
        #expect(cal.isWorkingDay(LocalDate(2027, 10, 1)))
        #expect(!cal.isWorkingDay(LocalDate(2027, 10, 2)))
        #expect(cal.warnings(for: [2026, 2027]) == [Problem("hotline.calendar.year_missing", ["2027"], field: "calendar")])
        var s = HotlineSettings()
        #expect(s.warnings(today: LocalDate(2026, 11, 23)).map(\.args) == [["2027"]])
        s.calendar.yearsEntered.append(2027)
        #expect(s.warnings(today: LocalDate(2026, 11, 23)).isEmpty)
    }

    @Test func workingMinutesBetweenMatchesCountingMinuteByMinute() {
        var rng = SplitMix64(seed: 7)
        let base = at("2026-09-15 00:00").minutes
        for _ in 0..<25 {
            let a = LocalDateTime(minutes: base + Int.random(in: 0..<(40 * 1440), using: &rng))
            let b = a.adding(minutes: Int.random(in: 0..<(4 * 1440), using: &rng))
            #expect(cal.workingMinutes(from: a, to: b) == SlowCalendar.workingMinutes(cal, from: a, to: b), "\(a) → \(b)")
            #expect(cal.workingMinutes(from: b, to: a) == -cal.workingMinutes(from: a, to: b))
        }
    }

    @Test func addingWorkingMinutesIsTheInverseOfCountingThem() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<200 {
            let a = LocalDateTime(minutes: at("2026-01-01 00:00").minutes + Int.random(in: 0..<(365 * 1440), using: &rng))
            let n = Int.random(in: 1...5000, using: &rng)
            let b = cal.adding(workingMinutes: n, to: a)
            #expect(cal.workingMinutes(from: a, to: b) == n)
            // The earliest such moment: one minute earlier falls short.
            #expect(cal.workingMinutes(from: a, to: b.adding(minutes: -1)) == n - 1)
            #expect(cal.isWorkingTime(b.adding(minutes: -1)))
        }
    }

    @Test func isWorkingTimeAndNextWorkingStart() {
        #expect(cal.isWorkingTime(at("2026-11-23 08:30")))
        #expect(!cal.isWorkingTime(at("2026-11-23 12:00")))
        #expect(cal.isWorkingTime(at("2026-11-23 17:29")))
        #expect(!cal.isWorkingTime(at("2026-11-23 17:30")))
        #expect(cal.nextWorkingStart(from: at("2026-11-23 12:10")) == at("2026-11-23 14:00"))
        #expect(cal.nextWorkingStart(from: at("2026-11-20 18:00")) == at("2026-11-23 08:30"))
        #expect(cal.nextWorkingStart(from: at("2026-09-30 18:00")) == at("2026-10-08 08:30"))
        #expect(cal.nextWorkingStart(from: at("2026-11-23 10:15")) == at("2026-11-23 10:15"))
    }

    @Test func hoursAreConfigurableWithSeveralPeriodsADay() {
        var c = WorkCalendar.official
        // Saturdays open in the morning only; weekdays with three periods.
        let three = [WorkPeriod(LocalTime(8, 0), LocalTime(11, 0)), WorkPeriod(LocalTime(13, 0), LocalTime(16, 0)),
                     WorkPeriod(LocalTime(19, 0), LocalTime(20, 0))]
        c.week = [three, three, three, three, three, [WorkPeriod(LocalTime(9, 0), LocalTime(12, 0))], []]
        #expect(c.minutesPerDay == 420)
        #expect(c.adding(workingMinutes: 60, to: at("2026-11-20 19:30")) == at("2026-11-21 09:30"))
        #expect(c.problems().isEmpty)
        let copy = c
        c.week[0] = [WorkPeriod(LocalTime(12, 0), LocalTime(9, 0))]
        #expect(!c.problems().isEmpty)
        #expect(copy != c)
    }

    @Test func theCalendarSurvivesTheLogAsJSON() throws {
        let json = try JSONCoding.encode(HotlineSettings())
        let back = try JSONCoding.decode(HotlineSettings.self, from: json)
        #expect(back == HotlineSettings())
        #expect(back.calendar.adding(workingMinutes: 420, to: at("2026-09-30 10:00")) == at("2026-10-08 10:00"))
    }

    @Test func settingsWrittenBeforeTheHotlineFieldsExistedStillRead() throws {
        let old = try JSONCoding.decode(HotlineSettings.self, from: try JSON.parse("{}"))
        #expect(old == HotlineSettings())
    }

    @Test func workingDaysCountsBothEnds() {
        #expect(cal.workingDays(from: LocalDate(2026, 11, 20), through: LocalDate(2026, 11, 23)) == 2)
        #expect(cal.workingDays(from: LocalDate(2026, 9, 30), through: LocalDate(2026, 10, 10)) == 4)
        #expect(cal.adding(workingDays: 3, to: LocalDate(2026, 11, 20)) == LocalDate(2026, 11, 25))
    }
}
