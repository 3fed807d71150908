import DeskLog
/// Visit events. A visit is never edited or deleted in place: corrections are
/// `visit.amended` (the whole record again) and `visit.voided` (with a reason).
public enum VisitEvents {
    public static let all: [any DeskEvent.Type] = [VisitLogged.self, VisitAmended.self, VisitVoided.self]
}

public struct VisitLogged: DeskEvent {
    public static let type = "visit.logged"
    public var visit: VisitRecord
    public init(visit: VisitRecord) { self.visit = visit }
    /// Most of a log is visits: read them without the Codable machinery.
    public static func decoded(from json: JSON) throws -> any DeskEvent {
        VisitLogged(visit: try VisitRecord(json: try JSONFields(json, at: [])[CodingKeys.visit.stringValue]))
    }
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.visits.log(visit, meta)
    }
}

/// Replaces a visit's record (same id); the previous version stays in the log.
public struct VisitAmended: DeskEvent {
    public static let type = "visit.amended"
    public var visit: VisitRecord
    public var reason: String
    public init(visit: VisitRecord, reason: String) {
        self.visit = visit
        self.reason = reason
    }
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.visits.amend(visit, meta)
    }
}

/// A voided visit stays in the log and the timeline but satisfies no rule.
public struct VisitVoided: DeskEvent {
    public static let type = "visit.voided"
    public var id: ID<Visit>
    public var reason: String
    public init(id: ID<Visit>, reason: String) {
        self.id = id
        self.reason = reason
    }
    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.visits.void(id, meta)
    }
}
