import DeskCore
import DeskTUI
import Foundation

/// Exporting the list on screen (the chosen named list or grouping, or every
/// living cadre) to a CSV file a spreadsheet opens; the export is recorded
/// in the log (who, what, how many rows, where) before the file is written.
struct RosterExportForm {
    var form: Form
    let filters: [RosterFilter]
    let listLabel: String
    /// "The file exists: replace it?"
    var confirm: Dialog?
    var message: String?

    init(filters: [RosterFilter], listLabel: String, listName: String, _ app: AppContext) {
        let t = app.text
        self.filters = filters
        self.listLabel = listLabel
        let name = t("roster.export.file_name", listName, app.today.description)
            .map { "/\\:*?\"<>| ".contains($0) ? "-" : $0 }
        form = Form(fields: [
            .text("path", label: t("roster.export.path"), text: FileManager.default.currentDirectoryPath + "/" + String(name),
                  required: true, maxLength: 400, width: 60),
        ], strings: FormProblems.strings(t))
    }

    func path(_ v: FormValues) -> String { (v.text("path").trimmed as NSString).expandingTildeInPath }

    /// Writes the file (after asking when it exists, unless `replace`). Returns the row count, or nil.
    mutating func export(_ v: FormValues, replace: Bool, _ app: AppContext) -> Int? {
        let t = app.text
        let path = path(v)
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            if isDir.boolValue {
                form.setError(t("roster.export.is_folder"), forField: "path")
                return nil
            }
            if !replace {
                confirm = Dialog.confirm(message: t("roster.export.replace", path), yes: t("roster.export.replace_yes"), no: t("app.no"))
                return nil
            }
        }
        let folder = (path as NSString).deletingLastPathComponent
        guard FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) else {
            form.setError(t("roster.export.cannot_write", folder), forField: "path")
            return nil
        }
        do {
            return try RosterExport.export(app.desk, as: app.staff.id, filters: filters, to: path, lang: app.text.lang)
        } catch let e as DeskError {
            message = e.problems.map(t.message).joined(separator: " ")
        } catch {
            form.setError(t("roster.export.failed", "\(error.localizedDescription)"), forField: "path")
        }
        return nil
    }

    func draw(in canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        let t = app.text
        var (head, rest) = rect.splitTop(1)
        canvas.put(t("roster.export.title", listLabel), at: head.origin, style: Style(.header), maxWidth: head.width)
        var notes = WordWrap.lines(t("roster.export.explain"), width: max(10, rect.width - 2)).map { ($0, DeskTUI.Role.muted) }
        if let message { notes += WordWrap.lines(message, width: max(10, rect.width - 2)).map { ($0, DeskTUI.Role.error) } }
        for (line, role) in notes where rest.height > 2 {
            (head, rest) = rest.splitTop(1)
            canvas.put(line, at: Point(x: head.x + 1, y: head.y), style: Style(role), maxWidth: head.width - 1)
        }
        (_, rest) = rest.splitTop(1)
        form.draw(in: &canvas, rect: rest.insetBy(dx: 1, dy: 0))
        confirm?.draw(in: &canvas, rect: rect)
    }
}
