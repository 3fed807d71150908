import DeskCore
import DeskTUI

/// The queues page: a panel of queues with their counts on the left (today's
/// reminders first), the chosen queue's tickets on the right with the time
/// left in working time. ←/→ change queue, `s` changes the order, `/` filters.
struct QueueList {
    var choice = QueueChoice.queue(.mine)
    var sort = TicketSort.timeLeft
    var table = Table<ID<Ticket>>(columns: [], emptyMessage: "", noMatchesMessage: "")
    /// The choice the table's columns were built for.
    var tableChoice: QueueChoice?
    var counts: [TicketQueue: Int] = [:]
    var reminderCount = 0
    var message: String?

    enum Outcome: Equatable {
        case handled, ignored
        case open(ID<Ticket>)
        case intake
    }

    var capturesText: Bool { table.isEditingFilter }

    /// The queues this person sees, in panel order (the review queue is the supervisors').
    static func choices(_ app: AppContext) -> [QueueChoice] {
        var out: [QueueChoice] = [.reminders]
        let queues: [TicketQueue] = [.mine, .coveringFor, .unassigned, .dueSoon, .overdue, .waiting, .callbackDue, .review, .open, .all]
        for q in queues where q != .review || app.can(.superviseTickets) { out.append(.queue(q)) }
        return out
    }

    func bindings(_ app: AppContext) -> [KeyBinding] {
        let t = app.text, g = t("hotline.keys.group_queue")
        var out = [
            KeyBinding(keys: [.f(2), .char("a")], label: t("hotline.keys.intake"), help: t("hotline.keys.intake_long"), group: g, showInBar: true, priority: 9),
            KeyBinding(keys: [.enter], label: t("hotline.keys.open"), help: t("hotline.keys.open_long"), group: g, showInBar: true, priority: 8),
            KeyBinding(keys: [.left, .right], label: t("hotline.keys.queue"), help: t("hotline.keys.queue_long"), group: g, showInBar: true, priority: 7),
            KeyBinding(keys: [.char("s")], label: t("hotline.keys.sort"), help: t("hotline.keys.sort_long"), group: g, showInBar: true, priority: 5),
            KeyBinding(keys: [.char("/")], label: t("app.keys.filter"), help: t("app.keys.filter_long"), group: g, showInBar: true, priority: 6),
            KeyBinding(keys: [.up, .down, .char("j"), .char("k")], label: t("hotline.keys.move"), help: t("hotline.keys.move_long"), group: g),
            KeyBinding(keys: [.pageUp, .pageDown, .char("g"), .char("G")], label: t("hotline.keys.page"), help: t("hotline.keys.page_long"), group: g),
        ]
        if let row = selectedRow(app), row.handler == nil, row.status.isOpen {
            out.append(KeyBinding(keys: [.char("T")], label: t("hotline.keys.take"), help: t("hotline.keys.take_long"), group: g, showInBar: true, priority: 6))
        }
        return out
    }

    func selectedRow(_ app: AppContext) -> TicketRow? {
        guard let id = table.selectedID, let ticket = app.state.tickets[id] else { return nil }
        return app.state.ticketRow(ticket, now: app.now)
    }

    // MARK: State from the desk

    mutating func refresh(_ app: AppContext) {
        let me = app.staff.id, now = app.now
        let choices = QueueList.choices(app)
        if !choices.contains(choice) { choice = .queue(.mine) }
        counts = app.state.ticketQueueCounts(me: me, now: now)
        let reminders = app.state.ticketReminders(now: now, for: me)
        reminderCount = reminders.count
        if tableChoice != choice { makeTable(app) }
        let rows: [TableRow<ID<Ticket>>]
        switch choice {
        case .reminders:
            rows = reminders.map { r in QueueList.row(r.row, app, reminder: r.kind.text(app.text)) }
        case .queue(let q):
            rows = app.state.ticketQueue(q, me: me, now: now, sort: sort).map { QueueList.row($0, app, reminder: nil) }
        }
        table.setRows(rows)
    }

    mutating func makeTable(_ app: AppContext) {
        let t = app.text
        var columns = [
            TableColumn(t("hotline.col.number"), width: .fixed(11), sorting: .none),
            TableColumn(t("hotline.col.time"), width: .min(14), sorting: .none),
            TableColumn(t("hotline.col.status"), width: .fixed(8), sorting: .none),
            TableColumn(t("hotline.col.category"), width: .min(8), sorting: .none),
            TableColumn(t("hotline.col.cadre"), width: .min(6), sorting: .none),
            TableColumn(t("hotline.col.handler"), width: .min(6), sorting: .none),
            TableColumn(t("hotline.col.summary"), width: .flex(min: 6), sorting: .none),
        ]
        if choice == .reminders { columns.insert(TableColumn(t("hotline.col.reminder"), width: .min(8), sorting: .none), at: 1) }
        table = Table(columns: columns, emptyMessage: t("hotline.queue_empty"), noMatchesMessage: t("app.no_matches"))
        // The order is the domain's (`s` cycles it); the table's own column sort would contradict it.
        table.keys.sortNext = []
        table.keys.sortReverse = []
        tableChoice = choice
    }

    /// One table line for a ticket (a reminder's words first, on the reminders list).
    static func row(_ r: TicketRow, _ app: AppContext, reminder: String?) -> TableRow<ID<Ticket>> {
        let t = app.text
        var cells = [r.id.raw, TicketWords.timeLeft(r, app), r.status.text(t), TicketWords.category(r.category, r.priority, app),
                     r.cadreName ?? r.callerName, TicketWords.handler(r, app), r.summary]
        if let reminder { cells.insert(reminder, at: 1) }
        return TableRow(id: r.id, cells: cells, searchText: r.callerName, emphasis: TicketWords.emphasis(r, app))
    }

    // MARK: Keys

    mutating func update(_ key: Key, _ app: AppContext) -> Outcome {
        message = nil
        switch table.handle(key) {
        case .activated(let id): return .open(id)
        case .handled: return .handled
        case .ignored: break
        }
        switch key {
        case .f(2), .char("a"): return .intake
        case .left, .right:
            let all = QueueList.choices(app)
            let i = all.firstIndex(of: choice) ?? 0
            choice = all[(i + (key == .right ? 1 : all.count - 1)) % all.count]
            refresh(app)
        case .char("s"):
            let all = TicketSort.allCases
            sort = all[((all.firstIndex(of: sort) ?? 0) + 1) % all.count]
            refresh(app)
            app.toast(sort.text(app.text))
        case .char("T"):
            guard let row = selectedRow(app), row.handler == nil, row.status.isOpen else { return .ignored }
            switch app.perform(AssignTicket(id: row.id, assignee: app.staff.id, backup: nil)) {
            case .success: refresh(app); app.toast(app.text("hotline.taken", row.id.raw))
            case .failure(let e): message = e.problems.map(app.text.message).joined(separator: " ")
            }
        default:
            return .ignored
        }
        return .handled
    }

    // MARK: Drawing

    func view(_ canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        let t = app.text
        let choices = QueueList.choices(app)
        let labels = choices.map { QueueList.label($0, t) }
        let numbers = choices.map { c -> String in
            switch c {
            case .reminders: return String(reminderCount)
            case .queue(let q): return String(counts[q] ?? 0)
            }
        }
        let panelWidth = min(rect.width / 3, (zip(labels, numbers).map { DisplayWidth.of($0) + DisplayWidth.of($1) }.max() ?? 10) + 4)
        let (panel, rest) = rect.splitLeft(panelWidth)
        let (_, body) = rest.splitLeft(1)
        // The panel: one queue a line, the chosen one marked and highlighted.
        _ = canvas.put(t("hotline.queues"), at: panel.origin, style: Style(.header), maxWidth: panel.width)
        for (i, c) in choices.enumerated() where i + 1 < panel.height {
            let y = panel.y + 1 + i
            let chosen = c == choice
            let style: Style
            if chosen { style = Style(.selected) }
            else if c == .reminders || c == .queue(.overdue), numbers[i] != "0" { style = Style(.warning) }
            else { style = Style(.normal) }
            let line = DisplayWidth.pad((chosen ? "▶" : " ") + labels[i], to: panel.width - DisplayWidth.of(numbers[i]) - 1) + numbers[i]
            canvas.fill(Rect(x: panel.x, y: y, width: panel.width, height: 1), style: style)
            _ = canvas.put(line, at: Point(x: panel.x, y: y), style: style, maxWidth: panel.width)
        }
        for y in rect.y..<rect.maxY { _ = canvas.put("│", at: Point(x: panel.maxX, y: y), style: Style(.border)) }

        var area = body
        let (head, below) = area.splitTop(1)
        let heading = t("hotline.queue_heading", QueueList.label(choice, t), sort.text(t))
        _ = canvas.put(heading, at: head.origin, style: Style(.header), maxWidth: head.width)
        area = below
        if let message {
            let (line, rest) = area.splitTop(1)
            _ = canvas.put(message, at: line.origin, style: Style(.warning), maxWidth: line.width)
            area = rest
        }
        table.draw(in: &canvas, rect: area)
    }

    static func label(_ c: QueueChoice, _ t: Localizer) -> String {
        switch c {
        case .reminders: return t("hotline.reminders")
        case .queue(let q): return q.text(t)
        }
    }
}

/// An entry of the queue panel: today's reminders, or one of the domain's queues.
enum QueueChoice: Hashable {
    case reminders
    case queue(TicketQueue)
}
