import DeskLog
import Foundation
@testable import DeskCore

/// Appends given events as a command: how tests put cadres on the roster
/// before the roster area's own commands exist.
struct AppendEvents: DeskCommand {
    var list: [any DeskEvent]
    func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] { list }
}

/// A centre on a real log: a desk clerk, four rooms, ten cadres. The clock
/// starts on Monday 2026-11-23 at 08:00.
struct CentreDesk {
    let t: TestDesk
    let clerk: ID<Staff>
    var desk: Desk { t.desk }
    var state: DeskState { t.desk.state }
    var hand: ClockHand { t.hand }

    /// 乒乓球室: shared, 8 places, Mon–Sat 08:30–11:30 and 14:30–17:30, people and groups.
    let pingpong: ID<Room> = "R01"
    /// 心理聊天室: exclusive, Mon–Fri 09:00–11:30 and 14:30–17:00, people only.
    let chat: ID<Room> = "R02"
    /// 多功能厅: exclusive, 100 places, Mon–Fri, groups, classes, centre events.
    let hall: ID<Room> = "R03"
    /// 书画室: shared, 20 places, Mon–Fri, people, groups, classes.
    let studio: ID<Room> = "R04"

    static let monday = LocalDate(2026, 11, 23)

    init(at time: LocalTime = LocalTime(8, 0)) throws {
        t = try TestDesk(at: LocalDateTime(Self.monday, time))
        clerk = try t.addStaff("李红", role: .desk)
        let day = [TimeSpan(LocalTime(8, 30), LocalTime(11, 30)), TimeSpan(LocalTime(14, 30), LocalTime(17, 30))]
        let quiet = [TimeSpan(LocalTime(9, 0), LocalTime(11, 30)), TimeSpan(LocalTime(14, 30), LocalTime(17, 0))]
        try t.desk.perform(AddRoom(name: "乒乓球室", capacity: 8, sharing: .shared, hours: OpeningHours(day, on: 0...5),
                                   bookableFor: [.cadre, .group]), as: clerk)
        try t.desk.perform(AddRoom(name: "心理聊天室", capacity: 2, sharing: .exclusive, hours: OpeningHours(quiet, on: 0...4),
                                   bookableFor: [.cadre]), as: clerk)
        try t.desk.perform(AddRoom(name: "多功能厅", capacity: 100, sharing: .exclusive, hours: OpeningHours(day, on: 0...4),
                                   bookableFor: [.group, .course, .centre]), as: clerk)
        try t.desk.perform(AddRoom(name: "书画室", capacity: 20, sharing: .shared, hours: OpeningHours(day, on: 0...4),
                                   bookableFor: [.cadre, .group, .course]), as: clerk)
        let names = ["张建国", "王秀英", "李志强", "刘桂芳", "陈振华", "杨淑兰", "赵德福", "黄玉珍", "周国庆", "吴文华"]
        var events: [any DeskEvent] = []
        for (i, n) in names.enumerated() {
            events.append(CadreAdded(cadre: Cadre(id: Self.cadre(i + 1), name: n, gender: i % 2 == 0 ? .male : .female,
                                                  birthDate: LocalDate(1940 + i, 3, 1), category: .tuixiu, rank: .section,
                                                  workUnit: "县教育局")))
        }
        try t.desk.perform(AppendEvents(list: events), as: t.admin)
    }

    static func cadre(_ n: Int) -> ID<Cadre> { ID("C" + String(repeating: "0", count: 5 - String(n).count) + String(n)) }
    func cadre(_ n: Int) -> ID<Cadre> { Self.cadre(n) }

    /// Sets the clock to `time` on `date` (Monday 2026-11-23 unless given).
    func at(_ h: Int, _ m: Int, on date: LocalDate = CentreDesk.monday) {
        hand.set(LocalDateTime(date, LocalTime(h, m)))
    }

    var now: LocalDateTime { hand.clock.local }
    var query: CentreQuery { CentreQuery(desk.state) }

    /// Performs as the clerk and returns the events.
    @discardableResult
    func run(_ c: some DeskCommand) throws -> [AppliedEvent] { try desk.perform(c, as: clerk) }

    /// Books and returns the booking's id.
    @discardableResult
    func book(_ room: ID<Room>, _ from: (Int, Int), _ to: (Int, Int), on date: LocalDate = CentreDesk.monday,
              headcount: Int = 1, for holder: BookingHolder, purpose: String = "") throws -> ID<Booking> {
        let applied = try run(BookRoom(room: room, date: date, span: span(from, to), headcount: headcount, purpose: purpose,
                                       for: holder, confirmed: true))
        return (applied[0].event as! BookingMade).id
    }

    /// The problems a command is refused with (and which kind of refusal).
    func refusal(_ c: some DeskCommand) -> DeskError? {
        do {
            try run(c)
            return nil
        } catch {
            return error as? DeskError
        }
    }
}

func span(_ a: (Int, Int), _ b: (Int, Int)) -> TimeSpan { TimeSpan(LocalTime(a.0, a.1), LocalTime(b.0, b.1)) }
