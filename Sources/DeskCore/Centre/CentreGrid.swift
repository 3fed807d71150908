/// The timeline grids: every room on one day (today's screen), one room over
/// a week (the week grid). Plain values a screen draws directly.
public struct DayGrid: Sendable, Hashable {
    public var date: LocalDate
    /// The earliest opening and the latest closing of any room (whole hours), for the time axis.
    public var from: LocalTime
    public var to: LocalTime
    public var rooms: [RoomDay]
}

/// One room on one day.
public struct RoomDay: Sendable, Hashable {
    public var room: ID<Room>
    public var roomName: String
    public var capacity: Int
    public var sharing: RoomSharing
    public var date: LocalDate
    /// Opening periods of the day.
    public var open: [TimeSpan]
    /// Closures over the day, clipped to it.
    public var closed: [ClosedSpan]
    /// Bookings, class sessions and events (cancelled ones left out; released ones shown as such), by start.
    public var items: [GridItem]
    /// Open, unclosed time cut where the load changes: places taken and free.
    public var load: [LoadSpan]
    /// Open time with at least one free place (an exclusive room: no booking), merged.
    public var free: [TimeSpan]
}

public struct ClosedSpan: Sendable, Hashable {
    public var span: TimeSpan
    public var reason: String
    public var closure: ID<RoomClosure>
}

public struct LoadSpan: Sendable, Hashable {
    public var span: TimeSpan
    public var taken: Int
    public var free: Int
}

public struct GridItem: Sendable, Hashable {
    public var booking: ID<Booking>
    public var span: TimeSpan
    public var kind: HolderKind
    /// The cadre's, group's or class's name, or the event's title.
    public var label: String
    public var purpose: String
    public var headcount: Int
    /// Places it takes (the whole room for classes and events).
    public var places: Int
    public var status: GridStatus
    /// Checked in / present so far (own and group bookings: 0 or 1).
    public var present: Int
    /// Expected: enrolled for a class session, listed for an event, 1 otherwise.
    public var expected: Int
    public var series: ID<BookingSeries>?
}

public enum GridStatus: String, Sendable, Hashable, CaseIterable {
    /// Booked, check-in not open yet.
    case booked
    /// Check-in is open and nobody has checked in.
    case checkInOpen
    case checkedIn
    /// A class session or event under way.
    case inProgress
    /// Released as a no-show: its space is free again.
    case released
    case ended
}

extension CentreQuery {
    /// Every active room on `date`, in room order.
    public func day(_ date: LocalDate, now: LocalDateTime) -> DayGrid {
        let rooms = centre.roomList().map { roomDay($0, date, now: now) }
        let opens = rooms.flatMap(\.open)
        let from = opens.map(\.start).min() ?? LocalTime(8, 0)
        let to = opens.map(\.end).max() ?? LocalTime(18, 0)
        return DayGrid(date: date, from: LocalTime(from.hour, 0),
                       to: LocalTime(minuteOfDay: min(1440, (to.minuteOfDay + 59) / 60 * 60)), rooms: rooms)
    }

    /// One room for `days` days from `start` (a week by default; the screen
    /// moves `start` by a day or a week).
    public func week(of room: ID<Room>, from start: LocalDate, days: Int = 7, now: LocalDateTime) -> [RoomDay] {
        guard let r = centre.rooms[room] else { return [] }
        return (0..<days).map { roomDay(r, start.adding(days: $0), now: now) }
    }

    public func roomDay(_ room: Room, _ date: LocalDate, now: LocalDateTime) -> RoomDay {
        let closed = centre.closedSpans(of: room.id, on: date)
        let all = centre.bookings(in: room.id, on: date).filter(\.isActive)
        let items = all.map { gridItem($0, room: room, now: now) }
        let occupying = all.filter { $0.occupies(at: now, settings) }
        let open = room.hours.periods(on: date)
        let load = loadSpans(room: room, open: open, closed: closed.map(\.span), bookings: occupying)
        var free: [TimeSpan] = []
        for l in load where l.free > 0 {
            if let last = free.last, last.end == l.span.start { free[free.count - 1].end = l.span.end } else { free.append(l.span) }
        }
        return RoomDay(room: room.id, roomName: room.name, capacity: room.capacity, sharing: room.sharing, date: date,
                       open: open, closed: closed, items: items, load: load, free: free)
    }

    func gridItem(_ b: Booking, room: Room, now: LocalDateTime) -> GridItem {
        let opens = b.start.adding(minutes: -settings.checkInOpensMinutes)
        var present = centre.presence(at: b.id).count
        var expected = 1
        let status: GridStatus
        switch b.holder {
        case .cadre, .group:
            if b.checkedInAt != nil {
                status = .checkedIn
                present = max(present, 1)
            } else if b.isReleased(at: now, settings) {
                status = .released
            } else if now >= b.end {
                status = .ended
            } else {
                status = now >= opens ? .checkInOpen : .booked
            }
        case .course(let k):
            expected = centre.courses[k]?.enrolled(on: b.date).count ?? 0
            status = sessionStatus(b, now: now)
        case .centre:
            expected = centre.attendees(of: b.id).count
            status = sessionStatus(b, now: now)
        }
        return GridItem(booking: b.id, span: b.span, kind: b.holder.kind, label: CentreLabel.of(b, state), purpose: b.purpose,
                        headcount: b.headcount, places: b.places(in: room), status: status, present: present,
                        expected: expected, series: b.series)
    }

    /// A class session or centre event at `now`, by its start and end: 已预约, 可签到
    /// (check-in open before the start), 进行中, 已结束. The one rule for the day's
    /// timeline and a class's session list, so both say the same.
    public func sessionStatus(_ b: Booking, now: LocalDateTime) -> GridStatus {
        let opens = b.start.adding(minutes: -settings.checkInOpensMinutes)
        return now >= b.end ? .ended : now >= b.start ? .inProgress : now >= opens ? .checkInOpen : .booked
    }

    /// Open time outside closures, cut wherever a booking starts or ends.
    func loadSpans(room: Room, open: [TimeSpan], closed: [TimeSpan], bookings: [Booking]) -> [LoadSpan] {
        var out: [LoadSpan] = []
        for period in open {
            var cuts = Set([period.start, period.end])
            for c in closed { cuts.insert(c.start); cuts.insert(c.end) }
            for b in bookings { cuts.insert(b.span.start); cuts.insert(b.span.end) }
            let points = cuts.filter { period.start <= $0 && $0 <= period.end }.sorted()
            for (a, z) in zip(points, points.dropFirst()) {
                let seg = TimeSpan(a, z)
                if closed.contains(where: { $0.contains(seg) }) { continue }
                let taken = bookings.reduce(0) { $0 + ($1.span.contains(seg) ? $1.places(in: room) : 0) }
                let free = room.sharing == .exclusive ? (taken > 0 ? 0 : room.capacity) : max(0, room.capacity - taken)
                if let last = out.last, last.span.end == a, last.taken == taken {
                    out[out.count - 1].span.end = z
                } else {
                    out.append(LoadSpan(span: seg, taken: taken, free: free))
                }
            }
        }
        return out
    }
}
