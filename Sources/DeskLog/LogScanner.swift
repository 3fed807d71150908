/// Where reading stopped, and why. Every way a log can go wrong has a name here
/// (as in LevelDB's log_reader), and each has a test.
public enum ScanEnd: Sendable, Equatable {
    /// Every byte belongs to a whole record, or to the free space after the
    /// last one (NUL bytes to the end of the file).
    case clean
    /// Bytes after the last whole record that do not form records followed by
    /// anything valid: an append that never finished (crash, or still being
    /// written). Readers ignore them; the next writer copies them aside and
    /// truncates. `reason` says what the first bad piece looked like.
    case tornTail(offset: Int, length: Int, line: Int, reason: TailReason)
    /// A bad record followed by a valid one: damage inside the log. Nothing
    /// after `offset` is applied and the log opens read-only.
    case corrupt(Corruption)
    /// A record this build cannot apply (newer `v` or unknown `type`): the log
    /// opens read-only at that record rather than skip it.
    case newer(NewerRecord)
}

public enum TailReason: Sendable, Equatable, CustomStringConvertible {
    case incompleteLine
    case badRecord(Envelope.Problem)
    case incompleteBatch(have: Int, of: Int)

    public var description: String {
        switch self {
        case .incompleteLine: "last line has no newline"
        case .badRecord(let p): p.description
        case .incompleteBatch(let have, let of): "batch has \(have) of \(of) records"
        }
    }
}

public struct Corruption: Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        case badRecord(Envelope.Problem)
        case seqGap(expected: UInt64, found: UInt64)
        case batchBroken(String)

        public var description: String {
            switch self {
            case .badRecord(let p): p.description
            case .seqGap(let e, let f): "sequence number \(f) where \(e) was expected"
            case .batchBroken(let why): "broken batch: \(why)"
            }
        }
    }

    public var line: Int
    public var offset: Int
    public var problem: Problem
    /// Valid records found after the damage (they are kept, not applied).
    public var validRecordsAfter: Int

    public init(line: Int, offset: Int, problem: Problem, validRecordsAfter: Int) {
        self.line = line
        self.offset = offset
        self.problem = problem
        self.validRecordsAfter = validRecordsAfter
    }

    public var description: String { "line \(line), byte offset \(offset): \(problem)" }
}

public struct NewerRecord: Sendable, Equatable {
    public enum Kind: Sendable, Equatable, CustomStringConvertible {
        case version(Int), unknownType(String)
        /// What the newer writer put there: `v2`, or the event type.
        public var description: String {
            switch self {
            case .version(let v): return "v\(v)"
            case .unknownType(let type): return type
            }
        }
    }
    public var line: Int
    public var offset: Int
    public var kind: Kind

    public init(line: Int, offset: Int, kind: Kind) {
        self.line = line
        self.offset = offset
        self.kind = kind
    }
}

/// One line, decoded on its own (CRC and envelope), good or not: what the
/// line-by-line reading (`scan`) hands to `consume`, which judges bad lines.
/// The fast path (`SliceDecode`) decodes straight into records instead.
enum DecodedLine: Sendable {
    case fields(Envelope.Fields)
    case bad(Envelope.Problem)
    case newer(Int)

    static func decode(_ buf: UnsafeRawBufferPointer, start: Int, newline nl: Int, cache: inout EnvelopeCache) -> DecodedLine {
        switch Envelope.decode(line: UnsafeRawBufferPointer(rebasing: buf[start..<nl]), cache: &cache) {
        case .failure(.newerVersion(let v)): return .newer(v)
        case .failure(let problem): return .bad(problem)
        case .success(let f): return .fields(f)
        }
    }

    /// The envelope of a line that starts at file offset `offset`, `length` bytes with its newline.
    func envelope(offset: Int, length: Int) -> LogEnvelope? {
        guard case .fields(let f) = self else { return nil }
        return f.envelope(offset: offset, length: length)
    }
}

/// The order-dependent part of reading: sequence numbers, batches, and
/// whether damage is a torn tail or corruption. Keeps what it needs to resume
/// (next line number, last seq, an unfinished batch). `Payload` is whatever
/// the caller decoded alongside each record (`Void` when nothing).
struct LogScanner<Payload> {
    var lastSeq: UInt64
    /// End of the last record handed out (records of an unfinished batch are held back).
    var committedEnd: Int
    var committedLine: Int
    var isKnownType: (String) -> Bool
    var cache = EnvelopeCache()

    private var pending: [(LogEnvelope, Payload)] = []
    private var nextLine: Int
    private var badStart: (line: Int, offset: Int, problem: Envelope.Problem)?
    private var validAfterBad = 0
    private(set) var end: ScanEnd?

    init(startOffset: Int, startLine: Int, lastSeq: UInt64, isKnownType: @escaping (String) -> Bool) {
        self.lastSeq = lastSeq
        self.committedEnd = startOffset
        self.committedLine = startLine
        self.nextLine = startLine
        self.isKnownType = isKnownType
    }

    var stopped: Bool { if case .corrupt = end { return true }; if case .newer = end { return true }; return false }

    /// Classifies what is left at end of file. `freeSpace`: how many bytes at
    /// the very end are known to be NUL, all of them from a line start on (free
    /// space a writer added); when that is the whole tail, the log is clean.
    mutating func finish(fileEnd: Int, freeSpace: Int = 0) -> ScanEnd {
        if let e = end, stopped { return e }
        let tailLength = fileEnd - committedEnd
        if tailLength == 0 || (tailLength == freeSpace && badStart == nil && pending.isEmpty) { end = .clean; return .clean }
        let reason: TailReason
        if let bad = badStart {
            reason = .badRecord(bad.problem)
        } else if let first = pending.first {
            reason = .incompleteBatch(have: pending.count, of: first.0.batchCount)
        } else {
            reason = .incompleteLine
        }
        let e = ScanEnd.tornTail(offset: committedEnd, length: tailLength, line: committedLine, reason: reason)
        end = e
        return e
    }

    /// Takes the next line, `[lineStart, lineEnd)` in the file (newline
    /// included). `payload` is asked for only when a record is handed out or
    /// held in a batch.
    mutating func consume(_ decoded: DecodedLine, payload: () -> Payload,
                          lineStart: Int, lineEnd: Int, emit: (LogEnvelope, Payload) throws -> Void) rethrows {
        if let bad = badStart {
            nextLine += 1
            // Inside damaged bytes: one valid record after them turns a torn tail into corruption.
            if case .fields = decoded {
                validAfterBad += 1
                end = .corrupt(Corruption(line: bad.line, offset: bad.offset, problem: .badRecord(bad.problem), validRecordsAfter: validAfterBad))
            }
            return
        }
        switch decoded {
        case .newer(let v):
            end = .newer(NewerRecord(line: nextLine, offset: lineStart, kind: .version(v)))
            nextLine += 1
        case .bad(let problem):
            badStart = (nextLine, lineStart, problem)
            nextLine += 1
        case .fields:
            var record = decoded.envelope(offset: lineStart, length: lineEnd - lineStart)!
            try accept(&record, payload: payload, typeChecked: false, emit: emit)
        }
    }

    /// Takes the next line when it is a whole record (checksum and envelope
    /// good): its sequence number, type and batch, in file order. Sets the
    /// record's line number. `typeChecked`: `isKnownType` already said yes.
    @inline(__always)
    mutating func accept(_ record: inout LogEnvelope, payload: () -> Payload, typeChecked: Bool,
                         emit: (LogEnvelope, Payload) throws -> Void) rethrows {
        let lineNo = nextLine
        nextLine += 1
        record.line = lineNo
        let offset = record.offset
        let expected = lastSeq + UInt64(pending.count) + 1
        if record.seq != expected {
            end = .corrupt(Corruption(line: lineNo, offset: offset, problem: .seqGap(expected: expected, found: record.seq), validRecordsAfter: 0))
            return
        }
        guard typeChecked || isKnownType(record.type) else {
            end = .newer(NewerRecord(line: lineNo, offset: offset, kind: .unknownType(record.type)))
            return
        }
        let value = payload()
        if record.batchCount == 0 {
            if let first = pending.first {
                end = .corrupt(Corruption(line: lineNo, offset: offset,
                                          problem: .batchBroken("batch of \(first.0.batchCount) ended after \(pending.count)"),
                                          validRecordsAfter: 0))
                return
            }
            try emit(record, value)
            commit(through: record)
            return
        }
        guard record.batchIndex == pending.count + 1, pending.isEmpty || pending[0].0.batchCount == record.batchCount else {
            end = .corrupt(Corruption(line: lineNo, offset: offset,
                                      problem: .batchBroken("record \(record.batchIndex) of \(record.batchCount) out of order"),
                                      validRecordsAfter: 0))
            return
        }
        pending.append((record, value))
        if record.batchIndex == record.batchCount {
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            for (r, v) in batch { try emit(r, v) }
            commit(through: record)
        }
    }

    /// Everything up to `record`, the last of its group, has been handed out.
    private mutating func commit(through record: LogEnvelope) {
        lastSeq = record.seq
        committedEnd = record.offset + record.length
        committedLine = record.line + 1
    }

    /// A whole batch lying in one decoded slice, taken in place: when no
    /// batch is open, its records are in sequence, and each says it is
    /// record k of `records.count`, they are numbered and emitted straight
    /// from the slice (not copied to `pending` and back, as `accept` must
    /// when a batch spans slices) and true is returned. Otherwise nothing
    /// changes and false is returned: `accept`, record by record, then names
    /// what is wrong. Types must already be checked.
    @inline(__always)
    mutating func acceptBatch(_ records: UnsafeMutableBufferPointer<LogEnvelope>, payloads: UnsafeBufferPointer<Payload>,
                              emit: (LogEnvelope, Payload) throws -> Void) rethrows -> Bool {
        let count = records.count
        guard pending.isEmpty, count > 1 else { return false }
        let first = lastSeq + 1
        for k in 0..<count {
            let r = records[k]
            guard r.seq == first + UInt64(k), r.batchIndex == k + 1, r.batchCount == count else { return false }
        }
        for k in 0..<count { records[k].line = nextLine + k }
        nextLine += count
        for k in 0..<count { try emit(records[k], payloads[k]) }
        commit(through: records[count - 1])
        return true
    }

    /// Scans the complete lines of `chunk` (which starts at file offset `base`)
    /// on this thread, `decode` giving each record's payload. Returns how many
    /// bytes were consumed; the rest (an unfinished line) must be passed again
    /// with more bytes.
    mutating func scan(_ chunk: [UInt8], base: Int, decode: (RecordView) -> Payload,
                       emit: (LogEnvelope, Payload) throws -> Void) rethrows -> Int {
        try scan(chunk, base: base, payload: { f, buf, start in decode(f.view(in: buf, lineStart: start)) }, emit: emit)
    }

    private mutating func scan(_ chunk: [UInt8], base: Int, payload: (Envelope.Fields, UnsafeRawBufferPointer, Int) -> Payload,
                               emit: (LogEnvelope, Payload) throws -> Void) rethrows -> Int {
        var consumed = 0
        try chunk.withUnsafeBytes { (buf: UnsafeRawBufferPointer) in
            var lineStart = 0
            while lineStart < buf.count, !stopped {
                guard let nl = Lines.newline(in: buf, from: lineStart) else { break }
                let d = DecodedLine.decode(buf, start: lineStart, newline: nl, cache: &cache)
                try consume(d, payload: {
                                guard case .fields(let f) = d else { preconditionFailure("payload of a bad line") }
                                return payload(f, buf, lineStart)
                            },
                            lineStart: base + lineStart, lineEnd: base + nl + 1, emit: emit)
                lineStart = nl + 1
            }
            consumed = lineStart
        }
        return consumed
    }
}

extension LogScanner where Payload == ArraySlice<UInt8> {
    /// `scan` handing out whole records, their `data` sharing `chunk`.
    mutating func scan(_ chunk: [UInt8], base: Int, emit: (LogRecord) throws -> Void) rethrows -> Int {
        try scan(chunk, base: base, payload: { f, _, start in f.data(in: chunk, lineStart: start) },
                 emit: { try emit(LogRecord(envelope: $0, data: $1)) })
    }
}

enum Lines {
    static func newline(in buf: UnsafeRawBufferPointer, from: Int) -> Int? {
        guard from < buf.count, let base = buf.baseAddress else { return nil }
        guard let p = memchr(base + from, 0x0A, buf.count - from) else { return nil }
        return base.distance(to: UnsafeRawPointer(p))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
