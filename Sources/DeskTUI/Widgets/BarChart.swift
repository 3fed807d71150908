/// Horizontal bars with labels (CJK aligned by display width) and value texts, scaled to
/// the width, drawn with eighth blocks so a bar's length is exact to 1/8 column.
public struct BarChart: Equatable, Sendable {
    public struct Bar: Equatable, Sendable {
        public var label: String
        public var value: Double
        /// The value as the caller formats it ("12", "45%").
        public var valueText: String

        public init(label: String, value: Double, valueText: String) {
            self.label = label
            self.value = value
            self.valueText = valueText
        }
    }

    public var bars: [Bar]
    /// The value of a full-width bar; nil scales to the largest value.
    public var scaleMaximum: Double?

    public init(bars: [Bar], scaleMaximum: Double? = nil) {
        self.bars = bars
        self.scaleMaximum = scaleMaximum
    }

    /// Partial blocks for 1/8 … 7/8 of a column.
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar of `value` out of `maximum` in `width` columns. A positive value always shows
    /// at least 1/8 column, so it is not mistaken for zero.
    public static func barText(value: Double, maximum: Double, width: Int) -> String {
        guard maximum > 0, value > 0, width > 0 else { return "" }
        let total = min(width * 8, max(1, Int((min(value, maximum) / maximum * Double(width * 8)).rounded())))
        var text = String(repeating: "█", count: total / 8)
        if total % 8 > 0 { text.append(eighths[total % 8 - 1]) }
        return text
    }

    /// One bar per row from the top of `rect`: label, bar, value.
    public func draw(in canvas: inout some Canvas, rect: Rect) {
        guard !rect.isEmpty else { return }
        let labelWidth = min(bars.map { DisplayWidth.of($0.label) }.max() ?? 0, rect.width / 3)
        let valueWidth = bars.map { DisplayWidth.of($0.valueText) }.max() ?? 0
        let barWidth = max(0, rect.width - labelWidth - valueWidth - 2)
        let maximum = scaleMaximum ?? bars.map(\.value).max() ?? 0
        for (row, bar) in bars.prefix(rect.height).enumerated() {
            let y = rect.y + row
            canvas.putField(bar.label, at: Point(x: rect.x, y: y), width: labelWidth, style: Style(.normal))
            canvas.put(BarChart.barText(value: bar.value, maximum: maximum, width: barWidth),
                       at: Point(x: rect.x + labelWidth + 1, y: y), style: Style(.chartBar), maxWidth: barWidth)
            canvas.putField(bar.valueText, at: Point(x: rect.maxX - valueWidth, y: y), width: valueWidth,
                            style: Style(.normal), alignment: .right)
        }
    }
}
