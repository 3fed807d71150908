/// Hotline figures for a period, for the supervisor's dashboard and reports.
/// Voided tickets count nowhere.
public struct HotlineStats: Sendable, Hashable {
    public struct Counts: Sendable, Hashable {
        /// Opened in the period.
        public var opened = 0
        /// Resolved in the period (by the date of the latest resolution of tickets now resolved).
        public var closed = 0
        /// Of `closed`, resolved within the promise (or the deadline set by hand).
        public var closedInTime = 0
        /// Median working minutes from opening to resolution, over `closed` (nil if none).
        public var medianWorkingMinutesToClose: Int?

        /// Percentage closed in time (nil if nothing closed).
        public var closedInTimePercent: Double? { closed == 0 ? nil : Double(closedInTime) * 100 / Double(closed) }
    }

    public var period: Period
    public var all = Counts()
    public var byCategory: [String: Counts] = [:]
    /// Open and overdue at the moment asked (`now`), whatever the period.
    public var openOverdueNow = 0
    /// Of the tickets closed in the period, how many have had their callback.
    public var callbackDone = 0
    /// Callbacks made in the period, by rating.
    public var ratings: [CallbackRating: Int] = [:]

    /// The tickets behind each figure, for drilling down from a dashboard.
    public var tickets: [HotlineFigure: [ID<Ticket>]] = [:]

    public var callbackDonePercent: Double? { all.closed == 0 ? nil : Double(callbackDone) * 100 / Double(all.closed) }
    /// How many callbacks the satisfaction figures rest on.
    public var ratedCount: Int { ratings.values.reduce(0, +) }
    /// % 满意 + 基本满意.
    public var satisfiedOrFairlyPercent: Double? {
        ratedCount == 0 ? nil : Double((ratings[.satisfied] ?? 0) + (ratings[.fairlySatisfied] ?? 0)) * 100 / Double(ratedCount)
    }
    /// % 满意.
    public var satisfiedPercent: Double? { ratedCount == 0 ? nil : Double(ratings[.satisfied] ?? 0) * 100 / Double(ratedCount) }
}

/// A figure whose tickets a dashboard can list.
public enum HotlineFigure: String, Sendable, Hashable, CaseIterable {
    case opened, closed, closedLate, openOverdueNow, closedWithoutCallback, dissatisfied
}

extension DeskState {
    /// Figures for `period`; "open overdue" as at `now`.
    public func hotlineStats(_ period: Period, now: LocalDateTime) -> HotlineStats {
        let s = settings.hotline
        var stats = HotlineStats(period: period)
        var minutes: [String: [Int]] = [:]
        var allMinutes: [Int] = []
        func count(_ ticket: UnsafePointer<Ticket>) {
            // Fields are read through the pointer: binding the ticket to a
            // name copied it (every field retained) on each call.
            guard ticket.pointee.voided == nil else { return }
            if period.contains(ticket.pointee.openedAt.date) {
                stats.tickets[.opened, default: []].append(ticket.pointee.id)
                stats.all.opened += 1
                stats.byCategory[ticket.pointee.category, default: .init()].opened += 1
            }
            for c in ticket.pointee.callbacks where period.contains(c.at.date) {
                stats.ratings[c.rating, default: 0] += 1
                if c.rating == .dissatisfied { stats.tickets[.dissatisfied, default: []].append(ticket.pointee.id) }
            }
            if let r = ticket.pointee.resolvedAt, !ticket.pointee.status.isOpen, period.contains(r.date) {
                let inTime = ticket.pointee.resolvedInTime(calendar: s.calendar) ?? false
                let worked = s.calendar.workingMinutes(from: ticket.pointee.openedAt, to: r)
                stats.tickets[.closed, default: []].append(ticket.pointee.id)
                if !inTime { stats.tickets[.closedLate, default: []].append(ticket.pointee.id) }
                if ticket.pointee.status != .closed { stats.tickets[.closedWithoutCallback, default: []].append(ticket.pointee.id) }
                stats.all.closed += 1
                stats.byCategory[ticket.pointee.category, default: .init()].closed += 1
                if inTime {
                    stats.all.closedInTime += 1
                    stats.byCategory[ticket.pointee.category, default: .init()].closedInTime += 1
                }
                if ticket.pointee.status == .closed { stats.callbackDone += 1 }
                allMinutes.append(worked)
                minutes[ticket.pointee.category, default: []].append(worked)
            }
        }
        tickets.all.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            for i in all.indices { count(base + i) }
        }
        for id in tickets.open {
            if let i = tickets.position[id], tickets.all[i].nextDeadline(at: now, settings: s)?.level == .overdue {
                stats.openOverdueNow += 1
                stats.tickets[.openOverdueNow, default: []].append(id)
            }
        }
        for k in stats.tickets.keys { stats.tickets[k]!.sort() }
        stats.all.medianWorkingMinutesToClose = HotlineStats.median(allMinutes)
        for (c, m) in minutes { stats.byCategory[c]?.medianWorkingMinutesToClose = HotlineStats.median(m) }
        return stats
    }
}

extension HotlineStats {
    /// For an even count, the mean of the two middle values, rounded down.
    static func median(_ values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
