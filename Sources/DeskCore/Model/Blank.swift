/// Trimming blanks around typed text and spreadsheet cells: the result of
/// Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` (or
/// `.whitespaces` with `newlines: false`), without its cost when there is
/// nothing to trim — nearly always, and an import trims every cell.
enum Blank {
    static func trim(_ s: String, newlines: Bool = true) -> String {
        let u = s.unicodeScalars
        func blank(_ c: Unicode.Scalar) -> Bool {
            guard c.properties.isWhitespace else { return false }
            return newlines || !"\n\r\u{0B}\u{0C}\u{85}\u{2028}\u{2029}".unicodeScalars.contains(c)
        }
        guard let first = u.first, let last = u.last else { return s }
        if !blank(first), !blank(last) { return s }
        var start = u.startIndex, end = u.endIndex
        while start < end, blank(u[start]) { start = u.index(after: start) }
        while end > start, blank(u[u.index(before: end)]) { end = u.index(before: end) }
        return String(u[start..<end])
    }
}
