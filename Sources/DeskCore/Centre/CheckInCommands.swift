/// Checks a cadre in at the desk: one check-in marks every booking, class
/// session and event of theirs today that is open for check-in (from
/// `checkInOpensMinutes` before its start). When nothing is open the refusal
/// says why: released as a no-show (a late arrival), not open yet, already
/// checked in, or nothing today.
public struct CheckIn: DeskCommand {
    public var cadre: ID<Cadre>

    public init(_ cadre: ID<Cadre>) { self.cadre = cadre }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.checkIn)
        if let p = BookingRules.cadreProblems(cadre, state: state, field: "cadre") { throw .invalid([p]) }
        let items = CentreQuery(state).today(for: cadre, now: context.now)
        let open = items.filter(\.state.isOpen)
        if open.isEmpty { throw .invalid([CheckInRules.nothingOpen(items, cadre: cadre, state: state)]) }
        return [CheckedIn(cadre: cadre, bookings: open.map(\.booking), at: context.now)]
    }
}

/// Checks one booking in by its number: a group without a contact cadre, or
/// a cadre the desk cannot look up by name.
public struct CheckInBooking: DeskCommand {
    public var booking: ID<Booking>

    public init(_ booking: ID<Booking>) { self.booking = booking }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.checkIn)
        guard let b = state.centre[booking: booking] else { throw .conflict(Problem("centre.booking.not_found", [booking.raw])) }
        guard b.isReleasable else { throw .invalid("centre.checkin.by_cadre", [booking.raw]) }
        let st = CentreRules.checkInState(of: b, for: b.holder.responsible, at: context.now, in: state)
        guard st.isOpen else {
            let item = CentreQuery(state).item(b, for: b.holder.responsible, now: context.now)
            throw .invalid([CheckInRules.nothingOpen([item], cadre: b.holder.responsible, state: state)])
        }
        return [CheckedIn(cadre: b.holder.responsible, bookings: [booking], at: context.now)]
    }
}

/// The roll of a class session or an event, as taken by the teacher or the
/// desk: who was present (replaces what check-ins marked).
public struct RecordAttendance: DeskCommand {
    public var booking: ID<Booking>
    public var present: [ID<Cadre>]

    public init(_ booking: ID<Booking>, present: [ID<Cadre>]) {
        self.booking = booking
        self.present = present
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.checkIn)
        guard let b = state.centre[booking: booking], b.holder.kind == .course || b.holder.kind == .centre else {
            throw .conflict(Problem("centre.attendance.not_session", [booking.raw]))
        }
        if let c = b.cancelled { throw .conflict(Problem("centre.booking.already_cancelled", [b.id.raw, c.at.description])) }
        if b.start.adding(minutes: -state.settings.centre.checkInOpensMinutes) > context.now {
            throw .invalid("centre.attendance.future", [b.date.description, b.span.start.description])
        }
        var problems: [Problem] = []
        if case .course(let k) = b.holder, let course = state.centre.courses[k] {
            let members = Set(course.enrolled(on: b.date))
            for c in present where !members.contains(c) {
                problems.append(Problem("centre.attendance.not_enrolled", [CentreLabel.cadreName(c, state), course.name], field: "present"))
            }
        } else {
            for c in present where state.roster[c] == nil {
                problems.append(Problem("centre.cadre.not_found", [c.raw], field: "present"))
            }
        }
        if !problems.isEmpty { throw .invalid(problems) }
        var seen = Set<ID<Cadre>>()
        let list = present.filter { seen.insert($0).inserted }
        if Set(list) == state.centre.presence(at: booking) { return [] }
        return [AttendanceRecorded(booking: booking, present: list, at: context.now)]
    }
}

enum CheckInRules {
    /// Why nothing could be checked in, most useful reason first: a release
    /// (the late arrival must hear it), then when check-in opens, then done.
    static func nothingOpen(_ items: [TodayItem], cadre: ID<Cadre>?, state: DeskState) -> Problem {
        let name = cadre.map { CentreLabel.cadreName($0, state) } ?? ""
        for i in items {
            if case .released(let at) = i.state {
                return Problem("centre.checkin.released", [name, i.booking.raw, i.roomName, i.span.description, at.time.description])
            }
        }
        for i in items {
            if case .opensAt(let t) = i.state {
                return Problem("centre.checkin.not_yet", [i.title, i.span.start.description, t.time.description])
            }
        }
        if items.contains(where: { if case .checkedIn = $0.state { return true } else { return false } }) {
            return Problem("centre.checkin.already", [name])
        }
        return Problem("centre.checkin.nothing_today", [name])
    }
}
