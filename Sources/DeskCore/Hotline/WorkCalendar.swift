import DeskLog

/// The centre's working calendar: working hours per weekday, public holidays
/// and make-up working days (调休). Ticket deadlines (限时办结) are counted on it.
///
/// Every question is answered from a compiled table of cumulative working
/// minutes per day, so "add N working minutes", "working minutes between" and
/// "is it working time" are O(1) or a binary search, whatever the span: a
/// deadline for 10,000 open tickets is a few milliseconds.
///
/// The table covers `WorkCalendar.firstDay ... lastDay` (2000–2100); times
/// outside are clamped to its ends.
public struct WorkCalendar: Sendable, Codable, Hashable {
    /// Working periods for Monday (index 0) … Sunday (6). Several per day
    /// (morning and afternoon); an empty list = a day off.
    public var week: [[WorkPeriod]] { didSet { compile() } }
    /// Public holidays: no work even on a weekday.
    public var holidays: [CalendarDay] { didSet { compile() } }
    /// Make-up working days (调休): worked even on a weekend, with the hours of
    /// `makeUpWeekday`.
    public var workdays: [CalendarDay] { didSet { compile() } }
    /// Which weekday's hours a make-up day follows (0 = Monday).
    public var makeUpWeekday: Int { didSet { compile() } }
    /// Years whose official holidays and make-up days have been entered. For
    /// other years only weekends are days off, and `warnings` says so.
    public var yearsEntered: [Int] { didSet { compile() } }

    private var table: Table

    public init(week: [[WorkPeriod]] = WorkCalendar.standardWeek, holidays: [CalendarDay] = [],
                workdays: [CalendarDay] = [], makeUpWeekday: Int = 0, yearsEntered: [Int] = []) {
        self.week = week
        self.holidays = holidays
        self.workdays = workdays
        self.makeUpWeekday = makeUpWeekday
        self.yearsEntered = yearsEntered
        table = Table(week: week, holidays: holidays, workdays: workdays, makeUpWeekday: makeUpWeekday)
    }

    /// Mon–Fri 08:30–12:00 and 14:00–17:30: the usual hours of a government service centre.
    public static let standardWeek: [[WorkPeriod]] = {
        let day = [WorkPeriod(LocalTime(8, 30), LocalTime(12, 0)), WorkPeriod(LocalTime(14, 0), LocalTime(17, 30))]
        return [day, day, day, day, day, [], []]
    }()

    /// The standard week with the official holidays shipped with this build.
    public static let official = WorkCalendar(holidays: OfficialHolidays.holidays, workdays: OfficialHolidays.workdays,
                                              yearsEntered: OfficialHolidays.years)

    private mutating func compile() {
        table = Table(week: week, holidays: holidays, workdays: workdays, makeUpWeekday: makeUpWeekday)
    }

    // MARK: Questions

    /// Working minutes in one standard working day (a "working day" in
    /// durations such as "逾期 1天2小时"): the longest weekday's total.
    public var minutesPerDay: Int { table.minutesPerDay }

    public func isWorkingDay(_ date: LocalDate) -> Bool { table.total(ofDay: table.index(date)) > 0 }

    /// The working periods on `date` (empty on a day off).
    public func periods(on date: LocalDate) -> [WorkPeriod] { table.schedules[Int(table.schedule[table.index(date)])] }

    public func isWorkingTime(_ t: LocalDateTime) -> Bool {
        periods(on: t.date).contains { $0.start.minuteOfDay <= t.time.minuteOfDay && t.time.minuteOfDay < $0.end.minuteOfDay }
    }

    /// `t` itself if it is working time, else the start of the next working period.
    public func nextWorkingStart(from t: LocalDateTime) -> LocalDateTime {
        if isWorkingTime(t) { return t }
        // The earliest moment whose position is one minute past t's, less that minute.
        return dateTime(atPosition: position(of: t) + 1).adding(minutes: -1)
    }

    /// `t` plus `minutes` of working time. Ends at the end of a working period
    /// rather than the start of the next one (a one-day promise made Monday
    /// 08:30 is due Monday 17:30, not Tuesday 08:30). Negative counts go back.
    public func adding(workingMinutes minutes: Int, to t: LocalDateTime) -> LocalDateTime {
        if minutes == 0 { return t }
        return dateTime(atPosition: position(of: t) + minutes)
    }

    /// Working minutes from `a` to `b` (negative when `b` is earlier).
    public func workingMinutes(from a: LocalDateTime, to b: LocalDateTime) -> Int { position(of: b) - position(of: a) }

    /// Working days from `a` through `b`, both included (0 if `b` < `a`).
    public func workingDays(from a: LocalDate, through b: LocalDate) -> Int {
        guard a <= b else { return 0 }
        let i = table.index(a), j = table.index(b)
        return Int(table.cumulativeDays[j + 1] - table.cumulativeDays[i])
    }

    /// The date `n` working days after `date` (the next working day for n = 1).
    public func adding(workingDays n: Int, to date: LocalDate) -> LocalDate {
        var d = date, left = n
        while left > 0 {
            d = d.adding(days: 1)
            if isWorkingDay(d) { left -= 1 }
            if d.dayNumber > WorkCalendar.lastDay.dayNumber { return d }
        }
        return d
    }

    /// Years from `years` without entered holidays: their deadlines count
    /// weekends only. The settings screen shows this to the admin.
    public func warnings(for years: [Int]) -> [Problem] {
        years.filter { !yearsEntered.contains($0) }.map { Problem("hotline.calendar.year_missing", [String($0)], field: "calendar") }
    }

    // MARK: Positions

    /// The running count of working minutes up to `t` (a monotone ruler: equal
    /// across nights, weekends and holidays).
    func position(of t: LocalDateTime) -> Int { table.position(of: t) }

    /// The earliest moment whose position is `w`.
    func dateTime(atPosition w: Int) -> LocalDateTime { table.dateTime(atPosition: w) }

    var compiled: Table { table }

    static let firstDay = LocalDate(2000, 1, 1)
    static let lastDay = LocalDate(2100, 12, 31)

    // MARK: Codable and Hashable over the data, not the compiled table

    enum CodingKeys: String, CodingKey { case week, holidays, workdays, makeUpWeekday, yearsEntered }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(week: try c.decode([[WorkPeriod]].self, forKey: .week),
                  holidays: try c.decode([CalendarDay].self, forKey: .holidays),
                  workdays: try c.decode([CalendarDay].self, forKey: .workdays),
                  makeUpWeekday: try c.decode(Int.self, forKey: .makeUpWeekday),
                  yearsEntered: try c.decode([Int].self, forKey: .yearsEntered))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(week, forKey: .week)
        try c.encode(holidays, forKey: .holidays)
        try c.encode(workdays, forKey: .workdays)
        try c.encode(makeUpWeekday, forKey: .makeUpWeekday)
        try c.encode(yearsEntered, forKey: .yearsEntered)
    }

    public static func == (a: WorkCalendar, b: WorkCalendar) -> Bool {
        a.week == b.week && a.holidays == b.holidays && a.workdays == b.workdays
            && a.makeUpWeekday == b.makeUpWeekday && a.yearsEntered == b.yearsEntered
    }

    public func hash(into h: inout Hasher) {
        h.combine(week)
        h.combine(holidays)
        h.combine(workdays)
        h.combine(makeUpWeekday)
        h.combine(yearsEntered)
    }

    /// Problems an admin must fix before saving (periods out of order or overlapping).
    public func problems() -> [Problem] {
        var out: [Problem] = []
        if week.count != 7 { out.append(Problem("hotline.calendar.week_days", field: "calendar")) }
        for (i, day) in week.enumerated() {
            var last = -1
            for p in day {
                if p.start >= p.end || p.start.minuteOfDay < last || p.end.minuteOfDay > 1440 {
                    out.append(Problem("hotline.calendar.bad_period", [String(i + 1), p.description], field: "calendar"))
                }
                last = p.end.minuteOfDay
            }
        }
        if !(0...6).contains(makeUpWeekday) || (week.count == 7 && week[makeUpWeekday].isEmpty) {
            out.append(Problem("hotline.calendar.make_up_hours", field: "calendar"))
        }
        if week.allSatisfy(\.isEmpty) { out.append(Problem("hotline.calendar.no_hours", field: "calendar")) }
        return out
    }
}

/// One working period of a day, e.g. 08:30–12:00.
public struct WorkPeriod: Sendable, Codable, Hashable, CustomStringConvertible {
    public var start: LocalTime
    public var end: LocalTime
    public init(_ start: LocalTime, _ end: LocalTime) {
        self.start = start
        self.end = end
    }
    public var minutes: Int { end.minuteOfDay - start.minuteOfDay }
    public var description: String { "\(start)–\(end)" }
}

/// A dated entry of the calendar: a holiday (元旦) or a make-up working day.
public struct CalendarDay: Sendable, Codable, Hashable {
    public var date: LocalDate
    /// Catalog key or free text, e.g. `hotline.holiday.national`.
    public var name: String
    public init(_ date: LocalDate, _ name: String) {
        self.date = date
        self.name = name
    }
}

extension WorkCalendar {
    /// The compiled form: per day, which schedule applies and the working
    /// minutes (and working days) before it. Immutable, shared between copies.
    final class Table: Sendable {
        /// Distinct schedules: 0 = day off, 1…7 = Monday…Sunday.
        let schedules: [[WorkPeriod]]
        /// Per day since `firstDay`: index into `schedules`.
        let schedule: [UInt8]
        /// Working minutes before day i (count = days + 1).
        let cumulative: [Int32]
        /// Working days before day i (count = days + 1).
        let cumulativeDays: [Int32]
        let minutesPerDay: Int

        init(week: [[WorkPeriod]], holidays: [CalendarDay], workdays: [CalendarDay], makeUpWeekday: Int) {
            let week = (0..<7).map { $0 < week.count ? week[$0].filter { $0.start < $0.end }.sorted { $0.start < $1.start } : [] }
            schedules = [[]] + week
            let first = WorkCalendar.firstDay.dayNumber
            let count = WorkCalendar.lastDay.dayNumber - first + 1
            var off = Set<Int>(), on = Set<Int>()
            for h in holidays { off.insert(h.date.dayNumber) }
            for w in workdays { on.insert(w.date.dayNumber) }
            let makeUp = UInt8((0...6).contains(makeUpWeekday) ? makeUpWeekday + 1 : 1)
            let totals = schedules.map { $0.reduce(0) { $0 + $1.minutes } }
            var sched = [UInt8](repeating: 0, count: count)
            var cum = [Int32](repeating: 0, count: count + 1)
            var days = [Int32](repeating: 0, count: count + 1)
            var weekday = CivilCalendar.weekdayIndex(dayNumber: first)
            for i in 0..<count {
                let d = first + i
                var s = UInt8(weekday + 1)
                if off.contains(d) { s = 0 } else if on.contains(d) { s = makeUp }
                sched[i] = s
                let t = totals[Int(s)]
                cum[i + 1] = cum[i] + Int32(t)
                days[i + 1] = days[i] + (t > 0 ? 1 : 0)
                weekday = weekday == 6 ? 0 : weekday + 1
            }
            schedule = sched
            cumulative = cum
            cumulativeDays = days
            minutesPerDay = max(1, totals.max() ?? 1)
        }

        func index(_ date: LocalDate) -> Int {
            min(max(date.dayNumber - WorkCalendar.firstDay.dayNumber, 0), schedule.count - 1)
        }

        func total(ofDay i: Int) -> Int { Int(cumulative[i + 1] - cumulative[i]) }

        /// The running count of working minutes up to `t` (a monotone ruler: equal
        /// across nights, weekends and holidays).
        func position(of t: LocalDateTime) -> Int {
            let i = index(t.date)
            if t.date.dayNumber < WorkCalendar.firstDay.dayNumber { return 0 }
            if t.date.dayNumber > WorkCalendar.lastDay.dayNumber { return Int(cumulative[i + 1]) }
            let m = t.time.minuteOfDay
            var worked = 0
            for p in schedules[Int(schedule[i])] {
                if m <= p.start.minuteOfDay { break }
                worked += min(m, p.end.minuteOfDay) - p.start.minuteOfDay
            }
            return Int(cumulative[i]) + worked
        }

        /// The earliest moment whose position is `w`.
        func dateTime(atPosition w: Int) -> LocalDateTime {
            let cum = cumulative
            if w <= 0 { return LocalDateTime(WorkCalendar.firstDay, LocalTime(minuteOfDay: 0)) }
            if w > Int(cum[cum.count - 1]) { return LocalDateTime(WorkCalendar.lastDay, LocalTime(minuteOfDay: 1439)) }
            // Smallest day i with cum[i+1] >= w; then cum[i] < w, so the day has work.
            var lo = 0, hi = cum.count - 2
            while lo < hi {
                let mid = (lo + hi) / 2
                if Int(cum[mid + 1]) >= w { hi = mid } else { lo = mid + 1 }
            }
            var remaining = w - Int(cum[lo])
            let date = LocalDate(dayNumber: WorkCalendar.firstDay.dayNumber + lo)
            for p in schedules[Int(schedule[lo])] {
                let length = p.end.minuteOfDay - p.start.minuteOfDay
                if remaining <= length { return LocalDateTime(date, LocalTime(minuteOfDay: p.start.minuteOfDay + remaining)) }
                remaining -= length
            }
            return LocalDateTime(date, LocalTime(minuteOfDay: 1439))  // unreachable: the day's total covers w
        }
    }
}
