/// Why a theme could not be loaded, pointing at the place to fix:
/// `themes/mine.toml:12: selected.fg: unknown colour "purpel"; …`.
public struct ThemeError: Error, Equatable, CustomStringConvertible {
    /// The file (or built-in name) being read.
    public var file: String
    /// 1-based line, when the problem has one.
    public var line: Int?
    /// The dotted key (`selected.fg`), when the problem has one.
    public var key: String?
    public var message: String

    public init(file: String, line: Int?, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let key { place += ": \(key)" }
        return "\(place): \(message)"
    }
}
