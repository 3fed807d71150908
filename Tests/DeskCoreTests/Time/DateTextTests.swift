import Testing
@testable import DeskCore

/// Dates and times are read from the log's bytes when a text is in the log's
/// own form; that fast path must agree with the lenient parser on everything.
@Suite struct DateTextTests {
    static var shapedTexts: [String] {
        var out: [String] = []
        for y in ["0000", "0001", "1900", "2024", "2026", "9999", "20x6"] {
            for m in ["00", "01", "02", "12", "13", "1x"] {
                for d in ["00", "01", "28", "29", "30", "31", "32", "3x"] {
                    out.append("\(y)-\(m)-\(d)")
                    for t in ["00:00", "09:30", "23:59", "24:00", "24:01", "23:60", "9:30", "0930", "09-30"] {
                        out.append("\(y)-\(m)-\(d) \(t)")
                        out.append("\(y)-\(m)-\(d)T\(t)")
                    }
                }
            }
        }
        for h in 0...25 { for m in ["00", "30", "59", "60", "5", "x0"] { out.append(String(format: "%02d", h) + ":" + m) } }
        return out + ["2026/11/23", "20261123", "2026.11.23", "2026-11-23 ", " 2026-11-23", "2026-11-23x", "", "2026-11-23  09:30"]
    }

    @Test func theFastPathAgreesWithTheLenientParserOnShapedTexts() {
        var accepted = 0
        for s in Self.shapedTexts {
            #expect(LocalDate(s) == LocalDate.lenient(s), "date \(s)")
            #expect(LocalTime(s) == LocalTime.lenient(s), "time \(s)")
            #expect(LocalDateTime(s) == LocalDateTime.lenient(s), "date-time \(s)")
            if LocalDateTime(s) != nil { accepted += 1 }
        }
        #expect(accepted > 100, "the premise: many texts are valid date-times (\(accepted))")
        #expect(LocalDateTime("2026-02-29 09:30") == nil && LocalDateTime("2024-02-29 24:00") != nil)
    }

    @Test func theFastPathAgreesWithTheLenientParserOnRandomTexts() {
        var rng = SplitMix64(seed: 20261204)
        let alphabet = Array("0123456789-:/ T.x")
        for _ in 0..<20_000 {
            // Mostly the log's lengths (5, 10, 16), where the fast path looks.
            let n = [5, 10, 16, Int.random(in: 0...18, using: &rng)].randomElement(using: &rng)!
            var s = String((0..<n).map { _ in alphabet.randomElement(using: &rng)! })
            if n == 16, Bool.random(using: &rng) { s = "2026-0\(Int.random(in: 1...9, using: &rng))-\(Int.random(in: 10...31, using: &rng)) \(s.suffix(5))" }
            #expect(LocalDate(s) == LocalDate.lenient(s), "date \(s)")
            #expect(LocalTime(s) == LocalTime.lenient(s), "time \(s)")
            #expect(LocalDateTime(s) == LocalDateTime.lenient(s), "date-time \(s)")
        }
    }
}
