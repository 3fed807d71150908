import DeskLog

/// Every event type this build can read, by its `type` name. A log holding a
/// type not listed here was written by a newer CadreDesk: it opens read-only.
public enum EventRegistry {
    public static let all: [any DeskEvent.Type] =
        StaffEvents.all + SettingsEvents.all + RosterEvents.all + VisitEvents.all
        + HotlineEvents.all + CentreEvents.all + AuditEvents.all

    private static let byName: [String: any DeskEvent.Type] = {
        var table: [String: any DeskEvent.Type] = [:]
        for t in all {
            precondition(table[t.type] == nil, "two event types named \(t.type)")
            table[t.type] = t
        }
        return table
    }()

    public static func isKnown(_ type: String) -> Bool { byName[type] != nil }

    public static func decode(_ record: LogRecord) throws -> any DeskEvent {
        guard let t = byName[record.type] else { throw UnknownEventType(type: record.type) }
        return try t.decoded(from: try JSON.parse(record.data))
    }

    /// Decodes a payload from the bytes the log hands a parallel decoder.
    public static func decode(_ view: RecordView) -> Result<any DeskEvent, any Error> {
        guard let t = byName[view.type] else { return .failure(UnknownEventType(type: view.type)) }
        do {
            return .success(try t.decoded(from: try JSON.parse(view.data)))
        } catch {
            return .failure(error)
        }
    }

    public struct UnknownEventType: Error { public var type: String }
}
