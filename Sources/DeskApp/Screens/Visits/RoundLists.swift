import DeskCore
import DeskTUI

/// The lists a festival round can take its cadres from: who has festival
/// greetings due, the clerk's own cadres, then every named list and grouping
/// of the roster (离休, 分级关怀, a community…) with its size. A modal list:
/// ↑↓ and `/` to find one, Enter adds its living members, Esc closes.
struct RoundLists {
    struct Option {
        var label: String
        var count: Int
        /// Members known when the list was made, else taken from the roster filter on choosing.
        var members: [ID<Cadre>]?
        var filter: RosterFilter?
    }

    enum Outcome: Equatable {
        case handled
        case chosen([ID<Cadre>], String)
        case closed
    }

    private(set) var options: [Option] = []
    private(set) var table: Table<Int>

    init(_ app: AppContext) {
        let t = app.text, state = app.state, today = app.today
        var opts: [Option] = []
        let window = state.settings.visits.festivalWindowDays
        var seen: Set<ID<Cadre>> = []
        let festivalDue = state.dueItems(on: today, horizon: window).filter { $0.rule == .festival }
            .map(\.cadre).filter { seen.insert($0).inserted }
        if !festivalDue.isEmpty {
            opts.append(Option(label: t("visits.round.list_festival_due"), count: festivalDue.count, members: festivalDue))
        }
        let mine = state.roster.ids.filter { id in
            guard let c = state.roster[id] else { return false }
            return c.contact == app.staff.id && !c.isDeceased
        }
        if !mine.isEmpty { opts.append(Option(label: t("visits.round.list_mine"), count: mine.count, members: mine)) }
        for c in RosterLists.counts(in: state, on: today) where c.count > 0 && c.filter != .named(.deceased) {
            opts.append(Option(label: RosterText.filterLabel(c.filter, t, staff: state.staff), count: c.count, filter: c.filter))
        }
        options = opts
        table = Table(columns: [TableColumn(t("visits.round.col_list"), width: .flex(min: 12)),
                                TableColumn(t("visits.round.col_count"), width: .fixed(6), alignment: .right, sorting: .numeric)],
                      rows: opts.enumerated().map { TableRow(id: $0.offset, cells: [$0.element.label, String($0.element.count)]) },
                      emptyMessage: t("visits.round.no_lists"), noMatchesMessage: t("app.no_matches"))
    }

    var isEditingFilter: Bool { table.isEditingFilter }

    mutating func handle(_ key: Key, _ app: AppContext) -> Outcome {
        if key == .escape, !table.isEditingFilter { return .closed }
        switch table.handle(key) {
        case .activated(let i):
            let o = options[i]
            let ids = o.members ?? o.filter.map { RosterLists.members([$0], in: app.state, on: app.today).map(\.id) } ?? []
            return .chosen(ids, o.label)
        default:
            return .handled
        }
    }

    func draw(in canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        let width = min(rect.width - 4, 50), height = min(rect.height - 2, max(8, options.count + 4))
        let box = rect.centered(Size(width: width, height: height))
        let inner = Box.modal(in: &canvas, rect: box, title: app.text("visits.round.lists_title")).insetBy(dx: 1, dy: 0)
        table.draw(in: &canvas, rect: inner)
    }
}
