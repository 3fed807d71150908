/// The roster part of the sample data, with proportions from the field
/// reports (DOMAIN.md "Who and how many"):
/// - 离休 are ~4 % of cadres (a county: 159 of 3,849). Today is 2026 and
///   离休 cadres joined before October 1949, so they are born 1925–1934 and
///   are 92–101 now; the reports' "average age 82" was measured about a
///   decade earlier. 退休 cadres are 58–95, most in their sixties and seventies.
/// - Among 离休 (the county report's figures, read as applying to its 159
///   离休): 9/159 cannot look after themselves, 36/159 empty nest, 41/159 in
///   hardship. 退休 get much lower rates.
/// - Rank bands as in the city report (county-level few, general most).
/// - Every cadre has a contact person (a caseworker); special difficulties get a care level.
/// - Deaths, hospital stays and moves spread over the `years` of history.
extension SampleGenerator {
    public func roster(in state: DeskState) -> [[Desk.BatchItem]] {
        var rng = rng(for: "roster")
        let caseworkers = state.staff.active.filter { $0.role == .caseworker }.map(\.id)
        var number = state.roster.nextFileNumber().raw
        var usedIDs = Set(state.roster.byIDNumber.keys)
        var items: [Desk.BatchItem] = []
        items.reserveCapacity(cadres * 2)
        let t = today

        for _ in 0..<cadres {
            let id = ID<Cadre>(number)
            number = SerialNumber.next(prefix: "C", width: 5, existing: [number])
            let lixiu = rng.chance(159.0 / 3849.0)
            let female = rng.chance(lixiu ? 0.12 : 0.38)
            var d = CadreDraft()
            let surname = rng.weighted(SampleNames.surnames)
            d.name = SampleGenerator.personName(&rng, female: female, surname: surname)
            d.gender = female ? .female : .male
            d.category = lixiu ? .lixiu : .tuixiu

            // Birth date.
            let birthYear: Int
            if lixiu {
                birthYear = 1934 - min(rng.int(0...9), rng.int(0...9))
            } else {
                let age = 58 + min(rng.int(0...37), rng.int(0...37), rng.int(0...45))
                birthYear = t.year - age
            }
            let birth = LocalDate(birthYear, rng.int(1...12), rng.int(1...28))
            d.birthDate = birth.description
            let age = birth.age(on: t)

            // Resident ID consistent with birth date and gender.
            var idNumber = ""
            repeat {
                let region = rng.weighted(SampleNames.regions)
                var seqNo = rng.int(1...499) * 2
                if !female { seqNo -= 1 }
                let s = String(seqNo)
                let first17 = region + birth.description.replacingOccurrences(of: "-", with: "")
                    + String(repeating: "0", count: 3 - s.count) + s
                idNumber = first17 + String(ResidentID.checkCharacter(forFirst17: first17)!)
            } while usedIDs.contains(idNumber)
            usedIDs.insert(idNumber)
            d.idNumber = rng.chance(0.97) ? idNumber : ""

            d.rank = lixiu ? rng.weighted([(.county, 25), (.deputyCounty, 20), (.section, 40), (.general, 15)])
                : rng.weighted([(.county, 2), (.deputyCounty, 4), (.section, 9), (.general, 85)])
            d.workUnit = rng.pick(SampleNames.units)
            d.partyBranch = "离退休干部第\(rng.int(1...max(3, cadres / 180)))党支部"
            d.community = rng.pick(SampleNames.communities)
            d.address = rng.pick(SampleNames.streets) + "\(rng.int(1...200))号\(rng.int(1...12))号楼\(rng.int(1...4))单元\(rng.int(1...6))0\(rng.int(1...4))室"
            let phoneKind = rng.int(0...99)
            d.phone = phoneKind < 55 ? SampleGenerator.landline(&rng) : phoneKind < 95 ? SampleGenerator.mobile(&rng) : ""

            // Health, marriage, living.
            let dependentRate = lixiu ? 9.0 / 159.0 : 0.012 + Double(max(0, age - 80)) * 0.004
            let h = rng.unit()
            d.health = h < dependentRate ? .dependent
                : h < dependentRate + (lixiu ? 0.03 : 0.01) ? .hospitalised
                : h < (lixiu ? 0.70 : 0.25 + Double(max(0, age - 60)) * 0.01) ? .chronic : .healthy
            let widowRate = lixiu ? 0.45 : 0.04 + Double(max(0, age - 65)) * 0.012
            let m = rng.unit()
            d.marital = m < widowRate ? .widowed : m < widowRate + 0.03 ? .divorced : m < widowRate + 0.04 ? .single : .married
            let hasSpouse = d.marital == .married
            let l = rng.unit()
            let emptyNestRate = lixiu ? 36.0 / 159.0 : 0.15
            if d.health == .dependent && rng.chance(0.3) {
                d.living = .careHome
            } else if hasSpouse {
                // Only couples can be empty-nest: scale the overall rate to the married share.
                let nest = min(0.9, emptyNestRate / max(0.1, 1 - widowRate - 0.04))
                d.living = l < nest ? .emptyNest : l < nest + (1 - nest) * 0.6 ? .withSpouse : .withChildren
            } else {
                d.living = l < (lixiu ? 0.35 : 0.40) ? .alone : .withChildren
            }
            d.hardship = rng.chance(lixiu ? 41.0 / 159.0 : 0.012)
            if rng.chance(0.4) {
                d.hobbies = (0..<rng.int(1...3)).map { _ in rng.pick(SampleNames.hobbies) }.reduce(into: [String]()) {
                    if !$0.contains($1) { $0.append($1) }
                }.joined(separator: "、")
            }

            // Family: spouse, children; the emergency contact is a child when there is one.
            var family: [FamilyDraft] = []
            if hasSpouse {
                let spouse = SampleGenerator.personName(&rng, female: !female)
                family.append(FamilyDraft(relation: "配偶", name: spouse, phone: rng.chance(0.4) ? SampleGenerator.mobile(&rng) : ""))
            }
            for _ in 0..<rng.int(0...3) {
                let daughter = rng.chance(0.5)
                // Children mostly carry the father's surname.
                let child = SampleGenerator.personName(&rng, female: daughter, generation: 1,
                                                       surname: !female && rng.chance(0.9) ? surname : nil)
                family.append(FamilyDraft(relation: daughter ? "女儿" : "儿子", name: child, phone: SampleGenerator.mobile(&rng)))
            }
            if let e = family.firstIndex(where: { $0.relation != "配偶" }) ?? family.indices.first { family[e].emergency = true }
            d.family = family

            // Care level for special difficulties; alerts for some.
            var care: Int?
            if d.health == .dependent || d.health == .hospitalised { care = 1 }
            else if d.living == .alone || d.hardship || (lixiu && d.living == .emptyNest) { care = 2 }
            else if lixiu || (age >= 85 && d.health == .chronic) { care = 3 }
            let alerts = rng.chance(0.08) ? [rng.pick(SampleNames.alerts)] : []
            let contact = caseworkers.isEmpty ? nil : caseworkers[rng.int(0...(caseworkers.count - 1))]
            items.append(Desk.BatchItem(AddCadre(d, careLevel: care, contact: contact, alerts: alerts, confirmed: true)))

            // Dated status changes over the years of history.
            let days = max(1, years * 365)
            let mortality = lixiu ? 0.09 : 0.004 + Double(max(0, age - 70)) * 0.002
            if rng.chance(1 - pow1(1 - mortality, years)) {
                let on = t.adding(days: -rng.int(0...(days - 1)))
                if hasSpouse, rng.chance(0.1) {
                    items.append(Desk.BatchItem(RecordSpouseDeath(id: id, on: on.adding(days: -rng.int(30...400)))))
                }
                items.append(Desk.BatchItem(RecordDeath(id: id, on: on)))
                continue
            }
            if d.health == .hospitalised || rng.chance(0.01) {
                items.append(Desk.BatchItem(RecordHospitalised(id: id, on: t.adding(days: -rng.int(0...20)),
                                                               hospital: rng.pick(SampleNames.hospitals))))
            }
            if rng.chance(0.03) {
                items.append(Desk.BatchItem(RecordMovedAway(id: id, since: t.adding(days: -rng.int(0...(days - 1))),
                                                            place: rng.pick(SampleNames.elsewhere))))
            }
            if hasSpouse, rng.chance(0.006 * Double(years)) {
                items.append(Desk.BatchItem(RecordSpouseDeath(id: id, on: t.adding(days: -rng.int(0...(days - 1))))))
            }
        }
        return chunked(items)
    }

    private func pow1(_ x: Double, _ n: Int) -> Double { (0..<n).reduce(1.0) { a, _ in a * x } }
}
