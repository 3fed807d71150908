/// Where reading stopped, and why. Every way a log can go wrong has a name here
/// (as in LevelDB's log_reader), and each has a test.
public enum ScanEnd: Sendable, Equatable {
    /// Every byte belongs to a whole record.
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
    public enum Kind: Sendable, Equatable { case version(Int), unknownType(String) }
    public var line: Int
    public var offset: Int
    public var kind: Kind

    public init(line: Int, offset: Int, kind: Kind) {
        self.line = line
        self.offset = offset
        self.kind = kind
    }
}

/// Splits bytes into lines and lines into records, keeping the state needed to
/// resume (next line number, last seq, an unfinished batch).
struct LogScanner {
    var lastSeq: UInt64
    /// End of the last record handed out (records of an unfinished batch are held back).
    var committedEnd: Int
    var committedLine: Int
    var isKnownType: (String) -> Bool
    var interner = StringInterner()

    private var pending: [LogRecord] = []
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

    /// Scans the complete lines of `chunk` (which starts at file offset `base`).
    /// Returns how many bytes were consumed; the rest (an unfinished line) must
    /// be passed again with more bytes, or to `finish`.
    mutating func scan(_ chunk: [UInt8], base: Int, emit: (LogRecord) throws -> Void) rethrows -> Int {
        var consumed = 0
        try chunk.withUnsafeBytes { (buf: UnsafeRawBufferPointer) in
            var lineStart = 0
            while lineStart < buf.count, !stopped {
                guard let nl = Self.newline(in: buf, from: lineStart) else { break }
                try take(buf, chunk, lineStart, nl, base: base, emit: emit)
                lineStart = nl + 1
            }
            consumed = lineStart
        }
        return consumed
    }

    /// Classifies what is left at end of file (`leftover` = bytes after the last newline).
    mutating func finish(leftover: Int, fileEnd: Int) -> ScanEnd {
        if let e = end, stopped { return e }
        let tailLength = fileEnd - committedEnd
        if tailLength == 0 { end = .clean; return .clean }
        let reason: TailReason
        if let bad = badStart {
            reason = .badRecord(bad.problem)
        } else if !pending.isEmpty {
            reason = .incompleteBatch(have: pending.count, of: pending[0].batchCount)
        } else {
            reason = .incompleteLine
        }
        _ = leftover
        let e = ScanEnd.tornTail(offset: committedEnd, length: tailLength, line: committedLine, reason: reason)
        end = e
        return e
    }

    private mutating func take(_ buf: UnsafeRawBufferPointer, _ chunk: [UInt8], _ start: Int, _ nl: Int, base: Int,
                               emit: (LogRecord) throws -> Void) rethrows {
        let lineNo = nextLine
        nextLine += 1
        let offset = base + start
        let result = Envelope.decode(line: UnsafeRawBufferPointer(rebasing: buf[start..<nl]), interner: &interner)
        if let bad = badStart {
            // Inside damaged bytes: one valid record after them turns a torn tail into corruption.
            if case .success = result {
                validAfterBad += 1
                end = .corrupt(Corruption(line: bad.line, offset: bad.offset, problem: .badRecord(bad.problem), validRecordsAfter: validAfterBad))
            }
            return
        }
        let f: Envelope.Fields
        switch result {
        case .failure(.newerVersion(let v)):
            end = .newer(NewerRecord(line: lineNo, offset: offset, kind: .version(v)))
            return
        case .failure(let problem):
            badStart = (lineNo, offset, problem)
            return
        case .success(let fields):
            f = fields
        }
        let expected = lastSeq + UInt64(pending.count) + 1
        if f.seq != expected {
            end = .corrupt(Corruption(line: lineNo, offset: offset, problem: .seqGap(expected: expected, found: f.seq), validRecordsAfter: 0))
            return
        }
        guard isKnownType(f.type) else {
            end = .newer(NewerRecord(line: lineNo, offset: offset, kind: .unknownType(f.type)))
            return
        }
        let record = LogRecord(version: f.version, id: f.id, seq: f.seq, at: f.at, by: f.by, type: f.type,
                               batchIndex: f.batchIndex, batchCount: f.batchCount,
                               data: chunk[(start + f.dataRange.lowerBound)..<(start + f.dataRange.upperBound)],
                               offset: offset, line: lineNo, length: nl + 1 - start)
        if f.batchCount == 0 {
            if !pending.isEmpty {
                end = .corrupt(Corruption(line: lineNo, offset: offset,
                                          problem: .batchBroken("batch of \(pending[0].batchCount) ended after \(pending.count)"),
                                          validRecordsAfter: 0))
                return
            }
            try release([record], end: base + nl + 1, emit: emit)
            return
        }
        guard f.batchIndex == pending.count + 1, pending.isEmpty || pending[0].batchCount == f.batchCount else {
            end = .corrupt(Corruption(line: lineNo, offset: offset,
                                      problem: .batchBroken("record \(f.batchIndex) of \(f.batchCount) out of order"),
                                      validRecordsAfter: 0))
            return
        }
        pending.append(record)
        if f.batchIndex == f.batchCount {
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            try release(batch, end: base + nl + 1, emit: emit)
        }
    }

    private mutating func release(_ records: [LogRecord], end: Int, emit: (LogRecord) throws -> Void) rethrows {
        for r in records { try emit(r) }
        lastSeq = records[records.count - 1].seq
        committedEnd = end
        committedLine = records[records.count - 1].line + 1
    }

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
