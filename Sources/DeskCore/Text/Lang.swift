import Foundation

/// The UI language. Simplified Chinese unless asked otherwise.
public enum Lang: String, Sendable, CaseIterable, Codable {
    case zh
    case en

    /// `--lang` wins; else `LC_ALL`, `LC_MESSAGES`, `LANG` starting `en` give English.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Lang {
        if let o = option?.lowercased() {
            if o.hasPrefix("en") { return .en }
            if o.hasPrefix("zh") { return .zh }
        }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = environment[key], !v.isEmpty {
                return v.lowercased().hasPrefix("en") ? .en : .zh
            }
        }
        return .zh
    }
}
