/// A closure (闭馆) of one room (maintenance) or of the whole centre (holidays).
public struct RoomClosure: Sendable, Hashable, Codable {
    /// `Z0001`
    public var id: ID<RoomClosure>
    /// nil: the whole centre.
    public var room: ID<Room>?
    public var from: LocalDateTime
    /// Exclusive: a closure for 1–7 October runs to `10-08 00:00`.
    public var to: LocalDateTime
    public var reason: String

    public init(id: ID<RoomClosure>, room: ID<Room>?, from: LocalDateTime, to: LocalDateTime, reason: String) {
        self.id = id
        self.room = room
        self.from = from
        self.to = to
        self.reason = reason
    }

    public func covers(room r: ID<Room>) -> Bool { room == nil || room == r }

    public func overlaps(_ start: LocalDateTime, _ end: LocalDateTime) -> Bool { from < end && start < to }
}
