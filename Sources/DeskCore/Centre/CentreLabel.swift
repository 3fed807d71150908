/// Names for bookings in messages and grids, language-neutral (people's,
/// groups' and classes' own names), and the lengths of the free-text fields.
public enum CentreLabel {
    public static let maxPurpose = 40
    public static let maxGroupName = 30
    public static let maxName = 20
    public static let maxReason = 200

    /// Whom the booking is for as a person reads it: the cadre's name, the
    /// group's, the class's, or the event's title (its purpose).
    public static func of(_ b: Booking, _ state: DeskState) -> String {
        switch b.holder {
        case .cadre(let c): return state.roster[c]?.name ?? c.raw
        case .group(let name, _): return name
        case .course(let k): return state.centre.courses[k]?.name ?? k.raw
        case .centre: return b.purpose
        }
    }

    /// The problem with a reason or note longer than `maxReason`.
    static func tooLong(_ text: String, field: String) -> Problem? {
        text.count > maxReason ? Problem("centre.reason_long", [String(maxReason)], field: field) : nil
    }

    static func cadreName(_ id: ID<Cadre>, _ state: DeskState) -> String { state.roster[id]?.name ?? id.raw }
}
