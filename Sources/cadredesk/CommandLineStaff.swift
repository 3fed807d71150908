import ArgumentParser
import DeskApp
import DeskCore
import Foundation

/// Who runs a data command (import, export): the OS login mapped to active
/// staff, exactly as the TUI signs in. Never typed, so the log's `by` is true.
enum CommandLineStaff {
    /// Opens the log and finds the staff member, or prints why not and exits
    /// (2 unless the command says otherwise). `notStaff` and `sharedAccount`
    /// are the catalog keys that say so for this command.
    static func open(_ common: CommonOptions, notStaff: String = "roster.cli.not_staff", sharedAccount: String? = nil,
                     refusedExit: Int32 = 2) throws -> (Desk, Staff) {
        let t = common.text
        let desk = try Launch.desk(path: common.logPath, common: common)
        let login = Identity.current().osLogin
        // A shared desk account signs in with a PIN at the terminal; on the command line it is nobody.
        if desk.state.settings.sharedAccounts.contains(login) {
            print(t(sharedAccount ?? notStaff, login))
            throw ExitCode(refusedExit)
        }
        guard let staff = desk.state.staff.staff(forLogin: login) else {
            print(t(notStaff, login))
            throw ExitCode(refusedExit)
        }
        return (desk, staff)
    }
}

/// A yes/no question on the terminal: y, yes, 是 or 好 mean yes; anything
/// else, or no input at all (a script, a closed pipe), means no.
enum Answer {
    static func readYes() -> Bool {
        guard let answer = readLine() else { return false }
        return ["y", "yes", "是", "好"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
