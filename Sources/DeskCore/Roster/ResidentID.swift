/// The 18-character resident identity number (GB 11643-1999): 6-digit region
/// code, 8-digit birth date, 3-digit sequence (odd = male), and a check
/// character by ISO 7064 MOD 11-2 (`0`–`9` or `X`).
public enum ResidentID {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [Character] = Array("10X98765432")

    /// Without blanks, full-width digits made ASCII, a lowercase `x` made `X`.
    public static func normalized(_ raw: String) -> String {
        var out = ""
        out.reserveCapacity(18)
        for c in raw {
            if c == " " || c == "\u{3000}" || c == "\t" { continue }
            if let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1, (0xFF10...0xFF19).contains(v) {
                out.append(Character(Unicode.Scalar(v - 0xFF10 + 0x30)!))
            } else if c == "x" || c == "ｘ" || c == "Ｘ" {
                out.append("X")
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// The check character for the first 17 digits, or nil if they are not 17 digits.
    public static func checkCharacter(forFirst17 s: String) -> Character? {
        let digits = s.utf8.map { Int($0) - 48 }
        guard digits.count == 17, digits.allSatisfy({ (0...9).contains($0) }) else { return nil }
        var sum = 0
        for (d, w) in zip(digits, weights) { sum += d * w }
        return checkCharacters[sum % 11]
    }

    /// True for a well-formed number with the right check character.
    public static func isValid(_ raw: String) -> Bool {
        let id = normalized(raw)
        return structureProblem(id, field: "") == nil && checkCharacter(forFirst17: String(id.prefix(17))) == id.last
    }

    /// The birth date embedded in a (normalized) number, if it is a real date.
    public static func birthDate(_ id: String) -> LocalDate? {
        let u = Array(id.utf8)
        guard u.count == 18 else { return nil }
        return LocalDate(String(decoding: u[6..<14], as: UTF8.self))
    }

    /// The gender from the 17th digit: odd men, even women.
    public static func gender(_ id: String) -> Gender? {
        let u = Array(id.utf8)
        guard u.count == 18, (48...57).contains(u[16]) else { return nil }
        return (u[16] - 48) % 2 == 1 ? .male : .female
    }

    /// Every problem with `raw` for the form field `field`; `birthDate` and
    /// `gender` (when known) must agree with what the number says.
    public static func problems(_ raw: String, birthDate: LocalDate?, gender: Gender?, field: String) -> [Problem] {
        let id = normalized(raw)
        if let p = structureProblem(id, field: field) { return [p] }
        var out: [Problem] = []
        let u = Array(id.utf8)
        if !(UInt8(ascii: "1")...UInt8(ascii: "8")).contains(u[0]) {
            out.append(Problem("roster.id.region", [String(decoding: u[0..<2], as: UTF8.self)], field: field))
        }
        let embedded = String(decoding: u[6..<14], as: UTF8.self)
        let born = self.birthDate(id)
        if born == nil {
            out.append(Problem("roster.id.birth_invalid", [embedded], field: field))
        }
        if let expected = checkCharacter(forFirst17: String(id.prefix(17))), expected != id.last {
            out.append(Problem("roster.id.check_digit", [String(expected), String(id.last!)], field: field))
        }
        if let born, let birthDate, born != birthDate {
            out.append(Problem("roster.id.birth_mismatch", [born.description, birthDate.description], field: field))
        }
        if let g = self.gender(id), let gender, g != gender {
            out.append(Problem(g == .male ? "roster.id.gender_says_male" : "roster.id.gender_says_female", field: field))
        }
        return out
    }

    static func structureProblem(_ id: String, field: String) -> Problem? {
        let chars = Array(id)
        if chars.count != 18 { return Problem("roster.id.length", [String(chars.count)], field: field) }
        for (i, c) in chars.enumerated() {
            let ok = c.isASCII && c.isNumber || (i == 17 && c == "X")
            if !ok { return Problem("roster.id.character", [String(i + 1), String(c)], field: field) }
        }
        return nil
    }

    /// For lists: `1101**********123X` (first four, last four).
    public static func masked(_ id: String) -> String {
        let chars = Array(id)
        guard chars.count > 8 else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(4)) + String(repeating: "*", count: chars.count - 8) + String(chars.suffix(4))
    }
}
