import DeskLog
import Foundation
@testable import DeskCore

/// A small centre built by applying events directly (no file), for rule tests:
/// admin S001 and caseworkers S002 王芳, S003 李明, S004 赵强.
struct VisitWorld {
    var builder = StateBuilder()
    private(set) var records: [VisitRecord] = []
    private(set) var voided: Set<ID<Visit>> = []
    private var cadreCount = 0

    static let wang: ID<Staff> = "S002"
    static let li: ID<Staff> = "S003"
    static let zhao: ID<Staff> = "S004"

    init() {
        builder.apply(StaffAdded(staff: Staff(id: "S001", login: "admin", name: "管理员", role: .admin)))
        builder.apply(StaffAdded(staff: Staff(id: Self.wang, login: "wf", name: "王芳", role: .caseworker)))
        builder.apply(StaffAdded(staff: Staff(id: Self.li, login: "lm", name: "李明", role: .caseworker)))
        builder.apply(StaffAdded(staff: Staff(id: Self.zhao, login: "zq", name: "赵强", role: .caseworker)))
    }

    var state: DeskState { builder.state }

    @discardableResult
    mutating func cadre(born: LocalDate = LocalDate(1950, 6, 15), category: CadreCategory = .tuixiu, care: Int? = nil,
                        contact: ID<Staff>? = VisitWorld.wang, _ configure: (inout Cadre) -> Void = { _ in }) -> ID<Cadre> {
        cadreCount += 1
        var c = Cadre(id: ID(String(format: "C%05d", cadreCount)), name: "老干部\(cadreCount)", gender: .male, birthDate: born,
                      category: category, rank: .general, workUnit: "县委")
        c.careLevel = care
        c.contact = contact
        configure(&c)
        builder.apply(CadreAdded(cadre: c))
        return c.id
    }

    /// Replaces a cadre's file (the roster issue's update events do this in the app).
    mutating func update(_ id: ID<Cadre>, _ change: (inout Cadre) -> Void) {
        var c = state.roster[id]!
        change(&c)
        builder.apply(CadreAdded(cadre: c))
    }

    @discardableResult
    mutating func visit(_ cadres: [ID<Cadre>], _ kind: VisitKind, _ occasion: VisitOccasion = .routine, on date: LocalDate,
                        at time: LocalTime = LocalTime(10, 0), staff: [ID<Staff>] = [VisitWorld.wang],
                        followUp: LocalDate? = nil) -> ID<Visit> {
        let id = Visit.id(serial: state.visits.highestSerial + 1)
        let r = VisitRecord(id: id, cadres: cadres, staff: staff, at: LocalDateTime(date, time), kind: kind, occasion: occasion,
                            learned: "情况良好", followUp: followUp)
        records.append(r)
        builder.apply(VisitLogged(visit: r), by: staff[0])
        return id
    }

    @discardableResult
    mutating func visit(_ cadre: ID<Cadre>, _ kind: VisitKind, _ occasion: VisitOccasion = .routine, on date: LocalDate,
                        staff: [ID<Staff>] = [VisitWorld.wang], followUp: LocalDate? = nil) -> ID<Visit> {
        visit([cadre], kind, occasion, on: date, staff: staff, followUp: followUp)
    }

    mutating func void(_ id: ID<Visit>) {
        voided.insert(id)
        builder.apply(VisitVoided(id: id, reason: "记错了"))
    }

    mutating func amend(_ r: VisitRecord) {
        records[records.firstIndex { $0.id == r.id }!] = r
        builder.apply(VisitAmended(visit: r, reason: "更正"))
    }

    mutating func absence(_ who: ID<Staff>, from: LocalDate, to: LocalDate, backup: ID<Staff>) {
        builder.apply(AbsenceRecorded(staff: who, absence: Absence(id: "A\(who.raw)\(from)", from: from, to: to, backup: backup, reason: "年假")))
    }

    mutating func settings(_ change: (inout VisitSettings) -> Void) {
        var s = state.settings
        change(&s.visits)
        builder.apply(SettingsChanged(settings: s))
    }

    mutating func rosterSettings(_ change: (inout RosterSettings) -> Void) {
        var s = state.settings
        change(&s.roster)
        builder.apply(SettingsChanged(settings: s))
    }

    func items(on date: LocalDate, horizon: Int = 0) -> [DueItem] { state.dueItems(on: date, horizon: horizon) }
    func items(_ cadre: ID<Cadre>, on date: LocalDate, horizon: Int = 0) -> [DueItem] {
        state.dueItems(for: cadre, on: date, horizon: horizon)
    }
    func rules(_ cadre: ID<Cadre>, on date: LocalDate, horizon: Int = 0) -> [DueRule] {
        items(cadre, on: date, horizon: horizon).map(\.rule)
    }
    func item(_ cadre: ID<Cadre>, _ rule: DueRule, on date: LocalDate, horizon: Int = 0) -> DueItem? {
        items(cadre, on: date, horizon: horizon).first { $0.rule == rule }
    }
}

/// Puts a cadre's file into the log (the roster issue adds the real commands).
struct SeedCadre: DeskCommand {
    var cadre: Cadre
    func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] { [CadreAdded(cadre: cadre)] }
}

func day(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(y, m, d) }
