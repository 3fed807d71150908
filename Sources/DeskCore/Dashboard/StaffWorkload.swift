/// One line of the staff workload view: a staff member's cadres (as 联系人),
/// the due and overdue visit items they do today (their own, and their
/// absent colleagues' under AB岗), their open tickets, and their visits in
/// the period. Every number comes from an area's figure.
public struct StaffWorkload: Sendable, Hashable {
    public var staff: ID<Staff>
    public var name: String
    public var role: Role
    /// Living cadres whose contact person this is.
    public var cadres: Int
    public var due: Int
    public var overdue: Int
    /// Open tickets assigned to them.
    public var openTickets: Int
    /// Visits they made (alone or as one of a pair) in the period.
    public var visits: Int
    /// Away today (their items show under whoever covers).
    public var away: Bool
}

extension DeskState {
    /// Every active staff member with cadres, items, tickets or visits, most overdue first.
    func staffWorkload(team: TeamDay, visits totals: VisitTotals, contacts: [RosterLists.Count]) -> [StaffWorkload] {
        var cadres: [ID<Staff>: Int] = [:]
        for c in contacts { if case .contact(let s) = c.filter { cadres[s] = c.count } }
        var items: [ID<Staff>: StaffDue] = [:]
        for g in team.groups { if let s = g.staff { items[s] = g } }
        let today = team.date
        return staff.active.compactMap { s -> StaffWorkload? in
            let w = StaffWorkload(staff: s.id, name: s.name, role: s.role, cadres: cadres[s.id] ?? 0,
                                  due: items[s.id]?.dueCount ?? 0, overdue: items[s.id]?.overdueCount ?? 0,
                                  openTickets: tickets.openByAssignee[s.id]?.count ?? 0, visits: totals.byStaff[s.id] ?? 0,
                                  away: s.absence(on: today) != nil)
            return w.cadres + w.due + w.overdue + w.openTickets + w.visits > 0 ? w : nil
        }.sorted { ($1.overdue, $1.due, $0.staff) < ($0.overdue, $0.due, $1.staff) }
    }
}
