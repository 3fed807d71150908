#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
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

/// Reads and decodes a span of the log on all cores. The span is cut into
/// slices of about 1 MiB that the threads take in turn; a thread reads its
/// slice itself (`pread` in 1 MiB pieces: the copy out of the page cache
/// runs in parallel too, and the bytes are still in its cache when decoded),
/// finds the lines that start in it, and checks and decodes them — checksum,
/// envelope, type, the caller's payload decode — into finished envelopes and
/// payloads that hold nothing of the bytes read (the thread reuses its read
/// buffer). What depends on order (seq, batches) is left to
/// `LogScanner.accept`, in order, over `slices`.
///
/// This is the fast path for a log whose lines are all whole records of known
/// types. When any line in the span is not, `allGood` is false and the caller
/// reads the span again line by line (`LogScanner.consume`), which classifies
/// the damage; so there is one way to judge a bad line, not two.
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

    /// Slices in file order, so their records are in file order (after `finish`).
    private(set) var slices: [Slice] = []

    /// Below this many bytes a span is read on the calling thread.
    static var parallelThreshold: Int { 1 << 20 }

    var allGood: Bool { slices.allSatisfy(\.allGood) }
    var failure: IOFailure? { slices.lazy.compactMap(\.failure).first }
    /// File offset after the last complete line in the span (nil: none).
    var end: Int? { slices.lazy.compactMap(\.end).last }
    /// The bytes after the file's last newline, when the span reaches them
    /// (nil: the file goes on, or ends with a newline).
    var tail: [UInt8]? { slices.lazy.compactMap(\.tail).first }
    /// The cache as the span's last line left it (after `finish`).
    private(set) var cache: EnvelopeCache

    private let work: @Sendable (Int) -> Void
    private let pieces: Int
    private let out: UnsafeMutableBufferPointer<(Slice, EnvelopeCache)>
    private let lock = NSLock()
    private var claimed = 0
    private var finished = false
    private let helpers = DispatchGroup()

    /// Starts decoding the lines that start in `[from, from + span)`, reading
    /// past the span's end (up to `fileSize`) to finish its last line; `from`
    /// must be a line start. Other threads (one fewer than `threads`, nil: one
    /// per core up to 8) begin at once, on slices of about 1 MiB taken in
    /// turn; the caller joins in `finish`. So while the caller still takes the
    /// records of the span before, the other cores already decode this one.
    /// `cache` seeds every slice's.
    init(io: any FileIO, fd: Int32, from: Int, span: Int, fileSize: Int, mapped: MappedBytes?, threads: Int?, cache: EnvelopeCache,
         isKnownType: @escaping @Sendable (String) -> Bool, decode: @escaping @Sendable (RecordView) -> T) {
        let cores = threads ?? min(ProcessInfo.processInfo.activeProcessorCount, 8)
        let parallel = span >= Self.parallelThreshold && cores > 1
        let pieces = parallel ? max(cores, span / Self.parallelThreshold) : 1
        self.pieces = pieces
        self.cache = cache
        // Each slice is written by the one thread that claimed it.
        nonisolated(unsafe) let out = UnsafeMutableBufferPointer<(Slice, EnvelopeCache)>.allocate(capacity: pieces)
        self.out = out
        work = { piece in
            var local = cache
            var slice = Slice()
            Self.decodeSlice(io: io, fd: fd, from: from + span * piece / pieces, to: from + span * (piece + 1) / pieces,
                             first: piece == 0, fileSize: fileSize, mapped: mapped, into: &slice, cache: &local,
                             isKnownType: isKnownType, decode: decode)
            (out.baseAddress! + piece).initialize(to: (slice, local))
        }
        if parallel {
            for _ in 1..<cores {
                helpers.enter()
                DispatchQueue.global().async { [self] in
                    decodeClaimed()
                    helpers.leave()
                }
            }
        }
    }

    deinit {
        // Helpers hold the span while they work, so none is working now:
        // the slices claimed are the ones written.
        if !finished { UnsafeMutableBufferPointer(rebasing: out[..<min(claimed, pieces)]).deinitialize() }
        out.deallocate()
    }

    /// Decodes slices nobody has claimed yet, until none are left.
    private func decodeClaimed() {
        while true {
            lock.lock()
            let piece = claimed
            claimed += 1
            lock.unlock()
            if piece >= pieces { return }
            work(piece)
        }
    }

    /// Helps with what is left, waits for the other threads, and gathers the slices.
    func finish() {
        guard !finished else { return }
        finished = true
        decodeClaimed()
        helpers.wait()
        slices = (0..<pieces).map { out[$0].0 }
        cache = out[pieces - 1].1
        out.deinitialize()
    }

    /// Hands every record to `scanner` in file order (which checks sequence
    /// and batches, and stops at the first problem).
    func take(into scanner: inout LogScanner<T>, emit: (LogEnvelope, T) throws -> Void) rethrows {
        for k in slices.indices {
            // Not `let slice = slices[k]`: a second reference to the records
            // would make the mutable access below copy them all.
            let values = slices[k].payloads
            try values.withUnsafeBufferPointer { payloads in
                try slices[k].records.withUnsafeMutableBufferPointer { records in
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
            if scanner.stopped { return }
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
            guard case .success(let f) = Envelope.decode(line: UnsafeRawBufferPointer(rebasing: buffer[start..<nl]), cache: &cache, crc: crc) else {
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
