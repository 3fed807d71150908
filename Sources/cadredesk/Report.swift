import ArgumentParser
import DeskApp
import DeskCore
import Foundation

/// `cadredesk report month 2026-10` / `quarter 2026Q3` / `year 2026`: writes
/// the summary (Markdown) and the tables (CSV for spreadsheets) of a period,
/// as the OS user's staff member, who must be a supervisor or admin. The
/// export is recorded in the log first.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a monthly, quarterly or yearly report: summary.md and CSV tables (supervisors and admins).",
        discussion: """
        Examples: cadredesk report month 2026-10 · cadredesk report quarter 2026Q3 · cadredesk report year 2026
        · cadredesk report custom 2026-10-01..2026-12-31. The report holds personal data: the export is recorded in the log.
        """)

    @OptionGroup var common: CommonOptions
    @Argument(help: "month, quarter, year or custom.")
    var kind: String
    @Argument(help: "2026-10, 2026Q3, 2026 or 2026-10-01..2026-12-31.")
    var period: String
    @Option(help: "Folder to write into (default: ./cadredesk-report-<period>).")
    var out: String?

    func run() throws {
        let t = common.text
        guard let k = DashboardPeriod.Kind(rawValue: kind.lowercased()), k != .week else { throw ValidationError(t("dashboard.cli.kind")) }
        guard let p = DashboardPeriod.parse(period, as: k) else { throw ValidationError(t("dashboard.cli.bad_period", period)) }
        let (desk, staff) = try CommandLineStaff.open(common, notStaff: "dashboard.cli.no_staff",
                                                      sharedAccount: "dashboard.cli.shared_account", refusedExit: 3)
        guard p.period.start <= desk.clock.today else {
            print(t("dashboard.cli.future", period))
            throw ExitCode(1)
        }
        let folder = out ?? FileManager.default.currentDirectoryPath + "/cadredesk-report-" + p.code
        do {
            let written = try ReportWriter.write(p, desk: desk, as: staff.id, folder: folder, text: t)
            print(t("dashboard.cli.written", written.folder))
            for f in written.files { print("  " + f) }
        } catch {
            print(error.problems.map(t.message).joined(separator: "\n"))
            if case .notAllowed = error { throw ExitCode(3) }
            throw ExitCode(1)
        }
    }
}
