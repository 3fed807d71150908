import Foundation

/// Validation of a cadre's file: every problem at once, each tied to its form
/// field, each message saying what to do. Errors block saving; warnings
/// (`needsConfirmation`) may be overridden by the clerk.
public enum CadreRules {
    /// Length limits on free text, in characters.
    public enum Limit {
        public static let workUnit = 40, partyBranch = 40, address = 80, community = 30
        public static let hobbies = 200, notes = 1000, relation = 10, alert = 60, place = 60, hospital = 40
        public static let familyMembers = 12, alerts = 10
    }

    public struct Checked: Sendable {
        /// The file built from the draft (id and status fields untouched), valid when `errors` is empty.
        public var cadre: Cadre
        public var errors: [Problem]
        public var warnings: [Problem]
    }

    /// Checks `draft` against the roster (duplicates) and today's date (ages).
    /// `editing` is the file being edited, excluded from duplicate checks and
    /// the source of the fields the form does not carry.
    public static func check(_ draft: CadreDraft, in state: DeskState, today: LocalDate, editing: Cadre? = nil) -> Checked {
        var errors: [Problem] = []
        var warnings: [Problem] = []
        let settings = state.settings.roster

        let name = PersonName.normalized(draft.name)
        if let p = PersonName.problem(name, field: "name") { errors.append(p) }

        // The ID number first: it can fill in a blank birth date and gender.
        let idNumber = ResidentID.normalized(draft.idNumber)
        let idBirth = idNumber.isEmpty ? nil : ResidentID.birthDate(idNumber)
        let idGender = idNumber.isEmpty || ResidentID.structureProblem(idNumber, field: "") != nil ? nil : ResidentID.gender(idNumber)

        var birth: LocalDate?
        let birthText = Blank.trim(draft.birthDate)
        if birthText.isEmpty {
            birth = idBirth
            if birth == nil { errors.append(Problem("roster.birth.required", field: "birthDate")) }
        } else if let d = LocalDate(birthText) {
            birth = d
        } else {
            errors.append(Problem("roster.birth.format", [birthText], field: "birthDate"))
        }
        if let b = birth {
            let age = b.age(on: today)
            if !settings.plausibleAges.contains(age) {
                errors.append(Problem("roster.birth.age", [String(age), String(settings.plausibleAges.lowerBound),
                                                            String(settings.plausibleAges.upperBound)], field: "birthDate"))
            } else if draft.category == .lixiu, b.year > settings.lixiuBornByYear {
                warnings.append(Problem("roster.birth.lixiu_young", [String(b.year)], field: "birthDate"))
            }
        }
        let gender = draft.gender ?? idGender
        if gender == nil { errors.append(Problem("roster.gender.required", field: "gender")) }

        if !idNumber.isEmpty {
            // Compare with what the clerk typed, not with what was derived from the number itself.
            let typedBirth = birthText.isEmpty ? nil : birth
            errors += ResidentID.problems(idNumber, birthDate: typedBirth, gender: draft.gender, field: "idNumber")
            if let other = state.roster.byIDNumber[idNumber], other != editing?.id, let o = state.roster[other] {
                errors.append(Problem("roster.id.duplicate", [o.id.raw, o.name], field: "idNumber"))
            }
        }

        let phone = cleanPhone(draft.phone, field: "phone", into: &errors)

        func text(_ raw: String, _ field: String, _ limit: Int) -> String {
            let t = Blank.trim(raw)
            if t.count > limit { errors.append(Problem("roster.text.too_long", [String(limit), String(t.count)], field: field)) }
            return t
        }
        let workUnit = text(draft.workUnit, "workUnit", Limit.workUnit)
        let partyBranch = text(draft.partyBranch, "partyBranch", Limit.partyBranch)
        let address = text(draft.address, "address", Limit.address)
        let community = text(draft.community, "community", Limit.community)
        let hobbies = text(draft.hobbies, "hobbies", Limit.hobbies)
        let notes = text(draft.notes, "notes", Limit.notes)

        var family: [FamilyMember] = []
        let rows = draft.family.filter { !$0.isBlank }
        if rows.count > Limit.familyMembers {
            errors.append(Problem("roster.family.too_many", [String(Limit.familyMembers)], field: "family"))
        }
        if rows.filter(\.emergency).count > 1 {
            errors.append(Problem("roster.family.one_emergency", field: "family"))
        }
        for (i, row) in rows.enumerated() {
            let f = "family.\(i)"
            let relation = Blank.trim(row.relation)
            if relation.isEmpty { errors.append(Problem("roster.family.relation_required", field: f + ".relation")) }
            if relation.count > Limit.relation {
                errors.append(Problem("roster.text.too_long", [String(Limit.relation), String(relation.count)], field: f + ".relation"))
            }
            let fname = PersonName.normalized(row.name)
            if !fname.isEmpty, let p = PersonName.problem(fname, field: f + ".name") { errors.append(p) }
            let fphone = cleanPhone(row.phone, field: f + ".phone", into: &errors)
            family.append(FamilyMember(relation: relation, name: fname, phone: fphone, emergency: row.emergency))
        }
        if let e = family.firstIndex(where: \.emergency), e > 0 { family.insert(family.remove(at: e), at: 0) }

        var cadre = editing ?? Cadre(id: ID(""), name: name, gender: gender ?? .male, birthDate: birth ?? LocalDate(dayNumber: 0),
                                     category: draft.category, rank: draft.rank, workUnit: workUnit)
        cadre.name = name
        cadre.gender = gender ?? cadre.gender
        cadre.birthDate = birth ?? cadre.birthDate
        cadre.idNumber = idNumber.isEmpty ? nil : idNumber
        cadre.category = draft.category
        cadre.rank = draft.rank
        cadre.workUnit = workUnit
        cadre.partyBranch = partyBranch
        cadre.phone = phone
        cadre.address = address
        cadre.community = community
        cadre.family = family
        cadre.health = draft.health
        cadre.living = draft.living
        cadre.marital = draft.marital
        cadre.hardship = draft.hardship
        cadre.hobbies = hobbies
        cadre.notes = notes

        if errors.isEmpty, let b = birth {
            for other in state.roster.sameNameAndBirth(name, b) where other != editing?.id {
                warnings.append(Problem("roster.duplicate_person", [other.raw, name, b.description], field: "name"))
            }
        }
        return Checked(cadre: cadre, errors: errors, warnings: warnings)
    }

    static func cleanPhone(_ raw: String, field: String, into errors: inout [Problem]) -> String? {
        let t = Blank.trim(raw)
        if t.isEmpty { return nil }
        if let p = PhoneNumber.problem(t, field: field) { errors.append(p); return nil }
        return PhoneNumber.normalized(t)
    }

    static func checkText(_ raw: String, field: String, limit: Int, required: Bool, into errors: inout [Problem]) -> String {
        let t = Blank.trim(raw)
        if required, t.isEmpty { errors.append(Problem("roster.text.required", field: field)) }
        if t.count > limit { errors.append(Problem("roster.text.too_long", [String(limit), String(t.count)], field: field)) }
        return t
    }
}
