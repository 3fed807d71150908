import ArgumentParser
import DeskCore
import DeskLog
import Foundation

/// Opening a log: every record checked, decoded into its domain event and
/// applied, until the desk is ready — what a clerk waits for at start-up.
struct OpenBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Time to open a log into the full desk state.")

    @Option(help: "The log to open (e.g. one made with `cadredesk sample --cadres 15000 --years 5`).")
    var log: String
    @Option(help: "Repetitions.")
    var runs = 3

    func run() throws {
        let size = (try FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0
        var plain: [Double] = [], open: [Double] = [], cpu: [Double] = []
        var events: UInt64 = 0
        for _ in 0..<runs {
            plain.append(timed { _ = LogBench.plainRead(log) })
            let c0 = processCPUMilliseconds()
            open.append(try timed {
                var o = Desk.Options()
                o.readOnly = true
                let desk = try Desk(path: log, options: o)
                events = desk.state.seq
            })
            cpu.append(processCPUMilliseconds() - c0)
        }
        let p = Stats(plain), s = Stats(open)
        print("open \(log): \(events) events, \(size / 1_000_000) MB, \(runs) runs")
        print(String(format: "  plain read()          median %.1f ms", p.median))
        print(String(format: "  Desk open (ready)     median %.1f ms  (%.2f µs/event, CPU %.1f ms)", s.median, s.median * 1000 / Double(max(events, 1)), Stats(cpu).median))
        print(String(format: "  ratio (open/plain read): %.1f", s.median / p.median))
    }
}
