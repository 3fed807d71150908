/// Names as written on Chinese documents: Chinese characters, with an
/// optional middle dot for names of ethnic minorities (阿依古丽·买买提).
public enum PersonName {
    public static let maxLength = 20

    /// The name with surrounding blanks removed and look-alike dots (•・.)
    /// turned into the standard 「·」 (U+00B7).
    public static func normalized(_ raw: String) -> String {
        var s = Blank.trim(raw, newlines: false)
        // Only search-and-replace when a look-alike dot is there (rare; Foundation's search is slow).
        guard s.unicodeScalars.contains(where: { [0x2022, 0x30FB, 0xFF0E, 0x2027, 0x2219].contains($0.value) }) else { return s }
        for dot in ["•", "・", "．", "‧", "∙"] { s = s.replacingOccurrences(of: dot, with: "·") }
        return s
    }

    /// nil if acceptable, else the problem (tied to `field`).
    public static func problem(_ raw: String, field: String) -> Problem? {
        let name = normalized(raw)
        if name.isEmpty { return Problem("name.required", field: field) }
        let chars = Array(name)
        if chars.count < 2 { return Problem("name.too_short", field: field) }
        if chars.count > maxLength { return Problem("name.too_long", [String(maxLength)], field: field) }
        for c in chars where c != "·" && !isHan(c) {
            return Problem("name.bad_character", [String(c)], field: field)
        }
        if chars.first == "·" || chars.last == "·" || zip(chars, chars.dropFirst()).contains(where: { $0 == "·" && $1 == "·" }) {
            return Problem("name.bad_dot", field: field)
        }
        return nil
    }

    /// CJK Unified Ideographs, Extension A, compatibility ideographs, and the
    /// supplementary planes (rare characters do occur in names).
    public static func isHan(_ c: Character) -> Bool {
        guard c.unicodeScalars.count == 1, let v = c.unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x3134F).contains(v) || v == 0x3007
    }
}

import Foundation
