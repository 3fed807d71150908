/// Queries for the centre's screens, returning plain values: the grids
/// (`CentreGrid.swift`), free slots for the booking form, a cadre's items for
/// check-in, the class list and detail, a cadre's record for the file view,
/// the desk's call list. Cheap to make: `CentreQuery(desk.state)`.
public struct CentreQuery: Sendable {
    public let state: DeskState

    public init(_ state: DeskState) { self.state = state }

    var centre: CentreBook { state.centre }
    var settings: CentreSettings { state.settings.centre }

    // MARK: Booking form

    /// The nearest free slots of the requested length: on the same day by
    /// distance from the requested start, then on the following days, earliest
    /// first. Starts lie on the `slotStepMinutes` grid or where a booking ends.
    public func freeSlots(room id: ID<Room>, date: LocalDate, span: TimeSpan, headcount: Int = 1, for kind: HolderKind = .cadre,
                          now: LocalDateTime, limit: Int = 6, days: Int = 14) -> [FreeSlot] {
        guard let room = centre.rooms[id], span.minutes > 0, limit > 0 else { return [] }
        let places = BookingRules.places(headcount: headcount, kind: kind, room: room)
        var out = candidates(room: room, date: date, length: span.minutes, places: places, now: now)
            .filter { $0 != span }
            .sorted { (abs($0.start.minuteOfDay - span.start.minuteOfDay), $0.start) < (abs($1.start.minuteOfDay - span.start.minuteOfDay), $1.start) }
            .prefix(limit).map { FreeSlot(room: id, date: date, span: $0) }
        var d = date
        while out.count < limit, d < date.adding(days: days) {
            d = d.adding(days: 1)
            for s in candidates(room: room, date: d, length: span.minutes, places: places, now: now) where out.count < limit {
                out.append(FreeSlot(room: id, date: d, span: s))
            }
        }
        return out
    }

    func candidates(room: Room, date: LocalDate, length: Int, places: Int, now: LocalDateTime) -> [TimeSpan] {
        let step = max(5, settings.slotStepMinutes)
        var starts = Set<Int>()
        for p in room.hours.periods(on: date) {
            starts.insert(p.start.minuteOfDay)
            var t = (p.start.minuteOfDay + step - 1) / step * step
            while t + length <= p.end.minuteOfDay { starts.insert(t); t += step }
        }
        for b in centre.bookings(in: room.id, on: date) where b.isActive { starts.insert(b.span.end.minuteOfDay) }
        return starts.sorted().compactMap { t in
            guard t + length <= 1440 else { return nil }
            let s = TimeSpan(LocalTime(minuteOfDay: t), LocalTime(minuteOfDay: t + length))
            guard LocalDateTime(date, s.start) >= now,
                  BookingRules.fits(room: room, date: date, span: s, places: places, centre: centre, now: now, settings: settings)
            else { return nil }
            return s
        }
    }

    /// Whether a slot is bookable, and if not, every reason (as the booking
    /// command would give them), for the form to show while the clerk types.
    public func slotProblems(room id: ID<Room>, date: LocalDate, span: TimeSpan, headcount: Int = 1, for kind: HolderKind = .cadre,
                             now: LocalDateTime) -> [Problem] {
        guard let room = centre.rooms[id] else { return [Problem("centre.room.not_found", [id.raw], field: "room")] }
        // More people than the room holds: no slot of this room will do, whatever is booked.
        let crowd = headcount < 1 || headcount > room.capacity
            ? [Problem("centre.booking.headcount", [String(room.capacity), room.name], field: "headcount")] : []
        let places = BookingRules.places(headcount: headcount, kind: kind, room: room)
        let c = BookingRules.conflicts(room: room, date: date, span: span, places: places, centre: centre, now: now, settings: settings)
        return crowd + BookingRules.timeProblems(date: date, span: span, settings: settings, now: now)
            + BookingRules.problems(c, room: room, date: date, span: span, places: places, state: state)
    }

    /// Bookings a closure would cancel (active, not over, overlapping), for the closure form.
    public func bookingsAffected(byClosureOf room: ID<Room>?, from: LocalDateTime, to: LocalDateTime, now: LocalDateTime) -> [Booking] {
        guard from < to else { return [] }
        let rooms = room.map { [$0] } ?? centre.roomOrder
        var out: [Booking] = []
        let lastDay = to.adding(minutes: -1).date
        guard from.date.distance(to: lastDay) <= CloseRoom.maxDays else { return [] }
        for r in rooms {
            for d in from.date...lastDay {
                for b in centre.bookings(in: r, on: d) where b.occupies(at: now, settings) && b.end > now && from < b.end && b.start < to {
                    out.append(b)
                }
            }
        }
        return out.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    }

    // MARK: Check-in

    /// The cadre's bookings, class sessions and events on `now`'s day, by start,
    /// with where each stands for check-in.
    public func today(for cadre: ID<Cadre>, now: LocalDateTime) -> [TodayItem] {
        let date = now.date
        var list: [Booking] = centre.bookings(for: cadre).filter { $0.date == date }
        for course in centre.courses(of: cadre) where course.term.contains(date) && course.enrolled(on: date).contains(cadre) {
            list += sessions(of: course.id, on: date)
        }
        list += centre.events(for: cadre).filter { $0.date == date }
        var seen = Set<ID<Booking>>()
        return list.filter { seen.insert($0.id).inserted }
            .sorted { ($0.start, $0.id) < ($1.start, $1.id) }
            .map { item($0, for: cadre, now: now) }
    }

    func item(_ b: Booking, for cadre: ID<Cadre>?, now: LocalDateTime) -> TodayItem {
        let room = centre.rooms[b.room]?.name ?? b.room.raw
        return TodayItem(booking: b.id, kind: b.holder.kind, title: CentreLabel.of(b, state), purpose: b.purpose, room: b.room,
                         roomName: room, date: b.date, span: b.span,
                         state: CentreRules.checkInState(of: b, for: cadre, at: now, in: state))
    }

    /// A class's sessions on one day (binary search in its date-ordered list).
    func sessions(of course: ID<Course>, on date: LocalDate) -> [Booking] {
        guard let list = centre.byCourse[course] else { return [] }
        let from = list.partitioningIndex { centre.bookings[$0].date >= date }
        var out: [Booking] = []
        var i = from
        while i < list.count, centre.bookings[list[i]].date == date { out.append(centre.bookings[list[i]]); i += 1 }
        return out
    }

    // MARK: Classes

    /// Classes whose term has not ended by `date` (all, with `includingPast`), in the order created.
    public func courseList(on date: LocalDate, includingPast: Bool = false, now: LocalDateTime) -> [CourseSummary] {
        centre.courseOrder.compactMap { centre.courses[$0] }
            .filter { includingPast || $0.term.end >= date }
            .map { summary($0, now: now) }
    }

    func summary(_ c: Course, now: LocalDateTime) -> CourseSummary {
        let next = (centre.byCourse[c.id] ?? []).lazy.map { centre.bookings[$0] }.first { $0.isActive && $0.end > now }
        return CourseSummary(id: c.id, name: c.name, teacher: c.teacher, term: c.term, sessions: c.sessions,
                             roomNames: c.sessions.map { centre.rooms[$0.room]?.name ?? $0.room.raw },
                             capacity: c.capacity, enrolled: c.enrolledCount, waiting: c.waitlist.count,
                             next: next.map { LocalDateTime($0.date, $0.span.start) })
    }

    /// Roster with attendance, every session with who was present, the
    /// waitlist with positions, the moves made in it, and the open call notices.
    public func courseDetail(_ id: ID<Course>, now: LocalDateTime) -> CourseDetail? {
        guard let c = centre.courses[id] else { return nil }
        let sessionList = centre.sessions(of: id)
        var sessions: [SessionRow] = []
        var attended: [ID<Cadre>: Int] = [:]
        var held: [ID<Cadre>: Int] = [:]
        for b in sessionList {
            let present = centre.presence(at: b.id)
            let expected = c.enrolled(on: b.date)
            let isHeld = b.isActive && b.start <= now
            if isHeld {
                for m in expected { held[m, default: 0] += 1 }
                for p in present { attended[p, default: 0] += 1 }
            }
            sessions.append(SessionRow(booking: b.id, date: b.date, span: b.span, room: b.room,
                                       roomName: centre.rooms[b.room]?.name ?? b.room.raw, cancelled: b.cancelled?.reason,
                                       held: isHeld, status: sessionStatus(b, now: now), present: present.sorted(),
                                       expected: expected.count))
        }
        let roster = c.members.map { m in
            MemberRow(cadre: m.cadre, name: CentreLabel.cadreName(m.cadre, state), since: m.since, until: m.until,
                      promoted: m.promoted, reason: m.reason, attended: attended[m.cadre] ?? 0, held: held[m.cadre] ?? 0)
        }
        let waitlist = c.waitlist.enumerated().map { i, w in
            WaitRow(position: i + 1, cadre: w.cadre, name: CentreLabel.cadreName(w.cadre, state), joined: w.joined)
        }
        return CourseDetail(summary: summary(c, now: now), current: roster.filter { $0.until == nil },
                            former: roster.filter { $0.until != nil }, sessions: sessions, waitlist: waitlist, moves: c.moves,
                            skipped: c.skipped, notices: centre.notices.filter { $0.course == id && $0.isOpen })
    }

    // MARK: The cadre's file

    /// Classes, bookings, events, attendance and no-shows of one cadre.
    public func record(of cadre: ID<Cadre>, now: LocalDateTime, recent: Int = 20) -> CadreCentreRecord {
        let enrolments: [EnrolmentRow] = centre.courses(of: cadre).map { c in
            let m = c.members.last { $0.cadre == cadre }
            let sessions = centre.sessions(of: c.id).filter { b in
                b.isActive && b.start <= now && m.map { $0.since.date <= b.date && ($0.until.map { $0.date > b.date } ?? true) } ?? false
            }
            let attended = sessions.filter { centre.presence(at: $0.id).contains(cadre) }.count
            let status: EnrolmentRow.Status
            if let p = c.waitlistPosition(of: cadre) { status = .waiting(position: p) }
            else if let m, m.until == nil { status = .enrolled }
            else { status = .withdrawn }
            return EnrolmentRow(course: c.id, name: c.name, term: c.term, status: status, since: m?.since, until: m?.until,
                                attended: attended, held: sessions.count)
        }
        let own = centre.bookings(for: cadre)
        let upcoming = own.filter { $0.isActive && $0.end > now && !$0.isReleased(at: now, settings) }
            .sorted { $0.start < $1.start }.map { row($0, for: cadre, now: now) }
        let past = (own + centre.events(for: cadre)).filter { $0.end <= now || $0.isReleased(at: now, settings) || !$0.isActive }
            .sorted { $0.start > $1.start }.prefix(recent).map { row($0, for: cadre, now: now) }
        let events = centre.events(for: cadre).filter { $0.end > now && $0.isActive }.map { row($0, for: cadre, now: now) }
        let noShows = own.filter { b in b.noShowTime(settings).map { $0 <= now } ?? false }
        let windowStart = now.adding(minutes: -settings.noShowWindowDays * 1440)
        return CadreCentreRecord(cadre: cadre, enrolments: enrolments, upcoming: upcoming, events: events, recent: Array(past),
                                 attendedCount: centre.attended(by: cadre).count,
                                 lastAttended: centre.attended(by: cadre).map(\.start).max(),
                                 noShows: noShows.count,
                                 recentNoShows: noShows.filter { $0.noShowTime(settings)! >= windowStart }.count)
    }

    func row(_ b: Booking, for cadre: ID<Cadre>?, now: LocalDateTime) -> BookingRow {
        BookingRow(booking: b.id, date: b.date, span: b.span, room: b.room, roomName: centre.rooms[b.room]?.name ?? b.room.raw,
                   kind: b.holder.kind, label: CentreLabel.of(b, state), purpose: b.purpose, headcount: b.headcount,
                   series: b.series, state: CentreRules.checkInState(of: b, for: cadre, at: now, in: state))
    }

    /// A booking as a row (for lookups by number).
    public func row(_ id: ID<Booking>, now: LocalDateTime) -> BookingRow? {
        centre[booking: id].map { row($0, for: $0.holder.responsible, now: now) }
    }

    // MARK: The desk's call list

    /// People to phone (待通知), oldest first, with what to tell them.
    public func callList() -> [CallItem] {
        centre.openNotices.map { n in
            let b = n.booking.flatMap { centre[booking: $0] }
            let who = n.cadre.map { CentreLabel.cadreName($0, state) } ?? b.map { CentreLabel.of($0, state) } ?? ""
            return CallItem(notice: n.id, reason: n.reason, cadre: n.cadre, name: who, course: n.course,
                            courseName: n.course.flatMap { centre.courses[$0]?.name }, booking: b.map { row($0, for: n.cadre, now: n.raised) },
                            raised: n.raised)
        }
    }
}

public struct FreeSlot: Sendable, Hashable {
    public var room: ID<Room>
    public var date: LocalDate
    public var span: TimeSpan
}

/// One of a cadre's items at the check-in desk.
public struct TodayItem: Sendable, Hashable {
    public var booking: ID<Booking>
    public var kind: HolderKind
    /// Class name, event title, group name or the cadre's name.
    public var title: String
    public var purpose: String
    public var room: ID<Room>
    public var roomName: String
    public var date: LocalDate
    public var span: TimeSpan
    public var state: CheckInState
}

public struct CourseSummary: Sendable, Hashable {
    public var id: ID<Course>
    public var name: String
    public var teacher: String
    public var term: Period
    public var sessions: [WeeklySession]
    public var roomNames: [String]
    public var capacity: Int
    public var enrolled: Int
    public var waiting: Int
    /// The next session not yet over.
    public var next: LocalDateTime?
}

public struct CourseDetail: Sendable, Hashable {
    public var summary: CourseSummary
    /// Enrolled now, in order of enrolment.
    public var current: [MemberRow]
    /// Withdrawn this term.
    public var former: [MemberRow]
    public var sessions: [SessionRow]
    public var waitlist: [WaitRow]
    public var moves: [WaitlistMove]
    public var skipped: [SkippedDate]
    public var notices: [CallNotice]
}

public struct MemberRow: Sendable, Hashable {
    public var cadre: ID<Cadre>
    public var name: String
    public var since: LocalDateTime
    public var until: LocalDateTime?
    public var promoted: Bool
    public var reason: String?
    /// Sessions attended, of the sessions held while enrolled.
    public var attended: Int
    public var held: Int
}

public struct SessionRow: Sendable, Hashable {
    public var booking: ID<Booking>
    public var date: LocalDate
    public var span: TimeSpan
    public var room: ID<Room>
    public var roomName: String
    /// The reason, if cancelled.
    public var cancelled: String?
    /// Started (and not cancelled).
    public var held: Bool
    /// Where it stands at the time asked (the same as the day's timeline says).
    public var status: GridStatus
    public var present: [ID<Cadre>]
    /// Enrolled on that date.
    public var expected: Int
}

public struct WaitRow: Sendable, Hashable {
    public var position: Int
    public var cadre: ID<Cadre>
    public var name: String
    public var joined: LocalDateTime
}

public struct CadreCentreRecord: Sendable, Hashable {
    public var cadre: ID<Cadre>
    public var enrolments: [EnrolmentRow]
    /// Own and group bookings to come.
    public var upcoming: [BookingRow]
    /// Events the cadre is listed for, to come.
    public var events: [BookingRow]
    /// The latest past bookings and events, newest first.
    public var recent: [BookingRow]
    /// Bookings, sessions and events attended, ever.
    public var attendedCount: Int
    public var lastAttended: LocalDateTime?
    public var noShows: Int
    /// No-shows within the last `noShowWindowDays`.
    public var recentNoShows: Int
}

public struct EnrolmentRow: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        case enrolled
        case waiting(position: Int)
        case withdrawn
    }
    public var course: ID<Course>
    public var name: String
    public var term: Period
    public var status: Status
    public var since: LocalDateTime?
    public var until: LocalDateTime?
    public var attended: Int
    public var held: Int
}

public struct BookingRow: Sendable, Hashable {
    public var booking: ID<Booking>
    public var date: LocalDate
    public var span: TimeSpan
    public var room: ID<Room>
    public var roomName: String
    public var kind: HolderKind
    public var label: String
    public var purpose: String
    public var headcount: Int
    public var series: ID<BookingSeries>?
    public var state: CheckInState
}

public struct CallItem: Sendable, Hashable {
    public var notice: ID<CallNotice>
    public var reason: CallReason
    public var cadre: ID<Cadre>?
    /// The cadre's name, or the group's for a group booking without a contact.
    /// (The phone number comes from the roster, shown or masked by the screen's role rules.)
    public var name: String
    public var course: ID<Course>?
    public var courseName: String?
    public var booking: BookingRow?
    public var raised: LocalDateTime
}
