/// The centre's figures for a period, for the supervisors' dashboard: room
/// utilisation, check-ins, no-shows, class enrolment against capacity,
/// attendance per class, waitlist lengths. Each figure carries the ids of the
/// records behind it so a screen can drill down.
public struct CentreFigures: Sendable, Hashable {
    public var period: Period
    public var rooms: [RoomUse]
    /// Check-ins at the desk in the period (one per arrival, however many items it covered).
    public var checkIns: Int
    /// Different cadres who checked in.
    public var peopleCheckedIn: Int
    /// Own and group bookings made for dates in the period (not class sessions or events), cancelled ones left out.
    public var bookings: Int
    public var cancelled: Int
    /// Bookings in the period not checked in by their no-show time (up to `now`).
    public var noShows: [ID<Booking>]
    /// No-shows per cadre answering for them, most first.
    public var noShowsByCadre: [NoShowCount]
    public var classes: [ClassFigures]

    /// Booked share of all rooms' open time together (0…1), nil with no open time.
    public var utilisation: Double? {
        let open = rooms.reduce(0) { $0 + $1.openMinutes }
        return open == 0 ? nil : Double(rooms.reduce(0) { $0 + $1.bookedMinutes }) / Double(open)
    }
}

public struct NoShowCount: Sendable, Hashable {
    public var cadre: ID<Cadre>
    public var count: Int
}

public struct RoomUse: Sendable, Hashable {
    public var room: ID<Room>
    public var name: String
    /// Open minutes in the period, closures taken off.
    public var openMinutes: Int
    /// Open minutes with at least one booking (released no-shows and cancellations do not count).
    public var bookedMinutes: Int
    /// Place-minutes taken (headcount × minutes) of the capacity × open minutes: how full shared rooms were.
    public var placeMinutes: Int
    public var capacity: Int

    /// Share of open time booked (0…1), nil when never open.
    public var utilisation: Double? { openMinutes == 0 ? nil : Double(bookedMinutes) / Double(openMinutes) }
}

public struct ClassFigures: Sendable, Hashable {
    public var course: ID<Course>
    public var name: String
    public var capacity: Int
    /// Enrolled at the end of the period (or now, if earlier).
    public var enrolled: Int
    /// Waiting now.
    public var waiting: Int
    /// Sessions held in the period (started, not cancelled).
    public var sessionsHeld: Int
    /// Attendances recorded at those sessions, and the attendances expected (enrolled per session).
    public var present: Int
    public var expected: Int

    public var attendanceRate: Double? { expected == 0 ? nil : Double(present) / Double(expected) }
    public var fill: Double { capacity == 0 ? 0 : Double(enrolled) / Double(capacity) }
}

extension CentreQuery {
    public func figures(for period: Period, now: LocalDateTime) -> CentreFigures {
        var rooms: [RoomUse] = []
        var bookings = 0, cancelled = 0
        var noShows: [ID<Booking>] = []
        for id in centre.roomOrder {
            guard let room = centre.rooms[id] else { continue }
            var use = RoomUse(room: id, name: room.name, openMinutes: 0, bookedMinutes: 0, placeMinutes: 0, capacity: room.capacity)
            let slot = centre.roomSlot[id] ?? -1
            for d in period.days {
                let open = openSpans(room, d)
                use.openMinutes += open.reduce(0) { $0 + $1.minutes }
                var taken: [TimeSpan] = []
                for i in centre.byRoomDate[CentreBook.RoomDate(room: slot, day: Int32(truncatingIfNeeded: d.dayNumber))] ?? [] {
                    let b = centre.bookings[i]
                    if b.isReleasable {
                        if b.isActive { bookings += 1 } else { cancelled += 1 }
                        if let t = b.noShowTime(settings), t <= now { noShows.append(b.id) }
                    }
                    guard b.occupies(at: now, settings) else { continue }
                    for o in open {
                        let a = max(o.start, b.span.start), z = min(o.end, b.span.end)
                        if a < z {
                            taken.append(TimeSpan(a, z))
                            use.placeMinutes += (z.minuteOfDay - a.minuteOfDay) * min(b.places(in: room), room.capacity)
                        }
                    }
                }
                use.bookedMinutes += Self.unionMinutes(taken)
            }
            if use.openMinutes > 0 || use.bookedMinutes > 0 || room.active { rooms.append(use) }
        }
        var ins = 0
        var people = Set<ID<Cadre>>()
        for d in period.days {
            for i in centre.checkInDays[d.dayNumber] ?? [] {
                ins += 1
                if let c = centre.checkIns[i].cadre { people.insert(c) }
            }
        }
        var perCadre: [ID<Cadre>: Int] = [:]
        for id in noShows { if let c = centre[booking: id]?.holder.responsible { perCadre[c, default: 0] += 1 } }
        return CentreFigures(period: period, rooms: rooms, checkIns: ins, peopleCheckedIn: people.count, bookings: bookings, cancelled: cancelled,
                             noShows: noShows,
                             noShowsByCadre: perCadre.map { NoShowCount(cadre: $0.key, count: $0.value) }
                                 .sorted { ($1.count, $0.cadre) < ($0.count, $1.cadre) },
                             classes: classFigures(period, now: now))
    }

    /// Desk check-ins with a business time in the period, by time.
    public func checkIns(in period: Period) -> [CheckInRecord] {
        period.days.flatMap { centre.checkIns(on: $0) }
    }

    func classFigures(_ period: Period, now: LocalDateTime) -> [ClassFigures] {
        centre.courseOrder.compactMap { centre.courses[$0] }
            .filter { $0.term.start <= period.end && period.start <= $0.term.end }
            .map { c in
                var f = ClassFigures(course: c.id, name: c.name, capacity: c.capacity,
                                     enrolled: c.enrolled(on: min(period.end, now.date)).count, waiting: c.waitlist.count,
                                     sessionsHeld: 0, present: 0, expected: 0)
                for i in centre.byCourse[c.id] ?? [] {
                    let b = centre.bookings[i]
                    guard period.contains(b.date), b.isActive, b.start <= now else { continue }
                    let members = c.enrolled(on: b.date)
                    f.sessionsHeld += 1
                    f.expected += members.count
                    f.present += (centre.present[i] ?? []).filter { members.contains($0) }.count
                }
                return f
            }
    }

    /// Open periods of a day with the closures cut out.
    func openSpans(_ room: Room, _ d: LocalDate) -> [TimeSpan] {
        let closed = centre.closedSpans(of: room.id, on: d).map { ($0.span.start.minuteOfDay, $0.span.end.minuteOfDay) }
        var out: [TimeSpan] = []
        for p in room.hours.periods(on: d) {
            var pieces = [(p.start.minuteOfDay, p.end.minuteOfDay)]
            for (a, z) in closed {
                pieces = pieces.flatMap { s, e -> [(Int, Int)] in
                    guard a < e, s < z else { return [(s, e)] }
                    return [(s, a), (z, e)].filter { $0.0 < $0.1 }
                }
            }
            out += pieces.map { TimeSpan(LocalTime(minuteOfDay: $0.0), LocalTime(minuteOfDay: $0.1)) }
        }
        return out
    }

    /// Minutes covered by at least one of the spans.
    static func unionMinutes(_ spans: [TimeSpan]) -> Int {
        var total = 0
        var end = -1
        for s in spans.sorted() {
            let a = max(s.start.minuteOfDay, end), z = s.end.minuteOfDay
            if z > a { total += z - a }
            end = max(end, z)
        }
        return total
    }
}
