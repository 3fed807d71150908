import DeskCore
import DeskTUI

/// One cadre's file: a fixed head (name, key facts, the alert band, status)
/// over a scrolling page, with a second tab for the history of changes.
/// Reads the file from the state at every frame, so another terminal's
/// change shows at once.
struct CadreFileView {
    let id: ID<Cadre>
    var tab = Tab.file
    /// First page line shown (clamped when drawn).
    var scroll = 0

    enum Tab { case file, history }

    init(_ id: ID<Cadre>) { self.id = id }

    /// Scroll and tab keys; nil when the key is not one of them.
    mutating func handle(_ key: Key, _ app: AppContext) -> Bool {
        let page = max(1, pageHeight(app) - 1)
        let maxScroll = max(0, lineCount(app) - pageHeight(app))
        switch key {
        case .up, .char("k"): scroll -= 1
        case .down, .char("j"): scroll += 1
        case .pageUp: scroll -= page
        case .pageDown, .char(" "): scroll += page
        case .home, .char("g"): scroll = 0
        case .end, .char("G"): scroll = maxScroll
        case .char("h"):
            tab = tab == .file ? .history : .file
            scroll = 0
        default: return false
        }
        scroll = min(max(0, scroll), maxScroll)
        return true
    }

    // MARK: Layout

    func head(_ c: Cadre, _ app: AppContext, width: Int) -> [PageLine] {
        let t = app.text
        var out: [PageLine] = []
        let facts = [t("roster.gender.\(c.gender.rawValue)"), t("app.picker.age", c.age(on: app.today)),
                     t("roster.category.\(c.category.rawValue)"), t("roster.rank.\(c.rank.rawValue)")].joined(separator: " · ")
        var pieces = [PageLine.Piece(text: c.name, style: Style(.header, .bold)),
                      PageLine.Piece(text: "  " + facts, style: Style(.normal)),
                      PageLine.Piece(text: "  " + t("roster.view.file_number", c.id.raw), style: Style(.muted))]
        if c.isDeceased { pieces.append(PageLine.Piece(text: "  " + t("roster.state.deceased"), style: Style(.warning, .bold))) }
        out.append(PageLine(pieces))
        if !c.alerts.isEmpty {
            // The alert band: on every lookup, never scrolled away.
            let text = "⚠ " + t("roster.view.alerts") + " " + c.alerts.joined(separator: "  ·  ")
            for line in WordWrap.lines(text, width: max(10, width - 2)) {
                out.append(PageLine(" " + line, Style(.alert, .bold), band: Style(.alert)))
            }
        }
        var status: [String] = []
        if let d = c.deceasedOn { status.append(t("roster.view.deceased_band", app.display.date(d))) }
        if let h = c.hospitalisedSince { status.append(t("roster.view.hospitalised_band", app.display.shortDate(h))) }
        if let e = c.livingElsewhere { status.append(t("roster.view.elsewhere_band", e.place)) }
        if !status.isEmpty {
            for line in WordWrap.lines(status.joined(separator: "  "), width: max(10, width - 2)) {
                out.append(PageLine(" " + line, Style(.warning)))
            }
        }
        let file = " " + t("roster.file") + " ", history = " " + t("roster.history") + " "
        out.append(PageLine([PageLine.Piece(text: file, style: Style(tab == .file ? .tabActive : .tabInactive)),
                             PageLine.Piece(text: history, style: Style(tab == .history ? .tabActive : .tabInactive)),
                             PageLine.Piece(text: "  " + t("roster.view.tab_hint"), style: Style(.muted))]))
        return out
    }

    func body(_ c: Cadre, _ app: AppContext, width: Int) -> [PageLine] {
        switch tab {
        case .file: CadreFilePage.lines(c, app, width: width)
        case .history: CadreFilePage.history(c, app, width: width)
        }
    }

    func pageHeight(_ app: AppContext) -> Int {
        guard let c = app.state.roster[id] else { return 1 }
        return max(1, app.bodySize.height - head(c, app, width: app.bodySize.width).count)
    }

    func lineCount(_ app: AppContext) -> Int {
        guard let c = app.state.roster[id] else { return 0 }
        return body(c, app, width: app.bodySize.width).count
    }

    func draw(in canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        guard let c = app.state.roster[id] else {
            canvas.put(app.text("roster.not_found", id.raw), at: rect.origin, style: Style(.warning), maxWidth: rect.width)
            return
        }
        let top = head(c, app, width: rect.width)
        var y = rect.y
        for line in top where y < rect.maxY {
            line.draw(in: &canvas, row: Rect(x: rect.x, y: y, width: rect.width, height: 1))
            y += 1
        }
        let lines = body(c, app, width: rect.width)
        let height = rect.maxY - y
        guard height > 0 else { return }
        let first = min(max(0, scroll), max(0, lines.count - height))
        for (i, line) in lines.dropFirst(first).prefix(height).enumerated() {
            line.draw(in: &canvas, row: Rect(x: rect.x, y: y + i, width: rect.width, height: 1))
        }
        if first > 0 { canvas.put("▲", at: Point(x: rect.maxX - 1, y: y), style: Style(.muted)) }
        if first + height < lines.count { canvas.put("▼", at: Point(x: rect.maxX - 1, y: rect.maxY - 1), style: Style(.muted)) }
    }
}
