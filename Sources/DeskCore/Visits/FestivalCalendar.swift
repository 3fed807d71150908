import DeskLog
import Foundation
import Synchronization

/// Festival dates by year. Lunar dates come from Foundation's Chinese
/// calendar, which is slow, so each Gregorian year is converted once (every
/// day's lunar month and day) and kept for the life of the process.
public enum FestivalCalendar {
    /// The days in Gregorian `year` on which `rule` falls (a lunar date can
    /// fall twice in one Gregorian year, or never).
    public static func dates(of rule: FestivalRule, in year: Int) -> [LocalDate] {
        switch rule.calendar {
        case .solar:
            guard (1...12).contains(rule.month), rule.day >= 1,
                  rule.day <= CivilCalendar.daysInMonth(year: year, month: rule.month) else { return [] }
            return [LocalDate(year, rule.month, rule.day)]
        case .lunar:
            return lunarYear(year).dates(month: rule.month, day: rule.day)
        }
    }

    /// The lunar month and day (non-leap months only) of every day of a Gregorian year.
    struct LunarYear: Sendable {
        var firstDay: Int
        /// month * 32 + day, or 0 for days in a leap month.
        var codes: [UInt16]

        func dates(month: Int, day: Int) -> [LocalDate] {
            let code = UInt16(month * 32 + day)
            return codes.indices.filter { codes[$0] == code }.map { LocalDate(dayNumber: firstDay + $0) }
        }
    }

    private static let cache = Mutex<[Int: LunarYear]>([:])

    static func lunarYear(_ year: Int) -> LunarYear {
        if let y = cache.withLock({ $0[year] }) { return y }
        let y = convert(year)
        cache.withLock { $0[year] = y }
        return y
    }

    private static func convert(_ year: Int) -> LunarYear {
        var chinese = Calendar(identifier: .chinese)
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        chinese.timeZone = zone
        let first = LocalDate(year, 1, 1).dayNumber
        let count = CivilCalendar.isLeapYear(year) ? 366 : 365
        var codes = [UInt16](repeating: 0, count: count)
        for i in 0..<count {
            // Noon in the centre's zone, so no offset can move the day.
            let date = Date(timeIntervalSince1970: Double(first + i) * 86_400 + 12 * 3600 - Double(zone.secondsFromGMT()))
            let c = chinese.dateComponents([.month, .day], from: date)
            if c.isLeapMonth == true { continue }
            if let m = c.month, let d = c.day { codes[i] = UInt16(m * 32 + d) }
        }
        return LunarYear(firstDay: first, codes: codes)
    }
}
