/// Records one visit (one cadre, or several for a group visit).
public struct LogVisit: DeskCommand {
    /// The visit as typed; its `id` is not used: the command gives the next
    /// number under the log lock, so two terminals never share one.
    public var visit: VisitRecord
    /// Go ahead despite warnings (a home visit to a cadre living elsewhere, a
    /// likely duplicate, a large sum, a date long past).
    public var confirmed: Bool

    public init(_ visit: VisitRecord, confirmed: Bool = false) {
        self.visit = visit
        self.confirmed = confirmed
    }

    public init(cadres: [ID<Cadre>], staff: [ID<Staff>], at: LocalDateTime, kind: VisitKind, occasion: VisitOccasion,
                learned: String = "", needs: [String] = [], gifts: String = "", moneyEach: Money = .zero,
                followUp: LocalDate? = nil, confirmed: Bool = false) {
        self.init(VisitRecord(id: "", cadres: cadres, staff: staff, at: at, kind: kind, occasion: occasion, learned: learned,
                              needs: needs, gifts: gifts, moneyEach: moneyEach, followUp: followUp), confirmed: confirmed)
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.logVisits)
        var record = VisitCheck.cleaned(visit)
        record.id = Visit.id(serial: state.visits.highestSerial + 1)
        try VisitCheck.verdict(VisitCheck.check(record, in: state, now: context.now), confirmed: confirmed)
        return [VisitLogged(visit: record)]
    }
}

/// A festival round (or any round of the same visit to many cadres): one
/// visit per cadre, one note, all recorded or none.
public struct LogVisitRound: DeskCommand {
    public var cadres: [ID<Cadre>]
    public var staff: [ID<Staff>]
    public var at: LocalDateTime
    public var kind: VisitKind
    public var occasion: VisitOccasion
    public var learned: String
    public var gifts: String
    public var moneyEach: Money
    public var confirmed: Bool

    public init(cadres: [ID<Cadre>], staff: [ID<Staff>], at: LocalDateTime, kind: VisitKind = .festival,
                occasion: VisitOccasion = .festival, learned: String = "", gifts: String = "", moneyEach: Money = .zero,
                confirmed: Bool = false) {
        self.cadres = cadres
        self.staff = staff
        self.at = at
        self.kind = kind
        self.occasion = occasion
        self.learned = learned
        self.gifts = gifts
        self.moneyEach = moneyEach
        self.confirmed = confirmed
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.logVisits)
        var errors: [Problem] = [], warnings: [Problem] = []
        if cadres.isEmpty { errors.append(Problem("visits.cadre_required", field: "cadres")) }
        var seen: Set<ID<Cadre>> = []
        var records: [VisitRecord] = []
        for c in cadres {
            if !seen.insert(c).inserted {
                errors.append(Problem("visits.cadre_twice", [state.roster[c]?.name ?? c.raw], field: "cadres"))
                continue
            }
            let r = VisitRecord(id: Visit.id(serial: state.visits.highestSerial + 1 + records.count), cadres: [c],
                                staff: staff, at: at, kind: kind, occasion: occasion, learned: Blank.trim(learned),
                                gifts: Blank.trim(gifts), moneyEach: moneyEach)
            let found = VisitCheck.check(r, in: state, now: context.now)
            // Staff, date and amount problems are the same for every cadre: report them once.
            for p in found.errors where !errors.contains(p) { errors.append(p) }
            for p in found.warnings where !warnings.contains(p) { warnings.append(p) }
            records.append(r)
        }
        try VisitCheck.verdict((errors, warnings), confirmed: confirmed)
        return records.map { VisitLogged(visit: $0) }
    }
}

/// Voids a visit: it stays in the log and the timeline, marked, and satisfies
/// no rule. Staff may void the visits they made or recorded; supervisors any.
public struct VoidVisit: DeskCommand {
    public var id: ID<Visit>
    public var reason: String

    public init(id: ID<Visit>, reason: String) {
        self.id = id
        self.reason = reason
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.logVisits)
        let v = try VisitCheck.ownVisit(id, in: state, context: context)
        if v.voided { throw .conflict(Problem("visits.already_voided", [id.raw])) }
        let why = Blank.trim(reason)
        if why.isEmpty { throw .invalid("visits.reason_required", field: "reason") }
        return [VisitVoided(id: id, reason: why)]
    }
}

/// Corrects a visit: the whole record again, with the reason. Needs raised
/// keep their numbers (a ticket may point at one), so none may be removed.
public struct AmendVisit: DeskCommand {
    public var visit: VisitRecord
    public var reason: String
    public var confirmed: Bool

    /// Start from the record as `Desk.visitDetail` read it and change fields.
    public init(_ visit: VisitRecord, reason: String, confirmed: Bool = false) {
        self.visit = visit
        self.reason = reason
        self.confirmed = confirmed
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.logVisits)
        let old = try VisitCheck.ownVisit(visit.id, in: state, context: context)
        if old.voided { throw .conflict(Problem("visits.already_voided", [visit.id.raw])) }
        let record = VisitCheck.cleaned(visit)
        var found = VisitCheck.check(record, in: state, now: context.now, previous: old)
        if record.needs.count < old.needCount {
            found.errors.append(Problem("visits.needs_removed", [String(old.needCount)], field: "needs"))
        }
        let why = Blank.trim(reason)
        if why.isEmpty { found.errors.append(Problem("visits.reason_required", field: "reason")) }
        try VisitCheck.verdict(found, confirmed: confirmed)
        return [VisitAmended(visit: record, reason: why)]
    }
}

/// The checks every way of recording a visit shares.
enum VisitCheck {
    static let maxLearned = 2000
    static let maxNeed = 300
    static let maxNeeds = 20
    static let maxGifts = 200
    static let maxCadres = 500
    /// Above this a sum handed over asks for confirmation (a typo guard).
    static let largeMoney = Money(fen: 500_000)
    /// Visits dated further back than this ask for confirmation.
    static let oldDays = 60


    /// The record with its free text trimmed, as it is stored.
    static func cleaned(_ v: VisitRecord) -> VisitRecord {
        var r = v
        r.learned = Blank.trim(r.learned)
        r.needs = r.needs.map { Blank.trim($0) }
        r.gifts = Blank.trim(r.gifts)
        return r
    }

    static func verdict(_ found: (errors: [Problem], warnings: [Problem]), confirmed: Bool) throws(DeskError) {
        if !found.errors.isEmpty { throw .invalid(found.errors) }
        if !found.warnings.isEmpty, !confirmed { throw .needsConfirmation(found.warnings) }
    }

    /// `previous`: the version being amended (its date, if unchanged, is not questioned again).
    static func check(_ v: VisitRecord, in state: DeskState, now: LocalDateTime,
                      previous: VisitSummary? = nil) -> (errors: [Problem], warnings: [Problem]) {
        var errors: [Problem] = [], warnings: [Problem] = []
        let date = v.at.date
        let today = now.date

        if v.cadres.isEmpty { errors.append(Problem("visits.cadre_required", field: "cadres")) }
        if v.cadres.count > maxCadres { errors.append(Problem("visits.too_many_cadres", [String(maxCadres)], field: "cadres")) }
        if v.kind == .phone, v.cadres.count > 1 { errors.append(Problem("visits.phone_one_cadre", field: "kind")) }
        var seen: Set<ID<Cadre>> = []
        for id in v.cadres {
            guard seen.insert(id).inserted else {
                errors.append(Problem("visits.cadre_twice", [state.roster[id]?.name ?? id.raw], field: "cadres"))
                continue
            }
            guard let c = state.roster[id] else {
                errors.append(Problem("visits.cadre_not_found", [id.raw], field: "cadres"))
                continue
            }
            // A visit made before the death may still be recorded afterwards.
            if let died = c.deceasedOn, died <= date, v.kind != .condolence {
                errors.append(Problem("visits.cadre_deceased", [c.name, died.description], field: "cadres"))
            }
            if v.kind == .condolence, c.deceasedOn == nil, c.widowedOn == nil {
                warnings.append(Problem("visits.condolence_no_death", [c.name], field: "kind"))
            }
            if v.kind == .home, let away = c.livingElsewhere, away.since <= date {
                warnings.append(Problem("visits.home_but_elsewhere", [c.name, away.place], field: "kind"))
            }
            if let same = duplicate(of: v, cadre: id, in: state.visits) {
                warnings.append(Problem("visits.duplicate", [c.name, same.raw], field: "cadres"))
            }
        }

        if v.staff.isEmpty { errors.append(Problem("visits.staff_required", field: "staff")) }
        if v.staff.count > 2 { errors.append(Problem("visits.staff_too_many", field: "staff")) }
        if v.staff.count == 2, v.staff[0] == v.staff[1] { errors.append(Problem("visits.staff_twice", field: "staff")) }
        for s in v.staff where state.staff[s]?.active != true {
            errors.append(Problem("visits.staff_not_found", [s.raw], field: "staff"))
        }

        if date > today {
            errors.append(Problem("visits.date_future", [today.description], field: "at"))
        } else if date == today, v.at.time > now.time, previous?.at != v.at {
            // Today, but later than now: a visit is recorded after it took place.
            errors.append(Problem("visits.time_future", [now.time.description], field: "at"))
        }
        if date < today.adding(days: -oldDays), previous?.at.date != date { warnings.append(Problem("visits.date_old", [date.description], field: "at")) }
        if let f = v.followUp {
            if f <= date { errors.append(Problem("visits.follow_up_not_after", [date.description], field: "followUp")) }
            if f > date.adding(days: 366) { errors.append(Problem("visits.follow_up_too_far", field: "followUp")) }
        }

        if v.moneyEach < .zero { errors.append(Problem("visits.money_negative", field: "moneyEach")) }
        if v.moneyEach > largeMoney { warnings.append(Problem("visits.money_large", [v.moneyEach.description], field: "moneyEach")) }
        if v.learned.count > maxLearned {
            errors.append(Problem("visits.learned_too_long", [String(maxLearned), String(v.learned.count)], field: "learned"))
        }
        if v.gifts.count > maxGifts { errors.append(Problem("visits.gifts_too_long", [String(maxGifts)], field: "gifts")) }
        if v.needs.count > maxNeeds { errors.append(Problem("visits.too_many_needs", [String(maxNeeds)], field: "needs")) }
        for (i, n) in v.needs.enumerated() {
            if n.isEmpty { errors.append(Problem("visits.need_empty", [String(i + 1)], field: "needs")) }
            if n.count > maxNeed { errors.append(Problem("visits.need_too_long", [String(i + 1), String(maxNeed)], field: "needs")) }
        }
        return (errors, warnings)
    }

    /// A visit of the same kind to the same cadre on the same day (another
    /// terminal, or Enter pressed twice), other than `v` itself.
    static func duplicate(of v: VisitRecord, cadre: ID<Cadre>, in book: VisitBook) -> ID<Visit>? {
        guard let track = book.track(of: cadre) else { return nil }
        let day = Int32(v.at.date.dayNumber), kind = v.kind.code
        for r in track.rows.reversed() {
            let row = book.rows[Int(r)]
            if row.day < day { break }
            if row.day == day, row.kind == kind, !row.isVoided {
                let id = book.summary(row: r).id
                if id != v.id { return id }
            }
        }
        return nil
    }

    /// The visit, if the actor took part in it, recorded it, or may see everyone's.
    static func ownVisit(_ id: ID<Visit>, in state: DeskState, context: CommandContext) throws(DeskError) -> VisitSummary {
        guard let v = state.visits.summary(of: id) else { throw .conflict(Problem("visits.not_found", [id.raw])) }
        let me = context.actor.id
        if !v.staff.contains(me), v.loggedBy != me, !context.actor.role.can(.viewAllVisits) {
            throw .notAllowed(Problem("visits.not_yours", [id.raw]))
        }
        return v
    }
}
