import DeskCore
import DeskTUI
import Foundation

/// The dashboard's two small forms: a custom period, and a report to write.
extension DashboardScreen {
    mutating func openCustom(_ app: AppContext) {
        let t = app.text, p = period?.period ?? .month(app.today.year, app.today.month)
        mode = .customPeriod(Form(fields: [
            .text("from", label: t("dashboard.form.from"), text: p.start.description, required: true, maxLength: 10, width: 12),
            .text("to", label: t("dashboard.form.to"), text: p.end.description, required: true, maxLength: 10, width: 12),
        ], strings: FormProblems.strings(t)))
    }

    mutating func applyCustom(_ v: FormValues, _ app: AppContext) {
        let t = app.text
        guard let from = LocalDate(v.text("from").trimmed) else { return fieldError("from", t("app.bad_date")) }
        guard let to = LocalDate(v.text("to").trimmed) else { return fieldError("to", t("app.bad_date")) }
        guard from <= to else { return fieldError("to", t("dashboard.form.to_before_from")) }
        guard from <= app.today else { return fieldError("from", t("dashboard.no_future")) }
        guard from.distance(to: to) < 366 * 5 else { return fieldError("to", t("dashboard.form.too_long")) }
        period = DashboardPeriod(kind: .custom, period: Period(start: from, end: to))
        followsToday = false
        mode = .figures
        recompute(app)
    }

    /// Prefilled with the period on screen (a month, quarter or year as its
    /// code; the current one whole, since a report covers the calendar unit).
    mutating func openReport(_ app: AppContext) {
        let t = app.text
        var p = period ?? .current(.month, today: app.today)
        if p.kind != .custom { p = DashboardPeriod(kind: p.kind, period: DashboardPeriod.whole(p.kind, containing: p.period.start)) }
        let code = p.kind == .custom ? "\(p.period.start)..\(p.period.end)" : (p.kind == .week ? DashboardPeriod.current(.month, today: p.period.start).code : p.code)
        let home = ProcessInfo.processInfo.environment["HOME"] ?? FileManager.default.currentDirectoryPath
        mode = .report(Form(fields: [
            .text("period", label: t("dashboard.form.period"), text: code, required: true, maxLength: 24, width: 24),
            .text("folder", label: t("dashboard.form.folder"), text: home + "/cadredesk-reports/" + code.replacingOccurrences(of: "..", with: "_"),
                  required: true, maxLength: 200, width: 50),
        ], strings: FormProblems.strings(t)))
    }

    mutating func writeReport(_ v: FormValues, _ app: AppContext) {
        let t = app.text
        guard let p = DashboardPeriod.parse(v.text("period")) else { return fieldError("period", t("dashboard.form.bad_period")) }
        guard p.period.start <= app.today else { return fieldError("period", t("dashboard.no_future")) }
        let folder = v.text("folder").trimmed
        do {
            let written = try ReportWriter.write(p, desk: app.desk, as: app.staff.id, folder: folder, text: t)
            mode = .figures
            app.toast(t("dashboard.report.written", app.display.count(written.files.count), written.folder))
        } catch {
            if case .log = error { app.toast(t.message(error.problems[0]), .error) }
            guard case .report(var form) = mode else { return }
            form.setError(error.problems.map(t.message).joined(separator: " "), forField: "folder")
            mode = .report(form)
        }
        // The export is in the log now: the figures moved on by one event.
        computedAt = app.state.seq
    }

    mutating func fieldError(_ field: String, _ msg: String) {
        switch mode {
        case .customPeriod(var form):
            form.show(msg, onField: field)
            mode = .customPeriod(form)
        case .report(var form):
            form.show(msg, onField: field)
            mode = .report(form)
        default:
            break
        }
    }
}
