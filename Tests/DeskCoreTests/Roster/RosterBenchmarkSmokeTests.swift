import Foundation
import Testing
@testable import DeskCore

/// The benchmarks run (small, for correctness: not timed). With
/// `CADREDESK_BENCH=1` they run at full size and print their figures,
/// e.g. `CADREDESK_BENCH=1 swift test -c release --filter RosterBenchmarkSmoke`.
@Suite struct RosterBenchmarkSmokeTests {
    static let full = ProcessInfo.processInfo.environment["CADREDESK_BENCH"] == "1"

    static func report(_ title: String, _ samples: RosterBenchmarks.Samples) {
        guard full else { return }
        for (name, s) in samples.sorted(by: { $0.key < $1.key }) {
            let f = RosterBenchmarks.summary(s)
            print(String(format: "roster.%@.%@: n=%d median=%.3f ms p99=%.3f ms max=%.3f ms", title, name, s.count, f.median, f.p99, f.max))
        }
    }

    @Test func searchBenchmarkTypesEveryKindOfQuery() throws {
        let s = try RosterBenchmarks.search(cadres: Self.full ? 20_000 : 300, people: Self.full ? 200 : 5)
        for kind in ["hanzi", "pinyin", "initials", "phone", "phone_last4"] { #expect(!(s[kind] ?? []).isEmpty, "\(kind)") }
        Self.report("search", s)
    }

    @Test func indexBuildBenchmarkBuildsColdAndWarm() throws {
        let s = try RosterBenchmarks.indexBuild(cadres: Self.full ? 20_000 : 300, runs: Self.full ? 10 : 1)
        #expect(s["cold"]?.count == 1 && s["warm"]?.isEmpty == false)
        Self.report("index", s)
    }

    @Test func listBenchmarkCountsAndPulls() throws {
        let s = try RosterBenchmarks.lists(cadres: Self.full ? 20_000 : 200, runs: Self.full ? 20 : 1)
        #expect(s["counts"]?.isEmpty == false)
        Self.report("lists", s)
    }

    @Test func importBenchmarkImportsTheWholeFile() throws {
        let s = try RosterBenchmarks.importCSV(rows: Self.full ? 20_000 : 200, runs: Self.full ? 3 : 1)
        #expect(s["total"]?.isEmpty == false)
        Self.report("import", s)
    }
}
