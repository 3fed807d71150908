/// A series as one line of block characters ▁▂▃▄▅▆▇█, scaled from its minimum to its maximum.
public enum Sparkline {
    public static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The sparkline of `values`; with `width`, only the last `width` values (the newest).
    public static func render(_ values: [Double], width: Int? = nil) -> String {
        let shown = width.map { Array(values.suffix(max(0, $0))) } ?? values
        guard let low = shown.min(), let high = shown.max() else { return "" }
        guard high > low else {
            // A flat series: at the bottom when it is all zero, mid-height otherwise.
            return String(repeating: high == 0 ? levels[0] : levels[3], count: shown.count)
        }
        let top = Double(levels.count - 1)
        return String(shown.map { levels[Int(((($0 - low) / (high - low)) * top).rounded())] })
    }

    /// Draws the newest values that fit on the first row of `rect`.
    public static func draw(_ values: [Double], in canvas: inout some Canvas, rect: Rect,
                            style: Style = Style(.chartBar)) {
        guard !rect.isEmpty else { return }
        canvas.put(render(values, width: rect.width), at: Point(x: rect.x, y: rect.y), style: style, maxWidth: rect.width)
    }
}
