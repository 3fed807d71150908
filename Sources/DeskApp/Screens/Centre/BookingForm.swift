import DeskCore
import DeskTUI

/// The booking form: room, date, start–end, headcount, for whom (a cadre found
/// with the shared `CadrePicker`, a group, a class, the centre's own use),
/// purpose, and a weekly repeat until a date with "skip conflicting dates".
///
/// While the clerk types, the slot is checked as the command would check it:
/// a taken slot shows what is in the way and the nearest free slots, and F5
/// puts the next of those into the form.
struct BookingForm {
    var form: Form
    var picker = CadrePicker()
    /// Choice options, in the order shown.
    let rooms: [ID<Room>]
    let courses: [ID<Course>]
    let kinds = HolderKind.allCases
    var cadre: ID<Cadre>?
    /// What the live check found wrong with the slot (messages).
    var slotProblems: [String] = []
    var suggestions: [FreeSlot] = []
    /// The suggestion F5 last put into the form.
    var applied: Int?
    /// Problems of a refused save that belong to no field.
    var general: [String] = []
    /// Warnings to confirm before booking anyway.
    var confirm: Dialog?
    var edited = false

    enum Outcome {
        case handled
        case cancelled
        /// Saved: the message for the desk, the booking's room and date.
        case saved(String, ID<Room>, LocalDate)
    }

    init(_ draft: BookingDraft, _ app: AppContext) {
        let centre = app.state.centre
        rooms = centre.roomList().map(\.id)
        courses = CentreQuery(app.state).courseList(on: app.today, now: app.now).map(\.id)
        cadre = draft.cadre
        var v: [String: FormValue] = [
            "room": .choice(rooms.firstIndex(of: draft.room) ?? 0),
            "date": .text(draft.date.description),
            "start": .text(draft.span.start.description),
            "end": .text(draft.span.end.description),
            "headcount": .text(String(draft.headcount)),
            "kind": .choice(HolderKind.allCases.firstIndex(of: draft.kind) ?? 0),
            "repeat": .choice(0), "skip": .choice(0),
            "until": .text(draft.date.adding(days: 7 * 11).description),
        ]
        if let c = draft.cadre { v["holder"] = .text(app.state.roster[c]?.name ?? c.raw) }
        form = Form(fields: [], strings: FormProblems.strings(app.text))
        form = Form(fields: fields(FormValues(v), app), strings: FormProblems.strings(app.text))
        if draft.cadre != nil { form.focus(fieldID: "start") }
        picker = CadrePicker(placeholder: app.text("centre.ui.find_cadre_hint"))
        recheck(app)
    }

    var isDirty: Bool { edited }
    var kind: HolderKind { kinds[form.values.choice("kind") ?? 0] }
    var weekly: Bool { form.values.choice("repeat") == 1 }
    /// The cadre field has the focus: typing goes to the picker.
    var picking: Bool { kind == .cadre && form.focusedFieldID == "holder" && confirm == nil }

    // MARK: Fields

    /// The fields for the values so far (whom-for and repeat decide which appear).
    func fields(_ v: FormValues, _ app: AppContext) -> [FormField] {
        let t = app.text
        let state = app.state
        let kind = kinds[v.choice("kind") ?? 0]
        var f: [FormField] = [
            .choice("room", label: t("centre.ui.field.room"),
                    options: rooms.map { id in state.centre.rooms[id].map { "\($0.name) \(t("centre.ui.capacity", $0.capacity))" } ?? id.raw },
                    selected: v.choice("room") ?? 0, width: 20),
            .text("date", label: t("centre.ui.field.date"), text: v.text("date"), placeholder: "2026-11-23", required: true, maxLength: 10, width: 12),
            .text("start", label: t("centre.ui.field.start"), text: v.text("start"), placeholder: "09:00", required: true, maxLength: 5, width: 7),
            .text("end", label: t("centre.ui.field.end"), text: v.text("end"), placeholder: "10:00", required: true, maxLength: 5, width: 7),
            .text("headcount", label: t("centre.ui.field.headcount"), text: v.text("headcount"), required: true, maxLength: 3, width: 5),
            .choice("kind", label: t("centre.ui.field.kind"), options: kinds.map { t("centre.holder.\($0.rawValue)") },
                    selected: v.choice("kind") ?? 0, width: 14),
        ]
        switch kind {
        case .cadre:
            f.append(.text("holder", label: t("centre.ui.field.cadre"), text: v.text("holder"),
                           placeholder: t("centre.ui.field.cadre_hint"), width: 16))
        case .group:
            f.append(.text("holder", label: t("centre.ui.field.group"), text: v.text("holder"), required: true,
                           maxLength: CentreLabel.maxGroupName, width: 16))
        case .course:
            f.append(.choice("holder", label: t("centre.ui.field.class"),
                             options: courses.map { state.centre.courses[$0]?.name ?? $0.raw },
                             selected: v.choice("holder") ?? 0, width: 20))
        case .centre:
            break
        }
        f.append(.text("purpose", label: t("centre.ui.field.purpose"), text: v.text("purpose"), maxLength: CentreLabel.maxPurpose, width: 20))
        f.append(.choice("repeat", label: t("centre.ui.field.repeat"), options: [t("centre.ui.repeat.once"), t("centre.ui.repeat.weekly")],
                         selected: v.choice("repeat") ?? 0, width: 12))
        if v.choice("repeat") == 1 {
            f.append(.text("until", label: t("centre.ui.field.until"), text: v.text("until"), required: true, maxLength: 10, width: 12))
            f.append(.choice("skip", label: t("centre.ui.field.skip"), options: [t("centre.ui.skip.yes"), t("centre.ui.skip.no")],
                             selected: v.choice("skip") ?? 0, width: 20))
        }
        return f
    }

    /// Rebuilds the form with `values` (after whom-for or repeat changed, or a suggestion was put in).
    mutating func rebuild(_ values: FormValues, focus: String?, _ app: AppContext) {
        form = Form(fields: fields(values, app), strings: FormProblems.strings(app.text))
        if let focus { form.focus(fieldID: focus) }
    }

    // MARK: Keys

    mutating func update(_ key: Key, _ app: AppContext) -> Outcome {
        if let yes = FormProblems.confirm(&confirm, key) {
            return yes ? save(app, confirmed: true) : .handled
        }
        if key == .f(5) { applyNextSuggestion(app); return .handled }
        if picking {
            switch key {
            case .tab, .backTab:
                break
            case .escape where picker.query.isEmpty:
                break
            case .enter:
                if let id = picker.selectedID, id != cadre { pick(id, app); return .handled }
                return submit(app)
            default:
                if case .cancelled = picker.handle(key, app) { return .cancelled }
                return .handled
            }
        }
        let before = form.values
        switch form.handle(key) {
        case .cancel: return .cancelled
        case .submit: return submit(app)
        default: break
        }
        let after = form.values
        if after != before {
            edited = true
            if after.choice("kind") != before.choice("kind") || after.choice("repeat") != before.choice("repeat") {
                var v = after
                if after.choice("kind") != before.choice("kind") { v.byID["holder"] = nil; cadre = nil }
                rebuild(v, focus: form.focusedFieldID, app)
            }
            recheck(app)
        }
        return .handled
    }

    mutating func pick(_ id: ID<Cadre>, _ app: AppContext) {
        cadre = id
        edited = true
        var v = form.values
        v.byID["holder"] = .text(app.state.roster[id]?.name ?? id.raw)
        rebuild(v, focus: "purpose", app)
        recheck(app)
    }

    mutating func submit(_ app: AppContext) -> Outcome {
        save(app, confirmed: false)
    }

    mutating func applyNextSuggestion(_ app: AppContext) {
        guard !suggestions.isEmpty else { return }
        let i = ((applied ?? -1) + 1) % suggestions.count
        let s = suggestions[i]
        var v = form.values
        v.byID["room"] = .choice(rooms.firstIndex(of: s.room) ?? 0)
        v.byID["date"] = .text(s.date.description)
        v.byID["start"] = .text(s.span.start.description)
        v.byID["end"] = .text(s.span.end.description)
        rebuild(v, focus: form.focusedFieldID, app)
        edited = true
        let kept = suggestions
        recheck(app)
        if slotProblems.isEmpty {
            suggestions = kept
            applied = i
        }
    }

    // MARK: Reading the form

    struct Request {
        var room: ID<Room>
        var date: LocalDate
        var span: TimeSpan
        var headcount: Int
    }

    /// The slot as typed, if it parses.
    func request() -> Request? {
        let v = form.values
        guard rooms.indices.contains(v.choice("room") ?? -1),
              let date = LocalDate(v.text("date").trimmed),
              let start = LocalTime(v.text("start").trimmed), let end = LocalTime(v.text("end").trimmed), start < end
        else { return nil }
        let heads = Int(v.text("headcount").trimmed) ?? 1
        return Request(room: rooms[v.choice("room")!], date: date, span: TimeSpan(start, end), headcount: max(1, heads))
    }

    func holder(_ app: AppContext) -> BookingHolder {
        let v = form.values
        switch kind {
        case .cadre: return .cadre(cadre ?? ID(""))
        case .group: return .group(name: v.text("holder").trimmed, contact: nil)
        case .course:
            let i = v.choice("holder") ?? 0
            return .course(courses.indices.contains(i) ? courses[i] : ID(""))
        case .centre: return .centre
        }
    }

    /// Checks the slot as typed: what is in the way and, if anything is, the nearest free slots.
    mutating func recheck(_ app: AppContext) {
        guard let r = request() else { slotProblems = []; suggestions = []; applied = nil; return }
        let q = CentreQuery(app.state)
        let problems = q.slotProblems(room: r.room, date: r.date, span: r.span, headcount: r.headcount, for: kind, now: app.now)
        slotProblems = problems.map(app.text.message)
        if problems.isEmpty {
            if let a = applied, suggestions.indices.contains(a),
               suggestions[a].room == r.room, suggestions[a].date == r.date, suggestions[a].span == r.span { return }
            suggestions = []
            applied = nil
        } else {
            suggestions = q.freeSlots(room: r.room, date: r.date, span: r.span, headcount: r.headcount, for: kind, now: app.now)
            applied = nil
        }
    }

    // MARK: Saving

    mutating func save(_ app: AppContext, confirmed: Bool) -> Outcome {
        let t = app.text
        general = []
        let v = form.values
        // Everything the form itself can tell is wrong, all at once.
        var bad: [FieldProblem] = []
        if kind == .cadre, cadre == nil { bad.append(FieldProblem("holder", t("centre.ui.pick_cadre"))) }
        let date = LocalDate(v.text("date").trimmed)
        if date == nil { bad.append(FieldProblem("date", t("app.bad_date"))) }
        let start = LocalTime(v.text("start").trimmed)
        if start == nil { bad.append(FieldProblem("start", t("centre.ui.bad_time"))) }
        let end = LocalTime(v.text("end").trimmed)
        if end == nil { bad.append(FieldProblem("end", t("centre.ui.bad_time"))) }
        let heads = Int(v.text("headcount").trimmed)
        if heads == nil { bad.append(FieldProblem("headcount", t("centre.ui.bad_number"))) }
        let until = weekly ? LocalDate(v.text("until").trimmed) : nil
        if weekly, until == nil { bad.append(FieldProblem("until", t("app.bad_date"))) }
        guard bad.isEmpty, let date, let start, let end, let heads else {
            form.show(bad)
            return .handled
        }
        guard let roomIndex = v.choice("room"), rooms.indices.contains(roomIndex) else { return .handled }
        let room = rooms[roomIndex], span = TimeSpan(start, end), purpose = v.text("purpose").trimmed
        let result: Result<[AppliedEvent], DeskError>
        if weekly, let until {
            result = app.perform(BookRoomWeekly(room: room, first: date, until: until, span: span, headcount: heads, purpose: purpose,
                                                for: holder(app), skipConflicts: v.choice("skip") == 0, confirmed: confirmed))
        } else {
            result = app.perform(BookRoom(room: room, date: date, span: span, headcount: heads, purpose: purpose,
                                          for: holder(app), confirmed: confirmed))
        }
        switch result {
        case .success(let applied):
            return .saved(Self.savedMessage(applied, app), room, date)
        case .failure(.needsConfirmation(let warnings)):
            confirm = Dialog.confirm(title: t("centre.ui.confirm_title"), message: warnings.map(t.message).joined(separator: "\n"),
                                     yes: t("centre.ui.book_anyway"), no: t("app.no"))
            return .handled
        case .failure(let error):
            // A weekly booking names its first date "first"; here that is the date field.
            let moved = error.problems.map { p -> Problem in
                var p = p
                if p.field == "first" { p.field = "date" }
                return p
            }
            general = FormProblems.show(.invalid(moved), on: &form, t)
            recheck(app)
            return .handled
        }
    }

    /// `已预约 B000123:心理聊天室 11月23日 周一 10:00-11:00 张三。` or, for a
    /// weekly booking, how many were booked and which dates were skipped and why.
    static func savedMessage(_ applied: [AppliedEvent], _ app: AppContext) -> String {
        let t = app.text, d = app.display
        let made = applied.compactMap { $0.event as? BookingMade }
        if let series = applied.lazy.compactMap({ $0.event as? SeriesBooked }).first {
            var lines = [t("centre.series.booked", made.count, series.skipped.count)]
            for s in series.skipped { lines.append(t("centre.series.skipped_date", d.dayLabel(s.date), t.message(s.problem))) }
            return lines.joined(separator: " ")
        }
        guard let b = made.first else { return t("app.saved") }
        let room = app.state.centre.rooms[b.room]?.name ?? b.room.raw
        let who = app.state.centre[booking: b.id].map { CentreLabel.of($0, app.state) } ?? ""
        return t("centre.ui.booked", b.id.raw, room, d.dayLabel(b.date), d.span(b.span), who)
    }

    // MARK: Drawing

    func draw(in canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        let t = app.text
        let (head, body) = rect.splitTop(2)
        canvas.put(t("centre.ui.booking_title"), at: head.origin, style: Style(.header), maxWidth: head.width)
        let leftWidth = min(max(40, rect.width / 2), 56)
        let (left, rest) = body.splitLeft(leftWidth)
        let panel = rest.insetBy(dx: 1, dy: 0)
        form.draw(in: &canvas, rect: left.insetBy(dx: 1, dy: 0))
        if picking {
            picker.draw(in: &canvas, rect: panel, app, label: t("centre.ui.find_cadre"))
        } else {
            drawSlotPanel(in: &canvas, rect: panel, app)
        }
        confirm?.draw(in: &canvas, rect: rect)
    }

    func drawSlotPanel(in canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        let t = app.text, d = app.display
        var y = rect.y
        func line(_ s: String, _ style: Style) {
            for l in WordWrap.lines(s, width: max(10, rect.width)) where y < rect.maxY {
                canvas.put(l, at: Point(x: rect.x, y: y), style: style, maxWidth: rect.width)
                y += 1
            }
        }
        if request() == nil {
            line(t("centre.ui.slot_incomplete"), Style(.muted))
        } else if slotProblems.isEmpty {
            line("✓ " + t("centre.ui.slot_free"), Style(.ok, .bold))
        } else {
            line(t("centre.ui.slot_taken"), Style(.error, .bold))
            for p in slotProblems { line(p, Style(.error)) }
        }
        if !suggestions.isEmpty {
            y += 1
            line(t("centre.ui.suggestions"), Style(.header))
            for (i, s) in suggestions.enumerated() {
                let room = app.state.centre.rooms[s.room]?.name ?? s.room.raw
                let mark = i == applied ? "▶" : " "
                line("\(mark)\(i + 1). \(d.dayLabel(s.date)) \(d.span(s.span)) \(room)", Style(i == applied ? .ok : .normal))
            }
        }
        for g in general { y += 1; line(g, Style(.error)) }
    }

    func bindings(_ app: AppContext, group g: String) -> [KeyBinding] {
        let t = app.text
        var out = [KeyBinding(keys: [.enter], label: picking ? t("centre.ui.keys.pick") : t("centre.ui.keys.book"),
                              help: picking ? t("centre.ui.keys.pick_long") : t("centre.ui.keys.book_long"), group: g, showInBar: true, priority: 9),
                   KeyBinding(keys: [.tab, .backTab], label: t("app.keys.next_field"), help: t("app.keys.next_field_long"), group: g, showInBar: true, priority: 5),
                   KeyBinding(keys: [.escape], label: t("app.keys.cancel"), help: t("app.keys.cancel_long"), group: g, showInBar: true, priority: 8)]
        if !suggestions.isEmpty {
            out.append(KeyBinding(keys: [.f(5)], label: t("centre.ui.keys.suggest"), help: t("centre.ui.keys.suggest_long"), group: g,
                                  showInBar: true, priority: 7))
        }
        if picking {
            out.append(KeyBinding(keys: [.up, .down], label: t("centre.ui.keys.choose"), help: t("centre.ui.keys.choose_long"), group: g,
                                  showInBar: true, priority: 6))
        }
        return out
    }
}
