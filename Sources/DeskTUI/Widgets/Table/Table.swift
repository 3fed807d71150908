#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a key did to a table.
public enum TableOutcome<ID: Hashable>: Equatable {
    /// Consumed: the selection, scroll, sort or filter changed (or could not).
    case handled
    /// Not a table key; the screen may use it.
    case ignored
    /// Enter on a row: open it.
    case activated(ID)
}

extension TableOutcome: Sendable where ID: Sendable {}

/// A scrolling, sortable, filterable list of rows with a header and a footer line.
///
/// Keys (see `keys`): ↑↓ j/k move, PgUp/PgDn page, g/G Home/End jump, `/` types a filter
/// (live; Enter keeps it, Esc clears it), n/N jump to the next/previous row matching the
/// last search, s/r pick the sort column / reverse it, Enter activates the row.
///
/// Replacing the rows (`setRows`) keeps the selected row by id, on the same screen line
/// where possible, so a refresh caused by another terminal never moves the user's cursor.
/// Built for 20,000 rows: search text is lower-cased once per row, filtering narrows the
/// previous result while the query grows, and drawing touches only the visible rows.
public struct Table<ID: Hashable> {
    public private(set) var columns: [TableColumn]
    public private(set) var rows: [TableRow<ID>] = []
    /// Caller string shown when there are no rows at all.
    public var emptyMessage: String
    /// Caller string shown when the filter matches no row.
    public var noMatchesMessage: String
    /// The keys the table answers to.
    public var keys = TableKeys()
    /// Replaces the default filter (case-insensitive substring of cells and search text):
    /// called with a row and the query as typed.
    public var matcher: ((TableRow<ID>, String) -> Bool)? {
        didSet { refilter(incremental: false) }
    }
    /// Columns between two columns.
    public var columnGap = 1
    /// Body rows visible at the last draw (`Table.bodyHeight(in:)`; 20 before the first),
    /// used for paging and to scroll minimally. Views draw from a copy of the screen's
    /// table, so the height lives in a box the copies share: PgDn on the screen's table
    /// then moves by what the terminal really showed. Drawing keeps the selection
    /// visible whatever it is.
    public internal(set) var viewportHeight: Int {
        get { drawnHeight.rows }
        nonmutating set { drawnHeight.rows = newValue }
    }
    private let drawnHeight = DrawnHeight()

    public private(set) var sortColumn: Int?
    public private(set) var sortAscending = true
    /// True while the user is typing into the filter line.
    public private(set) var isEditingFilter = false
    /// The query `n`/`N` look for: the filter text when it was last kept or cleared.
    public private(set) var lastSearch = ""

    var filterField = TextField()             // internal: drawn by Table+Draw
    private var searchBytes: [UInt8] = []     // every row's lower-cased search text, back to back
    private var searchStarts: [Int] = [0]     // row i's text is searchBytes[searchStarts[i]..<searchStarts[i+1]]
    var naturalWidths: [Int]                  // widest title or cell per column (internal: Table+Draw)
    private var order: [Int] = []             // row indices in sort order
    private var visible: [Int] = []           // the rows of `order` that match the filter
    private var appliedNeedle: [UInt8] = []   // the folded query `visible` was computed for
    private var selectedIndex = 0             // into `visible`
    var scrollTop = 0                         // internal: drawn by Table+Draw

    public init(columns: [TableColumn], rows: [TableRow<ID>] = [], emptyMessage: String, noMatchesMessage: String) {
        self.columns = columns
        self.emptyMessage = emptyMessage
        self.noMatchesMessage = noMatchesMessage
        self.naturalWidths = columns.map { DisplayWidth.of($0.title) + ($0.isSortable ? 1 : 0) }
        setRows(rows)
    }

    // MARK: State the screen reads

    /// The text of the filter (applied live while typed).
    public var filterText: String { filterField.text }
    /// Rows that pass the filter, in display order.
    public var visibleRows: [TableRow<ID>] { visible.map { rows[$0] } }
    public var visibleCount: Int { visible.count }
    public var selectedID: ID? { selectedRow?.id }
    func visibleRow(at index: Int) -> TableRow<ID> { rows[visible[index]] }
    public var selectedRow: TableRow<ID>? { visible.indices.contains(selectedIndex) ? rows[visible[selectedIndex]] : nil }
    /// Position of the selection among the visible rows (0-based), nil when there are none.
    public var selectedPosition: Int? { visible.isEmpty ? nil : selectedIndex }

    /// Body rows a table drawn in `rect` shows (all but the header and footer lines).
    public static func bodyHeight(in rect: Rect) -> Int { max(0, rect.height - 2) }

    // MARK: Changing the data

    /// Replaces all rows, keeping the selected row (by id) selected and on the same screen
    /// line; sort and filter are reapplied.
    public mutating func setRows(_ newRows: [TableRow<ID>]) {
        let keptID = selectedID
        let screenLine = selectedIndex - scrollTop
        rows = newRows
        searchBytes.removeAll(keepingCapacity: true)
        searchStarts = [0]
        searchStarts.reserveCapacity(newRows.count + 1)
        naturalWidths = columns.map { DisplayWidth.of($0.title) + ($0.isSortable ? 1 : 0) }
        let measured = columns.indices.filter { if case .min = columns[$0].width { return true } else { return false } }
        for row in newRows {
            // Cells and extra search text, separated by a byte no query contains.
            for cell in row.cells {
                SearchFolding.append(cell, to: &searchBytes)
                searchBytes.append(0x1F)
            }
            SearchFolding.append(row.searchText, to: &searchBytes)
            searchStarts.append(searchBytes.count)
            for column in measured where column < row.cells.count {
                naturalWidths[column] = max(naturalWidths[column], DisplayWidth.of(row.cells[column]))
            }
        }
        order = sortedOrder()
        appliedNeedle = []
        visible = order
        refilter(incremental: false, keeping: keptID)
        scrollTop = ScrollWindow.top(selectedIndex - screenLine, keeping: selectedIndex,
                                     height: viewportHeight, count: visible.count)
    }

    /// Selects the row with `id` if it is visible; returns whether it was.
    @discardableResult
    public mutating func select(id: ID) -> Bool {
        guard let index = visible.firstIndex(where: { rows[$0].id == id }) else { return false }
        moveSelection(to: index)
        return true
    }

    /// Sorts by `column` (nil: the order rows were given in). Stable: equal keys keep
    /// their given order.
    public mutating func sort(byColumn column: Int?, ascending: Bool = true) {
        sortColumn = column.flatMap { columns.indices.contains($0) && columns[$0].isSortable ? $0 : nil }
        sortAscending = ascending
        let keptID = selectedID
        order = sortedOrder()
        refilter(incremental: false, keeping: keptID)
    }

    /// Sets the filter text as if typed (without entering the filter line).
    public mutating func setFilter(_ text: String) {
        filterField.text = text
        refilter(incremental: true)
    }

    // MARK: Keys

    public mutating func handle(_ key: Key) -> TableOutcome<ID> {
        if isEditingFilter { return handleFilterKey(key) }
        if keys.up.contains(key) {
            moveSelection(to: selectedIndex - 1)
        } else if keys.down.contains(key) {
            moveSelection(to: selectedIndex + 1)
        } else if keys.pageUp.contains(key) {
            moveSelection(to: selectedIndex - max(1, viewportHeight - 1))
        } else if keys.pageDown.contains(key) {
            moveSelection(to: selectedIndex + max(1, viewportHeight - 1))
        } else if keys.first.contains(key) {
            moveSelection(to: 0)
        } else if keys.last.contains(key) {
            moveSelection(to: visible.count - 1)
        } else if keys.filter.contains(key) {
            isEditingFilter = true
        } else if keys.nextMatch.contains(key) {
            jumpToMatch(forward: true)
        } else if keys.previousMatch.contains(key) {
            jumpToMatch(forward: false)
        } else if keys.sortNext.contains(key) {
            let sortable = columns.indices.filter { columns[$0].isSortable }
            let next = sortable.first { $0 > (sortColumn ?? -1) }
            sort(byColumn: next, ascending: true)
        } else if keys.sortReverse.contains(key) {
            guard let sortColumn else { return .handled }
            sort(byColumn: sortColumn, ascending: !sortAscending)
        } else if keys.activate.contains(key) {
            guard let id = selectedID else { return .handled }
            return .activated(id)
        } else {
            return .ignored
        }
        return .handled
    }

    private mutating func handleFilterKey(_ key: Key) -> TableOutcome<ID> {
        switch key {
        case .enter:
            isEditingFilter = false
            if !filterText.isEmpty { lastSearch = filterText }
        case .escape:
            isEditingFilter = false
            if !filterText.isEmpty { lastSearch = filterText }
            setFilter("")
        case .up: moveSelection(to: selectedIndex - 1)
        case .down: moveSelection(to: selectedIndex + 1)
        case .pageUp: moveSelection(to: selectedIndex - max(1, viewportHeight - 1))
        case .pageDown: moveSelection(to: selectedIndex + max(1, viewportHeight - 1))
        default:
            if filterField.handle(key) == .changed { refilter(incremental: true) }
        }
        return .handled
    }

    private mutating func moveSelection(to index: Int) {
        selectedIndex = visible.isEmpty ? 0 : min(max(0, index), visible.count - 1)
        scrollTop = ScrollWindow.top(scrollTop, keeping: selectedIndex, height: viewportHeight, count: visible.count)
    }

    private mutating func jumpToMatch(forward: Bool) {
        guard !lastSearch.isEmpty, !visible.isEmpty else { return }
        let needle = SearchFolding.folded(lastSearch)
        let count = visible.count
        // Positions after (or before) the selection, wrapping; the first that matches wins.
        let positions = (1...count).map { step in
            ((forward ? selectedIndex + step : selectedIndex - step) % count + count) % count
        }
        let matching = Set(matchingRows(among: positions.map { visible[$0] }, query: lastSearch, needle: needle))
        if let position = positions.first(where: { matching.contains(visible[$0]) }) { moveSelection(to: position) }
    }

    // MARK: Sorting and filtering

    private func sortedOrder() -> [Int] {
        let indices = Array(rows.indices)
        guard let column = sortColumn else { return indices }
        let ascending = sortAscending
        // Ties fall back to the given order, so the sort is stable in both directions.
        switch columns[column].sorting {
        case .none:
            return indices
        case .numeric:
            let keys = rows.map { NumericSortKey.parse($0.sortKey(column)) }
            return indices.sorted { a, b in
                switch (keys[a], keys[b]) {
                case let (x?, y?) where x != y: return ascending ? x < y : x > y
                case (_?, nil): return true
                case (nil, _?): return false
                default: return a < b
                }
            }
        case .text:
            // Code-point order (UTF-8 byte order), compared as bytes in one buffer: much
            // faster than String's Unicode-aware `<` on CJK, and the same order for NFC text.
            var bytes: [UInt8] = []
            var starts = [0]
            for row in rows {
                bytes.append(contentsOf: row.sortKey(column).utf8)
                starts.append(bytes.count)
            }
            return bytes.withUnsafeBufferPointer { bytes in
                starts.withUnsafeBufferPointer { starts in
                    indices.sorted { a, b in
                        let (aStart, aCount) = (starts[a], starts[a + 1] - starts[a])
                        let (bStart, bCount) = (starts[b], starts[b + 1] - starts[b])
                        let common = min(aCount, bCount)  // 0 also covers an empty buffer (no base address)
                        var order = common == 0 ? 0 : memcmp(bytes.baseAddress! + aStart, bytes.baseAddress! + bStart, common)
                        if order == 0 { order = Int32(aCount) - Int32(bCount) }
                        if order == 0 { return a < b }
                        return ascending ? order < 0 : order > 0
                    }
                }
            }
        case .custom(let inOrder):
            let keys = rows.map { $0.sortKey(column) }
            return indices.sorted { a, b in
                let (x, y) = ascending ? (keys[a], keys[b]) : (keys[b], keys[a])
                if inOrder(x, y) { return true }
                if inOrder(y, x) { return false }
                return a < b
            }
        }
    }

    /// Recomputes `visible` for the current filter text. `incremental`: when the query
    /// only grew, narrow the previous result instead of scanning every row.
    private mutating func refilter(incremental: Bool, keeping id: ID? = nil) {
        let keptID = id ?? selectedID
        let query = filterField.text
        let needle = SearchFolding.folded(query)
        if query.isEmpty {
            visible = order
        } else {
            let narrowing = incremental && matcher == nil && !appliedNeedle.isEmpty && needle.starts(with: appliedNeedle)
            visible = matchingRows(among: narrowing ? visible : order, query: query, needle: needle)
        }
        appliedNeedle = needle
        let kept = keptID.flatMap { id in visible.firstIndex { rows[$0].id == id } }
        // Typing a filter goes to the first match; a refresh or re-sort stays put.
        moveSelection(to: kept ?? (incremental ? 0 : selectedIndex))
    }

    /// The rows of `candidates` that match, in the same order. The hot loop: buffers are
    /// opened once, and nothing in it touches `self` (which would copy the table).
    private func matchingRows(among candidates: [Int], query: String, needle: [UInt8]) -> [Int] {
        if let matcher {
            let rows = self.rows
            return candidates.filter { matcher(rows[$0], query) }
        }
        return searchBytes.withUnsafeBufferPointer { bytes in
            searchStarts.withUnsafeBufferPointer { starts in
                needle.withUnsafeBufferPointer { needle in
                    candidates.filter { ByteSearch.contains(bytes, from: starts[$0], to: starts[$0 + 1], needle: needle) }
                }
            }
        }
    }
}

/// The number in a cell for numeric sorting: "12", "12人", "-3.5", "1,234". Read from the
/// UTF-8 bytes without building strings, since a sort parses every row.
enum NumericSortKey {
    static func parse(_ text: String) -> Double? {
        var value = 0.0
        var fractionScale = 0.0  // 0 until a decimal point is seen
        var negative = false
        var seenDigit = false
        scan: for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Double(byte - UInt8(ascii: "0"))
                if fractionScale == 0 {
                    value = value * 10 + digit
                } else {
                    value += digit * fractionScale
                    fractionScale /= 10
                }
                seenDigit = true
            case UInt8(ascii: ".") where seenDigit:
                if fractionScale != 0 { break scan }  // a second point ends the number
                fractionScale = 0.1
            case UInt8(ascii: "-") where !seenDigit:
                negative = true
            case UInt8(ascii: ",") where seenDigit && fractionScale == 0:
                continue  // thousands separator
            default:
                if seenDigit { break scan }
                negative = false
            }
        }
        guard seenDigit else { return nil }
        return negative ? -value : value
    }
}

/// The body height a widget was last drawn with (see `Table.viewportHeight`).
/// The UI runs on one thread. A layout memo, not part of the widget's value:
/// any two compare equal.
final class DrawnHeight: Equatable, @unchecked Sendable {
    var rows = 20
    static func == (a: DrawnHeight, b: DrawnHeight) -> Bool { true }
}
