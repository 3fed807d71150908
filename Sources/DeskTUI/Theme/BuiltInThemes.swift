// The shipped themes compiled in, so the binary works without a themes/ directory.
// Each text must equal the file in themes/ of the same name (a test compares them);
// edit the file, then paste it here.
enum BuiltInThemes {
    static let sources: [(name: String, toml: String)] = [
        ("default", defaultTheme),
        ("high-contrast", highContrast),
        ("monochrome", monochrome),
    ]

    private static let defaultTheme = """
        # CadreDesk theme "default": calm colours for an ordinary 8/16-colour terminal.
        # One table per role; each takes fg and bg (default, black, red, green, yellow, blue,
        # magenta, cyan, white, or bright-<colour>) and attrs (bold, reverse, underline, dim).
        # Omitted fg/bg mean the terminal's own colour. Every role must be present.

        [normal]

        [title]
        fg = "bright-white"
        bg = "blue"
        attrs = ["bold"]

        [header]
        fg = "cyan"
        attrs = ["bold", "underline"]

        [selected]
        fg = "black"
        bg = "cyan"

        [muted]
        fg = "bright-black"

        [alert]
        fg = "black"
        bg = "yellow"
        attrs = ["bold"]

        [warning]
        fg = "yellow"
        attrs = ["bold"]

        [error]
        fg = "red"
        attrs = ["bold"]

        [ok]
        fg = "green"

        [input]
        attrs = ["underline"]

        [inputFocused]
        fg = "black"
        bg = "white"

        [border]
        fg = "blue"

        [chartBar]
        fg = "cyan"

        [tabActive]
        fg = "black"
        bg = "white"
        attrs = ["bold"]

        [tabInactive]
        fg = "white"
        bg = "blue"

        [keyBar]
        fg = "black"
        bg = "cyan"

        [keyBarKey]
        fg = "white"
        bg = "black"
        attrs = ["bold"]

        [toast]
        fg = "black"
        bg = "green"

        [toastWarning]
        fg = "black"
        bg = "yellow"

        [toastError]
        fg = "bright-white"
        bg = "red"
        attrs = ["bold"]

        [dialog]
        fg = "black"
        bg = "white"

        [button]
        fg = "black"
        bg = "white"
        attrs = ["underline"]

        [buttonFocused]
        fg = "bright-white"
        bg = "blue"
        attrs = ["bold"]

        """

    private static let highContrast = """
        # CadreDesk theme "high-contrast": for older eyes. Bright, bold text on black; the
        # selection is a solid bright-yellow band; errors and alerts are unmistakable.
        # Same format as default.toml.

        [normal]
        fg = "bright-white"
        bg = "black"
        attrs = ["bold"]

        [title]
        fg = "black"
        bg = "bright-white"
        attrs = ["bold"]

        [header]
        fg = "bright-cyan"
        bg = "black"
        attrs = ["bold", "underline"]

        [selected]
        fg = "black"
        bg = "bright-yellow"
        attrs = ["bold"]

        [muted]
        fg = "white"
        bg = "black"

        [alert]
        fg = "bright-white"
        bg = "red"
        attrs = ["bold"]

        [warning]
        fg = "bright-yellow"
        bg = "black"
        attrs = ["bold"]

        [error]
        fg = "bright-red"
        bg = "black"
        attrs = ["bold", "underline"]

        [ok]
        fg = "bright-green"
        bg = "black"
        attrs = ["bold"]

        [input]
        fg = "bright-white"
        bg = "black"
        attrs = ["bold", "underline"]

        [inputFocused]
        fg = "black"
        bg = "bright-white"
        attrs = ["bold"]

        [border]
        fg = "bright-white"
        bg = "black"

        [chartBar]
        fg = "bright-cyan"
        bg = "black"
        attrs = ["bold"]

        [tabActive]
        fg = "black"
        bg = "bright-yellow"
        attrs = ["bold"]

        [tabInactive]
        fg = "bright-white"
        bg = "black"
        attrs = ["bold"]

        [keyBar]
        fg = "black"
        bg = "bright-white"
        attrs = ["bold"]

        [keyBarKey]
        fg = "bright-yellow"
        bg = "black"
        attrs = ["bold"]

        [toast]
        fg = "black"
        bg = "bright-green"
        attrs = ["bold"]

        [toastWarning]
        fg = "black"
        bg = "bright-yellow"
        attrs = ["bold"]

        [toastError]
        fg = "bright-white"
        bg = "red"
        attrs = ["bold", "underline"]

        [dialog]
        fg = "bright-white"
        bg = "blue"
        attrs = ["bold"]

        [button]
        fg = "bright-white"
        bg = "blue"
        attrs = ["bold", "underline"]

        [buttonFocused]
        fg = "black"
        bg = "bright-yellow"
        attrs = ["bold"]

        """

    private static let monochrome = """
        # CadreDesk theme "monochrome": attributes only, no colours. Also what every screen is
        # drawn with when NO_COLOR is set or the terminal has no colours, so each role that
        # appears next to another must differ in attributes (see Theme.contrastGroups).
        # Same format as default.toml.

        [normal]

        [title]
        attrs = ["reverse"]

        [header]
        attrs = ["underline"]

        [selected]
        attrs = ["reverse"]

        [muted]
        attrs = ["dim"]

        [alert]
        attrs = ["bold", "reverse"]

        [warning]
        attrs = ["bold"]

        [error]
        attrs = ["bold", "underline"]

        [ok]
        attrs = ["underline", "dim"]

        [input]
        attrs = ["underline"]

        [inputFocused]
        attrs = ["reverse"]

        [border]

        [chartBar]
        attrs = ["bold"]

        [tabActive]
        attrs = ["bold", "reverse"]

        [tabInactive]

        [keyBar]
        attrs = ["reverse"]

        [keyBarKey]
        attrs = ["bold"]

        [toast]
        attrs = ["bold", "reverse"]

        [toastWarning]
        attrs = ["reverse", "underline"]

        [toastError]
        attrs = ["bold", "reverse", "underline"]

        [dialog]

        [button]
        attrs = ["bold"]

        [buttonFocused]
        attrs = ["bold", "reverse"]

        """
}
