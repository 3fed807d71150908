import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal. Owns it from `init` to `close()` (or deinit, or a fatal signal).
///
/// Widgets draw into an in-memory frame (a `MemoryCanvas`, so width handling is the same
/// code the tests check); `present()` writes the rows that changed since the last frame
/// with wide-character calls and refreshes once.
///
///     let terminal = NcursesCanvas(theme: theme)
///     while running {
///         terminal.clear(); screen.view(&terminal); terminal.present()
///         if let key = terminal.readKey(timeoutMs: 250) { … } else { tick }
///     }
///     terminal.close()
public final class NcursesCanvas: Canvas {
    public private(set) var size: Size
    public var cursor: Point?
    /// False when drawing with attributes only (NO_COLOR, or a terminal without colours).
    public let colorsEnabled: Bool
    private var frame: MemoryCanvas
    private var shown: MemoryCanvas?  // what the terminal shows; nil: unknown, repaint all
    private var attributesByRole: [attr_t] = []
    private var colorPairByRole: [Int16] = []
    private var isOpen = true

    /// Takes over the terminal. `raw`: Ctrl-C, Ctrl-Z, Ctrl-S arrive as keys instead of
    /// signals (the app decides what they do).
    public init(theme: Theme, raw: Bool = true) {
        setlocale(LC_ALL, "")  // before initscr: wide characters need the user's UTF-8 locale
        // A launcher may leave SIGWINCH blocked; ncurses would then never see a resize.
        var winch = sigset_t()
        sigemptyset(&winch)
        sigaddset(&winch, SIGWINCH)
        pthread_sigmask(SIG_UNBLOCK, &winch, nil)
        TerminalRestore.install()
        initscr()
        if raw { CNcursesw.raw() } else { cbreak() }
        noecho()
        nonl()
        keypad(cd_stdscr(), true)
        intrflush(cd_stdscr(), false)
        set_escdelay(25)
        curs_set(0)
        let noColor = getenv("NO_COLOR").map { String(cString: $0) } ?? ""
        colorsEnabled = has_colors() && Theme.colorAllowed(environment: ["NO_COLOR": noColor])
        size = Size(width: Int(cd_getmaxx(cd_stdscr())), height: Int(cd_getmaxy(cd_stdscr())))
        frame = MemoryCanvas(size: size)
        if colorsEnabled {
            start_color()
            use_default_colors()
        }
        setTheme(theme)
    }

    deinit { close() }

    /// Gives the terminal back (`endwin`). Safe to call twice.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        endwin()
        TerminalRestore.uninstall()
    }

    /// Switches theme; the next `present()` repaints everything.
    public func setTheme(_ requested: Theme) {
        let theme = requested.forTerminal(colorsAvailable: colorsEnabled)
        let manyColors = cd_COLORS() >= 16
        attributesByRole = []
        colorPairByRole = []
        for role in Role.allCases {
            let look = theme[role]
            var attributes = NcursesCanvas.cursesAttributes(look.attributes)
            var pair: Int16 = 0
            if colorsEnabled {
                pair = Int16(role.rawValue) + 1
                var foreground = look.foreground.cursesNumber
                var background = look.background.cursesNumber
                if !manyColors {
                    let fallback = look.foreground.eightColorFallback
                    foreground = fallback.number
                    if fallback.bold { attributes |= cd_A_BOLD() }
                    background = look.background.eightColorFallback.number
                }
                init_pair(pair, foreground, background)
            }
            attributesByRole.append(attributes)
            colorPairByRole.append(pair)
        }
        redrawAll()
    }

    /// Forgets what the terminal shows, so the next `present()` repaints every cell (after
    /// a resize, or when something else wrote to the terminal).
    public func redrawAll() {
        shown = nil
        clearok(cd_stdscr(), true)
    }

    @discardableResult
    public func put(_ text: String, at point: Point, style: Style, maxWidth: Int?) -> Int {
        frame.put(text, at: point, style: style, maxWidth: maxWidth)
    }

    public func fill(_ rect: Rect, style: Style) {
        frame.fill(rect, style: style)
    }

    public func putField(_ text: String, at point: Point, width: Int, style: Style, alignment: Alignment) {
        frame.putField(text, at: point, width: width, style: style, alignment: alignment)
    }

    /// Shows the frame: writes each row that differs from the last frame, places the
    /// cursor, refreshes once.
    public func present() {
        guard isOpen else { return }
        var buffer: [wchar_t] = []
        buffer.reserveCapacity(size.width * 2 + 1)
        for y in 0..<size.height where shown.map({ !$0.rowEquals(frame, y) }) ?? true {
            var x = 0
            while x < size.width {
                // One call per run of cells in the same style.
                let style = frame.cell(at: Point(x: x, y: y)).style
                let start = x
                buffer.removeAll(keepingCapacity: true)
                while x < size.width {
                    let cell = frame.cell(at: Point(x: x, y: y))
                    if cell.style != style { break }
                    if !cell.isContinuation { NcursesCanvas.appendScalars(of: cell, to: &buffer) }
                    x += 1
                }
                let role = Int(style.role.rawValue)
                attr_set(attributesByRole[role] | NcursesCanvas.cursesAttributes(style.extra),
                         colorPairByRole[role], nil)
                buffer.withUnsafeBufferPointer {
                    _ = mvaddnwstr(Int32(y), Int32(start), $0.baseAddress, Int32($0.count))
                }
            }
        }
        shown = frame
        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < size.width, cursor.y < size.height {
            move(Int32(cursor.y), Int32(cursor.x))
            curs_set(1)
        } else {
            curs_set(0)
        }
        refresh()
    }

    /// Waits up to `timeoutMs` (nil: forever) for a key; nil when none came, so the app
    /// loop can tick. On `.resize` the canvas has already taken the new size.
    public func readKey(timeoutMs: Int?) -> Key? {
        guard isOpen else { return nil }
        timeout(Int32(timeoutMs ?? -1))
        var code: wint_t = 0
        switch get_wch(&code) {
        case KEY_CODE_YES:
            if Int32(code) == KEY_RESIZE { adoptTerminalSize() }
            return CursesKeyDecoder.key(forKeyCode: Int32(code))
        case OK:
            guard let key = CursesKeyDecoder.key(forCharacter: UInt32(code)) else { return nil }
            return key == .escape ? altOrEscape() : key
        default:
            return nil
        }
    }

    /// After Esc: a character already waiting means Alt+character (terminals send Alt-x as
    /// Esc x); anything else is put back for the next read.
    private func altOrEscape() -> Key {
        timeout(0)
        var code: wint_t = 0
        switch get_wch(&code) {
        case OK:
            if let next = CursesKeyDecoder.key(forCharacter: UInt32(code)),
               let alt = CursesKeyDecoder.altKey(after: next) {
                return alt
            }
            unget_wch(wchar_t(bitPattern: UInt32(code)))
        case KEY_CODE_YES:
            ungetch(Int32(code))
        default:
            break
        }
        return .escape
    }

    private func adoptTerminalSize() {
        size = Size(width: Int(cd_getmaxx(cd_stdscr())), height: Int(cd_getmaxy(cd_stdscr())))
        frame.resize(to: size)
        redrawAll()
    }

    private static func cursesAttributes(_ attributes: Attributes) -> attr_t {
        var result = cd_A_NORMAL()
        if attributes.contains(.bold) { result |= cd_A_BOLD() }
        if attributes.contains(.reverse) { result |= cd_A_REVERSE() }
        if attributes.contains(.underline) { result |= cd_A_UNDERLINE() }
        if attributes.contains(.dim) { result |= cd_A_DIM() }
        return result
    }

    /// The scalars to send for one cell, chosen so that ncurses (which measures each
    /// scalar with wcwidth) and the terminal advance exactly the cell's width: an emoji
    /// ZWJ sequence is sent as its first emoji, a narrow base of a wide cluster (❤ + VS16)
    /// gets a space after it.
    private static func appendScalars(of cell: MemoryCanvas.Cell, to buffer: inout [wchar_t]) {
        let scalars = cell.character.unicodeScalars
        if scalars.count == 1, let only = scalars.first, only.value < 0x7F {
            buffer.append(wchar_t(only.value))
            return
        }
        let widths = scalars.map { Int(max(0, cd_wcwidth(wchar_t(bitPattern: $0.value)))) }
        // Never send a ZWJ: terminals disagree on joining, and one that joins differently
        // from us would swallow the next cell.
        let hasJoiner = scalars.contains { $0.value == 0x200D }
        if !hasJoiner, widths.reduce(0, +) == Int(cell.width) {
            buffer.append(contentsOf: scalars.map { wchar_t(bitPattern: $0.value) })
            return
        }
        let first = scalars.first!
        switch (widths[0], Int(cell.width)) {
        case (2, 2), (1, 1):
            buffer.append(wchar_t(bitPattern: first.value))
        case (1, 2):
            buffer.append(wchar_t(bitPattern: first.value))
            buffer.append(32)
        default:
            buffer.append(contentsOf: Array(repeating: 32, count: Int(cell.width)))
        }
    }
}
