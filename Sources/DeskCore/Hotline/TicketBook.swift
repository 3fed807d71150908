/// Hotline tickets (the hotline issue fills this in).
public struct TicketBook: Sendable {
    public init() {}
}

public struct HotlineSettings: Sendable, Codable, Hashable {
    public init() {}
}

public enum HotlineEvents {
    public static let all: [any DeskEvent.Type] = []
}
