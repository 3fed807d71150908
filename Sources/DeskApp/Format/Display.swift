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

    /// A weekly slot: `周一 09:00-11:00` (weekday 0 = Monday).
    public func weekly(_ weekday: Int, _ s: TimeSpan) -> String { "\(text("app.weekday.\(weekday)")) \(span(s))" }

    /// `2026-09-01–2027-01-15`
    public func period(_ p: Period) -> String { "\(date(p.start))–\(date(p.end))" }

    /// `11月23日 09:30`
    public func dateTime(_ dt: LocalDateTime) -> String { "\(shortDate(dt.date)) \(time(dt.time))" }

    /// `11月23日 09:30` in `today`'s year, else with the year: `2025年11月27日 09:32` / `Nov 27, 2025 09:32`
    /// (a history that reaches back into last year must not read as a date to come).
    public func dateTime(_ dt: LocalDateTime, today: LocalDate) -> String {
        guard dt.date.year != today.year else { return dateTime(dt) }
        let d = dt.date
        let day = text.lang == .zh ? "\(d.year)年\(d.month)月\(d.day)日" : "\(Self.months[d.month - 1]) \(d.day), \(d.year)"
        return "\(day) \(time(dt.time))"
    }

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

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}

