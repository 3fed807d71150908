/// A canvas that is only a grid in memory: what tests assert on (as lines of text and
/// styles per cell) and what `NcursesCanvas` draws into before it shows a frame.
public struct MemoryCanvas: Canvas, Equatable {
    /// One cell. A wide character's second cell is a `continuation` (width 0).
    public struct Cell: Hashable, Sendable {
        public var character: Character
        /// 1 or 2 for a character's first cell, 0 for the cell a wide character covers.
        public var width: UInt8
        public var style: Style

        public var isContinuation: Bool { width == 0 }

        static func blank(_ style: Style) -> Cell { Cell(character: " ", width: 1, style: style) }
    }

    public private(set) var size: Size
    public var cursor: Point?
    private var cells: [Cell]

    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        self.cells = Array(repeating: .blank(Style(.normal)), count: self.size.width * self.size.height)
    }

    public init(width: Int, height: Int) {
        self.init(size: Size(width: width, height: height))
    }

    /// The cell at a position (must be inside the canvas).
    public func cell(at point: Point) -> Cell {
        cells[point.y * size.width + point.x]
    }

    /// The style of the cell at a position; tests use it to check e.g. that the selected
    /// row is drawn `selected`.
    public func style(at point: Point) -> Style {
        cell(at: point).style
    }

    /// Row `y` as text: each character once (a wide one's covered cell adds nothing).
    public func line(_ y: Int, trimmingTrailingSpaces trim: Bool = true) -> String {
        var text = ""
        let start = y * size.width
        for cell in cells[start..<start + size.width] where !cell.isContinuation {
            text.append(cell.character)
        }
        guard trim else { return text }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// All rows as text, for asserting a whole screen.
    public func lines(trimmingTrailingSpaces trim: Bool = true) -> [String] {
        (0..<size.height).map { line($0, trimmingTrailingSpaces: trim) }
    }

    /// Changes the size; the content is cleared (the next frame redraws everything).
    public mutating func resize(to newSize: Size) {
        self = MemoryCanvas(size: newSize)
    }

    @discardableResult
    public mutating func put(_ text: String, at point: Point, style: Style, maxWidth: Int?) -> Int {
        guard point.y >= 0, point.y < size.height else { return point.x }
        var limit = size.width
        if let maxWidth { limit = min(limit, point.x + max(0, maxWidth)) }
        var x = point.x
        // Printable ASCII: one byte, one cell; no width lookups.
        if DisplayWidth.asciiWidth(text.utf8) == text.utf8.count {
            for byte in text.utf8 {
                if x >= limit { break }
                if x >= 0 { set(x, point.y, Character(Unicode.Scalar(byte)), width: 1, style: style) }
                x += 1
            }
            return x
        }
        for character in text {
            if x >= limit { break }
            let width = DisplayWidth.of(character)
            if width == 0 { continue }  // a lone control or format character has no cell
            if x + width > limit {
                if x >= 0 { set(x, point.y, " ", width: 1, style: style) }
                x += 1
                break
            }
            if x >= 0 {
                set(x, point.y, character, width: UInt8(width), style: style)
            } else if x + width > 0 {
                set(0, point.y, " ", width: 1, style: style)  // right half of a wide char cut by the left edge
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
            let start = y * size.width
            for x in area.x..<area.maxX { cells[start + x] = .blank(style) }
        }
    }

    /// Writes one character of `width` at (x, y), clearing any wide character it halves.
    private mutating func set(_ x: Int, _ y: Int, _ character: Character, width: UInt8, style: Style) {
        let last = x + Int(width) - 1
        repairLeft(of: x, y)
        repairRight(of: last, y)
        let index = y * size.width + x
        cells[index] = Cell(character: character, width: width, style: style)
        if width == 2 { cells[index + 1] = Cell(character: " ", width: 0, style: style) }
    }

    /// If cell x is the covered half of a wide character, that character becomes a space.
    private mutating func repairLeft(of x: Int, _ y: Int) {
        let index = y * size.width + x
        if x > 0, cells[index].isContinuation {
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
