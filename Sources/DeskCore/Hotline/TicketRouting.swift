/// AB岗 for tickets: who handles a ticket on a given day. Computed, never
/// written back, so when an absence ends the assignee has the ticket again
/// without anyone reassigning it.
public enum TicketRouting {
    /// The assignee if present; during their recorded absence the ticket's
    /// own backup, else the assignee's AB岗 backup (chains A→B→C followed by
    /// `StaffBook.coverer`). nil: nobody available — the unassigned queue.
    public static func handler(of t: Ticket, on date: LocalDate, staff: StaffBook) -> ID<Staff>? {
        guard let a = t.assignee else { return nil }
        let assigneeHandles = staff.coverer(for: a, on: date)
        if assigneeHandles == a { return a }
        if let b = t.backup, b != a, let h = staff.coverer(for: b, on: date), h != a { return h }
        return assigneeHandles
    }

    /// Open tickets `me` handles on `date`: those assigned to me (while I am
    /// present) and those I cover for someone away.
    static func handled(by me: ID<Staff>, on date: LocalDate, in state: DeskState) -> (mine: [ID<Ticket>], covering: [ID<Ticket>]) {
        let book = state.tickets, staff = state.staff
        var mine: [ID<Ticket>] = [], covering: [ID<Ticket>] = []
        if staff.coverer(for: me, on: date) == me { mine = Array(book.openByAssignee[me] ?? []) }
        // Candidates: tickets of people whose work lands on me, and tickets naming me (or them) as backup.
        var people = Set(staff.coveredBy(me, on: date))
        people.insert(me)
        var seen: Set<ID<Ticket>> = []
        for p in people {
            for id in (p == me ? [] : book.openByAssignee[p] ?? []).union(book.openByBackup[p] ?? []) where seen.insert(id).inserted {
                guard let i = book.position[id], book.all[i].assignee != me, handler(of: book.all[i], on: date, staff: staff) == me else { continue }
                covering.append(id)
            }
        }
        return (mine, covering)
    }
}
