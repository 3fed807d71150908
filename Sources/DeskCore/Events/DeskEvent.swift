import DeskLog
import Foundation

/// A fact recorded in the log. Each event type is a `Codable` struct whose
/// stored properties are its `data` fields (renaming one changes the format),
/// with a stable `type` name (`area.verb`, e.g. `cadre.added`).
///
/// `apply` is the only way state changes. It must not fail and must not read
/// the clock: it gets everything from the event and `meta`.
public protocol DeskEvent: Codable, Sendable {
    static var type: String { get }
    func apply(to state: inout DeskState, _ meta: EventMeta)
    /// The event from its `data` (Codable unless a type reads it faster itself).
    static func decoded(from json: JSON) throws -> any DeskEvent
}

/// The envelope facts of an applied event.
public struct EventMeta: Sendable, Hashable {
    public var seq: UInt64
    public var id: UUID
    public var at: Timestamp
    public var by: ID<Staff>
    /// Byte offset of the record's line in the log, so compact in-memory rows
    /// can fetch full details later (`Desk.event(at:)`); -1 while a batch is
    /// being checked before it is written.
    public var offset: Int

    public init(seq: UInt64, id: UUID, at: Timestamp, by: ID<Staff>, offset: Int = -1) {
        self.seq = seq
        self.id = id
        self.at = at
        self.by = by
        self.offset = offset
    }

    /// When it was recorded, on the writer's wall clock.
    public var local: LocalDateTime {
        let l = at.local
        return LocalDateTime(LocalDate(dayNumber: l.dayNumber), LocalTime(minuteOfDay: l.minuteOfDay))
    }
}

extension DeskEvent {
    public var typeName: String { Self.type }

    public static func decoded(from json: JSON) throws -> any DeskEvent {
        try JSONCoding.decode(Self.self, from: json)
    }
}
