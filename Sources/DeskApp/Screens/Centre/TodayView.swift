import DeskCore
import DeskTUI

/// Today at the centre: every room's bookings and class sessions as a
/// timeline (rooms × hours), free time marked, who has checked in, and the
/// selected room's list for the day.
struct TodayView: CentrePart {
    var grid: DayGrid?
    var selected = 0
    var recent: [CheckInRecord] = []
    var calls = 0

    mutating func refresh(_ app: AppContext) {
        let keep = selectedRoom
        let g = CentreQuery(app.state).day(app.today, now: app.now)
        grid = g
        if let keep, let i = g.rooms.firstIndex(where: { $0.room == keep }) { selected = i }
        selected = max(0, min(selected, g.rooms.count - 1))
        recent = app.state.centre.checkIns(on: app.today)
        calls = app.state.centre.openNotices.count
    }

    var selectedRoom: ID<Room>? { grid.flatMap { $0.rooms.indices.contains(selected) ? $0.rooms[selected].room : nil } }

    mutating func update(_ key: Key, _ app: AppContext, _ actions: inout [CentreAction]) -> KeyResult {
        let count = grid?.rooms.count ?? 0
        switch key {
        case .up, .char("k"): selected = max(0, selected - 1)
        case .down, .char("j"): selected = min(max(0, count - 1), selected + 1)
        case .home, .char("g"): selected = 0
        case .end, .char("G"): selected = max(0, count - 1)
        case .enter:
            guard let r = selectedRoom else { return .ignored }
            actions.append(.openWeek(r, app.today))
        case .char("b"):
            guard app.can(.bookRooms), let r = selectedRoom, let room = app.state.centre.rooms[r] else { return .ignored }
            actions.append(.book(.starting(room: room, date: app.today, now: app.now)))
        default:
            return .ignored
        }
        return .handled
    }

    func bindings(_ app: AppContext, group g: String) -> [KeyBinding] {
        let t = app.text
        var out = [KeyBinding(keys: [.up, .down, .char("k"), .char("j")], label: t("centre.ui.keys.room"), help: t("centre.ui.keys.room_long"),
                              group: g, showInBar: false),
                   KeyBinding(keys: [.enter], label: t("centre.ui.keys.week_of_room"), help: t("centre.ui.keys.week_of_room_long"),
                              group: g, showInBar: true, priority: 6)]
        if app.can(.bookRooms) {
            out.append(KeyBinding(keys: [.char("b")], label: t("centre.ui.keys.new_booking"), help: t("centre.ui.keys.new_booking_long"),
                                  group: g, showInBar: true, priority: 7))
        }
        return out
    }

    func view(_ canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        guard let grid else { return }
        let t = app.text, d = app.display
        var lines = Lines(rect)
        let bookings = grid.rooms.reduce(0) { $0 + $1.items.count }
        let people = Set(recent.compactMap(\.cadre)).count
        let freeRooms = grid.rooms.filter { day in day.free.contains { $0.end > app.now.time } }.count
        lines.put(t("centre.ui.today_summary", d.longDate(grid.date), bookings, people, freeRooms, calls), Style(.normal, .bold), in: &canvas)
        let timeline = TimelineGrid(rows: grid.rooms.map { TimelineGrid.Row(label: $0.roomName, day: $0) },
                                    from: grid.from, to: grid.to, now: app.now.time, selectedRow: selected)
        let gridRect = Rect(x: rect.x, y: lines.y, width: rect.width, height: min(timeline.height, lines.remaining))
        timeline.draw(in: &canvas, rect: gridRect, t)
        lines.skip(gridRect.height)
        lines.put(t("centre.ui.legend"), Style(.muted), in: &canvas)
        if grid.rooms.indices.contains(selected) {
            RoomDayList.draw(grid.rooms[selected], in: &canvas, lines: &lines, app)
        }
        if lines.remaining > 0, !recent.isEmpty {
            let names = recent.reversed().prefix(8).map { r in
                "\(r.cadre.map { app.state.roster[$0]?.name ?? $0.raw } ?? r.bookings.first?.raw ?? "") \(d.time(r.at.time))"
            }
            let last = Rect(x: rect.x, y: rect.maxY - 1, width: rect.width, height: 1)
            canvas.put(t("centre.ui.recent_checkins", people, names.joined(separator: " · ")), at: last.origin, style: Style(.ok),
                       maxWidth: last.width)
        }
    }
}

/// One room's day as lines: its hours, free time, and each booking with
/// who it is for and where it stands (checked in, present of expected…).
enum RoomDayList {
    static func draw(_ day: RoomDay, in canvas: inout some Canvas, lines: inout Lines, _ app: AppContext) {
        let t = app.text, d = app.display
        let hours = day.open.map(d.span).joined(separator: "、")
        let free = day.free.filter { $0.end > (day.date == app.today ? app.now.time : LocalTime(minuteOfDay: 0)) }.map(d.span)
        let freeText = free.isEmpty ? t("centre.ui.no_free") : free.joined(separator: "、")
        lines.put(t("centre.ui.room_line", day.roomName, t("centre.sharing.\(day.sharing.rawValue)"), day.capacity,
                    hours.isEmpty ? t("centre.closed") : hours, freeText), Style(.header), in: &canvas)
        for c in day.closed { lines.put("× " + t("centre.ui.closed_line", d.span(c.span), c.reason), Style(.warning), in: &canvas) }
        if day.items.isEmpty { lines.put("  " + t("centre.ui.no_bookings"), Style(.muted), in: &canvas) }
        for item in day.items where lines.remaining > 1 {
            lines.put("  " + line(item, app), style(item), in: &canvas)
        }
    }

    /// `10:00-11:00  张三  个人 1人  ✓ 已签到  B000123`
    static func line(_ item: GridItem, _ app: AppContext) -> String {
        let t = app.text, d = app.display
        var parts = [d.span(item.span), item.label, t("centre.holder.\(item.kind.rawValue)")]
        switch item.kind {
        case .course, .centre: parts.append(t("centre.ui.present_of", item.present, item.expected))
        case .cadre, .group: parts.append(t("centre.ui.people", item.headcount))
        }
        parts.append((item.status == .checkedIn ? "✓ " : "") + t("centre.status.\(item.status.rawValue)"))
        if !item.purpose.isEmpty, item.kind != .centre { parts.append(item.purpose) }
        parts.append(item.booking.raw)
        return parts.joined(separator: "  ")
    }

    static func style(_ item: GridItem) -> Style {
        switch item.status {
        case .checkedIn: return Style(.ok)
        case .released, .ended: return Style(.muted)
        case .checkInOpen: return Style(.warning)
        case .booked, .inProgress: return Style(.normal)
        }
    }
}
