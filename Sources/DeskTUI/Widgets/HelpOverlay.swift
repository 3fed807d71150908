/// What a key did to the help overlay.
public enum HelpOverlayOutcome: Equatable, Sendable {
    case handled
    /// Esc: the screen should drop the overlay.
    case closed
}

/// The `?` overlay: a modal list of a screen's key table grouped by `group`, narrowed by
/// typing (matches keys, actions, descriptions and groups), scrolled with ↑↓/PgUp/PgDn.
/// Esc closes it.
public struct HelpOverlay: Equatable, Sendable {
    public var title: String
    public var bindings: [KeyBinding]
    /// Caller string before the filter text ("筛选: ").
    public var filterPrompt: String
    /// Caller string shown when nothing matches the filter.
    public var noMatchesMessage: String
    public private(set) var filter = TextField()
    /// First line shown; see `viewportHeight`.
    public private(set) var scrollTop = 0
    /// Rows of entries visible at the last draw (`bodyHeight(in:)`; 20 before the first),
    /// shared with the copies drawn from (see `Table.viewportHeight`); used to page and
    /// to stop scrolling at the end. Drawing works whatever it is.
    public internal(set) var viewportHeight: Int {
        get { drawnHeight.rows }
        nonmutating set { drawnHeight.rows = newValue }
    }
    private let drawnHeight = DrawnHeight()

    public init(title: String, bindings: [KeyBinding], filterPrompt: String, noMatchesMessage: String) {
        self.title = title
        self.bindings = bindings
        self.filterPrompt = filterPrompt
        self.noMatchesMessage = noMatchesMessage
    }

    /// A line of the list: a group heading or an entry.
    public enum Line: Equatable, Sendable {
        case group(String)
        case entry(KeyBinding)
    }

    /// The bindings that match the filter text (all when it is empty).
    public var matchingBindings: [KeyBinding] {
        let needle = SearchFolding.folded(filter.text)
        guard !needle.isEmpty else { return bindings }
        return bindings.filter { binding in
            // The same case-insensitive match as the table filter.
            [binding.keyLabel, binding.label, binding.help, binding.group].contains {
                ByteSearch.contains(SearchFolding.folded($0), needle)
            }
        }
    }

    /// The lines shown: matching entries under their group headings, groups in the order
    /// they first appear.
    public var lines: [Line] {
        var groups: [String] = []
        var entries: [String: [KeyBinding]] = [:]
        for binding in matchingBindings {
            if entries[binding.group] == nil { groups.append(binding.group) }
            entries[binding.group, default: []].append(binding)
        }
        return groups.flatMap { group in
            (group.isEmpty ? [] : [Line.group(group)]) + entries[group]!.map(Line.entry)
        }
    }

    public mutating func handle(_ key: Key) -> HelpOverlayOutcome {
        let count = lines.count
        switch key {
        case .escape: return .closed
        case .up: scrollTop -= 1
        case .down: scrollTop += 1
        case .pageUp: scrollTop -= max(1, viewportHeight - 1)
        case .pageDown: scrollTop += max(1, viewportHeight - 1)
        case .home: scrollTop = 0
        case .end: scrollTop = count
        default:
            if filter.handle(key) == .changed { scrollTop = 0 }
            return .handled
        }
        scrollTop = ScrollWindow.clamp(scrollTop, height: viewportHeight, count: count)
        return .handled
    }

    /// The box the overlay occupies over `area`.
    public static func frame(in area: Rect) -> Rect {
        area.centered(Size(width: min(area.width - 2, 76), height: area.height - 2))
    }

    /// Rows of entries the overlay shows over `area` (for `viewportHeight`).
    public static func bodyHeight(in area: Rect) -> Int {
        max(0, frame(in: area).height - 4)  // border, filter row, separator
    }

    public func draw(in canvas: inout some Canvas, rect area: Rect) {
        let inner = Box.modal(in: &canvas, rect: HelpOverlay.frame(in: area), title: title)
        guard inner.height >= 3 else { return }
        let body = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height - 2)
        viewportHeight = body.height
        let lines = self.lines
        if lines.isEmpty {
            canvas.put(noMatchesMessage, at: Point(x: body.x, y: body.y), style: Style(.muted), maxWidth: body.width)
        }
        let keyWidth = min(matchingBindings.map { DisplayWidth.of($0.keyLabel) }.max() ?? 0, body.width / 3)
        let top = ScrollWindow.clamp(scrollTop, height: body.height, count: lines.count)
        for (row, line) in lines.dropFirst(top).prefix(body.height).enumerated() {
            let y = body.y + row
            switch line {
            case .group(let name):
                canvas.put(name, at: Point(x: body.x, y: y), style: Style(.header), maxWidth: body.width)
            case .entry(let binding):
                canvas.putField(binding.keyLabel, at: Point(x: body.x + 2, y: y), width: keyWidth, style: Style(.dialog, .bold))
                let helpX = body.x + 2 + keyWidth + 2
                canvas.put(binding.help, at: Point(x: helpX, y: y), style: Style(.dialog), maxWidth: body.maxX - helpX)
            }
        }
        Box.horizontalLine(in: &canvas, rect: inner.row(-2), style: Style(.dialog))
        let filterRow = Rect(x: body.x, y: inner.maxY - 1, width: body.width, height: 1)
        let fieldX = canvas.put(filterPrompt, at: Point(x: filterRow.x, y: filterRow.y), style: Style(.dialog),
                                maxWidth: filterRow.width)
        filter.draw(in: &canvas, rect: Rect(x: fieldX, y: filterRow.y, width: filterRow.maxX - fieldX, height: 1),
                    focused: true)
    }
}
