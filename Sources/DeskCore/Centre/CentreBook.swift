/// The activity centre's state: rooms, closures, bookings (class sessions and
/// events included), classes, the desk's call list and check-ins, with the
/// indexes that keep queries fast on years of bookings (by room and date, by
/// cadre, by class). Changed only by `CentreEvents`.
public struct CentreBook: Sendable {
    public internal(set) var rooms: [ID<Room>: Room] = [:]
    /// Rooms in the order they were added (the grids' row order).
    public internal(set) var roomOrder: [ID<Room>] = []
    /// Closures in force (removed ones live on in the log only).
    public internal(set) var closures: [RoomClosure] = []
    /// Every booking ever made, in the order made.
    public internal(set) var bookings: [Booking] = []
    public internal(set) var series: [ID<BookingSeries>: BookingSeries] = [:]
    public internal(set) var courses: [ID<Course>: Course] = [:]
    public internal(set) var courseOrder: [ID<Course>] = []
    public internal(set) var notices: [CallNotice] = []
    /// Desk check-ins, in the order recorded.
    public internal(set) var checkIns: [CheckInRecord] = []

    var slot: [ID<Booking>: Int] = [:]
    /// Bookings of a room on a day, sorted by start: the key to fast grids and conflict checks.
    var byRoomDate: [RoomDate: [Int]] = [:]
    /// A small number per room, so the day index hashes two integers, not a string.
    var roomSlot: [ID<Room>: Int32] = [:]
    /// Bookings a cadre answers for (their own, and groups they are the contact of).
    var byCadre: [ID<Cadre>: [Int]] = [:]
    /// A class's sessions, in date order.
    var byCourse: [ID<Course>: [Int]] = [:]
    /// Classes a cadre enrolled in or waited for, in order of first joining.
    var coursesByCadre: [ID<Cadre>: [ID<Course>]] = [:]
    /// Who was present, per booking (class sessions, events, own bookings).
    var present: [Int: Set<ID<Cadre>>] = [:]
    /// Events' attendee lists, in order of registration.
    var attendeeList: [Int: [ID<Cadre>]] = [:]
    var eventsByCadre: [ID<Cadre>: [Int]] = [:]
    var attendedByCadre: [ID<Cadre>: [Int]] = [:]
    var noticeSlot: [ID<CallNotice>: Int] = [:]
    /// Check-ins by the day of their business time (imports may record them out of order).
    var checkInDays: [Int: [Int]] = [:]

    var lastRoom = "", lastBooking = "", lastSeries = "", lastCourse = "", lastClosure = "", lastNotice = ""

    public init() {}

    struct RoomDate: Hashable, Sendable {
        var room: Int32
        var day: Int32
    }

    func key(_ room: ID<Room>, _ date: LocalDate) -> RoomDate? {
        roomSlot[room].map { RoomDate(room: $0, day: Int32(truncatingIfNeeded: date.dayNumber)) }
    }

    /// Indexes into `bookings` of a room's bookings on a day, by start.
    func indexes(in room: ID<Room>, on date: LocalDate) -> [Int] { key(room, date).flatMap { byRoomDate[$0] } ?? [] }

    // MARK: Reading

    public subscript(booking id: ID<Booking>) -> Booking? { slot[id].map { bookings[$0] } }
    public subscript(room id: ID<Room>) -> Room? { rooms[id] }
    public subscript(course id: ID<Course>) -> Course? { courses[id] }

    /// Rooms in grid order (retired ones only if asked).
    public func roomList(includingRetired: Bool = false) -> [Room] {
        roomOrder.compactMap { rooms[$0] }.filter { includingRetired || $0.active }
    }

    /// A room's bookings on `date`, cancelled ones included, sorted by start.
    public func bookings(in room: ID<Room>, on date: LocalDate) -> [Booking] {
        indexes(in: room, on: date).map { bookings[$0] }
    }

    /// Bookings the cadre answers for (own and as a group's contact), in the order made.
    public func bookings(for cadre: ID<Cadre>) -> [Booking] { (byCadre[cadre] ?? []).map { bookings[$0] } }

    /// A class's sessions (cancelled ones included), in date order.
    public func sessions(of course: ID<Course>) -> [Booking] { (byCourse[course] ?? []).map { bookings[$0] } }

    /// Who was recorded present at a booking (class session, event, own booking).
    public func presence(at booking: ID<Booking>) -> Set<ID<Cadre>> { slot[booking].flatMap { present[$0] } ?? [] }

    /// An event's attendee list, in order of registration.
    public func attendees(of booking: ID<Booking>) -> [ID<Cadre>] { slot[booking].flatMap { attendeeList[$0] } ?? [] }

    /// Events the cadre is on the list of.
    public func events(for cadre: ID<Cadre>) -> [Booking] { (eventsByCadre[cadre] ?? []).map { bookings[$0] } }

    /// Bookings (any kind) where the cadre was recorded present.
    public func attended(by cadre: ID<Cadre>) -> [Booking] { (attendedByCadre[cadre] ?? []).map { bookings[$0] } }

    /// Classes the cadre enrolled in or waited for.
    public func courses(of cadre: ID<Cadre>) -> [Course] { (coursesByCadre[cadre] ?? []).compactMap { courses[$0] } }

    /// Closures in force over `room` that overlap the span.
    public func closures(of room: ID<Room>, overlapping start: LocalDateTime, _ end: LocalDateTime) -> [RoomClosure] {
        closures.filter { $0.covers(room: room) && $0.overlaps(start, end) }
    }

    /// Closures over `room` on `date`, clipped to the day.
    public func closedSpans(of room: ID<Room>, on date: LocalDate) -> [ClosedSpan] {
        let dayStart = LocalDateTime(date, LocalTime(minuteOfDay: 0))
        let dayEnd = LocalDateTime(date.adding(days: 1), LocalTime(minuteOfDay: 0))
        return closures(of: room, overlapping: dayStart, dayEnd).map { z in
            ClosedSpan(span: TimeSpan(LocalTime(minuteOfDay: max(z.from, dayStart).minutes - dayStart.minutes),
                                      LocalTime(minuteOfDay: min(z.to, dayEnd).minutes - dayStart.minutes)),
                       reason: z.reason, closure: z.id)
        }
    }

    public subscript(notice id: ID<CallNotice>) -> CallNotice? { noticeSlot[id].map { notices[$0] } }

    /// The desk's call list (待通知), oldest first.
    public var openNotices: [CallNotice] { notices.filter(\.isOpen) }

    // MARK: Numbers (assigned inside commands, under the log lock)

    func nextRoomID() -> ID<Room> { ID(SerialNumber.next(prefix: "R", width: 2, existing: [lastRoom])) }
    func nextBookingID(after n: Int = 0) -> ID<Booking> { ID(Self.next("B", 6, lastBooking, plus: n)) }
    func nextSeriesID() -> ID<BookingSeries> { ID(SerialNumber.next(prefix: "W", width: 4, existing: [lastSeries])) }
    func nextCourseID() -> ID<Course> { ID(SerialNumber.next(prefix: "K", width: 3, existing: [lastCourse])) }
    func nextClosureID() -> ID<RoomClosure> { ID(SerialNumber.next(prefix: "Z", width: 4, existing: [lastClosure])) }

    /// The number `n` places after the next one (for the bookings of one series).
    static func next(_ prefix: String, _ width: Int, _ last: String, plus n: Int) -> String {
        var current = last
        for _ in 0...n { current = SerialNumber.next(prefix: prefix, width: width, existing: [current]) }
        return current
    }

    // MARK: Changing (from events only)

    mutating func addBooking(_ b: Booking) {
        let i = bookings.count
        bookings.append(b)
        slot[b.id] = i
        lastBooking = Self.later(lastBooking, b.id.raw)
        if let key = key(b.room, b.date) {
            var day = byRoomDate.removeValue(forKey: key) ?? []
            let at = day.firstIndex { bookings[$0].span.start > b.span.start } ?? day.count
            day.insert(i, at: at)
            byRoomDate[key] = day
        }
        if let c = b.holder.responsible { byCadre[c, default: []].append(i) }
        if case .course(let k) = b.holder {
            var list = byCourse[k] ?? []
            let at = list.firstIndex { bookings[$0].start > b.start } ?? list.count
            list.insert(i, at: at)
            byCourse[k] = list
        }
        if let s = b.series { series[s]?.bookings.append(b.id) }
    }

    mutating func cancel(_ id: ID<Booking>, _ c: Cancellation) {
        guard let i = slot[id], bookings[i].cancelled == nil else { return }
        bookings[i].cancelled = c
    }

    mutating func setPresent(_ cadre: ID<Cadre>, at i: Int, _ yes: Bool) {
        if yes {
            if present[i, default: []].insert(cadre).inserted { attendedByCadre[cadre, default: []].append(i) }
        } else if present[i]?.remove(cadre) != nil {
            attendedByCadre[cadre]?.removeAll { $0 == i }
        }
    }

    mutating func addNotice(_ reason: CallReason, cadre: ID<Cadre>?, course: ID<Course>?, booking: ID<Booking>?, at: LocalDateTime) {
        let id = ID<CallNotice>(SerialNumber.next(prefix: "N", width: 5, existing: [lastNotice]))
        lastNotice = id.raw
        noticeSlot[id] = notices.count
        notices.append(CallNotice(id: id, reason: reason, cadre: cadre, course: course, booking: booking, raised: at))
    }

    mutating func joined(_ cadre: ID<Cadre>, _ course: ID<Course>) {
        if !(coursesByCadre[cadre]?.contains(course) ?? false) { coursesByCadre[cadre, default: []].append(course) }
    }

    mutating func addCheckIn(_ r: CheckInRecord) {
        checkInDays[r.at.date.dayNumber, default: []].append(checkIns.count)
        checkIns.append(r)
    }

    /// Check-ins with a business time on `date`, by time.
    public func checkIns(on date: LocalDate) -> [CheckInRecord] {
        (checkInDays[date.dayNumber] ?? []).map { checkIns[$0] }.sorted { $0.at < $1.at }
    }

    /// The higher of two serial numbers of one series (a longer number is higher).
    static func later(_ a: String, _ b: String) -> String {
        (a.count, a) < (b.count, b) ? b : a
    }
}

/// A cadre checked in at the desk (or a group's booking was checked in).
public struct CheckInRecord: Sendable, Hashable {
    public var cadre: ID<Cadre>?
    public var at: LocalDateTime
    public var bookings: [ID<Booking>]
    public var by: ID<Staff>
}

extension Array {
    /// First index whose element satisfies `belongsAfter` (the array is partitioned by it).
    func partitioningIndex(where belongsAfter: (Element) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if belongsAfter(self[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
