/// Something a user asks for. A command looks at the current state and either
/// returns the events that record it (all appended together, or none) or
/// throws a `DeskError` a clerk can read.
///
/// `events` runs inside the log's exclusive lock, after catching up with
/// other terminals, so its checks see the latest state.
public protocol DeskCommand {
    func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent]
}

/// Who is acting and when.
public struct CommandContext: Sendable {
    public var actor: Staff
    public var now: LocalDateTime
    public var clock: DeskClock

    public init(actor: Staff, now: LocalDateTime, clock: DeskClock) {
        self.actor = actor
        self.now = now
        self.clock = clock
    }

    public var today: LocalDate { now.date }

    /// Throws `notAllowed` unless the actor's role grants `permission`.
    public func require(_ permission: Permission) throws(DeskError) {
        guard actor.role.can(permission) else {
            throw .notAllowed(Problem("error.not_allowed", [permission.rawValue]))
        }
    }
}
