import CDeskCRC
import Foundation
#if canImport(Glibc)
import Glibc
#endif

#if _endian(big)
#error("The log's decoder reads machine words as little-endian (x86_64, arm64).")
#endif

/// The envelope of one record as read from the log: what every reader gets
/// for every record, in file order. A scan of a million records writes,
/// reads and frees a million of these, so it is plain bytes (80 with
/// padding): no reference to the read buffer, which the scan reuses, and
/// `by`/`type` as numbers in the process's `NameTable` rather than strings
/// (their reference counting was ~12 % of the scan). `data` comes with
/// `LogRecord`, or is decoded while scanning (`EventLog.poll(decode:apply:)`).
public struct LogEnvelope: Sendable {
    public var id: UUID
    public var seq: UInt64
    public var at: Timestamp
    /// Who wrote it and what it is, as numbers in the process's `NameTable`.
    private var byName: UInt32
    private var typeName: UInt32
    /// Byte offset of the line in the file.
    public var offset: Int
    /// 1-based line number (set by the in-order pass).
    public var line: Int
    private var length32: UInt32
    private var batchIndex32: UInt32
    private var batchCount32: UInt32
    private var version8: UInt8

    /// The line's length, newline included.
    public var length: Int { Int(length32) }
    public var version: Int { Int(version8) }
    /// Position in a multi-event batch (1-based) and its size; 0/0 for a single event.
    public var batchIndex: Int { Int(batchIndex32) }
    public var batchCount: Int { Int(batchCount32) }
    public var by: String {
        get { NameTable.shared.name(byName) }
        set { byName = NameTable.shared.number(for: newValue) }
    }
    public var type: String {
        get { NameTable.shared.name(typeName) }
        set { typeName = NameTable.shared.number(for: newValue) }
    }

    /// Lengths and batch sizes fit 32 bits: a line is read into memory whole,
    /// and the decoder refuses batches of over a million records.
    init(version: Int, id: UUID, seq: UInt64, at: Timestamp, byName: UInt32, typeName: UInt32, batchIndex: Int, batchCount: Int,
         offset: Int, length: Int) {
        self.id = id
        self.seq = seq
        self.at = at
        self.byName = byName
        self.typeName = typeName
        self.offset = offset
        self.line = 0
        length32 = UInt32(length)
        batchIndex32 = UInt32(batchIndex)
        batchCount32 = UInt32(batchCount)
        version8 = UInt8(version)
    }
}

/// One event as read from the log: its envelope and the raw bytes of `data`,
/// which the domain decodes.
public struct LogRecord: Sendable {
    public var envelope: LogEnvelope
    public var data: ArraySlice<UInt8>

    public init(envelope: LogEnvelope, data: ArraySlice<UInt8>) {
        self.envelope = envelope
        self.data = data
    }

    public var version: Int { envelope.version }
    public var id: UUID { envelope.id }
    public var seq: UInt64 { envelope.seq }
    public var at: Timestamp { envelope.at }
    public var by: String { envelope.by }
    public var type: String { envelope.type }
    public var batchIndex: Int { envelope.batchIndex }
    public var batchCount: Int { envelope.batchCount }
    public var offset: Int { envelope.offset }
    public var line: Int { envelope.line }
    public var length: Int { envelope.length }

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
        /// `by` and `type` as numbers in the process's `NameTable`.
        var byName: UInt32
        var typeName: UInt32
        public var batchIndex: Int
        public var batchCount: Int
        /// Range of `data` within the line.
        public var dataRange: Range<Int>

        public var by: String { NameTable.shared.name(byName) }
        public var type: String { NameTable.shared.name(typeName) }

        /// The envelope of a line that starts at file offset `offset` and ends
        /// with its newline at `offset + length - 1`.
        func envelope(offset: Int, length: Int) -> LogEnvelope {
            LogEnvelope(version: version, id: id, seq: seq, at: at, byName: byName, typeName: typeName, batchIndex: batchIndex,
                        batchCount: batchCount, offset: offset, length: length)
        }

        /// The bytes of `data` of a line that starts at `lineStart` in `bytes`, sharing `bytes`.
        func data(in bytes: [UInt8], lineStart: Int) -> ArraySlice<UInt8> {
            bytes[(lineStart + dataRange.lowerBound)..<(lineStart + dataRange.upperBound)]
        }

        /// The whole record of a line that starts at `lineStart` in `bytes`
        /// (at `offset` in the file), its `data` sharing `bytes`.
        func record(in bytes: [UInt8], lineStart: Int, newline: Int, offset: Int) -> LogRecord {
            LogRecord(envelope: envelope(offset: offset, length: newline + 1 - lineStart), data: data(in: bytes, lineStart: lineStart))
        }

        /// What a payload decoder sees of the line starting at `lineStart` in `buf`.
        func view(in buf: UnsafeRawBufferPointer, lineStart: Int) -> RecordView {
            RecordView(typeName: typeName, seq: seq, data: UnsafeRawBufferPointer(rebasing: buf[(lineStart + dataRange.lowerBound)..<(lineStart + dataRange.upperBound)]))
        }
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
    /// envelope prefix; `data` is located but not parsed. `cache` carries
    /// the numbers of names and the last date from line to line (one per thread).
    /// `crc`: the checksum of `b[9...]` when the caller already has it
    /// (`CRC32C.checksums` works out two lines' at once).
    public static func decode(line b: UnsafeRawBufferPointer, cache: inout EnvelopeCache, crc: UInt32? = nil) -> Result<Fields, Problem> {
        guard b.count >= 11 else { return .failure(.tooShort) }
        let computed = crc ?? CRC32C.checksum(UnsafeRawBufferPointer(rebasing: b[9...]))
        if let fields = decodeWritersForm(line: b, crc: computed, cache: &cache) { return .success(fields) }
        return decodeFieldByField(line: b, crc: computed, cache: &cache)
    }

    /// Any line the format allows, a field at a time, and the judge of every
    /// bad one (`crc`: the checksum of `b[9...]`; `b` holds at least 11 bytes).
    static func decodeFieldByField(line b: UnsafeRawBufferPointer, crc computed: UInt32, cache: inout EnvelopeCache) -> Result<Fields, Problem> {
        let field = Hex.word8(b.baseAddress!.loadUnaligned(as: UInt64.self), upper: false)
        guard b[8] == 0x20, field.ok else { return .failure(.badChecksumField) }
        let stored = field.bytes.byteSwapped
        guard computed == stored else { return .failure(.checksumMismatch(stored: stored, computed: computed)) }
        return decodeEnvelope(UnsafeRawBufferPointer(rebasing: b[9...]), base: 9, cache: &cache)
    }

    /// Whether `decodeWritersForm` can take lines on this CPU (x86-64 with SSE4.2).
    static var decodesWritersFormInC: Bool { cdesk_envelope_fast_path() != 0 }

    /// A line in the writer's exact form, checked and decoded by
    /// `cdesk_envelope_decode` 16 bytes at a time (a third of the scan's
    /// time went to doing it here a field at a time); nil for any other line,
    /// which `decodeEnvelope` then judges. `EnvelopeDecodeTests` holds the
    /// two to the same answers.
    @inline(__always)
    static func decodeWritersForm(line b: UnsafeRawBufferPointer, crc: UInt32, cache: inout EnvelopeCache) -> Fields? {
        var e = cdesk_envelope()
        guard cdesk_envelope_decode(b.baseAddress!.assumingMemoryBound(to: UInt8.self), b.count, crc, &cache.days, &e) != 0 else {
            return nil
        }
        let byStart = Int(e.by_start), typeStart = Int(e.type_start)
        let by = cache.names.number(UnsafeRawBufferPointer(rebasing: b[byStart..<Int(e.by_end)]), loadable: b.count - byStart)
        let type = cache.names.number(UnsafeRawBufferPointer(rebasing: b[typeStart..<Int(e.type_end)]), loadable: b.count - typeStart)
        return Fields(version: 1, id: unsafeBitCast(e.id, to: UUID.self), seq: e.seq,
                      at: Timestamp(epochMillis: e.epoch_millis, offsetMinutes: Int(e.offset_minutes)), byName: by, typeName: type,
                      batchIndex: Int(e.batch_index), batchCount: Int(e.batch_count), dataRange: Int(e.data_start)..<(b.count - 1))
    }

    /// The envelope's keys, each as its bytes in one little-endian word (at
    /// most 8 bytes). `EnvelopeTests` checks every word against its text.
    struct Key: Sendable {
        let word: UInt64
        let count: Int
        static let v = Key(word: 0x3A_2276_227B, count: 5)                // {"v":
        static let id = Key(word: 0x22_3A22_6469_222C, count: 7)          // ,"id":"
        static let seq = Key(word: 0x3A22_7165_7322_2C22, count: 8)       // ","seq":
        static let at = Key(word: 0x22_3A22_7461_222C, count: 7)          // ,"at":"
        static let by = Key(word: 0x3A22_7962_222C, count: 6)             // ,"by":
        static let type = Key(word: 0x3A22_6570_7974_222C, count: 8)      // ,"type":
        static let bi = Key(word: 0x3A22_6962_222C, count: 6)             // ,"bi":
        static let bn = Key(word: 0x3A22_6E62_222C, count: 6)             // ,"bn":
        static let data = Key(word: 0x3A22_6174_6164_222C, count: 8)      // ,"data":
        static let all: [(text: String, key: Key)] = [
            (#"{"v":"#, v), (#","id":""#, id), (#"","seq":"#, seq), (#","at":""#, at), (#","by":"#, by),
            (#","type":"#, type), (#","bi":"#, bi), (#","bn":"#, bn), (#","data":"#, data),
        ]
    }

    /// A cursor over the envelope bytes (a struct, so nothing is boxed per record).
    struct Cursor {
        let j: UnsafeRawBufferPointer
        var i = 0

        /// Whether the key comes next (and steps over it): one masked 8-byte
        /// compare against a constant word (a `memcmp` per key cost more than
        /// the key). Falls back to bytes near the end of the line.
        @inline(__always) mutating func lit(_ key: Key) -> Bool {
            let n = key.count
            if i + 8 <= j.count {
                let mask: UInt64 = n == 8 ? ~0 : (1 << (8 * UInt64(n))) &- 1
                guard (j.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ key.word) & mask == 0 else { return false }
            } else {
                guard i + n <= j.count else { return false }
                for k in 0..<n where j[i + k] != UInt8(truncatingIfNeeded: key.word >> (8 * UInt64(k))) { return false }
            }
            i += n
            return true
        }

        /// Decimal digits, no leading zero, within UInt64.
        @inline(__always) mutating func uint() -> UInt64? {
            let start = i
            var v: UInt64 = 0
            while i < j.count {
                let c = j[i] &- 0x30
                guard c < 10 else { break }
                v = v &* 10 &+ UInt64(c)
                i += 1
            }
            let n = i - start
            if n == 0 || (n > 1 && j[start] == 0x30) || n > 20 { return nil }
            if n == 20 {
                // Only 20 digits can overflow: do those again, checked.
                v = 0
                for k in start..<i {
                    let (m, o1) = v.multipliedReportingOverflow(by: 10)
                    let (a, o2) = m.addingReportingOverflow(UInt64(j[k] &- 0x30))
                    if o1 || o2 { return nil }
                    v = a
                }
            }
            return v
        }
    }

    @inline(__always)
    static func decodeEnvelope(_ j: UnsafeRawBufferPointer, base: Int, cache: inout EnvelopeCache) -> Result<Fields, Problem> {
        var c = Cursor(j: j)
        guard c.lit(.v), let v = c.uint() else { return .failure(.badEnvelope("\"v\" must come first")) }
        guard v <= UInt64(currentVersion) else { return .failure(.newerVersion(Int(clamping: v))) }
        guard v >= 1 else { return .failure(.badEnvelope("version 0")) }
        guard c.lit(.id), c.i + 37 <= j.count, let id = parseUUID(UnsafeRawBufferPointer(rebasing: j[c.i..<(c.i + 36)])) else {
            return .failure(.badEnvelope("bad \"id\""))
        }
        c.i += 36
        guard c.lit(.seq), let seq = c.uint(), seq >= 1 else { return .failure(.badEnvelope("bad \"seq\"")) }
        guard c.lit(.at) else { return .failure(.badEnvelope("missing \"at\"")) }
        let atStart = c.i
        // The writer's form is 29 bytes (`2026-11-23T14:21:05.123+08:00`): try
        // that first. A timestamp holds no quote, so when those 29 bytes parse
        // and a quote follows, that quote is the first one.
        var parsed: Timestamp?
        if atStart + 29 < j.count, j[atStart + 29] == 0x22 {
            parsed = Timestamp.parse(UnsafeRawBufferPointer(rebasing: j[atStart..<(atStart + 29)]), days: &cache.day)
            if parsed != nil { c.i = atStart + 29 }
        }
        if parsed == nil {
            while c.i < j.count, j[c.i] != 0x22 { c.i += 1 }
            guard c.i < j.count else { return .failure(.badEnvelope("bad \"at\"")) }
            parsed = Timestamp.parse(UnsafeRawBufferPointer(rebasing: j[atStart..<c.i]), days: &cache.day)
        }
        guard let at = parsed else { return .failure(.badEnvelope("bad \"at\"")) }
        c.i += 1
        guard c.lit(.by), let by = name(j, &c.i, &cache.names) else { return .failure(.badEnvelope("bad \"by\"")) }
        guard c.lit(.type), j.count > c.i + 1, j[c.i + 1] != 0x22, let type = name(j, &c.i, &cache.names) else {
            return .failure(.badEnvelope("bad \"type\""))
        }
        var bi = 0, bn = 0
        if c.lit(.bi) {
            guard let x = c.uint(), c.lit(.bn), let n = c.uint(), n > 1, x >= 1, x <= n, n <= 1_000_000 else {
                return .failure(.badEnvelope("bad batch fields"))
            }
            bi = Int(x); bn = Int(n)
        }
        guard c.lit(.data) else { return .failure(.badEnvelope("missing \"data\"")) }
        let i = c.i
        // `data` is the rest of the object up to the final brace.
        guard j.count >= i + 3, j[j.count - 1] == 0x7D, j[i] == 0x7B, j[j.count - 2] == 0x7D else {
            return .failure(.badEnvelope("\"data\" must be an object ending the line"))
        }
        return .success(Fields(version: Int(v), id: id, seq: seq, at: at, byName: by, typeName: type, batchIndex: bi, batchCount: bn,
                               dataRange: (base + i)..<(base + j.count - 1)))
    }

    /// The JSON string at `i` as its number in the `NameTable`.
    static func name(_ j: UnsafeRawBufferPointer, _ i: inout Int, _ names: inout NameCache) -> UInt32? {
        guard i < j.count, j[i] == 0x22 else { return nil }
        var k = i + 1
        while k < j.count, j[k] != 0x22, j[k] != 0x5C, j[k] >= 0x20 { k += 1 }
        if k < j.count, j[k] == 0x22 {
            // Sixteen bytes from the opening quote's successor can be loaded
            // when the line goes on that far (it does for `by` and `type`).
            let n = names.number(UnsafeRawBufferPointer(rebasing: j[(i + 1)..<k]), loadable: j.count - (i + 1))
            i = k + 1
            return n
        }
        var p = JSONParser(j)
        p.i = i
        guard let s = try? p.string() else { return nil }
        i = p.i
        return NameTable.shared.number(for: s)
    }

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` → UUID, eight digits at a time
    /// in a machine word (`Hex.word8`): no branch per digit (digits and
    /// letters come in random order, so a branch per nibble mispredicts half
    /// the time).
    static func parseUUID(_ b: UnsafeRawBufferPointer) -> UUID? {
        guard b.count == 36, b[8] == 0x2D, b[13] == 0x2D, b[18] == 0x2D, b[23] == 0x2D else { return nil }
        @inline(__always) func four(_ at: Int) -> UInt64 { UInt64(b.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
        let g0 = Hex.word8(b.loadUnaligned(as: UInt64.self), upper: true)
        let g1 = Hex.word8(four(9) | four(14) << 32, upper: true)
        let g2 = Hex.word8(four(19) | four(24) << 32, upper: true)
        let g3 = Hex.word8(b.loadUnaligned(fromByteOffset: 28, as: UInt64.self), upper: true)
        guard g0.ok && g1.ok && g2.ok && g3.ok else { return nil }
        // `UUID` is its `uuid_t` (16 bytes; `EnvelopeTests` compares with
        // `UUID(uuidString:)`): the bytes as they are, without a call into
        // Foundation per record. Made of two words (little-endian: the first
        // group lowest) and returned in two registers; stored in four pieces
        // and read back whole, it was a load the CPU cannot forward from its
        // store buffer, a stall per record (−4 % of a one-thread scan).
        let halves = (UInt64(g0.bytes) | UInt64(g1.bytes) << 32, UInt64(g2.bytes) | UInt64(g3.bytes) << 32)
        return unsafeBitCast(halves, to: UUID.self)
    }
}

/// Hex digits eight at a time, in one 64-bit word (SWAR): no branch per digit.
enum Hex {
    private static let lanes: UInt64 = 0x0101_0101_0101_0101
    private static let high: UInt64 = 0x8080_8080_8080_8080

    /// Eight ASCII hex digits loaded little-endian (the first digit in the
    /// low byte) → the four bytes they spell, first byte lowest (so stored
    /// little-endian they are in text order), and whether all eight were hex
    /// digits (`upper`: A–F allowed as well as a–f).
    @inline(__always) static func word8(_ w: UInt64, upper: Bool) -> (bytes: UInt32, ok: Bool) {
        // Per byte, no carries between bytes (every byte is below 0x80 when
        // `ascii` holds): bit 7 of `c + 0x50` says c ≥ '0', of `c + 0x46` c > '9'.
        let ascii = w & high == 0
        let digit = (w &+ 0x50 &* lanes) & ~(w &+ 0x46 &* lanes) & high
        let l = upper ? w | 0x20 &* lanes : w
        let letter = (l &+ 0x1F &* lanes) & ~(l &+ 0x19 &* lanes) & high
        let ok = ascii && (digit | letter) == high
        // Nibbles: the low four bits, plus 9 for a letter.
        var x = (w & (0x0F &* lanes)) &+ (letter >> 7) &* 9
        // Pairs of nibbles into bytes, then the four bytes together.
        x = ((x & 0x000F_000F_000F_000F) << 4) | ((x & 0x0F00_0F00_0F00_0F00) >> 8)
        x = (x | x >> 8) & 0x0000_FFFF_0000_FFFF
        x = (x | x >> 16) & 0xFFFF_FFFF
        return (UInt32(truncatingIfNeeded: x), ok)
    }
}

/// What decoding carries from one line to the next, one per thread: the
/// numbers of the staff ids and event types seen, and the last date seen
/// (records of one day follow each other, so its day number is worked out once).
public struct EnvelopeCache: Sendable {
    var names = NameCache()
    var day = Timestamp.DayCache()
    /// The same for the writer's form, decoded in C.
    var days = cdesk_day_cache()
    public init() {}
}

/// The `NameTable` numbers of the short values a thread has decoded (staff
/// ids, event types), found by their bytes without a lock or a new string.
/// A hash table of its own that keeps every value it has seen (open
/// addressing, doubled when half full): a log holds a few hundred distinct
/// values, and a direct-mapped cache of 256 slots lost ~4 % of lookups to
/// collisions, each a trip through the table's lock (with two threads,
/// contended). Values of up to 16 bytes are keyed by the bytes themselves
/// (two words and a length: an exact match, no hashing loop, no compare);
/// longer ones by a hash, then compared.
struct NameCache: Sendable {
    private struct Entry: Sendable {
        var w0: UInt64 = 0, w1: UInt64 = 0, count = -1
        /// Keyed by its bytes (else by a hash: compare before use).
        var exact = false
        var number: UInt32 = 0
        /// The slot hash, kept for growing.
        var hash: UInt64 = 0
    }
    private var entries = [Entry](repeating: Entry(), count: 256)
    private var used = 0
    /// Past this many values (a log never has them) the table starts again rather than grow.
    private static let most = 1 << 15

    /// The `NameTable` number of the string `b` spells; `loadable`: bytes
    /// readable from `b`'s start (at least `b.count`).
    mutating func number(_ b: UnsafeRawBufferPointer, loadable: Int) -> UInt32 {
        let n = b.count
        var w0: UInt64 = 0, w1: UInt64 = 0
        let exact = n <= 16 && loadable >= 16
        if exact {
            let p = b.baseAddress!
            w0 = p.loadUnaligned(as: UInt64.self)
            w1 = p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            // Keep the value's bytes only (little-endian: the low ones).
            if n < 8 { w0 &= (1 << (UInt64(n) * 8)) &- 1; w1 = 0 } else if n < 16 { w1 &= (1 << (UInt64(n - 8) * 8)) &- 1 }
        } else {
            // Hash 8 bytes at a time.
            var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(n)
            var i = 0
            while i + 8 <= n {
                h = (h ^ b.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 29
                i += 8
            }
            var tail: UInt64 = 0
            while i < n { tail = tail << 8 | UInt64(b[i]); i += 1 }
            w0 = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
            w1 = UInt64(n)
        }
        var h = (w0 ^ (w1 &* 0xFF51_AFD7_ED55_8CCD) ^ UInt64(n)) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        let (found, free): (UInt32?, Int) = entries.withUnsafeBufferPointer { e in
            let mask = e.count - 1
            var slot = Int(truncatingIfNeeded: h) & mask
            while true {
                let hit = e.baseAddress! + slot
                if hit.pointee.count < 0 { return (nil, slot) }
                if hit.pointee.count == n, hit.pointee.w0 == w0, hit.pointee.w1 == w1, hit.pointee.exact == exact {
                    if exact { return (hit.pointee.number, slot) }
                    let same = NameTable.shared.name(hit.pointee.number).utf8
                        .withContiguousStorageIfAvailable { n == 0 || memcmp($0.baseAddress!, b.baseAddress!, n) == 0 } ?? false
                    if same { return (hit.pointee.number, slot) }
                }
                slot = (slot + 1) & mask
            }
        }
        if let found { return found }
        let number = NameTable.shared.number(for: String(decoding: b, as: UTF8.self))
        entries[free] = Entry(w0: w0, w1: w1, count: n, exact: exact, number: number, hash: h)
        used += 1
        if used * 2 > entries.count { grow() }
        return number
    }

    /// Twice the slots, every value kept (or none, past `most`).
    private mutating func grow() {
        let old = entries
        entries = [Entry](repeating: Entry(), count: old.count < Self.most ? old.count * 2 : 256)
        used = 0
        guard entries.count > old.count else { return }
        let mask = entries.count - 1
        for e in old where e.count >= 0 {
            var slot = Int(truncatingIfNeeded: e.hash) & mask
            while entries[slot].count >= 0 { slot = (slot + 1) & mask }
            entries[slot] = e
            used += 1
        }
    }
}
