/// A typed identifier: `ID<Cadre>` and `ID<Staff>` cannot be mixed up.
/// Written in the log as a plain string.
public struct ID<Subject>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var raw: String

    public init(_ raw: String) { self.raw = raw }
    public init(stringLiteral value: String) { raw = value }

    public static func < (a: ID, b: ID) -> Bool { a.raw < b.raw }
    public var description: String { raw }

    public init(from decoder: any Decoder) throws { raw = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(raw)
    }
}

/// Makes the next human-readable number in a series (`C00042`) from the largest in use.
/// Runs inside a command, under the log's lock, so two terminals never get the same one.
public enum SerialNumber {
    public static func next<S: Sequence>(prefix: String, width: Int, existing: S) -> String where S.Element == String {
        var highest = 0
        for raw in existing where raw.hasPrefix(prefix) {
            if let n = Int(raw.dropFirst(prefix.count)), n > highest { highest = n }
        }
        let digits = String(highest + 1)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
