import DeskCore
import DeskTUI

/// 今日工作, the home screen: what is due today or overdue for me (and for
/// colleagues I cover for), this week's birthdays, hospitalised cadres not
/// yet visited, follow-ups due. One key on an item opens the visit form
/// filled in for it; saving makes it leave the list. A supervisor sees
/// everyone's items, grouped by staff with their overdue counts, and narrows
/// to one person (the dashboard's drill-down lands here the same way).
struct MyDayScreen: DeskScreen {
    let id = ScreenID.myDay
    var section = Section.all
    var whose = DueRows.Whose.everyone
    var focus = Pane.items
    var items = Table<DueRows.Key>(columns: [], emptyMessage: "", noMatchesMessage: "")
    var birthdays = Table<ID<Cadre>>(columns: [], emptyMessage: "", noMatchesMessage: "")
    var team = Table<DueRows.Whose>(columns: [], emptyMessage: "", noMatchesMessage: "")
    /// What the tables were built from (the selected row's item is looked up here).
    var content = Content()
    var entry: VisitEntry?
    let cache = DayCache()
    var showsAssignee = false

    /// Parts of the day, each with the key that shows it.
    enum Section: String, CaseIterable {
        case all, overdue, birthdays, hospital, followUps

        var key: Character {
            switch self {
            case .all: "a"
            case .overdue: "o"
            case .birthdays: "b"
            case .hospital: "h"
            case .followUps: "f"
            }
        }

        func includes(_ item: DueItem) -> Bool {
            switch self {
            case .all: true
            case .overdue: item.status == .overdue
            case .birthdays: false
            case .hospital: item.rule == .hospital
            case .followUps: item.rule == .followUp
            }
        }
    }

    /// A supervisor's two panes: the staff list and the items.
    enum Pane { case staff, items }

    /// The day as shown for the chosen person (or everyone).
    struct Content {
        var items: [DueItem] = []
        var birthdays: [BirthdayEntry] = []
        var covering: [ID<Staff>] = []

        var overdue: Int { items.count { $0.status == .overdue } }
        var due: Int { items.count { $0.status == .due } }
        func count(_ s: Section) -> Int { s == .birthdays ? birthdays.count : items.count { s.includes($0) } }
    }

    var capturesText: Bool {
        if entry != nil { return true }
        return items.isEditingFilter || birthdays.isEditingFilter || team.isEditingFilter
    }

    var hasUnsavedChanges: Bool { entry?.isDirty ?? false }

    /// Supervisors (everyone's visits) see the team; others see their own day.
    static func seesTeam(_ app: AppContext) -> Bool { app.can(.viewAllVisits) }

    func title(_ app: AppContext) -> String { app.text("visits.my_day") }

    func badge(_ app: AppContext) -> String? {
        let (due, overdue): (Int, Int)
        if Self.seesTeam(app) {
            let t = cache.team(app)
            due = t.groups.reduce(t.unassigned.dueCount) { $0 + $1.dueCount }
            overdue = t.overdueCount
        } else {
            let d = cache.day(for: app.staff.id, app)
            (due, overdue) = (d.dueCount, d.overdueCount)
        }
        if overdue > 0 { return app.text("visits.myday.badge_overdue", overdue) }
        return due > 0 ? String(due) : nil
    }

    // MARK: State from the desk

    mutating func refresh(_ app: AppContext) {
        let t = app.text
        if birthdays.columns.isEmpty {
            birthdays = DueRows.birthdayTable(t)
            team = DueRows.teamTable(t)
        }
        let seesTeam = Self.seesTeam(app)
        if !seesTeam { whose = .staff(app.staff.id) }
        if seesTeam {
            let day = cache.team(app)
            team.setRows(DueRows.teamRows(day, contacts: cache.contactPersons(app), app))
            if team.selectedID != whose, !team.select(id: whose) {
                whose = .everyone
                team.select(id: .everyone)
            }
        }
        content = load(app)
        // Everyone's items mix staff: say whose each one is.
        let assignee = seesTeam && whose == .everyone
        if items.columns.isEmpty || assignee != showsAssignee {
            let keep = items.selectedID
            showsAssignee = assignee
            items = DueRows.itemTable(t, showAssignee: assignee)
            items.setRows(DueRows.itemRows(content.items.filter(section.includes), app, showAssignee: assignee))
            if let keep { items.select(id: keep) }
        } else {
            items.setRows(DueRows.itemRows(content.items.filter(section.includes), app, showAssignee: assignee))
        }
        birthdays.setRows(DueRows.birthdayRows(content.birthdays, app))
        if var e = entry {
            e.refresh(app)
            entry = e
        }
    }

    private func load(_ app: AppContext) -> Content {
        switch whose {
        case .staff(let s):
            let d = cache.day(for: s, app)
            var c = Content(items: d.items, birthdays: d.birthdaysThisWeek, covering: d.coveringFor)
            // The team's grouping is the same rule set; keep one source of the numbers a supervisor compares.
            if Self.seesTeam(app) {
                c.items = cache.team(app).groups.first { $0.staff == s }?.items ?? []
            }
            return c
        case .everyone:
            let team = cache.team(app)
            let all = team.groups.flatMap(\.items) + team.unassigned.items
            return Content(items: all, birthdays: section == .birthdays ? cache.everyonesBirthdays(app) : [], covering: [])
        case .unassigned:
            return Content(items: cache.team(app).unassigned.items)
        }
    }

    mutating func receive(_ intent: Intent, _ app: AppContext) {
        guard case .workOf(let staff) = intent else { return }
        guard Self.seesTeam(app) || staff == app.staff.id else { return }
        if entry?.isDirty == true {
            app.toast(app.text("visits.finish_form_first"), .warning)
            return
        }
        entry = nil
        whose = Self.seesTeam(app) ? .staff(staff) : .staff(app.staff.id)
        section = .all
        focus = .items
        refresh(app)
    }

    // MARK: Keys

    mutating func update(_ key: Key, _ app: AppContext) -> KeyResult {
        if var e = entry {
            switch e.handle(key, app) {
            case .handled: entry = e
            case .closed: entry = nil
            case .saved(let id):
                entry = nil
                app.toast(app.text("visits.saved", id.raw))
                refresh(app)
            }
            return .handled
        }
        let seesTeam = Self.seesTeam(app)
        if seesTeam, focus == .staff {
            if key == .right || key == .enter {
                focus = .items
                return .handled
            }
            if case .handled = team.handle(key) {
                if let w = team.selectedID, w != whose {
                    whose = w
                    refresh(app)
                }
                return .handled
            }
        } else {
            if seesTeam, key == .left, !isFiltering {
                focus = .staff
                return .handled
            }
            switch tableKey(key) {
            case .activated:
                openForm(app)
                return .handled
            case .handled: return .handled
            case .ignored: break
            }
        }
        if case .char(let c) = key, let s = Section.allCases.first(where: { $0.key == c }) {
            section = s
            refresh(app)
            return .handled
        }
        switch key {
        case .char("v"): openForm(app)
        case .char("c"):
            guard app.canOpen(.roster), let cadre = selectedCadre else { return .ignored }
            app.navigate(to: .roster, .openCadre(cadre))
        default: return .ignored
        }
        return .handled
    }

    private var isFiltering: Bool { items.isEditingFilter || birthdays.isEditingFilter }

    private mutating func tableKey(_ key: Key) -> TableOutcome<Int> {
        if section == .birthdays {
            switch birthdays.handle(key) {
            case .activated: return .activated(0)
            case .handled: return .handled
            case .ignored: return .ignored
            }
        }
        switch items.handle(key) {
        case .activated: return .activated(0)
        case .handled: return .handled
        case .ignored: return .ignored
        }
    }

    var selectedItem: DueItem? {
        guard section != .birthdays, let key = items.selectedID else { return nil }
        return content.items.first { DueRows.Key($0) == key }
    }

    var selectedCadre: ID<Cadre>? { section == .birthdays ? birthdays.selectedID : selectedItem?.cadre }

    private mutating func openForm(_ app: AppContext) {
        if section == .birthdays {
            if let c = birthdays.selectedID { entry = VisitEntry.birthday(c, app) }
        } else if let item = selectedItem {
            entry = VisitEntry.forItem(item, app)
        }
    }

    // MARK: Keys shown

    func bindings(_ app: AppContext) -> [KeyBinding] {
        if let entry { return entry.bindings(app) }
        let t = app.text, g = t("visits.my_day")
        var b: [KeyBinding] = []
        let hasRow = section == .birthdays ? birthdays.selectedID != nil : items.selectedID != nil
        if hasRow, !(Self.seesTeam(app) && focus == .staff) {
            b.append(KeyBinding(keys: [.enter, .char("v")], label: t("visits.keys.log_visit"), help: t("visits.keys.log_visit_long"),
                                group: g, showInBar: true, priority: 9))
            if app.canOpen(.roster) {
                b.append(KeyBinding(keys: [.char("c")], label: t("visits.keys.open_file"), help: t("visits.keys.open_file_long"),
                                    group: g, showInBar: true, priority: 5))
            }
        }
        if Self.seesTeam(app) {
            b.append(KeyBinding(keys: [.left, .right], label: t("visits.keys.pane"), help: t("visits.keys.pane_long"), group: g, showInBar: true, priority: 7))
        }
        for s in Section.allCases {
            b.append(KeyBinding(keys: [.char(s.key)], label: t("visits.section.\(s.rawValue)"), help: t("visits.keys.section_long", t("visits.section.\(s.rawValue)")),
                                group: g, showInBar: s == .overdue || s == .all, priority: s == .overdue ? 6 : 3))
        }
        let k = items.keys
        b += [KeyBinding(keys: k.filter, label: t("app.keys.filter"), help: t("app.keys.filter_long"), group: g, showInBar: true, priority: 4),
              KeyBinding(keys: k.up + k.down, label: t("visits.keys.move"), help: t("visits.keys.move_long"), group: g),
              KeyBinding(keys: k.first + k.last + k.pageUp + k.pageDown, label: t("visits.keys.jump"), help: t("visits.keys.jump_long"), group: g),
              KeyBinding(keys: k.sortNext + k.sortReverse, label: t("visits.keys.sort"), help: t("visits.keys.sort_long"), group: g)]
        return b
    }
}
