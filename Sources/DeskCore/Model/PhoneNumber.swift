/// Mainland China phone numbers: mobiles (1[3-9] + 9 digits) and landlines
/// (area code 0XX or 0XXX, then 7–8 digits, optional extension), also local
/// landline numbers without the area code as clerks often write them.
public enum PhoneNumber {
    public enum Kind: Sendable { case mobile, landline, local }

    /// Digits and separators only, without `+86`/`0086`, or nil if other characters appear.
    static func digits(_ raw: String) -> (digits: String, ext: String?)? {
        // Fast path for what is stored and what most files hold (ASCII digits and
        // separators, no extension): same result without Foundation's string search,
        // which dominated opening and importing a large roster.
        if raw.utf8.allSatisfy({ (48...57).contains($0) || $0 == 45 || $0 == 32 || $0 == 40 || $0 == 41 || $0 == 43 }) {
            var u = Substring(raw).drop(while: { $0 == " " })
            while u.last == " " { u = u.dropLast() }
            if u.starts(with: "+86") { u = u.dropFirst(3) } else if u.starts(with: "0086") { u = u.dropFirst(4) }
            if u.contains(where: { $0 == "+" }) { return nil }
            return (String(u.filter(\.isNumber)), nil)
        }
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
