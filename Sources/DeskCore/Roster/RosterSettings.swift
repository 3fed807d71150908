/// Roster settings (the roster issue fills these in).
public struct RosterSettings: Sendable, Codable, Hashable {
    /// 高龄: age from which a cadre counts as elderly.
    public var elderlyAge = 80
    public init() {}
}
