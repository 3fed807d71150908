/// The must-visit rules' settings, with the field practice as defaults. Old
/// logs may hold fewer keys than this build knows: missing ones take defaults.
public struct VisitSettings: Sendable, Codable, Hashable {
    // The home-visit interval per care level is the roster's
    // (`RosterSettings.careLevels`): the file shows it and the rules use it.
    /// A care-level item turns from upcoming to due this many days before its date.
    public var careLeadDays = 5
    /// Kinds that count as the care-level home visit, if made to one cadre
    /// alone (a group gathering does not): anything face to face. A hospital
    /// visit counts: the cadre is seen where they are.
    public var homeVisitKinds: [VisitKind] = [.home, .hospital, .festival, .birthday, .study, .comfort, .condolence]
    /// Kinds that count as the monthly contact (cadre or family), and as the
    /// care-level contact of a cadre living elsewhere: a call or any face-to-face visit.
    public var contactKinds: [VisitKind] = [.home, .phone, .hospital, .festival, .birthday, .study, .comfort, .condolence]
    /// Birthday greetings are due from this many days before the birthday to the day.
    public var birthdayLeadDays = 7
    public var birthdayKinds: [VisitKind] = [.birthday]
    /// Ages whose birthday is flagged as a milestone (大寿).
    public var milestoneAges: [Int] = [80, 90, 100]
    /// A hospital visit is due within this many days of admission.
    public var hospitalDays = 3
    public var hospitalKinds: [VisitKind] = [.hospital]
    /// A bereavement visit is due within this many days of a death.
    public var bereavementDays = 3
    /// Festival greetings are due in this many days before a festival (to the day).
    public var festivalWindowDays = 14
    public var festivals: [FestivalRule] = [.springFestival, .midAutumn, .doubleNinth]
    /// Birthday and bereavement items still show this many days after their
    /// date; later they count as missed and leave the lists.
    public var lapseDays = 30
    /// Festival items leave the lists this many days after the festival.
    public var festivalLapseDays = 7

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = VisitSettings()
        careLeadDays = try c.decodeIfPresent(Int.self, forKey: .careLeadDays) ?? d.careLeadDays
        homeVisitKinds = try c.decodeIfPresent([VisitKind].self, forKey: .homeVisitKinds) ?? d.homeVisitKinds
        contactKinds = try c.decodeIfPresent([VisitKind].self, forKey: .contactKinds) ?? d.contactKinds
        birthdayLeadDays = try c.decodeIfPresent(Int.self, forKey: .birthdayLeadDays) ?? d.birthdayLeadDays
        birthdayKinds = try c.decodeIfPresent([VisitKind].self, forKey: .birthdayKinds) ?? d.birthdayKinds
        milestoneAges = try c.decodeIfPresent([Int].self, forKey: .milestoneAges) ?? d.milestoneAges
        hospitalDays = try c.decodeIfPresent(Int.self, forKey: .hospitalDays) ?? d.hospitalDays
        hospitalKinds = try c.decodeIfPresent([VisitKind].self, forKey: .hospitalKinds) ?? d.hospitalKinds
        bereavementDays = try c.decodeIfPresent(Int.self, forKey: .bereavementDays) ?? d.bereavementDays
        festivalWindowDays = try c.decodeIfPresent(Int.self, forKey: .festivalWindowDays) ?? d.festivalWindowDays
        festivals = try c.decodeIfPresent([FestivalRule].self, forKey: .festivals) ?? d.festivals
        lapseDays = try c.decodeIfPresent(Int.self, forKey: .lapseDays) ?? d.lapseDays
        festivalLapseDays = try c.decodeIfPresent(Int.self, forKey: .festivalLapseDays) ?? d.festivalLapseDays
    }
}

/// A festival with greetings due (节日慰问): lunar or solar date, and who gets them.
public struct FestivalRule: Sendable, Codable, Hashable {
    /// Stable name; the catalog has `visits.festival.<id>` for the built-in
    /// ones, and `label` names any other.
    public var id: String
    public var label: String?
    public var calendar: FestivalCalendarKind
    public var month: Int
    public var day: Int
    public var audience: FestivalAudience

    public init(id: String, label: String? = nil, calendar: FestivalCalendarKind, month: Int, day: Int,
                audience: FestivalAudience = .lixiuAndCareLevel) {
        self.id = id
        self.label = label
        self.calendar = calendar
        self.month = month
        self.day = day
        self.audience = audience
    }

    public static let springFestival = FestivalRule(id: "spring", calendar: .lunar, month: 1, day: 1)
    public static let midAutumn = FestivalRule(id: "midautumn", calendar: .lunar, month: 8, day: 15)
    public static let doubleNinth = FestivalRule(id: "doubleninth", calendar: .lunar, month: 9, day: 9)
    /// Examples an admin may add: 元旦, and 七一 for party members.
    public static let newYear = FestivalRule(id: "newyear", calendar: .solar, month: 1, day: 1)
    public static let partyDay = FestivalRule(id: "partyday", calendar: .solar, month: 7, day: 1, audience: .partyMembers)

    public var catalogKey: String { "visits.festival.\(id)" }
}

public enum FestivalCalendarKind: String, Sendable, Codable, Hashable { case lunar, solar }

public enum FestivalAudience: String, Sendable, Codable, Hashable, CaseIterable {
    /// Every 离休 cadre and every cadre with a care level (the field rule).
    case lixiuAndCareLevel
    /// Cadres with a party branch on file.
    case partyMembers
    case everyone

    func includes(_ c: Cadre) -> Bool {
        switch self {
        case .lixiuAndCareLevel: return c.category == .lixiu || c.careLevel != nil
        case .partyMembers: return !c.partyBranch.isEmpty
        case .everyone: return true
        }
    }

    /// The same test on a file's compact row (the empty string is interned as 0).
    func includes(_ f: CadreFacts) -> Bool {
        switch self {
        case .lixiuAndCareLevel: return f.category == .lixiu || f.flags & CadreFacts.Flag.cared != 0
        case .partyMembers: return f.partyBranch != 0
        case .everyone: return true
        }
    }
}
