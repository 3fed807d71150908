import ArgumentParser
import DeskCore
import Foundation

/// Issue figures for visits: all due items for today, My day after a new
/// visit (incremental), a supervisor's team view and the visit list, on
/// 15,000 cadres with five years of visits (about a million); and memory per
/// visit, by resident-set growth and by the book's own count.
struct VisitsBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "visits",
                                                    abstract: "Due items, My day after an append, memory per visit (15,000 cadres, ~1,000,000 visits).")

    @Option(help: "Cadres in the generated centre.")
    var cadres = 15_000
    @Option(help: "Years of visit history.")
    var years = 5
    @Option(help: "Samples per measurement.")
    var samples = 30

    func run() throws {
        print("building \(cadres) cadres, \(years) years of visits (in memory, from events)…")
        let f = VisitBenchmarks.makeFixture(cadres: cadres, years: years)
        print(String(format: "  %d visits applied in %.1f s", f.visits, f.buildSeconds))

        let due = Stats(VisitBenchmarks.dueItemsForToday(f, samples: samples))
        let items = f.state.dueItems(on: f.today).count
        print("\nall due items for \(f.today) (\(items) items)")
        print("  \(due.summary)")
        print(verdict("target ≤ 50 ms", due.p99 <= 50))

        let myDay = Stats(VisitBenchmarks.myDayAfterAppend(f, samples: samples))
        print("\nMy day for one staff member after a visit is appended (apply + recompute)")
        print("  \(myDay.summary)")
        print(verdict("target ≤ 10 ms", myDay.p99 <= 10))

        let team = Stats(VisitBenchmarks.teamDay(f, samples: samples))
        print("\nsupervisor's My day (everyone's items grouped by staff)")
        print("  \(team.summary)")

        let list = Stats(VisitBenchmarks.visitListThisMonth(f, samples: samples))
        print("\nvisit list, this month, first 50")
        print("  \(list.summary)")

        print("\nmemory for the visit history")
        print(String(format: "  RSS growth %.1f MB over %d visits: %.1f bytes/visit", Double(f.rssAfterVisits - f.rssBeforeVisits) / 1_048_576,
                     f.visits, f.bytesPerVisitRSS))
        print(String(format: "  the book's own count: %.1f bytes/visit", f.bytesPerVisitEstimated))
        print(verdict("target ≤ 150 bytes/visit (RSS)", f.bytesPerVisitRSS <= 150))
    }
}
