import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts the terminal back (`endwin`) when the process dies of a signal, then lets the
/// signal do what it did before (default action, or Swift's crash report), so a crash
/// never leaves the clerk's terminal in raw mode with no echo.
enum TerminalRestore {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP]

    /// The actions in place before ours, indexed by signal number. A signal handler can
    /// only reach plain memory, hence one allocation that lives as long as the process.
    nonisolated(unsafe) static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)

    static func install() {
        for signal in signals {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = restoreTerminalAndReraise
            #else
            action.__sigaction_u.__sa_handler = restoreTerminalAndReraise
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(SA_ONSTACK)
            sigaction(signal, &action, previous + Int(signal))
        }
    }

    static func uninstall() {
        for signal in signals { sigaction(signal, previous + Int(signal), nil) }
    }
}

private func restoreTerminalAndReraise(_ signal: Int32) {
    endwin()
    sigaction(signal, TerminalRestore.previous + Int(signal), nil)
    raise(signal)  // delivered with the previous action as soon as this handler returns
}
