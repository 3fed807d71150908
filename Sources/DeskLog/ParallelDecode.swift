#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What a parallel payload decoder sees of a record: the envelope fields and
/// the bytes of `data` (valid only during the call).
public struct RecordView {
    /// `type` as its number in the `NameTable` (no string per record for a
    /// decoder that does not look).
    let typeName: UInt32
    public let seq: UInt64
    public let data: UnsafeRawBufferPointer
    public var type: String { NameTable.shared.name(typeName) }
}

/// Bytes of the log mapped into memory: file offsets `[offset, offset + bytes.count)`,
/// bytes no writer will take back while they are mapped (see `EventLog.stableEnd`).
struct MappedBytes: @unchecked Sendable {
    let offset: Int
    let bytes: UnsafeRawBufferPointer
}

/// Reads and decodes a range of the log on all cores, handing the results
/// out in file order. The range is cut into slices of about 1 MiB that the
/// threads take in turn; a thread finds the lines that start in its slice,
/// reading them from the mapping (or by `pread` in 1 MiB pieces where
/// nothing is mapped: the copy out of the page cache then runs in parallel
/// too, and the bytes are still in its cache when decoded), and checks and
/// decodes them — checksum, envelope, type, the caller's payload decode —
/// into finished envelopes and payloads that hold nothing of the bytes read.
/// What depends on order (seq, batches) is left to `LogScanner.accept`, in
/// order, as the caller takes the slices (`next`).
///
/// One pipeline for the whole range, not a barrier per span: the helpers run
/// ahead while the caller takes records, up to `window` slices; the caller,
/// finding the slice it needs still being decoded, decodes one further on
/// instead of waiting. (Spans of 8 MiB with a wait at the end of each left a
/// core idle for half a slice 26 times in a 200 MB scan.)
///
/// This is the fast path for a log whose lines are all whole records of known
/// types. When a slice holds anything else, its `allGood` is false and the
/// caller reads on from there line by line (`LogScanner.consume`), which
/// classifies the damage; so there is one way to judge a bad line, not two.
final class SliceDecode<T>: @unchecked Sendable {
    struct Slice {
        var records: [LogEnvelope] = []
        var payloads: [T] = []
        /// File offset after the slice's last complete line (nil: none ends in it).
        var end: Int?
        /// The bytes after the file's last newline, when they start in this slice.
        var tail: [UInt8]?
        var allGood = true
        var failure: IOFailure?
    }

    /// Slice size, and below it a range is read on the calling thread.
    static var parallelThreshold: Int { 1 << 20 }
    /// Decoded slices not yet taken, at most (bounds the memory held).
    static var window: Int { 16 }

    /// The cache as the caller's thread left it.
    private(set) var cache: EnvelopeCache

    private let work: @Sendable (Int, inout EnvelopeCache) -> Slice
    private let pieces: Int
    private var done: [Slice?]
    private let condition = NSCondition()
    /// Next slice to claim, next to hand out; `stopping`: claim no more.
    private var claimed = 0
    private var taken = 0
    private var stopping = false
    /// Helpers that have begun and not yet left. One that begins after
    /// `stop` leaves at once, touching nothing but this object; so `stop`
    /// waits only for these, never for a helper not started yet. (When the
    /// helpers were blocks on the global dispatch queue, a test holding all
    /// its threads made a scan wait for them forever; a thread of its own
    /// may still start late on a loaded machine.)
    private var running = 0

    /// Starts decoding the lines that start in `[from, to)`, reading past
    /// `to` (up to `fileSize`) to finish the last line; `from` must be a line
    /// start. Other threads (one fewer than `threads`, nil: one per core up
    /// to 8) begin at once; the caller joins in `next`. `cache` seeds every
    /// thread's.
    init(io: any FileIO, fd: Int32, from: Int, to: Int, fileSize: Int, mapped: MappedBytes?, threads: Int?, cache: EnvelopeCache,
         isKnownType: @escaping @Sendable (String) -> Bool, decode: @escaping @Sendable (RecordView) -> T) {
        let cores = threads ?? min(ProcessInfo.processInfo.activeProcessorCount, 8)
        let span = to - from
        let parallel = span >= Self.parallelThreshold && cores > 1
        // Slices of about 1 MiB (at least one per thread): records held for
        // a slice at a time, not for the whole range, on one thread too.
        let pieces = max(parallel ? cores : 1, span / Self.parallelThreshold)
        self.pieces = pieces
        self.cache = cache
        done = Array(repeating: nil, count: pieces)
        work = { piece, local in
            var slice = Slice()
            Self.decodeSlice(io: io, fd: fd, from: from + span * piece / pieces, to: from + span * (piece + 1) / pieces,
                             first: piece == 0, fileSize: fileSize, mapped: mapped, into: &slice, cache: &local,
                             isKnownType: isKnownType, decode: decode)
            return slice
        }
        if parallel {
            for _ in 1..<cores {
                // A thread of its own, not the global dispatch queue, whose
                // threads other work may hold (then the helpers would not
                // start at all: tests saw it).
                let helper = Thread { [self] in
                    condition.lock()
                    guard !stopping else {
                        condition.unlock()
                        return
                    }
                    running += 1
                    condition.unlock()
                    var local = cache
                    while let piece = claim() { finished(piece, work(piece, &local)) }
                    condition.lock()
                    running -= 1
                    condition.broadcast()
                    condition.unlock()
                }
                helper.start()
            }
        }
    }

    /// The next slice for a helper to decode: in order, within the window
    /// ahead of the caller (waiting for room). Nil when none is left or the
    /// pipeline stops.
    private func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopping && claimed < pieces && claimed >= taken + Self.window {
            waitsForRoom += 1
            condition.wait()
        }
        guard !stopping, claimed < pieces else { return nil }
        claimed += 1
        return claimed - 1
    }

    /// Times a helper waited for the caller to make room in the window
    /// (read after `stop`; tests check the waiting is exercised).
    private(set) var waitsForRoom = 0

    private func finished(_ piece: Int, _ slice: Slice) {
        condition.lock()
        done[piece] = slice
        condition.broadcast()
        condition.unlock()
    }

    /// The next slice in file order (nil after the last): decoded by a
    /// helper, or by this thread when none has claimed it yet; while a helper
    /// is still on it, this thread decodes a later one rather than wait.
    func next() -> Slice? {
        condition.lock()
        while taken < pieces {
            if let slice = done[taken] {
                done[taken] = nil
                taken += 1
                condition.broadcast()
                condition.unlock()
                return slice
            }
            if !stopping, claimed < pieces, claimed < taken + Self.window {
                let piece = claimed
                claimed += 1
                condition.unlock()
                let slice = work(piece, &cache)
                condition.lock()
                done[piece] = slice
                continue
            }
            condition.wait()
        }
        condition.unlock()
        return nil
    }

    /// Claims no more slices and waits for the helpers at work: after this
    /// nothing reads through the descriptor or the mapping. The caller must
    /// call it (helpers still waiting for room would wait on).
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    /// Hands every record of `slice` to `scanner` in file order (which checks
    /// sequence and batches, and stops at the first problem).
    static func take(_ slice: inout Slice, into scanner: inout LogScanner<T>, emit: (LogEnvelope, T) throws -> Void) rethrows {
        // Not `let values = slice` and a second reference to the records:
        // the mutable access below would copy them all.
        let values = slice.payloads
        try values.withUnsafeBufferPointer { payloads in
            try slice.records.withUnsafeMutableBufferPointer { records in
                var i = 0
                while i < records.count {
                    let record = records.baseAddress! + i
                    // A batch wholly inside the slice goes out in place.
                    let n = record.pointee.batchCount
                    if record.pointee.batchIndex == 1, n > 1, i + n <= records.count,
                       try scanner.acceptBatch(UnsafeMutableBufferPointer(rebasing: records[i..<(i + n)]),
                                               payloads: UnsafeBufferPointer(rebasing: payloads[i..<(i + n)]), emit: emit) {
                        i += n
                        continue
                    }
                    try scanner.accept(&record.pointee, payload: { payloads[i] }, typeChecked: true, emit: emit)
                    if scanner.stopped { return }
                    i += 1
                }
            }
        }
    }

    /// One thread's share: the lines starting in `[lo, hi)`.
    @_specialize(exported: false, where T == ())
    private static func decodeSlice(io: any FileIO, fd: Int32, from lo: Int, to hi: Int, first: Bool, fileSize: Int, mapped: MappedBytes?,
                                    into slice: inout Slice, cache: inout EnvelopeCache,
                                    isKnownType: @Sendable (String) -> Bool, decode: @Sendable (RecordView) -> T) {
        // The byte before `lo` says whether a line starts at `lo`.
        var base = first ? lo : lo - 1
        /// The file's bytes `[base, base + buffer.count)`: where the file is
        /// mapped, the mapping itself (no copy at all); past it, or where
        /// nothing is mapped, what was read into `storage`.
        var buffer = UnsafeRawBufferPointer(start: nil, count: 0)
        if let m = mapped, base >= m.offset, base < m.offset + m.bytes.count {
            buffer = UnsafeRawBufferPointer(rebasing: m.bytes[(base - m.offset)...])
        }
        // Reads go in pieces small enough to stay in the core's cache between
        // the copy out of the page cache and the decoding (one big read per
        // slice went to memory and back), into one buffer used again for
        // every piece: no record keeps a reference to it, so the copy lands
        // in memory that is still in the cache.
        var storage = UnsafeMutableRawBufferPointer(start: nil, count: 0)
        defer { storage.deallocate() }
        var start = 0
        var seekingFirst = !first
        slice.records.reserveCapacity((hi - lo) / 200 + 16)
        slice.payloads.reserveCapacity((hi - lo) / 200 + 16)
        var known: [UInt32] = []
        // The checksum of the line after this one, when worked out with this one's.
        var next: (start: Int, newline: Int, crc: UInt32)?
        while true {
            let found = next?.start == start ? next?.newline : Lines.newline(in: buffer, from: start)
            guard let nl = found else {
                // The line goes on past what was read or mapped (or nothing is
                // yet): read on, keeping its bytes at the front.
                let readTo = base + buffer.count
                if readTo >= fileSize, !seekingFirst, base + start < hi {
                    // The file ends inside this slice's last line: what an append left unfinished, or free space.
                    slice.tail = Array(buffer[start...])
                }
                if readTo >= fileSize || (seekingFirst ? readTo >= hi : base + start >= hi) { break }
                let kept = buffer.count - start
                if storage.baseAddress == nil || kept * 2 > storage.count {
                    // A line longer than half the buffer: one twice its length.
                    let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: max(pieceSize, kept * 2), alignment: 16)
                    if kept > 0 { bigger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[start...])) }
                    storage.deallocate()
                    storage = bigger
                } else if kept > 0 {
                    // From the mapping, or to the front of `storage` itself.
                    memmove(storage.baseAddress!, buffer.baseAddress! + start, kept)
                }
                // Up to the slice's end and a little past it (its last line
                // goes on there): bytes past that are the next slice's to read.
                let need = readTo < hi ? hi - readTo + 1024 : 4096
                let want = min(fileSize - readTo, storage.count - kept, need)
                let got: Int
                do {
                    got = try io.readFully(fd, UnsafeMutableRawBufferPointer(rebasing: storage[kept..<(kept + want)]), at: readTo)
                } catch {
                    slice.failure = error
                    slice.allGood = false
                    break
                }
                // The file shrank under us.
                if got == 0 { slice.allGood = false; break }
                buffer = UnsafeRawBufferPointer(start: storage.baseAddress, count: kept + got)
                base += start
                start = 0
                next = nil
                continue
            }
            if seekingFirst {
                seekingFirst = false
                start = nl + 1
                continue
            }
            if base + start >= hi { break }
            var crc: UInt32?
            if let n = next, n.start == start {
                crc = n.crc
            } else if nl - start > 9, base + nl + 1 < hi, let nl2 = Lines.newline(in: buffer, from: nl + 1), nl2 - nl > 10 {
                // Checksums cover the JSON, after the 8 digits and the space.
                let (a, b) = CRC32C.checksums(UnsafeRawBufferPointer(rebasing: buffer[(start + 9)..<nl]),
                                              UnsafeRawBufferPointer(rebasing: buffer[(nl + 10)..<nl2]))
                crc = a
                next = (nl + 1, nl2, b)
            }
            let line = UnsafeRawBufferPointer(rebasing: buffer[start..<nl])
            let f: Envelope.Fields
            // The writer's form decoded here, inline: through `decode`'s
            // `Result` the fields went out and back through memory in pieces
            // of other sizes, a stall per record.
            if line.count > 9, let fast = Envelope.decodeWritersForm(
                line: line, crc: crc ?? CRC32C.checksum(UnsafeRawBufferPointer(rebasing: line[9...])), cache: &cache) {
                f = fast
            } else if case .success(let slow) = Envelope.decode(line: line, cache: &cache, crc: crc) {
                f = slow
            } else {
                slice.allGood = false
                break
            }
            // Known types by their numbers in the `NameTable`: no string
            // comparison per record.
            if !known.contains(f.typeName) {
                guard isKnownType(f.type) else {
                    slice.allGood = false
                    break
                }
                if known.count < 16 { known.append(f.typeName) }
            }
            slice.payloads.append(decode(f.view(in: buffer, lineStart: start)))
            slice.records.append(f.envelope(offset: base + start, length: nl + 1 - start))
            start = nl + 1
            slice.end = base + start
        }
    }

    /// Bytes read per `pread` while decoding a slice: small enough to still
    /// be in the core's cache (2 MiB of L2 here) when the lines are decoded,
    /// large enough that the copy out of the page cache runs at full speed
    /// (a C probe here: 300 MB in 256 KiB pieces 28 ms, in 1 MiB 16 ms).
    static var pieceSize: Int { 1 << 20 }
}
