import DeskCore
import DeskTUI

/// The check-in desk: find the cadre as you type (name, pinyin, initials,
/// phone or its last 4 digits), see their items today, Enter checks them in
/// for all of them at once and clears the search for the next person. Esc on
/// an empty search leaves for the centre's main view; Tab switches screens.
struct CheckInView: CentrePart {
    var picker = CadrePicker()
    /// The cadre picked; nil while searching.
    var person: ID<Cadre>?
    var items: [TodayItem] = []

    var capturesText: Bool { person == nil }

    mutating func refresh(_ app: AppContext) {
        if picker.field.placeholder.isEmpty { picker = CadrePicker(placeholder: app.text("centre.ui.find_cadre_hint"), query: picker.query) }
        picker.search(app)
        if let p = person { items = CentreQuery(app.state).today(for: p, now: app.now) }
    }

    mutating func show(_ cadre: ID<Cadre>, _ app: AppContext) {
        person = cadre
        refresh(app)
    }

    mutating func update(_ key: Key, _ app: AppContext, _ actions: inout [CentreAction]) -> KeyResult {
        guard let p = person else {
            switch picker.handle(key, app) {
            case .picked(let id): show(id, app)
            case .changed: break
            case .cancelled: actions.append(.leave)
            // Tab and the like: the screen's (the shell switches screens on Tab).
            case .ignored: return .ignored
            }
            return .handled
        }
        switch key {
        case .enter:
            switch app.perform(CheckIn(p)) {
            case .success(let applied):
                let n = applied.compactMap { $0.event as? CheckedIn }.reduce(0) { $0 + $1.bookings.count }
                actions.append(.say(app.text("centre.checkin.done", n) + " " + (app.state.roster[p]?.name ?? ""), .ok))
                // Done: ready for the next person, whose name must not be appended to this one's.
                person = nil
                items = []
                picker.clear(app)
                return .handled
            case .failure(let e):
                actions.append(.say(e.problems.map(app.text.message).joined(separator: " "), .warning))
            }
            refresh(app)
        case .escape, .char("/"):
            person = nil
            items = []
        case .char("b"):
            guard app.can(.bookRooms), let room = app.state.centre.roomList().first(where: { $0.accepts(.cadre) }) else { return .ignored }
            actions.append(.book(.starting(room: room, date: app.today, now: app.now, cadre: p)))
        default:
            return .ignored
        }
        return .handled
    }

    func bindings(_ app: AppContext, group g: String) -> [KeyBinding] {
        let t = app.text
        guard person != nil else {
            return [KeyBinding(keys: [.enter], label: t("centre.ui.keys.pick"), help: t("centre.ui.keys.pick_long"), group: g, showInBar: true, priority: 9),
                    KeyBinding(keys: [.up, .down], label: t("centre.ui.keys.choose"), help: t("centre.ui.keys.choose_long"), group: g,
                               showInBar: true, priority: 6),
                    picker.query.isEmpty
                        ? KeyBinding(keys: [.escape], label: t("centre.ui.keys.leave"), help: t("centre.ui.keys.leave_long"), group: g,
                                     showInBar: true, priority: 8)
                        : KeyBinding(keys: [.escape], label: t("centre.ui.keys.clear"), help: t("centre.ui.keys.clear_long"), group: g,
                                     showInBar: true, priority: 8),
                    // While the search has the keyboard the shell shows only its function keys: Tab still switches.
                    KeyBinding(keys: [.tab, .backTab], label: t("app.keys.switch"), help: t("app.keys.switch_long"), group: g,
                               showInBar: true, priority: 4)]
        }
        var out = [KeyBinding(keys: [.enter], label: t("centre.ui.keys.check_in"), help: t("centre.ui.keys.check_in_long"), group: g,
                              showInBar: true, priority: 9),
                   KeyBinding(keys: [.escape, .char("/")], label: t("centre.ui.keys.find_again"), help: t("centre.ui.keys.find_again_long"),
                              group: g, showInBar: true, priority: 8)]
        if app.can(.bookRooms) {
            out.append(KeyBinding(keys: [.char("b")], label: t("centre.ui.keys.book_for"), help: t("centre.ui.keys.book_for_long"),
                                  group: g, showInBar: true, priority: 6))
        }
        return out
    }

    func view(_ canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        let t = app.text, d = app.display
        guard let p = person, let c = app.state.roster[p] else {
            var lines = Lines(rect)
            lines.put(t("centre.ui.checkin_help"), Style(.muted), in: &canvas)
            picker.draw(in: &canvas, rect: lines.rest, app, label: t("centre.ui.find_cadre"))
            return
        }
        var lines = Lines(rect)
        var who = [c.name, t("roster.gender.\(c.gender.rawValue)"), t("app.picker.age", c.age(on: app.today)),
                   t("roster.category.\(c.category.rawValue)"), c.community]
        if let phone = c.phone { who.append(d.phone(phone, whole: false)) }
        lines.put(who.filter { !$0.isEmpty }.joined(separator: "  "), Style(.header), in: &canvas)
        lines.put(t("centre.ui.items_today", d.longDate(app.today), items.count), Style(.normal, .bold), in: &canvas)
        if items.isEmpty { lines.put("  " + t("centre.checkin.nothing_today", c.name), Style(.muted), in: &canvas) }
        for i in items {
            let (state, style) = Self.state(i.state, app)
            lines.put("  \(d.span(i.span))  \(i.roomName)  \(i.title)  \(t("centre.holder.\(i.kind.rawValue)"))  \(state)  \(i.booking.raw)",
                      style, in: &canvas)
        }
        let open = items.filter(\.state.isOpen).count
        lines.skip()
        lines.put(open > 0 ? t("centre.ui.checkin_ready", open) : t("centre.ui.checkin_none_open"),
                  Style(open > 0 ? .ok : .muted, .bold), in: &canvas)
    }

    /// Where an item stands, in words, and how to show it.
    static func state(_ s: CheckInState, _ app: AppContext) -> (String, Style) {
        let t = app.text, d = app.display
        switch s {
        case .opensAt(let at): return (t("centre.checkin_state.opens_at", d.time(at.time)), Style(.normal))
        case .open(let until): return (t("centre.checkin_state.open", d.time(until.time)), Style(.warning, .bold))
        case .checkedIn: return ("✓ " + t("centre.checkin_state.checked_in"), Style(.ok))
        case .released(let at): return (t("centre.checkin_state.released", d.time(at.time)), Style(.muted))
        case .missed: return (t("centre.checkin_state.missed"), Style(.muted))
        case .cancelled(let why): return (t("centre.checkin_state.cancelled", why), Style(.muted))
        }
    }
}
