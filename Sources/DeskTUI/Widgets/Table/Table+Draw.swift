extension Table {
    /// Column widths for a table drawn `width` columns wide.
    public func columnWidths(width: Int) -> [Int] {
        TableLayout.widths(columns, natural: naturalWidths, total: width, gap: columnGap)
    }

    /// Draws the header on the first row of `rect`, the rows below it and the footer
    /// (filter line and "12/340" position) on the last row. Only visible rows are touched.
    public func draw(in canvas: inout some Canvas, rect: Rect) {
        guard rect.height >= 2, rect.width > 0 else { return }
        let widths = columnWidths(width: rect.width)
        drawHeader(in: &canvas, row: rect.row(0), widths: widths)

        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: Table.bodyHeight(in: rect))
        viewportHeight = body.height
        if visibleCount == 0, body.height > 0 {
            let message = rows.isEmpty ? emptyMessage : noMatchesMessage
            canvas.put(message, at: Point(x: body.x + 1, y: body.y), style: Style(.muted), maxWidth: body.width - 1)
        }
        let selected = selectedPosition ?? -1
        let top = ScrollWindow.top(scrollTop, keeping: max(0, selected), height: body.height,
                                   count: visibleCount)
        for line in 0..<min(body.height, visibleCount - top) {
            let index = top + line
            let row = visibleRow(at: index)
            let style = Style(index == selected ? .selected : row.emphasis)
            drawCells(row.cells, in: &canvas, row: body.row(line), widths: widths, style: style)
        }
        drawFooter(in: &canvas, row: rect.row(-1))
    }

    private func drawHeader(in canvas: inout some Canvas, row: Rect, widths: [Int]) {
        let titles = columns.enumerated().map { index, column -> String in
            guard index == sortColumn else { return column.title }
            let arrow = sortAscending ? "▲" : "▼"
            return DisplayWidth.truncate(column.title, to: max(0, widths[index] - 1)) + arrow
        }
        drawCells(titles, in: &canvas, row: row, widths: widths, style: Style(.header))
    }

    /// One line of cells, each fitted to its column (truncated with `…`, never splitting a
    /// wide character), the whole line in `style` so a selection is one solid band.
    private func drawCells(_ cells: [String], in canvas: inout some Canvas, row: Rect, widths: [Int], style: Style) {
        canvas.fill(row, style: style)
        var x = row.x
        for (index, width) in widths.enumerated() where x < row.maxX {
            if columns[index].minTableWidth > row.width { continue }
            let text = index < cells.count ? cells[index] : ""
            canvas.putField(text, at: Point(x: x, y: row.y), width: min(width, row.maxX - x), style: style,
                            alignment: columns[index].alignment)
            x += width + columnGap
        }
    }

    private func drawFooter(in canvas: inout some Canvas, row: Rect) {
        canvas.fill(row, style: Style(.normal))
        var position = "\(selectedPosition.map { $0 + 1 } ?? 0)/\(visibleCount)"
        if visibleCount != rows.count { position += " (\(rows.count))" }
        let positionWidth = DisplayWidth.of(position)
        canvas.put(position, at: Point(x: row.maxX - positionWidth, y: row.y), style: Style(.muted))
        guard isEditingFilter || !filterText.isEmpty else { return }
        let fieldWidth = max(0, row.width - positionWidth - 3)
        canvas.put("/", at: Point(x: row.x, y: row.y), style: Style(isEditingFilter ? .normal : .muted))
        let fieldRect = Rect(x: row.x + 1, y: row.y, width: fieldWidth, height: 1)
        if isEditingFilter {
            filterField.draw(in: &canvas, rect: fieldRect, focused: true)
        } else {
            canvas.put(filterText, at: Point(x: fieldRect.x, y: row.y), style: Style(.muted), maxWidth: fieldWidth)
        }
    }
}
