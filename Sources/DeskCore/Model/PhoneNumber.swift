/// Mainland China phone numbers: mobiles (1[3-9] + 9 digits) and landlines
/// (area code 0XX or 0XXX, then 7–8 digits, optional extension), also local
/// landline numbers without the area code as clerks often write them.
public enum PhoneNumber {
    public enum Kind: Sendable { case mobile, landline, local }

    /// The fast path of `digits`: ASCII digits and separators only (`0-9 - space ( ) +`);
    /// nil means "not that simple", not "invalid" (`.some(nil)` is invalid).
    private static func asciiDigits(_ raw: String) -> (digits: String, ext: String?)?? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        for b in raw.utf8 {
            guard (48...57).contains(b) || b == 45 || b == 32 || b == 40 || b == 41 || b == 43 else { return nil }
            bytes.append(b)
        }
        var i = 0, j = bytes.count
        while i < j, bytes[i] == 32 { i += 1 }
        while j > i, bytes[j - 1] == 32 { j -= 1 }
        if j - i >= 3, bytes[i] == 43, bytes[i + 1] == 56, bytes[i + 2] == 54 {
            i += 3                                   // +86
        } else if j - i >= 4, bytes[i] == 48, bytes[i + 1] == 48, bytes[i + 2] == 56, bytes[i + 3] == 54 {
            i += 4                                   // 0086
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(j - i)
        for b in bytes[i..<j] {
            if b == 43 { return .some(nil) }
            if b >= 48, b <= 57 { digits.append(b) }
        }
        return .some((String(decoding: digits, as: UTF8.self), nil))
    }

    /// Digits and separators only, without `+86`/`0086`, or nil if other characters appear.
    static func digits(_ raw: String) -> (digits: String, ext: String?)? {
        // Fast path for what is stored and what most files hold (ASCII digits and
        // separators, no extension): same result without Foundation's string search,
        // which dominated opening and importing a large roster.
        // Works on the UTF-8 bytes: Character-level filtering (grapheme breaking and
        // Unicode property look-ups per character) was most of a 20,000-row import's phone checks.
        if let fast = asciiDigits(raw) { return fast }
        var s = raw.trimmingCharacters(in: .whitespaces)
        for (full, half) in zip("０１２３４５６７８９－（）＋", "0123456789-()+") { s = s.replacingOccurrences(of: String(full), with: String(half)) }
        var ext: String?
        for marker in ["转", "ext", "x", "#"] {
            if let r = s.range(of: marker) {
                ext = String(s[r.upperBound...]).filter(\.isNumber)
                s = String(s[..<r.lowerBound])
                break
            }
        }
        if s.hasPrefix("+86") { s.removeFirst(3) } else if s.hasPrefix("0086") { s.removeFirst(4) }
        guard s.allSatisfy({ $0.isASCII && ($0.isNumber || " -()".contains($0)) }) else { return nil }
        return (s.filter(\.isNumber), ext?.isEmpty == true ? nil : ext)
    }

    public static func kind(_ raw: String) -> Kind? {
        guard let (d, ext) = digits(raw) else { return nil }
        if ext == nil, d.count == 11, d.hasPrefix("1"), let second = d.dropFirst().first, ("3"..."9").contains(second) { return .mobile }
        if d.hasPrefix("0"), let area = areaCodeLength(d), (7...8).contains(d.count - area) { return .landline }
        if !d.hasPrefix("0"), !d.hasPrefix("1"), (7...8).contains(d.count) { return .local }
        return nil
    }

    /// `13812345678`, `010-62345678`, `0951-5012345-8001`, `5012345`.
    public static func normalized(_ raw: String) -> String? {
        guard let k = kind(raw), let (d, ext) = digits(raw) else { return nil }
        var out: String
        switch k {
        case .mobile, .local: out = d
        case .landline:
            let a = areaCodeLength(d)!
            out = String(d.prefix(a)) + "-" + String(d.dropFirst(a))
        }
        if let ext { out += "-" + ext }
        return out
    }

    public static func problem(_ raw: String, field: String) -> Problem? {
        let trimmed = Blank.trim(raw, newlines: false)
        if trimmed.isEmpty { return nil }
        if kind(trimmed) != nil { return nil }
        guard let (d, _) = digits(trimmed) else { return Problem("phone.bad_character", field: field) }
        if d.hasPrefix("1") { return Problem("phone.mobile_length", [String(d.count)], field: field) }
        return Problem("phone.format", field: field)
    }

    /// 010 and 020–029 have three digits; every other area code has four.
    static func areaCodeLength(_ d: String) -> Int? {
        guard d.hasPrefix("0"), d.count >= 3 else { return nil }
        let second = d[d.index(after: d.startIndex)]
        if second == "1" { return d.hasPrefix("010") ? 3 : nil }
        if second == "2" { return 3 }
        return second == "0" ? nil : 4
    }

    /// For lists: `138****5678`, `010-****2345`.
    public static func masked(_ phone: String) -> String {
        let chars = Array(phone)
        let digitPositions = chars.indices.filter { chars[$0].isNumber }
        guard digitPositions.count >= 7 else { return String(repeating: "*", count: chars.count) }
        var out = chars
        let keepHead = phone.hasPrefix("1") ? 3 : (chars.firstIndex(of: "-") ?? 0)
        for (n, i) in digitPositions.enumerated() where i >= keepHead && n < digitPositions.count - 4 { out[i] = "*" }
        return String(out)
    }
}

import Foundation
