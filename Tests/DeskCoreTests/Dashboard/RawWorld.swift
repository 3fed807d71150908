import DeskLog
import Foundation
@testable import DeskCore

/// The dashboard's figures computed the slow, obvious way, straight from the
/// events as read back from the log file: every record is decoded and folded
/// here into plain dictionaries, with none of the books, indexes or queries
/// the product uses. Each figure is then a loop over these. Event types this
/// fold does not understand fail the test (`unknownTypes`), so a generator
/// that starts writing new kinds of events cannot slip past it.
struct RawWorld {
    struct Visit {
        var record: VisitRecord
        var voided = false
        var stamp: Int { record.at.minutes }
        var day: LocalDate { record.at.date }
    }

    struct CadreStep {
        var seq: Int
        /// The day a change counts from (a status event's own date, else when recorded).
        var day: LocalDate
        var state: (inout Cadre) -> Void
        var correction: (inout Cadre) -> Void
    }

    struct Tick {
        var id: ID<Ticket>
        var openedAt: LocalDateTime
        var category: String
        var promise: TicketPromise
        var manual: (due: LocalDateTime, setAt: LocalDateTime)?
        var status = TicketStatus.received
        var assignee: ID<Staff>?
        var firstResponse: LocalDateTime?
        var resolvedAt: LocalDateTime?
        var stops: [(from: LocalDateTime, to: LocalDateTime?)] = []
        var callbacks: [(at: LocalDateTime, rating: CallbackRating)] = []
        var voided = false
        var last: LocalDateTime
        var isOpen: Bool { !voided && [.received, .inProgress, .waiting].contains(status) }
    }

    struct Book {
        var id: ID<Booking>
        var room: ID<Room>
        var date: LocalDate
        var span: TimeSpan
        var holder: BookingHolder
        var cancelled = false
        var checkedIn = false
        var present: Set<ID<Cadre>> = []
        var releasable: Bool { if case .cadre = holder { true } else if case .group = holder { true } else { false } }
    }

    struct Class {
        var id: ID<Course>
        var name: String
        var term: Period
        var capacity: Int
        var members: [(cadre: ID<Cadre>, since: LocalDateTime, until: LocalDateTime?)] = []
        var waiting: [ID<Cadre>] = []
    }

    var settings = DeskSettings()
    var staff: [ID<Staff>: Staff] = [:]
    var cadreBase: [ID<Cadre>: Cadre] = [:]
    var cadreOrder: [ID<Cadre>] = []
    var cadreSteps: [ID<Cadre>: [CadreStep]] = [:]
    var visits: [ID<DeskCore.Visit>: Visit] = [:]
    var visitOrder: [ID<DeskCore.Visit>] = []
    var tickets: [ID<Ticket>: Tick] = [:]
    var rooms: [ID<Room>: Room] = [:]
    var roomOrder: [ID<Room>] = []
    var closures: [RoomClosure] = []
    var bookings: [ID<Booking>: Book] = [:]
    var bookingOrder: [ID<Booking>] = []
    var classes: [ID<Course>: Class] = [:]
    var classOrder: [ID<Course>] = []
    var checkIns: [(cadre: ID<Cadre>?, at: LocalDateTime)] = []
    var unknownTypes: Set<String> = []
    var eventCount = 0

    /// Reads every record of the log at `path` and folds it.
    init(path: String) throws {
        var o = EventLog.Options()
        o.readOnly = true
        let log = try EventLog(path: path, options: o)
        var records: [LogRecord] = []
        _ = try log.poll { records.append($0) }
        for r in records {
            let e = try EventRegistry.decode(r)
            let meta = EventMeta(seq: r.seq, id: r.id, at: r.at, by: ID(r.by), offset: r.offset)
            fold(e, meta, Int(r.seq))
        }
        eventCount = records.count
    }

    // MARK: The fold

    mutating func fold(_ e: any DeskEvent, _ meta: EventMeta, _ seq: Int) {
        let recorded = meta.local.date
        switch e {
        case let x as StaffAdded: staff[x.staff.id] = x.staff
        case let x as StaffUpdated:
            if let v = x.name { staff[x.id]?.name = v }
            if let v = x.role { staff[x.id]?.role = v }
        case let x as StaffActiveChanged: staff[x.id]?.active = x.active
        case let x as AbsenceRecorded: staff[x.staff]?.absences.append(x.absence)
        case let x as AbsenceCancelled:
            if let i = staff[x.staff]?.absences.firstIndex(where: { $0.id == x.absence }) { staff[x.staff]?.absences[i].cancelled = true }
        case let x as SettingsChanged: settings = x.settings
        case is PinSet, is SignedIn, is PinFailed, is ExportMade, is NoticeCalled, is SeriesBooked, is AttendeeAdded, is AttendeeRemoved,
             is WaitlistMoved, is CadreAlertAdded, is CadreAlertRemoved:
            break

        case let x as CadreAdded:
            cadreBase[x.cadre.id] = x.cadre
            cadreOrder.append(x.cadre.id)
        case let x as CadreUpdated:
            step(x.id, seq, recorded, state: { c in
                if let v = x.health { c.health = v }
                if let v = x.living { c.living = v }
                if let v = x.marital { c.marital = v }
                if let v = x.hardship { c.hardship = v }
            }, correction: { c in
                if let v = x.name { c.name = v }
                if let v = x.birthDate { c.birthDate = v }
                if let v = x.category { c.category = v }
                if let v = x.rank { c.rank = v }
                if let v = x.community { c.community = v }
            })
        case let x as CareLevelSet: step(x.id, seq, recorded, state: { $0.careLevel = x.level })
        case let x as ContactAssigned: step(x.id, seq, recorded, correction: { $0.contact = x.contact })
        case let x as CadreHospitalised: step(x.id, seq, x.on, state: { $0.hospitalisedSince = x.on })
        case let x as CadreDischarged: step(x.id, seq, x.on, state: { $0.hospitalisedSince = nil })
        case let x as CadreMovedAway: step(x.id, seq, x.since, state: { $0.livingElsewhere = Elsewhere(since: x.since, place: x.place) })
        case let x as CadreReturned: step(x.id, seq, x.on, state: { $0.livingElsewhere = nil })
        case let x as CadreDied: step(x.id, seq, x.on, state: { $0.deceasedOn = x.on; $0.hospitalisedSince = nil })
        case let x as CadreWidowed:
            step(x.id, seq, x.on, state: { c in
                c.widowedOn = x.on
                c.marital = .widowed
                if c.living == .withSpouse || c.living == .emptyNest { c.living = .alone }
            })

        case let x as VisitLogged:
            if visits[x.visit.id] == nil { visitOrder.append(x.visit.id) }
            visits[x.visit.id] = Visit(record: x.visit)
        case let x as VisitAmended: visits[x.visit.id]?.record = x.visit
        case let x as VisitVoided: visits[x.id]?.voided = true

        case let x as TicketOpened:
            tickets[x.id] = Tick(id: x.id, openedAt: x.at, category: x.category, promise: x.promise, assignee: x.assignee, last: x.at)
        case let x as TicketEdited: touch(x.id, x.at) { _, _ in }
        case let x as TicketNoted:
            touch(x.id, x.at) { t, at in if x.kind == .callOut, t.firstResponse == nil { t.firstResponse = at } }
        case let x as TicketStatusChanged:
            touch(x.id, x.at) { t, at in
                guard [.received, .inProgress, .waiting].contains(t.status), x.status == .inProgress || x.status == .waiting else { return }
                if t.firstResponse == nil { t.firstResponse = at }
                if x.status == .waiting, t.status != .waiting { t.stops.append((at, nil)) }
                if x.status == .inProgress, t.status == .waiting { Self.closeStop(&t, at) }
                t.status = x.status
            }
        case let x as TicketAssigned: touch(x.id, x.at) { t, _ in t.assignee = x.assignee }
        case let x as TicketReclassified: touch(x.id, x.at) { t, _ in t.category = x.category; t.promise = x.promise }
        case let x as TicketDeadlineSet: touch(x.id, x.at) { t, at in t.manual = x.due.map { ($0, at) } }
        case let x as TicketResolved:
            touch(x.id, x.at) { t, at in
                guard [.received, .inProgress, .waiting].contains(t.status) else { return }
                if t.firstResponse == nil { t.firstResponse = at }
                if t.status == .waiting { Self.closeStop(&t, at) }
                t.stops.append((at, nil))
                t.status = .resolved
                t.resolvedAt = at
            }
        case let x as TicketCallbackRecorded:
            touch(x.id, x.at) { t, at in
                guard t.status == .resolved else { return }
                t.callbacks.append((at, x.rating))
                if x.rating == .dissatisfied { Self.closeStop(&t, at); t.status = .inProgress } else { t.status = .closed }
            }
        case let x as TicketReopened:
            touch(x.id, x.at) { t, at in
                if ![.received, .inProgress, .waiting].contains(t.status) { Self.closeStop(&t, at); t.status = .inProgress }
            }
        case let x as TicketReviewed: touch(x.id, x.at) { _, _ in }
        case let x as TicketVoided:
            touch(x.id, x.at) { t, at in
                t.voided = true
                if !(t.stops.last.map { $0.to == nil && $0.from <= at } ?? false) { t.stops.append((at, nil)) }
            }

        case let x as RoomAdded:
            if rooms[x.room.id] == nil { roomOrder.append(x.room.id) }
            rooms[x.room.id] = x.room
        case let x as RoomChanged: if rooms[x.room.id] != nil { rooms[x.room.id] = x.room }
        case let x as RoomClosed:
            closures.append(x.closure)
            for id in x.cancelled { bookings[id]?.cancelled = true }
        case let x as ClosureRemoved: closures.removeAll { $0.id == x.closure }
        case let x as BookingMade:
            if bookings[x.id] == nil {
                bookings[x.id] = Book(id: x.id, room: x.room, date: x.date, span: x.span, holder: x.holder)
                bookingOrder.append(x.id)
            }
        case let x as BookingsCancelled: for id in x.bookings { bookings[id]?.cancelled = true }
        case let x as CourseCreated:
            if classes[x.id] == nil {
                classes[x.id] = Class(id: x.id, name: x.name, term: Period(start: x.termStart, end: x.termEnd), capacity: x.capacity)
                classOrder.append(x.id)
            }
        case let x as CourseChanged:
            if let v = x.name { classes[x.id]?.name = v }
            if let v = x.capacity { classes[x.id]?.capacity = v }
        case let x as Enrolled:
            classes[x.course]?.waiting.removeAll { $0 == x.cadre }
            classes[x.course]?.members.append((x.cadre, x.at, nil))
        case let x as PromotedFromWaitlist:
            classes[x.course]?.waiting.removeAll { $0 == x.cadre }
            classes[x.course]?.members.append((x.cadre, x.at, nil))
        case let x as Waitlisted: classes[x.course]?.waiting.append(x.cadre)
        case let x as Withdrawn:
            classes[x.course]?.waiting.removeAll { $0 == x.cadre }
            if let i = classes[x.course]?.members.lastIndex(where: { $0.cadre == x.cadre && $0.until == nil }) {
                classes[x.course]?.members[i].until = x.at
            }
        case let x as CheckedIn:
            for id in x.bookings where bookings[id] != nil {
                if bookings[id]!.releasable { bookings[id]!.checkedIn = true }
                if let c = x.cadre { bookings[id]!.present.insert(c) }
            }
            checkIns.append((x.cadre, x.at))
        case let x as AttendanceRecorded: bookings[x.booking]?.present = Set(x.present)

        default:
            unknownTypes.insert(type(of: e).type)
        }
    }

    mutating func step(_ id: ID<Cadre>, _ seq: Int, _ day: LocalDate, state: @escaping (inout Cadre) -> Void = { _ in },
                       correction: @escaping (inout Cadre) -> Void = { _ in }) {
        cadreSteps[id, default: []].append(CadreStep(seq: seq, day: day, state: state, correction: correction))
    }

    /// Ticket changes happen at their business time, never before the ticket's latest activity.
    mutating func touch(_ id: ID<Ticket>, _ at: LocalDateTime, _ change: (inout Tick, LocalDateTime) -> Void) {
        guard var t = tickets[id] else { return }
        let when = max(at, t.last)
        t.last = when
        change(&t, when)
        tickets[id] = t
    }

    static func closeStop(_ t: inout Tick, _ at: LocalDateTime) {
        if let i = t.stops.indices.last, t.stops[i].to == nil { t.stops[i].to = max(at, t.stops[i].from) }
    }

    // MARK: Cadres

    /// The file as it stood at the end of `date` (nil: as it is now).
    func cadre(_ id: ID<Cadre>, on date: LocalDate? = nil) -> Cadre {
        var c = cadreBase[id]!
        for s in cadreSteps[id] ?? [] {
            s.correction(&c)
            if date.map({ s.day <= $0 }) ?? true { s.state(&c) }
        }
        if let date {
            if let d = c.deceasedOn, d > date { c.deceasedOn = nil }
            if let h = c.hospitalisedSince, h > date { c.hospitalisedSince = nil }
            if let e = c.livingElsewhere, e.since > date { c.livingElsewhere = nil }
            if let w = c.widowedOn, w > date { c.widowedOn = nil }
        }
        return c
    }

    var cadresNow: [Cadre] { cadreOrder.map { cadre($0) } }

    /// The named lists straight from their definitions (DOMAIN.md), on the files as of `date`.
    func onList(_ l: NamedList, _ c: Cadre, on date: LocalDate) -> Bool {
        let dead = c.deceasedOn.map { $0 <= date } ?? false
        if l == .deceased { return dead }
        if dead { return false }
        let ill = c.health != .healthy || c.hospitalisedSince != nil
        let old = c.birthDate.age(on: date) >= settings.roster.elderlyAge
        switch l {
        case .ill: return ill
        case .widowed: return c.marital == .widowed
        case .alone: return c.living == .alone
        case .emptyNest: return c.living == .emptyNest
        case .dependent: return c.health == .dependent
        case .hardship: return c.hardship
        case .elderly: return old
        case .doubleHigh: return old && ill
        case .hospitalised: return c.hospitalisedSince != nil
        case .elsewhere: return c.livingElsewhere != nil
        case .lixiu: return c.category == .lixiu
        case .tuixiu: return c.category == .tuixiu
        case .cared: return c.careLevel != nil
        case .deceased: return dead
        }
    }

    // MARK: Visits

    /// Non-voided visits, in log order.
    var keptVisits: [Visit] { visitOrder.compactMap { visits[$0] }.filter { !$0.voided } }

    func visits(of cadre: ID<Cadre>) -> [Visit] { keptVisits.filter { $0.record.cadres.contains(cadre) } }
}
