/// Deadlines are never stored: they are computed from the ticket's facts
/// (opening time, promise, manual deadline, clock stops) on the calendar in
/// force, so a category change, a new holiday or a pause all count at once.
///
/// Time is measured on a ruler: working minutes on the calendar (the ruler
/// stands still at night, at weekends and on holidays) or clock minutes for
/// 紧急. Time left = the anchor + time stopped since the anchor − now, where
/// the anchor is opening + promise (or a deadline set by hand).
struct DeadlineRuler {
    /// The calendar's compiled table (a reference: cheaper to hold than the calendar).
    let table: WorkCalendar.Table
    let measure: TimeMeasure

    init(calendar: WorkCalendar, measure: TimeMeasure) {
        table = calendar.compiled
        self.measure = measure
    }

    func position(_ t: LocalDateTime) -> Int { measure == .clock ? t.minutes : table.position(of: t) }
    func time(_ p: Int) -> LocalDateTime { measure == .clock ? LocalDateTime(minutes: p) : table.dateTime(atPosition: p) }

    /// Measured time within [from, t] during which the clock stood still.
    func stopped(_ stops: [ClockStop], from: LocalDateTime, to t: LocalDateTime) -> Int {
        var sum = 0
        for s in stops {
            let a = max(s.from, from), b = min(s.to ?? t, t)
            if b > a { sum += position(b) - position(a) }
        }
        return sum
    }
}

/// Where a ticket stands against one of its promises at a given moment.
public struct DeadlineStatus: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case response, completion }
    public var kind: Kind
    /// When it falls due (nil while the clock is stopped: it moves on resume).
    public var due: LocalDateTime?
    /// Time left (negative: overdue by), frozen while stopped.
    public var left: WorkDuration
    public var paused: Bool
    public var level: WarningLevel
    /// Set by hand rather than by the category's promise.
    public var manual: Bool
    /// 逾期第 N 个工作日 (1 on the working day it fell due); 0 when not overdue.
    public var overdueDay: Int
}

public enum WarningLevel: Int, Sendable, Hashable, Comparable {
    case ok, dueSoon, overdue
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

extension Ticket {
    /// The stop in progress at `t`, if the clock stands still then.
    func currentStop(at t: LocalDateTime) -> ClockStop? {
        guard let last = stops.last, last.to == nil, last.from <= t else { return nil }
        return last
    }

    /// Time left on the completion promise at `t` (negative: overdue), in the ticket's measure.
    func completionLeft(at t: LocalDateTime, calendar: WorkCalendar) -> Int {
        let r = DeadlineRuler(calendar: calendar, measure: promise.measure)
        let (anchor, since) = completionAnchor(r)
        return anchor + r.stopped(stops, from: since, to: t) - r.position(t)
    }

    private func completionAnchor(_ r: DeadlineRuler) -> (position: Int, since: LocalDateTime) {
        if let m = manualDeadline { return (r.position(m.due), m.setAt) }
        return (r.position(openedAt) + promise.completionMinutes, openedAt)
    }

    /// Was it resolved within the promise (as the promise stood)? nil if not resolved.
    public func resolvedInTime(calendar: WorkCalendar) -> Bool? {
        guard let at = resolvedAt, !status.isOpen else { return nil }
        return completionLeft(at: at, calendar: calendar) >= 0
    }

    /// The completion deadline at `now`; nil once resolved or voided.
    public func completion(at now: LocalDateTime, settings: HotlineSettings) -> DeadlineStatus? {
        guard isOpen else { return nil }
        let r = DeadlineRuler(calendar: settings.calendar, measure: promise.measure)
        let (anchor, since) = completionAnchor(r)
        let extra = r.stopped(stops, from: since, to: now)
        var due: LocalDateTime? = nil
        if currentStop(at: now) == nil {
            // A deadline set by hand keeps its exact time until a stop moves it.
            if let m = manualDeadline, extra == 0 { due = m.due } else { due = r.time(anchor + extra) }
        }
        return status(.completion, due: due, left: anchor + extra - r.position(now), now: now, settings: settings,
                      manual: manualDeadline != nil)
    }

    /// The first-response deadline at `now`; nil once someone responded.
    public func response(at now: LocalDateTime, settings: HotlineSettings) -> DeadlineStatus? {
        guard isOpen, firstResponseAt == nil else { return nil }
        let r = DeadlineRuler(calendar: settings.calendar, measure: promise.measure)
        let anchor = r.position(openedAt) + promise.responseMinutes
        let extra = r.stopped(stops, from: openedAt, to: now)
        let due: LocalDateTime? = currentStop(at: now) == nil ? r.time(anchor + extra) : nil
        return status(.response, due: due, left: anchor + extra - r.position(now), now: now, settings: settings, manual: false)
    }

    private func status(_ kind: DeadlineStatus.Kind, due: LocalDateTime?, left: Int, now: LocalDateTime,
                        settings: HotlineSettings, manual: Bool) -> DeadlineStatus {
        let perDay = promise.measure == .clock ? 1440 : settings.calendar.minutesPerDay
        var level = WarningLevel.ok
        var day = 0
        if let due {
            if left < 0 || now > due {
                level = .overdue
                day = max(1, settings.calendar.workingDays(from: due.date, through: now.date))
            } else if left <= settings.dueSoonMinutes {
                level = .dueSoon
            }
        }
        return DeadlineStatus(kind: kind, due: due, left: WorkDuration(minutes: left, minutesPerDay: perDay),
                              paused: due == nil, level: level, manual: manual, overdueDay: day)
    }

    /// The deadline to act on now: a pending first response if it is the
    /// more pressing, else completion.
    public func nextDeadline(at now: LocalDateTime, settings: HotlineSettings) -> DeadlineStatus? {
        Ticket.pressing(response(at: now, settings: settings), completion(at: now, settings: settings))
    }

    static func pressing(_ r: DeadlineStatus?, _ c: DeadlineStatus?) -> DeadlineStatus? {
        guard let r else { return c }
        guard let c else { return r }
        return (r.level, -r.left.minutes) > (c.level, -c.left.minutes) ? r : c
    }
}

extension HotlineSettings {
    /// The completion time promised to a caller for a ticket opened at `openedAt`
    /// (read back on the phone: "将于 11月24日 17:00 前办结").
    public func promisedCompletion(category: String, priority: TicketPriority, openedAt: LocalDateTime) -> LocalDateTime? {
        guard let p = promise(category: category, priority: priority) else { return nil }
        let r = DeadlineRuler(calendar: calendar, measure: p.measure)
        return r.time(r.position(openedAt) + p.completionMinutes)
    }
}
