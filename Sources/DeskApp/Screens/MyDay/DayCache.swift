import DeskCore

/// My day's figures for the state as it is, computed once per change of the
/// log or of the date: the tab's badge asks for them on every frame, and a
/// supervisor's view needs every staff member's day.
final class DayCache {
    private var seq: UInt64 = .max
    private var date: LocalDate?
    private var teamDay: TeamDay?
    private var days: [ID<Staff>: MyDay] = [:]
    private var contacts: Set<ID<Staff>>?

    private func check(_ app: AppContext) {
        guard app.state.seq != seq || app.today != date else { return }
        seq = app.state.seq
        date = app.today
        teamDay = nil
        days = [:]
        contacts = nil
    }

    /// Everyone's items, grouped by who does them today.
    func team(_ app: AppContext) -> TeamDay {
        check(app)
        if let teamDay { return teamDay }
        let t = app.state.teamDay(on: app.today)
        teamDay = t
        return t
    }

    /// One staff member's day (their cadres and those of colleagues they cover for).
    func day(for staff: ID<Staff>, _ app: AppContext) -> MyDay {
        check(app)
        if let d = days[staff] { return d }
        let d = app.state.myDay(for: staff, on: app.today)
        days[staff] = d
        return d
    }

    /// Staff who are the contact person of a living cadre.
    func contactPersons(_ app: AppContext) -> Set<ID<Staff>> {
        check(app)
        if let contacts { return contacts }
        var s: Set<ID<Staff>> = []
        for c in app.state.roster.byID.values where c.deceasedOn == nil {
            if let k = c.contact { s.insert(k) }
        }
        contacts = s
        return s
    }

    /// Birthdays this week of every cadre someone looks after today.
    func everyonesBirthdays(_ app: AppContext) -> [BirthdayEntry] {
        var seen: Set<ID<Cadre>> = []
        var out: [BirthdayEntry] = []
        for s in app.state.staff.active {
            for b in day(for: s.id, app).birthdaysThisWeek where seen.insert(b.cadre).inserted { out.append(b) }
        }
        return out.sorted { ($0.date, $0.cadre) < ($1.date, $1.cadre) }
    }
}
