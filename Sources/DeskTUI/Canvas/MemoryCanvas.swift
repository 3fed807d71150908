/// A canvas that is only a grid in memory: what tests assert on (as lines of text and
/// styles per cell) and what `NcursesCanvas` draws into before it shows a frame.
public struct MemoryCanvas: Canvas, Equatable {
    /// One cell as read back. A wide character's second cell is a continuation (width 0).
    public struct Cell: Hashable, Sendable {
        public var character: Character
        /// 1 or 2 for a character's first cell, 0 for the cell a wide character covers.
        public var width: UInt8
        public var style: Style

        public var isContinuation: Bool { width == 0 }
    }

    /// A cell as stored: plain data, so drawing a frame does no reference counting.
    /// `code` is the scalar of a one-scalar character, or `clusterFlag | index` into
    /// `clusters` for a grapheme of several scalars (emoji sequences, combining marks).
    private struct StoredCell: Equatable {
        var code: UInt32
        var width: UInt8
        var style: Style

        static func blank(_ style: Style) -> StoredCell { StoredCell(code: 0x20, width: 1, style: style) }
    }

    private static let clusterFlag: UInt32 = 0x8000_0000

    public private(set) var size: Size
    public var cursor: Point?
    private var cells: [StoredCell]
    private var clusters: [Character] = []
    private var clusterCodes: [Character: UInt32] = [:]

    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        self.cells = Array(repeating: .blank(Style(.normal)), count: self.size.width * self.size.height)
    }

    public init(width: Int, height: Int) {
        self.init(size: Size(width: width, height: height))
    }

    /// The cell at a position (must be inside the canvas).
    public func cell(at point: Point) -> Cell {
        let stored = cells[point.y * size.width + point.x]
        return Cell(character: character(stored.code), width: stored.width, style: stored.style)
    }

    /// The style of the cell at a position; tests use it to check e.g. that the selected
    /// row is drawn `selected`.
    public func style(at point: Point) -> Style {
        cells[point.y * size.width + point.x].style
    }

    /// Row `y` as text: each character once (a wide one's covered cell adds nothing).
    public func line(_ y: Int, trimmingTrailingSpaces trim: Bool = true) -> String {
        var text = ""
        let start = y * size.width
        for cell in cells[start..<start + size.width] where cell.width > 0 {
            text.append(character(cell.code))
        }
        guard trim else { return text }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// All rows as text, for asserting a whole screen.
    public func lines(trimmingTrailingSpaces trim: Bool = true) -> [String] {
        (0..<size.height).map { line($0, trimmingTrailingSpaces: trim) }
    }

    private func character(_ code: UInt32) -> Character {
        if code & MemoryCanvas.clusterFlag != 0 { return clusters[Int(code & ~MemoryCanvas.clusterFlag)] }
        return Character(Unicode.Scalar(code) ?? " ")
    }

    private mutating func code(for character: Character) -> UInt32 {
        var scalars = character.unicodeScalars.makeIterator()
        let first = scalars.next()!
        if scalars.next() == nil { return first.value }
        if let code = clusterCodes[character] { return code }
        let code = MemoryCanvas.clusterFlag | UInt32(clusters.count)
        clusters.append(character)
        clusterCodes[character] = code
        return code
    }

    /// Changes the size; the content is cleared (the next frame redraws everything).
    public mutating func resize(to newSize: Size) {
        self = MemoryCanvas(size: newSize)
    }

    @discardableResult
    public mutating func put(_ text: String, at point: Point, style: Style, maxWidth: Int?) -> Int {
        write(text, at: point, style: style, maxWidth: maxWidth)
    }

    public mutating func putField(_ text: String, at point: Point, width: Int, style: Style, alignment: Alignment) {
        guard width > 0 else { return }
        let fit = DisplayWidth.fitting(text, in: width)
        let used = fit.width + (fit.isTruncated ? 1 : 0)
        let gap = width - used
        let left = alignment == .left ? 0 : alignment == .right ? gap : gap / 2
        fill(Rect(x: point.x, y: point.y, width: width, height: 1), style: style)
        let end = write(text[..<fit.end], at: Point(x: point.x + left, y: point.y), style: style, maxWidth: fit.width)
        if fit.isTruncated { write(String(DisplayWidth.ellipsis), at: Point(x: end, y: point.y), style: style, maxWidth: 1) }
    }

    @discardableResult
    private mutating func write<S: StringProtocol>(_ text: S, at point: Point, style: Style, maxWidth: Int?) -> Int {
        guard point.y >= 0, point.y < size.height else { return point.x }
        var limit = size.width
        if let maxWidth { limit = min(limit, point.x + max(0, maxWidth)) }
        var x = point.x
        // Printable ASCII: one byte, one cell; no width lookups.
        if DisplayWidth.asciiWidth(text.utf8) == text.utf8.count {
            for byte in text.utf8 {
                if x >= limit { break }
                if x >= 0 { set(x, point.y, UInt32(byte), width: 1, style: style) }
                x += 1
            }
            return x
        }
        for character in text {
            if x >= limit { break }
            let width = DisplayWidth.of(character)
            if width == 0 { continue }  // a lone control or format character has no cell
            if x + width > limit {
                if x >= 0 { set(x, point.y, 0x20, width: 1, style: style) }
                x += 1
                break
            }
            if x >= 0 {
                set(x, point.y, code(for: character), width: UInt8(width), style: style)
            } else if x + width > 0 {
                set(0, point.y, 0x20, width: 1, style: style)  // right half of a wide char cut by the left edge
            }
            x += width
        }
        return x
    }

    public mutating func fill(_ rect: Rect, style: Style) {
        let area = rect.intersection(Rect(size: size))
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            repairLeft(of: area.x, y)
            repairRight(of: area.maxX - 1, y)
        }
        let width = size.width
        cells.withUnsafeMutableBufferPointer { cells in
            for y in area.y..<area.maxY {
                let start = y * width
                for x in area.x..<area.maxX { cells[start + x] = .blank(style) }
            }
        }
    }

    /// Writes one character of `width` at (x, y), clearing any wide character it halves.
    private mutating func set(_ x: Int, _ y: Int, _ code: UInt32, width: UInt8, style: Style) {
        let last = x + Int(width) - 1
        repairLeft(of: x, y)
        repairRight(of: last, y)
        let index = y * size.width + x
        cells[index] = StoredCell(code: code, width: width, style: style)
        if width == 2 { cells[index + 1] = StoredCell(code: 0x20, width: 0, style: style) }
    }

    /// If cell x is the covered half of a wide character, that character becomes a space.
    private mutating func repairLeft(of x: Int, _ y: Int) {
        let index = y * size.width + x
        if x > 0, cells[index].width == 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
            cells[index] = .blank(cells[index].style)
        }
    }

    /// If cell x is the first half of a wide character, its covered half becomes a space.
    private mutating func repairRight(of x: Int, _ y: Int) {
        let index = y * size.width + x
        if x + 1 < size.width, cells[index].width == 2 {
            cells[index + 1] = .blank(cells[index + 1].style)
        }
    }
}

extension MemoryCanvas {
    /// Whether row `y` holds the same cells in both canvases (of the same size).
    func rowEquals(_ other: MemoryCanvas, _ y: Int) -> Bool {
        guard size == other.size else { return false }
        let start = y * size.width
        return cells[start..<start + size.width] == other.cells[start..<start + size.width]
    }
}
