import ArgumentParser
import DeskCore
import Foundation

/// `cadredesk import …`: data from spreadsheets.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import data from a spreadsheet (CSV).", subcommands: [ImportRoster.self])
}

/// `cadredesk import roster FILE.csv`: the dry-run report first (row, column,
/// problem and its fix), then every row as one batch — all or nothing.
struct ImportRoster: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Import cadres' files from a CSV file (UTF-8, with or without BOM, or GB18030).",
        discussion: """
        The first row names the columns (姓名, 性别, 出生日期, 身份证号 … as `cadredesk export roster` writes them).
        Every row is checked first and the problems are listed by row and column with the fix; only a file
        without errors is imported, all rows in one batch or none. Runs as the staff member whose login you
        are (the role needs the import permission).

        Exit status: 0 imported (or, with --dry-run, no errors); 1 the file has errors, or the roster refused
        a row meanwhile: nothing imported; 2 could not run (file, log, staff, permission); 3 not confirmed:
        nothing imported.
        """
    )

    @OptionGroup var common: CommonOptions
    @Argument(help: "The CSV file.") var file: String
    @Flag(help: "Import without asking (for scripts); warnings count as accepted.") var yes = false
    @Flag(help: "Only check the file and print the report; import nothing.") var dryRun = false

    func run() throws {
        let t = common.text
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            print(t("roster.cli.cannot_read", file, (error as NSError).localizedDescription))
            throw ExitCode(2)
        }
        let (desk, staff) = try CommandLineStaff.open(common)
        guard staff.role.can(.importRoster) else {
            print(t("error.not_allowed", Permission.importRoster.rawValue))
            throw ExitCode(2)
        }
        let plan = RosterImport.plan(bytes, state: desk.state, today: desk.clock.today)
        let encoding = plan.encoding.map { t("roster.import.encoding.\($0.rawValue)") } ?? "-"
        print(t("roster.cli.checking", file, encoding, plan.rows))
        for issue in plan.issues {
            let place = issue.row == 0 ? "" : issue.column.isEmpty ? t("roster.csv.row", issue.row) : t("roster.csv.row_column", issue.row, issue.column)
            print(t("roster.cli.issue", t(issue.isWarning ? "roster.import.warning" : "roster.import.error"), place, t.message(issue.problem)))
        }
        guard plan.errors.isEmpty else {
            print(t("roster.cli.errors", plan.errors.count, plan.badRows.count))
            throw ExitCode(1)
        }
        guard plan.canImport else {
            print(t("roster.import.nothing"))
            throw ExitCode(1)
        }
        print(plan.warnings.isEmpty ? t("roster.cli.clean", plan.commands.count) : t("roster.cli.clean_warnings", plan.commands.count, plan.warnings.count))
        if dryRun {
            print(t("roster.cli.dry_run"))
            return
        }
        if !yes {
            print(t("roster.cli.ask", plan.commands.count), terminator: " ")
            guard Answer.readYes() else {
                print(t("roster.cli.declined"))
                throw ExitCode(3)
            }
        }
        do {
            let added = try RosterImport.commit(plan, to: desk, as: staff.id, acceptWarnings: true)
            let range = added.count > 1 ? "\(added.first!.raw)–\(added.last!.raw)" : (added.first?.raw ?? "")
            print(t("roster.cli.imported", added.count, range))
        } catch {
            switch error {
            case .hasErrors, .hasWarnings: print(t("roster.cli.declined"))
            case .refused(let row, let e):
                let why = e.problems.map(t.message).joined(separator: " ")
                print(row.map { t("roster.import.refused_row", $0, why) } ?? t("roster.import.refused", why))
                if case .log = e { throw ExitCode(2) }
                if case .notAllowed = e { throw ExitCode(2) }
            }
            throw ExitCode(1)
        }
    }
}
