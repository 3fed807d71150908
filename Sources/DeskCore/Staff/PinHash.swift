import Crypto
import _CryptoExtras
import Foundation

/// A PIN stored as a salted scrypt hash (the PIN itself never reaches the log).
public struct PinHash: Sendable, Codable, Hashable {
    public var salt: String
    public var hash: String
    public var n: Int
    public var r: Int
    public var p: Int

    /// scrypt cost: N=2^14, r=8, p=1 — about 50 ms and 16 MiB per check, which
    /// makes guessing a 6-digit PIN from a stolen log expensive while a clerk
    /// barely notices.
    public static func make(pin: String, n: Int = 1 << 14, r: Int = 8, p: Int = 1) throws -> PinHash {
        var salt = [UInt8](repeating: 0, count: 16)
        var rng = SystemRandomNumberGenerator()
        for i in salt.indices { salt[i] = UInt8.random(in: 0...255, using: &rng) }
        let key = try derive(pin: pin, salt: salt, n: n, r: r, p: p)
        return PinHash(salt: hex(salt), hash: hex(key), n: n, r: r, p: p)
    }

    public func matches(_ pin: String) -> Bool {
        guard let saltBytes = Self.unhex(salt), let expected = Self.unhex(hash),
              let got = try? Self.derive(pin: pin, salt: saltBytes, n: n, r: r, p: p), got.count == expected.count else { return false }
        var diff: UInt8 = 0
        for (a, b) in zip(got, expected) { diff |= a ^ b }
        return diff == 0
    }

    static func derive(pin: String, salt: [UInt8], n: Int, r: Int, p: Int) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(from: Array(pin.utf8), salt: salt, outputByteCount: 32, rounds: n, blockSize: r, parallelism: p)
        return key.withUnsafeBytes { Array($0) }
    }

    static func hex(_ b: [UInt8]) -> String { b.map { String(format: "%02x", $0) }.joined() }

    static func unhex(_ s: String) -> [UInt8]? {
        var out: [UInt8] = []
        var it = s.utf8.makeIterator()
        while let hi = it.next() {
            guard let lo = it.next(), let h = hexDigit(hi), let l = hexDigit(lo) else { return nil }
            out.append(h << 4 | l)
        }
        return out
    }

    private static func hexDigit(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }
}
