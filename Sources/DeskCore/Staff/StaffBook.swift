import DeskLog

/// All staff, with the sign-in facts needed for PIN lockout.
public struct StaffBook: Sendable {
    public internal(set) var byID: [ID<Staff>: Staff] = [:]
    /// Failed PIN attempts since the last successful sign-in, per staff member.
    public internal(set) var pinFailures: [ID<Staff>: [Timestamp]] = [:]

    public init() {}

    public var all: [Staff] { byID.values.sorted { $0.id < $1.id } }
    public var active: [Staff] { all.filter(\.active) }
    public subscript(id: ID<Staff>) -> Staff? { byID[id] }

    /// The active staff member signed in by this OS login.
    public func staff(forLogin login: String) -> Staff? {
        byID.values.first { $0.active && $0.login == login }
    }

    /// Who does `id`'s work on `date`: `id` itself, or its backup during a
    /// recorded absence, following chains (A→B→C) while each one is away.
    /// nil when the chain ends at someone inactive or loops back — the work then
    /// shows as unassigned for a supervisor.
    public func coverer(for id: ID<Staff>, on date: LocalDate) -> ID<Staff>? {
        var current = id
        var seen: Set<ID<Staff>> = []
        while true {
            guard let s = byID[current], s.active else { return nil }
            guard let away = s.absence(on: date) else { return current }
            guard seen.insert(current).inserted else { return nil }
            current = away.backup
        }
    }

    /// Staff whose work `id` is doing on `date` (directly or down a chain).
    public func coveredBy(_ id: ID<Staff>, on date: LocalDate) -> [ID<Staff>] {
        byID.keys.filter { $0 != id && coverer(for: $0, on: date) == id }.sorted()
    }

    /// PIN lockout: this many failures within `pinLockMinutes` lock the PIN
    /// for `pinLockMinutes` after the last of them.
    public static let pinMaxFailures = 5
    public static let pinLockMinutes = 5

    /// PIN lockout: the 5th most recent failure within 5 minutes locks until 5
    /// minutes after it. Returns the time the lock lifts, or nil.
    public func pinLockedUntil(_ id: ID<Staff>, now: Timestamp, maxFailures: Int = pinMaxFailures, lockMinutes: Int = pinLockMinutes) -> Timestamp? {
        guard let fails = pinFailures[id], fails.count >= maxFailures else { return nil }
        let nth = fails[fails.count - maxFailures]
        let last = fails[fails.count - 1]
        let window = Int64(lockMinutes) * 60_000
        guard last.epochMillis - nth.epochMillis <= window else { return nil }
        let until = Timestamp(epochMillis: last.epochMillis + window, offsetMinutes: now.offsetMinutes)
        return now < until ? until : nil
    }

    /// Wrong PINs still allowed right now before the lock: the failures of the
    /// last `lockMinutes` count against the limit, older ones no longer do.
    public func pinAttemptsLeft(_ id: ID<Staff>, now: Timestamp, maxFailures: Int = pinMaxFailures, lockMinutes: Int = pinLockMinutes) -> Int {
        let window = Int64(lockMinutes) * 60_000
        let recent = (pinFailures[id] ?? []).reversed().prefix { now.epochMillis - $0.epochMillis <= window }.count
        return max(0, maxFailures - recent)
    }
}
