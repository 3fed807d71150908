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

    /// Who a typed staff id or name means (a spreadsheet's 联系人 column, the
    /// export's --contact): the staff id (S005, any case), else the name among
    /// active staff. `byName` is `activeByName`, passed in when resolving many.
    public func resolve(_ typed: String, byName: [String: [ID<Staff>]]? = nil) -> StaffMatch {
        let t = Blank.trim(typed)
        if t.isEmpty { return .none }
        if let s = self[ID(t.uppercased())] { return .one(s.id) }
        let named = (byName ?? activeByName)[t] ?? []
        switch named.count {
        case 0: return .none
        case 1: return .one(named[0])
        default: return .several(named.sorted())
        }
    }

    /// Active staff by name (names may repeat).
    public var activeByName: [String: [ID<Staff>]] {
        var out: [String: [ID<Staff>]] = [:]
        for s in byID.values where s.active { out[s.name, default: []].append(s.id) }
        return out
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

/// What a typed staff id or name resolved to.
public enum StaffMatch: Equatable, Sendable {
    case one(ID<Staff>)
    case none
    case several([ID<Staff>])
}
