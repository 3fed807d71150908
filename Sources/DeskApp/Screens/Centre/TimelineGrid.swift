import DeskCore
import DeskTUI

/// Rows of room-days against a time axis: today's grid (one row per room) and
/// the week grid (one row per day of one room) draw the same way.
///
/// A cell is a slice of minutes. Blank: closed hours; `·`: free; `×`: a closure;
/// `=` on a coloured band: full or taken (green once checked in), with the
/// booking's name written from its start; `-`: in use with places left, so
/// "can one more come?" reads at a glance, in colour or not.
struct TimelineGrid {
    struct Row {
        var label: String
        var day: RoomDay
        /// A mark after the label (today's row in the week grid).
        var marked = false
    }

    var rows: [Row]
    var from: LocalTime
    var to: LocalTime
    /// Where to draw the "now" mark on the axis (nil: not on this grid's days).
    var now: LocalTime?
    var selectedRow: Int?

    static let minuteSteps = [10, 15, 20, 30, 60]
    static let maxLabelWidth = 16

    /// Minutes per column so the whole day fits in `width` columns.
    static func minutesPerColumn(from: LocalTime, to: LocalTime, width: Int) -> Int {
        let span = max(60, to.minuteOfDay - from.minuteOfDay)
        return minuteSteps.first { (span + $0 - 1) / $0 <= width } ?? 60
    }

    var labelWidth: Int { min(Self.maxLabelWidth, (rows.map { DisplayWidth.of($0.label) + ($0.marked ? 1 : 0) }.max() ?? 4) + 1) }

    /// Height it needs: the axis and one line per row.
    var height: Int { rows.count + 1 }

    func draw(in canvas: inout some Canvas, rect: Rect, _ text: Localizer) {
        guard rect.height > 0, rect.width > labelWidth + 10 else { return }
        let lw = labelWidth
        let width = rect.width - lw
        let step = Self.minutesPerColumn(from: from, to: to, width: width)
        let columns = min(width, (to.minuteOfDay - from.minuteOfDay + step - 1) / step)
        drawAxis(in: &canvas, at: Point(x: rect.x + lw, y: rect.y), columns: columns, step: step)
        for (i, row) in rows.enumerated() where i + 1 < rect.height {
            let y = rect.y + 1 + i
            let selected = i == selectedRow
            let label = DisplayWidth.fit(row.label + (row.marked ? "*" : ""), to: lw - 1)
            canvas.put(label, at: Point(x: rect.x, y: y), style: Style(selected ? .selected : .normal, selected ? .bold : []),
                       maxWidth: lw - 1)
            let cells = Self.cells(of: row.day, from: from, step: step, columns: columns, text)
            for (c, cell) in cells.enumerated() {
                guard let ch = cell.character else { continue }
                let x = rect.x + lw + c
                canvas.put(String(ch), at: Point(x: x, y: y), style: cell.style, maxWidth: rect.maxX - x)
            }
        }
    }

    /// Hour labels where they fit, and the current time as `|` (or, where a
    /// label stands, that label's character highlighted).
    func drawAxis(in canvas: inout some Canvas, at origin: Point, columns: Int, step: Int) {
        let perHour = 60 / step
        var axis = [Character](repeating: " ", count: columns)
        var minute = from.minuteOfDay
        for x in 0..<columns {
            if minute % 60 == 0 {
                let label = perHour >= 6 ? LocalTime(minuteOfDay: minute).description : (minute < 600 ? "0" : "") + String(minute / 60)
                if x + label.count <= columns { for (i, ch) in label.enumerated() { axis[x + i] = ch } }
            }
            minute += step
        }
        canvas.put(String(axis), at: origin, style: Style(.header))
        if let now, now >= from, now < to {
            let col = (now.minuteOfDay - from.minuteOfDay) / step
            if col < columns {
                canvas.put(axis[col] == " " ? "|" : String(axis[col]), at: Point(x: origin.x + col, y: origin.y), style: Style(.warning, .reverse))
            }
        }
    }

    /// One grid cell: a character (nil where a wide character before it covers the cell) and its style.
    struct Cell: Equatable {
        var character: Character?
        var style: Style
    }

    /// The cells of one room-day: the background first (hours, closures, load),
    /// then each booking's name written over its block.
    static func cells(of day: RoomDay, from: LocalTime, step: Int, columns: Int, _ text: Localizer) -> [Cell] {
        var cells: [Cell] = []
        cells.reserveCapacity(columns)
        let live = day.items.filter { $0.status != .released }
        for c in 0..<columns {
            let mid = LocalTime(minuteOfDay: from.minuteOfDay + c * step + step / 2)
            cells.append(background(day, live, at: mid))
        }
        for item in live {
            let first = max(0, (item.span.start.minuteOfDay - from.minuteOfDay) / step)
            let last = min(columns, (item.span.end.minuteOfDay - from.minuteOfDay + step - 1) / step)
            guard first < last else { continue }
            var col = first
            for ch in label(item, text) {
                let w = DisplayWidth.of(ch)
                guard w > 0, col + w <= last else { break }
                // Overwriting half of an earlier wide character blanks its other half.
                if cells[col].character == nil, col > 0 { cells[col - 1].character = " " }
                if w == 2, col + 2 < columns, cells[col + 2].character == nil { cells[col + 2].character = " " }
                cells[col].character = ch
                if w == 2 { cells[col + 1].character = nil }
                col += w
            }
        }
        return cells
    }

    static func background(_ day: RoomDay, _ items: [GridItem], at t: LocalTime) -> Cell {
        if day.closed.contains(where: { $0.span.start <= t && t < $0.span.end }) { return Cell(character: "×", style: Style(.muted)) }
        guard day.open.contains(where: { $0.start <= t && t < $0.end }) else { return Cell(character: " ", style: Style(.normal)) }
        let here = items.filter { $0.span.start <= t && t < $0.span.end }
        guard !here.isEmpty else { return Cell(character: "·", style: Style(.ok)) }
        let full = day.load.first { $0.span.start <= t && t < $0.span.end }.map { $0.free == 0 } ?? true
        let role: DeskTUI.Role = here.allSatisfy { $0.status == .checkedIn } ? .ok : here.allSatisfy { $0.status == .ended } ? .muted : .chartBar
        return Cell(character: full ? "=" : "-", style: Style(role, full ? .reverse : []))
    }

    /// `✓张三`, `8/12 书法班` (present of expected first: a block may be short), `书画协会`.
    static func label(_ item: GridItem, _ text: Localizer) -> String {
        switch item.kind {
        case .course, .centre:
            return "\(item.present)/\(item.expected) \(item.label)"
        case .cadre, .group:
            return (item.status == .checkedIn ? "✓" : "") + item.label
        }
    }
}
