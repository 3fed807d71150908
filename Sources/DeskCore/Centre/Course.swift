/// A senior-university class (老年大学班级) for one term: 书法班, 太极拳班 …
/// Its weekly sessions are reserved as bookings of their rooms.
public struct Course: Sendable, Hashable {
    /// `K001`
    public var id: ID<Course>
    public var name: String
    public var teacher: String
    public var term: Period
    public var sessions: [WeeklySession]
    public var capacity: Int
    /// Everyone ever enrolled this term, in order of enrolment; those still in
    /// have no `until`.
    public var members: [Membership] = []
    /// Waiting in order: the first is promoted when a place frees.
    public var waitlist: [WaitEntry] = []
    /// Manual moves in the waitlist, with the clerk's reason.
    public var moves: [WaitlistMove] = []
    /// Session dates not reserved when the class was created, and why.
    public var skipped: [SkippedDate] = []
    public private(set) var enrolledCount = 0

    public init(id: ID<Course>, name: String, teacher: String, term: Period, sessions: [WeeklySession], capacity: Int) {
        self.id = id
        self.name = name
        self.teacher = teacher
        self.term = term
        self.sessions = sessions
        self.capacity = capacity
    }

    public var enrolled: [ID<Cadre>] { members.filter { $0.until == nil }.map(\.cadre) }
    public var freePlaces: Int { max(0, capacity - enrolledCount) }
    public var isFull: Bool { enrolledCount >= capacity }

    public func isEnrolled(_ cadre: ID<Cadre>) -> Bool { members.contains { $0.cadre == cadre && $0.until == nil } }
    /// 1-based place in the waitlist.
    public func waitlistPosition(of cadre: ID<Cadre>) -> Int? { waitlist.firstIndex { $0.cadre == cadre }.map { $0 + 1 } }

    /// Enrolled on `date` (for the expected attendance of a session).
    public func enrolled(on date: LocalDate) -> [ID<Cadre>] {
        members.filter { $0.since.date <= date && ($0.until.map { $0.date > date } ?? true) }.map(\.cadre)
    }

    mutating func enrol(_ cadre: ID<Cadre>, at: LocalDateTime, promoted: Bool) {
        waitlist.removeAll { $0.cadre == cadre }
        members.append(Membership(cadre: cadre, since: at, promoted: promoted))
        enrolledCount += 1
    }

    mutating func withdraw(_ cadre: ID<Cadre>, at: LocalDateTime, reason: String) {
        waitlist.removeAll { $0.cadre == cadre }
        if let i = members.lastIndex(where: { $0.cadre == cadre && $0.until == nil }) {
            members[i].until = at
            members[i].reason = reason
            enrolledCount -= 1
        }
    }
}

/// One weekly session of a class: weekday (0 = Monday), time, room.
public struct WeeklySession: Sendable, Hashable, Codable {
    public var weekday: Int
    public var span: TimeSpan
    public var room: ID<Room>

    public init(weekday: Int, span: TimeSpan, room: ID<Room>) {
        self.weekday = weekday
        self.span = span
        self.room = room
    }
}

public struct Membership: Sendable, Hashable {
    public var cadre: ID<Cadre>
    public var since: LocalDateTime
    /// Came in from the waitlist (and was to be called).
    public var promoted: Bool
    public var until: LocalDateTime?
    /// Why they withdrew.
    public var reason: String?

    init(cadre: ID<Cadre>, since: LocalDateTime, promoted: Bool) {
        self.cadre = cadre
        self.since = since
        self.promoted = promoted
    }
}

public struct WaitEntry: Sendable, Hashable {
    public var cadre: ID<Cadre>
    public var joined: LocalDateTime
}

/// A clerk moved someone in the waitlist (e.g. 离休 priority, a promise made
/// last term); positions are 1-based.
public struct WaitlistMove: Sendable, Hashable {
    public var cadre: ID<Cadre>
    public var from: Int
    public var to: Int
    public var reason: String
    public var by: ID<Staff>
    public var at: LocalDateTime
}

/// Someone the desk must phone (待通知): promoted from a waitlist, or a
/// booking cancelled by a closure. Cleared when marked called.
public struct CallNotice: Sendable, Hashable {
    /// `N00001`
    public var id: ID<CallNotice>
    public var reason: CallReason
    /// Whom to call (nil: a group booking without a contact cadre; the booking names the group).
    public var cadre: ID<Cadre>?
    public var course: ID<Course>?
    public var booking: ID<Booking>?
    public var raised: LocalDateTime
    public var called: Called?

    public struct Called: Sendable, Hashable {
        public var at: LocalDateTime
        public var by: ID<Staff>
        public var note: String
    }

    public var isOpen: Bool { called == nil }
}

public enum CallReason: String, Sendable, Codable, CaseIterable {
    /// Moved from the waitlist into the class: tell them they have a place.
    case promoted
    /// A closure cancelled their booking (or a class session).
    case closure
}
