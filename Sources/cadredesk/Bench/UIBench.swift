import ArgumentParser
import DeskTUI
import Foundation

/// Issue figures for the terminal: a full 200×60 frame with a 1,000-row CJK
/// table into the in-memory canvas and to ncurses (p99 ≤ 2 ms), and keystroke
/// to frame while typing into the filter of a 20,000-row table (p99 ≤ 5 ms).
struct UIBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui", abstract: "Frame render and filter keystroke times (run in a 200×60 terminal for the ncurses figure).")

    @Flag(help: "Also draw to this terminal (needs a tty; run inside `tmux new -x 200 -y 60`).")
    var terminal = false

    func run() throws {
        let memory = Stats(DeskTUIBenchmarks.renderTable(rows: 1_000, width: 200, height: 60, iterations: 1_000))
        let filter = Stats(DeskTUIBenchmarks.filterKeystrokes(rows: 20_000, width: 200, height: 60, iterations: 30))
        var lines = [
            "full frame 200×60, 1,000-row CJK table, in-memory canvas: \(memory.summary)",
            verdict("target p99 ≤ 2 ms", memory.p99 <= 2),
            "keystroke → frame, filter over 20,000 rows: \(filter.summary)",
            verdict("target p99 ≤ 5 ms", filter.p99 <= 5),
        ]
        if terminal {
            let t = NcursesCanvas(theme: try Theme.load(named: "default", directory: nil))
            let size = t.size
            let frames = Stats(DeskTUIBenchmarks.renderTableToTerminal(t, rows: 1_000, iterations: 1_000))
            t.close()
            lines += ["full frame \(size.width)×\(size.height) to ncurses (draw + present): \(frames.summary)",
                      verdict("target p99 ≤ 2 ms", frames.p99 <= 2)]
        }
        lines.forEach { print($0) }
    }
}
