/// The rules a booking must pass, as pure functions of the state and the time
/// given: opening hours, closures, and room space (headcount against capacity
/// at every moment of the overlap in shared rooms; no overlap at all in
/// exclusive ones). Bookings released as no-shows at `now` leave their space.
public enum BookingRules {
    /// What stands in the way of a slot, before it is put into words.
    enum Conflict {
        case closedDay
        case outsideHours([TimeSpan])
        case closure(RoomClosure)
        /// Exclusive room: the overlapping bookings.
        case taken([Booking])
        /// Shared room: at `at` the load is `load` of `capacity`, from `by`.
        case full(at: LocalTime, load: Int, by: [Booking])
    }

    /// Conflicts of a slot in `room` (all of them, or the first only).
    static func conflicts(room: Room, date: LocalDate, span: TimeSpan, places: Int, centre: CentreBook,
                          now: LocalDateTime, settings: CentreSettings, ignoring: Set<ID<Booking>> = [],
                          firstOnly: Bool = false) -> [Conflict] {
        var out: [Conflict] = []
        let periods = room.hours.periods(on: date)
        if periods.isEmpty {
            out.append(.closedDay)
        } else if !periods.contains(where: { $0.contains(span) }) {
            out.append(.outsideHours(periods))
        }
        if firstOnly, !out.isEmpty { return out }
        let start = LocalDateTime(date, span.start), end = LocalDateTime(date, span.end)
        for c in centre.closures where c.covers(room: room.id) && c.overlaps(start, end) {
            out.append(.closure(c))
            if firstOnly { return out }
        }
        let others = centre.indexes(in: room.id, on: date).lazy
            .map { centre.bookings[$0] }
            .filter { $0.span.overlaps(span) && !ignoring.contains($0.id) && $0.occupies(at: now, settings) }
        switch room.sharing {
        case .exclusive:
            let taken = Array(others)
            if !taken.isEmpty { out.append(.taken(taken)) }
        case .shared:
            if let peak = peakLoad(of: Array(others), over: span, room: room), peak.load + places > room.capacity {
                out.append(.full(at: peak.at, load: peak.load, by: peak.by))
            }
        }
        return out
    }

    /// The highest load of `bookings` within `span` (it is reached at `span.start`
    /// or at some booking's start inside it), with the bookings making it up.
    static func peakLoad(of bookings: [Booking], over span: TimeSpan, room: Room) -> (at: LocalTime, load: Int, by: [Booking])? {
        guard !bookings.isEmpty else { return nil }
        var best: (at: LocalTime, load: Int, by: [Booking])?
        var points = [span.start]
        for b in bookings where b.span.start > span.start && b.span.start < span.end { points.append(b.span.start) }
        for t in points {
            let here = bookings.filter { $0.span.start <= t && t < $0.span.end }
            let load = here.reduce(0) { $0 + $1.places(in: room) }
            if load > (best?.load ?? -1) { best = (t, load, here) }
        }
        return best
    }

    /// True if the slot is free for `places` more people.
    static func fits(room: Room, date: LocalDate, span: TimeSpan, places: Int, centre: CentreBook,
                     now: LocalDateTime, settings: CentreSettings) -> Bool {
        conflicts(room: room, date: date, span: span, places: places, centre: centre, now: now, settings: settings,
                  firstOnly: true).isEmpty
    }

    /// The conflicts as messages naming the room, the date and the bookings in the way.
    static func problems(_ conflicts: [Conflict], room: Room, date: LocalDate, span: TimeSpan, places: Int,
                         state: DeskState, field: String? = "start") -> [Problem] {
        conflicts.map { c in
            switch c {
            case .closedDay:
                return Problem("centre.booking.closed_day", [room.name, date.description], field: field)
            case .outsideHours(let periods):
                return Problem("centre.booking.outside_hours",
                               [room.name, date.description, periods.map(\.description).joined(separator: "、"), span.description],
                               field: field)
            case .closure(let z):
                return Problem("centre.booking.closure", [room.name, z.from.description, z.to.description, z.reason], field: field)
            case .taken(let bs):
                let names = bs.map { "\($0.id) \(CentreLabel.of($0, state)) \($0.span)" }.joined(separator: "、")
                return Problem("centre.booking.taken", [room.name, date.description, span.description, names], field: field)
            case .full(let at, let load, let by):
                let names = by.map { "\($0.id) \(CentreLabel.of($0, state)) ×\($0.places(in: room))" }.joined(separator: "、")
                return Problem("centre.booking.full",
                               [room.name, date.description, at.description, String(load), names, String(room.capacity),
                                String(max(0, room.capacity - load)), String(places)], field: field)
            }
        }
    }

    /// Problems of the request itself (not of the slot): the room, whom it is
    /// for, headcount, purpose, the order of the times.
    static func requestProblems(room id: ID<Room>, span: TimeSpan, headcount: Int, purpose: String,
                                holder: BookingHolder, state: DeskState) -> [Problem] {
        var out: [Problem] = []
        guard let room = state.centre.rooms[id] else { return [Problem("centre.room.not_found", [id.raw], field: "room")] }
        if !room.active { out.append(Problem("centre.room.retired", [room.name], field: "room")) }
        if !room.accepts(holder.kind) {
            out.append(Problem("centre.booking.not_for_\(holder.kind.rawValue)", [room.name], field: "holder"))
        }
        out += holderProblems(holder, state: state)
        if headcount < 1 || headcount > room.capacity {
            out.append(Problem("centre.booking.headcount", [String(room.capacity), room.name], field: "headcount"))
        }
        if purpose.count > CentreLabel.maxPurpose {
            out.append(Problem("centre.booking.purpose_long", [String(CentreLabel.maxPurpose)], field: "purpose"))
        }
        if holder.kind == .centre, purpose.trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(Problem("centre.booking.purpose_required", field: "purpose"))
        }
        if span.end <= span.start {
            out.append(Problem("centre.booking.span_order", [span.start.description, span.end.description], field: "end"))
        }
        return out
    }

    /// The start must not have passed, and the date must lie within the booking horizon.
    static func timeProblems(date: LocalDate, span: TimeSpan, settings: CentreSettings, now: LocalDateTime,
                             dateField: String = "date") -> [Problem] {
        var out: [Problem] = []
        let start = LocalDateTime(date, span.start)
        if start < now {
            out.append(Problem("centre.booking.in_past", [start.description, now.description], field: "start"))
        }
        let last = now.date.adding(days: settings.bookingHorizonDays)
        if date > last {
            out.append(Problem("centre.booking.too_far", [String(settings.bookingHorizonDays), last.description], field: dateField))
        }
        return out
    }

    static func holderProblems(_ holder: BookingHolder, state: DeskState) -> [Problem] {
        switch holder {
        case .cadre(let c):
            return cadreProblems(c, state: state, field: "holder").map { [$0] } ?? []
        case .group(let name, let contact):
            var out: [Problem] = []
            let n = name.trimmingCharacters(in: .whitespaces)
            if n.isEmpty { out.append(Problem("centre.booking.group_required", field: "holder")) }
            if n.count > CentreLabel.maxGroupName {
                out.append(Problem("centre.booking.group_long", [String(CentreLabel.maxGroupName)], field: "holder"))
            }
            if let c = contact, let p = cadreProblems(c, state: state, field: "contact") { out.append(p) }
            return out
        case .course(let k):
            return state.centre.courses[k] == nil ? [Problem("centre.class.not_found", [k.raw], field: "holder")] : []
        case .centre:
            return []
        }
    }

    /// The cadre must be on the roster and alive.
    static func cadreProblems(_ id: ID<Cadre>, state: DeskState, field: String) -> Problem? {
        guard let cadre = state.roster[id] else { return Problem("centre.cadre.not_found", [id.raw], field: field) }
        if let d = cadre.deceasedOn { return Problem("centre.cadre.deceased", [cadre.name, d.description], field: field) }
        return nil
    }

    /// Warnings a clerk may override: the cadre often fails to come, or
    /// already has a booking at that time.
    static func warnings(holder: BookingHolder, date: LocalDate, span: TimeSpan, state: DeskState, now: LocalDateTime) -> [Problem] {
        guard let cadre = holder.responsible else { return [] }
        var out: [Problem] = []
        let settings = state.settings.centre
        let name = state.roster[cadre]?.name ?? cadre.raw
        if settings.noShowWarnCount > 0 {
            let since = now.adding(minutes: -settings.noShowWindowDays * 1440)
            let n = CentreRules.noShows(of: cadre, from: since, to: now, in: state).count
            if n >= settings.noShowWarnCount {
                out.append(Problem("centre.booking.noshow_warning", [name, String(settings.noShowWindowDays), String(n)]))
            }
        }
        for b in state.centre.bookings(for: cadre) where b.date == date && b.span.overlaps(span) && b.occupies(at: now, settings) {
            let room = state.centre.rooms[b.room]?.name ?? b.room.raw
            out.append(Problem("centre.booking.cadre_busy", [name, b.id.raw, room, b.span.description]))
        }
        return out
    }
}
