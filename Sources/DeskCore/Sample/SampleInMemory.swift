import DeskLog
import Foundation

extension SampleGenerator {
    /// The sample state built in memory, running the same commands without a
    /// log file (for benchmarks and rule tests that need a realistic roster).
    /// The first admin is S001, as on a real new log.
    public func state(parts: [Part] = SampleGenerator.baseParts) throws(Desk.BatchError) -> DeskState {
        var state = DeskState()
        let clock = DeskClock.fixed(LocalDateTime(today, LocalTime(9, 0)))
        let at = Timestamp(clock.now(), timeZone: clock.timeZone)
        var seq: UInt64 = 0
        func record(_ e: any DeskEvent) {
            seq += 1
            state.apply(e, EventMeta(seq: seq, id: UUID(), at: at, by: Staff.bootstrapID))
        }
        record(StaffAdded(staff: Staff(id: Staff.bootstrapID, login: "admin", name: "管理员", role: .admin)))
        for part in parts {
            for chunk in part(self, state) {
                for (i, item) in chunk.enumerated() {
                    var context = CommandContext(actor: state.staff[Staff.bootstrapID]!, now: clock.local, clock: clock)
                    if let t = item.now { context.now = t }
                    do {
                        for e in try item.command.events(in: state, context: context) { record(e) }
                    } catch {
                        throw Desk.BatchError(index: i, error: error)
                    }
                }
            }
        }
        return state
    }
}
