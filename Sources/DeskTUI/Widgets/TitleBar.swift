/// The title line at the top: left, centre and right segments (caller strings). The right
/// segment is kept whole where possible, the left one is shortened next, and the centre
/// is shown only when it fits between them.
public struct TitleBar: Equatable, Sendable {
    public var left: String
    public var center: String
    public var right: String

    public init(left: String = "", center: String = "", right: String = "") {
        self.left = left
        self.center = center
        self.right = right
    }

    public func draw(in canvas: inout some Canvas, rect: Rect) {
        guard !rect.isEmpty else { return }
        let row = rect.row(0)
        let style = Style(.title)
        canvas.fill(row, style: style)
        let rightText = DisplayWidth.truncate(right, to: max(0, rect.width / 2 - 1))
        let rightWidth = DisplayWidth.of(rightText)
        let leftText = DisplayWidth.truncate(left, to: max(0, rect.width - rightWidth - 3))
        let leftEnd = canvas.put(leftText, at: Point(x: rect.x + 1, y: rect.y), style: style)
        let rightStart = rect.maxX - 1 - rightWidth
        canvas.put(rightText, at: Point(x: rightStart, y: rect.y), style: style)
        let centerWidth = DisplayWidth.of(center)
        let centerStart = rect.x + (rect.width - centerWidth) / 2
        if !center.isEmpty, centerStart > leftEnd, centerStart + centerWidth < rightStart {
            canvas.put(center, at: Point(x: centerStart, y: rect.y), style: style)
        }
    }
}
