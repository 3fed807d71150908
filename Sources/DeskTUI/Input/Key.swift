/// One key press as the app sees it, whatever terminal sequence produced it.
public enum Key: Hashable, Sendable {
    /// A typed character: letters, digits, punctuation, CJK from an IME or a paste.
    case char(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1…F12.
    case f(Int)
    /// Ctrl with a letter, given in lower case (`.ctrl("u")`).
    case ctrl(Character)
    /// Alt (Meta) with a character: Esc followed quickly by it.
    case alt(Character)
    /// The terminal changed size; the canvas already knows the new size.
    case resize

    /// A short human label for key bars and help ("F2", "Enter", "Ctrl-U", "↑", "/").
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let character): return String(character)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .f(let number): return "F\(number)"
        case .ctrl(let character): return "Ctrl-" + character.uppercased()
        case .alt(let character): return "Alt-" + String(character)
        case .resize: return "Resize"
        }
    }

    var isArrow: Bool {
        switch self {
        case .up, .down, .left, .right: return true
        default: return false
        }
    }
}
