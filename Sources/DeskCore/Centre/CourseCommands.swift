/// Creates a class for a term and reserves its room for every weekly session
/// from now to the term's end. Dates that cannot be reserved (holiday
/// closures, rooms taken) refuse the class, listing them all, unless
/// `skipConflicts`: then they are left out and listed in the `class.created` event.
public struct CreateCourse: DeskCommand {
    public var name: String
    public var teacher: String
    public var termStart: LocalDate
    public var termEnd: LocalDate
    public var sessions: [WeeklySession]
    public var capacity: Int
    public var skipConflicts: Bool

    public init(name: String, teacher: String, termStart: LocalDate, termEnd: LocalDate, sessions: [WeeklySession],
                capacity: Int, skipConflicts: Bool = false) {
        self.name = name
        self.teacher = teacher
        self.termStart = termStart
        self.termEnd = termEnd
        self.sessions = sessions
        self.capacity = capacity
        self.skipConflicts = skipConflicts
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.manageCentre)
        let name = Blank.trim(self.name), teacher = Blank.trim(self.teacher)
        var problems: [Problem] = []
        if name.isEmpty { problems.append(Problem("centre.class.name_required", field: "name")) }
        if name.count > CentreLabel.maxName { problems.append(Problem("centre.class.name_long", [String(CentreLabel.maxName)], field: "name")) }
        if let other = state.centre.courses.values.first(where: { $0.name == name && $0.term.start <= termEnd && termStart <= $0.term.end }) {
            problems.append(Problem("centre.class.name_taken", [name, other.id.raw], field: "name"))
        }
        if teacher.count > CentreLabel.maxName { problems.append(Problem("centre.class.teacher_long", [String(CentreLabel.maxName)], field: "teacher")) }
        if termEnd < termStart { problems.append(Problem("centre.class.term_order", field: "termEnd")) }
        if termEnd < context.today { problems.append(Problem("centre.class.term_over", [termEnd.description], field: "termEnd")) }
        let horizon = context.today.adding(days: state.settings.centre.bookingHorizonDays)
        if termEnd > horizon {
            problems.append(Problem("centre.booking.too_far", [String(state.settings.centre.bookingHorizonDays), horizon.description], field: "termEnd"))
        }
        if sessions.isEmpty { problems.append(Problem("centre.class.no_sessions", field: "sessions")) }
        problems += CourseRules.sessionProblems(sessions, capacity: capacity, state: state)
        if !problems.isEmpty { throw .invalid(problems) }

        let id = state.centre.nextCourseID()
        var planned: [(date: LocalDate, session: WeeklySession)] = []
        var skipped: [SkippedDate] = []
        var refusals: [Problem] = []
        for s in sessions {
            let first = max(termStart, context.today)
            let firstDay = first.adding(days: (s.weekday - first.weekday + 7) % 7)
            let dates = stride(from: firstDay, through: termEnd, by: 7).filter { LocalDateTime($0, s.span.start) >= context.now }
            let room = state.centre.rooms[s.room]!
            let plan = BookingRules.plan(dates: dates, room: room, span: s.span, headcount: capacity, holder: .course(id),
                                         state: state, now: context.now)
            planned += plan.booked.map { ($0, s) }
            skipped += plan.skipped
            refusals += plan.problems
        }
        if !skipConflicts, !refusals.isEmpty { throw .invalid(refusals) }
        planned.sort { ($0.date, $0.session.span.start) < ($1.date, $1.session.span.start) }
        skipped.sort { $0.date < $1.date }
        var events: [any DeskEvent] = [CourseCreated(id: id, name: name, teacher: teacher, termStart: termStart, termEnd: termEnd,
                                                     sessions: sessions, capacity: capacity, skipped: skipped)]
        for (n, p) in planned.enumerated() {
            events.append(BookingMade(id: state.centre.nextBookingID(after: n), room: p.session.room, date: p.date, span: p.session.span,
                                      headcount: capacity, wholeRoom: true, purpose: "", holder: .course(id), series: nil, at: context.now))
        }
        return events
    }
}

/// Renames a class, changes its teacher or capacity. Raising the capacity
/// promotes the longest-waiting people into the new places.
public struct ChangeCourse: DeskCommand {
    public var course: ID<Course>
    public var name: String?
    public var teacher: String?
    public var capacity: Int?

    public init(_ course: ID<Course>, name: String? = nil, teacher: String? = nil, capacity: Int? = nil) {
        self.course = course
        self.name = name
        self.teacher = teacher
        self.capacity = capacity
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.manageCentre)
        guard let c = state.centre.courses[course] else { throw .conflict(Problem("centre.class.not_found", [course.raw])) }
        var problems: [Problem] = []
        let name = self.name.map { Blank.trim($0) }, teacher = self.teacher.map { Blank.trim($0) }
        if let n = name, n.isEmpty { problems.append(Problem("centre.class.name_required", field: "name")) }
        if let n = name, n.count > CentreLabel.maxName { problems.append(Problem("centre.class.name_long", [String(CentreLabel.maxName)], field: "name")) }
        if let t = teacher, t.count > CentreLabel.maxName { problems.append(Problem("centre.class.teacher_long", [String(CentreLabel.maxName)], field: "teacher")) }
        if let cap = capacity {
            if cap < c.enrolledCount { problems.append(Problem("centre.class.capacity_below_enrolled", [String(c.enrolledCount)], field: "capacity")) }
            problems += CourseRules.capacityProblems(cap, sessions: c.sessions, state: state)
        }
        if !problems.isEmpty { throw .invalid(problems) }
        let e = CourseChanged(id: course, name: name == c.name ? nil : name, teacher: teacher == c.teacher ? nil : teacher,
                              capacity: capacity == c.capacity ? nil : capacity)
        if e.name == nil, e.teacher == nil, e.capacity == nil { return [] }
        var after = c
        if let cap = e.capacity { after.capacity = cap }
        return [e] + CourseRules.promotions(after, now: context.now)
    }
}

/// Enrols a cadre, or, when the class is full, puts them at the end of its
/// waitlist (the result says which: `EnrolmentOutcome`). Checked under the log
/// lock against the latest state, so of two terminals racing for the last
/// place exactly one gets it.
public struct Enrol: DeskCommand {
    public var course: ID<Course>
    public var cadre: ID<Cadre>

    public init(_ cadre: ID<Cadre>, in course: ID<Course>) {
        self.course = course
        self.cadre = cadre
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.bookRooms)
        guard let c = state.centre.courses[course] else { throw .conflict(Problem("centre.class.not_found", [course.raw])) }
        var problems: [Problem] = []
        if let p = BookingRules.cadreProblems(cadre, state: state, field: "cadre") { problems.append(p) }
        if c.term.end < context.today { problems.append(Problem("centre.class.term_over", [c.term.end.description], field: "course")) }
        let name = CentreLabel.cadreName(cadre, state)
        if c.isEnrolled(cadre) { problems.append(Problem("centre.class.already_enrolled", [name, c.name], field: "cadre")) }
        if let n = c.waitlistPosition(of: cadre) { problems.append(Problem("centre.class.already_waiting", [name, c.name, String(n)], field: "cadre")) }
        if !problems.isEmpty { throw .invalid(problems) }
        if c.isFull || !c.waitlist.isEmpty {
            return [Waitlisted(course: course, cadre: cadre, at: context.now, position: c.waitlist.count + 1)]
        }
        return [Enrolled(course: course, cadre: cadre, at: context.now)]
    }
}

/// What an enrolment came to, read from the events it appended.
public enum EnrolmentOutcome: Sendable, Hashable {
    case enrolled
    /// 1-based place in the waitlist.
    case waitlisted(position: Int)

    public init?(_ applied: [AppliedEvent]) {
        for a in applied {
            if a.event is Enrolled { self = .enrolled; return }
            if let w = a.event as? Waitlisted { self = .waitlisted(position: w.position); return }
        }
        return nil
    }

    /// The message for the desk: "已报名。" or "已满,已加入候补第 N 位。"
    public var message: Problem {
        switch self {
        case .enrolled: return Problem("centre.class.enrolled")
        case .waitlisted(let n): return Problem("centre.class.waitlisted", [String(n)])
        }
    }
}

/// Takes a cadre out of a class or its waitlist. A place freed in a running
/// term goes to the longest-waiting person, who goes on the desk's call list.
public struct Withdraw: DeskCommand {
    public var course: ID<Course>
    public var cadre: ID<Cadre>
    public var reason: String

    public init(_ cadre: ID<Cadre>, from course: ID<Course>, reason: String = "") {
        self.course = course
        self.cadre = cadre
        self.reason = reason
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.bookRooms)
        guard var c = state.centre.courses[course] else { throw .conflict(Problem("centre.class.not_found", [course.raw])) }
        guard c.isEnrolled(cadre) || c.waitlistPosition(of: cadre) != nil else {
            throw .conflict(Problem("centre.class.not_member", [CentreLabel.cadreName(cadre, state), c.name]))
        }
        let why = Blank.trim(reason)
        if let p = CentreLabel.tooLong(why, field: "reason") { throw .invalid([p]) }
        c.withdraw(cadre, at: context.now, reason: why)
        return [Withdrawn(course: course, cadre: cadre, at: context.now, reason: why)] + CourseRules.promotions(c, now: context.now)
    }
}

/// Moves someone to another place in a class's waitlist; the reason is recorded.
public struct MoveOnWaitlist: DeskCommand {
    public var course: ID<Course>
    public var cadre: ID<Cadre>
    /// New 1-based position.
    public var to: Int
    public var reason: String

    public init(_ cadre: ID<Cadre>, in course: ID<Course>, to: Int, reason: String) {
        self.course = course
        self.cadre = cadre
        self.to = to
        self.reason = reason
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.manageCentre)
        guard let c = state.centre.courses[course] else { throw .conflict(Problem("centre.class.not_found", [course.raw])) }
        guard let from = c.waitlistPosition(of: cadre) else {
            throw .conflict(Problem("centre.class.not_waiting", [CentreLabel.cadreName(cadre, state), c.name]))
        }
        var problems: [Problem] = []
        let why = Blank.trim(reason)
        if why.isEmpty { problems.append(Problem("centre.class.move_reason_required", field: "reason")) }
        if let p = CentreLabel.tooLong(why, field: "reason") { problems.append(p) }
        if !(1...c.waitlist.count).contains(to) { problems.append(Problem("centre.class.move_position", [String(c.waitlist.count)], field: "to")) }
        if !problems.isEmpty { throw .invalid(problems) }
        if to == from { return [] }
        return [WaitlistMoved(course: course, cadre: cadre, to: to, reason: why, at: context.now)]
    }
}

/// The desk phoned the person on a notice (promotion, cancelled booking).
public struct MarkCalled: DeskCommand {
    public var notice: ID<CallNotice>
    public var note: String

    public init(_ notice: ID<CallNotice>, note: String = "") {
        self.notice = notice
        self.note = note
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.bookRooms)
        guard let n = state.centre[notice: notice] else { throw .conflict(Problem("centre.notice.not_found", [notice.raw])) }
        if let done = n.called {
            let who = state.staff[done.by]?.name ?? done.by.raw
            throw .conflict(Problem("centre.notice.already_called", [who, done.at.description]))
        }
        if let p = CentreLabel.tooLong(note, field: "note") { throw .invalid([p]) }
        return [NoticeCalled(notice: notice, note: Blank.trim(note), at: context.now)]
    }
}

enum CourseRules {
    static func sessionProblems(_ sessions: [WeeklySession], capacity: Int, state: DeskState) -> [Problem] {
        var out: [Problem] = []
        for (i, s) in sessions.enumerated() {
            let field = "sessions.\(i)"
            if !(0...6).contains(s.weekday) { out.append(Problem("centre.class.weekday", field: field)) }
            if s.span.end <= s.span.start {
                out.append(Problem("centre.booking.span_order", [s.span.start.description, s.span.end.description], field: field))
            }
            guard let room = state.centre.rooms[s.room] else {
                out.append(Problem("centre.room.not_found", [s.room.raw], field: field))
                continue
            }
            if !room.active { out.append(Problem("centre.room.retired", [room.name], field: field)) }
            if !room.accepts(.course) { out.append(Problem("centre.booking.not_for_class", [room.name], field: field)) }
            for t in sessions[..<i] where t.weekday == s.weekday && t.span.overlaps(s.span) {
                out.append(Problem("centre.class.sessions_overlap", [t.span.description, s.span.description], field: field))
            }
        }
        out += capacityProblems(capacity, sessions: sessions, state: state)
        return out
    }

    /// A class fits in every room it meets in.
    static func capacityProblems(_ capacity: Int, sessions: [WeeklySession], state: DeskState) -> [Problem] {
        if capacity < 1 { return [Problem("centre.class.capacity", field: "capacity")] }
        var out: [Problem] = []
        for r in Set(sessions.map(\.room)).sorted() {
            if let room = state.centre.rooms[r], capacity > room.capacity {
                out.append(Problem("centre.class.capacity_room", [String(capacity), room.name, String(room.capacity)], field: "capacity"))
            }
        }
        return out
    }

    /// Promotions that fill the free places of `c` (as it will be) from the
    /// front of its waitlist, while its term runs.
    static func promotions(_ c: Course, now: LocalDateTime) -> [any DeskEvent] {
        guard c.term.end >= now.date else { return [] }
        return c.waitlist.prefix(c.freePlaces).map { PromotedFromWaitlist(course: c.id, cadre: $0.cadre, at: now) }
    }
}

/// Ends a cadre's commitments at the centre (death, moving away, on request):
/// cancels their own bookings to come, withdraws them from every class and
/// waitlist of a term not yet over (promoting the next in line), and takes
/// them off the lists of events to come. Does nothing when there is nothing,
/// so the roster can batch it with a status change.
public struct WithdrawFromCentre: DeskCommand {
    public var cadre: ID<Cadre>
    public var reason: String

    public init(_ cadre: ID<Cadre>, reason: String) {
        self.cadre = cadre
        self.reason = reason
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.bookRooms)
        let why = Blank.trim(reason)
        if let p = CentreLabel.tooLong(why, field: "reason") { throw .invalid([p]) }
        let now = context.now
        var events: [any DeskEvent] = []
        let own = state.centre.bookings(for: cadre).filter {
            if case .cadre = $0.holder { return BookingRules.cancelProblem($0, state: state, now: now) == nil && $0.start > now }
            return false
        }
        if !own.isEmpty { events.append(BookingsCancelled(bookings: own.map(\.id), reason: why, at: now)) }
        for var c in state.centre.courses(of: cadre) where c.term.end >= now.date {
            guard c.isEnrolled(cadre) || c.waitlistPosition(of: cadre) != nil else { continue }
            c.withdraw(cadre, at: now, reason: why)
            events.append(Withdrawn(course: c.id, cadre: cadre, at: now, reason: why))
            events += CourseRules.promotions(c, now: now)
        }
        for e in state.centre.events(for: cadre) where e.end > now && e.isActive {
            events.append(AttendeeRemoved(booking: e.id, cadre: cadre))
        }
        return events
    }
}
