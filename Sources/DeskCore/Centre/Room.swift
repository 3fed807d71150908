/// An activity room (活动室): 乒乓球室, 书画室, 多功能厅 …
public struct Room: Sendable, Codable, Hashable {
    /// `R01`, `R02` …
    public var id: ID<Room>
    public var name: String
    /// How many people it holds at once.
    public var capacity: Int
    public var sharing: RoomSharing
    public var hours: OpeningHours
    /// Whom bookings may be made for, in `HolderKind` order. `[.centre]` is
    /// "staff only": the centre's own use (events, counselling, technicians).
    public var bookableFor: [HolderKind]
    /// Retired rooms keep their history but take no new bookings.
    public var active: Bool
    public var note: String

    public init(id: ID<Room>, name: String, capacity: Int, sharing: RoomSharing, hours: OpeningHours,
                bookableFor: [HolderKind], active: Bool = true, note: String = "") {
        self.id = id
        self.name = name
        self.capacity = capacity
        self.sharing = sharing
        self.hours = hours
        self.bookableFor = bookableFor
        self.active = active
        self.note = note
    }

    public func accepts(_ kind: HolderKind) -> Bool { bookableFor.contains(kind) }
}

/// Shared rooms count heads (a group of 5 takes 5 of the 30 places in the
/// reading room); exclusive rooms take one booking at a time (心理聊天室).
public enum RoomSharing: String, Sendable, Codable, CaseIterable { case shared, exclusive }

/// Whom a booking is for.
public enum HolderKind: String, Sendable, Codable, CaseIterable, Comparable {
    case cadre
    /// A group or association (书画协会, 老年合唱团), by name.
    case group
    /// A senior-university class (班级); its sessions are bookings.
    case course = "class"
    /// The centre's own use: lectures, sports meets, exhibitions, counselling.
    case centre

    public static func < (a: HolderKind, b: HolderKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A span of a day, end exclusive; written `"08:30-11:30"`.
public struct TimeSpan: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var start: LocalTime
    public var end: LocalTime

    public init(_ start: LocalTime, _ end: LocalTime) {
        self.start = start
        self.end = end
    }

    /// Parses `08:30-11:30` (also with `–` or `~`).
    public init?(_ text: String) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "~" })
        guard parts.count == 2,
              let s = LocalTime(String(parts[0]).trimmingCharacters(in: .whitespaces)),
              let e = LocalTime(String(parts[1]).trimmingCharacters(in: .whitespaces)) else { return nil }
        self.init(s, e)
    }

    public var minutes: Int { end.minuteOfDay - start.minuteOfDay }
    public func contains(_ other: TimeSpan) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: TimeSpan) -> Bool { start < other.end && other.start < end }
    public static func < (a: TimeSpan, b: TimeSpan) -> Bool { (a.start, a.end) < (b.start, b.end) }
    public var description: String { "\(start)-\(end)" }

    public init(from decoder: any Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let v = TimeSpan(s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad time span \(s)"))
        }
        self = v
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// Opening hours per weekday (0 = Monday … 6 = Sunday), several periods a day
/// (morning and afternoon, with the lunch break closed).
public struct OpeningHours: Sendable, Hashable, Codable {
    /// Exactly seven entries; an empty one is a closed day.
    public var days: [[TimeSpan]]

    public init(days: [[TimeSpan]]) {
        precondition(days.count == 7, "opening hours need seven weekdays")
        self.days = days.map { $0.sorted() }
    }

    /// The same periods on the given weekdays, closed on the others.
    public init(_ periods: [TimeSpan], on weekdays: some Sequence<Int> = 0..<7) {
        let open = Set(weekdays)
        self.init(days: (0..<7).map { open.contains($0) ? periods : [] })
    }

    public func periods(on date: LocalDate) -> [TimeSpan] { days[date.weekday] }

    /// The opening period holding all of `span`, if any.
    public func period(on date: LocalDate, holding span: TimeSpan) -> TimeSpan? {
        days[date.weekday].first { $0.contains(span) }
    }

    /// Problems with the hours themselves (as typed into the room form).
    func problems(field: String) -> [Problem] {
        guard days.count == 7 else { return [Problem("centre.room.hours_days", field: field)] }
        var out: [Problem] = []
        for spans in days {
            for s in spans where s.end <= s.start {
                out.append(Problem("centre.room.hours_order", [s.description], field: field))
            }
            for (a, b) in zip(spans, spans.dropFirst()) where a.overlaps(b) {
                out.append(Problem("centre.room.hours_overlap", [a.description, b.description], field: field))
            }
        }
        // One message per fault, not one per weekday it repeats on.
        var seen = Set<Problem>()
        out = out.filter { seen.insert($0).inserted }
        return out
    }
}
