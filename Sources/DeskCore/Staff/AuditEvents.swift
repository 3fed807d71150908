import DeskLog

/// Sign-ins, failed PINs and exports of personal data: who did what, when.
public enum AuditEvents {
    public static let all: [any DeskEvent.Type] = [SignedIn.self, PinFailed.self, ExportMade.self]
}

/// What the audit trail keeps in memory (the log has everything).
public struct AuditTrail: Sendable {
    public internal(set) var exports: [ExportMade.Record] = []
    public internal(set) var lastSignIn: [ID<Staff>: Timestamp] = [:]
    public init() {}
}

public struct SignedIn: DeskEvent {
    public static let type = "auth.signed_in"
    public enum Method: String, Codable, Sendable { case osUser = "os", pin }
    public var staff: ID<Staff>
    public var method: Method
    /// Terminal device and OS login, for the audit trail.
    public var terminal: String

    public init(staff: ID<Staff>, method: Method, terminal: String) {
        self.staff = staff
        self.method = method
        self.terminal = terminal
    }

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.staff.pinFailures[staff] = nil
        state.audit.lastSignIn[staff] = meta.at
    }
}

public struct PinFailed: DeskEvent {
    public static let type = "auth.pin_failed"
    public var staff: ID<Staff>
    public var terminal: String

    public init(staff: ID<Staff>, terminal: String) {
        self.staff = staff
        self.terminal = terminal
    }

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.staff.pinFailures[staff, default: []].append(meta.at)
    }
}

/// An export of personal data left the system (CSV, report).
public struct ExportMade: DeskEvent {
    public static let type = "export.made"
    /// What was exported, e.g. `roster`, `report.month`.
    public var what: String
    /// Filters or period, human readable.
    public var scope: String
    public var rows: Int
    public var file: String

    public init(what: String, scope: String, rows: Int, file: String) {
        self.what = what
        self.scope = scope
        self.rows = rows
        self.file = file
    }

    public struct Record: Sendable, Hashable {
        public var what: String
        public var scope: String
        public var rows: Int
        public var file: String
        public var by: ID<Staff>
        public var at: Timestamp
    }

    public func apply(to state: inout DeskState, _ meta: EventMeta) {
        state.audit.exports.append(Record(what: what, scope: scope, rows: rows, file: file, by: meta.by, at: meta.at))
    }
}

/// Records an export as a command (needs the export permission).
public struct RecordExport: DeskCommand {
    public var export: ExportMade
    public init(_ export: ExportMade) { self.export = export }
    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.exportData)
        return [export]
    }
}
