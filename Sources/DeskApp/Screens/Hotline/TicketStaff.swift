import DeskCore

/// Who can be given a ticket: active staff whose role handles tickets, in
/// staff-number order (the choice lists of intake and reassignment).
enum TicketStaff {
    static func handlers(_ app: AppContext) -> [ID<Staff>] {
        app.state.staff.active.filter { $0.role.can(.handleTickets) }.map(\.id).sorted()
    }
}
