import DeskCore
import DeskTUI

/// Drawing the dashboard: the period line, the section bar, the weekly trend,
/// the figures and the chart of the group under the cursor (beside the
/// figures from 110 columns, below them when narrower, left out when short).
extension DashboardScreen {
    func view(_ canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        guard let p = period else { return }
        let d = app.display
        let (top, body) = rect.splitTop(1)
        canvas.fill(top, style: Style(.header))
        var x = canvas.put(" " + d.period(p, today: app.today), at: top.origin, style: Style(.header, .bold), maxWidth: top.width)
        x = canvas.put("   " + app.text("dashboard.compare", d.lastYear(p)), at: Point(x: x, y: top.y), style: Style(.header), maxWidth: top.maxX - x)

        switch mode {
        case .customPeriod(let form), .report(let form):
            let (head, rest) = body.splitTop(2)
            let key = if case .report = mode { "dashboard.form.report_title" } else { "dashboard.form.custom_title" }
            _ = canvas.put(app.text(key), at: Point(x: head.x + 1, y: head.y + 1), style: Style(.header), maxWidth: head.width - 1)
            if case .report = mode {
                let (hint, fields) = rest.splitTop(2)
                _ = canvas.put(app.text("dashboard.form.report_hint"), at: Point(x: hint.x + 2, y: hint.y), style: Style(.muted), maxWidth: hint.width - 2)
                form.draw(in: &canvas, rect: fields.insetBy(dx: 2, dy: 0))
            } else {
                form.draw(in: &canvas, rect: rest.insetBy(dx: 2, dy: 1))
            }
            return
        case .drill(let list):
            let (head, rest) = body.splitTop(1)
            _ = canvas.put(" " + list.title(app, period: d.period(p, today: app.today)), at: head.origin, style: Style(.normal, .bold), maxWidth: head.width)
            list.table.draw(in: &canvas, rect: rest)
            return
        case .figures:
            break
        }

        let (tabs, rest) = body.splitTop(1)
        drawSections(&canvas, tabs, app)
        var (trendRow, main) = rest.splitTop(1)
        if let message {
            _ = canvas.put(" " + message, at: trendRow.origin, style: Style(.warning), maxWidth: trendRow.width)
        } else if let dash = dashboard, let (label, series) = DashboardLines(d: dash, app: app).trend(section) {
            drawTrend(&canvas, trendRow, label, series, app)
        } else {
            trendRow = Rect(x: trendRow.x, y: trendRow.y, width: trendRow.width, height: 0)
        }
        if section == .workload {
            workload.draw(in: &canvas, rect: main)
            return
        }
        let bars = chartBars()
        var tableRect = main
        var chartRect: Rect?
        if let (_, b) = bars, !b.isEmpty {
            if main.width >= 110 {
                let w = min(46, main.width / 3)
                tableRect = Rect(x: main.x, y: main.y, width: main.width - w - 1, height: main.height)
                chartRect = Rect(x: main.maxX - w, y: main.y, width: w, height: min(main.height, b.count + 2))
            } else if main.height >= 16 {
                let h = min(b.count + 2, main.height / 3)
                (tableRect, _) = main.splitBottom(h)
                chartRect = Rect(x: main.x, y: main.maxY - h, width: main.width, height: h)
            }
        }
        table.draw(in: &canvas, rect: tableRect)
        if let chartRect, let (title, b) = bars {
            let inner = Box.draw(in: &canvas, rect: chartRect, title: title)
            BarChart(bars: Array(b.prefix(inner.height))).draw(in: &canvas, rect: inner)
        }
    }

    func drawSections(_ canvas: inout some Canvas, _ row: Rect, _ app: AppContext) {
        canvas.fill(row, style: Style(.tabInactive))
        var x = canvas.put(" ←→ ", at: row.origin, style: Style(.tabInactive), maxWidth: row.width)
        for s in DashboardSection.allCases where x < row.maxX {
            x = canvas.put(" " + app.text(s.titleKey) + " ", at: Point(x: x, y: row.y), style: Style(s == section ? .tabActive : .tabInactive),
                           maxWidth: row.maxX - x)
            x += 1
        }
    }

    func drawTrend(_ canvas: inout some Canvas, _ row: Rect, _ label: String, _ series: [Int], _ app: AppContext) {
        let head = " " + label + " "
        var x = canvas.put(head, at: row.origin, style: Style(.muted), maxWidth: row.width)
        let tail = "  " + app.text("dashboard.trend.last_week", app.display.count(series.last ?? 0))
        let width = max(0, row.maxX - x - DisplayWidth.of(tail))
        let shown = Array(series.suffix(width))
        Sparkline.draw(shown.map(Double.init), in: &canvas, rect: Rect(x: x, y: row.y, width: shown.count, height: 1))
        x += shown.count
        _ = canvas.put(tail, at: Point(x: x, y: row.y), style: Style(.muted), maxWidth: row.maxX - x)
    }

    /// The bars of the charted group holding the selected figure, with the chart's title.
    func chartBars() -> (String, [BarChart.Bar])? {
        guard let id = table.selectedID, let at = lines.firstIndex(where: { $0.id == id }) else { return nil }
        guard let start = lines[...at].lastIndex(where: \.isHeading), lines[start].chart else { return nil }
        let end = lines[(start + 1)...].firstIndex(where: \.isHeading) ?? lines.endIndex
        let bars = lines[(start + 1)..<end].filter(\.chart).map { BarChart.Bar(label: $0.label, value: max(0, $0.value), valueText: $0.current) }
        return bars.isEmpty ? nil : (lines[start].label, bars)
    }
}
