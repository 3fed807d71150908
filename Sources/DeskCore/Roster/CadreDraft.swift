/// A cadre's file as typed in the add/edit form or read from a CSV row: text
/// where a person types text, so that every parsing problem is reported by
/// the same rules (`CadreRules`) with the field it belongs to.
public struct CadreDraft: Sendable, Hashable {
    public var name = ""
    /// Blank: taken from the resident ID number.
    public var gender: Gender?
    /// `1936-05-01`, `1936/5/1` or `19360501`; blank: taken from the ID number.
    public var birthDate = ""
    public var idNumber = ""
    public var category: CadreCategory = .tuixiu
    public var rank: RankBand = .general
    public var workUnit = ""
    public var partyBranch = ""
    public var phone = ""
    public var address = ""
    public var community = ""
    /// The emergency contact first (the rules move it there).
    public var family: [FamilyDraft] = []
    public var health: HealthStatus = .healthy
    public var living: LivingSituation = .withSpouse
    public var marital: MaritalStatus = .married
    public var hardship = false
    public var hobbies = ""
    public var notes = ""

    public init() {}

    /// The form pre-filled from a file (for editing).
    public init(_ c: Cadre) {
        name = c.name
        gender = c.gender
        birthDate = c.birthDate.description
        idNumber = c.idNumber ?? ""
        category = c.category
        rank = c.rank
        workUnit = c.workUnit
        partyBranch = c.partyBranch
        phone = c.phone ?? ""
        address = c.address
        community = c.community
        family = c.family.map { FamilyDraft(relation: $0.relation, name: $0.name, phone: $0.phone ?? "", emergency: $0.emergency) }
        health = c.health
        living = c.living
        marital = c.marital
        hardship = c.hardship
        hobbies = c.hobbies
        notes = c.notes
    }
}

public struct FamilyDraft: Sendable, Hashable {
    public var relation: String
    public var name: String
    public var phone: String
    public var emergency: Bool

    public init(relation: String, name: String = "", phone: String = "", emergency: Bool = false) {
        self.relation = relation
        self.name = name
        self.phone = phone
        self.emergency = emergency
    }

    var isBlank: Bool {
        Blank.trim(relation).isEmpty && Blank.trim(name).isEmpty
            && Blank.trim(phone).isEmpty
    }
}

import Foundation
