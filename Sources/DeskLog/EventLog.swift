import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The append-only event log: one file, one event per line, shared by several
/// processes. See the README ("Log format", "Durability") for the promises.
///
/// An `EventLog` has one reader (its owner) that receives each record once,
/// through `poll` or through the catch-up inside `append`. It is not
/// thread-safe; use one per thread. Several `EventLog`s, in this process or
/// others, may share a file.
public final class EventLog {
    public struct Options: Sendable {
        /// Create the file (mode 0660 before umask) if it does not exist.
        public var create = false
        /// Open read-only even if the file is writable.
        public var readOnly = false
        public var io: any FileIO = PosixFileIO()
        /// The time written into `at` (tests pin it).
        public var clock: @Sendable () -> Date = { Date() }
        public var timeZone: TimeZone = .current
        /// Types this build can apply; a record of another type stops reading.
        public var isKnownType: @Sendable (String) -> Bool = { _ in true }
        /// Bytes read per `pread` when a scan reads line by line (after a
        /// slice that was not all whole records); the fast path reads in
        /// slices of 1 MiB.
        public var chunkSize = 8 << 20
        /// Threads that check and decode lines while scanning: nil for one per
        /// core (up to 8), 1 to decode on the calling thread.
        public var decodeThreads: Int?
        /// Free space a writer adds at the end of the file when an append
        /// does not fit (0: grow the file by each append). Writing inside
        /// space the file already has leaves its size alone, so `fdatasync`
        /// need not write the inode too (README: "Free space").
        public var freeSpaceStep = 64 << 10

        public init() {}
    }

    public let path: String
    public let options: Options
    private let io: any FileIO
    private var fd: Int32
    private var writable: Bool
    let lock: ProcessLock
    private var cache = EnvelopeCache()

    /// Whether and why the log is read-only.
    public private(set) var readOnlyReason: ReadOnlyReason?
    /// How the bytes after the last delivered record were classified at the last read.
    public private(set) var end: ScanEnd = .clean
    /// Last delivered sequence number, byte offset after it, and its line count.
    public private(set) var lastSeq: UInt64 = 0
    public private(set) var committedEnd = 0
    public private(set) var committedLine = 1
    /// Records delivered so far.
    public private(set) var recordCount = 0
    /// File size seen at the last poll (to make an idle poll one `fstat`).
    private var seenSize = -1
    /// Inside `scanNew` on this handle: its position is in flux until the scan ends.
    private var scanning = false

    public var isWritable: Bool { writable && readOnlyReason == nil }

    public init(path: String, options: Options = Options()) throws(LogError) {
        self.path = path
        self.options = options
        self.io = options.io
        var createdFd: Int32?
        if options.create {
            do {
                createdFd = try io.open(path, flags: O_RDWR | O_CREAT | O_EXCL, mode: 0o660)
            } catch where error.code == EEXIST {
                createdFd = nil
            } catch {
                throw .io(error)
            }
            if let nfd = createdFd {
                do {
                    try io.fsync(nfd)
                    try Self.syncDirectory(of: path, io: io)
                } catch {
                    io.close(nfd)
                    throw .io(error)
                }
            }
        }
        var opened: Int32
        var canWrite = !options.readOnly
        if let nfd = createdFd {
            opened = nfd
        } else {
            do {
                opened = try io.open(path, flags: canWrite ? O_RDWR : O_RDONLY, mode: 0)
            } catch where error.code == ENOENT {
                throw .notFound(path: path)
            } catch where canWrite && (error.code == EACCES || error.code == EROFS || error.code == EPERM) {
                do {
                    opened = try io.open(path, flags: O_RDONLY, mode: 0)
                } catch {
                    throw .io(error)
                }
                canWrite = false
                readOnlyReason = .noWritePermission(error)
            } catch {
                throw .io(error)
            }
        }
        if options.readOnly { readOnlyReason = .requested }
        fd = opened
        writable = canWrite
        do {
            lock = try ProcessLock.acquire(path: path, identity: try io.identity(opened), io: io)
        } catch {
            io.close(opened)
            throw .io(error)
        }
    }

    deinit {
        io.close(fd)
        lock.release()
    }

    // MARK: Reading

    /// Delivers every whole record added since the last call (by anyone) and
    /// returns how many. Cheap when nothing changed: one `fstat`.
    @discardableResult
    public func poll(_ deliver: (LogRecord) throws -> Void) throws -> Int {
        try poll(decode: { ArraySlice($0.data) }, apply: { envelope, data in try deliver(LogRecord(envelope: envelope, data: data)) })
    }

    /// Like `poll(_:)`, handing over the envelopes only (checked, in order,
    /// without the bytes of `data`): the least a reader can ask for.
    @discardableResult
    public func pollEnvelopes(_ deliver: (LogEnvelope) throws -> Void) throws -> Int {
        try poll(decode: { _ in () }, apply: { envelope, _ in try deliver(envelope) })
    }

    /// Like `poll(_:)`, with a per-record `decode` that runs in parallel on
    /// all cores together with the checksum and envelope work (e.g. parsing
    /// the payload into a domain event); `apply` then sees records strictly
    /// in file order on the calling thread (`Options.decodeThreads` sets how
    /// many threads decode). `decode` runs while `apply` is still applying
    /// earlier records, so it must not read anything `apply` changes: it
    /// sees only the record's bytes. `apply` gets the envelope and what
    /// `decode` made of the record; the bytes themselves are not kept (the
    /// scan reuses its buffers), so a reader that wants them copies them in
    /// `decode`, as `poll(_:)` does.
    @discardableResult
    public func poll<T>(decode: @escaping @Sendable (RecordView) -> T, apply: (LogEnvelope, T) throws -> Void) throws -> Int {
        if isStopped || scanning { return 0 }
        if try !lookAhead(1).newBytes { return 0 }
        var count = try scanNew(to: try currentSize(), decode: decode, apply: apply)
        if case .corrupt = end {
            // A reader without the lock can race a writer repairing a torn tail;
            // look again under a shared lock before calling it damage.
            count += try lock.withShared { () throws -> Int in
                end = .clean
                return try scanNew(to: try currentSize(), decode: decode, apply: apply)
            }
        }
        if case .corrupt(let c) = end { readOnlyReason = .corrupt(c) }
        if case .newer(let n) = end { readOnlyReason = .newer(n) }
        return count
    }

    /// Whether the file may hold bytes not read yet, and how many NUL bytes
    /// (free space) are known to follow the records, up to `count`. Bytes are
    /// only ever written at the end of the records, and every line starts with
    /// a checksum digit: NULs there mean nothing new since the last scan, and
    /// anything else — a torn tail included — is read again (a torn tail may
    /// have been set aside and written over at the same file size, so an
    /// append never cuts what it only remembers as torn). This
    /// reads the file instead of asking its size: an `fstat` before each append
    /// made the `fdatasync` after it ~35 µs slower on this machine's ext4 (it
    /// then writes the inode), measured with a C probe.
    private func lookAhead(_ count: Int) throws -> (newBytes: Bool, zeros: Int) {
        if seenSize < 0 { return (true, 0) }
        var probe = [UInt8](repeating: 0, count: count)
        let got = try mappingIO { try probe.withUnsafeMutableBytes { try readFully(fd, $0, at: committedEnd) } }
        if got == 0 { return (try currentSize() != seenSize, 0) }
        if got < count { probe.removeLast(count - got) }
        return Self.nulRun(probe) == got ? (false, got) : (true, 0)
    }

    private var isStopped: Bool {
        switch end {
        case .corrupt, .newer: return true
        default: return false
        }
    }

    /// Reads `[committedEnd, size)`, delivers whole records, classifies the rest.
    private func scanNew<T>(to size: Int, decode: @escaping @Sendable (RecordView) -> T,
                            apply: (LogEnvelope, T) throws -> Void) throws -> Int {
        guard !scanning else { throw LogError.nestedAppend }
        scanning = true
        defer { scanning = false }
        if size < committedEnd {
            let c = Corruption(line: committedLine, offset: size, problem: .badRecord(.badEnvelope("file shrank below \(committedEnd) bytes")), validRecordsAfter: 0)
            end = .corrupt(c)
            return 0
        }
        var scanner = LogScanner<T>(startOffset: committedEnd, startLine: committedLine, lastSeq: lastSeq, isKnownType: options.isKnownType)
        var delivered = 0
        // What was handed out stays handed out, also when the scan throws (a
        // failed read, a throwing `apply`): the next poll goes on after it,
        // not from the start of this scan. (Records of a batch being handed
        // out when `apply` threw come again, with the whole batch.)
        defer {
            lastSeq = scanner.lastSeq
            committedEnd = scanner.committedEnd
            committedLine = scanner.committedLine
            recordCount += delivered
        }
        var offset = committedEnd
        // Fast path: slices decoded on all cores into finished records, then
        // taken in order while the other cores decode further on. From a
        // slice holding anything but whole records of known types, the rest
        // is read again line by line, which names what is wrong.
        // A long read maps the bytes no writer can take back instead of
        // copying them out of the page cache (two cores scanned 1M records,
        // 300 MB, in 67–71 ms mapped against 74–76 ms copied).
        let mapped = size - offset >= Self.mapThreshold ? mapStable(from: offset, to: size) : nil
        defer { if let mapped { io.unmap(mapped.bytes) } }
        bytesMapped += mapped?.bytes.count ?? 0
        // The bytes after the last newline (an unfinished append, free space),
        // as the reading found them: not read a second time.
        var tail: [UInt8] = []
        if offset < size {
            let slices = SliceDecode(io: io, fd: fd, from: offset, to: size, fileSize: size, mapped: mapped, threads: options.decodeThreads,
                                     cache: cache, isKnownType: options.isKnownType, decode: decode)
            // Never leave a slice decoding behind (it reads through this log's descriptor and the mapping).
            defer {
                slices.stop()
                cache = slices.cache
                helperWaitsForRoom += slices.waitsForRoom
            }
            var lineByLine = false
            while var slice = slices.next() {
                if let failure = slice.failure { throw LogError.io(failure) }
                guard slice.allGood else {
                    lineByLine = true
                    // Nothing more of the fast path is wanted: the helpers stop now, not after the reading below.
                    slices.stop()
                    (offset, tail) = try scanLineByLine(from: offset, to: size, scanner: &scanner, decode: decode) { record, value in
                        try apply(record, value)
                        delivered += 1
                    }
                    break
                }
                offset = slice.end ?? offset
                if let t = slice.tail { tail = t }
                // In place: a record is ~150 bytes, copying each out cost more than taking it.
                try SliceDecode.take(&slice, into: &scanner) { record, value in
                    try apply(record, value)
                    delivered += 1
                }
                if scanner.stopped { break }
            }
            if !lineByLine, !scanner.stopped, offset < size, tail.isEmpty {
                // Cannot happen (the last line either ends the file or starts
                // the tail); read what is there rather than call the file clean.
                tail = try mappingIO { try io.read(fd, from: offset, to: size) }
            }
        }
        let stoppedAt = offset
        if scanner.stopped { tail = [] }
        let tailStart = scanner.stopped ? size : offset
        var e = scanner.finish(fileEnd: tailStart + tail.count, freeSpace: Self.nulRun(tail))
        // The scanner stops at the first valid record after a bad one (that
        // settles corruption, not a torn tail); the rest is counted, so that
        // the status line and `verify` say how much was left unread.
        if case .corrupt(var c) = e, case .badRecord = c.problem, c.validRecordsAfter > 0 {
            c.validRecordsAfter += try countValidRecords(from: stoppedAt, to: size)
            e = .corrupt(c)
        }
        end = e
        seenSize = tailStart + tail.count
        return delivered
    }

    /// Times the scans' helper threads waited for room in their window (tests).
    private(set) var helperWaitsForRoom = 0

    /// Bytes mapped by this handle's scans so far (which way a scan read:
    /// tests and the stress tool look).
    public private(set) var bytesMapped = 0

    /// Reads shorter than this go through `pread` only.
    static let mapThreshold = 1 << 20

    /// Maps the file from `from` (rounded down to a page) up to where its
    /// bytes are sure to stay (`stableEnd`), at most `to`; nil when that is
    /// not worth it or cannot be had.
    private func mapStable(from: Int, to: Int) -> MappedBytes? {
        guard let stable = stableEnd() else { return nil }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let offset = from / page * page
        let end = min(stable, to)
        guard end - from >= Self.mapThreshold, let bytes = io.map(fd, offset: offset, length: end - offset) else { return nil }
        return MappedBytes(offset: offset, bytes: bytes)
    }

    /// Where the file's bytes are sure to stay: the end of its last record
    /// when that record ends a batch and nothing but free space follows it,
    /// as found under a shared lock (so no append is half done). Writers only
    /// ever cut the file at or after that point — a torn tail at its start
    /// (read again under the exclusive lock first: `lookAhead`), a failed
    /// append back to where it began — so bytes before it may be
    /// mapped: a reader touching a mapped page a writer cut off would be
    /// killed (SIGBUS). Nil when the lock is busy, when the file ends in a
    /// torn tail, or when its end cannot be read: the scan then uses `pread`.
    /// (Someone cutting the file by hand while a reader maps it is not
    /// covered; the README says not to.)
    func stableEnd() -> Int? {
        lock.tryShared { () -> Int? in
            guard let size = try? currentSize(), size > 0 else { return nil }
            // The file's last bytes, read backwards in growing blocks (each read
            // once) until the last record's start is among them: 64 KiB holds
            // it but behind much free space or a very long line; at most 16 MiB.
            var from = size
            var bytes: [UInt8] = []
            var block = 64 << 10
            while from > 0, size - from < 16 << 20 {
                let start = max(0, from - block)
                guard let more = try? io.read(fd, from: start, to: from), more.count == from - start else { return nil }
                bytes = more + bytes
                from = start
                switch Self.lastRecordEnd(bytes, at: from) {
                case .end(let end): return end
                case .torn: return nil
                case .notInWindow: block *= 4
                }
            }
            return nil
        } ?? nil
    }

    enum LastRecordEnd: Equatable { case end(Int), torn, notInWindow }

    /// Where the last record in `bytes` (the file's bytes from `at` to its
    /// end) ends, when it is whole, ends a batch (or stands alone), and
    /// only NULs (free space) follow it.
    static func lastRecordEnd(_ bytes: [UInt8], at: Int) -> LastRecordEnd {
        guard let last = bytes.lastIndex(where: { $0 != 0 }) else { return .notInWindow }
        guard bytes[last] == 0x0A else { return .torn }
        guard let lineStart = bytes[..<last].lastIndex(of: 0x0A).map({ $0 + 1 }) ?? (at == 0 ? 0 : nil) else { return .notInWindow }
        var cache = EnvelopeCache()
        let decoded = bytes.withUnsafeBytes { Envelope.decode(line: UnsafeRawBufferPointer(rebasing: $0[lineStart..<last]), cache: &cache) }
        guard case .success(let f) = decoded, f.batchCount <= 1 || f.batchIndex == f.batchCount else { return .torn }
        return .end(at + last + 1)
    }

    /// Bytes read again line by line because a slice was not all whole records
    /// of known types (tests check that a clean log never needs it).
    private(set) var bytesReadLineByLine = 0

    /// Reads `[offset, size)` on this thread, line by line through the
    /// scanner (which classifies damage); returns where reading stopped (after
    /// the last complete line) and the bytes after it.
    private func scanLineByLine<T>(from start: Int, to size: Int, scanner: inout LogScanner<T>, decode: (RecordView) -> T,
                                   emit: (LogEnvelope, T) throws -> Void) throws -> (end: Int, tail: [UInt8]) {
        var offset = start
        var carry: [UInt8] = []
        while offset < size, !scanner.stopped {
            // The unfinished line before, then the next chunk, read in after it.
            let chunk = try mappingIO { try io.read(fd, from: offset, to: min(size, offset + options.chunkSize), keeping: carry[...]) }
            let read = chunk.count - carry.count
            if read == 0 { break }
            bytesReadLineByLine += read
            let used = try scanner.scan(chunk, base: offset - carry.count, decode: decode, emit: emit)
            carry = Array(chunk[used...])
            offset += read
        }
        return (offset - carry.count, carry)
    }

    /// Whole, valid records (checksum and envelope) among the lines in
    /// `[start, size)`, `start` a line start: what corruption leaves unread.
    private func countValidRecords(from start: Int, to size: Int) throws -> Int {
        var offset = start, count = 0
        var carry: [UInt8] = []
        var cache = EnvelopeCache()
        while offset < size {
            let chunk = try mappingIO { try io.read(fd, from: offset, to: min(size, offset + options.chunkSize), keeping: carry[...]) }
            let read = chunk.count - carry.count
            if read == 0 { break }
            var lineStart = 0
            chunk.withUnsafeBytes { buf in
                while let nl = Lines.newline(in: buf, from: lineStart) {
                    if case .fields = DecodedLine.decode(buf, start: lineStart, newline: nl, cache: &cache) { count += 1 }
                    lineStart = nl + 1
                }
            }
            carry = Array(chunk[lineStart...])
            offset += read
        }
        return count
    }

    /// Length of `bytes` when every byte is NUL, else 0.
    static func nulRun(_ bytes: some ContiguousBytes) -> Int {
        bytes.withUnsafeBytes { b -> Int in
            var i = 0
            // Eight bytes at a time, then the rest.
            while i + 8 <= b.count {
                if b.loadUnaligned(fromByteOffset: i, as: UInt64.self) != 0 { return 0 }
                i += 8
            }
            while i < b.count {
                if b[i] != 0 { return 0 }
                i += 1
            }
            return b.count
        }
    }

    /// Reads back the whole record whose line starts at `offset` (an offset a
    /// delivered record had). Records are immutable, so no lock is needed.
    public func record(at offset: Int) throws -> LogRecord {
        guard offset >= 0, offset < committedEnd else { throw LogError.io(IOFailure("record", path, EINVAL)) }
        var size = 512
        while true {
            let want = min(size, committedEnd - offset)
            var bytes = [UInt8](repeating: 0, count: want)
            let got = try mappingIO { try bytes.withUnsafeMutableBytes { try readFully(fd, $0, at: offset) } }
            bytes.removeLast(want - got)
            if let nl = bytes.firstIndex(of: 0x0A) {
                var cache = EnvelopeCache()
                let decoded = bytes.withUnsafeBytes { Envelope.decode(line: UnsafeRawBufferPointer(rebasing: $0[..<nl]), cache: &cache) }
                guard case .success(let f) = decoded else { throw LogError.io(IOFailure("record", path, EILSEQ)) }
                return f.record(in: bytes, lineStart: 0, newline: nl, offset: offset)
            }
            guard want < committedEnd - offset else { throw LogError.io(IOFailure("record", path, EILSEQ)) }
            size *= 4
        }
    }

    // MARK: Appending

    /// Appends the events `prepare` returns as one all-or-nothing batch.
    ///
    /// Under the exclusive lock: first the records other processes added are
    /// passed to `prepare` (apply them, then validate against the now-current
    /// state and return the drafts, or throw to append nothing); then a torn
    /// tail is set aside; then one write, `fdatasync`, and only then success.
    /// Returns the records as written. `by` is the session's identity.
    public func append(by: String, _ prepare: ([LogRecord]) throws -> [EventDraft]) throws -> [LogRecord] {
        if let reason = readOnlyReason { throw LogError.readOnly(reason) }
        guard writable else { throw LogError.readOnly(.requested) }
        if scanning { throw LogError.nestedAppend }
        return try lock.withExclusive { () throws -> [LogRecord] in
            var caughtUp: [LogRecord] = []
            var (newBytes, room) = try lookAhead(4096)
            if newBytes {
                _ = try scanNew(to: try currentSize(), decode: { ArraySlice($0.data) },
                                apply: { caughtUp.append(LogRecord(envelope: $0, data: $1)) })
                room = 0
            }
            if case .corrupt(let c) = end { readOnlyReason = .corrupt(c); throw LogError.readOnly(.corrupt(c)) }
            if case .newer(let n) = end { readOnlyReason = .newer(n); throw LogError.readOnly(.newer(n)) }
            let drafts = try prepare(caughtUp)
            if drafts.isEmpty { return [] }
            if case .tornTail(let offset, let length, _, _) = end {
                try setAside(offset: offset, length: length)
                room = 0
            }
            let now = Timestamp(options.clock(), timeZone: options.timeZone)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(drafts.count * 256)
            let n = drafts.count
            for (k, d) in drafts.enumerated() {
                Envelope.appendLine(id: d.id, seq: lastSeq + UInt64(k) + 1, at: now, by: by, type: d.type,
                                    batchIndex: n > 1 ? k + 1 : 0, batchCount: n > 1 ? n : 0, data: d.data, into: &bytes)
            }
            let start = committedEnd
            let ids = drafts.map(\.id)
            // Room: when the free space seen ahead is too small, look at the
            // size, and add free space if needed (a hole that reads as NULs).
            var fileSize = seenSize
            if bytes.count > room {
                fileSize = try currentSize()
                if start + bytes.count > fileSize {
                    let grown = start + bytes.count + options.freeSpaceStep
                    do {
                        try io.ftruncate(fd, length: grown)
                    } catch let error as IOFailure {
                        throw LogError.notSaved(cause: error, landed: false)
                    }
                    fileSize = grown
                }
            }
            do {
                try writeAll(bytes, to: fd, at: start)
            } catch let error as IOFailure {
                // Nothing acknowledged: take the partial bytes back if we can,
                // then look at the file again to say whether anything landed.
                try? io.ftruncate(fd, length: start)
                throw LogError.notSaved(cause: error, landed: try landed(ids, from: start))
            }
            do {
                try io.fdatasync(fd)
            } catch let error as IOFailure {
                // After a failed fsync the page cache may be clean-but-unwritten:
                // never retry and trust. Reopen and report what the file holds.
                let found = try reopenAndFind(ids, from: start)
                throw LogError.notSaved(cause: error, landed: found)
            }
            var written: [LogRecord] = []
            var scanner = LogScanner<ArraySlice<UInt8>>(startOffset: start, startLine: committedLine, lastSeq: lastSeq, isKnownType: { _ in true })
            scanner.cache = cache
            _ = scanner.scan(bytes, base: start) { written.append($0) }
            cache = scanner.cache
            precondition(written.count == n && scanner.committedEnd == start + bytes.count, "log encoder produced an unreadable line")
            lastSeq = scanner.lastSeq
            committedEnd = scanner.committedEnd
            committedLine = scanner.committedLine
            recordCount += n
            seenSize = fileSize
            end = .clean
            return written
        }
    }

    func currentSize() throws -> Int { try mappingIO { try io.size(fd) } }

    /// One write of the whole buffer, looping on short writes.
    private func writeAll(_ bytes: [UInt8], to descriptor: Int32, at offset: Int) throws {
        try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var done = 0
            while done < raw.count {
                let n = try io.pwrite(descriptor, UnsafeRawBufferPointer(rebasing: raw[done...]), offset: offset + done)
                if n <= 0 { throw IOFailure("pwrite", path, EIO) }
                done += n
            }
        }
    }

    /// Reads until the buffer is full or the file ends; returns the byte count.
    private func readFully(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
        try io.readFully(descriptor, buffer, at: offset)
    }

    /// Whether all `ids` are whole records in the file after `from`.
    private func landed(_ ids: [UUID], from: Int, in descriptor: Int32? = nil) throws -> Bool {
        let d = descriptor ?? fd
        let size = try mappingIO { try io.size(d) }
        guard size > from else { return false }
        var bytes = [UInt8](repeating: 0, count: size - from)
        let got = try mappingIO { try bytes.withUnsafeMutableBytes { try readFully(d, $0, at: from) } }
        bytes.removeLast(bytes.count - got)
        var scanner = LogScanner<Void>(startOffset: from, startLine: committedLine, lastSeq: lastSeq, isKnownType: { _ in true })
        var found = Set<UUID>()
        _ = scanner.scan(bytes, base: from, decode: { _ in () }) { envelope, _ in found.insert(envelope.id) }
        return ids.allSatisfy(found.contains)
    }

    private func reopenAndFind(_ ids: [UUID], from: Int) throws -> Bool {
        let fresh = try mappingIO { try io.open(path, flags: O_RDWR, mode: 0) }
        io.close(fd)
        fd = fresh
        seenSize = -1
        return try landed(ids, from: from)
    }

    /// Copies a torn tail to a side file (synced) and truncates the log to the
    /// last whole record.
    private func setAside(offset: Int, length: Int) throws {
        var bytes = [UInt8](repeating: 0, count: length)
        try mappingIO {
            let got = try bytes.withUnsafeMutableBytes { try readFully(fd, $0, at: offset) }
            bytes.removeLast(length - got)
            // The free space after the torn bytes is not worth keeping.
            while bytes.last == 0 { bytes.removeLast() }
            let stamp = Timestamp(options.clock(), timeZone: options.timeZone).description.filter { $0.isNumber }
            let side = "\(path).torn-\(offset)-\(stamp)"
            let sfd = try io.open(side, flags: O_WRONLY | O_CREAT | O_TRUNC, mode: 0o660)
            defer { io.close(sfd) }
            try writeAll(bytes, to: sfd, at: 0)
            try io.fsync(sfd)
            try Self.syncDirectory(of: path, io: io)
            try io.ftruncate(fd, length: offset)
            try io.fdatasync(fd)
        }
        lastTailSetAside = "\(path).torn-\(offset)"
        end = .clean
        seenSize = -1
    }

    /// Prefix of the last side file written by this handle (for messages and tests).
    public private(set) var lastTailSetAside: String?

    static func syncDirectory(of path: String, io: any FileIO) throws(IOFailure) {
        let dir = (path as NSString).deletingLastPathComponent
        let dfd = try io.open(dir.isEmpty ? "." : dir, flags: O_RDONLY | O_DIRECTORY, mode: 0)
        defer { io.close(dfd) }
        try io.fsync(dfd)
    }
}
