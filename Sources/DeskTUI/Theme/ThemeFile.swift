import Foundation
import TOMLKit

/// Reading themes from TOML. A theme file has one table per role, each with optional
/// `fg`, `bg` (colour names) and `attrs` (a list of bold, reverse, underline, dim):
///
///     [selected]
///     fg = "black"
///     bg = "cyan"
///     attrs = ["bold"]
///
/// Every role must be present, so a theme never silently inherits a look it did not choose.
extension Theme {
    /// Names of the themes compiled into the binary (and shipped in `themes/`).
    public static let builtInNames: [String] = BuiltInThemes.sources.map(\.name)

    /// A theme compiled into the binary, so the app works when `themes/` is absent.
    public static func builtIn(named name: String) -> Theme? {
        guard let source = BuiltInThemes.sources.first(where: { $0.name == name }) else { return nil }
        // The embedded texts are tested to parse; failing here is a build defect.
        return try! parse(toml: source.toml, name: name, file: "<built-in \(name).toml>")
    }

    /// Attributes only: what is drawn when colours are off (NO_COLOR, or a terminal without).
    public static let monochrome: Theme = builtIn(named: "monochrome")!

    /// Loads `<directory>/<name>.toml`; when there is no such file (or no directory), the
    /// built-in theme of that name. A file that exists but is malformed is an error, not
    /// a silent fallback, so the user learns what to fix.
    public static func load(named name: String, directory: String?) throws(ThemeError) -> Theme {
        if let directory, !name.contains("/") {
            let path = (directory as NSString).appendingPathComponent(name + ".toml")
            if FileManager.default.fileExists(atPath: path) {
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw ThemeError(file: path, line: nil, key: nil, message: "cannot be read as UTF-8 text")
                }
                return try parse(toml: text, name: name, file: path)
            }
        }
        if let theme = builtIn(named: name) { return theme }
        throw ThemeError(file: name + ".toml", line: nil, key: nil,
                         message: "no such theme; available: " + builtInNames.joined(separator: ", "))
    }

    /// Parses a theme file's text; `file` names it in errors.
    public static func parse(toml: String, name: String, file: String) throws(ThemeError) -> Theme {
        let locator = TOMLLineLocator(toml)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: toml)
        } catch {
            let line = (error as? TOMLParseError)?.source.begin.line
            let message = (error as? TOMLParseError)?.description ?? "\(error)"
            throw ThemeError(file: file, line: line, key: line.flatMap(locator.key(atLine:)),
                             message: "not valid TOML: \(message)")
        }
        var found: [Role: RoleAppearance] = [:]
        for key in table.keys {
            guard let role = Role(name: key) else {
                throw ThemeError(file: file, line: locator.line(ofTable: key) ?? locator.line(ofKey: key, inTable: nil),
                                 key: key, message: "unknown role; roles are: "
                                     + Role.allCases.map(\.name).joined(separator: ", "))
            }
            guard let roleTable = table[key]?.table else {
                throw ThemeError(file: file, line: locator.line(ofKey: key, inTable: nil), key: key,
                                 message: "expected a table [\(key)] with fg, bg, attrs")
            }
            found[role] = try appearance(of: roleTable, role: key, file: file, locator: locator)
        }
        if let missing = Role.allCases.first(where: { found[$0] == nil }) {
            throw ThemeError(file: file, line: nil, key: missing.name,
                             message: "missing table [\(missing.name)]; every role needs one")
        }
        return Theme(name: name) { found[$0]! }
    }

    private static func appearance(
        of table: TOMLTable, role: String, file: String, locator: TOMLLineLocator
    ) throws(ThemeError) -> RoleAppearance {
        func fail(_ key: String, _ message: String) -> ThemeError {
            ThemeError(file: file, line: locator.line(ofKey: key, inTable: role) ?? locator.line(ofTable: role),
                       key: "\(role).\(key)", message: message)
        }
        func color(_ key: String) throws(ThemeError) -> ThemeColor {
            guard let value = table[key] else { return .default }
            guard let text = value.string else { throw fail(key, "expected a colour name in quotes") }
            guard let color = ThemeColor(rawValue: text) else {
                throw fail(key, "unknown colour \"\(text)\"; use one of: "
                    + ThemeColor.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return color
        }
        var result = RoleAppearance()
        for key in table.keys where !["fg", "bg", "attrs"].contains(key) {
            throw fail(key, "unknown key; a role takes fg, bg and attrs")
        }
        result.foreground = try color("fg")
        result.background = try color("bg")
        if let value = table["attrs"] {
            let allowed = Attributes.named.map(\.name).joined(separator: ", ")
            guard let array = value.array else { throw fail("attrs", "expected a list such as [\"bold\"]") }
            for item in array {
                guard let name = item.string, let attribute = Attributes.named.first(where: { $0.name == name }) else {
                    throw fail("attrs", "unknown attribute \(item.debugDescription); use: \(allowed)")
                }
                result.attributes.insert(attribute.attribute)
            }
        }
        return result
    }
}

/// Finds where a key stands in TOML text, since the parsed table does not keep positions.
struct TOMLLineLocator {
    private let lines: [(table: String?, key: String?)]

    init(_ text: String) {
        var table: String?
        var parsed: [(String?, String?)] = []
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
                table = line[line.index(after: line.startIndex)..<close].trimmingCharacters(in: .whitespaces)
                parsed.append((table, nil))
            } else if !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") {
                let key = line[..<equals].trimmingCharacters(in: .whitespaces)
                    .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                parsed.append((table, key))
            } else {
                parsed.append((table, nil))
            }
        }
        lines = parsed
    }

    /// 1-based line of `[name]`.
    func line(ofTable name: String) -> Int? {
        lines.firstIndex { $0.table == name && $0.key == nil }.map { $0 + 1 }
    }

    /// 1-based line of `key = …` inside `[table]` (or written `table.key = …`).
    func line(ofKey key: String, inTable table: String?) -> Int? {
        if let index = lines.firstIndex(where: { $0.table == table && $0.key == key }) { return index + 1 }
        guard let table else { return nil }
        return lines.firstIndex { $0.table == nil && $0.key == "\(table).\(key)" }.map { $0 + 1 }
    }

    /// The dotted key written on a 1-based line, if any (`selected.fg`), else its table.
    func key(atLine number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        let (table, key) = lines[number - 1]
        switch (table, key) {
        case let (table?, key?): return "\(table).\(key)"
        case let (nil, key?): return key
        case let (table?, nil): return table
        default: return nil
        }
    }
}
