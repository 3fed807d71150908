/// Terminal text attributes that work without colour.
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Attributes(rawValue: 1 << 0)
    public static let reverse = Attributes(rawValue: 1 << 1)
    public static let underline = Attributes(rawValue: 1 << 2)
    public static let dim = Attributes(rawValue: 1 << 3)

    /// Names as written in theme files, in a fixed order.
    public static let named: [(name: String, attribute: Attributes)] = [
        ("bold", .bold), ("reverse", .reverse), ("underline", .underline), ("dim", .dim),
    ]

    public var names: [String] { Attributes.named.filter { contains($0.attribute) }.map(\.name) }
}

/// How a cell is drawn: a semantic role plus optional extra attributes (e.g. bold for the
/// matched part of a row). The theme resolves it to colours when the frame is shown.
public struct Style: Hashable, Sendable {
    public var role: Role
    public var extra: Attributes

    public init(_ role: Role, _ extra: Attributes = []) {
        self.role = role
        self.extra = extra
    }
}
