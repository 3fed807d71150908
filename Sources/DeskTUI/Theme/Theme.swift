/// How one role looks: foreground, background and attributes.
public struct RoleAppearance: Hashable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: Attributes

    public init(foreground: ThemeColor = .default, background: ThemeColor = .default, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// A complete mapping from every `Role` to its appearance. Passed to the canvas that
/// shows frames (never global), loaded from `themes/*.toml` or built in.
public struct Theme: Hashable, Sendable {
    public let name: String
    private let appearances: [RoleAppearance]  // indexed by Role.rawValue

    /// Builds a theme that defines every role (the closure is asked once per role).
    public init(name: String, appearance: (Role) -> RoleAppearance) {
        self.name = name
        self.appearances = Role.allCases.map(appearance)
    }

    public subscript(role: Role) -> RoleAppearance { appearances[Int(role.rawValue)] }

    /// The attributes a cell in `style` is drawn with (the role's plus the style's extras).
    public func attributes(for style: Style) -> Attributes {
        self[style.role].attributes.union(style.extra)
    }

    /// The theme to draw with: this one when the terminal shows colours, otherwise the
    /// monochrome theme, in which every role is told apart by attributes alone.
    public func forTerminal(colorsAvailable: Bool) -> Theme {
        colorsAvailable ? self : Theme.monochrome
    }

    /// False when the user asked for no colour (https://no-color.org: `NO_COLOR` set and
    /// not empty).
    public static func colorAllowed(environment: [String: String]) -> Bool {
        (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Roles that appear side by side on one screen; within a group every role must look
    /// different (checked for each shipped theme, and by attributes alone for monochrome).
    public static let contrastGroups: [[Role]] = [
        // A table or list with its states and per-row emphasis.
        [.normal, .header, .selected, .muted, .alert, .warning, .error, .ok],
        // A form.
        [.normal, .input, .inputFocused, .error, .muted],
        // The top of the screen: title bar above the tab bar.
        [.title, .tabActive, .tabInactive],
        // The bottom of the screen: key bar and toasts above it.
        [.normal, .keyBar, .keyBarKey, .toast, .toastWarning, .toastError],
        // A dialog.
        [.dialog, .button, .buttonFocused],
    ]
}
