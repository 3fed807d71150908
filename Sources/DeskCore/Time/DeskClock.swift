import DeskLog
import Foundation

/// The one source of "now". Rules never read the system clock: they get a
/// `DeskClock` (or the `LocalDateTime` it gives), so tests pin time.
public struct DeskClock: Sendable {
    public var timeZone: TimeZone
    private let source: @Sendable () -> Date

    public init(timeZone: TimeZone = .current, source: @escaping @Sendable () -> Date = { Date() }) {
        self.timeZone = timeZone
        self.source = source
    }

    /// A clock stopped at `local` in `timeZone` (for tests and benchmarks).
    public static func fixed(_ local: LocalDateTime, timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!) -> DeskClock {
        let date = DeskClock.date(of: local, in: timeZone)
        return DeskClock(timeZone: timeZone, source: { date })
    }

    public func now() -> Date { source() }
    public var local: LocalDateTime { localDateTime(of: source()) }
    public var today: LocalDate { local.date }

    public func localDateTime(of date: Date) -> LocalDateTime {
        let t = Timestamp(date, timeZone: timeZone)
        let l = t.local
        return LocalDateTime(LocalDate(dayNumber: l.dayNumber), LocalTime(minuteOfDay: l.minuteOfDay))
    }

    public func localDateTime(of t: Timestamp) -> LocalDateTime {
        // Shown in the centre's zone, whatever zone the writer had.
        localDateTime(of: t.date)
    }

    public static func date(of local: LocalDateTime, in zone: TimeZone) -> Date {
        let naive = Date(timeIntervalSince1970: Double(local.minutes) * 60)
        // Two passes settle the offset around DST changes (China has none today).
        var guess = naive.addingTimeInterval(-Double(zone.secondsFromGMT(for: naive)))
        guess = naive.addingTimeInterval(-Double(zone.secondsFromGMT(for: guess)))
        return guess
    }

    public func date(of local: LocalDateTime) -> Date { DeskClock.date(of: local, in: timeZone) }
}
