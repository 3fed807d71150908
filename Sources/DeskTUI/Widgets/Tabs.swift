/// What a key did to the tab bar.
public enum TabsOutcome: Equatable, Sendable {
    /// Another tab became active (its index).
    case switched(Int)
    case ignored
}

/// The tab bar: numbered titles (`1 花名册  2 走访 …`) with the active one highlighted.
/// Tab/Shift-Tab cycle, digits 1–9 jump.
public struct Tabs: Equatable, Sendable {
    public var titles: [String]
    public private(set) var active: Int

    public init(titles: [String], active: Int = 0) {
        self.titles = titles
        self.active = titles.isEmpty ? 0 : min(max(0, active), titles.count - 1)
    }

    public mutating func select(_ index: Int) {
        guard titles.indices.contains(index) else { return }
        active = index
    }

    public mutating func handle(_ key: Key) -> TabsOutcome {
        guard !titles.isEmpty else { return .ignored }
        let target: Int
        switch key {
        case .tab: target = (active + 1) % titles.count
        case .backTab: target = (active + titles.count - 1) % titles.count
        case .char(let character):
            guard let digit = character.wholeNumberValue, (1...min(9, titles.count)).contains(digit),
                  character.isASCII else { return .ignored }
            target = digit - 1
        default: return .ignored
        }
        guard target != active else { return .ignored }
        active = target
        return .switched(target)
    }

    /// Draws on the first row of `rect`; titles are shortened evenly when they do not fit.
    public func draw(in canvas: inout some Canvas, rect: Rect) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect.row(0), style: Style(.tabInactive))
        // Each tab is " 1 花名册 ", side by side, so titles stand two spaces apart.
        let numbers = titles.indices.map { "\($0 + 1) " }
        let fixed = numbers.reduce(0) { $0 + $1.count + 2 }
        var titleLimit = titles.map { DisplayWidth.of($0) }.max() ?? 0
        while titleLimit > 1,
              fixed + titles.reduce(0, { $0 + min(DisplayWidth.of($1), titleLimit) }) > rect.width {
            titleLimit -= 1
        }
        var x = rect.x
        for (index, title) in titles.enumerated() where x < rect.maxX {
            let style = Style(index == active ? .tabActive : .tabInactive)
            let text = " " + numbers[index] + DisplayWidth.truncate(title, to: titleLimit) + " "
            x = canvas.put(text, at: Point(x: x, y: rect.y), style: style, maxWidth: rect.maxX - x)
        }
    }
}
