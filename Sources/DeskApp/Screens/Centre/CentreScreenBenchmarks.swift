import DeskCore
import DeskTUI

/// The week grid as the screen draws it, for `cadredesk bench centre`: one
/// room's week queried from the state and drawn into a 120×40 memory canvas.
public enum CentreScreenBenchmarks {
    /// Milliseconds per week grid for `samples` random (room, week) pairs within `from..<to`.
    public static func weekGrid(_ state: DeskState, from: LocalDate, to: LocalDate, samples: Int, seed: UInt64 = 11) -> [Double] {
        let q = CentreQuery(state)
        let display = Display(Localizer(.zh))
        let rooms = state.centre.roomOrder
        var canvas = MemoryCanvas(width: 120, height: 40)
        var rng = SampleRNG(seed: seed)
        let clock = ContinuousClock()
        let days = max(1, from.distance(to: to))
        return (0..<samples).map { _ in
            let day = from.adding(days: Int(rng.next() % UInt64(days)))
            let room = rooms[Int(rng.next() % UInt64(max(1, rooms.count)))]
            let now = LocalDateTime(day, LocalTime(10, 0))
            let d = clock.measure {
                let week = q.week(of: room, from: day.startOfWeek, now: now)
                canvas.clear()
                WeekView.timeline(week, selected: day, now: now, display)
                    .draw(in: &canvas, rect: Rect(x: 0, y: 2, width: 120, height: 9), display.text)
            }
            return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        }
    }

}
