import Testing
@testable import DeskCore

@Suite struct ResidentIDTests {
    @Test func theStandardsExamplesAreValidIncludingAnXCheckCharacter() {
        #expect(ResidentID.isValid("11010519491231002X"))
        #expect(ResidentID.isValid("440524188001010014"))
        #expect(ResidentID.isValid("11010519491231002x"), "a lowercase x is accepted")
        #expect(ResidentID.normalized(" 11010519491231002x ") == "11010519491231002X")
        #expect(ResidentID.normalized("１１０１０５１９４９１２３１００２Ｘ") == "11010519491231002X")
    }

    @Test func aWrongCheckCharacterIsRefusedNamingTheRightOne() {
        #expect(!ResidentID.isValid("110105194912310021"))
        let p = ResidentID.problems("110105194912310021", birthDate: nil, gender: nil, field: "idNumber")
        #expect(p == [Problem("roster.id.check_digit", ["X", "1"], field: "idNumber")])
        let q = ResidentID.problems("44052418800101001X", birthDate: nil, gender: nil, field: "idNumber")
        #expect(q == [Problem("roster.id.check_digit", ["4", "X"], field: "idNumber")])
    }

    @Test func lengthAndCharactersAreCheckedBeforeAnythingElse() {
        #expect(ResidentID.problems("1101051949123100", birthDate: nil, gender: nil, field: "f")
            == [Problem("roster.id.length", ["16"], field: "f")])
        #expect(ResidentID.problems("1101051949X231002X", birthDate: nil, gender: nil, field: "f")
            == [Problem("roster.id.character", ["11", "X"], field: "f")])
    }

    @Test func theRegionMustStartWithOneToEight() {
        let first17 = "91010519491231002"
        let id = first17 + String(ResidentID.checkCharacter(forFirst17: first17)!)
        #expect(ResidentID.problems(id, birthDate: nil, gender: nil, field: "f") == [Problem("roster.id.region", ["91"], field: "f")])
    }

    @Test func theEmbeddedBirthDateMustBeARealDateAndMatchTheField() {
        let first17 = "11010519490231002"  // 31 February
        let bad = first17 + String(ResidentID.checkCharacter(forFirst17: first17)!)
        #expect(ResidentID.problems(bad, birthDate: nil, gender: nil, field: "f") == [Problem("roster.id.birth_invalid", ["19490231"], field: "f")])
        let p = ResidentID.problems("11010519491231002X", birthDate: LocalDate(1949, 12, 30), gender: .female, field: "f")
        #expect(p == [Problem("roster.id.birth_mismatch", ["1949-12-31", "1949-12-30"], field: "f")])
    }

    @Test func theSeventeenthDigitGivesTheGender() {
        #expect(ResidentID.gender("11010519491231002X") == .female)
        #expect(ResidentID.gender("440524188001010014") == .male)
        #expect(ResidentID.problems("440524188001010014", birthDate: nil, gender: .female, field: "f")
            == [Problem("roster.id.gender_says_male", field: "f")])
        #expect(ResidentID.problems("11010519491231002X", birthDate: nil, gender: .male, field: "f")
            == [Problem("roster.id.gender_says_female", field: "f")])
    }

    @Test func listsShowTheFirstAndLastFourOnly() {
        #expect(ResidentID.masked("11010519491231002X") == "1101**********002X")
    }
}
