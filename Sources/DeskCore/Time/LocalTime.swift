/// A wall-clock time of day to the minute, written `"09:30"`.
public struct LocalTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var minuteOfDay: Int

    public init(minuteOfDay: Int) { self.minuteOfDay = minuteOfDay }
    public init(_ hour: Int, _ minute: Int) { minuteOfDay = hour * 60 + minute }

    /// Parses `H:MM`, `HH:MM`, `HHMM` and `24:00` (end of day, for opening hours).
    public init?(_ text: String) {
        guard let t = LogDigits.parse(text, { LogDigits.time($0, 0) }, else: Self.lenient) else { return nil }
        self = t
    }

    /// Every accepted form, by splitting the text.
    static func lenient(_ text: String) -> LocalTime? {
        let parts = text.split(separator: ":")
        var h = 0, m = 0
        if parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), parts[1].count == 2 {
            (h, m) = (a, b)
        } else if parts.count == 1, text.count == 4, let all = Int(text) {
            (h, m) = (all / 100, all % 100)
        } else {
            return nil
        }
        guard (0...24).contains(h), (0..<60).contains(m), h < 24 || m == 0 else { return nil }
        return LocalTime(h, m)
    }

    public var hour: Int { minuteOfDay / 60 }
    public var minute: Int { minuteOfDay % 60 }

    public static func < (a: LocalTime, b: LocalTime) -> Bool { a.minuteOfDay < b.minuteOfDay }

    public var description: String { "\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)" }

    public init(from decoder: any Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let t = LocalTime(s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad time \(s)"))
        }
        self = t
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// A local date and time to the minute, written `"2026-11-23 09:30"`. Ordered;
/// `minutes` is a running minute count convenient for working-time arithmetic.
public struct LocalDateTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var date: LocalDate
    public var time: LocalTime

    public init(_ date: LocalDate, _ time: LocalTime) {
        self.date = date
        self.time = time
    }

    public init(minutes: Int) {
        let d = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440
        date = LocalDate(dayNumber: d)
        time = LocalTime(minuteOfDay: minutes - d * 1440)
    }

    /// Parses `YYYY-MM-DD HH:MM` (a `T` separator is accepted too).
    public init?(_ text: String) {
        let fast = { (b: UnsafeBufferPointer<UInt8>) -> LocalDateTime?? in
            guard b.count == 16, case .some(let d) = LogDigits.date(b, 0), case .some(let t) = LogDigits.time(b, 11) else { return .none }
            guard let d, let t else { return .some(nil) }
            return .some(LocalDateTime(d, t))
        }
        guard let v = LogDigits.parse(text, fast, else: Self.lenient) else { return nil }
        self = v
    }

    /// Every accepted form, by splitting the text.
    static func lenient(_ text: String) -> LocalDateTime? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2, let d = LocalDate(String(parts[0])), let t = LocalTime(String(parts[1])) else { return nil }
        return LocalDateTime(d, t)
    }

    public var minutes: Int { date.dayNumber * 1440 + time.minuteOfDay }
    public func adding(minutes n: Int) -> LocalDateTime { LocalDateTime(minutes: minutes + n) }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { a.minutes < b.minutes }

    public var description: String { "\(date) \(time)" }

    public init(from decoder: any Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let v = LocalDateTime(s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad date-time \(s)"))
        }
        self = v
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
