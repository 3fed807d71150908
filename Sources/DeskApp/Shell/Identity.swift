import Foundation

/// Who runs this terminal, as the operating system says, and on which device.
public struct Identity: Sendable {
    /// The OS login (getuid → passwd), never typed by the user.
    public var osLogin: String
    /// Terminal device for the audit trail (`/dev/pts/3`).
    public var terminal: String
    /// `cadredesk demo` signs in as this staff member of the sample data.
    public var demoStaff: String?

    public init(osLogin: String, terminal: String, demoStaff: String? = nil) {
        self.osLogin = osLogin
        self.terminal = terminal
        self.demoStaff = demoStaff
    }

    /// The identity of this process.
    public static func current(demoStaff: String? = nil) -> Identity {
        var login = "uid\(getuid())"
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { login = String(cString: name) }
        let tty = ttyname(STDIN_FILENO).map { String(cString: $0) } ?? "-"
        return Identity(osLogin: login, terminal: "\(tty) \(login)", demoStaff: demoStaff)
    }
}
