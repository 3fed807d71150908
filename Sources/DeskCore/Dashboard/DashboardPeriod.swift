/// The span a supervisor looks at: a calendar week, month, quarter or year
/// (the 周例会、月检查、季总结 and the annual report), or any custom span.
///
/// The current week/month/quarter/year runs to today (本月至今): figures for
/// days not yet lived would only dilute the comparison with the same span a
/// year earlier, which is cut the same way.
public struct DashboardPeriod: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case week, month, quarter, year, custom
    }

    public var kind: Kind
    public var period: Period

    public init(kind: Kind, period: Period) {
        self.kind = kind
        self.period = period
    }

    /// The week/month/quarter/year containing `today`, up to `today`.
    public static func current(_ kind: Kind, today: LocalDate) -> DashboardPeriod {
        DashboardPeriod(kind: kind, period: whole(kind, containing: today)).clipped(to: today)
    }

    /// The whole calendar unit of `kind` containing `date` (custom: that day).
    public static func whole(_ kind: Kind, containing date: LocalDate) -> Period {
        switch kind {
        case .week: return .week(containing: date)
        case .month: return .month(date.year, date.month)
        case .quarter: return .quarter(date.year, (date.month - 1) / 3 + 1)
        case .year: return .year(date.year)
        case .custom: return Period(start: date, end: date)
        }
    }

    /// The unit before (`steps` < 0) or after this one, whole, and cut at
    /// `today` if it reaches past it. A custom span moves by its own length.
    public func moved(by steps: Int, today: LocalDate) -> DashboardPeriod {
        let start: LocalDate
        switch kind {
        case .week: start = period.start.startOfWeek.adding(days: 7 * steps)
        case .month: start = period.start.firstOfMonth.adding(months: steps)
        case .quarter: start = period.start.firstOfMonth.adding(months: 3 * steps)
        case .year: start = LocalDate(period.start.year + steps, 1, 1)
        case .custom:
            let n = period.dayCount * steps
            return DashboardPeriod(kind: .custom, period: Period(start: period.start.adding(days: n), end: period.end.adding(days: n)))
        }
        return DashboardPeriod(kind: kind, period: Self.whole(kind, containing: start)).clipped(to: today)
    }

    /// The same span one year earlier (去年同期), cut the same way.
    public var yearEarlier: DashboardPeriod { DashboardPeriod(kind: kind, period: period.yearEarlier) }

    func clipped(to today: LocalDate) -> DashboardPeriod {
        guard period.start <= today, today < period.end else { return self }
        return DashboardPeriod(kind: kind, period: Period(start: period.start, end: today))
    }

    /// The name a report file and the export record use: `2026-10`,
    /// `2026Q3`, `2026`, `2026-W47`, `2026-10-01_2026-12-31`.
    public var code: String {
        let s = period.start
        switch kind {
        case .month: return "\(s.year)-\(s.month < 10 ? "0" : "")\(s.month)"
        case .quarter: return "\(s.year)Q\((s.month - 1) / 3 + 1)"
        case .year: return "\(s.year)"
        case .week:
            let (y, w) = Self.isoWeek(s)
            return "\(y)-W\(w < 10 ? "0" : "")\(w)"
        case .custom: return "\(period.start)_\(period.end)"
        }
    }

    /// Reads what a user types for a report: a month `2026-10`, a quarter
    /// `2026Q3` (or `2026-Q3`), a year `2026`, or a span `2026-10-01..2026-12-31`.
    /// `kind` says which is meant (nil: whichever the text is).
    public static func parse(_ text: String, as kind: Kind? = nil) -> DashboardPeriod? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        if let kind, kind != parsedKind(t) { return nil }
        switch parsedKind(t) {
        case .year?:
            guard let y = Int(t), (1900...9999).contains(y) else { return nil }
            return DashboardPeriod(kind: .year, period: .year(y))
        case .quarter?:
            let parts = t.replacingOccurrences(of: "-", with: "").split(separator: "Q")
            guard parts.count == 2, let y = Int(parts[0]), let q = Int(parts[1]), (1900...9999).contains(y), (1...4).contains(q) else { return nil }
            return DashboardPeriod(kind: .quarter, period: .quarter(y, q))
        case .month?:
            let parts = t.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
            guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]), (1900...9999).contains(y), (1...12).contains(m) else { return nil }
            return DashboardPeriod(kind: .month, period: .month(y, m))
        case .custom?:
            let parts = t.components(separatedBy: "..").flatMap { $0.components(separatedBy: "_") }.filter { !$0.isEmpty }
            guard parts.count == 2, let a = LocalDate(parts[0]), let b = LocalDate(parts[1]), a <= b else { return nil }
            return DashboardPeriod(kind: .custom, period: Period(start: a, end: b))
        case .week?, nil:
            return nil
        }
    }

    private static func parsedKind(_ t: String) -> Kind? {
        if t.contains("..") || t.contains("_") { return .custom }
        if t.contains("Q") { return .quarter }
        if t.count == 4, Int(t) != nil { return .year }
        if t.contains("-") || t.contains("/") || t.contains(".") { return .month }
        return nil
    }

    /// ISO 8601 week-numbering year and week of `d`.
    public static func isoWeek(_ d: LocalDate) -> (year: Int, week: Int) {
        let thursday = d.startOfWeek.adding(days: 3)
        let firstThursday = Period.week(containing: LocalDate(thursday.year, 1, 4)).start.adding(days: 3)
        return (thursday.year, firstThursday.distance(to: thursday) / 7 + 1)
    }
}

extension Period {
    /// Monday-to-Sunday weeks overlapping the period, each cut to it: the
    /// buckets of the dashboard's weekly trend lines.
    public var weeks: [Period] {
        var out: [Period] = []
        var s = start.startOfWeek
        while s <= end {
            out.append(Period(start: max(s, start), end: min(s.adding(days: 6), end)))
            s = s.adding(days: 7)
        }
        return out
    }
}
