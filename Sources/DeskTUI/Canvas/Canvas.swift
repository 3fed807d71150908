/// A surface widgets draw on: a grid of cells, each holding one grapheme cluster of
/// display width 1 or 2 (a wide one covers the next cell too). Implementations clip to
/// their size and never split a wide character.
///
/// `MemoryCanvas` keeps the grid for tests and benchmarks; `NcursesCanvas` shows it.
public protocol Canvas {
    /// Columns × rows.
    var size: Size { get }

    /// Where the terminal cursor should stand after the frame is shown (a focused text
    /// field sets it); nil hides the cursor.
    var cursor: Point? { get set }

    /// Writes `text` from `point` rightwards in `style`, stopping at `maxWidth` columns
    /// (when given) or the right edge. A wide character that would not fit entirely leaves
    /// a space instead. Returns the column after the last cell written.
    @discardableResult
    mutating func put(_ text: String, at point: Point, style: Style, maxWidth: Int?) -> Int

    /// Fills `rect` (clipped) with spaces in `style`.
    mutating func fill(_ rect: Rect, style: Style)

    /// Writes `text` into exactly `width` columns: truncated with `…` (never splitting a
    /// wide character) or padded per alignment. Table cells, labels, bars.
    mutating func putField(_ text: String, at point: Point, width: Int, style: Style, alignment: Alignment)
}

extension Canvas {
    @discardableResult
    public mutating func put(_ text: String, at point: Point, style: Style) -> Int {
        put(text, at: point, style: style, maxWidth: nil)
    }

    public mutating func putField(_ text: String, at point: Point, width: Int, style: Style) {
        putField(text, at: point, width: width, style: style, alignment: .left)
    }

    /// The plain implementation; `MemoryCanvas` has one that builds no strings.
    public mutating func putField(_ text: String, at point: Point, width: Int, style: Style,
                                  alignment: Alignment) {
        guard width > 0 else { return }
        put(DisplayWidth.fit(text, to: width, alignment: alignment), at: point, style: style, maxWidth: width)
    }

    /// Clears the whole canvas to `normal` and hides the cursor: the start of a frame.
    public mutating func clear() {
        fill(Rect(size: size), style: Style(.normal))
        cursor = nil
    }
}
