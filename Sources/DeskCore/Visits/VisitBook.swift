/// Visits and what is due (the visits issue fills this in).
public struct VisitBook: Sendable {
    public init() {}
}

public struct VisitSettings: Sendable, Codable, Hashable {
    public init() {}
}

public enum VisitEvents {
    public static let all: [any DeskEvent.Type] = []
}
