import Testing
@testable import DeskCore

/// A role that sees files masked must not learn hidden digits from search:
/// a query's hits may depend only on what that role's masked view shows.
@Suite struct RosterSearchPrivacyTests {
    static let phone = "18763009313"
    static let landline = "0951-5012345"
    static let id = "640106196811072113"

    /// One file with a mobile, a family landline and an ID number.
    static func roster(phone: String = phone, familyPhone: String = landline, id: String = id) -> Roster {
        var b = StateBuilder()
        var c = Cadre(id: "C00001", name: "张和平", gender: .male, birthDate: LocalDate(1968, 11, 7), category: .tuixiu,
                      rank: .general, workUnit: "")
        c.phone = phone
        c.idNumber = id
        c.family = [FamilyMember(relation: "女儿", name: "张丽", phone: familyPhone)]
        b.apply(CadreAdded(cadre: c))
        return b.state.roster
    }

    /// Digit runs a clerk could try: every start and end of the phones and the ID
    /// number, each with every digit in place of its last (first) character.
    static func probes() -> [String] {
        var out: Set<String> = []
        for value in [phone, "09515012345", id] {
            let chars = Array(value)
            for n in 1...chars.count {
                for guess in "0123456789" {
                    out.insert(String(chars.prefix(n - 1)) + String(guess))
                    out.insert(String(guess) + String(chars.suffix(n - 1)))
                }
                out.insert(String(chars.prefix(n)))
                out.insert(String(chars.suffix(n)))
            }
        }
        return out.sorted()
    }

    @Test func aDeskClerkCannotFindHiddenDigitsByTryingThemOneByOne() {
        // The reviewer's steps: 18763 → 1, 1876301 → 0, 1876300 → 1.
        let real = Self.roster()
        #expect(real.find("1876301").total == 0 && real.find("1876300").total == 1, "a role that sees everything searches everything")
        #expect(real.find("1876300", as: .desk).total == real.find("1876301", as: .desk).total)
        #expect(real.find("072113", as: .desk).total == real.find("082113", as: .desk).total)
        // The same file with every hidden digit changed looks the same masked, so it must search the same.
        let other = Self.roster(phone: "18700009313", familyPhone: "0951-9992345", id: "640199999999992113")
        #expect(RosterPrivacy.masked(other["C00001"]!) == RosterPrivacy.masked(real["C00001"]!))
        for q in Self.probes() {
            #expect(real.find(q, as: .desk).total == other.find(q, as: .desk).total, "query \(q)")
        }
    }

    @Test func aDeskClerkStillFindsByWhatTheFileShows() {
        let r = Self.roster()
        for q in ["9313", "187", "2345", "0951", "2113", "18763009313", "0951-5012345", Self.id] {
            #expect(r.find(q, as: .desk).hits.map(\.id) == ["C00001"], "query \(q)")
        }
        #expect(r.find("9313", as: .desk).hits.first?.match == .phone(Self.phone, .cadre))
        #expect(r.find("2345", as: .desk).hits.first?.match == .phone(Self.landline, .family(0)))
        #expect(r.find("2113", as: .desk).hits.first?.match == .idNumber)
        #expect(r.find("1876", as: .desk).total == 0, "the 4th digit is hidden")
        #expect(r.find("3009313", as: .desk).total == 0, "a tail longer than the shown 4")
        #expect(r.find("18763009314", as: .desk).total == 0, "a whole number must agree where it is shown")
    }

    @Test func rolesThatSeeWholeFilesKeepFullSearch() {
        let r = Self.roster()
        for role in Role.allCases {
            #expect(RosterPrivacy.searchReach(role) == (role.can(.viewPersonalDetails) ? .whole : .masked))
        }
        for role in [Role.hotline, .caseworker, .supervisor, .admin] {
            #expect(r.find("1876300", as: role).total == 1)
            #expect(r.find("072113", as: role).total == 1)
            #expect(r.find("1876301", as: role).total == 0)
        }
    }

    @Test func theShownDigitsAreThoseThatMaskingShows() {
        // Reads the masked form's dialled digits back: '*' marks a hidden one.
        for p in ["13812345678", "0951-5012345", "010-62345678", "0951-5012345-8001", "5012345", "020-12345678-12", "12345"] {
            let masked = Array(PhoneNumber.masked(p))
            var parts: [[Character]] = [[]]
            for ch in masked { if ch == "-" { parts.append([]) } else { parts[parts.count - 1].append(ch) } }
            let dialled = parts[0].first == "0" && parts.count >= 2 ? parts[0] + parts[1] : parts[0]
            let head = dialled.prefix { $0 != "*" }.count
            let tail = masked.contains(where: \.isNumber) && dialled.count >= 4 && !dialled.suffix(4).contains("*")
            let shown = RosterSearch.shownDigits(p)
            #expect(Int(shown.head) == (masked.contains(where: \.isNumber) ? head : 0), "\(p) → \(String(masked))")
            #expect(shown.tail == tail, "\(p) → \(String(masked))")
        }
    }
}
