/// A member of staff: who may use the desk and with what role.
public struct Staff: Sendable, Codable, Hashable {
    public var id: ID<Staff>
    /// The operating-system login that maps to this staff member (unique among active staff).
    public var login: String
    /// Display name, e.g. 王芳.
    public var name: String
    public var role: Role
    public var phone: String?
    public var active: Bool = true
    /// Salted scrypt hash of the PIN used on shared terminals (nil = no PIN set).
    public var pin: PinHash?
    public var absences: [Absence] = []

    public init(id: ID<Staff>, login: String, name: String, role: Role, phone: String? = nil) {
        self.id = id
        self.login = login
        self.name = name
        self.role = role
        self.phone = phone
    }

    /// The identity of the first command on an empty log (which creates this very admin).
    public static let bootstrapID: ID<Staff> = "S001"
    static let bootstrap = Staff(id: bootstrapID, login: "", name: "", role: .admin)

    /// The absence covering `date`, if any.
    public func absence(on date: LocalDate) -> Absence? {
        absences.first { !$0.cancelled && $0.from <= date && date <= $0.to }
    }
}

/// A recorded absence (leave, training, sick) and who covers meanwhile (AB岗).
public struct Absence: Sendable, Codable, Hashable {
    public var id: String
    public var from: LocalDate
    public var to: LocalDate
    public var backup: ID<Staff>
    public var reason: String
    public var cancelled = false

    public init(id: String, from: LocalDate, to: LocalDate, backup: ID<Staff>, reason: String) {
        self.id = id
        self.from = from
        self.to = to
        self.backup = backup
        self.reason = reason
    }
}

/// Roles gate screens and actions. Caseworkers are the 联系人 who visit.
public enum Role: String, Sendable, Codable, CaseIterable, Hashable {
    case desk        // activity-centre desk clerk
    case hotline     // hotline operator
    case caseworker  // visits cadres, keeps files current
    case supervisor  // section head: dashboards, reports, everyone's work
    case admin       // staff accounts and settings, plus everything

    public func can(_ p: Permission) -> Bool { Permission.grants[self]!.contains(p) }
}

/// What a role may do. One table, read by commands and by screens.
public enum Permission: String, Sendable, CaseIterable, Hashable {
    case viewRoster, editRoster, changeCadreStatus
    /// See whole ID numbers, phones and addresses (lists always mask them).
    case viewPersonalDetails
    case importRoster, exportData
    case logVisits, viewAllVisits
    case handleTickets, rateCallback, superviseTickets
    case manageCentre, bookRooms, checkIn
    case viewDashboard, runReports
    case manageStaff, manageSettings

    static let grants: [Role: Set<Permission>] = {
        let desk: Set<Permission> = [.viewRoster, .editRoster, .bookRooms, .checkIn, .manageCentre, .logVisits]
        let hotline: Set<Permission> = [.viewRoster, .viewPersonalDetails, .handleTickets, .rateCallback, .logVisits]
        let caseworker: Set<Permission> = [.viewRoster, .editRoster, .changeCadreStatus, .viewPersonalDetails, .logVisits,
                                           .handleTickets, .rateCallback, .bookRooms, .checkIn]
        let supervisor = desk.union(hotline).union(caseworker).union([.importRoster, .exportData, .viewAllVisits,
                                                                       .superviseTickets, .viewDashboard, .runReports])
        let admin = Set(Permission.allCases)
        return [.desk: desk, .hotline: hotline, .caseworker: caseworker, .supervisor: supervisor, .admin: admin]
    }()
}
