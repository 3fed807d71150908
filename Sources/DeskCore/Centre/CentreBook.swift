/// Rooms, bookings, classes (the activity-centre issue fills this in).
public struct CentreBook: Sendable {
    public init() {}
}

public struct CentreSettings: Sendable, Codable, Hashable {
    public init() {}
}

public enum CentreEvents {
    public static let all: [any DeskEvent.Type] = []
}
