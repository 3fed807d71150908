/// A retired cadre's personal file (档案). Codes, not display words, are
/// stored; screens show them through the catalog.
public struct Cadre: Sendable, Codable, Hashable {
    /// File number, e.g. `C00042`.
    public var id: ID<Cadre>
    public var name: String
    public var gender: Gender
    public var birthDate: LocalDate
    /// 18-character resident identity number (GB 11643), if known.
    public var idNumber: String?
    public var category: CadreCategory
    public var rank: RankBand
    /// 原单位
    public var workUnit: String
    public var partyBranch: String = ""
    /// The cadre's own phone (mobile or landline).
    public var phone: String?
    public var address: String = ""
    /// 社区
    public var community: String = ""
    /// Family members, the emergency contact first.
    public var family: [FamilyMember] = []
    public var health: HealthStatus = .healthy
    public var living: LivingSituation = .withSpouse
    public var marital: MaritalStatus = .married
    /// 经济困难
    public var hardship: Bool = false
    /// 特长爱好
    public var hobbies: String = ""
    public var notes: String = ""
    /// 关怀等级 1 (closest care) … 3; nil = no care level.
    public var careLevel: Int?
    /// 联系人: the staff member responsible for this cadre.
    public var contact: ID<Staff>?
    /// Shown on every lookup: hearing loss, allergies, "call daughter first".
    public var alerts: [String] = []

    // Status, changed only by explicit dated events.
    public var hospitalisedSince: LocalDate?
    public var livingElsewhere: Elsewhere?
    public var deceasedOn: LocalDate?
    /// Date the spouse died (bereavement visit; marital becomes 丧偶).
    public var widowedOn: LocalDate?

    public init(id: ID<Cadre>, name: String, gender: Gender, birthDate: LocalDate, category: CadreCategory,
                rank: RankBand, workUnit: String) {
        self.id = id
        self.name = name
        self.gender = gender
        self.birthDate = birthDate
        self.category = category
        self.rank = rank
        self.workUnit = workUnit
    }

    public var isDeceased: Bool { deceasedOn != nil }
    public func age(on date: LocalDate) -> Int { birthDate.age(on: date) }
    /// The emergency contact (first family member marked so, else the first).
    public var emergencyContact: FamilyMember? { family.first(where: \.emergency) ?? family.first }
}

public struct FamilyMember: Sendable, Codable, Hashable {
    /// 配偶, 儿子, 女儿, 儿媳, 女婿, 孙子女, 其他 — free text, as clerks write it.
    public var relation: String
    public var name: String
    public var phone: String?
    public var emergency: Bool = false

    public init(relation: String, name: String, phone: String? = nil, emergency: Bool = false) {
        self.relation = relation
        self.name = name
        self.phone = phone
        self.emergency = emergency
    }
}

public struct Elsewhere: Sendable, Codable, Hashable {
    public var since: LocalDate
    /// Where they live now (city, with whom).
    public var place: String
    public init(since: LocalDate, place: String) {
        self.since = since
        self.place = place
    }
}

public enum Gender: String, Sendable, Codable, CaseIterable { case male, female }

/// 离休 (joined before October 1949) or 退休.
public enum CadreCategory: String, Sendable, Codable, CaseIterable { case lixiu, tuixiu }

/// 县级 / 副县级 / 科级 / 一般.
public enum RankBand: String, Sendable, Codable, CaseIterable { case county, deputyCounty, section, general }

/// 健康 / 慢病 / 患病住院 / 生活不能自理.
public enum HealthStatus: String, Sendable, Codable, CaseIterable { case healthy, chronic, hospitalised, dependent }

/// 独居 / 空巢 / 与配偶 / 与子女 / 养老机构.
public enum LivingSituation: String, Sendable, Codable, CaseIterable { case alone, emptyNest, withSpouse, withChildren, careHome }

/// 已婚 / 丧偶 / 离异 / 未婚.
public enum MaritalStatus: String, Sendable, Codable, CaseIterable { case married, widowed, divorced, single }
