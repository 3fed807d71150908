/// Everything the desk knows: the fold of every event in the log, in order.
/// Each area keeps its own state (and its own indexes, updated as events
/// apply, so queries stay fast on a large log).
public struct DeskState: Sendable {
    /// Sequence number of the last applied event (0 for an empty log).
    public internal(set) var seq: UInt64 = 0
    public var settings = DeskSettings()
    public var staff = StaffBook()
    public var roster = Roster()
    public var visits = VisitBook()
    public var tickets = TicketBook()
    public var centre = CentreBook()
    public var audit = AuditTrail()

    public init() {}

    public mutating func apply(_ event: any DeskEvent, _ meta: EventMeta) {
        event.apply(to: &self, meta)
        seq = meta.seq
    }
}
