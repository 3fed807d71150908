/// Adds a room with its capacity, sharing, opening hours and whom it may be booked for.
public struct AddRoom: DeskCommand {
    public var name: String
    public var capacity: Int
    public var sharing: RoomSharing
    public var hours: OpeningHours
    public var bookableFor: [HolderKind]
    public var note: String

    public init(name: String, capacity: Int, sharing: RoomSharing, hours: OpeningHours, bookableFor: [HolderKind], note: String = "") {
        self.name = name
        self.capacity = capacity
        self.sharing = sharing
        self.hours = hours
        self.bookableFor = bookableFor
        self.note = note
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.manageCentre)
        let room = Room(id: state.centre.nextRoomID(), name: Blank.trim(name), capacity: capacity, sharing: sharing,
                        hours: hours, bookableFor: Array(Set(bookableFor)).sorted(), note: Blank.trim(note))
        let problems = RoomRules.problems(room, state: state)
        if !problems.isEmpty { throw .invalid(problems) }
        return [RoomAdded(room: room)]
    }
}

/// Changes a room (or retires it with `active: false`). Bookings to come that
/// would no longer fit are not cancelled; the clerk is shown them first.
public struct ChangeRoom: DeskCommand {
    public var room: Room
    public var confirmed: Bool

    public init(_ room: Room, confirmed: Bool = false) {
        self.room = room
        self.confirmed = confirmed
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.manageCentre)
        guard let old = state.centre.rooms[room.id] else { throw .conflict(Problem("centre.room.not_found", [room.id.raw])) }
        var new = room
        new.name = Blank.trim(room.name)
        new.note = Blank.trim(room.note)
        new.bookableFor = Array(Set(room.bookableFor)).sorted()
        if new == old { return [] }
        let problems = RoomRules.problems(new, state: state)
        if !problems.isEmpty { throw .invalid(problems) }
        if !confirmed {
            let misfits = RoomRules.misfits(after: new, state: state, now: context.now)
            if !misfits.isEmpty {
                throw .needsConfirmation([Problem("centre.room.change_affects", [String(misfits.count), RoomRules.list(misfits)])])
            }
        }
        return [RoomChanged(room: new)]
    }
}

/// Closes one room (`room`) or the whole centre (`room == nil`) from `from` to
/// `to` (exclusive). Bookings it covers are cancelled and put on the desk's
/// call list; the clerk is shown them first (`confirmed`).
public struct CloseRoom: DeskCommand {
    public var room: ID<Room>?
    public var from: LocalDateTime
    public var to: LocalDateTime
    public var reason: String
    public var confirmed: Bool

    public static let maxDays = 400

    public init(room: ID<Room>?, from: LocalDateTime, to: LocalDateTime, reason: String, confirmed: Bool = false) {
        self.room = room
        self.from = from
        self.to = to
        self.reason = reason
        self.confirmed = confirmed
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.manageCentre)
        var problems: [Problem] = []
        if let r = room, state.centre.rooms[r] == nil { problems.append(Problem("centre.room.not_found", [r.raw], field: "room")) }
        if to <= from { problems.append(Problem("centre.closure.order", field: "to")) }
        if from.date.distance(to: to.date) > Self.maxDays { problems.append(Problem("centre.closure.too_long", [String(Self.maxDays)], field: "to")) }
        let why = Blank.trim(reason)
        if why.isEmpty { problems.append(Problem("centre.closure.reason_required", field: "reason")) }
        if let p = CentreLabel.tooLong(why, field: "reason") { problems.append(p) }
        if !problems.isEmpty { throw .invalid(problems) }
        let affected = CentreQuery(state).bookingsAffected(byClosureOf: room, from: from, to: to, now: context.now)
        if !affected.isEmpty, !confirmed {
            throw .needsConfirmation([Problem("centre.closure.affects", [String(affected.count), RoomRules.list(affected)])])
        }
        let closure = RoomClosure(id: state.centre.nextClosureID(), room: room, from: from, to: to, reason: why)
        return [RoomClosed(closure: closure, cancelled: affected.map(\.id), at: context.now)]
    }
}

public struct RemoveClosure: DeskCommand {
    public var closure: ID<RoomClosure>
    public var reason: String

    public init(_ closure: ID<RoomClosure>, reason: String) {
        self.closure = closure
        self.reason = reason
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.manageCentre)
        guard state.centre.closures.contains(where: { $0.id == closure }) else {
            throw .conflict(Problem("centre.closure.not_found", [closure.raw]))
        }
        return [ClosureRemoved(closure: closure, reason: Blank.trim(reason))]
    }
}

enum RoomRules {
    static let maxCapacity = 2000

    static func problems(_ room: Room, state: DeskState) -> [Problem] {
        var out: [Problem] = []
        if room.name.isEmpty { out.append(Problem("centre.room.name_required", field: "name")) }
        if room.name.count > CentreLabel.maxName { out.append(Problem("centre.room.name_long", [String(CentreLabel.maxName)], field: "name")) }
        if room.active, let other = state.centre.rooms.values.first(where: { $0.active && $0.id != room.id && $0.name == room.name }) {
            out.append(Problem("centre.room.name_taken", [room.name, other.id.raw], field: "name"))
        }
        if !(1...maxCapacity).contains(room.capacity) {
            out.append(Problem("centre.room.capacity", [String(maxCapacity)], field: "capacity"))
        }
        out += room.hours.problems(field: "hours")
        return out
    }

    /// Bookings to come that the changed room would no longer hold (outside
    /// the new hours, over the new capacity, overlapping in a now-exclusive room).
    static func misfits(after room: Room, state: DeskState, now: LocalDateTime) -> [Booking] {
        let s = state.settings.centre
        var out: [Booking] = []
        for d in now.date...now.date.adding(days: s.bookingHorizonDays) {
            for b in state.centre.bookings(in: room.id, on: d) where b.end > now && b.occupies(at: now, s) {
                let c = BookingRules.conflicts(room: room, date: d, span: b.span, places: b.places(in: room), centre: state.centre,
                                               now: now, settings: s, ignoring: [b.id], firstOnly: true)
                if !c.isEmpty || !room.active { out.append(b) }
            }
        }
        return out
    }

    /// The first bookings of a list as the desk reads them: `B000012 03-05 09:00`.
    static func list(_ bookings: [Booking], limit: Int = 8) -> String {
        var parts = bookings.prefix(limit).map { "\($0.id) \($0.date) \($0.span.start)" }
        if bookings.count > limit { parts.append("…") }
        return parts.joined(separator: "、")
    }
}
