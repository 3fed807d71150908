/// Which must-visit rule a due item comes from.
public enum DueRule: String, Sendable, Hashable, CaseIterable, Codable {
    /// Each rule's place when rules are ordered by name (lists sort by it).
    static let rankByName: [DueRule: Int] = Dictionary(
        uniqueKeysWithValues: allCases.sorted { $0.rawValue < $1.rawValue }.enumerated().map { ($1, $0) })
    /// 关怀等级: a home visit every N days (by level).
    case careVisit
    /// The care-level contact of a cadre living elsewhere: a call instead of a home visit.
    case carePhone
    /// Everyone: one contact (cadre or family) per calendar month.
    case monthlyContact
    /// 生日祝寿, from 7 days before the birthday to the day.
    case birthday
    /// 医院看望 within 3 days of admission.
    case hospital
    /// The spouse died: a visit within 3 days.
    case bereavement
    /// The cadre died: 吊唁 to the family within 3 days.
    case condolence
    /// 节日慰问 in the window before a festival.
    case festival
    /// A follow-up date set on an earlier visit.
    case followUp

    public var catalogKey: String { "visits.rule.\(rawValue)" }

    /// Declaration order, for sorting without allocating `allCases`.
    var order: Int {
        switch self {
        case .careVisit: 0
        case .carePhone: 1
        case .monthlyContact: 2
        case .birthday: 3
        case .hospital: 4
        case .bereavement: 5
        case .condolence: 6
        case .festival: 7
        case .followUp: 8
        }
    }

    /// The visit that satisfies this rule, for a pre-filled form.
    public var suggested: (kind: VisitKind, occasion: VisitOccasion) {
        switch self {
        case .careVisit: return (.home, .routine)
        case .carePhone: return (.phone, .elsewhere)
        case .monthlyContact: return (.phone, .routine)
        case .birthday: return (.birthday, .birthday)
        case .hospital: return (.hospital, .illness)
        case .bereavement, .condolence: return (.condolence, .bereavement)
        case .festival: return (.festival, .festival)
        case .followUp: return (.home, .routine)
        }
    }
}

public enum DueStatus: String, Sendable, Hashable, Codable {
    /// Its window has not opened yet (shown only when asking ahead).
    case upcoming
    /// In its window: do it by `by`.
    case due
    /// Past `by` and not done.
    case overdue
}

/// One thing someone must do for a cadre: a visit or a call, with its window.
/// A visit that satisfies it makes it disappear from every list.
public struct DueItem: Sendable, Hashable {
    public var cadre: ID<Cadre>
    public var rule: DueRule
    /// The window: due from `from`, overdue after `by`.
    public var from: LocalDate
    public var by: LocalDate
    public var status: DueStatus
    /// `by` minus the date asked about: negative when overdue. Lists sort by it.
    public var daysLeft: Int
    /// Birthday: the age reached; `milestone` for 80, 90, 100 (configurable).
    public var age: Int?
    public var milestone = false
    /// Festival: which one (`FestivalRule.id`), and its day is `by`.
    public var festival: String?
    /// Care level: the last qualifying visit (nil: none on record).
    public var lastVisit: LocalDate?
    /// Follow-up: the visit that set it.
    public var relatedVisit: ID<Visit>?
    /// The cadre's contact person (联系人).
    public var contact: ID<Staff>?
    /// Who does it on the date asked about: the contact person, or the backup
    /// during their recorded absence (AB岗); nil = unassigned (supervisor).
    public var assignee: ID<Staff>?

    public var daysOverdue: Int { max(0, -daysLeft) }
    /// Done by a backup on behalf of an absent contact person.
    public var isCovering: Bool { assignee != nil && assignee != contact }
}

/// The must-visit rules as pure functions of the state and a date: no clock
/// is read. One value is made per query (it converts the festival dates once)
/// and asked about each cadre in turn; each cadre costs a few comparisons on
/// its visit summary: all 15,000 take about 17 ms with the sort (VisitBenchmarks).
struct DueRules {
    let settings: VisitSettings
    let roster: RosterSettings
    let date: LocalDate
    /// Also list items whose window opens within this many days (upcoming).
    let horizon: Int
    private let homeMask: UInt16
    private let contactMask: UInt16
    private let birthdayMask: UInt16
    private let hospitalMask: UInt16
    private let festivalKind: Int
    private let condolenceKind: Int
    private let bereavementOccasion: Int
    private let festivalOccasion: Int
    /// Festival days whose window or lapse period touches `date…date+horizon`.
    private let festivals: [(rule: FestivalRule, day: LocalDate)]

    init(settings: DeskSettings, date: LocalDate, horizon: Int = 0) {
        self.settings = settings.visits
        roster = settings.roster
        let settings = settings.visits
        self.date = date
        self.horizon = max(0, horizon)
        homeMask = VisitKind.mask(settings.homeVisitKinds)
        contactMask = VisitKind.mask(settings.contactKinds)
        birthdayMask = VisitKind.mask(settings.birthdayKinds)
        hospitalMask = VisitKind.mask(settings.hospitalKinds)
        festivalKind = Int(VisitKind.festival.code)
        condolenceKind = Int(VisitKind.condolence.code)
        bereavementOccasion = Int(VisitOccasion.bereavement.code)
        festivalOccasion = Int(VisitOccasion.festival.code)
        var fs: [(FestivalRule, LocalDate)] = []
        let last = date.adding(days: self.horizon)
        for rule in settings.festivals {
            for y in (date.year - 1)...(last.year + 1) {
                for day in FestivalCalendar.dates(of: rule, in: y)
                where day.adding(days: -settings.festivalWindowDays) <= last && date <= day.adding(days: settings.festivalLapseDays) {
                    fs.append((rule, day))
                }
            }
        }
        festivals = fs
    }

    /// Appends the cadre's items (unassigned: the caller assigns).
    func items(for cadre: Cadre, in book: VisitBook, into out: inout [DueItem]) {
        let s = book.summary(of: cadre.id, through: date)
        if let died = cadre.deceasedOn, died <= date {
            // The file stays, every schedule stops; only the family's 吊唁 remains.
            let done = max(s.anyByKind[condolenceKind], s.byOccasion[bereavementOccasion])
            add(.condolence, cadre, from: died, by: died.adding(days: settings.bereavementDays),
                done: done, lapse: settings.lapseDays, into: &out)
            return
        }
        let elsewhere = cadre.livingElsewhere.map { $0.since <= date } ?? false

        if let interval = roster.homeVisitInterval(level: cadre.careLevel) {
            let last = elsewhere ? s.latest(s.anyByKind, contactMask) : s.latest(s.soloByKind, homeMask)
            let lastDay = Self.day(last)
            let by = lastDay.map { $0.adding(days: interval) } ?? date
            var item = make(elsewhere ? .carePhone : .careVisit, cadre, from: min(by, by.adding(days: -settings.careLeadDays)), by: by)
            item.lastVisit = lastDay
            if item.from <= date.adding(days: horizon) { out.append(item) }
        }

        monthlyContact(cadre, s, into: &out)

        if cadre.birthDate < date.adding(days: horizon + settings.birthdayLeadDays) {
            let greeted = s.latest(s.anyByKind, birthdayMask)
            let born = cadre.birthDate.year
            for y in (date.year - 1)...(date.year + 1) where y > born {
                let day = cadre.birthDate.anniversary(in: y)
                // The age reached that year: Feb 29 births turn 80 on Feb 28 of a common year.
                let age = y - born
                let before = add(.birthday, cadre, from: day.adding(days: -settings.birthdayLeadDays), by: day,
                                 done: greeted, lapse: settings.lapseDays, into: &out)
                if out.count > before {
                    out[out.count - 1].age = age
                    out[out.count - 1].milestone = settings.milestoneAges.contains(age)
                }
            }
        }

        if let admitted = cadre.hospitalisedSince, admitted <= date {
            // Stays until the visit is made or the file records the discharge.
            add(.hospital, cadre, from: admitted, by: admitted.adding(days: settings.hospitalDays),
                done: s.latest(s.anyByKind, hospitalMask), lapse: nil, into: &out)
        }

        if let widowed = cadre.widowedOn, widowed <= date {
            add(.bereavement, cadre, from: widowed, by: widowed.adding(days: settings.bereavementDays),
                done: max(s.anyByKind[condolenceKind], s.byOccasion[bereavementOccasion]), lapse: settings.lapseDays, into: &out)
        }

        if !festivals.isEmpty {
            // A cadre living elsewhere is greeted by phone: any contact on the festival occasion counts.
            let greeted = elsewhere ? max(s.anyByKind[festivalKind], s.byOccasion[festivalOccasion]) : s.anyByKind[festivalKind]
            for (rule, day) in festivals where rule.audience.includes(cadre) {
                let before = add(.festival, cadre, from: day.adding(days: -settings.festivalWindowDays), by: day,
                                 done: greeted, lapse: settings.festivalLapseDays, into: &out)
                if out.count > before { out[out.count - 1].festival = rule.id }
            }
        }

        if s.followUpDay != VisitRow.none, s.latest(s.anyByKind, contactMask) <= s.followUpStamp {
            let day = LocalDate(dayNumber: Int(s.followUpDay))
            var item = make(.followUp, cadre, from: day, by: day)
            item.relatedVisit = book.summary(row: s.followUpRow).id
            if item.from <= date.adding(days: horizon) { out.append(item) }
        }
    }

    /// Everyone: one contact per calendar month. Not yet called this month:
    /// due by the month's end; not called last month either (but called
    /// before): overdue since last month's end. Never called: due this month.
    private func monthlyContact(_ cadre: Cadre, _ s: TrackSummary, into out: inout [DueItem]) {
        let last = Self.day(s.latest(s.anyByKind, contactMask))
        let monthStart = date.firstOfMonth
        if let last, last >= monthStart { return }
        let previous = monthStart.adding(months: -1)
        if let last, last < previous {
            out.append(make(.monthlyContact, cadre, from: previous, by: monthStart.adding(days: -1)))
        } else {
            out.append(make(.monthlyContact, cadre, from: monthStart, by: date.lastOfMonth))
        }
    }

    /// Adds an occasion item unless a qualifying visit on or after `from` was
    /// made (`done`: the latest one's stamp), its window is beyond the horizon,
    /// or it lapsed. Returns the count before, so the caller can decorate it.
    @discardableResult
    private func add(_ rule: DueRule, _ cadre: Cadre, from: LocalDate, by: LocalDate, done: Int32, lapse: Int?,
                     into out: inout [DueItem]) -> Int {
        let before = out.count
        guard from <= date.adding(days: horizon) else { return before }
        if let lapse, by.adding(days: lapse) < date { return before }
        if done != VisitRow.none, Int(done) >= from.dayNumber * 1440 { return before }
        out.append(make(rule, cadre, from: from, by: by))
        return before
    }

    private func make(_ rule: DueRule, _ cadre: Cadre, from: LocalDate, by: LocalDate) -> DueItem {
        let status: DueStatus = date < from ? .upcoming : date <= by ? .due : .overdue
        return DueItem(cadre: cadre.id, rule: rule, from: from, by: by, status: status, daysLeft: date.distance(to: by),
                       contact: cadre.contact, assignee: nil)
    }

    private static func day(_ stamp: Int32) -> LocalDate? {
        stamp == VisitRow.none ? nil : LocalDate(dayNumber: Int(stamp) / 1440)
    }
}

/// Resolves contact persons to whoever does their work on a date (AB岗
/// chains), once per contact person per query.
struct Assigner {
    let staff: StaffBook
    let date: LocalDate
    private var cache: [ID<Staff>: ID<Staff>?] = [:]

    init(staff: StaffBook, date: LocalDate) {
        self.staff = staff
        self.date = date
    }

    mutating func assignee(for contact: ID<Staff>?) -> ID<Staff>? {
        guard let contact else { return nil }
        if let hit = cache[contact] { return hit }
        let who = staff.coverer(for: contact, on: date)
        cache[contact] = who
        return who
    }
}

extension DueItem {
    /// Most urgent first: fewest days left, then rule, then cadre.
    static func urgency(_ a: DueItem, _ b: DueItem) -> Bool {
        if a.daysLeft != b.daysLeft { return a.daysLeft < b.daysLeft }
        if a.rule != b.rule { return a.rule.order < b.rule.order }
        return a.cadre < b.cadre
    }
}
