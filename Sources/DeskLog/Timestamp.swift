import Foundation

/// An instant with the UTC offset it was recorded in, as written in the
/// envelope's `at`: `2026-11-23T14:21:05.123+08:00`. Millisecond precision.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var epochMillis: Int64
    public var offsetMinutes: Int

    public init(epochMillis: Int64, offsetMinutes: Int) {
        self.epochMillis = epochMillis
        self.offsetMinutes = offsetMinutes
    }

    public init(_ date: Date, timeZone: TimeZone) {
        let ms = (date.timeIntervalSince1970 * 1000).rounded(.down)
        epochMillis = Int64(ms)
        offsetMinutes = timeZone.secondsFromGMT(for: date) / 60
    }

    public var date: Date { Date(timeIntervalSince1970: Double(epochMillis) / 1000) }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.epochMillis < b.epochMillis }

    /// Local wall-clock fields at the recorded offset.
    public var local: (dayNumber: Int, minuteOfDay: Int, second: Int, millis: Int) {
        let localMs = epochMillis + Int64(offsetMinutes) * 60_000
        let msPerDay: Int64 = 86_400_000
        var day = localMs / msPerDay
        var rem = localMs % msPerDay
        if rem < 0 { rem += msPerDay; day -= 1 }
        let secs = Int(rem / 1000)
        return (Int(day), secs / 60, secs % 60, Int(rem % 1000))
    }

    public var description: String {
        let l = local
        let c = CivilCalendar.civil(fromDayNumber: l.dayNumber)
        var s = ""
        s.reserveCapacity(29)
        Self.pad(c.year, 4, into: &s); s.append("-")
        Self.pad(c.month, 2, into: &s); s.append("-")
        Self.pad(c.day, 2, into: &s); s.append("T")
        Self.pad(l.minuteOfDay / 60, 2, into: &s); s.append(":")
        Self.pad(l.minuteOfDay % 60, 2, into: &s); s.append(":")
        Self.pad(l.second, 2, into: &s); s.append(".")
        Self.pad(l.millis, 3, into: &s)
        if offsetMinutes == 0 { s.append("Z") } else {
            s.append(offsetMinutes < 0 ? "-" : "+")
            let o = abs(offsetMinutes)
            Self.pad(o / 60, 2, into: &s); s.append(":")
            Self.pad(o % 60, 2, into: &s)
        }
        return s
    }

    private static func pad(_ v: Int, _ width: Int, into s: inout String) {
        let digits = String(v)
        if digits.count < width { s.append(String(repeating: "0", count: width - digits.count)) }
        s.append(digits)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff]` followed by `Z` or `±HH:MM`.
    public init?(_ text: String) {
        var t = text
        guard let v = t.withUTF8({ Timestamp.parse(UnsafeRawBufferPointer($0)) }) else { return nil }
        self = v
    }

    @inline(__always) static func digits(_ b: UnsafeRawBufferPointer, _ at: Int, _ len: Int) -> Int? {
        var v = 0
        for i in at..<(at + len) {
            let c = b[i]
            guard c >= 0x30 && c <= 0x39 else { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        return v
    }

    /// The day number of the last `YYYY-MM-DD` parsed, keyed by its ten bytes.
    struct DayCache: Sendable {
        var head: UInt64 = 0, tail: UInt16 = 0, day = 0, valid = false
    }

    static func parse(_ b: UnsafeRawBufferPointer) -> Timestamp? {
        var days = DayCache()
        return parse(b, days: &days)
    }

    static func parse(_ b: UnsafeRawBufferPointer, days: inout DayCache) -> Timestamp? {
        let n = b.count
        guard n >= 20 else { return nil }
        @inline(__always) func num(_ at: Int, _ len: Int) -> Int? { Timestamp.digits(b, at, len) }
        let head = b.loadUnaligned(as: UInt64.self), tail = b.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        let day: Int
        if days.valid, days.head == head, days.tail == tail {
            day = days.day
        } else {
            guard let y = num(0, 4), b[4] == 0x2D, let mo = num(5, 2), b[7] == 0x2D, let d = num(8, 2),
                  (1...12).contains(mo), d >= 1, d <= CivilCalendar.daysInMonth(year: y, month: mo) else { return nil }
            day = CivilCalendar.dayNumber(year: y, month: mo, day: d)
            days = DayCache(head: head, tail: tail, day: day, valid: true)
        }
        guard b[10] == 0x54, let h = num(11, 2), b[13] == 0x3A, let mi = num(14, 2), b[16] == 0x3A,
              let s = num(17, 2), h < 24, mi < 60, s < 61 else { return nil }
        var i = 19
        var ms = 0
        if i < n && b[i] == 0x2E {
            i += 1
            var digits = 0
            while i < n, b[i] >= 0x30, b[i] <= 0x39 {
                if digits < 3 { ms = ms * 10 + Int(b[i] - 0x30) }
                digits += 1; i += 1
            }
            guard digits > 0 else { return nil }
            for _ in 0..<max(0, 3 - digits) { ms *= 10 }
        }
        guard i < n else { return nil }
        var offset = 0
        if b[i] == 0x5A { i += 1 } else {
            guard b[i] == 0x2B || b[i] == 0x2D, i + 6 == n, let oh = num(i + 1, 2), b[i + 3] == 0x3A,
                  let om = num(i + 4, 2), oh < 24, om < 60 else { return nil }
            offset = (oh * 60 + om) * (b[i] == 0x2D ? -1 : 1)
            i += 6
        }
        guard i == n else { return nil }
        let localMs = (Int64(day) * 86_400 + Int64(h * 3600 + mi * 60 + s)) * 1000 + Int64(ms)
        return Timestamp(epochMillis: localMs - Int64(offset) * 60_000, offsetMinutes: offset)
    }
}
