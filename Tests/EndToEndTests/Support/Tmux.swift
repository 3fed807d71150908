import Foundation
import Testing

/// A real terminal: tmux on a private socket running the built binary
/// (TESTING.md's recipe). Waits poll the screen every 20 ms instead of sleeping.
final class Tmux {
    let socket: String
    let session = "t"

    /// Starts `command` (arguments, already quoted as needed) in a `width`×`height` window.
    init(_ arguments: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        socket = "cd-" + UUID().uuidString.prefix(8).lowercased()
        var env = ["LANG": "C.UTF-8", "TERM": "tmux-256color"]
        env.merge(environment) { _, new in new }
        let envText = env.map { "\($0.key)=\(Tmux.quote($0.value))" }.sorted().joined(separator: " ")
        // ncurses prefers COLUMNS/LINES from the environment over the window
        // size, which would make resizing do nothing: never pass them on.
        let command = "unset COLUMNS LINES; \(envText) exec " + arguments.map(Tmux.quote).joined(separator: " ")
        try tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", command])
    }

    deinit { try? tmux(["kill-server"]) }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs tmux with posix_spawn + waitpid. (Foundation's `Process` never sees
    /// the client exit once the first call has forked the tmux server, and a
    /// captured pipe would be held open by that server forever.)
    @discardableResult
    func tmux(_ args: [String], output: Bool = false) throws -> String {
        try Tmux.spawn(["/usr/bin/tmux", "-L", socket] + args, output: output)
    }

    static func spawn(_ argv: [String], output: Bool) throws -> String {
        var fds: [Int32] = [-1, -1]
        if output { guard pipe(&fds) == 0 else { throw POSIXError(.EMFILE) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if output {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[0])
            posix_spawn_file_actions_addclose(&actions, fds[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // A clean signal mask and default dispositions: the test runner's
        // threads block signals, and a blocked SIGWINCH would reach the app.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var cargs = argv.map { strdup($0) } + [nil]
        defer { for p in cargs { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, &attr, &cargs, environ)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
        var data = [UInt8]()
        if output {
            close(fds[1])
            var buf = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fds[0], &buf, buf.count)
                if n <= 0 { break }
                data.append(contentsOf: buf[0..<n])
            }
            close(fds[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return String(decoding: data, as: UTF8.self)
    }

    /// Typed text, CJK included (`send-keys -l`).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", session, "-l", text]) }
    /// Named keys: Enter, Escape, Tab, BTab, F2, Up, BSpace, C-u …
    func press(_ keys: String...) throws {
        for k in keys { try tmux(["send-keys", "-t", session, k]) }
    }

    /// The screen as text.
    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", session], output: true) }

    func resize(width: Int, height: Int) throws { try tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"]) }

    /// Whether the program is still running (`list-sessions` prints our session).
    var hasSession: Bool { ((try? tmux(["list-sessions", "-F", "#{session_name}"], output: true)) ?? "").contains(session) }

    /// Polls until the screen satisfies `condition` (every 20 ms, up to `timeout` s);
    /// records an issue with the last screen if it never does.
    @discardableResult
    func wait(for what: String, timeout: Double = 5, sourceLocation: SourceLocation = #_sourceLocation,
              _ condition: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? ""
            if condition(last) { return last }
            usleep(20_000)
        }
        Issue.record("timed out waiting for \(what); screen was:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// Waits until `text` is on screen; returns the screen.
    @discardableResult
    func wait(for text: String, timeout: Double = 5, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        wait(for: "\"\(text)\"", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Switches to the tab labelled `label` by the digit shown before it on the tab line
    /// (tab numbers depend on the role and on which screens exist, so tests look them up).
    func openTab(_ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var digit: Character?
        wait(for: "tab \"\(label)\"", sourceLocation: sourceLocation) { screen in
            digit = Tmux.tabDigit(of: label, in: screen)
            return digit != nil
        }
        if let digit { try press(String(digit)) }
    }

    /// The tab labels in order, read from the tab line (`1 花名册  2 今日工作 …`).
    static func tabLabels(in screen: String) -> [String] {
        for line in screen.split(separator: "\n").prefix(3) {
            let words = line.split(separator: " ")
            var labels: [String] = []
            var expected = 1
            var i = 0
            while i + 1 < words.count {
                if words[i] == Substring(String(expected)) {
                    labels.append(String(words[i + 1]))
                    expected += 1
                    i += 2
                } else {
                    i += 1
                }
            }
            if labels.count >= 2 { return labels }
        }
        return []
    }

    static func tabDigit(of label: String, in screen: String) -> Character? {
        for line in screen.split(separator: "\n").prefix(3) {
            guard let r = line.range(of: " " + label) else { continue }
            let before = line[line.startIndex..<r.lowerBound]
            if let d = before.last, d.isNumber { return d }
        }
        return nil
    }

    /// Waits until the program has exited (the session is gone).
    func waitForExit(timeout: Double = 5, sourceLocation: SourceLocation = #_sourceLocation) {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !hasSession { return }
            usleep(20_000)
        }
        Issue.record("the program did not exit", sourceLocation: sourceLocation)
    }

    /// The 0-based display column where `text` starts on the line containing it.
    static func column(of text: String, in screen: String) -> Int? {
        for line in screen.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let r = line.range(of: text) else { continue }
            return line[line.startIndex..<r.lowerBound].reduce(0) { $0 + (Tmux.isWide($1) ? 2 : 1) }
        }
        return nil
    }

    static func isWide(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    }
}
