import Testing
@testable import DeskTUI

@Suite struct TableTests {
    static let columns = [
        TableColumn("姓名", width: .fixed(10)),
        TableColumn("电话", width: .fixed(11)),
        TableColumn("年龄", width: .fixed(4), alignment: .right, sorting: .numeric),
    ]

    static func roster(_ names: [String]) -> [TableRow<Int>] {
        names.enumerated().map { index, name in
            TableRow(id: index, cells: [name, "1380000\(1000 + index)", "\(70 + index % 5)"])
        }
    }

    static func table(_ names: [String]) -> Table<Int> {
        Table(columns: columns, rows: roster(names), emptyMessage: "暂无记录", noMatchesMessage: "没有匹配")
    }

    static func render(_ table: Table<Int>, width: Int = 30, height: Int = 8) -> MemoryCanvas {
        var canvas = MemoryCanvas(width: width, height: height)
        table.draw(in: &canvas, rect: Rect(x: 0, y: 0, width: width, height: height))
        return canvas
    }

    /// The display column where `needle` starts in `line`.
    static func column(of needle: String, in line: String) -> Int? {
        line.range(of: needle).map { DisplayWidth.of(line[..<$0.lowerBound]) }
    }

    @Test func tableTruncatesWideNamesWithoutSplittingACharacter() {
        let canvas = Self.render(Self.table(["欧阳修远", "欧阳修远志明"]))
        let lines = canvas.lines()
        // 10 columns: 欧阳修远 (8) is padded; 欧阳修远志明 (12) keeps what fits with the …
        #expect(lines[1].hasPrefix("欧阳修远   13800001000"))
        #expect(lines[2].hasPrefix("欧阳修远…  13800001001"))
        // The next column starts at column 11 in both rows.
        #expect(Self.column(of: "1380", in: lines[1]) == 11)
        #expect(Self.column(of: "1380", in: lines[2]) == 11)
        // No cell holds half a character: every wide character's covered cell follows it.
        for y in 1...2 {
            for x in 0..<10 where canvas.cell(at: Point(x: x, y: y)).width == 2 {
                #expect(canvas.cell(at: Point(x: x + 1, y: y)).isContinuation)
            }
        }
    }

    @Test func cjkColumnsLineUpAcrossRows() {
        let lines = Self.render(Self.table(["王五", "Li Na", "司马相如", "阿依古丽·买买提", "Zhang San Feng Long"])).lines()
        let phoneColumns = lines[1...5].map { Self.column(of: "1380", in: $0) }
        #expect(phoneColumns.allSatisfy { $0 == 11 }, "\(lines)")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 30 })
    }

    @Test func headerAndSelectedRowHaveTheirRoles() {
        let canvas = Self.render(Self.table(["张三", "李四"]))
        #expect(canvas.style(at: Point(x: 0, y: 0)).role == .header)
        #expect(canvas.style(at: Point(x: 0, y: 1)).role == .selected)
        #expect(canvas.style(at: Point(x: 29, y: 1)).role == .selected)  // a solid band across
        #expect(canvas.style(at: Point(x: 0, y: 2)).role == .normal)
        #expect(Theme.monochrome.attributes(for: canvas.style(at: Point(x: 5, y: 1))).contains(.reverse))
    }

    @Test func rowsWithEmphasisAreDrawnInThatRole() {
        var rows = Self.roster(["张三", "李四"])
        rows[1].emphasis = .alert
        let table = Table(columns: Self.columns, rows: rows, emptyMessage: "", noMatchesMessage: "")
        #expect(Self.render(table).style(at: Point(x: 3, y: 2)).role == .alert)
    }

    @Test func theFilterNarrowsRowsAsYouType() {
        var table = Self.table(["张三", "张三丰", "李四", "张小明", "王五"])
        #expect(table.handle(.char("/")) == .handled)
        #expect(table.isEditingFilter)
        _ = table.handle(.char("张"))
        #expect(table.visibleRows.map(\.cells[0]) == ["张三", "张三丰", "张小明"])
        _ = table.handle(.char("三"))
        #expect(table.visibleRows.map(\.cells[0]) == ["张三", "张三丰"])
        let lines = Self.render(table).lines()
        #expect(lines[1].hasPrefix("张三 "))
        #expect(lines[3] == "")
        #expect(lines[7].hasPrefix("/张三"))
        #expect(lines[7].hasSuffix("1/2 (5)"))
        _ = table.handle(.backspace)
        #expect(table.visibleCount == 3)  // widening the query brings rows back
        _ = table.handle(.enter)
        #expect(!table.isEditingFilter)
        #expect(table.filterText == "张")
        #expect(table.visibleCount == 3)
    }

    @Test func escClearsTheFilterAndKeepsTheSelection() {
        var table = Self.table(["张三", "李四", "张小明", "王五"])
        for key: Key in [.char("/"), .char("张"), .down, .escape] { _ = table.handle(key) }
        #expect(table.filterText == "")
        #expect(table.visibleCount == 4)
        #expect(table.selectedRow?.cells[0] == "张小明")
    }

    @Test func theFilterSearchesCaseInsensitivelyAndInExtraSearchText() {
        let rows = [
            TableRow(id: 1, cells: ["张三", "", ""], searchText: "zhangsan zs"),
            TableRow(id: 2, cells: ["Li Na", "", ""]),
            TableRow(id: 3, cells: ["王五", "", ""], searchText: "wangwu ww"),
        ]
        var table = Table(columns: Self.columns, rows: rows, emptyMessage: "", noMatchesMessage: "")
        table.setFilter("ZHANG")
        #expect(table.visibleRows.map(\.id) == [1])
        table.setFilter("li n")
        #expect(table.visibleRows.map(\.id) == [2])
    }

    @Test func aCallerMatcherReplacesTheDefault() {
        var table = Self.table(["张三", "李四", "张小明"])
        table.matcher = { row, query in row.cells[0].hasPrefix(query) && row.cells[0].count == 2 }
        table.setFilter("张")
        #expect(table.visibleRows.map(\.cells[0]) == ["张三"])
    }

    @Test func nAndShiftNJumpToTheNextAndPreviousMatchOfTheLastSearch() {
        var table = Self.table(["张三", "李四", "张小明", "王五", "张飞"])
        for key: Key in [.char("/"), .char("张"), .escape] { _ = table.handle(key) }
        #expect(table.lastSearch == "张")
        #expect(table.selectedRow?.cells[0] == "张三")
        _ = table.handle(.char("n"))
        #expect(table.selectedRow?.cells[0] == "张小明")
        _ = table.handle(.char("n"))
        #expect(table.selectedRow?.cells[0] == "张飞")
        _ = table.handle(.char("n"))
        #expect(table.selectedRow?.cells[0] == "张三")  // wraps around
        _ = table.handle(.char("N"))
        #expect(table.selectedRow?.cells[0] == "张飞")
    }

    @Test func sortingCyclesColumnsAndReversesStably() {
        let rows = [
            TableRow(id: 1, cells: ["b", "", "80"]),
            TableRow(id: 2, cells: ["a", "", "9"]),
            TableRow(id: 3, cells: ["c", "", "80"]),
            TableRow(id: 4, cells: ["d", "", "—"]),
        ]
        var table = Table(columns: Self.columns, rows: rows, emptyMessage: "", noMatchesMessage: "")
        _ = table.handle(.char("s"))
        #expect(table.sortColumn == 0)
        #expect(table.visibleRows.map(\.id) == [2, 1, 3, 4])
        _ = table.handle(.char("s"))
        #expect(table.sortColumn == 1)
        #expect(table.visibleRows.map(\.id) == [1, 2, 3, 4])  // all phones equal: the given order
        _ = table.handle(.char("s"))
        #expect(table.sortColumn == 2)
        #expect(table.visibleRows.map(\.id) == [2, 1, 3, 4])  // 9 < 80 numerically; 1 before 3; no number last
        _ = table.handle(.char("r"))
        #expect(!table.sortAscending)
        #expect(table.visibleRows.map(\.id) == [1, 3, 2, 4])  // equal keys keep their given order
        #expect(Self.render(table).lines()[0].hasSuffix("▼"))
        _ = table.handle(.char("s"))
        #expect(table.sortColumn == nil)
        #expect(table.visibleRows.map(\.id) == [1, 2, 3, 4])
    }

    @Test func callerSortKeysOrderChineseNamesByPinyin() {
        let rows = [
            TableRow(id: 1, cells: ["张三", "", ""], sortKeys: ["zhang san"]),
            TableRow(id: 2, cells: ["李四", "", ""], sortKeys: ["li si"]),
            TableRow(id: 3, cells: ["王五", "", ""], sortKeys: ["wang wu"]),
        ]
        var table = Table(columns: Self.columns, rows: rows, emptyMessage: "", noMatchesMessage: "")
        table.sort(byColumn: 0)
        #expect(table.visibleRows.map(\.cells[0]) == ["李四", "王五", "张三"])
    }

    @Test func selectionStaysOnTheSameRowAndScreenLineWhenRowsAreReplaced() {
        var table = Self.table((0..<50).map { "人员\($0)" })
        table.viewportHeight = 6
        for _ in 0..<23 { _ = table.handle(.down) }
        for _ in 0..<3 { _ = table.handle(.up) }  // mid-window, not at an edge
        #expect(table.selectedID == 20)
        let before = Self.render(table).lines()
        let line = before.firstIndex { $0.hasPrefix("人员20 ") }
        #expect(line == 3)

        // Another terminal added three people at the top and removed one below.
        var rows = Self.roster((0..<50).map { "人员\($0)" })
        rows.remove(at: 30)
        rows.insert(contentsOf: [100, 101, 102].map { TableRow(id: $0, cells: ["新人\($0)", "", ""]) }, at: 0)
        table.setRows(rows)
        #expect(table.selectedID == 20)
        let after = Self.render(table).lines()
        #expect(after.firstIndex { $0.hasPrefix("人员20 ") } == line)
    }

    @Test func whenTheSelectedRowDisappearsTheSelectionStaysNearby() {
        var table = Self.table(["a", "b", "c", "d"])
        for _ in 0..<2 { _ = table.handle(.down) }
        table.setRows([0, 1, 3].map { TableRow(id: $0, cells: [["a", "b", "c", "d"][$0], "", ""]) })
        #expect(table.selectedRow?.cells[0] == "d")
    }

    @Test func scrollingKeepsTheSelectionVisible() {
        var table = Self.table((0..<100).map { "行\($0)" })
        let shown = table  // a view draws from a copy; the table still learns the height it was drawn with
        _ = Self.render(shown)
        #expect(table.viewportHeight == Table<Int>.bodyHeight(in: Rect(x: 0, y: 0, width: 30, height: 8)))
        _ = table.handle(.pageDown)
        _ = table.handle(.pageDown)
        #expect(table.selectedID == 10)
        var lines = Self.render(table).lines()
        #expect(lines[1...6].contains { $0.hasPrefix("行10 ") })
        _ = table.handle(.char("G"))
        lines = Self.render(table).lines()
        #expect(lines[6].hasPrefix("行99 "))
        #expect(lines[7].hasSuffix("100/100"))
        _ = table.handle(.char("k"))
        lines = Self.render(table).lines()
        #expect(lines[6].hasPrefix("行99 "))  // moving up inside the window does not scroll
        _ = table.handle(.char("g"))
        #expect(Self.render(table).lines()[1].hasPrefix("行0 "))
    }

    @Test func drawingKeepsTheSelectionVisibleEvenWithAStaleViewportHeight() {
        var table = Self.table((0..<100).map { "行\($0)" })
        table.viewportHeight = 50  // the screen never told the table its real height
        for _ in 0..<30 { _ = table.handle(.down) }
        #expect(Self.render(table).lines()[1...6].contains { $0.hasPrefix("行30 ") })
    }

    @Test func emptyAndNoMatchMessagesAreTheCallersStrings() {
        var table = Self.table([])
        #expect(Self.render(table).lines()[1] == " 暂无记录")
        table.setRows(Self.roster(["张三"]))
        table.setFilter("xyz")
        #expect(Self.render(table).lines()[1] == " 没有匹配")
        #expect(Self.render(table).lines()[7].hasSuffix("0/0 (1)"))
    }

    @Test func enterActivatesTheSelectedRow() {
        var table = Self.table(["张三", "李四"])
        _ = table.handle(.down)
        #expect(table.handle(.enter) == .activated(1))
        #expect(table.handle(.f(5)) == .ignored)
    }

    @Test func flexAndMinColumnsShareTheWidth() {
        let columns = [
            TableColumn("名", width: .min(4)),
            TableColumn("址", width: .flex(min: 5, weight: 2)),
            TableColumn("注", width: .flex(min: 5, weight: 1)),
        ]
        let widths = TableLayout.widths(columns, natural: [8, 0, 0], total: 40, gap: 1)
        #expect(widths == [8, 5 + 14, 5 + 6])  // the 20 spare columns split 2:1 (13 + 6, the odd one to the first)
        let narrow = TableLayout.widths(columns, natural: [8, 0, 0], total: 16, gap: 1)
        #expect(narrow == [4, 5, 5])  // the .min column gives back down to its minimum
    }

    @Test func aColumnNeedingAWiderTableIsLeftOutWithItsGapWhenNarrower() {
        let columns = [
            TableColumn("姓名", width: .fixed(8)),
            TableColumn("身份证号", width: .fixed(18), minTableWidth: 40),
            TableColumn("电话", width: .flex(min: 11)),
        ]
        #expect(TableLayout.widths(columns, natural: [0, 0, 0], total: 30, gap: 1) == [8, 0, 21])
        #expect(TableLayout.widths(columns, natural: [0, 0, 0], total: 40, gap: 1) == [8, 18, 12])
        let table = Table(columns: columns, rows: [TableRow(id: 1, cells: ["张三", "1101**********123X", "138****5678"])],
                          emptyMessage: "", noMatchesMessage: "")
        let narrow = Self.render(table, width: 30, height: 4).lines()
        #expect(narrow[0] == "姓名     电话")
        #expect(narrow[1] == "张三     138****5678")
        let wide = Self.render(table, width: 40, height: 4).lines()
        #expect(wide[1] == "张三     1101**********123X 138****5678")
    }

    @Test func filteringTwentyThousandRowsMatchesAFullScan() {
        var table = DeskTUIBenchmarks.sampleTable(rows: 20_000)
        for key: Key in [.char("/"), .char("王"), .char("小")] { _ = table.handle(key) }
        let expected = DeskTUIBenchmarks.sampleRows(count: 20_000).filter { $0.cells.joined().contains("王小") }
        #expect(table.visibleRows.map(\.id) == expected.map(\.id))
        #expect(!expected.isEmpty)
    }
}

@Suite struct NumericSortKeyTests {
    @Test func numbersAreReadFromCellText() {
        #expect(NumericSortKey.parse("12") == 12)
        #expect(NumericSortKey.parse("12人") == 12)
        #expect(NumericSortKey.parse("-3.5") == -3.5)
        #expect(NumericSortKey.parse("1,234") == 1234)
        #expect(NumericSortKey.parse("约 85 岁") == 85)
        #expect(NumericSortKey.parse("3.5.6") == 3.5)
        #expect(NumericSortKey.parse("—") == nil)
        #expect(NumericSortKey.parse("") == nil)
    }
}
