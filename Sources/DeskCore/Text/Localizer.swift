/// Looks up user-visible text in the catalog of one language.
///
/// Keys are dotted (`roster.title`). Arguments fill `{0}`, `{1}`… A missing key
/// shows as `⟦key⟧` so it is visible on screen and caught by the catalog tests.
public struct Localizer: Sendable {
    public let lang: Lang
    private let table: [String: String]

    public init(_ lang: Lang) {
        self.lang = lang
        table = Catalog.table(for: lang)
    }

    public func callAsFunction(_ key: String, _ args: any CustomStringConvertible...) -> String {
        format(key, args.map(\.description))
    }

    public func format(_ key: String, _ args: [String]) -> String {
        guard let pattern = table[key] else { return "⟦\(key)⟧" }
        if args.isEmpty { return pattern }
        var out = pattern
        for (i, a) in args.enumerated() { out = out.replacingOccurrences(of: "{\(i)}", with: a) }
        return out
    }

    public func has(_ key: String) -> Bool { table[key] != nil }

    /// The message for a domain error or warning.
    public func message(_ p: Problem) -> String { format(p.key, p.args) }
}

/// The catalogs. Each language is one catalog, kept in one folder
/// (`Text/zh`, `Text/en`) and split into a file per area so that the areas can
/// be edited independently; `Catalog.table` merges them.
public enum Catalog {
    public static func table(for lang: Lang) -> [String: String] {
        let parts: [[String: String]] = lang == .zh ? zhParts : enParts
        var t: [String: String] = [:]
        for p in parts { t.merge(p) { a, _ in a } }
        return t
    }

    /// Every area's part of a catalog, in a fixed order; tests check there are no
    /// duplicate keys across parts and that both languages have the same keys.
    public static var zhParts: [[String: String]] { [ZH.common, ZH.log, ZH.staff, ZH.roster, ZH.visits, ZH.hotline, ZH.centre, ZH.dashboard, ZH.app] }
    public static var enParts: [[String: String]] { [EN.common, EN.log, EN.staff, EN.roster, EN.visits, EN.hotline, EN.centre, EN.dashboard, EN.app] }
}

/// Namespaces for the per-area parts of each catalog.
public enum ZH {}
public enum EN {}
