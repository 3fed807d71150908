import Testing
@testable import DeskCore

/// What a clerk types as an amount (慰问金, fees), read exactly in fen.
@Suite struct MoneyTests {
    @Test func theFormsClerksTypeAreReadExactly() {
        let cases: [(String, Int64)] = [("500", 50_000), ("500.5", 50_050), ("500.05", 50_005), ("1,200.00", 120_000),
                                        ("¥300", 30_000), ("￥300", 30_000), ("300元", 30_000), (" 0 ", 0), ("0.1", 10)]
        for (text, fen) in cases { #expect(Money(yuan: text) == Money(fen: fen), "\(text)") }
    }

    @Test func signsSpacesInsideAndOtherJunkAreRefusedNotGuessed() {
        for text in ["+14", "-3", "+0.5", "1.+5", "1.-5", "1 000", "1.234", "1..2", ".5", "5.", "", "¥", "abc", "12a", "１２", "1e3", "0x10"] {
            #expect(Money(yuan: text) == nil, "\(text) should be refused")
        }
    }
}
