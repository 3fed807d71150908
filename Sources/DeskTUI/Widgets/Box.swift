/// Borders drawn with Unicode box-drawing characters (one column each).
public enum Box {
    /// Draws a border on the edge of `rect`, with an optional title in the top line, and
    /// returns the rect inside it.
    @discardableResult
    public static func draw(in canvas: inout some Canvas, rect: Rect, style: Style = Style(.border),
                            title: String = "", titleStyle: Style = Style(.header)) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let inner = String(repeating: "─", count: rect.width - 2)
        canvas.put("┌" + inner + "┐", at: Point(x: rect.x, y: rect.y), style: style)
        canvas.put("└" + inner + "┘", at: Point(x: rect.x, y: rect.maxY - 1), style: style)
        for y in rect.y + 1..<rect.maxY - 1 {
            canvas.put("│", at: Point(x: rect.x, y: y), style: style)
            canvas.put("│", at: Point(x: rect.maxX - 1, y: y), style: style)
        }
        if !title.isEmpty, rect.width > 4 {
            canvas.put(" " + DisplayWidth.truncate(title, to: rect.width - 6) + " ",
                       at: Point(x: rect.x + 2, y: rect.y), style: titleStyle)
        }
        return rect.insetBy(dx: 1, dy: 1)
    }

    /// A horizontal separator line across the first row of `rect`.
    public static func horizontalLine(in canvas: inout some Canvas, rect: Rect, style: Style = Style(.border)) {
        guard !rect.isEmpty else { return }
        canvas.put(String(repeating: "─", count: rect.width), at: Point(x: rect.x, y: rect.y), style: style)
    }

    /// Clears `rect` in `fill` and draws a border on it: the frame of a modal box.
    /// Returns the inner rect.
    @discardableResult
    public static func modal(in canvas: inout some Canvas, rect: Rect, title: String = "",
                             fill: Style = Style(.dialog)) -> Rect {
        canvas.fill(rect, style: fill)
        return draw(in: &canvas, rect: rect, style: fill, title: title, titleStyle: Style(fill.role, .bold))
    }
}
