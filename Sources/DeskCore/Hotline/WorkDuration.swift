/// A signed span of promised time: working minutes (a day = the calendar's
/// working day, e.g. 7 hours) or, for 紧急 tickets, clock minutes (a day = 24 h).
/// Screens show it as "剩 3小时20分" / "逾期 1天2小时".
public struct WorkDuration: Sendable, Hashable, Comparable {
    public var minutes: Int
    /// Minutes in one "day" of this measure.
    public var minutesPerDay: Int

    public init(minutes: Int, minutesPerDay: Int) {
        self.minutes = minutes
        self.minutesPerDay = max(1, minutesPerDay)
    }

    public static func < (a: Self, b: Self) -> Bool { a.minutes < b.minutes }

    public var isNegative: Bool { minutes < 0 }

    /// Whole days, hours and minutes of the magnitude.
    public var parts: (days: Int, hours: Int, minutes: Int) {
        let m = abs(minutes)
        let days = m / minutesPerDay, rest = m % minutesPerDay
        return (days, rest / 60, rest % 60)
    }

    /// The magnitude in words: "1天2小时", "3小时20分", "45分" (days drop the
    /// minutes: nobody needs "1天2小时5分" on a queue).
    public func text(_ l: Localizer) -> String {
        let (d, h, m) = parts
        if d > 0 { return h > 0 ? l("hotline.duration.dh", d, h) : l("hotline.duration.d", d) }
        if h > 0 { return m > 0 ? l("hotline.duration.hm", h, m) : l("hotline.duration.h", h) }
        return l("hotline.duration.m", m)
    }

    /// "剩 3小时20分" or "逾期 1天2小时".
    public func leftText(_ l: Localizer) -> String {
        minutes < 0 ? l("hotline.time.overdue_by", text(l)) : l("hotline.time.left", text(l))
    }
}

extension DeadlineStatus {
    /// What a queue shows in its time-left column: "剩 3小时20分",
    /// "逾期 1天2小时", "已逾期", or "暂停 · 剩 2小时" while waiting.
    public func text(_ l: Localizer) -> String {
        if paused { return l("hotline.time.paused", left.text(l)) }
        if level == .overdue && left.minutes >= 0 { return l("hotline.time.overdue") }
        return left.leftText(l)
    }
}

extension LocalDateTime {
    /// "11月24日 17:00", as read to a caller.
    public func monthDayTime(_ l: Localizer) -> String {
        l("hotline.date.month_day_time", date.month, date.day, time.description)
    }

    /// "将于 11月24日 17:00 前办结": a promised completion read back to the caller.
    public func promiseReadBack(_ l: Localizer) -> String { l("hotline.promise.read_back", monthDayTime(l)) }
}
