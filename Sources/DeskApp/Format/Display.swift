import DeskCore

/// The one place that turns dates, times, money, roles and personal numbers
/// into text for the screen, in the session's language.
public struct Display: Sendable {
    public let text: Localizer

    public init(_ text: Localizer) { self.text = text }

    /// `2026-11-23`
    public func date(_ d: LocalDate) -> String { d.description }

    /// `11月23日` / `Nov 23`
    public func shortDate(_ d: LocalDate) -> String {
        text.lang == .zh ? "\(d.month)月\(d.day)日" : "\(Self.months[d.month - 1]) \(d.day)"
    }

    /// `11月23日` in `today`'s year, else with the year: `2025年12月8日` / `Dec 8, 2025`
    /// (a date of another year must not read as one of this year).
    public func shortDate(_ d: LocalDate, today: LocalDate) -> String {
        guard d.year != today.year else { return shortDate(d) }
        return text.lang == .zh ? "\(d.year)年\(d.month)月\(d.day)日" : "\(Self.months[d.month - 1]) \(d.day), \(d.year)"
    }

    /// `2026年11月23日 周一` / `Mon 23 Nov 2026`
    public func longDate(_ d: LocalDate) -> String {
        text.lang == .zh ? "\(d.year)年\(d.month)月\(d.day)日 \(weekday(d))"
            : "\(weekday(d)) \(d.day) \(Self.months[d.month - 1]) \(d.year)"
    }

    /// `周一` / `Mon`
    public func weekday(_ d: LocalDate) -> String { text("app.weekday.\(d.weekday)") }

    public func time(_ t: LocalTime) -> String { t.description }

    /// `09:00-10:30`
    public func span(_ s: TimeSpan) -> String { "\(time(s.start))-\(time(s.end))" }

    /// `11月23日 周一` / `Nov 23 Mon`
    public func dayLabel(_ d: LocalDate) -> String { "\(shortDate(d)) \(weekday(d))" }

    /// `11月23日 周一` in `today`'s year, else `2027年1月12日 周二` / `Jan 12, 2027 Tue`.
    public func dayLabel(_ d: LocalDate, today: LocalDate) -> String { "\(shortDate(d, today: today)) \(weekday(d))" }

    /// A weekly slot: `周一 09:00-11:00` (weekday 0 = Monday).
    public func weekly(_ weekday: Int, _ s: TimeSpan) -> String { "\(text("app.weekday.\(weekday)")) \(span(s))" }

    /// `2026-09-01–2027-01-15`
    public func period(_ p: Period) -> String { "\(date(p.start))–\(date(p.end))" }

    /// `11月23日 09:30`
    public func dateTime(_ dt: LocalDateTime) -> String { "\(shortDate(dt.date)) \(time(dt.time))" }

    /// `11月23日 09:30` in `today`'s year, else with the year: `2025年11月27日 09:32` / `Nov 27, 2025 09:32`
    /// (a history that reaches back into last year must not read as a date to come).
    public func dateTime(_ dt: LocalDateTime, today: LocalDate) -> String { "\(shortDate(dt.date, today: today)) \(time(dt.time))" }

    /// Relative to `today`: 今天 / 明天 / 昨天 / 3天后 / 逾期2天 style words.
    public func relative(_ d: LocalDate, today: LocalDate) -> String {
        let n = today.distance(to: d)
        switch n {
        case 0: return text("app.day.today")
        case 1: return text("app.day.tomorrow")
        case -1: return text("app.day.yesterday")
        case 2...: return text("app.day.in_days", n)
        default: return text("app.day.days_ago", -n)
        }
    }

    /// A deadline seen from today: `逾期 3 天`, `今天到期`, `还剩 2 天`.
    public func deadline(daysLeft n: Int) -> String {
        n < 0 ? text("visits.days_overdue", -n) : n == 0 ? text("visits.due_today") : text("visits.days_left", n)
    }

    /// `11月25日 周三`
    public func dayAndWeekday(_ d: LocalDate) -> String { "\(shortDate(d)) \(weekday(d))" }

    /// `¥1,200.00`
    public func money(_ m: Money) -> String { "¥" + m.description }

    public func role(_ r: Role) -> String { text("role.\(r.rawValue)") }

    /// A phone number as this session may see it: whole only with the
    /// personal-details permission and `inFile` (lists always mask).
    public func phone(_ p: String?, whole: Bool) -> String {
        guard let p, !p.isEmpty else { return "" }
        return whole ? p : PhoneNumber.masked(p)
    }

    /// A resident ID number: `1101**********123X` unless shown whole.
    public func idNumber(_ n: String?, whole: Bool) -> String {
        guard let n, !n.isEmpty else { return "" }
        return whole ? n : ResidentID.masked(n)
    }

    /// `4,180` (thousands grouped, as the field reports write them).
    public func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// `97.3%`; `—` when there is nothing to divide by.
    public func percent(_ p: Double?) -> String {
        guard let p, p.isFinite else { return "—" }
        return oneDecimal(p) + "%"
    }

    /// A change between two counts: `+3`, `−2`, `0`.
    public func change(_ n: Int) -> String { n > 0 ? "+" + count(n) : n < 0 ? "−" + count(-n) : "0" }

    /// A change between two percentages in points: `+1.5`, `−0.3`.
    public func pointChange(_ a: Double?, _ b: Double?) -> String {
        guard let a, let b, a.isFinite, b.isFinite else { return "" }
        let d = ((a - b) * 10).rounded() / 10
        return d > 0 ? "+" + oneDecimal(d) : d < 0 ? "−" + oneDecimal(-d) : "0"
    }

    /// Minutes as hours with one decimal: `12.5小时` / `12.5 h`; `—` for none.
    public func hours(_ minutes: Int?) -> String {
        guard let minutes else { return "—" }
        return text("dashboard.unit.hours", oneDecimal(Double(minutes) / 60))
    }

    /// An average age: `82.4岁` / `82.4 yrs`; `—` for none.
    public func years(_ y: Double?) -> String {
        guard let y, y.isFinite else { return "—" }
        return text("dashboard.unit.years", oneDecimal(y))
    }

    /// `2026年10月` / `Oct 2026`.
    public func month(_ d: LocalDate) -> String {
        text.lang == .zh ? "\(d.year)年\(d.month)月" : "\(Self.months[d.month - 1]) \(d.year)"
    }

    /// A dashboard period as its title says it: `本月 11月1日—11月23日`,
    /// `2026年10月`, `2026年第3季度`, `2026年`, `自定义 2025-12-15—2026-01-20`.
    public func period(_ p: DashboardPeriod, today: LocalDate) -> String {
        let span = p.period.start.year == p.period.end.year
            ? "\(shortDate(p.period.start))—\(shortDate(p.period.end))" : "\(date(p.period.start))—\(date(p.period.end))"
        let current = DashboardPeriod.whole(p.kind, containing: today) == DashboardPeriod.whole(p.kind, containing: p.period.start)
        let s = p.period.start
        switch p.kind {
        case .week: return text(current ? "dashboard.period.this_week" : "dashboard.period.week", span)
        case .month: return current ? text("dashboard.period.this_month", span) : month(s)
        case .quarter: return text(current ? "dashboard.period.this_quarter" : "dashboard.period.quarter", s.year, (s.month - 1) / 3 + 1, span)
        case .year: return text(current ? "dashboard.period.this_year" : "dashboard.period.year", s.year, span)
        case .custom: return text("dashboard.period.custom", span)
        }
    }

    /// The same period a year earlier, as a column heading: `去年同期 10月1日—10月31日`.
    public func lastYear(_ p: DashboardPeriod) -> String {
        let q = p.yearEarlier.period
        return text("dashboard.period.last_year", q.start.year == q.end.year
            ? "\(q.start.year) \(shortDate(q.start))—\(shortDate(q.end))" : "\(date(q.start))—\(date(q.end))")
    }

    /// A report's period as its title names it: `2026年10月`, `2026年第3季度`, `2026年`,
    /// `2026年第47周`, `2025-12-15至2026-01-20`.
    public func reportPeriod(_ p: DashboardPeriod) -> String {
        let s = p.period.start
        switch p.kind {
        case .month: return month(s)
        case .quarter: return text("dashboard.report.quarter", s.year, (s.month - 1) / 3 + 1)
        case .year: return text("dashboard.report.year", s.year)
        case .week:
            let (y, w) = DashboardPeriod.isoWeek(s)
            return text("dashboard.report.week", y, w)
        case .custom: return text("dashboard.report.span", date(p.period.start), date(p.period.end))
        }
    }

    private func oneDecimal(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        return (tenths < 0 ? "-" : "") + "\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}

