import DeskLog
import Foundation
import Synchronization
import Testing

/// A scratch directory removed when the value goes away.
final class TempDir {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "desklog-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { path + "/" + name }
    var files: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A valid log built in memory: single events and a few multi-event batches,
/// of varied sizes, with CJK text. Knows where every record and batch ends.
struct LogFixture {
    var bytes: [UInt8] = []
    /// Byte offset just after each record's newline, in order.
    var recordEnds: [Int] = []
    /// Offsets where a whole group (single event or complete batch) ends.
    var groupEnds: [Int] = [0]
    /// How many records precede each group end (same order as groupEnds).
    var recordsAtGroupEnd: [Int] = [0]
    var ids: [UUID] = []

    static let at = Timestamp(epochMillis: 1_795_000_000_000, offsetMinutes: 480)

    init(records: Int, batchEvery: Int = 17, seed: UInt64 = 7) {
        var rng = SplitMix(state: seed)
        var seq: UInt64 = 0
        while recordEnds.count < records {
            let remaining = records - recordEnds.count
            let size = (seq % UInt64(batchEvery) == 5 && remaining >= 3) ? 3 : 1
            for k in 0..<size {
                seq += 1
                let id = UUID()
                ids.append(id)
                let text = String(repeating: "走访慰问", count: Int.random(in: 1...12, using: &rng))
                let data = JSON.object(JSONObject([.init(key: "n", value: .int(Int64(seq))), .init(key: "note", value: .string(text))]))
                Envelope.appendLine(id: id, seq: seq, at: Self.at, by: "S001", type: "test.event",
                                    batchIndex: size > 1 ? k + 1 : 0, batchCount: size > 1 ? size : 0, data: data, into: &bytes)
                recordEnds.append(bytes.count)
            }
            groupEnds.append(bytes.count)
            recordsAtGroupEnd.append(recordEnds.count)
        }
    }

    /// Whole records a reader must deliver from the first `length` bytes.
    func wholeRecords(within length: Int) -> Int {
        var n = 0
        for (end, count) in zip(groupEnds, recordsAtGroupEnd) where end <= length { n = count }
        return n
    }

    func lineStart(ofRecord i: Int) -> Int { i == 0 ? 0 : recordEnds[i - 1] }

    func write(to path: String, bytes override: [UInt8]? = nil) {
        FileManager.default.createFile(atPath: path, contents: Data(override ?? bytes))
    }
}

struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Opens `path` read-only and reads everything: (records delivered, how it ended).
func readAll(_ path: String) throws -> (records: [LogRecord], end: ScanEnd, log: EventLog) {
    var o = EventLog.Options()
    o.readOnly = true
    let log = try EventLog(path: path, options: o)
    var records: [LogRecord] = []
    try log.poll { records.append($0) }
    return (records, log.end, log)
}

/// Reads a log read-only on `threads` threads (nil: all cores), in slices,
/// and after damage line by line in chunks of 2 MiB: the seq and line
/// number of every record delivered, and the log (for its end).
func readInSlices(_ path: String, threads: Int?, mapped: Bool = true) throws -> (seqs: [UInt64], lines: [Int], log: EventLog) {
    var o = EventLog.Options()
    o.readOnly = true
    o.decodeThreads = threads
    o.chunkSize = 2 << 20
    // `FaultyIO` without faults maps nothing: every byte comes by `pread`.
    if !mapped { o.io = FaultyIO() }
    let log = try EventLog(path: path, options: o)
    var seqs: [UInt64] = [], lines: [Int] = []
    try log.poll { seqs.append($0.seq); lines.append($0.line) }
    #expect((log.bytesMapped > 0) == mapped, "read \(mapped ? "mapped" : "by pread only")")
    return (seqs, lines, log)
}

/// Each large-log test reads on all cores and on one thread, mapped and by `pread`.
let sliceReadings: [(threads: Int?, mapped: Bool)] = [(nil, true), (1, true), (nil, false), (1, false)]

func writableLog(_ path: String, io: any FileIO = PosixFileIO(), create: Bool = true, freeSpaceStep: Int? = nil) throws -> EventLog {
    var o = EventLog.Options()
    o.create = create
    o.io = io
    if let freeSpaceStep { o.freeSpaceStep = freeSpaceStep }
    return try EventLog(path: path, options: o)
}

func fileSize(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1 }

/// The file's bytes without the free space (NUL bytes) at its end.
func contentBytes(_ path: String) -> [UInt8] {
    var b = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data())
    while b.last == 0 { b.removeLast() }
    return b
}

func draft(_ text: String) -> EventDraft {
    EventDraft(type: "test.event", data: .object(JSONObject([.init(key: "note", value: .string(text))])))
}

/// Real system calls with faults injected on demand: short writes, a write
/// error after some bytes, fsync errors, failing truncation.
final class FaultyIO: FileIO, @unchecked Sendable {
    let real = PosixFileIO()
    struct Plan {
        var maxBytesPerWrite: Int?
        /// Fail the next pwrite after writing this many bytes of it (EIO).
        var failWriteAfter: Int?
        var failFdatasync = false
        var failTruncate = false
        var failOpenForWrite = false
        /// Fail the next pread that covers this file offset (EIO), once.
        var failReadAt: Int?
    }
    let plan = Mutex(Plan())
    let writes = Mutex(0)

    func set(_ change: (inout Plan) -> Void) { plan.withLock { change(&$0) } }

    func open(_ path: String, flags: Int32, mode: mode_t) throws(IOFailure) -> Int32 {
        if plan.withLock({ $0.failOpenForWrite }), flags & O_RDWR != 0 { throw IOFailure("open", path, EACCES) }
        return try real.open(path, flags: flags, mode: mode)
    }
    func close(_ fd: Int32) { real.close(fd) }
    func pread(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, offset: Int) throws(IOFailure) -> Int {
        let fail = plan.withLock { p -> Bool in
            guard let at = p.failReadAt, offset <= at, at < offset + buffer.count else { return false }
            p.failReadAt = nil
            return true
        }
        if fail { throw IOFailure("pread", "fd \(fd)", EIO) }
        return try real.pread(fd, buffer, offset: offset)
    }
    func pwrite(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, offset: Int) throws(IOFailure) -> Int {
        writes.withLock { $0 += 1 }
        let p = plan.withLock { $0 }
        if let after = p.failWriteAfter {
            plan.withLock { $0.failWriteAfter = nil }
            if after > 0 { _ = try real.pwrite(fd, UnsafeRawBufferPointer(rebasing: buffer[..<min(after, buffer.count)]), offset: offset) }
            throw IOFailure("pwrite", "fd \(fd)", EIO)
        }
        if let cap = p.maxBytesPerWrite, buffer.count > cap {
            return try real.pwrite(fd, UnsafeRawBufferPointer(rebasing: buffer[..<cap]), offset: offset)
        }
        return try real.pwrite(fd, buffer, offset: offset)
    }
    func fdatasync(_ fd: Int32) throws(IOFailure) {
        if plan.withLock({ $0.failFdatasync }) { throw IOFailure("fdatasync", "fd \(fd)", EIO) }
        try real.fdatasync(fd)
    }
    func fsync(_ fd: Int32) throws(IOFailure) { try real.fsync(fd) }
    func ftruncate(_ fd: Int32, length: Int) throws(IOFailure) {
        if plan.withLock({ $0.failTruncate }) { throw IOFailure("ftruncate", "fd \(fd)", EIO) }
        try real.ftruncate(fd, length: length)
    }
    func size(_ fd: Int32) throws(IOFailure) -> Int { try real.size(fd) }
    func identity(_ fd: Int32) throws(IOFailure) -> FileIdentity { try real.identity(fd) }
    func flock(_ fd: Int32, _ operation: Int32) throws(IOFailure) { try real.flock(fd, operation) }
}
