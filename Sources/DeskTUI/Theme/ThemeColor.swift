/// A terminal colour as theme files name it: the 8 ANSI colours, their bright forms
/// ("bright-red") and "default" (the terminal's own foreground or background).
public enum ThemeColor: String, CaseIterable, Sendable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack = "bright-black", brightRed = "bright-red", brightGreen = "bright-green"
    case brightYellow = "bright-yellow", brightBlue = "bright-blue"
    case brightMagenta = "bright-magenta", brightCyan = "bright-cyan", brightWhite = "bright-white"

    /// The curses colour number: -1 for default, 0–7 for ANSI, 8–15 for bright.
    public var cursesNumber: Int16 {
        switch self {
        case .default: return -1
        default: return Int16(ThemeColor.allCases.firstIndex(of: self)! - 1)
        }
    }

    /// Bright colours on a terminal with only 8 colours: the base colour, drawn bold.
    public var eightColorFallback: (number: Int16, bold: Bool) {
        let number = cursesNumber
        return number >= 8 ? (number - 8, true) : (number, false)
    }
}
