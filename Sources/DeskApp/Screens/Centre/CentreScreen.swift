import DeskCore
import DeskTUI

/// The activity centre and senior university (活动中心): today's timeline,
/// a room's week, the classes, the check-in desk and the call list, switched
/// with F2…F6 (shown on the strip at the top). A booking form opens over any
/// of them. The parts live in their own files; this screen only routes.
struct CentreScreen: DeskScreen {
    let id = ScreenID.centre
    var part = Part.today
    var today = TodayView()
    var week = WeekView()
    var classes = ClassesView()
    var checkIn = CheckInView()
    var calls = CallListView()
    var booking: BookingForm?
    var closure: ClosureForm?
    /// What the last action came to, shown above the part until the next key.
    var note: (text: String, role: DeskTUI.Role)?

    enum Part: Int, CaseIterable {
        case today, week, classes, checkIn, calls
        var key: Key { .f(rawValue + 2) }
    }

    func title(_ app: AppContext) -> String { app.text("centre.title") }

    func badge(_ app: AppContext) -> String? {
        let n = app.state.centre.openNotices.count
        return n > 0 ? app.text("centre.ui.badge", n) : nil
    }

    var capturesText: Bool {
        if booking != nil || closure != nil { return true }
        switch part {
        case .today: return today.capturesText
        case .week: return week.capturesText
        case .classes: return classes.capturesText
        case .checkIn: return checkIn.capturesText
        case .calls: return calls.capturesText
        }
    }

    var hasUnsavedChanges: Bool { (booking?.isDirty ?? false) || (closure?.isDirty ?? false) || classes.hasUnsavedChanges }

    // MARK: Refresh and intents

    mutating func refresh(_ app: AppContext) {
        today.refresh(app)
        week.refresh(app)
        classes.refresh(app)
        checkIn.refresh(app)
        calls.refresh(app)
        booking?.recheck(app)
    }

    mutating func receive(_ intent: Intent, _ app: AppContext) {
        switch intent {
        case .checkIn(let cadre):
            part = .checkIn
            checkIn.show(cadre, app)
        case .openClass(let raw):
            part = .classes
            classes.open(ID(raw), app)
        default:
            break
        }
    }

    // MARK: Keys

    mutating func update(_ key: Key, _ app: AppContext) -> KeyResult {
        if var form = booking {
            note = nil
            switch form.update(key, app) {
            case .handled: booking = form
            case .cancelled: booking = nil
            case .saved(let message, let room, let date):
                booking = nil
                note = (message, .ok)
                week.show(room: room, on: date, app)
                refresh(app)
            }
            return .handled
        }
        if var form = closure {
            note = nil
            switch form.update(key, app) {
            case .handled: closure = form
            case .cancelled: closure = nil
            case .saved(let message):
                closure = nil
                note = (message, .ok)
                refresh(app)
            }
            return .handled
        }
        if key == .char("c"), part == .today || part == .week, app.can(.manageCentre) {
            note = nil
            closure = ClosureForm(room: part == .week ? week.room : nil, app)
            return .handled
        }
        if let p = Part.allCases.first(where: { $0.key == key }) {
            note = nil
            part = p
            return .handled
        }
        var actions: [CentreAction] = []
        let result: KeyResult
        switch part {
        case .today: result = today.update(key, app, &actions)
        case .week: result = week.update(key, app, &actions)
        case .classes: result = classes.update(key, app, &actions)
        case .checkIn: result = checkIn.update(key, app, &actions)
        case .calls: result = calls.update(key, app, &actions)
        }
        if result == .handled { note = nil }
        for a in actions { perform(a, app) }
        return result
    }

    mutating func perform(_ action: CentreAction, _ app: AppContext) {
        switch action {
        case .book(let draft):
            booking = BookingForm(draft, app)
        case .openWeek(let room, let date):
            part = .week
            week.show(room: room, on: date, app)
        case .openClass(let course):
            part = .classes
            classes.open(course, app)
        case .say(let text, let role):
            note = (text, role)
            // What was done shows everywhere at once (the grid marks a check-in).
            refresh(app)
        case .leave:
            part = .today
        }
    }

    func bindings(_ app: AppContext) -> [KeyBinding] {
        let t = app.text, g = t("centre.title")
        if let booking { return booking.bindings(app, group: g) }
        if let closure { return closure.bindings(app, group: g) }
        let own: [KeyBinding]
        switch part {
        case .today: own = today.bindings(app, group: g)
        case .week: own = week.bindings(app, group: g)
        case .classes: own = classes.bindings(app, group: g)
        case .checkIn: own = checkIn.bindings(app, group: g)
        case .calls: own = calls.bindings(app, group: g)
        }
        var close: [KeyBinding] = []
        if part == .today || part == .week, app.can(.manageCentre) {
            close = [KeyBinding(keys: [.char("c")], label: t("centre.ui.keys.close"), help: t("centre.ui.keys.close_long"), group: g,
                                showInBar: true, priority: 3)]
        }
        let parts = Part.allCases.map { p in
            KeyBinding(keys: [p.key], label: t("centre.ui.part.\(p.rawValue)"), help: t("centre.ui.part_long.\(p.rawValue)"), group: g,
                       showInBar: false)
        }
        return own + close + parts
    }

    // MARK: Drawing

    func view(_ canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        let (strip, rest) = rect.splitTop(1)
        drawStrip(&canvas, strip, app)
        var body = rest
        if let note {
            let lines = WordWrap.lines(note.text, width: max(10, body.width - 1)).prefix(3)
            for (i, l) in lines.enumerated() {
                canvas.put(l, at: Point(x: body.x, y: body.y + i), style: Style(note.role, .bold), maxWidth: body.width)
            }
            body = body.splitTop(lines.count).rest
        }
        if let booking {
            booking.draw(in: &canvas, rect: body, app)
            return
        }
        if let closure {
            closure.draw(in: &canvas, rect: body, app)
            return
        }
        switch part {
        case .today: today.view(&canvas, rect: body, app)
        case .week: week.view(&canvas, rect: body, app)
        case .classes: classes.view(&canvas, rect: body, app)
        case .checkIn: checkIn.view(&canvas, rect: body, app)
        case .calls: calls.view(&canvas, rect: body, app)
        }
    }

    /// `F2 今日安排  F3 周视图  F4 班级  F5 签到  F6 待通知 3`
    func drawStrip(_ canvas: inout some Canvas, _ rect: Rect, _ app: AppContext) {
        let n = app.state.centre.openNotices.count
        Strip.draw(Part.allCases.map { p in
            let label = app.text("centre.ui.part.\(p.rawValue)") + (p == .calls && n > 0 ? " \(n)" : "")
            return (p.key.label, label, p == part && booking == nil && closure == nil)
        }, in: &canvas, rect: rect)
    }
}
