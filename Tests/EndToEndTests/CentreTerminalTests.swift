import DeskCore
import Foundation
import Testing

/// The activity centre in a real terminal, on the demo data with the clock
/// set to Tuesday 2026-11-24 09:30 (the morning after the sample's last day):
/// what to type is looked up in the demo log first, never written in here.
@Suite(.serialized) struct CentreTerminalTests {
    /// A copy of the demo log in `dir` (which `cadredesk demo --dir` then opens) and its state at `Demo.now`.
    func demoCopy(_ dir: TempDir) throws -> DeskState { try Demo.copy(in: dir).state }

    func start(_ dir: TempDir) throws -> Tmux {
        let t = try Tmux(Demo.command(dir: dir.path), width: 120, height: 40)
        t.wait(for: "老干部服务台")
        try t.openTab("活动中心")
        t.wait(for: "F2 今日安排")
        return t
    }

    /// People whose name nobody else has, so typing it picks them first.
    func uniquelyNamed(_ state: DeskState) -> [Cadre] {
        let all = state.roster.byID.values.filter { !$0.isDeceased }
        let counts = Dictionary(grouping: all, by: \.name).mapValues(\.count)
        return all.filter { counts[$0.name] == 1 }.sorted { $0.id < $1.id }
    }

    @Test func bookATakenSlotSeeTheConflictAndFreeSlotsThenBookAFreeOne() throws {
        let dir = TempDir()
        let state = try demoCopy(dir)
        let rooms = state.centre.roomList()
        // The first booking to come in an exclusive room that takes groups.
        let taken = try #require(state.centre.bookings
            .filter { b in b.isActive && b.start > Demo.now && rooms.contains { $0.id == b.room && $0.sharing == .exclusive && $0.accepts(.group) } }
            .min { $0.start < $1.start })
        let roomIndex = try #require(rooms.firstIndex { $0.id == taken.room })
        let room = rooms[roomIndex]
        let holder = CentreLabel.of(taken, state)

        let t = try start(dir)
        try t.press("b")
        t.wait(for: "新建预约")
        for _ in 0..<roomIndex { try t.press("Right") }
        t.wait(for: "< \(room.name)")
        try t.press("Tab", "C-u")
        try t.type(taken.date.description)
        try t.press("Tab", "C-u")
        try t.type(taken.span.start.description)
        try t.press("Tab", "C-u")
        try t.type(taken.span.end.description)
        try t.press("Tab", "Tab", "Right")           // 预约对象: 团体
        t.wait(for: "团体名称")
        try t.press("Tab")
        try t.type("书画协会")
        let conflict = t.wait(for: "the conflict and free slots") {
            $0.contains("此时段不能预约") && $0.contains("已被预约 \(taken.id.raw) \(holder)") && $0.contains("就近的空闲时段")
        }
        #expect(conflict.contains("1. "), "\(conflict)")
        try t.press("F5")
        t.wait(for: "此时段可以预约")
        try t.press("Enter")
        let saved = t.wait(for: "已预约 B")
        #expect(saved.contains("\(room.name)") && saved.contains("书画协会"), "\(saved)")
        let desk = try Desk(path: dir.file("desk.log"), clock: .fixed(Demo.now))
        let made = try #require(desk.state.centre.bookings.last)
        #expect(made.holder == .group(name: "书画协会", contact: nil))
        #expect(made.room == taken.room)
        #expect(!(made.date == taken.date && made.span.overlaps(taken.span)), "the free slot booked does not overlap the taken one")
        try t.press("q")
        t.waitForExit()
    }

    @Test func enrolACadreInAFullClassAndSeeTheirWaitlistPosition() throws {
        let dir = TempDir()
        let state = try demoCopy(dir)
        let q = CentreQuery(state)
        let classes = q.courseList(on: Demo.now.date, now: Demo.now)
        let fullIndex = try #require(classes.firstIndex { $0.enrolled >= $0.capacity }, "the demo has a full class running on \(Demo.now.date)")
        let full = classes[fullIndex]
        let newcomer = try #require(uniquelyNamed(state).first { state.centre.courses(of: $0.id).isEmpty })

        let t = try start(dir)
        try t.press("F4")
        t.wait(for: full.name)
        for _ in 0..<fullIndex { try t.press("j") }
        try t.press("e")
        t.wait(for: "报名「\(full.name)」")
        try t.type(newcomer.name)
        t.wait(for: "the picker finding \(newcomer.name)") { $0.contains(newcomer.name + "  ") }
        try t.press("Enter")
        t.wait(for: "\(newcomer.name) · \(full.name):已满,已加入候补第 \(full.waiting + 1) 位。")
        try t.press("Enter")
        t.wait(for: "候补 \(full.waiting + 1)")
        try t.press("Right")
        let waitlist = t.wait(for: "候补第 \(full.waiting + 1) 位")
        #expect(waitlist.contains(newcomer.name))
        try t.press("q")
        t.waitForExit()
    }

    @Test func checkACadreInAndSeeTodaysGridMarkThem() throws {
        let dir = TempDir()
        let state = try demoCopy(dir)
        let q = CentreQuery(state)
        let (who, item) = try #require(uniquelyNamed(state).lazy.compactMap { c in
            q.today(for: c.id, now: Demo.now).first { $0.state.isOpen }.map { (c, $0) }
        }.first, "someone in the demo has an item open for check-in at \(Demo.now)")
        let before = try #require(q.day(Demo.now.date, now: Demo.now).rooms.first { $0.room == item.room }?.items.first { $0.booking == item.booking })

        let t = try start(dir)
        try t.press("F5")
        t.wait(for: "查找:")
        try t.type(who.name)
        t.wait(for: "the picker finding \(who.name)") { $0.contains(who.name + "  ") }
        try t.press("Enter")
        t.wait(for: "按 Enter 签到全部可签的")
        try t.press("Enter")
        t.wait(for: "已签到")
        try t.press("F2")
        let grid = t.wait(for: "今天已签到 1 人:\(who.name) 09:30")
        // The room's row on the grid now counts them (or ticks their own booking).
        let row = grid.split(separator: "\n").first { $0.hasPrefix(item.roomName) }.map(String.init) ?? ""
        switch item.kind {
        case .course, .centre: #expect(row.contains("\(before.present + 1)/\(before.expected)"), "\(row)")
        case .cadre, .group: #expect(row.contains("✓"), "\(row)")
        }
        try t.press("q")
        t.waitForExit()
    }

    @Test func closeARoomForADaySeeItsBookingsListedConfirmAndFindThemOnTheCallList() throws {
        let dir = TempDir()
        let state = try demoCopy(dir)
        let rooms = state.centre.roomList()
        // The next day after today with bookings, and its busiest room.
        let roomIDs = Set(rooms.map(\.id))
        let coming = state.centre.bookings.filter { b in b.isActive && b.date > Demo.now.date && roomIDs.contains(b.room) }
        let day = try #require(coming.map(\.date).min(), "the demo has bookings to come")
        let onDay = Dictionary(grouping: coming.filter { $0.date == day }, by: \.room)
        let (roomID, booked) = try #require(onDay.max { $0.value.count < $1.value.count || ($0.value.count == $1.value.count && $0.key > $1.key) })
        let roomIndex = try #require(rooms.firstIndex { $0.id == roomID })
        let room = rooms[roomIndex]

        let t = try start(dir)
        try t.press("c")
        t.wait(for: "闭馆安排")
        try t.press("Up")                                   // 范围 (the form opens on the start date)
        for _ in 0...roomIndex { try t.press("Right") }     // past 全中心 to the room
        t.wait(for: "< \(room.name)")
        try t.press("Tab", "C-u")
        try t.type(day.description)
        try t.press("Tab", "Tab", "C-u")
        try t.type(day.adding(days: 1).description)
        try t.press("Tab", "Tab")
        try t.type("设备维修")
        try t.press("Enter")
        let asked = t.wait(for: "the bookings it would cancel") { $0.contains("闭馆时段内有 \(booked.count) 个预约") }
        for b in booked.prefix(2) { #expect(asked.contains(b.id.raw), "\(asked)") }
        try t.press("y")
        let saved = t.wait(for: "已安排闭馆:\(room.name)")
        #expect(saved.contains("\(booked.count) 个预约已取消"), "\(saved)")
        try t.press("F6")
        // One line per person or class to phone (a class's cancelled sessions are one call).
        let calls = t.wait(for: "the call list") { s in booked.allSatisfy { s.contains(CentreLabel.of($0, state)) } }
        #expect(calls.contains("闭馆取消了预约"), "\(calls)")

        let desk = try Desk(path: dir.file("desk.log"), clock: .fixed(Demo.now))
        let closure = try #require(desk.state.centre.closures.last)
        #expect(closure.room == roomID && closure.reason == "设备维修")
        #expect(closure.from == LocalDateTime(day, LocalTime(0, 0)) && closure.to == LocalDateTime(day.adding(days: 1), LocalTime(0, 0)))
        for b in booked { #expect(desk.state.centre[booking: b.id]?.isActive == false, "\(b.id.raw) cancelled") }
        try t.press("q")
        t.waitForExit()
    }
}

