import DeskCore
import DeskTUI

/// The roster list: a search line (`Roster.find`: hanzi, pinyin, initials,
/// phone or its last 4 digits, ID tail, file number), the chosen named list or
/// grouping with its count, and the table of files. Rows are built once per
/// change of the roster; a keystroke only picks and orders them.
struct RosterList {
    var table = Table<ID<Cadre>>(columns: [], emptyMessage: "", noMatchesMessage: "")
    /// The search line: it always has the keyboard while the list is shown (type to search).
    var search = TextField(maxLength: 40)
    /// The chosen list or grouping; nil: every living cadre.
    var filter: RosterFilter?
    private(set) var counts: [RosterLists.Count] = []
    /// Files in the chosen list, in file-number order.
    private(set) var members: [ID<Cadre>] = []
    private var memberSet: Set<ID<Cadre>> = []
    private var rowsByID: [ID<Cadre>: TableRow<ID<Cadre>>] = [:]
    /// What matched, per file, for the search shown.
    private(set) var matches: [ID<Cadre>: RosterSearch.Hit] = [:]
    /// The query the table shows results for.
    private(set) var shownQuery = ""
    /// How many files the query matches (the table may show only the best `shownLimit`).
    private(set) var foundTotal = 0
    static let shownLimit = 200
    /// The roster state the rows were built from.
    private var builtSeq: UInt64 = .max
    /// The roster version of each file its row was built from, and what every row shows.
    private var builtVersions: [ID<Cadre>: UInt64] = [:]
    private var builtNames: [ID<Staff>: String] = [:]
    private var builtToday: LocalDate?

    var query: String { search.text }

    /// Rebuilds rows and counts when the desk changed; keeps selection, sort and query.
    mutating func refresh(_ app: AppContext) {
        if table.columns.isEmpty {
            table = Table(columns: RosterRows.columns(app.text), emptyMessage: app.text("roster.list.roster_empty"),
                          noMatchesMessage: app.text("roster.no_matches"))
            // The search line replaces the table's own filter, and takes every typed
            // character: the table answers only to keys that cannot be text.
            table.keys.filter = []
            table.keys.nextMatch = []
            table.keys.previousMatch = []
            table.keys.up = [.up]
            table.keys.down = [.down]
            table.keys.first = [.home]
            table.keys.last = [.end]
            table.keys.sortNext = [.f(5)]
            table.keys.sortReverse = [.f(6)]
        }
        let state = app.state
        if builtSeq != state.seq || builtToday != app.today {
            builtSeq = state.seq
            var names: [ID<Staff>: String] = [:]
            for s in state.staff.all { names[s.id] = s.name }
            // Only the files changed since the last build get new rows (another terminal's
            // visit or ticket must not stall this one), unless what every row shows changed.
            let everything = names != builtNames || builtToday != app.today
            builtNames = names
            builtToday = app.today
            if everything { rowsByID = [:]; builtVersions = [:] }
            rowsByID.reserveCapacity(state.roster.count)
            for id in state.roster.ids {
                let version = state.roster.version(of: id)
                guard builtVersions[id] != version, let c = state.roster[id] else { continue }
                rowsByID[id] = RosterRows.row(c, app, staffNames: names)
                builtVersions[id] = version
            }
            counts = RosterLists.counts(in: state, on: app.today)
        }
        members = RosterLists.ids(filter.map { [$0] } ?? [], in: state, on: app.today)
        memberSet = Set(members)
        apply(app, moveToTop: false)
    }

    /// Shows the files of the chosen list that match the query: best matches
    /// first (the table's sort, when chosen, orders them instead).
    mutating func apply(_ app: AppContext, moveToTop: Bool) {
        let q = search.text.trimmed
        shownQuery = q
        var ids: [ID<Cadre>]
        matches = [:]
        foundTotal = 0
        if q.isEmpty {
            ids = members
        } else {
            let roster = app.state.roster
            // Searching everyone: the best `shownLimit` only (one keystroke must not sort and
            // lay out thousands of rows); within a list every hit is needed to filter by it.
            let found = roster.find(q, limit: filter == nil ? Self.shownLimit : max(1, roster.count), as: app.role)
            ids = []
            ids.reserveCapacity(found.hits.count)
            for hit in found.hits {
                // Searching everyone also finds the deceased (ranked last, shown muted).
                guard memberSet.contains(hit.id) || (filter == nil && hit.deceased) else { continue }
                ids.append(hit.id)
                matches[hit.id] = hit
            }
            foundTotal = filter == nil ? found.total : ids.count
        }
        table.emptyMessage = emptyMessage(app, query: q)
        table.setRows(ids.compactMap { rowsByID[$0] })
        if moveToTop, let first = table.visibleRows.first { table.select(id: first.id) }
    }

    /// Why the table is empty: nothing matches the search, the chosen list has
    /// nobody, or the roster really has no files yet.
    func emptyMessage(_ app: AppContext, query q: String) -> String {
        let t = app.text
        if app.state.roster.count == 0 { return t("roster.list.roster_empty") }
        let list = filter.map { RosterText.filterLabel($0, t, staff: app.state.staff) }
        if !q.isEmpty {
            return list.map { t("roster.search.none_in_list", q, $0) } ?? t("roster.search.none", q)
        }
        return list.map { t("roster.list.none", $0) } ?? t("roster.list.none_living")
    }

    /// "独居 37 人" / "在册 300 人".
    func listLabel(_ app: AppContext) -> String {
        guard let filter else { return app.text("roster.list.all_count", members.count) }
        return app.text("roster.list.count", RosterText.filterLabel(filter, app.text, staff: app.state.staff), members.count)
    }

    /// Every named list and grouping with its count, for the chooser.
    func chooser(_ app: AppContext) -> PickList<RosterFilter?> {
        let t = app.text, staff = app.state.staff
        let living = app.state.roster.count - (counts.first { $0.filter == .named(.deceased) }?.count ?? 0)
        var entries = [PickList<RosterFilter?>.Entry(value: nil, text: t("roster.list.all_count", living), group: t("roster.group.all"))]
        for c in counts {
            entries.append(PickList.Entry(value: c.filter, text: RosterText.countLine(c, t, staff: staff),
                                          group: Self.group(c.filter, t), muted: c.count == 0))
        }
        return PickList(title: t("roster.chooser.title"), entries: entries, filterable: true, selectedValue: filter)
    }

    static func group(_ f: RosterFilter, _ t: Localizer) -> String {
        switch f {
        case .named: t("roster.group.named")
        case .category: t("roster.group.category")
        case .rank: t("roster.group.rank")
        case .careLevel: t("roster.group.care_level")
        case .contact: t("roster.group.contact")
        case .community: t("roster.group.community")
        case .workUnit: t("roster.group.work_unit")
        case .partyBranch: t("roster.group.party_branch")
        }
    }

    // MARK: Drawing

    /// The search line, the list line, the table; the selected row's match under it.
    func draw(in canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        let t = app.text
        let (searchRow, rest) = rect.splitTop(1)
        let label = t("roster.search.label")
        let lw = DisplayWidth.of(label) + 1
        canvas.put(label, at: searchRow.origin, style: Style(.normal, .bold))
        let fieldWidth = min(32, max(0, searchRow.width - lw - 30))
        let fieldRect = Rect(x: searchRow.x + lw, y: searchRow.y, width: fieldWidth, height: 1)
        var field = search
        if search.text.isEmpty { field.placeholder = t("roster.search.hint") }
        field.draw(in: &canvas, rect: fieldRect, focused: true)
        var right = listLabel(app)
        if !shownQuery.isEmpty {
            let found = foundTotal > table.visibleCount ? t("roster.search.found_best", foundTotal, table.visibleCount)
                : t("roster.search.found", table.visibleCount)
            right = found + " · " + right
        }
        let rw = DisplayWidth.of(right)
        canvas.put(right, at: Point(x: max(fieldRect.maxX + 2, searchRow.maxX - rw), y: searchRow.y), style: Style(.header),
                   maxWidth: max(0, searchRow.maxX - fieldRect.maxX - 2))
        var (tableRect, info) = rest.splitBottom(1)
        if tableRect.height < 4 { tableRect = rest; info = Rect(x: 0, y: 0, width: 0, height: 0) }
        table.draw(in: &canvas, rect: tableRect)
        if !info.isEmpty, let id = table.selectedID, let c = app.state.roster[id] {
            var line = ""
            if let hit = matches[id] { line = t("roster.search.matched", RosterText.matchLabel(hit, c, t)) + "  " }
            if !c.alerts.isEmpty { line += "⚠ " + c.alerts.joined(separator: " · ") }
            canvas.put(line, at: info.origin, style: Style(c.alerts.isEmpty ? .muted : .warning), maxWidth: info.width)
        }
        canvas.cursor = Point(x: fieldRect.x + min(search.cursorColumn(width: fieldRect.width), max(0, fieldRect.width - 1)), y: fieldRect.y)
    }
}
