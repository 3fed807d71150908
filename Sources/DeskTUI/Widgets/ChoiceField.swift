/// A field that holds one of a few options (caller strings, e.g. 男/女), changed with
/// ←/→ or Space. Shown as `< 男 >`.
public struct ChoiceField: Equatable, Sendable {
    public var options: [String]
    public private(set) var selected: Int

    public init(options: [String], selected: Int = 0) {
        self.options = options
        self.selected = options.isEmpty ? 0 : min(max(0, selected), options.count - 1)
    }

    public var selectedOption: String? { options.indices.contains(selected) ? options[selected] : nil }

    public mutating func select(_ index: Int) {
        guard !options.isEmpty else { return }
        selected = (index % options.count + options.count) % options.count
    }

    public mutating func handle(_ key: Key) -> FieldOutcome {
        guard options.count > 1 else { return .ignored }
        switch key {
        case .right, .char(" "): select(selected + 1)
        case .left: select(selected - 1)
        default: return .ignored
        }
        return .changed
    }

    public func draw(in canvas: inout some Canvas, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let style = Style(focused ? .inputFocused : .input)
        canvas.fill(rect.row(0), style: style)
        let inner = max(0, rect.width - 4)
        canvas.put("< " + DisplayWidth.fit(selectedOption ?? "", to: inner) + " >",
                   at: Point(x: rect.x, y: rect.y), style: style, maxWidth: rect.width)
    }
}
