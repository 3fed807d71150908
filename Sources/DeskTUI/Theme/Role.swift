/// What a piece of text *is*; a `Theme` decides how it looks. Widgets only ever name roles,
/// so a screen looks right in every theme, in colour or not.
public enum Role: UInt8, CaseIterable, Sendable {
    /// Ordinary text on the screen background.
    case normal
    /// The title bar at the top of the screen.
    case title
    /// Table column headers and group headings in lists.
    case header
    /// The row or item under the user's cursor.
    case selected
    /// Secondary text: hints, placeholders, counts, empty-state messages.
    case muted
    /// A highlighted band for rows or lines that need attention (overdue, urgent).
    case alert
    /// Text that warns (something is close to a limit).
    case warning
    /// Errors and validation messages; also the required-field mark.
    case error
    /// Confirmation that something worked, positive states.
    case ok
    /// An editable field that does not have the focus.
    case input
    /// The field being edited.
    case inputFocused
    /// Box and separator lines.
    case border
    /// Bars of charts and sparklines.
    case chartBar
    /// The active tab in the tab bar.
    case tabActive
    /// The other tabs.
    case tabInactive
    /// The bottom key bar and the action names in it.
    case keyBar
    /// The key labels in the key bar ("F2", "Enter").
    case keyBarKey
    /// An informational toast message.
    case toast
    /// A toast that warns.
    case toastWarning
    /// A toast that reports an error.
    case toastError
    /// The body of a modal dialog or overlay.
    case dialog
    /// A dialog button without the focus.
    case button
    /// The dialog button Enter would press.
    case buttonFocused

    /// The role's name as written in theme files (`inputFocused`).
    public var name: String { Role.names[Int(rawValue)] }

    public init?(name: String) {
        guard let index = Role.names.firstIndex(of: name) else { return nil }
        self = Role.allCases[index]
    }

    private static let names: [String] = Role.allCases.map { String(describing: $0) }
}
