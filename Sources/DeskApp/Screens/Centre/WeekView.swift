import DeskCore
import DeskTUI

/// One room's week as a timeline (a row per day), calcurse-style: `t` today,
/// ←/→ (h/l) a day, w/W a week, `[`/`]` another room. Below, the selected
/// day's bookings: book a new one, cancel one or the rest of its weekly series.
struct WeekView: CentrePart {
    var room: ID<Room>?
    var day: LocalDate?
    var days: [RoomDay] = []
    var table = Table<ID<Booking>>(columns: [], emptyMessage: "", noMatchesMessage: "")
    var cancel: (dialog: Dialog, booking: Booking)?

    mutating func show(room: ID<Room>, on date: LocalDate, _ app: AppContext) {
        self.room = room
        day = date
        refresh(app)
    }

    mutating func refresh(_ app: AppContext) {
        let t = app.text
        let centre = app.state.centre
        if room == nil || centre.rooms[room!]?.active != true { room = centre.roomList().first?.id }
        let date = day ?? app.today
        day = date
        if table.columns.isEmpty {
            table = Table(columns: [
                TableColumn(t("centre.ui.col.time"), width: .fixed(11)),
                TableColumn(t("centre.ui.col.for"), width: .min(8)),
                TableColumn(t("centre.ui.col.kind"), width: .fixed(8)),
                TableColumn(t("centre.ui.col.people"), width: .fixed(6), alignment: .right),
                TableColumn(t("centre.ui.col.status"), width: .min(8)),
                TableColumn(t("centre.ui.col.number"), width: .fixed(7)),
                TableColumn(t("centre.ui.col.series"), width: .flex(min: 5)),
            ], emptyMessage: t("centre.ui.no_bookings"), noMatchesMessage: t("app.no_matches"))
        }
        guard let room else { days = []; table.setRows([]); return }
        days = CentreQuery(app.state).week(of: room, from: date.startOfWeek, now: app.now)
        let d = app.display
        let items = days.first { $0.date == date }?.items ?? []
        table.setRows(items.map { i in
            let people = i.kind == .course || i.kind == .centre ? t("centre.ui.present_of", i.present, i.expected) : String(i.headcount)
            return TableRow(id: i.booking, cells: [d.span(i.span), (i.status == .checkedIn ? "✓" : "") + i.label,
                                                   t("centre.holder.\(i.kind.rawValue)"), people,
                                                   t("centre.status.\(i.status.rawValue)"), i.booking.raw, i.series?.raw ?? ""],
                            searchText: i.purpose, emphasis: RoomDayList.style(i).role)
        })
    }

    var capturesText: Bool { cancel != nil || table.isEditingFilter }

    mutating func move(to date: LocalDate, _ app: AppContext) {
        day = date
        refresh(app)
    }

    mutating func update(_ key: Key, _ app: AppContext, _ actions: inout [CentreAction]) -> KeyResult {
        if let c = cancel {
            var dialog = c.dialog
            let outcome = dialog.handle(key)
            cancel = nil
            switch outcome {
            case .chosen(0): finishCancel(c.booking, series: false, app, &actions)
            case .chosen(1) where c.dialog.buttons.count == 3: finishCancel(c.booking, series: true, app, &actions)
            case .chosen, .dismissed: break
            default: cancel = (dialog, c.booking)
            }
            return .handled
        }
        let date = day ?? app.today
        switch key {
        case .char("t"): move(to: app.today, app); return .handled
        case .left, .char("h"): move(to: date.adding(days: -1), app); return .handled
        case .right, .char("l"): move(to: date.adding(days: 1), app); return .handled
        case .char("w"): move(to: date.adding(days: 7), app); return .handled
        case .char("W"): move(to: date.adding(days: -7), app); return .handled
        case .char("["), .char("]"):
            let rooms = app.state.centre.roomList().map(\.id)
            guard let r = room, let i = rooms.firstIndex(of: r), !rooms.isEmpty else { return .handled }
            room = rooms[(i + (key == .char("]") ? 1 : rooms.count - 1)) % rooms.count]
            refresh(app)
            return .handled
        default: break
        }
        switch table.handle(key) {
        case .activated(let id):
            if case .course(let k)? = app.state.centre[booking: id]?.holder { actions.append(.openClass(k)) }
            return .handled
        case .handled: return .handled
        case .ignored: break
        }
        switch key {
        case .char("b"):
            guard app.can(.bookRooms), let r = room, let rm = app.state.centre.rooms[r] else { return .ignored }
            actions.append(.book(.starting(room: rm, date: date, now: app.now)))
        case .char("X"):
            guard app.can(.bookRooms), let id = table.selectedID, let b = app.state.centre[booking: id] else { return .ignored }
            askCancel(b, app)
        default:
            return .ignored
        }
        return .handled
    }

    mutating func askCancel(_ b: Booking, _ app: AppContext) {
        let t = app.text, d = app.display
        let what = t("centre.ui.booking_words", b.id.raw, d.dayLabel(b.date), d.span(b.span), CentreLabel.of(b, app.state))
        if let s = b.series {
            cancel = (Dialog(title: t("centre.ui.cancel_title"), message: t("centre.ui.cancel_series_question", what, s.raw),
                             buttons: [DialogButton(t("centre.ui.cancel_one"), shortcut: "1"),
                                       DialogButton(t("centre.ui.cancel_rest"), shortcut: "a"),
                                       DialogButton(t("centre.ui.keep"), shortcut: "n")], focusedButton: 2), b)
        } else {
            cancel = (Dialog.confirm(title: t("centre.ui.cancel_title"), message: t("centre.ui.cancel_question", what),
                                     yes: t("centre.ui.cancel_one"), no: t("centre.ui.keep")), b)
        }
    }

    mutating func finishCancel(_ b: Booking, series: Bool, _ app: AppContext, _ actions: inout [CentreAction]) {
        let result = series ? app.perform(CancelSeries(b.series!, from: b.date)) : app.perform(CancelBooking(b.id))
        switch result {
        case .success(let applied):
            let n = applied.compactMap { $0.event as? BookingsCancelled }.reduce(0) { $0 + $1.bookings.count }
            actions.append(.say(app.text("centre.ui.cancelled", n), .ok))
        case .failure(let e):
            actions.append(.say(e.problems.map(app.text.message).joined(separator: " "), .error))
        }
        refresh(app)
    }

    /// The week as a timeline: a row per day, the axis over the hours any day is open.
    static func timeline(_ days: [RoomDay], selected: LocalDate, now: LocalDateTime, _ d: Display) -> TimelineGrid {
        let opens = days.flatMap(\.open)
        let from = LocalTime((opens.map(\.start).min() ?? LocalTime(8, 0)).hour, 0)
        let to = LocalTime(minuteOfDay: min(1440, ((opens.map(\.end).max() ?? LocalTime(18, 0)).minuteOfDay + 59) / 60 * 60))
        let rows = days.map { TimelineGrid.Row(label: d.dayLabel($0.date), day: $0, marked: $0.date == now.date) }
        return TimelineGrid(rows: rows, from: from, to: to, now: days.contains { $0.date == now.date } ? now.time : nil,
                            selectedRow: days.firstIndex { $0.date == selected })
    }

    func bindings(_ app: AppContext, group g: String) -> [KeyBinding] {
        let t = app.text
        if cancel != nil { return [] }
        var out = [
            KeyBinding(keys: [.char("t")], label: t("centre.ui.keys.today"), help: t("centre.ui.keys.today_long"), group: g, showInBar: true, priority: 5),
            KeyBinding(keys: [.left, .right, .char("h"), .char("l")], label: t("centre.ui.keys.day"), help: t("centre.ui.keys.day_long"),
                       group: g, showInBar: true, priority: 4),
            KeyBinding(keys: [.char("w"), .char("W")], label: t("centre.ui.keys.week"), help: t("centre.ui.keys.week_long"), group: g,
                       showInBar: true, priority: 4),
            KeyBinding(keys: [.char("["), .char("]")], label: t("centre.ui.keys.other_room"), help: t("centre.ui.keys.other_room_long"),
                       group: g, showInBar: true, priority: 5),
            KeyBinding(keys: [.char("/")], label: t("app.keys.filter"), help: t("app.keys.filter_long"), group: g, showInBar: false),
        ]
        if app.can(.bookRooms) {
            out.append(KeyBinding(keys: [.char("b")], label: t("centre.ui.keys.new_booking"), help: t("centre.ui.keys.new_booking_long"),
                                  group: g, showInBar: true, priority: 7))
            if table.selectedID != nil {
                out.append(KeyBinding(keys: [.char("X")], label: t("centre.ui.keys.cancel_booking"), help: t("centre.ui.keys.cancel_booking_long"),
                                      group: g, showInBar: true, priority: 6))
            }
        }
        if let id = table.selectedID, case .course? = app.state.centre[booking: id]?.holder {
            out.append(KeyBinding(keys: [.enter], label: t("centre.ui.keys.open_class"), help: t("centre.ui.keys.open_class_long"),
                                  group: g, showInBar: true, priority: 6))
        }
        return out
    }

    func view(_ canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        let t = app.text, d = app.display
        guard let room, let r = app.state.centre.rooms[room], let date = day else {
            canvas.put(t("centre.ui.no_rooms"), at: rect.origin, style: Style(.muted), maxWidth: rect.width)
            return
        }
        var lines = Lines(rect)
        let start = date.startOfWeek
        lines.put(t("centre.ui.week_title", r.name, t("centre.sharing.\(r.sharing.rawValue)"), r.capacity,
                    d.dayLabel(start), d.dayLabel(start.adding(days: 6))), Style(.header), in: &canvas)
        let timeline = Self.timeline(days, selected: date, now: app.now, d)
        let gridRect = Rect(x: rect.x, y: lines.y, width: rect.width, height: min(timeline.height, lines.remaining))
        timeline.draw(in: &canvas, rect: gridRect, t)
        lines.skip(gridRect.height)
        if let day = days.first(where: { $0.date == date }) {
            let free = day.free.filter { LocalDateTime(date, $0.end) > app.now }.map(d.span)
            lines.put(t("centre.ui.day_line", d.longDate(date), free.isEmpty ? t("centre.ui.no_free") : free.joined(separator: "、")),
                      Style(.normal, .bold), in: &canvas)
            for c in day.closed { lines.put("× " + t("centre.ui.closed_line", d.span(c.span), c.reason), Style(.warning), in: &canvas) }
        }
        table.draw(in: &canvas, rect: lines.rest)
        cancel?.dialog.draw(in: &canvas, rect: rect)
    }
}
