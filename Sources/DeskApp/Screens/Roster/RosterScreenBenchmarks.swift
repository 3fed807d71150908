import DeskCore
import DeskTUI

/// The roster screen's own costs, for `cadredesk bench roster`: what one
/// keystroke in the search line costs on screen (the search over every file,
/// then picking, ordering and laying out the rows), and rebuilding the rows
/// when another terminal changed something. Samples in milliseconds.
public enum RosterScreenBenchmarks {
    /// One sample per keystroke of typing each query from empty, as `staff` on `desk`.
    public static func typing(desk: Desk, as staff: ID<Staff>, queries: [String]) -> [Double] {
        guard let app = context(desk, staff) else { return [] }
        var list = RosterList()
        list.refresh(app)
        var out: [Double] = []
        let clock = ContinuousClock()
        for q in queries {
            list.search = TextField(maxLength: 40)
            list.apply(app, moveToTop: true)
            for ch in q {
                let start = clock.now
                if list.search.handle(.char(ch)) == .changed { list.apply(app, moveToTop: true) }
                out.append(ms(clock.now - start))
            }
        }
        return out
    }

    /// Building every row and the list counts from scratch (at open), `runs` times.
    public static func rebuild(desk: Desk, as staff: ID<Staff>, runs: Int) -> [Double] {
        guard let app = context(desk, staff) else { return [] }
        let clock = ContinuousClock()
        return (0..<runs).map { _ in
            var list = RosterList()
            let start = clock.now
            list.refresh(app)
            return ms(clock.now - start)
        }
    }

    /// Refreshing the list after one file changed (an alert added, as another
    /// terminal would), `runs` times: only that file's row is built again.
    public static func changeOne(desk: Desk, as staff: ID<Staff>, runs: Int) throws -> [Double] {
        guard let app = context(desk, staff) else { return [] }
        var list = RosterList()
        list.refresh(app)
        let ids = desk.state.roster.ids
        let clock = ContinuousClock()
        var out: [Double] = []
        for i in 0..<runs {
            try desk.perform(AddCadreAlert(id: ids[(i * 7919) % ids.count], text: "测试提醒\(i)"), as: staff)
            let start = clock.now
            list.refresh(app)
            out.append(ms(clock.now - start))
        }
        return out
    }

    static func context(_ desk: Desk, _ staff: ID<Staff>) -> AppContext? {
        desk.state.staff[staff].map { AppContext(desk: desk, staff: $0, text: Localizer(.zh)) }
    }

    static func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
}
