import Foundation
import Testing
@testable import DeskCore

/// The benchmarks run (small, for correctness: not timed). The figures
/// come from `cadredesk bench roster` in a release build.
@Suite struct RosterBenchmarkSmokeTests {
    @Test func searchBenchmarkTypesEveryKindOfQuery() throws {
        let s = try RosterBenchmarks.search(cadres: 300, people: 5)
        for kind in ["hanzi", "pinyin", "initials", "phone", "phone_last4"] { #expect(!(s[kind] ?? []).isEmpty, "\(kind)") }
    }

    @Test func indexBuildBenchmarkBuildsColdAndWarm() throws {
        let s = try RosterBenchmarks.indexBuild(cadres: 300, runs: 1)
        #expect(s["cold"]?.count == 1 && s["warm"]?.isEmpty == false)
    }

    @Test func listBenchmarkCountsAndPulls() throws {
        let s = try RosterBenchmarks.lists(cadres: 200, runs: 1)
        #expect(s["counts"]?.isEmpty == false)
    }

    @Test func importBenchmarkImportsTheWholeFile() throws {
        let s = try RosterBenchmarks.importCSV(rows: 200, runs: 1)
        #expect(s["total"]?.isEmpty == false)
    }
}
