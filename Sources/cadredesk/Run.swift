import ArgumentParser
import DeskApp
import DeskCore
import DeskLog
import DeskTUI
import Foundation

/// `cadredesk` with no subcommand: the TUI on the log file.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Open the desk on the log file (the default).")

    @OptionGroup var common: CommonOptions
    @OptionGroup var look: LookOptions

    func run() throws {
        let t = common.text
        let path = common.logPath
        var options = Desk.Options()
        if !FileManager.default.fileExists(atPath: path) {
            print(t("cli.create_log_question", path), terminator: " ")
            guard Answer.readYes() else {
                print(t("cli.not_created"))
                throw ExitCode(1)
            }
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            options.create = true
        }
        try Launch.open(path: path, options: options, identity: .current(), common: common, look: look)
    }
}

/// `cadredesk demo`: the TUI on a fresh copy of the sample data, as a demo supervisor.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the desk on a fresh temporary copy of the sample data (never writes to tracked files).")

    @OptionGroup var common: CommonOptions
    @OptionGroup var look: LookOptions
    @Option(help: "Sample log to copy (default: sample-data/demo.log of this checkout).")
    var sample: String?
    @Option(name: .customLong("as"), help: "Staff id to sign in as (default: the first supervisor in the sample).")
    var staff: String?
    @Option(help: "Directory for the copy (default: a new temporary one). If it already holds a demo log, that log is opened: a second terminal with the same --dir joins the first.")
    var dir: String?
    @Option(help: ArgumentHelp("Start the clock at this local time and let it run on from there (\"2026-11-23 09:30\"). Default: 09:30 on the day after the sample was made, so the sample's open work, today's schedule and due lists look as they did when it was made, whatever today's date.", valueName: "time"))
    var now: String?

    func validate() throws {
        if let now, LocalDateTime(now) == nil { throw ValidationError("--now takes a local time like \"2026-11-23 09:30\".") }
    }

    /// A clock set forward or back to `--now` (else to the sample's next
    /// morning) that keeps running. The first terminal of a demo directory
    /// leaves its offset from real time there (`demo-clock`); a terminal
    /// joining later without `--now` runs on the same clock, so both stamp
    /// their work in the order it happens (each starting its own clock at
    /// 09:30 put a later terminal's records before earlier ones).
    func clock(sample: String, dir: String, joining: Bool) throws -> DeskClock {
        let zone = TimeZone.current
        let shared = dir + "/demo-clock"
        let offset: TimeInterval
        if now == nil, joining, let text = try? String(contentsOfFile: shared, encoding: .utf8), let o = TimeInterval(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
            offset = o
        } else {
            let start = try now.flatMap(LocalDateTime.init) ?? Self.nextMorning(after: sample)
            offset = DeskClock.date(of: start, in: zone).timeIntervalSinceNow
            if !joining { try? String(offset).write(toFile: shared, atomically: true, encoding: .utf8) }
        }
        return DeskClock(timeZone: zone, source: { Date().addingTimeInterval(offset) })
    }

    /// 09:30 on the day after the sample was made: `cadredesk sample` stamps
    /// every record at the end of its last day, so this is the last record's
    /// date, in the zone it was written in (the same in every time zone). Read
    /// from the sample, not the copy, so every terminal joining a demo
    /// directory gets the same clock; envelopes only, no fold of the events.
    static func nextMorning(after sample: String) throws -> LocalDateTime {
        var o = EventLog.Options()
        o.readOnly = true
        var last: Timestamp?
        try EventLog(path: sample, options: o).pollEnvelopes { last = $0.at }
        let day = last.map { LocalDate(dayNumber: $0.local.dayNumber).adding(days: 1) } ?? DeskClock().today
        return LocalDateTime(day, LocalTime(9, 30))
    }

    func run() throws {
        let t = common.text
        guard let source = sample ?? Resources.find("sample-data/demo.log") else {
            print(t("cli.no_sample"))
            throw ExitCode(1)
        }
        let dir = self.dir ?? NSTemporaryDirectory() + "cadredesk-demo-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let copy = dir + "/desk.log"
        let joining = FileManager.default.fileExists(atPath: copy)
        if !joining {
            try FileManager.default.copyItem(atPath: source, toPath: copy)
            chmod(copy, 0o660)
        }
        let desk = try Launch.desk(path: copy, clock: try clock(sample: source, dir: dir, joining: joining), common: common)
        if let staff, desk.state.staff[ID(staff)]?.active != true {
            // Say which ids there are, rather than the sign-in screen's message about the OS login.
            let known = desk.state.staff.active.map { "\($0.id.raw) \($0.name)" }.joined(separator: "、")
            print(t("cli.demo_unknown_staff", staff, known))
            throw ExitCode(1)
        }
        let who = staff ?? desk.state.staff.active.first(where: { $0.role == .supervisor })?.id.raw
            ?? desk.state.staff.active.first?.id.raw
        var identity = Identity.current(demoStaff: who)
        identity.terminal += " demo"
        try Launch.run(desk: desk, identity: identity, common: common, look: look)
        print(t("cli.demo_copy", copy))
    }
}

struct LookOptions: ParsableArguments {
    @Option(help: "Theme: default, high-contrast or monochrome (or a file name in the themes directory).")
    var theme: String = "default"
    @Option(help: "Directory of theme files (default: themes/ of this checkout, else the built-in themes).")
    var themes: String?
}

enum Launch {
    static func open(path: String, options: Desk.Options, identity: Identity, common: CommonOptions, look: LookOptions) throws {
        try run(desk: desk(path: path, options: options, common: common), identity: identity, common: common, look: look)
    }

    /// Opens the log, or says in the user's language why not (exit 2).
    static func desk(path: String, clock: DeskClock = DeskClock(), options: Desk.Options = Desk.Options(), common: CommonOptions) throws -> Desk {
        do {
            return try Desk(path: path, clock: clock, options: options)
        } catch {
            print(error.problems.map(common.text.message).joined(separator: "\n"))
            throw ExitCode(2)
        }
    }

    static func run(desk: Desk, identity: Identity, common: CommonOptions, look: LookOptions) throws {
        let theme: Theme
        do {
            theme = try Theme.load(named: look.theme, directory: look.themes ?? Resources.find("themes"))
        } catch {
            print("\(error)")
            throw ExitCode(2)
        }
        var model = AppModel(desk: desk, identity: identity, lang: Lang.resolve(option: common.lang))
        AppLoop.run(&model, theme: theme)
    }
}

/// Files that ship with the checkout (themes, sample data), found from the
/// working directory or next to the built binary (`.build/<config>/cadredesk`).
enum Resources {
    static func find(_ relative: String) -> String? {
        var candidates = [FileManager.default.currentDirectoryPath + "/" + relative]
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent(relative).path)
            dir = dir.deletingLastPathComponent()
        }
        candidates.append("/usr/share/cadredesk/" + relative)
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }
}
