import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One event as read from the log: the envelope fields plus the raw bytes of
/// `data`, which the domain decodes. `data` shares the read buffer (no copy).
public struct LogRecord: Sendable {
    public var version: Int
    public var id: UUID
    public var seq: UInt64
    public var at: Timestamp
    public var by: String
    public var type: String
    /// Position in a multi-event batch (1-based) and its size; 0/0 for a single event.
    public var batchIndex: Int
    public var batchCount: Int
    public var data: ArraySlice<UInt8>
    /// Byte offset of the line in the file and its 1-based line number.
    public var offset: Int
    public var line: Int
    public var length: Int

    public var dataJSON: JSON { get throws { try JSON.parse(data) } }
}

/// What the caller asks to append: the log fills in `v`, `seq`, `at`, `by`.
public struct EventDraft: Sendable {
    public var type: String
    public var data: JSON
    public var id: UUID

    public init(type: String, data: JSON, id: UUID = UUID()) {
        self.type = type
        self.data = data
        self.id = id
    }
}

/// The line format. Documented in the README ("Log format"); keep both in step.
///
///     <crc32c of JSON, 8 lowercase hex> <space> <JSON envelope> <LF>
///     {"v":1,"id":"<uuid>","seq":N,"at":"<ISO 8601>","by":"<staff>","type":"<type>"[,"bi":i,"bn":n],"data":{…}}
///
/// The keys appear in exactly this order, which lets a reader decode the
/// envelope without parsing `data`.
public enum Envelope {
    /// The newest envelope/schema version this build reads and writes.
    public static let currentVersion = 1

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case tooShort
        case badChecksumField
        case checksumMismatch(stored: UInt32, computed: UInt32)
        case badEnvelope(String)
        case newerVersion(Int)

        public var description: String {
            switch self {
            case .tooShort: "line too short to be a record"
            case .badChecksumField: "checksum field is not 8 hex digits and a space"
            case .checksumMismatch(let s, let c): "checksum mismatch (stored \(hex8(s)), computed \(hex8(c)))"
            case .badEnvelope(let why): "malformed envelope: \(why)"
            case .newerVersion(let v): "written by a newer version (v\(v))"
            }
        }
    }

    public struct Fields: Sendable {
        public var version: Int
        public var id: UUID
        public var seq: UInt64
        public var at: Timestamp
        public var by: String
        public var type: String
        public var batchIndex: Int
        public var batchCount: Int
        /// Range of `data` within the line.
        public var dataRange: Range<Int>
    }

    static func hex8(_ v: UInt32) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 8 - s.count) + s
    }

    // MARK: Encoding

    /// Appends one complete line (with its newline) for the given fields.
    public static func appendLine(
        version: Int = currentVersion, id: UUID, seq: UInt64, at: Timestamp, by: String, type: String,
        batchIndex: Int = 0, batchCount: Int = 0, data: JSON, into out: inout [UInt8]
    ) {
        var json: [UInt8] = []
        json.reserveCapacity(256)
        json.append(contentsOf: #"{"v":"#.utf8)
        json.append(contentsOf: String(version).utf8)
        json.append(contentsOf: #","id":""#.utf8)
        json.append(contentsOf: id.uuidString.lowercased().utf8)
        json.append(contentsOf: #"","seq":"#.utf8)
        json.append(contentsOf: String(seq).utf8)
        json.append(contentsOf: #","at":""#.utf8)
        json.append(contentsOf: at.description.utf8)
        json.append(contentsOf: #"","by":"#.utf8)
        JSON.writeString(by, into: &json)
        json.append(contentsOf: #","type":"#.utf8)
        JSON.writeString(type, into: &json)
        if batchCount > 1 {
            json.append(contentsOf: #","bi":"#.utf8)
            json.append(contentsOf: String(batchIndex).utf8)
            json.append(contentsOf: #","bn":"#.utf8)
            json.append(contentsOf: String(batchCount).utf8)
        }
        json.append(contentsOf: #","data":"#.utf8)
        data.write(into: &json)
        json.append(0x7D)
        let crc = CRC32C.checksum(json)
        out.append(contentsOf: hex8(crc).utf8)
        out.append(0x20)
        out.append(contentsOf: json)
        out.append(0x0A)
    }

    // MARK: Decoding

    /// Decodes a line (without its newline). Checks the checksum, then the
    /// envelope prefix; `data` is located but not parsed.
    public static func decode(line b: UnsafeRawBufferPointer, interner: inout StringInterner) -> Result<Fields, Problem> {
        guard b.count >= 11 else { return .failure(.tooShort) }
        var stored: UInt32 = 0
        for k in 0..<8 {
            guard let h = JSONParser.hexValue(b[k]), b[k] < 0x41 || b[k] > 0x46 else { return .failure(.badChecksumField) }
            stored = stored << 4 | UInt32(h)
        }
        guard b[8] == 0x20 else { return .failure(.badChecksumField) }
        let json = UnsafeRawBufferPointer(rebasing: b[9...])
        let computed = CRC32C.checksum(json)
        guard computed == stored else { return .failure(.checksumMismatch(stored: stored, computed: computed)) }
        return decodeEnvelope(json, base: 9, interner: &interner)
    }

    /// A cursor over the envelope bytes (a struct, so nothing is boxed per record).
    struct Cursor {
        let j: UnsafeRawBufferPointer
        var i = 0

        @inline(__always) mutating func lit(_ s: StaticString) -> Bool {
            let n = s.utf8CodeUnitCount
            guard i + n <= j.count, memcmp(j.baseAddress! + i, s.utf8Start, n) == 0 else { return false }
            i += n
            return true
        }

        @inline(__always) mutating func uint() -> UInt64? {
            let start = i
            var v: UInt64 = 0
            while i < j.count {
                let c = j[i]
                guard c >= 0x30, c <= 0x39 else { break }
                let (m, o1) = v.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(UInt64(c - 0x30))
                if o1 || o2 { return nil }
                v = a
                i += 1
            }
            if i == start || (i - start > 1 && j[start] == 0x30) { return nil }
            return v
        }
    }

    static func decodeEnvelope(_ j: UnsafeRawBufferPointer, base: Int, interner: inout StringInterner) -> Result<Fields, Problem> {
        var c = Cursor(j: j)
        guard c.lit(#"{"v":"#), let v = c.uint() else { return .failure(.badEnvelope("\"v\" must come first")) }
        guard v <= UInt64(currentVersion) else { return .failure(.newerVersion(Int(clamping: v))) }
        guard v >= 1 else { return .failure(.badEnvelope("version 0")) }
        guard c.lit(#","id":""#), c.i + 37 <= j.count, let id = parseUUID(UnsafeRawBufferPointer(rebasing: j[c.i..<(c.i + 36)])) else {
            return .failure(.badEnvelope("bad \"id\""))
        }
        c.i += 36
        guard c.lit(#"","seq":"#), let seq = c.uint(), seq >= 1 else { return .failure(.badEnvelope("bad \"seq\"")) }
        guard c.lit(#","at":""#) else { return .failure(.badEnvelope("missing \"at\"")) }
        let atStart = c.i
        while c.i < j.count, j[c.i] != 0x22 { c.i += 1 }
        guard c.i < j.count, let at = Timestamp.parse(UnsafeRawBufferPointer(rebasing: j[atStart..<c.i])) else {
            return .failure(.badEnvelope("bad \"at\""))
        }
        c.i += 1
        guard c.lit(#","by":"#), let by = string(j, &c.i, &interner) else { return .failure(.badEnvelope("bad \"by\"")) }
        guard c.lit(#","type":"#), let type = string(j, &c.i, &interner), !type.isEmpty else { return .failure(.badEnvelope("bad \"type\"")) }
        var bi = 0, bn = 0
        if c.lit(#","bi":"#) {
            guard let x = c.uint(), c.lit(#","bn":"#), let n = c.uint(), n > 1, x >= 1, x <= n, n <= 1_000_000 else {
                return .failure(.badEnvelope("bad batch fields"))
            }
            bi = Int(x); bn = Int(n)
        }
        guard c.lit(#","data":"#) else { return .failure(.badEnvelope("missing \"data\"")) }
        let i = c.i
        // `data` is the rest of the object up to the final brace.
        guard j.count >= i + 3, j[j.count - 1] == 0x7D, j[i] == 0x7B, j[j.count - 2] == 0x7D else {
            return .failure(.badEnvelope("\"data\" must be an object ending the line"))
        }
        return .success(Fields(version: Int(v), id: id, seq: seq, at: at, by: by, type: type, batchIndex: bi, batchCount: bn,
                               dataRange: (base + i)..<(base + j.count - 1)))
    }

    static func string(_ j: UnsafeRawBufferPointer, _ i: inout Int, _ interner: inout StringInterner) -> String? {
        guard i < j.count, j[i] == 0x22 else { return nil }
        var k = i + 1
        while k < j.count, j[k] != 0x22, j[k] != 0x5C, j[k] >= 0x20 { k += 1 }
        if k < j.count, j[k] == 0x22 {
            let s = interner.intern(UnsafeRawBufferPointer(rebasing: j[(i + 1)..<k]))
            i = k + 1
            return s
        }
        var p = JSONParser(j)
        p.i = i
        guard let s = try? p.string() else { return nil }
        i = p.i
        return s
    }

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` → UUID, without allocating or
    /// branching per digit (digits and letters come in random order, so a
    /// branch per nibble mispredicts half the time).
    static func parseUUID(_ b: UnsafeRawBufferPointer) -> UUID? {
        guard b.count == 36, b[8] == 0x2D, b[13] == 0x2D, b[18] == 0x2D, b[23] == 0x2D else { return nil }
        let p = b.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var invalid: UInt8 = 0
        @inline(__always) func nibble(_ c: UInt8) -> UInt8 {
            let digit = c &- 0x30 < 10, letter = (c | 0x20) &- 0x61 < 6
            invalid |= (digit || letter) ? 0 : 1
            return (c & 0x0F) &+ 9 &* (c >> 6)
        }
        @inline(__always) func byte(_ at: Int) -> UInt8 { nibble(p[at]) << 4 | nibble(p[at + 1]) }
        let u: uuid_t = (byte(0), byte(2), byte(4), byte(6), byte(9), byte(11), byte(14), byte(16),
                         byte(19), byte(21), byte(24), byte(26), byte(28), byte(30), byte(32), byte(34))
        return invalid == 0 ? UUID(uuid: u) : nil
    }
}

/// Reuses one `String` per distinct short value (staff ids, event types), so
/// decoding a million envelopes does not allocate a million copies. A small
/// direct-mapped cache: a miss just makes a new string.
public struct StringInterner: Sendable {
    private var hashes = [UInt64](repeating: 0, count: 256)
    private var strings = [String](repeating: "", count: 256)
    public init() {}

    public mutating func intern(_ b: UnsafeRawBufferPointer) -> String {
        // Hash 8 bytes at a time (values are short: staff ids, event types).
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(b.count)
        var i = 0
        while i + 8 <= b.count {
            h = (h ^ b.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        while i < b.count { tail = tail << 8 | UInt64(b[i]); i += 1 }
        h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        let slot = Int(truncatingIfNeeded: (h >> 32) ^ h) & 255
        if hashes[slot] == h {
            let s = strings[slot]
            if s.utf8.count == b.count,
               s.utf8.withContiguousStorageIfAvailable({ b.count == 0 || memcmp($0.baseAddress!, b.baseAddress!, b.count) == 0 }) ?? false {
                return s
            }
        }
        let s = String(decoding: b, as: UTF8.self)
        hashes[slot] = h
        strings[slot] = s
        return s
    }
}
