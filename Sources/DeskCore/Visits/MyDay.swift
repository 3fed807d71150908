/// The due-item queries screens call: every item for a date, one cadre's, one
/// staff member's day (今日工作), a supervisor's view grouped by staff, and a
/// pre-filled visit for an item.
extension DeskState {
    /// Every due and overdue item on `date` (plus upcoming ones whose window
    /// opens within `horizon` days), assigned, most urgent first.
    public func dueItems(on date: LocalDate, horizon: Int = 0) -> [DueItem] {
        collectDue(on: date, horizon: horizon, contacts: nil) { _ in }
    }

    /// One cadre's items, e.g. the next 60 days for the file screen.
    public func dueItems(for cadre: ID<Cadre>, on date: LocalDate, horizon: Int = 0) -> [DueItem] {
        guard let c = roster[cadre] else { return [] }
        let rules = DueRules(settings: settings, date: date, horizon: horizon)
        var out: [DueItem] = []
        rules.items(for: c, in: visits, into: &out)
        var assigner = Assigner(staff: staff, date: date)
        for i in out.indices { out[i].assignee = assigner.assignee(for: out[i].contact) }
        return out.sorted(by: DueItem.urgency)
    }

    /// A staff member's day: items due today or overdue for the cadres they
    /// are contact person of, and for colleagues they cover for today.
    public func myDay(for me: ID<Staff>, on date: LocalDate) -> MyDay {
        let covering = staff.coveredBy(me, on: date)
        var whose = covering
        if staff.coverer(for: me, on: date) == me { whose.append(me) }
        let week = Period.week(containing: date)
        var birthdays: [BirthdayEntry] = []
        let birthdayMask = VisitKind.mask(settings.visits.birthdayKinds)
        let items = collectDue(on: date, horizon: 0, contacts: whose) { c in
            if c.deceasedOn == nil, let b = Self.birthday(of: c, in: week) {
                let s = visits.summary(of: c.id, through: date)
                let greeted = s.latest(s.anyByKind, birthdayMask)
                let from = b.adding(days: -settings.visits.birthdayLeadDays)
                let age = b.year - c.birthDate.year
                birthdays.append(BirthdayEntry(cadre: c.id, date: b, age: age, milestone: settings.visits.milestoneAges.contains(age),
                                               greeted: greeted != VisitRow.none && Int(greeted) >= from.dayNumber * 1440))
            }
        }
        birthdays.sort { ($0.date, $0.cadre) < ($1.date, $1.cadre) }
        return MyDay(staff: me, date: date, items: items, coveringFor: covering, birthdaysThisWeek: birthdays)
    }

    /// Everyone's items, grouped by who does them today; `unassigned` holds the
    /// cadres with no contact person or whose backup chain ends nowhere.
    /// (Screens show it to roles with `.viewAllVisits`.)
    public func teamDay(on date: LocalDate) -> TeamDay {
        var groups: [ID<Staff>: [DueItem]] = [:]
        var unassigned: [DueItem] = []
        for item in dueItems(on: date) {
            if let a = item.assignee { groups[a, default: []].append(item) } else { unassigned.append(item) }
        }
        let staffGroups = groups.keys.sorted().map { StaffDue(staff: $0, items: groups[$0]!) }
        return TeamDay(date: date, groups: staffGroups, unassigned: StaffDue(staff: nil, items: unassigned))
    }

    /// A visit form filled in for an item: its cadre, the kind and occasion
    /// that satisfy it, `me` as the visitor (a partner is the clerk's to add), `now`.
    public func draft(for item: DueItem, by me: ID<Staff>, at now: LocalDateTime) -> LogVisit {
        var (kind, occasion) = item.rule.suggested
        if item.rule == .followUp, let v = item.relatedVisit, let earlier = visits.summary(of: v) {
            occasion = earlier.occasion
            if roster[item.cadre]?.livingElsewhere != nil { kind = .phone }
        }
        if item.rule == .monthlyContact, roster[item.cadre]?.livingElsewhere != nil { occasion = .elsewhere }
        return LogVisit(cadres: [item.cadre], staff: [me], at: now, kind: kind, occasion: occasion)
    }

    /// The items of every cadre (`contacts` nil) or of those whose contact
    /// person is in `contacts`; `each` sees every cadre taken.
    private func collectDue(on date: LocalDate, horizon: Int, contacts: [ID<Staff>]?, each: (Cadre) -> Void) -> [DueItem] {
        let rules = DueRules(settings: settings, date: date, horizon: horizon)
        var out: [DueItem] = []
        var assigner = Assigner(staff: staff, date: date)
        let files = roster.byID.values
        var i = files.startIndex
        while i != files.endIndex {
            defer { files.formIndex(after: &i) }
            // Look at the contact field in place: copying all 15,000 files costs more than the rules.
            if let contacts {
                guard let k = files[i].contact, contacts.contains(k) else { continue }
            }
            let c = files[i]
            each(c)
            let start = out.count
            rules.items(for: c, in: visits, into: &out)
            if out.count > start {
                let who = assigner.assignee(for: c.contact)
                for i in start..<out.count { out[i].assignee = who }
            }
        }
        // Sort positions, not the items: an item is ~150 bytes to move.
        let order = out.indices.sorted { DueItem.urgency(out[$0], out[$1]) }
        return order.map { out[$0] }
    }

    /// The cadre's birthday falling in `period`, if any.
    static func birthday(of c: Cadre, in period: Period) -> LocalDate? { birthday(born: c.birthDate, in: period) }

    /// The first anniversary of `born` in the period (no set of years built per call: this runs for every cadre).
    static func birthday(born: LocalDate, in period: Period) -> LocalDate? {
        var y = max(period.start.year, born.year + 1)
        while y <= period.end.year {
            let b = born.anniversary(in: y)
            if period.contains(b) { return b }
            y += 1
        }
        return nil
    }
}

/// 今日工作 for one staff member.
public struct MyDay: Sendable, Hashable {
    public var staff: ID<Staff>
    public var date: LocalDate
    /// Due today and overdue, mine and (marked `isCovering`) those of
    /// colleagues I cover for, most urgent first.
    public var items: [DueItem]
    /// Colleagues whose work I do today (AB岗).
    public var coveringFor: [ID<Staff>]
    /// My cadres' birthdays in this Monday–Sunday week, greeted or not.
    public var birthdaysThisWeek: [BirthdayEntry]

    /// Hospitalised cadres without a hospital visit since admission.
    public var hospitalisedWithoutVisit: [DueItem] { items.filter { $0.rule == .hospital } }
    public var overdueCount: Int { items.count { $0.status == .overdue } }
    public var dueCount: Int { items.count { $0.status == .due } }
}

public struct BirthdayEntry: Sendable, Hashable {
    public var cadre: ID<Cadre>
    public var date: LocalDate
    public var age: Int
    public var milestone: Bool
    /// A birthday visit was made in this birthday's window.
    public var greeted: Bool
}

/// A supervisor's day: every item, grouped by the staff member who does it today.
public struct TeamDay: Sendable, Hashable {
    public var date: LocalDate
    /// By staff id; staff with nothing due are absent.
    public var groups: [StaffDue]
    public var unassigned: StaffDue

    public var overdueCount: Int { groups.reduce(unassigned.overdueCount) { $0 + $1.overdueCount } }
    /// Overdue items per staff member (unassigned ones under nil).
    public var overdueByStaff: [ID<Staff>?: Int] {
        var out: [ID<Staff>?: Int] = [nil: unassigned.overdueCount]
        for g in groups { out[g.staff] = g.overdueCount }
        return out
    }
}

public struct StaffDue: Sendable, Hashable {
    /// nil for the unassigned group.
    public var staff: ID<Staff>?
    public var items: [DueItem]
    public var overdueCount: Int { items.count { $0.status == .overdue } }
    public var dueCount: Int { items.count { $0.status == .due } }
}

extension DueItem {
    /// The item's name as lists show it, e.g. 生日祝寿(80岁大寿), 节日慰问(中秋).
    public func title(_ l: Localizer, settings: VisitSettings) -> String {
        switch rule {
        case .birthday where milestone: return l("visits.rule.birthday_milestone", age ?? 0)
        case .festival:
            let name = settings.festivals.first { $0.id == festival }.map { $0.name(l) } ?? (festival ?? "")
            return l("visits.rule.festival_named", name)
        default: return l(rule.catalogKey)
        }
    }
}

extension FestivalRule {
    /// The festival's name: its own label, else the catalog's.
    public func name(_ l: Localizer) -> String {
        if let label, !label.isEmpty { return label }
        return l.has(catalogKey) ? l(catalogKey) : id
    }
}
