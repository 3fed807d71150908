/// One thing wrong (or worth a warning) with a command, as a catalog key with
/// arguments, optionally tied to a form field so the screen shows it beside
/// that field.
public struct Problem: Hashable, Sendable, CustomStringConvertible {
    public var key: String
    public var args: [String]
    public var field: String?

    public init(_ key: String, _ args: [String] = [], field: String? = nil) {
        self.key = key
        self.args = args
        self.field = field
    }

    public var description: String { (field.map { "\($0): " } ?? "") + key + (args.isEmpty ? "" : " \(args)") }
}

/// Why a command appended nothing.
public enum DeskError: Error, Equatable, Sendable {
    /// Input fails validation; every problem found is listed (forms show all at once).
    case invalid([Problem])
    /// The command would go through, but a person should look first (e.g. a
    /// cadre with the same name and birth date exists). Re-run with
    /// `confirmed: true` to proceed.
    case needsConfirmation([Problem])
    /// The session's role may not do this.
    case notAllowed(Problem)
    /// The thing the command refers to is gone or changed (e.g. another
    /// terminal voided the visit a moment ago).
    case conflict(Problem)
    /// The log refused or failed (read-only, disk error, not saved).
    case log(Problem)

    public var problems: [Problem] {
        switch self {
        case .invalid(let p), .needsConfirmation(let p): return p
        case .notAllowed(let p), .conflict(let p), .log(let p): return [p]
        }
    }

    public static func invalid(_ key: String, _ args: [String] = [], field: String? = nil) -> DeskError {
        .invalid([Problem(key, args, field: field)])
    }
}
