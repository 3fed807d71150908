/// A booking (预约) of a room for a span of one day. Class sessions and the
/// centre's own events are bookings too, so every rule about rooms (hours,
/// closures, capacity) and every grid sees them the same way.
public struct Booking: Sendable, Hashable {
    /// `B000123`, what the desk reads out on the phone.
    public var id: ID<Booking>
    public var room: ID<Room>
    public var date: LocalDate
    public var span: TimeSpan
    /// People it brings (a group of 5 takes 5 places in a shared room).
    public var headcount: Int
    /// Takes the whole room whatever its headcount (class sessions, events).
    public var wholeRoom: Bool
    public var purpose: String
    public var holder: BookingHolder
    /// The weekly series it belongs to, if any.
    public var series: ID<BookingSeries>?
    public var madeBy: ID<Staff>
    public var madeAt: LocalDateTime
    public var cancelled: Cancellation?
    /// When the responsible cadre (or the group) checked in.
    public var checkedInAt: LocalDateTime?

    public var start: LocalDateTime { LocalDateTime(date, span.start) }
    public var end: LocalDateTime { LocalDateTime(date, span.end) }
    public var isActive: Bool { cancelled == nil }
    /// Events and exhibitions keep a list of who comes.
    public var hasAttendeeList: Bool { holder.kind == .centre }

    /// Places it takes in `room`.
    public func places(in room: Room) -> Int { Self.places(headcount: headcount, wholeRoom: wholeRoom, room: room) }

    /// The one formula, for bookings made and asked for: the headcount, or the
    /// whole room (more, if a class outgrew a room made smaller since).
    static func places(headcount: Int, wholeRoom: Bool, room: Room) -> Int {
        wholeRoom ? max(room.capacity, headcount) : headcount
    }

    /// Bookings held by a person or a group must be checked in or they are
    /// released; class sessions and the centre's events are not.
    public var isReleasable: Bool {
        switch holder {
        case .cadre, .group: return true
        case .course, .centre: return false
        }
    }

    /// Released as a no-show at `now`: see `CentreRules` for why this is derived from the clock.
    public func isReleased(at now: LocalDateTime, _ settings: CentreSettings) -> Bool {
        guard let t = releaseTime(settings) else { return false }
        return now >= t
    }

    /// When this booking counts as a no-show if nobody has checked in by
    /// then; nil if it never does (checked in, cancelled, a class session or event).
    public func noShowTime(_ settings: CentreSettings) -> LocalDateTime? {
        guard isReleasable, cancelled == nil, checkedInAt == nil else { return nil }
        return start.adding(minutes: settings.noShowAfterMinutes)
    }

    /// When the room space is released if nobody checks in (the no-show time,
    /// unless release is switched off).
    public func releaseTime(_ settings: CentreSettings) -> LocalDateTime? {
        settings.releaseNoShows ? noShowTime(settings) : nil
    }

    /// Takes room space at `now`: not cancelled and not released.
    public func occupies(at now: LocalDateTime, _ settings: CentreSettings) -> Bool {
        isActive && !isReleased(at: now, settings)
    }
}

/// Whom a booking is for. Written as `{"kind":"cadre","id":"C00042"}`,
/// `{"kind":"group","name":"书画协会","contact":"C00007"}`,
/// `{"kind":"class","id":"K001"}` or `{"kind":"centre"}`.
public enum BookingHolder: Sendable, Hashable, Codable {
    case cadre(ID<Cadre>)
    /// A group or association; `contact` is the cadre who checks it in and
    /// answers for it (optional: the desk can check a group in by booking).
    case group(name: String, contact: ID<Cadre>?)
    case course(ID<Course>)
    case centre

    public var kind: HolderKind {
        switch self {
        case .cadre: return .cadre
        case .group: return .group
        case .course: return .course
        case .centre: return .centre
        }
    }

    /// The cadre whose check-in counts for the booking and whose no-show it is.
    public var responsible: ID<Cadre>? {
        switch self {
        case .cadre(let c): return c
        case .group(_, let c): return c
        case .course, .centre: return nil
        }
    }

    private enum Key: String, CodingKey { case kind, id, name, contact }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        switch try c.decode(HolderKind.self, forKey: .kind) {
        case .cadre: self = .cadre(try c.decode(ID<Cadre>.self, forKey: .id))
        case .group: self = .group(name: try c.decode(String.self, forKey: .name),
                                   contact: try c.decodeIfPresent(ID<Cadre>.self, forKey: .contact))
        case .course: self = .course(try c.decode(ID<Course>.self, forKey: .id))
        case .centre: self = .centre
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(kind, forKey: .kind)
        switch self {
        case .cadre(let id): try c.encode(id, forKey: .id)
        case .group(let name, let contact):
            try c.encode(name, forKey: .name)
            try c.encodeIfPresent(contact, forKey: .contact)
        case .course(let id): try c.encode(id, forKey: .id)
        case .centre: break
        }
    }
}

public struct Cancellation: Sendable, Hashable {
    public var at: LocalDateTime
    public var by: ID<Staff>
    public var reason: String
    /// Set when a closure cancelled it.
    public var closure: ID<RoomClosure>?
}

/// A weekly booking until a date (合唱团每周三下午).
public struct BookingSeries: Sendable, Hashable {
    /// `W0001`
    public var id: ID<BookingSeries>
    public var room: ID<Room>
    public var span: TimeSpan
    public var first: LocalDate
    public var until: LocalDate
    public var holder: BookingHolder
    /// Dates left out because they were not bookable, with why.
    public var skipped: [SkippedDate]
    /// The bookings made, in date order.
    public var bookings: [ID<Booking>]
}

/// A date a weekly booking or a class could not take, and why (a catalog key
/// with its arguments, so the desk reads it in its own language later too).
public struct SkippedDate: Sendable, Hashable, Codable {
    public var date: LocalDate
    public var reason: String
    public var args: [String]

    public init(date: LocalDate, reason: Problem) {
        self.date = date
        self.reason = reason.key
        self.args = reason.args
    }

    public var problem: Problem { Problem(reason, args) }
}
