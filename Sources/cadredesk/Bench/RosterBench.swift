import ArgumentParser
import DeskApp
import DeskCore
import Foundation

/// Issue figures for the roster at 20,000 cadres: search per keystroke
/// (hanzi, pinyin, initials, phone) in the domain and on the roster screen,
/// the pinyin index build, list counts, and importing a 20,000-row CSV.
struct RosterBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster", abstract: "Roster search per keystroke, index build, list counts and CSV import.")

    @Option(help: "Cadres in the sample roster.") var cadres = 20_000
    @Option(help: "People whose name, pinyin, initials and phone are typed.") var people = 200
    @Option(help: "Rows of the imported CSV.") var rows = 20_000
    @Option(help: "Import runs.") var runs = 3
    @Flag(help: "Skip the import (the slowest part).") var skipImport = false
    @Flag(help: "Skip the roster screen's figures (they write a sample log first).") var skipScreen = false

    func run() throws {
        print("Roster at \(cadres) cadres (seeded sample), release build expected.")
        let search = try RosterBenchmarks.search(cadres: cadres, people: people)
        print("Search as you type, per keystroke (Roster.find, best 50):")
        var worst = 0.0
        for kind in ["hanzi", "pinyin", "initials", "phone", "phone_last4"] {
            let s = Stats(search[kind] ?? [])
            worst = Swift.max(worst, s.p99)
            print("  \(kind.padding(toLength: 12, withPad: " ", startingAt: 0)) \(s.summary)")
        }
        print(verdict("target p99 ≤ 5 ms per keystroke", worst <= 5))

        let build = try RosterBenchmarks.indexBuild(cadres: cadres)
        let cold = build["cold"]?.first ?? .nan
        print("Pinyin index build, \(cadres) files:")
        print(String(format: "  cold (first in process) %.1f ms", cold))
        print("  warm rebuild \(Stats(build["warm"] ?? []).summary)")
        print(verdict("target ≤ 300 ms at open", cold <= 300))

        let lists = try RosterBenchmarks.lists(cadres: cadres)
        print("Named lists: counts \(Stats(lists["counts"] ?? []).summary)")
        print("             one list (独居) \(Stats(lists["members_alone"] ?? []).summary)")

        if !skipScreen { try screen() }

        if !skipImport {
            let imp = try RosterBenchmarks.importCSV(rows: rows, runs: runs)
            print("Import of a \(rows)-row CSV (new log, fsync included), \(runs) runs:")
            print("  dry run (decode, parse, validate) \(Stats(imp["plan"] ?? []).summary)")
            print("  batch (commands, append, apply)   \(Stats(imp["commit"] ?? []).summary)")
            let total = Stats(imp["total"] ?? [])
            print("  total                             \(total.summary)")
            print(verdict("target ≤ 5 s including validation", total.median <= 5000))
        }
    }

    /// The roster screen itself on a real log of `cadres` files.
    func screen() throws {
        let dir = NSTemporaryDirectory() + "cadredesk-bench-roster-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var o = Desk.Options()
        o.create = true
        let g = SampleGenerator(seed: 7, cadres: cadres, years: 0)
        let desk = try Desk(path: dir + "/desk.log", clock: .fixed(LocalDateTime(g.today, LocalTime(9, 0))), options: o)
        try desk.perform(CreateFirstAdmin(login: "admin", name: "管理员"), as: Staff.bootstrapID)
        let written = try timed { try g.write(to: desk, as: Staff.bootstrapID) }
        print(String(format: "Roster screen (sample log of %d files written in %.0f ms):", desk.state.roster.count, written))
        var rng = SampleRNG(seed: 7, stream: "bench.screen")
        let files = desk.state.roster.all
        var queries: [String: [String]] = ["hanzi": [], "pinyin": [], "initials": [], "phone": []]
        for _ in 0..<people {
            let c = files[rng.int(0...(files.count - 1))]
            let readings = Pinyin.nameReadings(c.name)
            queries["hanzi"]!.append(c.name)
            queries["pinyin"]!.append(readings.compactMap(\.first).joined())
            queries["initials"]!.append(String(readings.compactMap { $0.first?.first }))
            if let p = c.phone { queries["phone"]!.append(p.filter(\.isNumber)) }
        }
        var worst = 0.0
        for kind in ["hanzi", "pinyin", "initials", "phone"] {
            let s = Stats(RosterScreenBenchmarks.typing(desk: desk, as: Staff.bootstrapID, queries: queries[kind] ?? []))
            worst = Swift.max(worst, s.p99)
            print("  keystroke, \(kind.padding(toLength: 9, withPad: " ", startingAt: 0)) \(s.summary)")
        }
        print(verdict("screen keystroke p99 ≤ 5 ms", worst <= 5))
        print("  rows and counts built at open                       \(Stats(RosterScreenBenchmarks.rebuild(desk: desk, as: Staff.bootstrapID, runs: 10)).summary)")
        print("  one file changed (another terminal), list refreshed  \(Stats(try RosterScreenBenchmarks.changeOne(desk: desk, as: Staff.bootstrapID, runs: 20)).summary)")
    }
}
