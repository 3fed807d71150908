import DeskCore
import DeskTUI

/// Find a cadre as you type — hanzi, full pinyin, initials (`zs` → 张三),
/// phone or its last 4 digits (own or family), ID tail, file number — and pick
/// one with ↑↓ and Enter. Used wherever a screen needs a person: visit entry,
/// hotline intake, check-in, bookings. Phones and ID numbers are masked unless
/// the session may see them.
public struct CadrePicker {
    public private(set) var field: TextField
    public private(set) var hits: [RosterSearch.Hit] = []
    public private(set) var total = 0
    public private(set) var selected = 0
    /// How many results to keep (the list shows what fits).
    public var limit = 30

    public enum Outcome: Equatable {
        /// The query or the selection changed.
        case changed
        case picked(ID<Cadre>)
        /// Esc on an empty field.
        case cancelled
        case ignored
    }

    public init(placeholder: String = "", query: String = "") {
        field = TextField(text: query, placeholder: placeholder, maxLength: 40)
    }

    public var query: String { field.text }
    public var selectedID: ID<Cadre>? { hits.indices.contains(selected) ? hits[selected].id : nil }

    /// Re-runs the search (after typing, or when the roster changed in another terminal),
    /// as the signed-in role may search: digits match only what it sees of a file.
    public mutating func search(_ app: AppContext) {
        let keep = selectedID
        let r = app.state.roster.find(field.text, limit: limit, as: app.role)
        hits = r.hits
        total = r.total
        selected = keep.flatMap { id in hits.firstIndex { $0.id == id } } ?? 0
    }

    /// Empties the query (after a pick, ready for the next name).
    public mutating func clear(_ app: AppContext) {
        field = TextField(placeholder: field.placeholder, maxLength: 40)
        search(app)
    }

    public mutating func handle(_ key: Key, _ app: AppContext) -> Outcome {
        switch key {
        case .up: if selected > 0 { selected -= 1 }; return .changed
        case .down: if selected + 1 < hits.count { selected += 1 }; return .changed
        case .enter: return selectedID.map { .picked($0) } ?? .ignored
        case .escape:
            if field.text.isEmpty { return .cancelled }
            clear(app)
            return .changed
        default:
            switch field.handle(key) {
            case .changed: search(app); return .changed
            case .moved: return .changed
            case .ignored: return .ignored
            }
        }
    }

    /// The query line at the top of `rect`, results below (one per line).
    /// `marked`: cadres already chosen (a multi-select, e.g. a festival round) show `✓`.
    public func draw(in canvas: inout some Canvas, rect: Rect, _ app: AppContext, label: String, marked: Set<ID<Cadre>> = []) {
        guard rect.height > 0 else { return }
        let lw = DisplayWidth.of(label) + 1
        _ = canvas.put(label, at: rect.origin, style: Style(.normal, .bold), maxWidth: rect.width)
        let fieldRect = Rect(x: rect.x + lw, y: rect.y, width: min(30, max(0, rect.width - lw)), height: 1)
        field.draw(in: &canvas, rect: fieldRect, focused: true)
        canvas.cursor = Point(x: fieldRect.x + field.cursorColumn(width: fieldRect.width), y: rect.y)
        if !field.text.isEmpty {
            let count = app.text("app.picker.count", total)
            _ = canvas.put(count, at: Point(x: fieldRect.maxX + 2, y: rect.y), style: Style(.muted), maxWidth: max(0, rect.maxX - fieldRect.maxX - 2))
        }
        let rows = rect.height - 1
        guard rows > 0 else { return }
        if !field.text.isEmpty && hits.isEmpty {
            _ = canvas.put(app.text("app.picker.none"), at: Point(x: rect.x + 2, y: rect.y + 1), style: Style(.muted), maxWidth: rect.width - 2)
            return
        }
        let first = max(0, min(selected - rows + 1, hits.count - rows))
        for (i, hit) in hits.enumerated().dropFirst(first).prefix(rows) {
            guard let c = app.state.roster[hit.id] else { continue }
            let y = rect.y + 1 + i - first
            let line = (marked.isEmpty ? "" : marked.contains(c.id) ? "✓ " : "  ") + CadrePicker.line(c, hit, app)
            let style = Style(i == selected ? .selected : (hit.deceased ? .muted : .normal))
            canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style)
            _ = canvas.put(line, at: Point(x: rect.x + 1, y: y), style: style, maxWidth: rect.width - 1)
            if !c.alerts.isEmpty, i != selected {
                let mark = "⚠"
                _ = canvas.put(mark, at: Point(x: rect.x, y: y), style: Style(.warning))
            }
        }
    }

    /// `张三  男 93岁 离休  东风社区  138****5678  · 拼音 zs`
    static func line(_ c: Cadre, _ hit: RosterSearch.Hit, _ app: AppContext) -> String {
        summary(c, app, wholePhone: app.can(.viewPersonalDetails)) + "  · " + RosterText.matchLabel(hit, c, app.text)
    }

    /// The person, as the results and a form that picked one show it:
    /// `张三  男 93岁 离休  东风社区  138****5678` (the phone whole only if asked and allowed).
    public static func summary(_ c: Cadre, _ app: AppContext, wholePhone: Bool = false) -> String {
        let d = app.display, t = app.text
        var parts = [c.name, t("roster.gender.\(c.gender.rawValue)"), t("app.picker.age", c.age(on: app.today)),
                     t("roster.category.\(c.category.rawValue)"), c.community]
        if let p = c.phone { parts.append(d.phone(p, whole: wholePhone && app.can(.viewPersonalDetails))) }
        if c.isDeceased { parts.append(t("app.picker.deceased")) }
        return parts.filter { !$0.isEmpty }.joined(separator: "  ")
    }
}
