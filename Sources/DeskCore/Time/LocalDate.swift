import DeskLog

/// A calendar date in the centre's time zone, stored as a day number
/// (days since 1970-01-01). Written in the log as `"2026-11-23"`.
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, Strideable {
    public var dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    public init(_ year: Int, _ month: Int, _ day: Int) {
        dayNumber = CivilCalendar.dayNumber(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` (also `YYYY/MM/DD` and `YYYYMMDD`, as typed by clerks); nil if not a real date.
    public init?(_ text: String) {
        // The log's own form first, straight from the bytes: every event has
        // dates, and splitting strings was a tenth of opening a large log.
        guard let d = LogDigits.parse(text, { $0.count == 10 ? LogDigits.date($0, 0) : .none }, else: Self.lenient) else { return nil }
        self = d
    }

    /// Every accepted form, by splitting the text (what `init?(_:)` does when the bytes are not `YYYY-MM-DD`).
    static func lenient(_ text: String) -> LocalDate? {
        let digits = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        var y = 0, m = 0, d = 0
        if digits.count == 3, let a = Int(digits[0]), let b = Int(digits[1]), let c = Int(digits[2]), digits[0].count == 4 {
            (y, m, d) = (a, b, c)
        } else if text.count == 8, let all = Int(text) {
            (y, m, d) = (all / 10000, all / 100 % 100, all % 100)
        } else {
            return nil
        }
        guard (1...9999).contains(y), (1...12).contains(m), d >= 1, d <= CivilCalendar.daysInMonth(year: y, month: m) else { return nil }
        return LocalDate(y, m, d)
    }

    public var components: (year: Int, month: Int, day: Int) { CivilCalendar.civil(fromDayNumber: dayNumber) }
    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }
    /// 0 = Monday … 6 = Sunday.
    public var weekday: Int { CivilCalendar.weekdayIndex(dayNumber: dayNumber) }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Same day `n` months later, clamped to the month's end (Jan 31 + 1 month = Feb 28/29).
    public func adding(months n: Int) -> LocalDate {
        let c = components
        let total = c.year * 12 + (c.month - 1) + n
        let y = total / 12, m = total % 12 + 1
        return LocalDate(y, m, min(c.day, CivilCalendar.daysInMonth(year: y, month: m)))
    }

    public var firstOfMonth: LocalDate { let c = components; return LocalDate(c.year, c.month, 1) }
    public var lastOfMonth: LocalDate {
        let c = components
        return LocalDate(c.year, c.month, CivilCalendar.daysInMonth(year: c.year, month: c.month))
    }
    /// Monday of this date's week.
    public var startOfWeek: LocalDate { adding(days: -weekday) }

    /// Whole years from `self` (a birth date) to `date`.
    public func age(on date: LocalDate) -> Int {
        let b = components, d = date.components
        var years = d.year - b.year
        if (d.month, d.day) < (b.month, b.day) { years -= 1 }
        return years
    }

    /// This date's month and day in `year` (Feb 29 falls on Feb 28 in common years).
    public func anniversary(in year: Int) -> LocalDate {
        let c = components
        return LocalDate(year, c.month, min(c.day, CivilCalendar.daysInMonth(year: year, month: c.month)))
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.dayNumber < b.dayNumber }
    public func distance(to other: LocalDate) -> Int { other.dayNumber - dayNumber }
    public func advanced(by n: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + n) }

    public var description: String {
        let c = components
        return "\(c.year)-\(c.month < 10 ? "0" : "")\(c.month)-\(c.day < 10 ? "0" : "")\(c.day)"
    }

    public init(from decoder: any Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let d = LocalDate(s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad date \(s)"))
        }
        self = d
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// Reading the log's fixed forms (`YYYY-MM-DD`, `HH:MM`, `YYYY-MM-DD HH:MM`)
/// from UTF-8 bytes. The parsers fall back to their lenient path when a text
/// is not in exactly this form.
enum LogDigits {
    /// `body` over the text's bytes; nil when they are not contiguous or
    /// `body` says the form does not apply (`.none`), else its answer
    /// (`.some(nil)`: the form applies and the value is invalid).
    static func read<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T??) -> T?? {
        text.utf8.withContiguousStorageIfAvailable(body) ?? nil
    }

    /// `fast` on the bytes when the text is in the log's form, else `lenient`.
    static func parse<T>(_ text: String, _ fast: (UnsafeBufferPointer<UInt8>) -> T??, else lenient: (String) -> T?) -> T? {
        if let answer = read(text, fast) { return answer }
        return lenient(text)
    }

    static func number(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ count: Int) -> Int? {
        var n = 0
        for i in from..<(from + count) {
            let d = Int(b[i]) - 48
            guard d >= 0, d <= 9 else { return nil }
            n = n * 10 + d
        }
        return n
    }

    /// `YYYY-MM-DD` at `at`, followed by the end of the text, a space or a `T`.
    static func date(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> LocalDate?? {
        guard b.count >= at + 10, b[at + 4] == UInt8(ascii: "-"), b[at + 7] == UInt8(ascii: "-"),
              at + 10 == b.count || b[at + 10] == UInt8(ascii: " ") || b[at + 10] == UInt8(ascii: "T"),
              let y = number(b, at, 4), let m = number(b, at + 5, 2), let d = number(b, at + 8, 2) else { return .none }
        guard (1...9999).contains(y), (1...12).contains(m), d >= 1, d <= CivilCalendar.daysInMonth(year: y, month: m) else { return .some(nil) }
        return .some(LocalDate(y, m, d))
    }

    /// `HH:MM` at `at`, to the end of the text.
    static func time(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> LocalTime?? {
        guard b.count == at + 5, b[at + 2] == UInt8(ascii: ":"), let h = number(b, at, 2), let m = number(b, at + 3, 2) else { return .none }
        guard (0...24).contains(h), (0..<60).contains(m), h < 24 || m == 0 else { return .some(nil) }
        return .some(LocalTime(h, m))
    }
}
