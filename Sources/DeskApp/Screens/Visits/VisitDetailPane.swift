import DeskCore
import DeskTUI

/// One visit in full, read back from the log (`Desk.visitDetail`): who, when,
/// what was learned, needs raised (each can become a hotline ticket), money
/// and gifts, follow-up, and the record's history (recorded, corrected, voided).
struct VisitDetailPane {
    let id: ID<Visit>
    private(set) var detail: VisitDetail?
    private(set) var error: String?
    /// The need under the cursor (for "make a ticket").
    private(set) var need = 0
    private(set) var scroll = 0

    init(_ id: ID<Visit>, _ app: AppContext) {
        self.id = id
        load(app)
    }

    /// Reads the record again (after a change here or in another terminal).
    mutating func load(_ app: AppContext) {
        do {
            detail = try app.desk.visitDetail(id)
            error = nil
        } catch {
            detail = nil
            self.error = error.problems.map(app.text.message).joined(separator: " ")
        }
        need = min(need, max(0, (detail?.record.needs.count ?? 1) - 1))
    }

    var needs: [String] { detail?.record.needs ?? [] }
    var isVoided: Bool { detail?.summary.voided ?? true }

    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .up, .char("k"): if need > 0 { need -= 1 }
        case .down, .char("j"): if need + 1 < needs.count { need += 1 }
        case .pageDown: scroll += 5
        case .pageUp: scroll = max(0, scroll - 5)
        case .home, .char("g"): scroll = 0
        default: return false
        }
        return true
    }

    // MARK: Drawing

    /// The lines of the page: (text, style), wrapped to `width`.
    func lines(_ app: AppContext, width: Int) -> [(String, Style)] {
        let t = app.text, d = app.display
        guard let detail else { return [(error ?? "", Style(.error))] }
        let r = detail.record, s = detail.summary
        var out: [(String, Style)] = []
        func add(_ label: String, _ value: String, _ style: Style = Style(.normal)) {
            let head = DisplayWidth.pad(label, to: 10, alignment: .right) + "  "
            for (i, l) in WordWrap.lines(value, width: max(10, width - 12)).enumerated() {
                out.append(((i == 0 ? head : String(repeating: " ", count: 12)) + l, style))
            }
            if value.isEmpty { out.append((head, style)) }
        }
        var title = t("visits.detail.title", r.id.raw)
        if s.voided { title += "  [" + t("visits.voided") + "]" }
        if s.amended { title += "  [" + t("visits.amended") + "]" }
        out.append((title, Style(s.voided ? .warning : .header)))
        out.append(("", Style(.normal)))
        let cadres = r.cadres.map { id -> String in
            guard let c = app.state.roster[id] else { return id.raw }
            return "\(c.name)(\(id.raw)) \(c.community)"
        }
        add(t("visits.field.cadre"), cadres.joined(separator: t("visits.list_separator")))
        add(t("visits.detail.when"), d.longDate(r.at.date) + " " + d.time(r.at.time))
        add(t("visits.field.staff"), VisitWords.staffNames(r.staff, app))
        add(t("visits.field.kind"), VisitWords.kind(r.kind, t))
        add(t("visits.field.occasion"), VisitWords.occasion(r.occasion, t))
        if r.moneyEach != .zero {
            add(t("visits.field.money"), r.cadres.count > 1 ? t("visits.detail.money_each", d.money(r.moneyEach), r.cadres.count)
                : d.money(r.moneyEach))
        }
        if !r.gifts.isEmpty { add(t("visits.field.gifts"), r.gifts) }
        if let f = r.followUp { add(t("visits.field.follow_up"), d.longDate(f)) }
        add(t("visits.field.learned"), r.learned.isEmpty ? t("visits.detail.nothing") : r.learned)
        if r.needs.isEmpty {
            add(t("visits.field.needs"), t("visits.detail.no_needs"))
        } else {
            for (i, n) in r.needs.enumerated() {
                let mark = i == need ? "▶ " : "  "
                add(i == 0 ? t("visits.field.needs") : "", mark + "\(i + 1). " + n, Style(i == need ? .selected : .normal))
            }
        }
        out.append(("", Style(.normal)))
        let at = app.desk.clock.localDateTime(of: detail.recordedAt)
        add(t("visits.detail.recorded"), t("visits.detail.by_at", VisitWords.staffName(detail.recordedBy, app), d.dateTime(at)),
            Style(.muted))
        if let why = detail.amendReason { add(t("visits.detail.amended"), why, Style(.muted)) }
        if s.voided {
            let when = detail.voidedAt.map { d.dateTime(app.desk.clock.localDateTime(of: $0)) } ?? ""
            add(t("visits.detail.voided"), t("visits.detail.void_line", VisitWords.staffName(detail.voidedBy, app), when,
                                             detail.voidReason ?? ""), Style(.warning))
        }
        return out
    }

    func draw(in canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        let all = lines(app, width: rect.width - 2)
        let top = min(scroll, max(0, all.count - rect.height))
        for (i, line) in all.dropFirst(top).prefix(rect.height).enumerated() {
            canvas.put(line.0, at: Point(x: rect.x + 1, y: rect.y + i), style: line.1, maxWidth: rect.width - 1)
        }
    }
}
