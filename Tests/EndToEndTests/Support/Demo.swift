import DeskCore
import Foundation

/// `cadredesk demo` as the end-to-end tests see it: the sample log it copies,
/// the clock it starts (09:30 on the morning after the sample's day,
/// whatever today's date) and the state a terminal opens to.
enum Demo {
    static var log: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-data/demo.log").path
    }

    /// The demo's start; `cadredesk demo` derives the same from the sample
    /// (`ShellTerminalTests` checks that it does).
    static let now = LocalDateTime(LocalDate(2026, 11, 24), LocalTime(9, 30))

    /// `cadredesk demo`, in `dir` if given (a second terminal with the same dir joins the first).
    static func command(dir: String? = nil) -> [String] {
        [Binaries.cadredesk, "demo"] + (dir.map { ["--dir", $0] } ?? []) + ["--now", now.description]
    }

    /// The sample's state at `now` (read only).
    static func state() throws -> DeskState {
        var o = Desk.Options()
        o.readOnly = true
        return try Desk(path: log, clock: .fixed(now), options: o).state
    }

    /// A copy of the sample in `dir` (which `command(dir:)` then opens), as a writable desk at `now`.
    static func copy(in dir: TempDir) throws -> Desk {
        try FileManager.default.copyItem(atPath: log, toPath: dir.file("desk.log"))
        return try Desk(path: dir.file("desk.log"), clock: .fixed(now))
    }
}
