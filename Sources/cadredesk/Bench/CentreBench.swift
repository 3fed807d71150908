import ArgumentParser
import DeskApp
import DeskCore
import Foundation

/// Issue figures for the activity centre: the week grid of a room on 20 rooms
/// with 5 years of bookings (≤ 10 ms), the booking conflict check (≤ 1 ms),
/// and the last-place race between two real processes (double enrolments: 0).
struct CentreBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "centre",
                                                    abstract: "Week grid, booking conflict check, and the last-place race of two processes.")

    @Option(help: "Samples per timing.")
    var samples = 200
    @Option(help: "Rounds of the last-place race (two processes each).")
    var rounds = 200
    @Option(help: "Directory for the race's scratch log.")
    var dir: String = NSTemporaryDirectory()
    @Flag(help: "Skip the race.")
    var skipRace = false

    func run() throws {
        print("Domain (CentreBenchmarks, 20 rooms × 5 years):")
        let results = CentreBenchmarks.run(samples: samples)
        for r in results {
            print("  " + r.name.padding(toLength: 24, withPad: " ", startingAt: 0) + " " + Stats(r.samplesMs).summary)
            print("      \(r.note)")
        }
        func p99(_ name: String) -> Double { results.first { $0.name == name }.map { Stats($0.samplesMs).p99 } ?? .nan }
        print(verdict("week grid p99 ≤ 10 ms", p99("grid.week.one_room") <= 10))
        print(verdict("booking conflict check p99 ≤ 1 ms", p99("booking.conflict_check") <= 1))

        print("Screen (query + drawing the week timeline into a 120×40 canvas):")
        let (events, from, to) = CentreBenchmarks.bigCentreEvents()
        let state = CentreBenchmarks.fold(events)
        let drawn = Stats(CentreScreenBenchmarks.weekGrid(state, from: from, to: to, samples: samples))
        print("  week grid rendered       \(drawn.summary)")
        print(verdict("rendered week grid p99 ≤ 10 ms", drawn.p99 <= 10))

        if !skipRace { try race() }
    }

    /// Runs `centre-race race` (built next to this binary) and reports its summary.
    func race() throws {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let racer = me.deletingLastPathComponent().appendingPathComponent("centre-race").path
        guard FileManager.default.isExecutableFile(atPath: racer) else {
            print("Race: \(racer) is not built (swift build -c release --product centre-race); skipped.")
            return
        }
        let work = dir + "/cadredesk-race-\(getpid())"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: racer)
        p.arguments = ["race", "--log", work + "/race.log", "--rounds", String(rounds)]
        let out = Pipe()
        p.standardOutput = out
        let started = ContinuousClock.now
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let seconds = (ContinuousClock.now - started).milliseconds / 1000
        let summary = text.split(separator: "\n").last { $0.hasPrefix("rounds ") }.map(String.init) ?? "no summary (exit \(p.terminationStatus))"
        print("Race (2 processes × \(rounds) rounds for the last place, \(String(format: "%.1f", seconds)) s):")
        print("  \(summary)")
        let double = summary.split(separator: " ").drop { $0 != "double" }.dropFirst().first.flatMap { Int($0) }
        print("  double enrolments: \(double.map(String.init) ?? "?")")
        print(verdict("zero double enrolments", double == 0))
    }
}
