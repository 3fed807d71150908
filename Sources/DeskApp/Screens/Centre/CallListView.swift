import DeskCore
import DeskTUI

/// The desk's call list (待通知): people promoted from a waitlist, bookings a
/// closure cancelled. `C` marks a call made; Enter opens the class. Calling is
/// what the list is for, so whoever makes the calls sees the numbers whole
/// here, even a role that sees them masked everywhere else.
struct CallListView: CentrePart {
    var table = Table<ID<CallNotice>>(columns: [], emptyMessage: "", noMatchesMessage: "")
    var items: [ID<CallNotice>: CallItem] = [:]
    var confirm: (Dialog, ID<CallNotice>)?

    var capturesText: Bool { confirm != nil || table.isEditingFilter }

    mutating func refresh(_ app: AppContext) {
        let t = app.text, d = app.display
        if table.columns.isEmpty {
            table = Table(columns: [
                TableColumn(t("centre.ui.col.raised"), width: .min(11)),
                TableColumn(t("centre.ui.col.name"), width: .min(6)),
                TableColumn(t("centre.ui.col.phone"), width: .min(11)),
                TableColumn(t("centre.ui.col.about"), width: .min(10)),
                TableColumn(t("centre.ui.col.reason"), width: .flex(min: 12)),
            ], emptyMessage: t("centre.ui.no_calls"), noMatchesMessage: t("app.no_matches"))
        }
        let list = CentreQuery(app.state).callList()
        items = Dictionary(uniqueKeysWithValues: list.map { ($0.notice, $0) })
        table.setRows(list.map { c in
            let phone = c.cadre.flatMap { app.state.roster[$0]?.phone }
            let about = c.courseName ?? c.booking.map { "\($0.booking.raw) \($0.roomName) \(d.dayLabel($0.date)) \(d.span($0.span))" } ?? ""
            return TableRow(id: c.notice, cells: [d.dateTime(c.raised), c.name, d.phone(phone, whole: Self.showsWholePhones(app)), about,
                                                  t("centre.call_reason.\(c.reason.rawValue)")])
        })
    }

    mutating func update(_ key: Key, _ app: AppContext, _ actions: inout [CentreAction]) -> KeyResult {
        if let pending = confirm {
            let notice = pending.1
            var d = pending.0
            let outcome = d.handle(key)
            confirm = nil
            switch outcome {
            case .chosen(0):
                switch app.perform(MarkCalled(notice)) {
                case .success: actions.append(.say(app.text("centre.ui.called"), .ok))
                case .failure(let e): actions.append(.say(e.problems.map(app.text.message).joined(separator: " "), .error))
                }
                refresh(app)
            case .chosen, .dismissed: break
            default: confirm = (d, notice)
            }
            return .handled
        }
        switch table.handle(key) {
        case .activated(let id):
            if let k = items[id]?.course { actions.append(.openClass(k)) }
            return .handled
        case .handled: return .handled
        case .ignored: break
        }
        guard key == .char("C"), app.can(.bookRooms), let id = table.selectedID, let item = items[id] else { return .ignored }
        confirm = (Dialog.confirm(title: app.text("centre.to_call"), message: app.text("centre.ui.mark_called_question", item.name),
                                  yes: app.text("app.yes"), no: app.text("app.no"), focusYes: true), id)
        return .handled
    }

    /// Whoever makes the calls (marks them with `C`) needs the number to dial.
    static func showsWholePhones(_ app: AppContext) -> Bool { app.can(.bookRooms) || app.can(.viewPersonalDetails) }

    func bindings(_ app: AppContext, group g: String) -> [KeyBinding] {
        let t = app.text
        guard confirm == nil, let id = table.selectedID else { return [] }
        var out: [KeyBinding] = []
        if app.can(.bookRooms) {
            out.append(KeyBinding(keys: [.char("C")], label: t("centre.ui.keys.mark_called"), help: t("centre.ui.keys.mark_called_long"),
                                  group: g, showInBar: true, priority: 8))
        }
        if items[id]?.course != nil {
            out.append(KeyBinding(keys: [.enter], label: t("centre.ui.keys.open_class"), help: t("centre.ui.keys.open_class_long"),
                                  group: g, showInBar: true, priority: 6))
        }
        return out
    }

    func view(_ canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        var lines = Lines(rect)
        lines.put(app.text(Self.showsWholePhones(app) ? "centre.ui.calls_help_phone" : "centre.ui.calls_help"), Style(.muted), in: &canvas)
        table.draw(in: &canvas, rect: lines.rest)
        confirm?.0.draw(in: &canvas, rect: rect)
    }
}
