import DeskCore
import DeskTUI
import Foundation
@testable import DeskApp

/// A centre on a real log for screen tests: the harness's admin (S001) at
/// Monday 2026-11-23 09:30, twelve sample cadres, and three rooms added in
/// this order (the grids' row order):
/// - 心理聊天室 R01: exclusive, 2 people, Mon–Fri 09:00–11:30 and 14:30–17:00, people only;
/// - 乒乓球室 R02: shared, 8 places, Mon–Sat 08:30–11:30 and 14:30–17:30, people and groups;
/// - 书画室 R03: shared, 20 places, Mon–Fri 08:30–11:30 and 14:30–17:30, people, groups, classes.
struct CentreWorld {
    let h: AppHarness
    let people: [Cadre]
    let chat: ID<Room> = "R01"
    let pingpong: ID<Room> = "R02"
    let studio: ID<Room> = "R03"
    static let monday = LocalDate(2026, 11, 23)

    init() throws {
        h = try AppHarness()
        let d = try h.desk()
        _ = try SampleGenerator(seed: 3, cadres: 12, years: 1, today: Self.monday).write(to: d, as: "S001")
        let day = [TimeSpan(LocalTime(8, 30), LocalTime(11, 30)), TimeSpan(LocalTime(14, 30), LocalTime(17, 30))]
        let quiet = [TimeSpan(LocalTime(9, 0), LocalTime(11, 30)), TimeSpan(LocalTime(14, 30), LocalTime(17, 0))]
        try d.perform(AddRoom(name: "心理聊天室", capacity: 2, sharing: .exclusive, hours: OpeningHours(quiet, on: 0...4),
                              bookableFor: [.cadre]), as: "S001")
        try d.perform(AddRoom(name: "乒乓球室", capacity: 8, sharing: .shared, hours: OpeningHours(day, on: 0...5),
                              bookableFor: [.cadre, .group]), as: "S001")
        try d.perform(AddRoom(name: "书画室", capacity: 20, sharing: .shared, hours: OpeningHours(day, on: 0...4),
                              bookableFor: [.cadre, .group, .course]), as: "S001")
        // Distinct names, so typing one finds exactly that person first.
        var seen = Set<String>()
        people = d.state.roster.byID.values.filter { !$0.isDeceased }.sorted { $0.id < $1.id }.filter { seen.insert($0.name).inserted }
    }

    func person(_ i: Int) -> Cadre { people[i] }

    @discardableResult
    func run(_ c: some DeskCommand) throws -> [AppliedEvent] { try h.desk().perform(c, as: "S001") }

    @discardableResult
    func book(_ room: ID<Room>, _ from: (Int, Int), _ to: (Int, Int), for cadre: Int, on date: LocalDate = CentreWorld.monday) throws -> ID<Booking> {
        let applied = try run(BookRoom(room: room, date: date, span: TimeSpan(LocalTime(from.0, from.1), LocalTime(to.0, to.1)),
                                       for: .cadre(person(cadre).id), confirmed: true))
        return (applied[0].event as! BookingMade).id
    }

    /// 书法班 in 书画室 on Mondays 14:30–16:00 for the term, `capacity` places; returns its id.
    @discardableResult
    func makeClass(capacity: Int, enrol: [Int] = [], wait: [Int] = []) throws -> ID<Course> {
        try run(CreateCourse(name: "书法班", teacher: "王淑兰", termStart: Self.monday, termEnd: LocalDate(2027, 1, 15),
                             sessions: [WeeklySession(weekday: 0, span: TimeSpan(LocalTime(14, 30), LocalTime(16, 0)), room: studio)],
                             capacity: capacity))
        let k = try h.desk().state.centre.courseOrder.last!
        for i in enrol + wait { try run(Enrol(person(i).id, in: k)) }
        return k
    }

    func terminal() throws -> Terminal {
        var t = try h.terminal(as: "admin")
        t.open(.centre)
        return t
    }
    var state: DeskState { get throws { try h.desk().state } }
}

extension Terminal {
    /// The line of the screen that contains `text`.
    mutating func line(with text: String, width: Int = 100, height: Int = 30) -> String? {
        screen(width: width, height: height).first { $0.contains(text) }
    }

    /// The canvas column where `text` starts on row `y` (wide characters count 2).
    func column(of text: String, row y: Int) -> Int? {
        var chars: [(Character, Int)] = []
        for x in 0..<canvas.size.width {
            let c = canvas.cell(at: Point(x: x, y: y))
            if !c.isContinuation { chars.append((c.character, x)) }
        }
        let needle = Array(text)
        guard needle.count <= chars.count else { return nil }
        for i in 0...(chars.count - needle.count) where (0..<needle.count).allSatisfy({ chars[i + $0].0 == needle[$0] }) {
            return chars[i].1
        }
        return nil
    }

    /// The row (after drawing) whose text contains `text`.
    mutating func row(with text: String, width: Int = 100, height: Int = 30) -> Int? {
        screen(width: width, height: height).firstIndex { $0.contains(text) }
    }
}
