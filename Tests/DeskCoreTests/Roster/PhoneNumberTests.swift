@testable import DeskCore
import Testing

/// Phone numbers as clerks type them: separators, country code, full-width digits, extensions.
@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("13812345678", "13812345678"),
        (" 138 1234 5678 ", "13812345678"),
        ("+86 138-1234-5678", "13812345678"),
        ("0086 13812345678", "13812345678"),
        ("010-62345678", "010-62345678"),
        ("(010) 6234 5678", "010-62345678"),
        ("0951-5012345", "0951-5012345"),
        ("0951-5012345转8001", "0951-5012345-8001"),
        ("１３８１２３４５６７８", "13812345678"),
        ("5012345", "5012345"),
    ])
    func typedNumbersNormalise(_ raw: String, _ expected: String) {
        #expect(PhoneNumber.normalized(raw) == expected)
    }

    @Test(arguments: ["138+12345678", "1381234567", "abc", "010-123", "+8", "138１２３"])
    func badNumbersAreRefused(_ raw: String) {
        #expect(PhoneNumber.normalized(raw) == nil)
    }

    @Test func aPlusInsideTheNumberIsABadCharacterAndTooFewDigitsSaysHowMany() {
        #expect(PhoneNumber.problem("138+12345678", field: "phone")?.key == "phone.bad_character")
        #expect(PhoneNumber.problem("1381234567", field: "phone")?.key == "phone.mobile_length")
        #expect(PhoneNumber.problem("010-62345678", field: "phone") == nil)
    }
}
