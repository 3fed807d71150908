import DeskCore
import DeskTUI

extension MyDayScreen {
    /// Columns the supervisor's staff pane takes (its separator included).
    static func paneWidth(_ total: Int) -> Int { min(30, max(24, total / 4)) }

    /// Whose day the header names.
    func whoseName(_ app: AppContext) -> String {
        switch whose {
        case .everyone: app.text("visits.myday.everyone")
        case .staff(let s): VisitWords.staffName(s, app)
        case .unassigned: app.text("visits.unassigned")
        }
    }

    /// `到期 9 · 逾期 3`
    func countsLine(_ app: AppContext) -> String { app.text("visits.myday.counts", content.due, content.overdue) }

    func view(_ canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        if let entry {
            entry.draw(in: &canvas, rect: rect, app)
            return
        }
        guard rect.height > 4 else { return }
        let t = app.text, d = app.display
        let seesTeam = Self.seesTeam(app)

        // Who, when, and the counts at the right.
        var head = "\(whoseName(app)) · \(d.longDate(app.today))"
        if !content.covering.isEmpty {
            head += " · " + t("visits.myday.covering", VisitWords.staffNames(content.covering, app))
        }
        let counts = countsLine(app)
        let countsX = rect.maxX - DisplayWidth.of(counts)
        canvas.put(head, at: rect.origin, style: Style(.header), maxWidth: max(0, countsX - rect.x - 1))
        canvas.put(counts, at: Point(x: countsX, y: rect.y), style: Style(content.overdue > 0 ? .warning : .ok))

        var body = Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: rect.height - 2)
        var chipsX = rect.x
        if seesTeam {
            let w = Self.paneWidth(rect.width)
            let (left, right) = body.splitLeft(w)
            let mark = focus == .staff ? "▶ " : "  "
            canvas.put(mark + t("visits.myday.staff_pane"), at: Point(x: rect.x, y: rect.y + 1),
                       style: Style(focus == .staff ? .header : .muted), maxWidth: w - 1)
            team.draw(in: &canvas, rect: Rect(x: left.x, y: left.y, width: left.width - 1, height: left.height))
            for y in left.y..<left.maxY { canvas.put("│", at: Point(x: left.maxX - 1, y: y), style: Style(.border)) }
            body = right
            chipsX = right.x
        }

        // The sections, each with its key and count.
        var x = chipsX
        if seesTeam {
            x = canvas.put(focus == .items ? "▶" : " ", at: Point(x: x, y: rect.y + 1), style: Style(.header))
        }
        for s in Section.allCases where x < rect.maxX {
            let chip = " \(s.key) \(t("visits.section.\(s.rawValue)")) \(content.count(s)) "
            x = canvas.put(chip, at: Point(x: x, y: rect.y + 1), style: Style(s == section ? .tabActive : .tabInactive),
                           maxWidth: rect.maxX - x)
            x += 1
        }

        if section == .birthdays {
            birthdays.draw(in: &canvas, rect: body)
        } else {
            items.draw(in: &canvas, rect: body)
        }
    }
}
