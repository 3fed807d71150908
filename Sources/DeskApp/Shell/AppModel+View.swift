import DeskCore
import DeskLog
import DeskTUI

extension AppModel {
    public static let minimumSize = Size(width: 80, height: 24)

    public func view(_ canvas: inout some Canvas) {
        canvas.clear()
        canvas.cursor = nil
        let area = Rect(size: canvas.size)
        guard canvas.size.width >= Self.minimumSize.width, canvas.size.height >= Self.minimumSize.height else {
            let msg = text("app.too_small", Self.minimumSize.width, Self.minimumSize.height, canvas.size.width, canvas.size.height)
            for (i, line) in WordWrap.lines(msg, width: max(10, area.width - 2)).enumerated() where i < area.height {
                _ = canvas.put(line, at: Point(x: 1, y: i), style: Style(.warning))
            }
            return
        }
        switch session {
        case .firstRun(let prompt): drawFirstRun(prompt, &canvas, area)
        case .unknownUser: drawUnknownUser(&canvas, area)
        case .pin(let prompt): drawPin(prompt, &canvas, area, unlocking: false)
        case .locked(let prompt): drawLocked(prompt, &canvas, area)
        case .signedIn: drawSignedIn(&canvas, area)
        }
    }

    func drawSignedIn(_ canvas: inout some Canvas, _ area: Rect) {
        guard let ctx = context else { return }
        let (titleRow, rest) = area.splitTop(1)
        let (tabRow, rest2) = rest.splitTop(1)
        var (body, barRow) = rest2.splitBottom(1)
        let d = ctx.display
        let now = ctx.now
        var right = "\(ctx.staff.name) \(d.role(ctx.role))  \(d.shortDate(now.date)) \(d.weekday(now.date)) \(d.time(now.time))"
        if !desk.isWritable { right += "  " + text("log.status.read_only") }
        let screenTitle = screens.indices.contains(active) ? screens[active].title(ctx) : ""
        TitleBar(left: desk.state.settings.centreName, center: "\(text("app.name")) · \(screenTitle)", right: right)
            .draw(in: &canvas, rect: titleRow)
        let badges = self.badges.flatMap { $0.key == badgeKey(ctx) ? $0.values : nil } ?? screens.map { $0.badge(ctx) }
        let titles = zip(screens, badges).map { s, b in s.title(ctx) + (b.map { " " + $0 } ?? "") }
        Tabs(titles: titles, active: active).draw(in: &canvas, rect: tabRow)
        if let warning = logWarning {
            let (band, below) = body.splitTop(1)
            canvas.fill(band, style: Style(.alert))
            _ = canvas.put(warning, at: band.origin, style: Style(.alert), maxWidth: band.width)
            body = below
        }
        if screens.indices.contains(active) {
            ctx.bodySize = Size(width: body.width, height: body.height)
            screens[active].view(&canvas, rect: body, ctx)
        } else {
            _ = canvas.put(text("app.no_screens"), at: Point(x: body.x + 2, y: body.y + 1), style: Style(.muted))
        }
        let own = screens.indices.contains(active) ? screens[active].bindings(ctx) : []
        KeyBar.draw(own + globalBindings, in: &canvas, rect: barRow)
        if let toast { toast.draw(in: &canvas, rect: body.row(body.height - 1)) }
        help?.draw(in: &canvas, rect: body)
        if let dialog { dialog.dialog.draw(in: &canvas, rect: area) }
    }

    /// Why the log cannot be written, for the band under the tabs.
    var logWarning: String? {
        if let u = desk.unreadable { return text("log.unreadable_record", u.line, u.type) }
        switch desk.log.readOnlyReason {
        case nil: return nil
        case .corrupt(let c)?: return text("log.status.corrupt", c.line, c.offset, c.problem.description, c.validRecordsAfter)
        case .newer(let n)?: return text("log.status.newer_version", n.line, n.kind.description)
        case .noWritePermission(let f)?: return text("log.status.no_permission", f.description)
        case .requested?: return text("log.status.requested")
        }
    }

    // MARK: Sign-in screens

    func box(_ canvas: inout some Canvas, _ area: Rect, height: Int) -> Rect {
        let width = min(area.width - 4, 68)
        let r = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(1, (area.height - height) / 2), width: width, height: height)
        Box.draw(in: &canvas, rect: r, style: Style(.border), title: text("app.name") + " · " + desk.state.settings.centreName)
        return r.insetBy(dx: 2, dy: 1)
    }

    func drawLines(_ lines: [String], _ canvas: inout some Canvas, _ inner: Rect, from row: Int = 0, style: Style = Style(.normal)) -> Int {
        var y = inner.y + row
        for para in lines {
            for l in WordWrap.lines(para, width: inner.width) where y < inner.y + inner.height {
                _ = canvas.put(l, at: Point(x: inner.x, y: y), style: style, maxWidth: inner.width)
                y += 1
            }
        }
        return y - inner.y
    }

    func drawFirstRun(_ prompt: FirstRunPrompt, _ canvas: inout some Canvas, _ area: Rect) {
        let inner = box(&canvas, area, height: 14)
        var row = drawLines([text("app.first_run.title"), text("app.first_run.explain", identity.osLogin)], &canvas, inner)
        row += 1
        let label = text("app.first_run.name") + " "
        let lw = DisplayWidth.of(label)
        _ = canvas.put(label, at: Point(x: inner.x, y: inner.y + row), style: Style(.normal))
        prompt.name.draw(in: &canvas, rect: Rect(x: inner.x + lw, y: inner.y + row, width: min(24, inner.width - lw), height: 1), focused: true)
        canvas.cursor = Point(x: inner.x + lw + prompt.name.cursorColumn(width: min(24, inner.width - lw)), y: inner.y + row)
        row += 2
        if let m = prompt.message { row += drawLines([m], &canvas, inner, from: row, style: Style(.error)) }
        _ = drawLines([text("app.first_run.keys")], &canvas, inner, from: inner.height - 1, style: Style(.muted))
    }

    func drawUnknownUser(_ canvas: inout some Canvas, _ area: Rect) {
        let inner = box(&canvas, area, height: 10)
        let message = desk.state.staff.byID.isEmpty ? text("app.unknown.empty_read_only") : text("app.unknown.message", identity.osLogin)
        _ = drawLines([text("app.unknown.title"), message], &canvas, inner)
        _ = drawLines([text("app.unknown.keys")], &canvas, inner, from: inner.height - 1, style: Style(.muted))
    }

    func drawPin(_ prompt: PinPrompt, _ canvas: inout some Canvas, _ area: Rect, unlocking: Bool) {
        let inner = box(&canvas, area, height: 12)
        var row = drawLines([unlocking ? text("app.lock.title") : text("app.pin.title")], &canvas, inner)
        row += 1
        let whoLabel = text("app.pin.who") + " ", pinLabel = text("app.pin.pin") + " "
        let lw = max(DisplayWidth.of(whoLabel), DisplayWidth.of(pinLabel))
        let fieldWidth = min(20, inner.width - lw)
        if let fixed = prompt.fixedStaff {
            let name = desk.state.staff[fixed]?.name ?? fixed.raw
            _ = canvas.put(DisplayWidth.pad(whoLabel, to: lw) + name, at: Point(x: inner.x, y: inner.y + row), style: Style(.normal))
        } else {
            _ = canvas.put(whoLabel, at: Point(x: inner.x, y: inner.y + row), style: Style(.normal))
            prompt.who.draw(in: &canvas, rect: Rect(x: inner.x + lw, y: inner.y + row, width: fieldWidth, height: 1), focused: prompt.focus == 0)
            if prompt.focus == 0 { canvas.cursor = Point(x: inner.x + lw + prompt.who.cursorColumn(width: fieldWidth), y: inner.y + row) }
        }
        row += 1
        _ = canvas.put(pinLabel, at: Point(x: inner.x, y: inner.y + row), style: Style(.normal))
        // The PIN is never drawn, only a dot per digit.
        let dots = String(repeating: "•", count: prompt.pin.characters.count)
        canvas.putField(dots, at: Point(x: inner.x + lw, y: inner.y + row), width: fieldWidth,
                        style: Style(prompt.focus == 1 ? .inputFocused : .input))
        if prompt.focus == 1 { canvas.cursor = Point(x: inner.x + lw + prompt.pin.characters.count, y: inner.y + row) }
        row += 2
        if let m = prompt.message { _ = drawLines([m], &canvas, inner, from: row, style: Style(.error)) }
        _ = drawLines([unlocking ? text("app.lock.keys") : text("app.pin.keys")], &canvas, inner, from: inner.height - 1, style: Style(.muted))
    }

    func drawLocked(_ prompt: PinPrompt?, _ canvas: inout some Canvas, _ area: Rect) {
        if let prompt { drawPin(prompt, &canvas, area, unlocking: true); return }
        let inner = box(&canvas, area, height: 8)
        let name = context?.staff.name ?? ""
        _ = drawLines([text("app.lock.title"), text("app.lock.press_enter", name)], &canvas, inner)
    }
}
