import CNcursesw

/// How text is placed inside a field that is wider than the text.
public enum Alignment: Sendable, Hashable {
    case left, right, center
}

/// Terminal display width: the one place that decides how many columns text takes.
///
/// Widths are per grapheme cluster (`Character`): CJK and emoji are 2 columns, combining
/// marks and controls 0, everything else 1. An emoji ZWJ sequence, a flag or an emoji with
/// VS16 is one cluster of width 2. The C library's `wcwidth` answers first (the canvas calls
/// `setlocale(LC_ALL, "")`); when it cannot (the "C" locale) a built-in table takes over.
public enum DisplayWidth {
    /// The mark put where text was cut; one column wide.
    public static let ellipsis: Character = "…"

    /// Columns taken by one grapheme cluster (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        guard let second = iterator.next() else { return of(first) }
        // A cluster takes the width of its base; the rest join it. Two exceptions make
        // the cluster an emoji of width 2: VS16 (emoji presentation) and a flag (two RIs).
        if isRegionalIndicator(first), isRegionalIndicator(second) { return 2 }
        var width = of(first)
        if width == 0 { return 0 }
        var next: Unicode.Scalar? = second
        while let scalar = next {
            if scalar.value == 0xFE0F { width = 2 }
            next = iterator.next()
        }
        return width
    }

    /// Columns taken by a string.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        if let ascii = asciiWidth(text.utf8) { return ascii }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Columns taken by one scalar on its own (`wcwidth`, with the built-in fallback).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }
        // CJK Unified Ideographs: wide in every UTF-8 locale; most of what we draw.
        if value >= 0x4E00 && value <= 0x9FFF { return 2 }
        let width = cd_wcwidth(wchar_t(bitPattern: value))
        if width >= 0 { return Int(width) }
        return fallbackWidth(scalar)
    }

    /// Cuts `text` to at most `columns` columns without splitting a wide character;
    /// when anything was cut, the last column shows `…`. The result may be narrower than
    /// `columns` (a wide character that does not fit leaves a gap).
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        let fit = fitting(text, in: columns)
        return fit.isTruncated ? String(text[..<fit.end]) + String(ellipsis) : text
    }

    /// How `text` fits in `columns`: the end of the part to show, its width, and whether
    /// the rest was cut (then `…` follows the part, and part + `…` fit). The one
    /// truncation rule; `truncate` and canvases that write without building strings use it.
    public static func fitting<S: StringProtocol>(_ text: S, in columns: Int)
        -> (end: S.Index, width: Int, isTruncated: Bool) {
        guard columns > 0 else { return (text.startIndex, 0, !text.isEmpty) }
        if let ascii = asciiWidth(text.utf8), ascii == text.utf8.count {
            // Printable ASCII: one byte is one column.
            if ascii <= columns { return (text.endIndex, ascii, false) }
            return (text.utf8.index(text.startIndex, offsetBy: columns - 1), columns - 1, true)
        }
        var used = 0
        var kept = (end: text.startIndex, width: 0)  // the longest prefix that leaves room for `…`
        var index = text.startIndex
        while index < text.endIndex {
            used += of(text[index])
            if used > columns { return (kept.end, kept.width, true) }
            index = text.index(after: index)
            if used < columns { kept = (index, used) }
        }
        return (text.endIndex, used, false)
    }

    /// Pads (or first truncates) `text` to exactly `columns` columns.
    public static func fit(_ text: String, to columns: Int, alignment: Alignment = .left) -> String {
        guard columns > 0 else { return "" }
        let cut = truncate(text, to: columns)
        return pad(cut, to: columns, alignment: alignment)
    }

    /// Pads `text` with spaces to `columns` columns; text already that wide is returned as is.
    public static func pad(_ text: String, to columns: Int, alignment: Alignment = .left) -> String {
        let gap = columns - of(text)
        guard gap > 0 else { return text }
        switch alignment {
        case .left:
            return text + String(repeating: " ", count: gap)
        case .right:
            return String(repeating: " ", count: gap) + text
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: gap - left)
        }
    }

    /// Width of printable ASCII text, or nil when the text holds anything else.
    /// Controls count 0, as in the general path.
    @inline(__always)
    static func asciiWidth<U: Collection<UInt8>>(_ utf8: U) -> Int? {
        var width = 0
        for byte in utf8 {
            if byte >= 0x80 { return nil }
            if byte >= 0x20 && byte < 0x7F { width += 1 }
        }
        return width
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// Width when `wcwidth` returned -1 for a non-ASCII scalar (locale "C" or unknown).
    static func fallbackWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if EastAsianWideTable.contains(value) { return 2 }
        if (0x1160...0x11FF).contains(value) { return 0 }  // Hangul medial vowels and finals join the syllable
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator:
            return 0
        default:
            return 1
        }
    }
}
