/// Explicit, dated status actions on a file. Each checks the date (not in the
/// future, not before birth) and that the status really changes, so two
/// terminals recording the same discharge do not both succeed.
public struct RecordHospitalised: DeskCommand, Sendable {
    public var id: ID<Cadre>
    public var on: LocalDate
    public var hospital: String
    public init(id: ID<Cadre>, on: LocalDate, hospital: String = "") {
        self.id = id
        self.on = on
        self.hospital = hospital
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        let c = try StatusRules.living(id, on: on, state, context)
        if let since = c.hospitalisedSince { throw .conflict(Problem("roster.status.already_hospitalised", [c.name, since.description])) }
        var problems: [Problem] = []
        let h = CadreRules.checkText(hospital, field: "hospital", limit: CadreRules.Limit.hospital, required: false, into: &problems)
        if !problems.isEmpty { throw .invalid(problems) }
        return [CadreHospitalised(id: id, on: on, hospital: h)]
    }
}

public struct RecordDischarged: DeskCommand, Sendable {
    public var id: ID<Cadre>
    public var on: LocalDate
    public init(id: ID<Cadre>, on: LocalDate) {
        self.id = id
        self.on = on
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        let c = try StatusRules.living(id, on: on, state, context)
        guard let since = c.hospitalisedSince else { throw .conflict(Problem("roster.status.not_hospitalised", [c.name])) }
        if on < since { throw .invalid("roster.status.before_admission", [since.description], field: "date") }
        return [CadreDischarged(id: id, on: on)]
    }
}

public struct RecordMovedAway: DeskCommand, Sendable {
    public var id: ID<Cadre>
    public var since: LocalDate
    public var place: String
    public init(id: ID<Cadre>, since: LocalDate, place: String) {
        self.id = id
        self.since = since
        self.place = place
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        let c = try StatusRules.living(id, on: since, state, context)
        if let e = c.livingElsewhere { throw .conflict(Problem("roster.status.already_away", [c.name, e.place])) }
        var problems: [Problem] = []
        let p = CadreRules.checkText(place, field: "place", limit: CadreRules.Limit.place, required: true, into: &problems)
        if !problems.isEmpty { throw .invalid(problems) }
        return [CadreMovedAway(id: id, since: since, place: p)]
    }
}

public struct RecordReturned: DeskCommand, Sendable {
    public var id: ID<Cadre>
    public var on: LocalDate
    public init(id: ID<Cadre>, on: LocalDate) {
        self.id = id
        self.on = on
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        let c = try StatusRules.living(id, on: on, state, context)
        guard let e = c.livingElsewhere else { throw .conflict(Problem("roster.status.not_away", [c.name])) }
        if on < e.since { throw .invalid("roster.status.before_move", [e.since.description], field: "date") }
        return [CadreReturned(id: id, on: on)]
    }
}

/// Records a death: the file stays, every schedule stops (visit and other
/// rules skip `isDeceased` files).
public struct RecordDeath: DeskCommand, Sendable {
    public var id: ID<Cadre>
    public var on: LocalDate
    public init(id: ID<Cadre>, on: LocalDate) {
        self.id = id
        self.on = on
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        _ = try StatusRules.living(id, on: on, state, context)
        return [CadreDied(id: id, on: on)]
    }
}

/// The spouse died: bereavement; marital status becomes 丧偶.
public struct RecordSpouseDeath: DeskCommand, Sendable {
    public var id: ID<Cadre>
    public var on: LocalDate
    public init(id: ID<Cadre>, on: LocalDate) {
        self.id = id
        self.on = on
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        let c = try StatusRules.living(id, on: on, state, context)
        if c.marital == .widowed, c.widowedOn != nil {
            throw .conflict(Problem("roster.status.already_widowed", [c.name, c.widowedOn!.description]))
        }
        if c.marital == .single { throw .invalid("roster.status.no_spouse", [c.name], field: "date") }
        return [CadreWidowed(id: id, on: on)]
    }
}

enum StatusRules {
    /// The file, if it exists, the actor may change status, the cadre is
    /// alive, and `date` is neither in the future nor before birth.
    static func living(_ id: ID<Cadre>, on date: LocalDate, _ state: DeskState, _ context: CommandContext) throws(DeskError) -> Cadre {
        try context.require(.changeCadreStatus)
        let c = try RosterAssignRules.file(id, state)
        if let d = c.deceasedOn { throw .conflict(Problem("roster.status.deceased", [c.name, d.description])) }
        if date > context.today { throw .invalid("roster.status.future_date", [context.today.description], field: "date") }
        if date < c.birthDate { throw .invalid("roster.status.before_birth", [c.birthDate.description], field: "date") }
        return c
    }
}
