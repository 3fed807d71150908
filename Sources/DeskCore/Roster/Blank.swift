/// Trimming blanks around typed text and spreadsheet cells. Same result as
/// Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)`, without its
/// cost when there is nothing to trim (nearly always: an import trims every cell).
enum Blank {
    static func trim(_ s: String) -> String {
        let u = s.unicodeScalars
        guard let first = u.first, let last = u.last else { return s }
        if !first.properties.isWhitespace, !last.properties.isWhitespace { return s }
        var start = u.startIndex, end = u.endIndex
        while start < end, u[start].properties.isWhitespace { start = u.index(after: start) }
        while end > start, u[u.index(before: end)].properties.isWhitespace { end = u.index(before: end) }
        return String(u[start..<end])
    }
}
