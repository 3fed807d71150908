/// Staff records change only through these events.
public enum StaffEvents {
    public static let all: [any DeskEvent.Type] = [
        StaffAdded.self, StaffUpdated.self, StaffActiveChanged.self,
        AbsenceRecorded.self, AbsenceCancelled.self, PinSet.self,
    ]
}

public struct StaffAdded: DeskEvent {
    public static let type = "staff.added"
    public var staff: Staff
    public func apply(to state: inout DeskState, _ meta: EventMeta) { state.staff.byID[staff.id] = staff }
}

/// Changes the fields present; absent fields stay as they were.
public struct StaffUpdated: DeskEvent {
    public static let type = "staff.updated"
    public var id: ID<Staff>
    public var login: String?
    public var name: String?
    public var role: Role?
    public var phone: String?

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        guard var s = state.staff.byID[id] else { return }
        if let v = login { s.login = v }
        if let v = name { s.name = v }
        if let v = role { s.role = v }
        if let v = phone { s.phone = v.isEmpty ? nil : v }
        state.staff.byID[id] = s
    }
}

public struct StaffActiveChanged: DeskEvent {
    public static let type = "staff.active"
    public var id: ID<Staff>
    public var active: Bool
    public func apply(to state: inout DeskState, _ meta: EventMeta) { state.staff.byID[id]?.active = active }
}

public struct AbsenceRecorded: DeskEvent {
    public static let type = "staff.absence"
    public var staff: ID<Staff>
    public var absence: Absence
    public func apply(to state: inout DeskState, _ meta: EventMeta) { state.staff.byID[staff]?.absences.append(absence) }
}

public struct AbsenceCancelled: DeskEvent {
    public static let type = "staff.absence_off"
    public var staff: ID<Staff>
    public var absence: String
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        guard var s = state.staff.byID[staff], let i = s.absences.firstIndex(where: { $0.id == absence }) else { return }
        s.absences[i].cancelled = true
        state.staff.byID[staff] = s
    }
}

public struct PinSet: DeskEvent {
    public static let type = "staff.pin"
    public var staff: ID<Staff>
    public var pin: PinHash
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.staff.byID[staff]?.pin = pin
        state.staff.pinFailures[staff] = nil
    }
}
