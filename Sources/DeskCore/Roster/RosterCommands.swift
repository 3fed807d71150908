import Foundation

/// Opens a new file. Refuses a duplicate resident ID number; asks for
/// confirmation when a file with the same name and birth date exists.
public struct AddCadre: DeskCommand, Sendable {
    public var draft: CadreDraft
    public var careLevel: Int?
    public var contact: ID<Staff>?
    public var alerts: [String]
    public var confirmed: Bool

    public init(_ draft: CadreDraft, careLevel: Int? = nil, contact: ID<Staff>? = nil, alerts: [String] = [], confirmed: Bool = false) {
        self.draft = draft
        self.careLevel = careLevel
        self.contact = contact
        self.alerts = alerts
        self.confirmed = confirmed
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.editRoster)
        let (checked, cleanAlerts) = check(in: state, today: context.today)
        if !checked.errors.isEmpty { throw .invalid(checked.errors) }
        if !confirmed, !checked.warnings.isEmpty { throw .needsConfirmation(checked.warnings) }
        var cadre = checked.cadre
        cadre.id = state.roster.nextFileNumber()
        cadre.careLevel = careLevel
        cadre.contact = contact
        cadre.alerts = cleanAlerts
        return [CadreAdded(cadre: cadre)]
    }

    /// Every problem the command would refuse or warn about, without the
    /// permission check: the save and an import's dry run ask the same questions.
    public func check(in state: DeskState, today: LocalDate) -> (checked: CadreRules.Checked, alerts: [String]) {
        var checked = CadreRules.check(draft, in: state, today: today)
        checked.errors += RosterAssignRules.careLevel(careLevel, state)
        checked.errors += RosterAssignRules.contact(contact, state)
        var cleanAlerts: [String] = []
        for a in alerts {
            let t = Blank.trim(a)
            if t.isEmpty || cleanAlerts.contains(t) { continue }
            if let p = RosterAssignRules.alert(t) { checked.errors.append(p) }
            cleanAlerts.append(t)
        }
        if cleanAlerts.count > CadreRules.Limit.alerts {
            checked.errors.append(Problem("roster.alert.too_many", [String(CadreRules.Limit.alerts)], field: "alerts"))
        }
        return (checked, cleanAlerts)
    }
}

/// Saves the edit form: only the changed fields go into the event. `version`
/// is `Roster.version(of:)` when the form was loaded; if another terminal
/// changed the file since, nothing is overwritten (`conflict`).
public struct UpdateCadre: DeskCommand, Sendable {
    public var id: ID<Cadre>
    public var version: UInt64
    public var draft: CadreDraft
    public var confirmed: Bool

    public init(id: ID<Cadre>, version: UInt64, draft: CadreDraft, confirmed: Bool = false) {
        self.id = id
        self.version = version
        self.draft = draft
        self.confirmed = confirmed
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.editRoster)
        let old = try RosterAssignRules.file(id, state)
        if state.roster.version(of: id) != version {
            throw .conflict(Problem("roster.changed_meanwhile", [old.name]))
        }
        let checked = CadreRules.check(draft, in: state, today: context.today, editing: old)
        if !checked.errors.isEmpty { throw .invalid(checked.errors) }
        // Warn only when the edit touches what the warnings are about, not on every save of an old file.
        let new = checked.cadre
        let touched = old.name != new.name || old.birthDate != new.birthDate || old.category != new.category
        if !confirmed, touched, !checked.warnings.isEmpty { throw .needsConfirmation(checked.warnings) }
        guard let patch = CadreUpdated(from: old, to: checked.cadre) else { return [] }
        return [patch]
    }
}

public struct AddCadreAlert: DeskCommand, Sendable {
    public var id: ID<Cadre>
    public var text: String
    public init(id: ID<Cadre>, text: String) {
        self.id = id
        self.text = text
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.editRoster)
        let c = try RosterAssignRules.file(id, state)
        let t = Blank.trim(text)
        if let p = RosterAssignRules.alert(t) { throw .invalid([p]) }
        if c.alerts.contains(t) { return [] }
        if c.alerts.count >= CadreRules.Limit.alerts {
            throw .invalid("roster.alert.too_many", [String(CadreRules.Limit.alerts)], field: "alerts")
        }
        return [CadreAlertAdded(id: id, text: t)]
    }
}

public struct RemoveCadreAlert: DeskCommand, Sendable {
    public var id: ID<Cadre>
    public var text: String
    public init(id: ID<Cadre>, text: String) {
        self.id = id
        self.text = text
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.editRoster)
        let c = try RosterAssignRules.file(id, state)
        guard c.alerts.contains(text) else { throw .conflict(Problem("roster.alert.gone", [text])) }
        return [CadreAlertRemoved(id: id, text: text)]
    }
}

/// 关怀等级 (nil removes it).
public struct SetCareLevel: DeskCommand, Sendable {
    public var id: ID<Cadre>
    public var level: Int?
    public init(id: ID<Cadre>, level: Int?) {
        self.id = id
        self.level = level
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.editRoster)
        let c = try RosterAssignRules.file(id, state)
        if level != nil, c.isDeceased { throw .invalid("roster.status.deceased", [c.name, c.deceasedOn!.description]) }
        let problems = RosterAssignRules.careLevel(level, state)
        if !problems.isEmpty { throw .invalid(problems) }
        return c.careLevel == level ? [] : [CareLevelSet(id: id, level: level)]
    }
}

/// 联系人 (nil removes the assignment).
public struct AssignContact: DeskCommand, Sendable {
    public var id: ID<Cadre>
    public var contact: ID<Staff>?
    public init(id: ID<Cadre>, contact: ID<Staff>?) {
        self.id = id
        self.contact = contact
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.editRoster)
        let c = try RosterAssignRules.file(id, state)
        if contact != nil, c.isDeceased { throw .invalid("roster.status.deceased", [c.name, c.deceasedOn!.description]) }
        let problems = RosterAssignRules.contact(contact, state)
        if !problems.isEmpty { throw .invalid(problems) }
        return c.contact == contact ? [] : [ContactAssigned(id: id, contact: contact)]
    }
}

/// Checks shared by the roster commands.
enum RosterAssignRules {
    static func file(_ id: ID<Cadre>, _ state: DeskState) throws(DeskError) -> Cadre {
        guard let c = state.roster[id] else { throw .conflict(Problem("roster.not_found", [id.raw])) }
        return c
    }

    static func careLevel(_ level: Int?, _ state: DeskState) -> [Problem] {
        guard let level else { return [] }
        let levels = state.settings.roster.careLevels.map(\.level)
        if levels.contains(level) { return [] }
        return [Problem("roster.care_level.unknown", [String(level), levels.map(String.init).joined(separator: "、")], field: "careLevel")]
    }

    static func contact(_ id: ID<Staff>?, _ state: DeskState) -> [Problem] {
        guard let id else { return [] }
        guard let s = state.staff[id] else { return [Problem("roster.contact.unknown", [id.raw], field: "contact")] }
        if !s.active { return [Problem("roster.contact.inactive", [s.name], field: "contact")] }
        return []
    }

    static func alert(_ text: String) -> Problem? {
        if text.isEmpty { return Problem("roster.alert.empty", field: "alerts") }
        if text.count > CadreRules.Limit.alert {
            return Problem("roster.text.too_long", [String(CadreRules.Limit.alert), String(text.count)], field: "alerts")
        }
        return nil
    }
}
