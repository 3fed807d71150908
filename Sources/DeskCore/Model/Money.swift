/// An exact amount of money in fen (1/100 yuan). Never a floating-point number.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, AdditiveArithmetic {
    public var fen: Int64

    public init(fen: Int64) { self.fen = fen }
    public static var zero: Money { Money(fen: 0) }

    /// Parses what a clerk types: `500`, `500.5`, `1,200.00`, `¥300`, `300元`.
    public init?(yuan text: String) {
        var s = text.trimmingCharacters(in: .whitespaces)
        for junk in ["¥", "￥", "元", ","] { s = s.replacingOccurrences(of: junk, with: "") }
        guard !s.isEmpty else { return nil }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        // Digits only: `Int64` alone would also take a sign (`+14`, `-3`).
        guard parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }), parts.count <= 2, let whole = Int64(parts[0]), whole >= 0, whole < 1_000_000_000 else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let frac = parts[1]
            guard frac.count >= 1, frac.count <= 2, let f = Int64(frac), f >= 0 else { return nil }
            cents = frac.count == 1 ? f * 10 : f
        }
        fen = whole * 100 + cents
    }

    public static func + (a: Money, b: Money) -> Money { Money(fen: a.fen + b.fen) }
    public static func - (a: Money, b: Money) -> Money { Money(fen: a.fen - b.fen) }
    public static func < (a: Money, b: Money) -> Bool { a.fen < b.fen }

    /// `1,200.50` (no currency sign; screens add `元` or `¥` from the catalog).
    public var description: String {
        let sign = fen < 0 ? "-" : ""
        let v = abs(fen)
        var whole = String(v / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        let c = v % 100
        return "\(sign)\(whole)\(grouped).\(c < 10 ? "0" : "")\(c)"
    }

    public init(from decoder: any Decoder) throws { fen = try decoder.singleValueContainer().decode(Int64.self) }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(fen)
    }
}

import Foundation
