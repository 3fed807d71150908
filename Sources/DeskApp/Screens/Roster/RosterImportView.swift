import DeskCore
import DeskTUI
import Foundation

/// Importing a roster spreadsheet from the screen: the file's path, then the
/// dry run's report (row, column, problem and its fix), then — only when the
/// file has no errors — all rows as one batch after a confirmation. Nothing
/// is ever half-imported. `r` reads the file again after it was corrected.
struct RosterImportView {
    var pathForm: Form
    private(set) var path = ""
    private(set) var plan: RosterImport.Plan?
    var issues = Table<Int>(columns: [], emptyMessage: "", noMatchesMessage: "")
    var confirm: Dialog?
    var message: String?

    init(_ app: AppContext) {
        let t = app.text
        pathForm = Form(fields: [
            .text("path", label: t("roster.import.path"), text: FileManager.default.currentDirectoryPath + "/",
                  required: true, maxLength: 400, width: 60),
        ], strings: FormProblems.strings(t))
    }

    var showsReport: Bool { plan != nil }
    var capturesText: Bool { plan == nil }

    /// Reads and checks the file; on an unreadable path, says so beside the field.
    mutating func check(_ path: String, _ app: AppContext) {
        let t = app.text
        let expanded = (path.trimmed as NSString).expandingTildeInPath
        guard let data = FileManager.default.contents(atPath: expanded) else {
            plan = nil
            pathForm.setError(t("roster.import.cannot_read", expanded), forField: "path")
            return
        }
        self.path = expanded
        let p = RosterImport.plan(Array(data), state: app.state, today: app.today)
        plan = p
        message = nil
        issues = Table(columns: [
            TableColumn(t("roster.import.col.row"), width: .fixed(6), alignment: .right, sorting: .numeric),
            TableColumn(t("roster.import.col.column"), width: .min(6)),
            TableColumn(t("roster.import.col.kind"), width: .fixed(4)),
            TableColumn(t("roster.import.col.problem"), width: .flex(min: 20)),
        ], rows: p.issues.enumerated().map { i, issue in
            TableRow(id: i, cells: [issue.row == 0 ? "" : String(issue.row), issue.column,
                                    t(issue.isWarning ? "roster.import.warning" : "roster.import.error"), t.message(issue.problem)],
                     emphasis: issue.isWarning ? .warning : .error)
        }, emptyMessage: t("roster.import.no_issues"), noMatchesMessage: t("app.no_matches"))
    }

    /// The report's summary lines.
    func summary(_ app: AppContext) -> [String] {
        guard let p = plan else { return [] }
        let t = app.text
        let encoding = p.encoding.map { t("roster.import.encoding.\($0.rawValue)") } ?? "-"
        var out = [t("roster.import.summary", path, encoding, p.rows, p.commands.count)]
        if !p.errors.isEmpty {
            out.append(t("roster.import.has_errors", p.errors.count, p.badRows.count))
        } else if p.canImport {
            out.append(t("roster.import.ready", p.commands.count) + (p.warnings.isEmpty ? "" : " " + t("roster.import.with_warnings", p.warnings.count)))
        }
        return out
    }

    /// Asks before importing; refuses (with the reason) when the plan has errors.
    mutating func askToImport(_ app: AppContext) {
        guard let p = plan else { return }
        let t = app.text
        guard p.canImport else {
            message = p.errors.isEmpty ? t("roster.import.nothing") : t("roster.import.fix_first")
            return
        }
        var text = t("roster.import.confirm", p.commands.count)
        if !p.warnings.isEmpty { text += "\n" + t("roster.import.confirm_warnings", p.warnings.count) }
        confirm = Dialog.confirm(title: t("roster.import.title"), message: text, yes: t("roster.import.yes"), no: t("app.no"))
    }

    /// Imports every row as one batch. Returns the new file numbers, or nil (the reason is in `message`).
    mutating func commit(_ app: AppContext) -> [ID<Cadre>]? {
        guard let p = plan else { return nil }
        let t = app.text
        do {
            return try RosterImport.commit(p, to: app.desk, as: app.staff.id, acceptWarnings: true)
        } catch {
            switch error {
            case .hasErrors(let rows): message = t("roster.import.fix_first") + " " + rows.prefix(10).map(String.init).joined(separator: "、")
            case .hasWarnings(let n): message = t("roster.import.with_warnings", n)
            case .refused(let row, let e):
                let why = e.problems.map(t.message).joined(separator: " ")
                message = row.map { t("roster.import.refused_row", $0, why) } ?? t("roster.import.refused", why)
            }
            return nil
        }
    }

    func draw(in canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        let t = app.text
        var (head, rest) = rect.splitTop(1)
        canvas.put(t("roster.import.title"), at: head.origin, style: Style(.header), maxWidth: head.width)
        guard plan != nil else {
            (head, rest) = rest.splitTop(2)
            for (i, line) in WordWrap.lines(t("roster.import.explain"), width: max(10, rect.width - 2)).prefix(2).enumerated() {
                canvas.put(line, at: Point(x: head.x + 1, y: head.y + i), style: Style(.muted), maxWidth: head.width - 1)
            }
            pathForm.draw(in: &canvas, rect: rest.insetBy(dx: 1, dy: 0))
            return
        }
        var lines = summary(app)
        if let message { lines.append(message) }
        for (i, line) in lines.enumerated() {
            for l in WordWrap.lines(line, width: max(10, rest.width - 1)) where rest.height > 3 {
                (head, rest) = rest.splitTop(1)
                let role: DeskTUI.Role = i == 0 ? .normal : (message == line || !(plan?.errors.isEmpty ?? true) ? .error : .ok)
                canvas.put(l, at: Point(x: head.x + 1, y: head.y), style: Style(role), maxWidth: head.width - 1)
            }
        }
        issues.draw(in: &canvas, rect: rest)
        confirm?.draw(in: &canvas, rect: rect)
    }
}
