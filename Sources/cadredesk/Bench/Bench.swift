import ArgumentParser
import Foundation

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure speed against a baseline run in the same process; prints median, p99 and ratios.",
        discussion: "Benchmarks are for release builds: swift build -c release && .build/release/cadredesk bench log",
        subcommands: [LogBench.self, OpenBench.self, UIBench.self, RosterBench.self, VisitsBench.self, HotlineBench.self,
                      CentreBench.self, DashboardBench.self]
    )
}
