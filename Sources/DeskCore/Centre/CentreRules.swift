/// No-shows and the check-in window.
///
/// Release is derived from the clock, not recorded by an event. A booking
/// held by a cadre or a group with no check-in by start + `noShowAfterMinutes`
/// counts as released from that minute, on every terminal alike:
/// - no terminal has to be running at that minute to write anything (the desk
///   may be closed; two terminals noticing at once would race to record it);
/// - a late check-in and a new booking of the freed slot are both checked under
///   the log lock with the command's own time, so they agree on every terminal;
/// - the log keeps only what happened (a check-in, or none), and the no-show
///   count is a query, not a counter that could drift.
/// A check-in after release is refused, so whether a booking is a no-show does
/// not depend on settings changed later; only the minute it was released does.
public enum CentreRules {
    /// Bookings the cadre answers for that became no-shows in `[from, to)`.
    public static func noShows(of cadre: ID<Cadre>, from: LocalDateTime, to: LocalDateTime, in state: DeskState) -> [Booking] {
        let s = state.settings.centre
        return state.centre.bookings(for: cadre).filter { b in
            guard let t = b.noShowTime(s) else { return false }
            return from <= t && t < to
        }
    }

    /// Where a booking, class session or event stands for `cadre`'s check-in at `now`.
    public static func checkInState(of b: Booking, for cadre: ID<Cadre>?, at now: LocalDateTime, in state: DeskState) -> CheckInState {
        let s = state.settings.centre
        if let c = b.cancelled { return .cancelled(c.reason) }
        let opens = b.start.adding(minutes: -s.checkInOpensMinutes)
        if b.isReleasable {
            if let t = b.checkedInAt { return .checkedIn(t) }
            if let r = b.releaseTime(s), now >= r { return .released(r) }
        } else if let cadre, state.centre.presence(at: b.id).contains(cadre) {
            return .checkedIn(nil)
        }
        if now >= b.end { return .missed }
        if now < opens { return .opensAt(opens) }
        let closes = b.releaseTime(s).map { min($0, b.end) } ?? b.end
        return .open(until: closes)
    }
}

/// A booking's state at the check-in desk.
public enum CheckInState: Sendable, Hashable {
    /// Check-in opens at this time.
    case opensAt(LocalDateTime)
    /// Check-in possible now, until this time.
    case open(until: LocalDateTime)
    /// Checked in (the time, where the record keeps it).
    case checkedIn(LocalDateTime?)
    /// Not checked in by the no-show time: the room space was released then.
    case released(LocalDateTime)
    /// Ended without a check-in (class sessions and events are not released).
    case missed
    /// Cancelled (the reason given).
    case cancelled(String)

    public var isOpen: Bool { if case .open = self { return true } else { return false } }
}
