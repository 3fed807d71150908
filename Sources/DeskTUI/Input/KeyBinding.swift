/// One entry of a screen's key table. A screen declares its table once; the key bar and
/// the help overlay are both generated from it, so they never disagree.
public struct KeyBinding: Hashable, Sendable {
    /// The keys that trigger the action (the first is the main one).
    public var keys: [Key]
    /// Short action name for the key bar ("保存").
    public var label: String
    /// Longer description for the help overlay.
    public var help: String
    /// Heading the help overlay groups this entry under.
    public var group: String
    /// Whether the key bar shows it (help always does).
    public var showInBar: Bool
    /// When the bar is too narrow, entries with lower priority are dropped first.
    public var priority: Int

    public init(keys: [Key], label: String, help: String, group: String = "",
                showInBar: Bool = false, priority: Int = 0) {
        self.keys = keys
        self.label = label
        self.help = help
        self.group = group
        self.showInBar = showInBar
        self.priority = priority
    }

    /// The keys as shown to people: arrows run together ("↑↓"), others are joined by "/"
    /// ("j/k", "F2/e").
    public var keyLabel: String {
        var result = ""
        var previous: Key?
        for key in keys {
            if let previous, !(previous.isArrow && key.isArrow) { result += "/" }
            result += key.label
            previous = key
        }
        return result
    }

    public func matches(_ key: Key) -> Bool { keys.contains(key) }
}
