/// Roster events (the roster issue adds updates, status changes, history).
public enum RosterEvents {
    public static let all: [any DeskEvent.Type] = [CadreAdded.self]
}

public struct CadreAdded: DeskEvent {
    public static let type = "cadre.added"
    public var cadre: Cadre
    public init(cadre: Cadre) { self.cadre = cadre }
    public func apply(to state: inout DeskState, _ meta: EventMeta) { state.roster.byID[cadre.id] = cadre }
}
