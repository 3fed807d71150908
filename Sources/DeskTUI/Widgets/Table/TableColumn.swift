/// A column of a `Table`: a title (caller string), how wide, how aligned, how sorted.
public struct TableColumn: Sendable {
    public enum Width: Equatable, Sendable {
        /// Exactly this many columns.
        case fixed(Int)
        /// As wide as its widest cell or title, but at least this many columns; shrinks
        /// back toward this when the table is too narrow.
        case min(Int)
        /// Shares the space the other columns leave, in proportion to `weight`, never
        /// narrower than `min`.
        case flex(min: Int, weight: Int = 1)
    }

    public enum Sorting: Sendable {
        /// Not sortable.
        case none
        /// By the row's sort key for this column, else the cell text, in code-point order.
        /// For Chinese names give pinyin as `TableRow.sortKeys`, since code-point order
        /// means nothing to users.
        case text
        /// By the number in the cell ("12", "12人", "-3.5"); cells without one sort last.
        case numeric
        /// By a caller's ordering of the sort keys (or cells): true when the first comes first.
        case custom(@Sendable (String, String) -> Bool)
    }

    public var title: String
    public var width: Width
    public var alignment: Alignment
    public var sorting: Sorting
    /// The column is left out (with its gap) when the table is drawn narrower than this,
    /// so that a list can show more at 120 columns and still fit 80 without clipping.
    public var minTableWidth: Int

    public init(_ title: String, width: Width, alignment: Alignment = .left, sorting: Sorting = .text,
                minTableWidth: Int = 0) {
        self.title = title
        self.width = width
        self.alignment = alignment
        self.sorting = sorting
        self.minTableWidth = minTableWidth
    }

    var isSortable: Bool {
        if case .none = sorting { return false }
        return true
    }
}

/// A row of a `Table`: an id the caller chooses (kept across refreshes), the cell texts,
/// extra text the filter also searches (pinyin, an ID number), and optional sort keys.
public struct TableRow<ID: Hashable> {
    public var id: ID
    public var cells: [String]
    /// Searched by the default filter besides the cells, not shown.
    public var searchText: String
    /// Per column, what `.text`/`.custom` sorting compares instead of the cell (e.g. pinyin).
    public var sortKeys: [String]?
    /// How the row is drawn when not selected: `.alert` for a band that needs attention,
    /// `.muted` for closed items, and so on.
    public var emphasis: Role

    public init(id: ID, cells: [String], searchText: String = "", sortKeys: [String]? = nil,
                emphasis: Role = .normal) {
        self.id = id
        self.cells = cells
        self.searchText = searchText
        self.sortKeys = sortKeys
        self.emphasis = emphasis
    }

    func sortKey(_ column: Int) -> String {
        if let sortKeys, sortKeys.indices.contains(column) { return sortKeys[column] }
        return cells.indices.contains(column) ? cells[column] : ""
    }
}

extension TableRow: Equatable where ID: Equatable {}
extension TableRow: Sendable where ID: Sendable {}

/// The keys a table answers to. Screens read them to declare their key table, so the
/// help overlay lists exactly these.
public struct TableKeys: Sendable {
    public var up: [Key] = [.up, .char("k")]
    public var down: [Key] = [.down, .char("j")]
    public var pageUp: [Key] = [.pageUp]
    public var pageDown: [Key] = [.pageDown]
    public var first: [Key] = [.home, .char("g")]
    public var last: [Key] = [.end, .char("G")]
    /// Starts typing a filter; Enter keeps it, Esc clears it.
    public var filter: [Key] = [.char("/")]
    public var nextMatch: [Key] = [.char("n")]
    public var previousMatch: [Key] = [.char("N")]
    /// Sorts by the next sortable column (after the last: unsorted).
    public var sortNext: [Key] = [.char("s")]
    /// Reverses the sort direction.
    public var sortReverse: [Key] = [.char("r")]
    /// Opens the selected row.
    public var activate: [Key] = [.enter]

    public init() {}
}
