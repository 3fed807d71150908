/// A JSON value as stored in the log. Objects keep their members in order so
/// that encoding is deterministic (the same event always gives the same bytes).
/// Numbers are integers or doubles; the domain stores money in fen as integers.
public enum JSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSON])
    case object(JSONObject)

    public subscript(key: String) -> JSON? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var intValue: Int64? { if case .int(let i) = self { return i } else { return nil } }
}

/// JSON object members in their written order. Lookup is linear: event payloads
/// have a handful of keys, where a scan beats hashing.
public struct JSONObject: Sendable, Hashable {
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSON
        public init(key: String, value: JSON) { self.key = key; self.value = value }
    }
    public var members: [Member]

    public init(_ members: [Member] = []) { self.members = members }

    public subscript(key: String) -> JSON? {
        get {
            for m in members where m.key == key { return m.value }
            return nil
        }
        set {
            if let i = members.firstIndex(where: { $0.key == key }) {
                if let v = newValue { members[i].value = v } else { members.remove(at: i) }
            } else if let v = newValue {
                members.append(Member(key: key, value: v))
            }
        }
    }
}

// MARK: - Writing

extension JSON {
    /// Compact UTF-8 encoding with no raw newlines (control characters are escaped).
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        write(into: &out)
        return out
    }

    public func write(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let b): out.append(contentsOf: b ? Array("true".utf8) : Array("false".utf8))
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d):
            if d.isFinite { out.append(contentsOf: String(d).utf8) } else { out.append(contentsOf: Array("null".utf8)) }
        case .string(let s): JSON.writeString(s, into: &out)
        case .array(let a):
            out.append(0x5B)
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(0x2C) }
                v.write(into: &out)
            }
            out.append(0x5D)
        case .object(let o):
            out.append(0x7B)
            for (i, m) in o.members.enumerated() {
                if i > 0 { out.append(0x2C) }
                JSON.writeString(m.key, into: &out)
                out.append(0x3A)
                m.value.write(into: &out)
            }
            out.append(0x7D)
        }
    }

    public static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        for c in s.utf8 {
            switch c {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(0x6E)
            case 0x0D: out.append(0x5C); out.append(0x72)
            case 0x09: out.append(0x5C); out.append(0x74)
            case 0x00..<0x20, 0x7F:
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 0xF)]])
            default: out.append(c)
            }
        }
        out.append(0x22)
    }
}

// MARK: - Parsing

public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var reason: String
    public var description: String { "JSON: \(reason) at byte \(offset)" }
}

extension JSON {
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSON {
        try bytes.withUnsafeBytes { b in Result { () throws(JSONParseError) -> JSON in try parse(b) } }.get()
    }

    public static func parse(_ bytes: ArraySlice<UInt8>) throws(JSONParseError) -> JSON {
        try bytes.withUnsafeBytes { b in Result { () throws(JSONParseError) -> JSON in try parse(b) } }.get()
    }

    public static func parse(_ text: String) throws(JSONParseError) -> JSON { try parse(Array(text.utf8)) }

    /// Parses exactly one value spanning the whole buffer (surrounding blanks allowed).
    public static func parse(_ b: UnsafeRawBufferPointer) throws(JSONParseError) -> JSON {
        var p = JSONParser(b)
        p.skipBlanks()
        let v = try p.value(depth: 0)
        p.skipBlanks()
        guard p.i == b.count else { throw JSONParseError(offset: p.i, reason: "trailing bytes") }
        return v
    }

    /// Checks syntax without building values (used by `verify` on every payload).
    public static func validate(_ b: UnsafeRawBufferPointer) throws(JSONParseError) {
        var p = JSONParser(b)
        p.skipBlanks()
        try p.skipValue(depth: 0)
        p.skipBlanks()
        guard p.i == b.count else { throw JSONParseError(offset: p.i, reason: "trailing bytes") }
    }
}

struct JSONParser {
    let b: UnsafeRawBufferPointer
    var i = 0
    static let maxDepth = 64

    init(_ b: UnsafeRawBufferPointer) { self.b = b }

    @inline(__always) func fail(_ reason: String) -> JSONParseError { JSONParseError(offset: i, reason: reason) }

    @inline(__always) mutating func skipBlanks() {
        while i < b.count {
            let c = b[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { return }
        }
    }

    mutating func expect(_ c: UInt8) throws(JSONParseError) {
        guard i < b.count, b[i] == c else { throw fail("expected '\(Character(UnicodeScalar(c)))'") }
        i += 1
    }

    mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count else { throw fail("unexpected end") }
        let w = word.utf8Start
        for k in 0..<n where b[i + k] != w[k] { throw fail("bad literal") }
        i += n
    }

    mutating func value(depth: Int) throws(JSONParseError) -> JSON {
        guard depth < Self.maxDepth else { throw fail("nesting too deep") }
        guard i < b.count else { throw fail("unexpected end") }
        switch b[i] {
        case 0x7B: // {
            i += 1
            var members: [JSONObject.Member] = []
            skipBlanks()
            if i < b.count, b[i] == 0x7D { i += 1; return .object(JSONObject(members)) }
            while true {
                skipBlanks()
                guard i < b.count, b[i] == 0x22 else { throw fail("expected key") }
                let key = try string()
                skipBlanks()
                try expect(0x3A)
                skipBlanks()
                let v = try value(depth: depth + 1)
                members.append(JSONObject.Member(key: key, value: v))
                skipBlanks()
                guard i < b.count else { throw fail("unexpected end") }
                if b[i] == 0x2C { i += 1; continue }
                if b[i] == 0x7D { i += 1; return .object(JSONObject(members)) }
                throw fail("expected ',' or '}'")
            }
        case 0x5B: // [
            i += 1
            var items: [JSON] = []
            skipBlanks()
            if i < b.count, b[i] == 0x5D { i += 1; return .array(items) }
            while true {
                skipBlanks()
                items.append(try value(depth: depth + 1))
                skipBlanks()
                guard i < b.count else { throw fail("unexpected end") }
                if b[i] == 0x2C { i += 1; continue }
                if b[i] == 0x5D { i += 1; return .array(items) }
                throw fail("expected ',' or ']'")
            }
        case 0x22: return .string(try string())
        case 0x74: try literal("true"); return .bool(true)
        case 0x66: try literal("false"); return .bool(false)
        case 0x6E: try literal("null"); return .null
        default: return try number()
        }
    }

    mutating func skipValue(depth: Int) throws(JSONParseError) {
        guard depth < Self.maxDepth else { throw fail("nesting too deep") }
        guard i < b.count else { throw fail("unexpected end") }
        switch b[i] {
        case 0x7B:
            i += 1; skipBlanks()
            if i < b.count, b[i] == 0x7D { i += 1; return }
            while true {
                skipBlanks()
                guard i < b.count, b[i] == 0x22 else { throw fail("expected key") }
                try skipString()
                skipBlanks(); try expect(0x3A); skipBlanks()
                try skipValue(depth: depth + 1)
                skipBlanks()
                guard i < b.count else { throw fail("unexpected end") }
                if b[i] == 0x2C { i += 1; continue }
                if b[i] == 0x7D { i += 1; return }
                throw fail("expected ',' or '}'")
            }
        case 0x5B:
            i += 1; skipBlanks()
            if i < b.count, b[i] == 0x5D { i += 1; return }
            while true {
                skipBlanks()
                try skipValue(depth: depth + 1)
                skipBlanks()
                guard i < b.count else { throw fail("unexpected end") }
                if b[i] == 0x2C { i += 1; continue }
                if b[i] == 0x5D { i += 1; return }
                throw fail("expected ',' or ']'")
            }
        case 0x22: try skipString()
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        default: _ = try number()
        }
    }

    mutating func number() throws(JSONParseError) -> JSON {
        let start = i
        var negative = false
        if i < b.count, b[i] == 0x2D { negative = true; i += 1 }
        guard i < b.count, b[i] >= 0x30, b[i] <= 0x39 else { throw fail("bad value") }
        if b[i] == 0x30, i + 1 < b.count, b[i + 1] >= 0x30, b[i + 1] <= 0x39 { throw fail("leading zero") }
        var magnitude: UInt64 = 0
        var overflow = false
        while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
            let (m1, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (m2, o2) = m1.addingReportingOverflow(UInt64(b[i] - 0x30))
            magnitude = m2; overflow = overflow || o1 || o2
            i += 1
        }
        var isDouble = false
        if i < b.count, b[i] == 0x2E {
            isDouble = true; i += 1
            guard i < b.count, b[i] >= 0x30, b[i] <= 0x39 else { throw fail("bad fraction") }
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
        }
        if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
            isDouble = true; i += 1
            if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
            guard i < b.count, b[i] >= 0x30, b[i] <= 0x39 else { throw fail("bad exponent") }
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
        }
        if !isDouble && !overflow {
            if negative, magnitude <= UInt64(Int64.max) + 1 { return .int(magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)) }
            if !negative, magnitude <= UInt64(Int64.max) { return .int(Int64(magnitude)) }
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        guard let d = Double(text) else { throw fail("bad number") }
        return .double(d)
    }

    mutating func skipString() throws(JSONParseError) {
        i += 1
        while i < b.count {
            let c = b[i]
            if c == 0x22 { i += 1; return }
            if c < 0x20 { throw fail("control character in string") }
            if c == 0x5C {
                i += 1
                guard i < b.count else { break }
                if b[i] == 0x75 {
                    guard i + 4 < b.count else { break }
                    for k in 1...4 where Self.hexValue(b[i + k]) == nil { throw fail("bad \\u escape") }
                    i += 5
                    continue
                }
                guard Self.simpleEscape(b[i]) != nil else { throw fail("bad escape") }
            }
            i += 1
        }
        throw fail("unterminated string")
    }

    mutating func string() throws(JSONParseError) -> String {
        i += 1
        let start = i
        // Fast path: no escapes.
        while i < b.count {
            let c = b[i]
            if c == 0x22 {
                let s = String(decoding: UnsafeRawBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                i += 1
                return s
            }
            if c == 0x5C { break }
            if c < 0x20 { throw fail("control character in string") }
            i += 1
        }
        var out = Array(UnsafeRawBufferPointer(rebasing: b[start..<min(i, b.count)]))
        while i < b.count {
            let c = b[i]
            if c == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
            if c < 0x20 { throw fail("control character in string") }
            if c != 0x5C { out.append(c); i += 1; continue }
            i += 1
            guard i < b.count else { break }
            if let e = Self.simpleEscape(b[i]) { out.append(e); i += 1; continue }
            guard b[i] == 0x75 else { throw fail("bad escape") }
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard i + 1 < b.count, b[i] == 0x5C, b[i + 1] == 0x75 else { throw fail("lone surrogate") }
                i += 1
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw fail("bad surrogate pair") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw fail("lone surrogate")
            }
            guard let u = Unicode.Scalar(scalar) else { throw fail("bad code point") }
            out.append(contentsOf: Array(String(Character(u)).utf8))
        }
        throw fail("unterminated string")
    }

    /// Reads `uXXXX` with `i` on the `u`; leaves `i` after the digits.
    mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard i + 4 < b.count else { throw fail("bad \\u escape") }
        var v: UInt32 = 0
        for k in 1...4 {
            guard let h = Self.hexValue(b[i + k]) else { throw fail("bad \\u escape") }
            v = v << 4 | UInt32(h)
        }
        i += 5
        return v
    }

    @inline(__always) static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }

    @inline(__always) static func simpleEscape(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x22: return 0x22
        case 0x5C: return 0x5C
        case 0x2F: return 0x2F
        case 0x62: return 0x08
        case 0x66: return 0x0C
        case 0x6E: return 0x0A
        case 0x72: return 0x0D
        case 0x74: return 0x09
        default: return nil
        }
    }
}
