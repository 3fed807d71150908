/// A figure on the dashboard that opens (Enter) to the records behind it.
public enum DashboardDrill: Sendable, Hashable {
    // Roster, at the end of the period.
    case living(category: CadreCategory?, rank: RankBand?)
    /// A list's members at the end of the period, with who joined and who left during it.
    case list(NamedList)
    // Visits in the period.
    case visits(kind: VisitKind?, occasion: VisitOccasion?, staff: ID<Staff>?)
    case visitsWithNeeds
    /// Face-to-face visits (not calls or "other").
    case inPersonVisits
    case visitsWithMoney
    /// Living cadres not contacted in a month of the period (the month's first day).
    case notContacted(month: LocalDate)
    /// Living cadres not contacted in at least one month of the period.
    case notContactedEveryMonth
    case occasions(OccasionOutcome?, rule: DueRule?)
    /// Overdue and due items of whoever does them today (drills to My day).
    case workOf(ID<Staff>)
    /// Items nobody does today (no contact person, or the AB岗 chain ends nowhere).
    case unassignedWork
    // Hotline.
    case tickets(HotlineFigure)
    case ticketsOfCategory(String)
    /// Tickets whose satisfaction callback was made in the period.
    case rated
    // Centre.
    case roomBookings(ID<Room>)
    case checkIns
    case noShows
    case bookings
    case course(ID<Course>)
}

/// The records behind a figure, for a list a screen shows.
public enum DrillRecords: Sendable, Hashable {
    case cadres([ID<Cadre>])
    /// A list at the end of the period (those who joined during it among them) and those who left it.
    case listMembers(members: [ID<Cadre>], joined: Set<ID<Cadre>>, left: [ID<Cadre>])
    case visits([VisitSummary])
    case occasions([OccasionResult])
    case dueItems([DueItem])
    case tickets([ID<Ticket>])
    case bookings([ID<Booking>])
    case checkIns([CheckInRecord])

    public var count: Int {
        switch self {
        case .cadres(let v): v.count
        case .listMembers(let m, _, _): m.count
        case .visits(let v): v.count
        case .occasions(let v): v.count
        case .dueItems(let v): v.count
        case .tickets(let v): v.count
        case .bookings(let v): v.count
        case .checkIns(let v): v.count
        }
    }
}

extension DeskState {
    /// The records behind `drill` in `figures` (the period's figures as computed).
    public func records(_ drill: DashboardDrill, in figures: DashboardFigures, team: TeamDay) -> DrillRecords {
        let p = figures.period
        let end = min(p.end, figures.now.date)
        switch drill {
        case .living(let category, let rank):
            return .cadres(livingMembers(category: category, rank: rank, on: end))
        case .list(let l):
            let members = listMembers(l, on: end)
            let before = Set(listMembers(l, on: p.start.adding(days: -1))), after = Set(members)
            return .listMembers(members: members, joined: after.subtracting(before), left: before.subtracting(after).sorted())
        case .visits(let kind, let occasion, let staff):
            return .visits(visitList(VisitFilter(period: p, staff: staff, kind: kind, occasion: occasion), limit: Int.max).visits)
        case .visitsWithNeeds:
            return .visits(visitList(VisitFilter(period: p), limit: Int.max).visits.filter { $0.needCount > 0 })
        case .inPersonVisits:
            return .visits(visitList(VisitFilter(period: p), limit: Int.max).visits.filter { $0.kind.isInPerson })
        case .visitsWithMoney:
            return .visits(visitList(VisitFilter(period: p), limit: Int.max).visits.filter { $0.moneyEach.fen > 0 })
        case .notContacted(let month):
            // As `contactCoverage` counts a month: living through it, no contact in it.
            let m = Period(start: max(month, p.start), end: min(month.lastOfMonth, p.end))
            return .cadres(roster.ids.filter { id in
                guard let c = roster[id], c.deceasedOn.map({ $0 > m.end }) ?? true else { return false }
                return !contacted(id, in: m)
            })
        case .notContactedEveryMonth:
            let months = p.months.map { Period(start: max($0, p.start), end: min($0.lastOfMonth, p.end)) }
            return .cadres(roster.ids.filter { id in
                guard let c = roster[id], c.deceasedOn.map({ $0 > p.end }) ?? true else { return false }
                return months.contains { !contacted(id, in: $0) }
            })
        case .occasions(let outcome, let rule):
            return .occasions(figures.occasions.filter { (outcome == nil || $0.outcome == outcome) && (rule == nil || $0.rule == rule) })
        case .workOf(let s):
            return .dueItems(team.groups.first { $0.staff == s }?.items ?? [])
        case .unassignedWork:
            return .dueItems(team.unassigned.items)
        case .tickets(let f):
            return .tickets(figures.hotline.tickets[f] ?? [])
        case .ticketsOfCategory(let code):
            return .tickets((figures.hotline.tickets[.opened] ?? []).filter { tickets[$0]?.category == code })
        case .rated:
            return .tickets(tickets.all.filter { t in t.voided == nil && t.callbacks.contains { p.contains($0.at.date) } }.map(\.id))
        case .roomBookings(let room):
            return .bookings(p.days.flatMap { centre.bookings(in: room, on: $0) }.map(\.id))
        case .checkIns:
            return .checkIns(CentreQuery(self).checkIns(in: p))
        case .noShows:
            return .bookings(figures.centre.noShows)
        case .bookings:
            return .bookings(centre.roomOrder.flatMap { room in
                p.days.flatMap { centre.bookings(in: room, on: $0) }.filter { $0.isReleasable && $0.isActive }.map(\.id)
            })
        case .course(let k):
            return .bookings(centre.sessions(of: k).filter { p.contains($0.date) }.map(\.id))
        }
    }

    /// A contact (call or any face-to-face visit, as `contactKinds`) with the cadre in `span`.
    private func contacted(_ id: ID<Cadre>, in span: Period) -> Bool {
        let mask = VisitKind.mask(settings.visits.contactKinds)
        return firstVisit(of: id, from: span.start.dayNumber * 1440, through: span.end) { $0.isKind(in: mask) } != nil
    }
}
