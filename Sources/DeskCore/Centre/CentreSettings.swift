/// The centre's configurable rules, with the field defaults. Changed only by
/// an admin's `settings.changed`; a setting missing from an older log entry
/// takes its default, so adding one never breaks reading old logs.
public struct CentreSettings: Sendable, Codable, Hashable {
    /// Check-in opens this many minutes before a start.
    public var checkInOpensMinutes = 15
    /// A booking not checked in by start + this is released as a no-show.
    public var noShowAfterMinutes = 15
    public var releaseNoShows = true
    /// How far ahead a booking may be made.
    public var bookingHorizonDays = 366
    /// Free-slot suggestions start on this grid (minutes past the hour).
    public var slotStepMinutes = 30
    /// Booking for a cadre with this many no-shows in the last `noShowWindowDays` asks to confirm (0: never).
    public var noShowWarnCount = 3
    public var noShowWindowDays = 90

    public init() {}

    private enum Key: String, CodingKey {
        case checkInOpensMinutes, noShowAfterMinutes, releaseNoShows, bookingHorizonDays, slotStepMinutes
        case noShowWarnCount, noShowWindowDays
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let d = CentreSettings()
        checkInOpensMinutes = try c.decodeIfPresent(Int.self, forKey: .checkInOpensMinutes) ?? d.checkInOpensMinutes
        noShowAfterMinutes = try c.decodeIfPresent(Int.self, forKey: .noShowAfterMinutes) ?? d.noShowAfterMinutes
        releaseNoShows = try c.decodeIfPresent(Bool.self, forKey: .releaseNoShows) ?? d.releaseNoShows
        bookingHorizonDays = try c.decodeIfPresent(Int.self, forKey: .bookingHorizonDays) ?? d.bookingHorizonDays
        slotStepMinutes = try c.decodeIfPresent(Int.self, forKey: .slotStepMinutes) ?? d.slotStepMinutes
        noShowWarnCount = try c.decodeIfPresent(Int.self, forKey: .noShowWarnCount) ?? d.noShowWarnCount
        noShowWindowDays = try c.decodeIfPresent(Int.self, forKey: .noShowWindowDays) ?? d.noShowWindowDays
    }

    /// Problems with values an admin typed (for the settings form).
    public var problems: [Problem] {
        var out: [Problem] = []
        if !(0...120).contains(checkInOpensMinutes) { out.append(Problem("centre.settings.checkin_opens", field: "centre.checkInOpensMinutes")) }
        if !(5...120).contains(noShowAfterMinutes) { out.append(Problem("centre.settings.noshow_after", field: "centre.noShowAfterMinutes")) }
        if !(1...1000).contains(bookingHorizonDays) { out.append(Problem("centre.settings.horizon", field: "centre.bookingHorizonDays")) }
        if ![5, 10, 15, 20, 30, 60].contains(slotStepMinutes) { out.append(Problem("centre.settings.slot_step", field: "centre.slotStepMinutes")) }
        return out
    }
}
