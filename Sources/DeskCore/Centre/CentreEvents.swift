/// Activity-centre events. Stored property names are the log format.
public enum CentreEvents {
    public static let all: [any DeskEvent.Type] = [
        RoomAdded.self, RoomChanged.self, RoomClosed.self, ClosureRemoved.self,
        BookingMade.self, SeriesBooked.self, BookingsCancelled.self, AttendeeAdded.self, AttendeeRemoved.self,
        CourseCreated.self, CourseChanged.self, Enrolled.self, Waitlisted.self, PromotedFromWaitlist.self,
        Withdrawn.self, WaitlistMoved.self, NoticeCalled.self,
        CheckedIn.self, AttendanceRecorded.self,
    ]
}

public struct RoomAdded: DeskEvent {
    public static let type = "room.added"
    public var room: Room
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        if state.centre.rooms[room.id] == nil {
            state.centre.roomSlot[room.id] = Int32(state.centre.roomOrder.count)
            state.centre.roomOrder.append(room.id)
        }
        state.centre.rooms[room.id] = room
        state.centre.lastRoom = CentreBook.later(state.centre.lastRoom, room.id.raw)
    }
}

/// Replaces a room's description (name, capacity, hours, who may book, retired).
public struct RoomChanged: DeskEvent {
    public static let type = "room.changed"
    public var room: Room
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        guard state.centre.rooms[room.id] != nil else { return }
        state.centre.rooms[room.id] = room
    }
}

/// A closure, and the bookings it cancelled (they go on the desk's call list).
public struct RoomClosed: DeskEvent {
    public static let type = "room.closed"
    public var closure: RoomClosure
    public var cancelled: [ID<Booking>]
    public var at: LocalDateTime

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.centre.closures.append(closure)
        state.centre.lastClosure = CentreBook.later(state.centre.lastClosure, closure.id.raw)
        for id in cancelled {
            guard let b = state.centre[booking: id], b.isActive else { continue }
            state.centre.cancel(id, Cancellation(at: at, by: meta.by, reason: closure.reason, closure: closure.id))
            var course: ID<Course>?
            if case .course(let k) = b.holder { course = k }
            state.centre.addNotice(.closure, cadre: b.holder.responsible, course: course, booking: id, at: at)
        }
    }
}

/// Lifts a closure early (or one entered by mistake). Bookings it cancelled stay cancelled.
public struct ClosureRemoved: DeskEvent {
    public static let type = "room.reopened"
    public var closure: ID<RoomClosure>
    public var reason: String
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.centre.closures.removeAll { $0.id == closure }
    }
}

public struct BookingMade: DeskEvent {
    public static let type = "booking.made"
    public var id: ID<Booking>
    public var room: ID<Room>
    public var date: LocalDate
    public var span: TimeSpan
    public var headcount: Int
    public var wholeRoom: Bool
    public var purpose: String
    public var holder: BookingHolder
    public var series: ID<BookingSeries>?
    /// Business time it was made (the desk's clock, or the past time of an import).
    public var at: LocalDateTime

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        guard state.centre.slot[id] == nil else { return }
        state.centre.addBooking(Booking(id: id, room: room, date: date, span: span, headcount: headcount, wholeRoom: wholeRoom,
                                        purpose: purpose, holder: holder, series: series, madeBy: meta.by, madeAt: at))
    }
}

/// A weekly series; its bookings follow as `booking.made` events in the same append.
public struct SeriesBooked: DeskEvent {
    public static let type = "booking.series"
    public var id: ID<BookingSeries>
    public var room: ID<Room>
    public var span: TimeSpan
    public var first: LocalDate
    public var until: LocalDate
    public var holder: BookingHolder
    public var skipped: [SkippedDate]

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.centre.series[id] = BookingSeries(id: id, room: room, span: span, first: first, until: until,
                                                holder: holder, skipped: skipped, bookings: [])
        state.centre.lastSeries = CentreBook.later(state.centre.lastSeries, id.raw)
    }
}

public struct BookingsCancelled: DeskEvent {
    public static let type = "booking.cancelled"
    public var bookings: [ID<Booking>]
    public var reason: String
    public var at: LocalDateTime
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        for id in bookings { state.centre.cancel(id, Cancellation(at: at, by: meta.by, reason: reason)) }
    }
}

/// A cadre put on an event's attendee list.
public struct AttendeeAdded: DeskEvent {
    public static let type = "booking.attendee_added"
    public var booking: ID<Booking>
    public var cadre: ID<Cadre>
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        guard let i = state.centre.slot[booking], !(state.centre.attendeeList[i]?.contains(cadre) ?? false) else { return }
        state.centre.attendeeList[i, default: []].append(cadre)
        state.centre.eventsByCadre[cadre, default: []].append(i)
    }
}

public struct AttendeeRemoved: DeskEvent {
    public static let type = "booking.attendee_removed"
    public var booking: ID<Booking>
    public var cadre: ID<Cadre>
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        guard let i = state.centre.slot[booking] else { return }
        state.centre.attendeeList[i]?.removeAll { $0 == cadre }
        state.centre.eventsByCadre[cadre]?.removeAll { $0 == i }
    }
}

/// A class; its session bookings follow as `booking.made` events in the same append.
public struct CourseCreated: DeskEvent {
    public static let type = "class.created"
    public var id: ID<Course>
    public var name: String
    public var teacher: String
    public var termStart: LocalDate
    public var termEnd: LocalDate
    public var sessions: [WeeklySession]
    public var capacity: Int
    public var skipped: [SkippedDate]

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        guard state.centre.courses[id] == nil else { return }
        var c = Course(id: id, name: name, teacher: teacher, term: Period(start: termStart, end: termEnd),
                       sessions: sessions, capacity: capacity)
        c.skipped = skipped
        state.centre.courses[id] = c
        state.centre.courseOrder.append(id)
        state.centre.lastCourse = CentreBook.later(state.centre.lastCourse, id.raw)
    }
}

/// Changes the fields present. A raised capacity is followed, in the same
/// append, by the promotions it makes.
public struct CourseChanged: DeskEvent {
    public static let type = "class.changed"
    public var id: ID<Course>
    public var name: String?
    public var teacher: String?
    public var capacity: Int?
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        guard var c = state.centre.courses[id] else { return }
        if let v = name { c.name = v }
        if let v = teacher { c.teacher = v }
        if let v = capacity { c.capacity = v }
        state.centre.courses[id] = c
    }
}

public struct Enrolled: DeskEvent {
    public static let type = "class.enrolled"
    public var course: ID<Course>
    public var cadre: ID<Cadre>
    public var at: LocalDateTime
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        guard state.centre.courses[course] != nil else { return }
        state.centre.courses[course]!.enrol(cadre, at: at, promoted: false)
        state.centre.joined(cadre, course)
    }
}

/// The class was full: the cadre joined the end of its waitlist.
public struct Waitlisted: DeskEvent {
    public static let type = "class.waitlisted"
    public var course: ID<Course>
    public var cadre: ID<Cadre>
    public var at: LocalDateTime
    /// The place given at the time (1-based), as told to the cadre.
    public var position: Int
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        guard state.centre.courses[course] != nil else { return }
        state.centre.courses[course]!.waitlist.append(WaitEntry(cadre: cadre, joined: at))
        state.centre.joined(cadre, course)
    }
}

/// The first in the waitlist took a freed place; the desk must call them.
public struct PromotedFromWaitlist: DeskEvent {
    public static let type = "class.promoted"
    public var course: ID<Course>
    public var cadre: ID<Cadre>
    public var at: LocalDateTime
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        guard state.centre.courses[course] != nil else { return }
        state.centre.courses[course]!.enrol(cadre, at: at, promoted: true)
        state.centre.addNotice(.promoted, cadre: cadre, course: course, booking: nil, at: at)
    }
}

/// Left the class or its waitlist. Promotions it makes follow in the same append.
public struct Withdrawn: DeskEvent {
    public static let type = "class.withdrawn"
    public var course: ID<Course>
    public var cadre: ID<Cadre>
    public var at: LocalDateTime
    public var reason: String
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        guard state.centre.courses[course] != nil else { return }
        state.centre.courses[course]!.withdraw(cadre, at: at, reason: reason)
    }
}

public struct WaitlistMoved: DeskEvent {
    public static let type = "class.moved"
    public var course: ID<Course>
    public var cadre: ID<Cadre>
    /// New 1-based position.
    public var to: Int
    public var reason: String
    public var at: LocalDateTime
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        guard var c = state.centre.courses[course], let from = c.waitlist.firstIndex(where: { $0.cadre == cadre }) else { return }
        let entry = c.waitlist.remove(at: from)
        let to = min(max(self.to, 1), c.waitlist.count + 1)
        c.waitlist.insert(entry, at: to - 1)
        c.moves.append(WaitlistMove(cadre: cadre, from: from + 1, to: to, reason: reason, by: meta.by, at: at))
        state.centre.courses[course] = c
    }
}

public struct NoticeCalled: DeskEvent {
    public static let type = "centre.called"
    public var notice: ID<CallNotice>
    public var note: String
    public var at: LocalDateTime
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        guard let i = state.centre.noticeSlot[notice] else { return }
        state.centre.notices[i].called = CallNotice.Called(at: at, by: meta.by, note: note)
    }
}

/// One check-in at the desk: the cadre (nil: a group's booking checked in by
/// number) and every booking, class session and event it counted for.
public struct CheckedIn: DeskEvent {
    public static let type = "checkin.done"
    public var cadre: ID<Cadre>?
    public var bookings: [ID<Booking>]
    public var at: LocalDateTime

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        var done: [ID<Booking>] = []
        for id in bookings {
            guard let i = state.centre.slot[id] else { continue }
            let b = state.centre.bookings[i]
            if b.isReleasable, b.checkedInAt == nil {
                state.centre.bookings[i].checkedInAt = at
            }
            if let cadre { state.centre.setPresent(cadre, at: i, true) }
            done.append(id)
        }
        state.centre.addCheckIn(CheckInRecord(cadre: cadre, at: at, bookings: done, by: meta.by))
    }
}

/// The roll of one class session or event, as taken: replaces who was present.
public struct AttendanceRecorded: DeskEvent {
    public static let type = "class.attendance"
    public var booking: ID<Booking>
    public var present: [ID<Cadre>]
    public var at: LocalDateTime

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        guard let i = state.centre.slot[booking] else { return }
        let now = Set(present)
        for c in state.centre.present[i] ?? [] where !now.contains(c) { state.centre.setPresent(c, at: i, false) }
        for c in present { state.centre.setPresent(c, at: i, true) }
    }
}
