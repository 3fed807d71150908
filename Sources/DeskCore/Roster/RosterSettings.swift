/// Roster rules a centre may configure (an admin's `settings.changed`).
public struct RosterSettings: Sendable, Codable, Hashable {
    /// 高龄: age from which a cadre counts as elderly.
    public var elderlyAge = 80
    /// 关怀等级 and how often each level is visited at home (分级管理).
    public var careLevels: [CareLevel] = [
        CareLevel(level: 1, homeVisitEveryDays: 15),
        CareLevel(level: 2, homeVisitEveryDays: 30),
        CareLevel(level: 3, homeVisitEveryDays: 90),
    ]
    /// A birth date giving an age outside this range is refused as a typing error.
    public var plausibleAges = 50...115
    /// 离休 means joining before 1949-10-01; someone born later than this
    /// year is questioned (a warning the clerk may confirm).
    public var lixiuBornByYear = 1936

    public init() {}

    public func careLevel(_ level: Int) -> CareLevel? { careLevels.first { $0.level == level } }

    /// Days between home visits for a cadre's care level; nil for none or a level not configured.
    public func homeVisitInterval(level: Int?) -> Int? { level.flatMap { careLevel($0)?.homeVisitEveryDays } }
}

/// One care level (关怀等级) with its home-visit frequency.
public struct CareLevel: Sendable, Codable, Hashable {
    public var level: Int
    public var homeVisitEveryDays: Int
    public init(level: Int, homeVisitEveryDays: Int) {
        self.level = level
        self.homeVisitEveryDays = homeVisitEveryDays
    }
}
