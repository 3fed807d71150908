import DeskCore
import Foundation

/// Writes a report into a folder: `summary.md` (the headline and every
/// table, in the session's language) and one CSV per table, numbered in
/// the summary's order. Used by `cadredesk report` and the dashboard's
/// report form. The export is recorded in the log first (it carries
/// personal data); a refusal writes nothing.
public enum ReportWriter {
    public struct Written: Sendable, Hashable {
        public var folder: String
        public var files: [String]
        public var rows: Int
    }

    public static func write(_ period: DashboardPeriod, desk: Desk, as actor: ID<Staff>, folder: String,
                             text: Localizer) throws(DeskError) -> Written {
        let now = desk.clock.local
        let dashboard = desk.state.dashboard(period, now: now)
        let report = DashboardReport(dashboard, state: desk.state)
        let render = ReportRenderer(display: Display(text))
        let path = (folder as NSString).standardizingPath
        try desk.perform(RecordReportExport(period: period, rows: report.rowCount, folder: path), as: actor)
        var files: [(String, [UInt8])] = []
        for (i, t) in report.tables.enumerated() {
            files.append(((i < 9 ? "0" : "") + "\(i + 1)-\(t.id).csv", SpreadsheetCSV.bytes(render.csvRows(t))))
        }
        let who = desk.state.staff[actor]?.name ?? actor.raw
        files.insert(("summary.md", Array(render.markdown(report, centre: desk.state.settings.centreName, by: who, at: now).utf8)), at: 0)
        do {
            // Personal data: owner and group only, like the log.
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
            for (name, bytes) in files {
                let file = path + "/" + name
                try Data(bytes).write(to: URL(fileURLWithPath: file), options: .atomic)
                try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file)
            }
        } catch {
            throw .log(Problem("dashboard.report.write_failed", [path, error.localizedDescription]))
        }
        return Written(folder: path, files: files.map { path + "/" + $0.0 }, rows: report.rowCount)
    }
}

/// Turns a report's typed cells into text: for people (Markdown, through
/// `Display`) or for spreadsheets (CSV: plain numbers they can add up).
struct ReportRenderer {
    let display: Display
    var text: Localizer { display.text }

    func markdown(_ r: DashboardReport, centre: String, by: String, at: LocalDateTime) -> String {
        let d = display
        let name = d.reportPeriod(r.period)
        var out = "# \(text("dashboard.report.title", centre, name))\n\n"
        out += text("dashboard.report.meta", d.date(r.period.period.start), d.date(r.period.period.end), d.date(at.date) + " " + d.time(at.time), by)
        out += "\n\n**" + headline(r) + "**\n"
        for t in r.tables {
            out += "\n## \(text(t.title))\n\n"
            guard !t.rows.isEmpty else {
                out += text("dashboard.report.empty") + "\n"
                continue
            }
            out += "| " + t.columns.map { cell(text($0)) }.joined(separator: " | ") + " |\n"
            out += "|" + t.rows[0].map { isNumber($0) ? " ---: |" : " --- |" }.joined() + "\n"
            for row in t.rows { out += "| " + row.map { cell(screenText($0)) }.joined(separator: " | ") + " |\n" }
        }
        return out
    }

    /// 2026年10月:走访 4,180 人次,电话联系 8,000 次,收集意见建议 504 条,解决问题 367 个;满意度 97.3%(回访 200 人次)。
    func headline(_ r: DashboardReport) -> String {
        let h = r.headline, d = display
        return text("dashboard.report.headline", d.reportPeriod(r.period), d.count(h.inPersonVisits), d.count(h.phoneContacts),
                    d.count(h.suggestions), d.count(h.problemsSolved), d.percent(h.satisfaction), d.count(h.rated))
    }

    func csvRows(_ t: ReportTable) -> [[String]] {
        [t.columns.map { text($0) }] + t.rows.map { $0.map(csvText) }
    }

    /// A cell as people read it.
    func screenText(_ c: ReportCell) -> String {
        let d = display
        switch c {
        case .text(let s): return s
        case .label(let k): return text(k)
        case .count(let n): return d.count(n)
        case .change(let n): return d.change(n)
        case .percent(let p): return d.percent(p)
        case .workingMinutes(let m): return d.hours(m)
        case .years(let y): return d.years(y)
        case .money(let m): return d.money(m)
        case .date(let day): return d.date(day)
        case .month(let m): return d.month(m)
        }
    }

    /// A cell for a spreadsheet: numbers without grouping or units (the column says the unit).
    func csvText(_ c: ReportCell) -> String {
        switch c {
        case .count(let n), .change(let n): return String(n)
        case .percent(let p): return p.map { String(format: "%.1f", $0) } ?? ""
        case .workingMinutes(let m): return m.map { String(format: "%.1f", Double($0) / 60) } ?? ""
        case .years(let y): return y.map { String(format: "%.1f", $0) } ?? ""
        case .money(let m): return String(format: "%.2f", Double(m.fen) / 100)
        case .month(let m): return String(m.description.prefix(7))
        default: return screenText(c)
        }
    }

    func isNumber(_ c: ReportCell) -> Bool {
        switch c {
        case .text, .label, .date, .month: return false
        default: return true
        }
    }

    /// Markdown table cells cannot hold `|` or line breaks.
    func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "／").replacingOccurrences(of: "\n", with: " ") }
}
