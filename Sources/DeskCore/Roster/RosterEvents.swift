/// Roster events: a file is created whole, then changed by patches and by
/// explicit dated status events. The history (`Roster.changes`) is derived
/// from these during the fold.
public enum RosterEvents {
    public static let all: [any DeskEvent.Type] = [
        CadreAdded.self, CadreUpdated.self, CadreAlertAdded.self, CadreAlertRemoved.self,
        CareLevelSet.self, ContactAssigned.self, CadreHospitalised.self, CadreDischarged.self,
        CadreMovedAway.self, CadreReturned.self, CadreDied.self, CadreWidowed.self,
    ]
}

public struct CadreAdded: DeskEvent {
    public static let type = "cadre.added"
    public var cadre: Cadre
    public init(cadre: Cadre) { self.cadre = cadre }
    public func apply(to state: inout DeskState, _ meta: EventMeta) { state.roster.add(cadre, meta) }
}

/// The fields an edit changed, with their new values; absent fields stay.
/// An empty string clears `idNumber` and `phone`.
public struct CadreUpdated: DeskEvent {
    public static let type = "cadre.updated"
    public var id: ID<Cadre>
    public var name: String?
    public var gender: Gender?
    public var birthDate: LocalDate?
    public var idNumber: String?
    public var category: CadreCategory?
    public var rank: RankBand?
    public var workUnit: String?
    public var partyBranch: String?
    public var phone: String?
    public var address: String?
    public var community: String?
    public var family: [FamilyMember]?
    public var health: HealthStatus?
    public var living: LivingSituation?
    public var marital: MaritalStatus?
    public var hardship: Bool?
    public var hobbies: String?
    public var notes: String?

    public init(id: ID<Cadre>) { self.id = id }

    /// The patch turning `old` into `new` (file fields only), nil if nothing changed.
    public init?(from old: Cadre, to new: Cadre) {
        id = old.id
        func pick<T: Equatable>(_ a: T, _ b: T) -> T? { a == b ? nil : b }
        name = pick(old.name, new.name)
        gender = pick(old.gender, new.gender)
        birthDate = pick(old.birthDate, new.birthDate)
        idNumber = old.idNumber == new.idNumber ? nil : (new.idNumber ?? "")
        category = pick(old.category, new.category)
        rank = pick(old.rank, new.rank)
        workUnit = pick(old.workUnit, new.workUnit)
        partyBranch = pick(old.partyBranch, new.partyBranch)
        phone = old.phone == new.phone ? nil : (new.phone ?? "")
        address = pick(old.address, new.address)
        community = pick(old.community, new.community)
        family = pick(old.family, new.family)
        health = pick(old.health, new.health)
        living = pick(old.living, new.living)
        marital = pick(old.marital, new.marital)
        hardship = pick(old.hardship, new.hardship)
        hobbies = pick(old.hobbies, new.hobbies)
        notes = pick(old.notes, new.notes)
        var probe = old
        patch(&probe)
        if probe == old { return nil }
    }

    func patch(_ c: inout Cadre) {
        if let v = name { c.name = v }
        if let v = gender { c.gender = v }
        if let v = birthDate { c.birthDate = v }
        if let v = idNumber { c.idNumber = v.isEmpty ? nil : v }
        if let v = category { c.category = v }
        if let v = rank { c.rank = v }
        if let v = workUnit { c.workUnit = v }
        if let v = partyBranch { c.partyBranch = v }
        if let v = phone { c.phone = v.isEmpty ? nil : v }
        if let v = address { c.address = v }
        if let v = community { c.community = v }
        if let v = family { c.family = v }
        if let v = health { c.health = v }
        if let v = living { c.living = v }
        if let v = marital { c.marital = v }
        if let v = hardship { c.hardship = v }
        if let v = hobbies { c.hobbies = v }
        if let v = notes { c.notes = v }
    }

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.roster.change(id, meta) { patch(&$0) }
    }
}

/// An alert shown on every lookup (hearing loss, allergy, "call daughter first").
public struct CadreAlertAdded: DeskEvent {
    public static let type = "cadre.alert_added"
    public var id: ID<Cadre>
    public var text: String
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.roster.change(id, meta) { if !$0.alerts.contains(text) { $0.alerts.append(text) } }
    }
}

public struct CadreAlertRemoved: DeskEvent {
    public static let type = "cadre.alert_removed"
    public var id: ID<Cadre>
    public var text: String
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.roster.change(id, meta) { $0.alerts.removeAll { $0 == text } }
    }
}

/// 关怀等级 set (nil: none).
public struct CareLevelSet: DeskEvent {
    public static let type = "cadre.care_level"
    public var id: ID<Cadre>
    public var level: Int?
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.roster.change(id, meta) { $0.careLevel = level }
    }
}

/// 联系人 assigned (nil: none).
public struct ContactAssigned: DeskEvent {
    public static let type = "cadre.contact"
    public var id: ID<Cadre>
    public var contact: ID<Staff>?
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.roster.change(id, meta) { $0.contact = contact }
    }
}

public struct CadreHospitalised: DeskEvent {
    public static let type = "cadre.hospitalised"
    public var id: ID<Cadre>
    public var on: LocalDate
    /// Hospital and ward, as the clerk writes it.
    public var hospital: String
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.roster.change(id, meta, effective: on) { $0.hospitalisedSince = on }
    }
}

public struct CadreDischarged: DeskEvent {
    public static let type = "cadre.discharged"
    public var id: ID<Cadre>
    public var on: LocalDate
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.roster.change(id, meta, effective: on) { $0.hospitalisedSince = nil }
    }
}

/// 异地居住: moved to another place (phone contact instead of home visits).
public struct CadreMovedAway: DeskEvent {
    public static let type = "cadre.moved_away"
    public var id: ID<Cadre>
    public var since: LocalDate
    public var place: String
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.roster.change(id, meta, effective: since) { $0.livingElsewhere = Elsewhere(since: since, place: place) }
    }
}

public struct CadreReturned: DeskEvent {
    public static let type = "cadre.returned"
    public var id: ID<Cadre>
    public var on: LocalDate
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.roster.change(id, meta, effective: on) { $0.livingElsewhere = nil }
    }
}

/// The cadre died: every schedule stops; the file stays.
public struct CadreDied: DeskEvent {
    public static let type = "cadre.deceased"
    public var id: ID<Cadre>
    public var on: LocalDate
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.roster.change(id, meta, effective: on) {
            $0.deceasedOn = on
            $0.hospitalisedSince = nil
        }
    }
}

/// The spouse died (bereavement visit due; marital status becomes 丧偶, and a
/// cadre who lived as a couple now lives alone, so the 独居 list shows them).
public struct CadreWidowed: DeskEvent {
    public static let type = "cadre.widowed"
    public var id: ID<Cadre>
    public var on: LocalDate
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.roster.change(id, meta, effective: on) {
            $0.widowedOn = on
            $0.marital = .widowed
            // A couple living on their own (with spouse, empty nest) leaves the survivor alone;
            // the clerk corrects it in the file if children move in.
            if $0.living == .withSpouse || $0.living == .emptyNest { $0.living = .alone }
        }
    }
}
