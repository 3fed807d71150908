/// An inclusive range of dates: a week, month, quarter, year or custom span.
public struct Period: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: LocalDate
    public var end: LocalDate

    public init(start: LocalDate, end: LocalDate) {
        self.start = start
        self.end = end
    }

    public static func month(_ year: Int, _ month: Int) -> Period {
        let s = LocalDate(year, month, 1)
        return Period(start: s, end: s.lastOfMonth)
    }

    public static func quarter(_ year: Int, _ q: Int) -> Period {
        let s = LocalDate(year, (q - 1) * 3 + 1, 1)
        return Period(start: s, end: s.adding(months: 2).lastOfMonth)
    }

    public static func year(_ year: Int) -> Period { Period(start: LocalDate(year, 1, 1), end: LocalDate(year, 12, 31)) }

    public static func week(containing d: LocalDate) -> Period {
        Period(start: d.startOfWeek, end: d.startOfWeek.adding(days: 6))
    }

    public func contains(_ d: LocalDate) -> Bool { start <= d && d <= end }
    public var dayCount: Int { end.dayNumber - start.dayNumber + 1 }
    public var days: ClosedRange<LocalDate> { start...end }

    /// The same span one year earlier (for "same period last year").
    public var yearEarlier: Period {
        Period(start: start.adding(months: -12), end: end.adding(months: -12))
    }

    /// Calendar months overlapping this period, as their first days.
    public var months: [LocalDate] {
        var out: [LocalDate] = []
        var m = start.firstOfMonth
        while m <= end { out.append(m); m = m.adding(months: 1) }
        return out
    }

    public var description: String { "\(start)…\(end)" }
}
