/// Creates the first admin on a new, empty log from the OS user who ran it.
public struct CreateFirstAdmin: DeskCommand {
    public var login: String
    public var name: String

    public init(login: String, name: String) {
        self.login = login
        self.name = name
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        guard state.staff.byID.isEmpty else { throw .conflict(Problem("staff.first_admin_exists")) }
        var problems = StaffRules.check(login: login, name: name, phone: nil)
        if login.isEmpty { problems.append(Problem("staff.login_required", field: "login")) }
        if !problems.isEmpty { throw .invalid(problems) }
        return [StaffAdded(staff: Staff(id: Staff.bootstrapID, login: login, name: name, role: .admin))]
    }
}

public struct AddStaff: DeskCommand {
    public var login: String
    public var name: String
    public var role: Role
    public var phone: String?

    public init(login: String, name: String, role: Role, phone: String? = nil) {
        self.login = login
        self.name = name
        self.role = role
        self.phone = phone
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.manageStaff)
        var problems = StaffRules.check(login: login, name: name, phone: phone)
        if let other = state.staff.staff(forLogin: login) {
            problems.append(Problem("staff.login_taken", [login, other.name], field: "login"))
        }
        if !problems.isEmpty { throw .invalid(problems) }
        let id = ID<Staff>(SerialNumber.next(prefix: "S", width: 3, existing: state.staff.byID.keys.map(\.raw)))
        return [StaffAdded(staff: Staff(id: id, login: login, name: name, role: role, phone: StaffRules.clean(phone)))]
    }
}

public struct UpdateStaff: DeskCommand {
    public var id: ID<Staff>
    public var login: String
    public var name: String
    public var role: Role
    public var phone: String?

    public init(id: ID<Staff>, login: String, name: String, role: Role, phone: String?) {
        self.id = id
        self.login = login
        self.name = name
        self.role = role
        self.phone = phone
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.manageStaff)
        guard let old = state.staff[id] else { throw .conflict(Problem("staff.not_found", [id.raw])) }
        var problems = StaffRules.check(login: login, name: name, phone: phone)
        if let other = state.staff.staff(forLogin: login), other.id != id {
            problems.append(Problem("staff.login_taken", [login, other.name], field: "login"))
        }
        if old.role == .admin, role != .admin, StaffRules.activeAdmins(state).count == 1 {
            problems.append(Problem("staff.last_admin", field: "role"))
        }
        if !problems.isEmpty { throw .invalid(problems) }
        let newPhone = StaffRules.clean(phone) ?? ""
        let e = StaffUpdated(id: id, login: login == old.login ? nil : login, name: name == old.name ? nil : name,
                             role: role == old.role ? nil : role, phone: newPhone == (old.phone ?? "") ? nil : newPhone)
        if e.login == nil, e.name == nil, e.role == nil, e.phone == nil { return [] }
        return [e]
    }
}

public struct SetStaffActive: DeskCommand {
    public var id: ID<Staff>
    public var active: Bool

    public init(id: ID<Staff>, active: Bool) {
        self.id = id
        self.active = active
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.manageStaff)
        guard let s = state.staff[id] else { throw .conflict(Problem("staff.not_found", [id.raw])) }
        if s.active == active { return [] }
        if !active {
            if id == context.actor.id { throw .invalid("staff.cannot_deactivate_self") }
            if s.role == .admin, StaffRules.activeAdmins(state).count == 1 { throw .invalid("staff.last_admin") }
        } else if let other = state.staff.staff(forLogin: s.login) {
            throw .invalid("staff.login_taken", [s.login, other.name])
        }
        return [StaffActiveChanged(id: id, active: active)]
    }
}

/// Records leave with a named backup. Staff may record their own; admins and
/// supervisors anyone's.
public struct RecordAbsence: DeskCommand {
    public var staff: ID<Staff>
    public var from: LocalDate
    public var to: LocalDate
    public var backup: ID<Staff>
    public var reason: String

    public init(staff: ID<Staff>, from: LocalDate, to: LocalDate, backup: ID<Staff>, reason: String) {
        self.staff = staff
        self.from = from
        self.to = to
        self.backup = backup
        self.reason = reason
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        if staff != context.actor.id, !context.actor.role.can(.manageStaff), !context.actor.role.can(.superviseTickets) {
            throw .notAllowed(Problem("error.not_allowed", [Permission.manageStaff.rawValue]))
        }
        guard let s = state.staff[staff] else { throw .conflict(Problem("staff.not_found", [staff.raw])) }
        var problems: [Problem] = []
        if to < from { problems.append(Problem("staff.absence_dates", field: "to")) }
        if backup == staff { problems.append(Problem("staff.backup_self", field: "backup")) }
        if let b = state.staff[backup] {
            if !b.active { problems.append(Problem("staff.backup_inactive", [b.name], field: "backup")) }
        } else {
            problems.append(Problem("staff.not_found", [backup.raw], field: "backup"))
        }
        if s.absences.contains(where: { !$0.cancelled && $0.from <= to && from <= $0.to }) {
            problems.append(Problem("staff.absence_overlaps", field: "from"))
        }
        if !problems.isEmpty { throw .invalid(problems) }
        let id = SerialNumber.next(prefix: "A", width: 4, existing: state.staff.byID.values.flatMap { $0.absences.map(\.id) })
        return [AbsenceRecorded(staff: staff, absence: Absence(id: id, from: from, to: to, backup: backup, reason: reason))]
    }
}

public struct CancelAbsence: DeskCommand {
    public var staff: ID<Staff>
    public var absence: String

    public init(staff: ID<Staff>, absence: String) {
        self.staff = staff
        self.absence = absence
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        if staff != context.actor.id, !context.actor.role.can(.manageStaff), !context.actor.role.can(.superviseTickets) {
            throw .notAllowed(Problem("error.not_allowed", [Permission.manageStaff.rawValue]))
        }
        guard let s = state.staff[staff], s.absences.contains(where: { $0.id == absence && !$0.cancelled }) else {
            throw .conflict(Problem("staff.absence_not_found"))
        }
        return [AbsenceCancelled(staff: staff, absence: absence)]
    }
}

/// Sets a staff member's PIN for shared terminals. The hash is computed when
/// the command is made (outside the log lock: scrypt is deliberately slow).
public struct SetPin: DeskCommand {
    public var staff: ID<Staff>
    let hash: PinHash?
    let problem: Problem?

    public init(staff: ID<Staff>, pin: String) {
        self.staff = staff
        if pin.count < 4 || pin.count > 8 || !pin.allSatisfy({ $0.isASCII && $0.isNumber }) {
            hash = nil
            problem = Problem("staff.pin_format", field: "pin")
        } else {
            hash = try? PinHash.make(pin: pin)
            problem = hash == nil ? Problem("staff.pin_format", field: "pin") : nil
        }
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        if staff != context.actor.id { try context.require(.manageStaff) }
        guard state.staff[staff] != nil else { throw .conflict(Problem("staff.not_found", [staff.raw])) }
        if let p = problem { throw .invalid([p]) }
        return [PinSet(staff: staff, pin: hash!)]
    }
}

enum StaffRules {
    static func check(login: String, name: String, phone: String?) -> [Problem] {
        var problems: [Problem] = []
        if !login.isEmpty, !login.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) || login.count > 32 {
            problems.append(Problem("staff.login_format", field: "login"))
        }
        if let p = PersonName.problem(name, field: "name") { problems.append(p) }
        if let phone, !phone.isEmpty, let p = PhoneNumber.problem(phone, field: "phone") { problems.append(p) }
        return problems
    }

    static func clean(_ phone: String?) -> String? {
        guard let phone, !phone.isEmpty else { return nil }
        return PhoneNumber.normalized(phone)
    }

    static func activeAdmins(_ state: DeskState) -> [Staff] { state.staff.active.filter { $0.role == .admin } }
}
