/// The roster (花名册): every cadre's file.
public struct Roster: Sendable {
    public internal(set) var byID: [ID<Cadre>: Cadre] = [:]

    public init() {}

    public subscript(id: ID<Cadre>) -> Cadre? { byID[id] }
    public var count: Int { byID.count }
}
