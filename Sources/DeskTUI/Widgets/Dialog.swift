/// A dialog button: a caller string, and a key that presses it directly (y, n).
public struct DialogButton: Hashable, Sendable {
    public var label: String
    public var shortcut: Character?

    public init(_ label: String, shortcut: Character? = nil) {
        self.label = label
        self.shortcut = shortcut
    }
}

/// What a key did to a dialog.
public enum DialogOutcome: Equatable, Sendable {
    /// A button was pressed (index into `buttons`).
    case chosen(Int)
    /// Esc: closed without choosing (for a confirm, the same as "no").
    case dismissed
    /// The focus moved between buttons.
    case handled
    case ignored
}

/// A modal box centred over the screen: a title, a message wrapped by display width, and
/// buttons. ←/→ or Tab move between buttons, Enter presses the focused one, a button's
/// shortcut presses it directly, Esc dismisses.
public struct Dialog: Equatable, Sendable {
    public var title: String
    public var message: String
    public var buttons: [DialogButton]
    public private(set) var focusedButton: Int

    public init(title: String = "", message: String, buttons: [DialogButton], focusedButton: Int = 0) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.focusedButton = buttons.isEmpty ? 0 : min(max(0, focusedButton), buttons.count - 1)
    }

    /// A yes/no question: `y` chooses 0 (yes), `n` chooses 1 (no). The focus starts on
    /// "no" unless told otherwise, so a stray Enter never discards or deletes anything.
    public static func confirm(title: String = "", message: String, yes: String, no: String,
                               focusYes: Bool = false) -> Dialog {
        Dialog(title: title, message: message,
               buttons: [DialogButton(yes, shortcut: "y"), DialogButton(no, shortcut: "n")],
               focusedButton: focusYes ? 0 : 1)
    }

    public mutating func handle(_ key: Key) -> DialogOutcome {
        switch key {
        case .escape:
            return .dismissed
        case .enter:
            return buttons.isEmpty ? .dismissed : .chosen(focusedButton)
        case .left, .backTab:
            guard !buttons.isEmpty else { return .ignored }
            focusedButton = (focusedButton + buttons.count - 1) % buttons.count
            return .handled
        case .right, .tab:
            guard !buttons.isEmpty else { return .ignored }
            focusedButton = (focusedButton + 1) % buttons.count
            return .handled
        case .char(let character):
            let typed = Character(character.lowercased())
            if let index = buttons.firstIndex(where: { $0.shortcut.map { Character($0.lowercased()) } == typed }) {
                return .chosen(index)
            }
            return .ignored
        default:
            return .ignored
        }
    }

    private var buttonRow: String {
        buttons.map { "[ \($0.label) ]" }.joined(separator: "  ")
    }

    /// The box this dialog occupies when drawn over `area`.
    public func frame(in area: Rect) -> Rect {
        // Border and padding take 2 columns a side, and 2 more of the screen stay visible.
        let maxInner = max(1, min(area.width - 8, 64))
        let natural = max(DisplayWidth.of(title) + 4, DisplayWidth.of(buttonRow),
                          message.split(whereSeparator: \.isNewline).map { DisplayWidth.of($0) }.max() ?? 0)
        let inner = min(max(natural, 20), maxInner)
        let lines = WordWrap.lines(message, width: inner).count
        let height = lines + (buttons.isEmpty ? 0 : 2) + 4
        return area.centered(Size(width: inner + 4, height: height))
    }

    public func draw(in canvas: inout some Canvas, rect area: Rect) {
        let box = frame(in: area)
        let inner = Box.modal(in: &canvas, rect: box, title: title).insetBy(dx: 1, dy: 1)
        guard !inner.isEmpty else { return }
        let lines = WordWrap.lines(message, width: inner.width)
        let messageRows = buttons.isEmpty ? inner.height : max(0, inner.height - 2)
        for (row, line) in lines.prefix(messageRows).enumerated() {
            canvas.put(line, at: Point(x: inner.x, y: inner.y + row), style: Style(.dialog), maxWidth: inner.width)
        }
        guard !buttons.isEmpty, inner.height >= 1 else { return }
        var x = inner.x + max(0, (inner.width - DisplayWidth.of(buttonRow)) / 2)
        let y = inner.maxY - 1
        for (index, button) in buttons.enumerated() {
            let style = Style(index == focusedButton ? .buttonFocused : .button)
            x = canvas.put("[ \(button.label) ]", at: Point(x: x, y: y), style: style, maxWidth: inner.maxX - x)
            x += 2
        }
    }
}
