/// Records that a report left the system. A report lists people (missed
/// visits, staff workloads), so it is an export of personal data: who ran
/// it, for what period, how many rows, into which folder — checked and
/// written under the log lock like every command, with the role as it is now.
public struct RecordReportExport: DeskCommand {
    public var period: DashboardPeriod
    public var rows: Int
    public var folder: String

    public init(period: DashboardPeriod, rows: Int, folder: String) {
        self.period = period
        self.rows = rows
        self.folder = folder
    }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        guard context.actor.role.can(.runReports) else {
            throw .notAllowed(Problem("dashboard.report.not_allowed", [context.actor.name]))
        }
        try context.require(.exportData)
        return [ExportMade(what: "report.\(period.kind.rawValue)", scope: period.code, rows: rows, file: folder)]
    }
}
