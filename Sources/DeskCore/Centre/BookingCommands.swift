/// Books a room once. The slot must lie inside the opening hours, outside
/// closures, and fit the room (headcount in shared rooms, no overlap in
/// exclusive ones); the refusal names the bookings in the way. Class sessions
/// and the centre's own events take the whole room.
public struct BookRoom: DeskCommand {
    public var room: ID<Room>
    public var date: LocalDate
    public var span: TimeSpan
    public var headcount: Int
    public var purpose: String
    public var holder: BookingHolder
    /// Go ahead despite warnings (the cadre's no-shows, another booking at the same time).
    public var confirmed: Bool

    public init(room: ID<Room>, date: LocalDate, span: TimeSpan, headcount: Int = 1, purpose: String = "",
                for holder: BookingHolder, confirmed: Bool = false) {
        self.room = room
        self.date = date
        self.span = span
        self.headcount = headcount
        self.purpose = purpose
        self.holder = holder
        self.confirmed = confirmed
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(holder.kind == .centre ? .manageCentre : .bookRooms)
        var problems = BookingRules.requestProblems(room: room, span: span, headcount: headcount, purpose: purpose,
                                                    holder: holder, state: state)
        problems += BookingRules.timeProblems(date: date, span: span, settings: state.settings.centre, now: context.now)
        if problems.isEmpty, let r = state.centre.rooms[room] {
            let places = BookingRules.places(headcount: headcount, kind: holder.kind, room: r)
            let c = BookingRules.conflicts(room: r, date: date, span: span, places: places, centre: state.centre,
                                           now: context.now, settings: state.settings.centre)
            problems = BookingRules.problems(c, room: r, date: date, span: span, places: places, state: state)
        }
        if !problems.isEmpty { throw .invalid(problems) }
        if !confirmed {
            let w = BookingRules.warnings(holder: holder, date: date, span: span, state: state, now: context.now)
            if !w.isEmpty { throw .needsConfirmation(w) }
        }
        return [BookingMade(id: state.centre.nextBookingID(), room: room, date: date, span: span, headcount: headcount,
                            wholeRoom: BookingRules.takesWholeRoom(holder.kind), purpose: Blank.trim(purpose),
                            holder: BookingRules.clean(holder), series: nil, at: context.now)]
    }
}

/// Books a room every week on the weekday of `first` until `until`. With
/// `skipConflicts` the bookable dates are booked together (all or none) and
/// the others are listed, by date and reason, in the `booking.series` event;
/// without it any unbookable date refuses the whole series, listing them all.
public struct BookRoomWeekly: DeskCommand {
    public var room: ID<Room>
    public var first: LocalDate
    public var until: LocalDate
    public var span: TimeSpan
    public var headcount: Int
    public var purpose: String
    public var holder: BookingHolder
    public var skipConflicts: Bool
    public var confirmed: Bool

    public static let maxWeeks = 60

    public init(room: ID<Room>, first: LocalDate, until: LocalDate, span: TimeSpan, headcount: Int = 1, purpose: String = "",
                for holder: BookingHolder, skipConflicts: Bool, confirmed: Bool = false) {
        self.room = room
        self.first = first
        self.until = until
        self.span = span
        self.headcount = headcount
        self.purpose = purpose
        self.holder = holder
        self.skipConflicts = skipConflicts
        self.confirmed = confirmed
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(holder.kind == .centre ? .manageCentre : .bookRooms)
        // The request is checked once; each date then on its own.
        var problems = BookingRules.requestProblems(room: room, span: span, headcount: headcount, purpose: purpose,
                                                    holder: holder, state: state)
        if until < first { problems.append(Problem("centre.series.until_before_first", field: "until")) }
        let horizon = context.today.adding(days: state.settings.centre.bookingHorizonDays)
        if until > horizon {
            problems.append(Problem("centre.booking.too_far", [String(state.settings.centre.bookingHorizonDays), horizon.description], field: "until"))
        }
        if first.distance(to: until) / 7 + 1 > Self.maxWeeks {
            problems.append(Problem("centre.series.too_long", [String(Self.maxWeeks)], field: "until"))
        }
        if first < context.today { problems.append(Problem("centre.booking.in_past", [first.description, context.now.description], field: "first")) }
        guard problems.isEmpty, let r = state.centre.rooms[room] else { throw .invalid(problems) }

        let dates = stride(from: first, through: until, by: 7).map { $0 }
        let plan = BookingRules.plan(dates: dates, room: r, span: span, headcount: headcount, holder: holder, state: state, now: context.now)
        if plan.booked.isEmpty { throw .invalid([Problem("centre.series.nothing_bookable", field: "first")] + plan.problems) }
        if !skipConflicts, !plan.problems.isEmpty { throw .invalid(plan.problems) }
        if !confirmed {
            var w: [Problem] = []
            for d in plan.booked { w += BookingRules.warnings(holder: holder, date: d, span: span, state: state, now: context.now) }
            var seen = Set<Problem>()
            w = w.filter { seen.insert($0).inserted }
            if !w.isEmpty { throw .needsConfirmation(w) }
        }
        let series = state.centre.nextSeriesID()
        var events: [any DeskEvent] = [SeriesBooked(id: series, room: room, span: span, first: first, until: until,
                                                    holder: BookingRules.clean(holder), skipped: plan.skipped)]
        for (n, d) in plan.booked.enumerated() {
            events.append(BookingMade(id: state.centre.nextBookingID(after: n), room: room, date: d, span: span, headcount: headcount,
                                      wholeRoom: BookingRules.takesWholeRoom(holder.kind), purpose: Blank.trim(purpose),
                                      holder: BookingRules.clean(holder), series: series, at: context.now))
        }
        return events
    }
}

/// Cancels one booking that has not yet been used: not checked in, not
/// released, not over.
public struct CancelBooking: DeskCommand {
    public var booking: ID<Booking>
    public var reason: String

    public init(_ booking: ID<Booking>, reason: String = "") {
        self.booking = booking
        self.reason = reason
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        guard let b = state.centre[booking: booking] else { throw .conflict(Problem("centre.booking.not_found", [booking.raw])) }
        try context.require(b.holder.kind == .centre || b.holder.kind == .course ? .manageCentre : .bookRooms)
        if let p = BookingRules.cancelProblem(b, state: state, now: context.now) { throw .conflict(p) }
        if let p = CentreLabel.tooLong(reason, field: "reason") { throw .invalid([p]) }
        return [BookingsCancelled(bookings: [booking], reason: reason, at: context.now)]
    }
}

/// Cancels the rest of a weekly series: its bookings from `from` on that have
/// not started yet.
public struct CancelSeries: DeskCommand {
    public var series: ID<BookingSeries>
    public var from: LocalDate
    public var reason: String

    public init(_ series: ID<BookingSeries>, from: LocalDate, reason: String = "") {
        self.series = series
        self.from = from
        self.reason = reason
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        guard let s = state.centre.series[series] else { throw .conflict(Problem("centre.series.not_found", [series.raw])) }
        try context.require(s.holder.kind == .centre ? .manageCentre : .bookRooms)
        if let p = CentreLabel.tooLong(reason, field: "reason") { throw .invalid([p]) }
        let rest = s.bookings.compactMap { state.centre[booking: $0] }
            .filter { $0.date >= from && $0.isActive && $0.start > context.now }
        if rest.isEmpty { throw .conflict(Problem("centre.series.nothing_left", [series.raw, from.description])) }
        return [BookingsCancelled(bookings: rest.map(\.id), reason: reason, at: context.now)]
    }
}

/// Puts a cadre on an event's attendee list; the list holds at most the hall's capacity.
public struct AddAttendee: DeskCommand {
    public var booking: ID<Booking>
    public var cadre: ID<Cadre>

    public init(booking: ID<Booking>, cadre: ID<Cadre>) {
        self.booking = booking
        self.cadre = cadre
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.bookRooms)
        guard let b = state.centre[booking: booking], b.hasAttendeeList else {
            throw .conflict(Problem("centre.event.not_found", [booking.raw]))
        }
        if let c = b.cancelled { throw .conflict(Problem("centre.event.cancelled", [b.purpose, c.reason])) }
        if context.now >= b.end { throw .invalid("centre.event.over", [b.purpose]) }
        if let p = BookingRules.cadreProblems(cadre, state: state, field: "cadre") { throw .invalid([p]) }
        let list = state.centre.attendees(of: booking)
        if list.contains(cadre) { throw .invalid("centre.event.already_listed", [CentreLabel.cadreName(cadre, state), b.purpose], field: "cadre") }
        let capacity = state.centre.rooms[b.room]?.capacity ?? 0
        if list.count >= capacity { throw .invalid("centre.event.full", [b.purpose, String(capacity)], field: "cadre") }
        return [AttendeeAdded(booking: booking, cadre: cadre)]
    }
}

public struct RemoveAttendee: DeskCommand {
    public var booking: ID<Booking>
    public var cadre: ID<Cadre>

    public init(booking: ID<Booking>, cadre: ID<Cadre>) {
        self.booking = booking
        self.cadre = cadre
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.bookRooms)
        guard state.centre.attendees(of: booking).contains(cadre) else {
            throw .conflict(Problem("centre.event.not_listed", [CentreLabel.cadreName(cadre, state), booking.raw]))
        }
        return [AttendeeRemoved(booking: booking, cadre: cadre)]
    }
}

extension BookingRules {
    /// Class sessions and the centre's own events take the whole room.
    static func takesWholeRoom(_ kind: HolderKind) -> Bool { kind == .course || kind == .centre }

    static func places(headcount: Int, kind: HolderKind, room: Room) -> Int {
        Booking.places(headcount: headcount, wholeRoom: takesWholeRoom(kind), room: room)
    }

    static func clean(_ holder: BookingHolder) -> BookingHolder {
        if case .group(let name, let contact) = holder { return .group(name: Blank.trim(name), contact: contact) }
        return holder
    }

    /// Dates of a weekly plan split into bookable ones and skipped ones (with
    /// the first reason each), plus the full problems for a refusal.
    static func plan(dates: [LocalDate], room: Room, span: TimeSpan, headcount: Int, holder: BookingHolder,
                     state: DeskState, now: LocalDateTime) -> (booked: [LocalDate], skipped: [SkippedDate], problems: [Problem]) {
        var booked: [LocalDate] = [], skipped: [SkippedDate] = [], problems: [Problem] = []
        let places = places(headcount: headcount, kind: holder.kind, room: room)
        for d in dates {
            var p: [Problem] = []
            if LocalDateTime(d, span.start) < now {
                p.append(Problem("centre.booking.in_past", [LocalDateTime(d, span.start).description, now.description], field: "first"))
            } else {
                let c = conflicts(room: room, date: d, span: span, places: places, centre: state.centre, now: now,
                                  settings: state.settings.centre)
                p = BookingRules.problems(c, room: room, date: d, span: span, places: places, state: state)
            }
            if let first = p.first {
                skipped.append(SkippedDate(date: d, reason: first))
                problems += p
            } else {
                booked.append(d)
            }
        }
        return (booked, skipped, problems)
    }

    /// Why a booking cannot be cancelled now, if it cannot.
    static func cancelProblem(_ b: Booking, state: DeskState, now: LocalDateTime) -> Problem? {
        if let c = b.cancelled { return Problem("centre.booking.already_cancelled", [b.id.raw, c.at.description]) }
        if let t = b.checkedInAt { return Problem("centre.booking.already_checked_in", [b.id.raw, t.time.description]) }
        if let r = b.releaseTime(state.settings.centre), now >= r { return Problem("centre.booking.already_released", [b.id.raw, r.time.description]) }
        if now >= b.end { return Problem("centre.booking.over", [b.id.raw]) }
        return nil
    }
}
