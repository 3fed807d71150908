import DeskCore
import DeskTUI

/// 闭馆: closing one room or the whole centre for a time (repairs, holidays).
/// Saving shows the bookings it would cancel and asks first; they are then
/// cancelled and put on the call list (F6) so the desk can tell the people.
struct ClosureForm {
    var form: Form
    /// Choice options after "whole centre".
    let rooms: [ID<Room>]
    var confirm: Dialog?
    /// Problems of a refused save that belong to no field.
    var general: [String] = []
    var edited = false

    enum Outcome {
        case handled
        case cancelled
        case saved(String)
    }

    init(room: ID<Room>?, _ app: AppContext) {
        let t = app.text
        let list = app.state.centre.roomList().map(\.id)
        rooms = list
        let names = list.map { app.state.centre.rooms[$0]?.name ?? $0.raw }
        let today = app.today
        form = Form(fields: [
            .choice("room", label: t("centre.ui.field.closure_room"), options: [t("centre.ui.closure.whole_centre")] + names,
                    selected: room.flatMap { list.firstIndex(of: $0) }.map { $0 + 1 } ?? 0, width: 20),
            .text("fromDate", label: t("centre.ui.field.from_date"), text: today.description, placeholder: "2026-11-23",
                  required: true, maxLength: 10, width: 12),
            .text("fromTime", label: t("centre.ui.field.from_time"), text: "00:00", required: true, maxLength: 5, width: 7),
            .text("toDate", label: t("centre.ui.field.to_date"), text: today.adding(days: 1).description, placeholder: "2026-11-24",
                  required: true, maxLength: 10, width: 12),
            .text("toTime", label: t("centre.ui.field.to_time"), text: "00:00", required: true, maxLength: 5, width: 7),
            .text("reason", label: t("centre.ui.field.reason"), text: "", placeholder: t("centre.ui.closure.reason_hint"),
                  required: true, maxLength: CentreLabel.maxPurpose, width: 24),
        ], strings: FormProblems.strings(t))
        form.focus(fieldID: "fromDate")
    }

    var isDirty: Bool { edited }

    mutating func update(_ key: Key, _ app: AppContext) -> Outcome {
        if let yes = FormProblems.confirm(&confirm, key) {
            return yes ? save(app, confirmed: true) : .handled
        }
        let before = form.values
        switch form.handle(key) {
        case .cancel: return .cancelled
        case .submit: return save(app, confirmed: false)
        default: break
        }
        if form.values != before { edited = true }
        return .handled
    }

    mutating func save(_ app: AppContext, confirmed: Bool) -> Outcome {
        let t = app.text, d = app.display
        general = []
        let v = form.values
        // Every date and time that does not parse, all at once.
        let fromDate = LocalDate(v.text("fromDate").trimmed), fromTime = LocalTime(v.text("fromTime").trimmed)
        let toDate = LocalDate(v.text("toDate").trimmed), toTime = LocalTime(v.text("toTime").trimmed)
        let bad = [fromDate == nil ? FieldProblem("fromDate", t("app.bad_date")) : nil,
                   fromTime == nil ? FieldProblem("fromTime", t("centre.ui.bad_time")) : nil,
                   toDate == nil ? FieldProblem("toDate", t("app.bad_date")) : nil,
                   toTime == nil ? FieldProblem("toTime", t("centre.ui.bad_time")) : nil].compactMap { $0 }
        guard bad.isEmpty, let fromDate, let fromTime, let toDate, let toTime else {
            form.show(bad)
            return .handled
        }
        let choice = v.choice("room") ?? 0
        let room = choice == 0 ? nil : rooms[choice - 1]
        let from = LocalDateTime(fromDate, fromTime), to = LocalDateTime(toDate, toTime)
        switch app.perform(CloseRoom(room: room, from: from, to: to, reason: v.text("reason").trimmed, confirmed: confirmed)) {
        case .success(let applied):
            let cancelled = applied.compactMap { $0.event as? RoomClosed }.first?.cancelled.count ?? 0
            let where_ = room.flatMap { app.state.centre.rooms[$0]?.name } ?? t("centre.ui.closure.whole_centre")
            return .saved(t("centre.ui.closure.saved", where_, "\(d.dayLabel(from.date)) \(from.time)", "\(d.dayLabel(to.date)) \(to.time)", cancelled))
        case .failure(.needsConfirmation(let warnings)):
            confirm = Dialog.confirm(title: t("centre.ui.confirm_title"), message: warnings.map(t.message).joined(separator: "\n"),
                                     yes: t("centre.ui.closure.close_anyway"), no: t("app.no"))
            return .handled
        case .failure(let error):
            let moved = error.problems.map { p -> Problem in
                var p = p
                if p.field == "to" { p.field = "toDate" }
                return p
            }
            general = FormProblems.show(.invalid(moved), on: &form, t)
            return .handled
        }
    }

    func draw(in canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        let t = app.text
        let (head, body) = rect.splitTop(2)
        canvas.put(t("centre.ui.closure.title"), at: head.origin, style: Style(.header), maxWidth: head.width)
        let leftWidth = min(max(40, rect.width / 2), 56)
        let (left, rest) = body.splitLeft(leftWidth)
        form.draw(in: &canvas, rect: left.insetBy(dx: 1, dy: 0))
        let panel = rest.insetBy(dx: 1, dy: 0)
        var y = panel.y
        for line in [t("centre.ui.closure.explain")] + general {
            for l in WordWrap.lines(line, width: max(10, panel.width)) where y < panel.maxY {
                canvas.put(l, at: Point(x: panel.x, y: y), style: Style(line == general.first ? .error : .muted), maxWidth: panel.width)
                y += 1
            }
            y += 1
        }
        confirm?.draw(in: &canvas, rect: rect)
    }

    func bindings(_ app: AppContext, group g: String) -> [KeyBinding] {
        let t = app.text
        return [KeyBinding(keys: [.enter], label: t("centre.ui.keys.close_save"), help: t("centre.ui.keys.close_save_long"), group: g,
                           showInBar: true, priority: 9),
                KeyBinding(keys: [.tab, .backTab], label: t("app.keys.next_field"), help: t("app.keys.next_field_long"), group: g,
                           showInBar: true, priority: 5),
                KeyBinding(keys: [.escape], label: t("app.keys.cancel"), help: t("app.keys.cancel_long"), group: g, showInBar: true, priority: 8)]
    }
}
