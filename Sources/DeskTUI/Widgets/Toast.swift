/// A short message that disappears by itself after a number of ticks of the app loop.
public struct Toast: Equatable, Sendable {
    public enum Kind: Sendable {
        case info, warning, error

        var role: Role {
            switch self {
            case .info: return .toast
            case .warning: return .toastWarning
            case .error: return .toastError
            }
        }
    }

    public var message: String
    public var kind: Kind
    public private(set) var remainingTicks: Int

    public init(_ message: String, kind: Kind = .info, ticks: Int) {
        self.message = message
        self.kind = kind
        self.remainingTicks = max(0, ticks)
    }

    public var isExpired: Bool { remainingTicks == 0 }

    /// Counts one tick down; returns whether the toast has now expired.
    @discardableResult
    public mutating func tick() -> Bool {
        if remainingTicks > 0 { remainingTicks -= 1 }
        return isExpired
    }

    /// Draws the message right-aligned on the last row of `rect` (e.g. the row above the
    /// key bar). An expired toast draws nothing.
    public func draw(in canvas: inout some Canvas, rect: Rect) {
        guard !isExpired, !rect.isEmpty else { return }
        let text = " " + DisplayWidth.truncate(message, to: max(0, rect.width - 2)) + " "
        let x = rect.maxX - DisplayWidth.of(text)
        canvas.put(text, at: Point(x: max(rect.x, x), y: rect.maxY - 1), style: Style(kind.role), maxWidth: rect.width)
    }
}
