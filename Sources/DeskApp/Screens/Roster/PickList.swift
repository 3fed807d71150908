import DeskCore
import DeskTUI

/// A modal list to pick one entry from (the named lists with their counts,
/// the status actions): ↑↓ move, typing narrows it when `filterable`, Enter
/// picks, Esc closes. Entries may carry a group heading shown at the left of
/// the group's first line.
struct PickList<Value: Equatable> {
    struct Entry {
        var value: Value
        var text: String
        var group: String = ""
        var muted = false
    }

    enum Outcome: Equatable {
        case picked(Value)
        case cancelled
        case handled
    }

    let title: String
    let entries: [Entry]
    let filterable: Bool
    var filter = TextField(maxLength: 20)
    private(set) var visible: [Int]
    private(set) var selected = 0

    init(title: String, entries: [Entry], filterable: Bool, selectedValue: Value? = nil) {
        self.title = title
        self.entries = entries
        self.filterable = filterable
        visible = Array(entries.indices)
        if let v = selectedValue, let i = entries.firstIndex(where: { $0.value == v }) { selected = i }
    }

    var selectedValue: Value? { visible.indices.contains(selected) ? entries[visible[selected]].value : nil }

    mutating func handle(_ key: Key, pageHeight: Int) -> Outcome {
        switch key {
        case .escape:
            if filterable, !filter.text.isEmpty { filter = TextField(maxLength: 20); refilter(); return .handled }
            return .cancelled
        case .enter: return selectedValue.map { .picked($0) } ?? .handled
        case .up: move(to: selected - 1)
        case .down: move(to: selected + 1)
        case .pageUp: move(to: selected - max(1, pageHeight - 1))
        case .pageDown: move(to: selected + max(1, pageHeight - 1))
        case .home: move(to: 0)
        case .end: move(to: visible.count - 1)
        default:
            if !filterable {
                if key == .char("k") { move(to: selected - 1) } else if key == .char("j") { move(to: selected + 1) }
                return .handled
            }
            if filter.handle(key) == .changed { refilter() }
        }
        return .handled
    }

    private mutating func move(to index: Int) {
        selected = visible.isEmpty ? 0 : min(max(0, index), visible.count - 1)
    }

    private mutating func refilter() {
        let q = filter.text.lowercased()
        visible = entries.indices.filter { q.isEmpty || entries[$0].text.lowercased().contains(q) || entries[$0].group.lowercased().contains(q) }
        selected = 0
    }

    /// The box this list takes over `area`.
    func frame(in area: Rect) -> Rect {
        let groupWidth = entries.map { DisplayWidth.of($0.group) }.max() ?? 0
        let textWidth = entries.map { DisplayWidth.of($0.text) }.max() ?? 0
        let width = min(area.width - 4, max(DisplayWidth.of(title) + 6, groupWidth + textWidth + 8, 36))
        let height = min(area.height - 2, entries.count + (filterable ? 4 : 2))
        return area.centered(Size(width: width, height: height))
    }

    /// Rows of entries the box shows when drawn over `area`.
    func pageHeight(in area: Rect) -> Int { max(1, frame(in: area).height - (filterable ? 4 : 2)) }

    func draw(in canvas: inout some Canvas, rect area: Rect, noMatches: String, filterLabel: String) {
        let box = frame(in: area)
        var inner = Box.modal(in: &canvas, rect: box, title: title)
        if filterable {
            let (line, rest) = inner.splitTop(2)
            let lw = DisplayWidth.of(filterLabel) + 1
            canvas.put(filterLabel, at: Point(x: line.x + 1, y: line.y), style: Style(.dialog))
            let field = Rect(x: line.x + 1 + lw, y: line.y, width: max(0, line.width - lw - 2), height: 1)
            filter.draw(in: &canvas, rect: field, focused: true)
            inner = rest
        }
        guard !inner.isEmpty else { return }
        if visible.isEmpty {
            canvas.put(noMatches, at: Point(x: inner.x + 1, y: inner.y), style: Style(.muted), maxWidth: inner.width - 1)
            return
        }
        let groupWidth = entries.map { DisplayWidth.of($0.group) }.max() ?? 0
        let first = max(0, min(selected - inner.height / 2, visible.count - inner.height))
        for line in 0..<min(inner.height, visible.count - first) {
            let index = first + line
            let e = entries[visible[index]]
            let row = inner.row(line)
            let isSelected = index == selected
            let style = Style(isSelected ? .selected : (e.muted ? .muted : .dialog))
            canvas.fill(row, style: style)
            let showGroup = index == 0 || entries[visible[index - 1]].group != e.group
            var x = row.x + 1
            if groupWidth > 0 {
                if showGroup {
                    canvas.put(e.group, at: Point(x: x, y: row.y), style: isSelected ? style : Style(.muted), maxWidth: groupWidth)
                }
                x += groupWidth + 2
            }
            canvas.put(e.text, at: Point(x: x, y: row.y), style: style, maxWidth: row.maxX - x)
        }
        if first > 0 { canvas.put("▲", at: Point(x: inner.maxX - 1, y: inner.y), style: Style(.muted)) }
        if first + inner.height < visible.count { canvas.put("▼", at: Point(x: inner.maxX - 1, y: inner.maxY - 1), style: Style(.muted)) }
    }
}
