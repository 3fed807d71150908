import ArgumentParser
import DeskCore
import Foundation

/// `cadredesk sample`: writes a realistic, deterministic log through the same
/// commands the screens use (the committed demo log and the benchmark logs).
struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a sample log (deterministic for a seed) through the real commands.")

    @Option(help: "The log file to create (must not exist).")
    var out: String
    @Option(help: "Number of cadres.")
    var cadres = 300
    @Option(help: "Years of history to generate (visits, tickets, bookings).")
    var years = 1
    @Option(help: "Random seed.")
    var seed: UInt64 = 2026
    @Option(help: "The last day of the history (YYYY-MM-DD).")
    var today = "2026-11-23"
    @Option(help: "Language of messages: zh (default) or en.")
    var lang: String?

    func run() throws {
        let text = Localizer(Lang.resolve(option: lang))
        guard let end = LocalDate(today) else { throw ValidationError(text("app.bad_date")) }
        guard !FileManager.default.fileExists(atPath: out) else { throw ValidationError(text("cli.sample_exists", out)) }
        let started = ContinuousClock.now
        var o = Desk.Options()
        o.create = true
        // Every record is stamped 18:00 on the last day (China time), not with the time the
        // generator happens to run: the same seed gives the same sample on any day, and the
        // records say which day the sample stands at (`cadredesk demo` starts the next morning).
        let desk = try Desk(path: out, clock: .fixed(LocalDateTime(end, LocalTime(18, 0))), options: o)
        try desk.perform(CreateFirstAdmin(login: "admin", name: "周文华"), as: Staff.bootstrapID)
        let generator = SampleGenerator(seed: seed, cadres: cadres, years: years, today: end)
        do {
            let summary = try generator.write(to: desk, as: Staff.bootstrapID, parts: SampleGenerator.allParts)
            let seconds = Double((ContinuousClock.now - started).components.seconds)
            print(text("cli.sample_done", out, summary.staff, summary.cadres, desk.log.lastSeq, String(format: "%.0f", seconds)))
        } catch {
            print(text("cli.sample_failed", error.index.map(String.init) ?? "-", error.error.problems.map(text.message).joined(separator: " ")))
            throw ExitCode(1)
        }
    }
}
