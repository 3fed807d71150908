@testable import DeskLog
import Dispatch
import Foundation
import Synchronization
import Testing

/// The pieces of the fast envelope decoder, each against a plain reference:
/// eight hex digits in a word, the keys as words, UUIDs, interned strings,
/// the day cache, two checksums at once, and the slice decoder's pipeline.
@Suite struct EnvelopeDecodeTests {
    /// Reference: the value of eight hex digits, or nil.
    static func slowHex(_ s: [UInt8], upper: Bool) -> UInt32? {
        var v: UInt32 = 0
        for c in s {
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            case 0x41...0x46 where upper: d = UInt32(c - 0x41 + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    @Test func eightHexDigitsInAWordMatchTheirValueAndEveryNonDigitIsRefused() {
        var rng = SplitMix(state: 11)
        let alphabet = Array("0123456789abcdefABCDEF".utf8)
        for round in 0..<20_000 {
            var s = (0..<8).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            // One round in four puts an arbitrary byte somewhere (often not a digit).
            if round % 4 == 0 { s[Int(rng.next() % 8)] = UInt8(truncatingIfNeeded: rng.next()) }
            let w = s.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            for upper in [false, true] {
                let fast = Hex.word8(w, upper: upper)
                let slow = Self.slowHex(s, upper: upper)
                #expect(fast.ok == (slow != nil), "\(String(decoding: s, as: UTF8.self)) upper \(upper)")
                if let slow { #expect(fast.bytes.byteSwapped == slow) }
            }
        }
        // Every single byte value in every position.
        for position in 0..<8 {
            for byte in 0...255 {
                var s = Array("0a1b2c3d".utf8)
                s[position] = UInt8(byte)
                let w = s.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(Hex.word8(w, upper: false).ok == (Self.slowHex(s, upper: false) != nil))
            }
        }
    }

    @Test func everyKeyWordSpellsItsKey() {
        for (text, key) in Envelope.Key.all {
            let bytes = Array(text.utf8)
            #expect(bytes.count == key.count && key.count <= 8, "\(text)")
            var word: UInt64 = 0
            for (k, b) in bytes.enumerated() { word |= UInt64(b) << (8 * UInt64(k)) }
            #expect(word == key.word, "\(text)")
        }
    }

    @Test func uuidsReadAsFoundationWritesThemAndAnyOtherByteIsRefused() {
        var rng = SplitMix(state: 3)
        for round in 0..<5_000 {
            let id = UUID()
            var text = Array((round % 2 == 0 ? id.uuidString.lowercased() : id.uuidString).utf8)
            let parsed = text.withUnsafeBytes { Envelope.parseUUID($0) }
            #expect(parsed == id)
            // One byte changed to a neighbour of the digit ranges, a space or a dash:
            // still a UUID only when it is a dash where a dash goes. (Foundation's
            // own parser is laxer: it reads "-031b02f-…" as 0031b02f.)
            let at = Int(rng.next() % 36)
            let dashPlace = [8, 13, 18, 23].contains(at)
            text[at] = [0x67, 0x2F, 0x3A, 0x40, 0x47, 0x60, 0x20, 0x2D][Int(rng.next() % 8)]
            let stillValid = dashPlace && text[at] == 0x2D
            #expect(text.withUnsafeBytes { Envelope.parseUUID($0) } == (stillValid ? id : nil), "\(String(decoding: text, as: UTF8.self))")
        }
    }

    @Test func nameNumbersNameTheirBytesAtEveryLengthAndAreNeverConfused() {
        var names = NameCache()
        func name(_ b: UnsafeRawBufferPointer, loadable: Int) -> String { NameTable.shared.name(names.number(b, loadable: loadable)) }
        var rng = SplitMix(state: 5)
        // Lengths around the word edges; bytes past the value differ from call to call.
        for _ in 0..<20_000 {
            let n = Int(rng.next() % 21)
            let value = (0..<n).map { _ in UInt8(0x61 + rng.next() % 3) }
            let padded = value + (0..<16).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let s = padded.withUnsafeBytes { b in
                name(UnsafeRawBufferPointer(rebasing: b[..<n]), loadable: rng.next() % 2 == 0 ? b.count : n)
            }
            #expect(Array(s.utf8) == value)
        }
        // Non-ASCII, and values longer than a word pair.
        for text in ["张三", "李红梅", "booking.attendee_removed", "ticket.reclassified", "S001", ""] {
            let bytes = Array(text.utf8)
            let a = bytes.withUnsafeBytes { name($0, loadable: $0.count) }
            let b = (bytes + [0x22, 0x2C, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).withUnsafeBytes {
                name(UnsafeRawBufferPointer(rebasing: $0[..<bytes.count]), loadable: $0.count)
            }
            #expect(a == text && b == text)
        }
    }

    /// The process-wide numbers for `by` and `type`: eight threads asking at
    /// once for overlapping names (through a `NameCache`, as the decoding
    /// threads do, and directly) get one number per name, every number names
    /// its string, and an envelope's `by`/`type` read back what was set.
    @Test func everyNameGetsOneNumberFromEveryThreadAndReadsBack() {
        let names = (0..<3_000).map { i in i % 3 == 0 ? "S\(i)" : i % 3 == 1 ? "type.\(i).事件" : "booking.attendee_removed.\(i)" }
        let results = Mutex<[[UInt32]]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            var cache = NameCache()
            var mine = [UInt32](repeating: 0, count: names.count)
            // Each thread goes through the names in its own order.
            for k in 0..<names.count {
                let i = (k * 7 + thread * 389) % names.count
                let bytes = Array(names[i].utf8) + Array(repeating: 0x22, count: 16)
                mine[i] = thread % 2 == 0
                    ? bytes.withUnsafeBytes { cache.number(UnsafeRawBufferPointer(rebasing: $0[..<names[i].utf8.count]), loadable: $0.count) }
                    : NameTable.shared.number(for: names[i])
            }
            results.withLock { $0.append(mine) }
        }
        let all = results.withLock { $0 }
        #expect(all.count == 8 && all.allSatisfy { $0 == all[0] })
        #expect(Set(all[0]).count == names.count)
        for (i, n) in all[0].enumerated() { #expect(NameTable.shared.name(n) == names[i]) }
        var line: [UInt8] = []
        Envelope.appendLine(id: UUID(), seq: 1, at: LogFixture.at, by: "李红梅", type: "visit.logged", data: .object(JSONObject()), into: &line)
        var cache = EnvelopeCache()
        guard case .success(let f) = line.withUnsafeBytes({ Envelope.decode(line: UnsafeRawBufferPointer(rebasing: $0.dropLast()), cache: &cache) }) else {
            Issue.record("line did not decode"); return
        }
        var envelope = f.envelope(offset: 0, length: line.count)
        #expect(envelope.by == "李红梅" && envelope.type == "visit.logged")
        envelope.by = "S002"
        envelope.type = "ticket.closed"
        #expect(envelope.by == "S002" && envelope.type == "ticket.closed")
        // What the numbers are for: an envelope is plain bytes, copied and freed without reference counting.
        #expect(_isPOD(LogEnvelope.self) && MemoryLayout<LogEnvelope>.stride == 80)
    }

    @Test func theDayCacheGivesWhatParsingAfreshGives() {
        var rng = SplitMix(state: 9)
        var days = Timestamp.DayCache()
        let dates = ["2026-02-28", "2026-02-29", "2024-02-29", "2026-02-30", "2026-13-01", "2026-11-23", "1999-12-31", "2026-11-2x"]
        for _ in 0..<5_000 {
            let date = dates[Int(rng.next() % UInt64(dates.count))]
            let time = String(format: "T%02d:%02d:%02d", Int(rng.next() % 25), Int(rng.next() % 61), Int(rng.next() % 60))
            let tail = ["", ".5", ".123", ".1234"][Int(rng.next() % 4)] + ["Z", "+08:00", "-05:30", "+8:00"][Int(rng.next() % 4)]
            let text = Array((date + time + tail).utf8)
            let cached = text.withUnsafeBytes { Timestamp.parse($0, days: &days) }
            let fresh = text.withUnsafeBytes { Timestamp.parse($0) }
            #expect(cached == fresh, "\(date + time + tail)")
        }
    }

    /// The envelope's `at` in forms other than the writer's 29 bytes, where
    /// the byte 29 places on happens to be a quote (`Z` and a 4-byte `by`).
    @Test func envelopesWithOtherTimestampFormsDecode() throws {
        for text in ["2026-11-23T06:21:05.123Z", "2026-11-23T06:21:05Z", "2026-11-23T14:21:05+08:00", "2026-11-23T14:21:05.1+08:00"] {
            let json = #"{"v":1,"id":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","seq":3,"at":"\#(text)","by":"S001","type":"t.e","data":{}}"#
            let line = Array((String(format: "%08x", CRC32C.checksum(Array(json.utf8))) + " " + json).utf8)
            var cache = EnvelopeCache()
            let decoded = line.withUnsafeBytes { Envelope.decode(line: $0, cache: &cache) }
            guard case .success(let f) = decoded else { Issue.record("\(text): \(decoded)"); continue }
            #expect(f.at == Timestamp(text) && f.by == "S001" && f.type == "t.e" && f.seq == 3, "\(text)")
        }
    }

    @Test func twoChecksumsAtOnceEqualOneAtATime() {
        var rng = SplitMix(state: 13)
        for _ in 0..<2_000 {
            let a = (0..<Int(rng.next() % 700)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let b = (0..<Int(rng.next() % 700)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let pair = a.withUnsafeBytes { pa in b.withUnsafeBytes { pb in CRC32C.checksums(pa, pb) } }
            #expect(pair.0 == CRC32C.checksum(a) && pair.1 == CRC32C.checksum(b))
        }
    }

    /// Lines longer than a read piece and than several slices, batches across
    /// slice edges, on all cores and on one thread: every record read back.
    @Test(arguments: sliceReadings)
    func longLinesAndBatchesAcrossPiecesAndSpansReadBack(reading: (threads: Int?, mapped: Bool)) throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        var bytes: [UInt8] = []
        var seq: UInt64 = 0
        var rng = SplitMix(state: 17)
        var expected: [UInt64] = []
        var longest = 0, overHalfAPiece = 0
        while bytes.count < 8 << 20 {
            let batch = rng.next() % 9 == 0 ? Int(2 + rng.next() % 3) : 1
            for k in 0..<batch {
                seq += 1
                // Mostly short lines; some from half a read piece (the reader's buffer
                // grows) to one and a half, one over two slices.
                let piece = SliceDecode<Void>.pieceSize
                let long = rng.next() % 150 == 0 ? piece / 2 + Int(rng.next() % UInt64(piece)) : (seq == 50 ? 2_500_000 : Int(rng.next() % 400))
                let data = JSON.object(JSONObject([.init(key: "t", value: .string(String(repeating: "记", count: long / 3)))]))
                Envelope.appendLine(id: UUID(), seq: seq, at: LogFixture.at, by: "S0\(seq % 7)", type: "test.event",
                                    batchIndex: batch > 1 ? k + 1 : 0, batchCount: batch > 1 ? batch : 0, data: data, into: &bytes)
                expected.append(seq)
                longest = max(longest, long)
                if long >= piece / 2 { overHalfAPiece += 1 }
            }
        }
        #expect(longest > 2 << 20 && overHalfAPiece >= 4 && expected.count > 500)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (seqs, lines, log) = try readInSlices(path, threads: reading.threads, mapped: reading.mapped)
        #expect(seqs == expected)
        #expect(lines == Array(1...expected.count))
        #expect(log.end == .clean && log.committedEnd == bytes.count)
        // All of it on the fast path: nothing read a second time, line by line.
        #expect(log.bytesReadLineByLine == 0)
        // A flipped byte in the middle: from that slice on, the rest is read again
        // line by line, and the damage is named where it is.
        var damaged = bytes
        let at = bytes.count / 2
        let lineStart = (damaged[..<at].lastIndex(of: 0x0A) ?? -1) + 1
        damaged[lineStart + 20] ^= 0x01
        try Data(damaged).write(to: URL(fileURLWithPath: path))
        let again = try readInSlices(path, threads: reading.threads, mapped: reading.mapped).log
        guard case .corrupt(let c) = again.end else { Issue.record("\(again.end)"); return }
        #expect(c.offset == lineStart && again.bytesReadLineByLine > 0)
    }
}

extension EnvelopeDecodeTests {
    /// A scan that stops early — a gap in the sequence a few slices in —
    /// while the helpers run ahead, more slices left than their window holds:
    /// it ends (the helpers blocked on a full window are let go), names the
    /// gap where it is, and has handed out every record before it, in order.
    @Test(.timeLimit(.minutes(1)), arguments: [2, 4])
    func aScanStoppingEarlyWhileHelpersRunAheadEndsAndNamesTheGap(threads: Int) throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        var bytes: [UInt8] = []
        var seq: UInt64 = 0
        var gapOffset = 0
        let data = JSON.object(JSONObject([.init(key: "note", value: .string(String(repeating: "走访慰问", count: 12)))]))
        let slices = SliceDecode<Void>.window + 8
        while bytes.count < slices * SliceDecode<Void>.parallelThreshold {
            seq += 1
            if seq == 20_000 {
                seq += 1
                gapOffset = bytes.count
            }
            Envelope.appendLine(id: UUID(), seq: seq, at: LogFixture.at, by: "S001", type: "test.event", data: data, into: &bytes)
        }
        // The gap lies some slices in, with more than a window's worth after it.
        #expect(gapOffset > 3 * SliceDecode<Void>.parallelThreshold && bytes.count - gapOffset > (SliceDecode<Void>.window + 2) * SliceDecode<Void>.parallelThreshold)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var o = EventLog.Options()
        o.readOnly = true
        o.decodeThreads = threads
        let log = try EventLog(path: path, options: o)
        var seqs: [UInt64] = []
        // Slow now and then (about once a slice): the helpers fill their
        // window meanwhile and wait for room, as they are when the gap stops
        // the scan.
        try log.pollEnvelopes {
            if $0.seq % 2_000 == 1 { usleep(40_000) }
            seqs.append($0.seq)
        }
        guard case .corrupt(let c) = log.end, case .seqGap(expected: 20_000, found: 20_001) = c.problem else {
            Issue.record("\(log.end)")
            return
        }
        #expect(c.offset == gapOffset && c.line == 20_000)
        #expect(seqs == Array(1...19_999))
        // The helpers did run ahead and wait for room (else this test proves
        // nothing about waking them). A regression that never wakes them
        // hangs here: the time limit cannot end a blocked wait, the CI's own does.
        #expect(log.helperWaitsForRoom > 0)
    }

    /// A scan while every thread of the global queue is held by other work
    /// (as blocking tests hold them in a test run): the caller decodes it all
    /// itself and finishes, instead of waiting for helpers that cannot start.
    @Test(.timeLimit(.minutes(1)))
    func aScanFinishesWhileTheGlobalQueueIsBusy() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        let fixture = LogFixture(records: 25_000)
        fixture.write(to: path)
        let release = DispatchSemaphore(value: 0)
        let blocked = DispatchGroup()
        for _ in 0..<256 {
            blocked.enter()
            DispatchQueue.global().async {
                release.wait()
                blocked.leave()
            }
        }
        defer {
            for _ in 0..<256 { release.signal() }
            blocked.wait()
        }
        let started = Date()
        let (seqs, _, log) = try readInSlices(path, threads: 2)
        #expect(seqs.count == 25_000 && log.end == .clean)
        #expect(Date().timeIntervalSince(started) < 5, "the scan waited for the busy queue")
    }

    /// A read failing partway through a scan: `poll` reports it, what was
    /// handed out before stays handed out, and the next poll goes on from
    /// there — every record once, in order (before, the next poll began the
    /// scan again and handed the first records out twice).
    @Test(arguments: [nil, 1] as [Int?])
    func aReadFailingMidScanHandsEveryRecordOutOnceAcrossPolls(threads: Int?) throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        let fixture = LogFixture(records: 40_000)
        fixture.write(to: path)
        #expect(fixture.bytes.count > 4 * SliceDecode<Void>.parallelThreshold)
        let io = FaultyIO()
        io.set { $0.failReadAt = fixture.bytes.count * 2 / 3 }
        var o = EventLog.Options()
        o.readOnly = true
        o.decodeThreads = threads
        o.io = io
        let log = try EventLog(path: path, options: o)
        var seqs: [UInt64] = []
        #expect(throws: LogError.self) { try log.poll { seqs.append($0.seq) } }
        // Some records were handed out before the failure, not all.
        #expect(!seqs.isEmpty && seqs.count < 40_000)
        try log.poll { seqs.append($0.seq) }
        #expect(seqs == Array(1...40_000))
        #expect(log.end == .clean && log.recordCount == 40_000)
    }
}

@Suite struct VerifyTests {
    @Test func theIDTableFindsEveryRepeatAmongRandomAndCountingIDs() {
        var table = IDTable()
        var rng = SplitMix(state: 21)
        var ids: [UUID] = []
        for n in 0..<150_000 {
            // Half random, half counting up (not random at all), and the all-zero id.
            let id = n % 2 == 0 ? UUID() : UUID(uuid: withUnsafeBytes(of: (UInt64(n), UInt64(0))) { b in
                (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15])
            })
            ids.append(id)
            let added = table.insert(id)
            #expect(added, "\(n)")
        }
        let zero = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        let zeroFirst = table.insert(zero), zeroAgain = table.insert(zero)
        #expect(zeroFirst && !zeroAgain)
        for _ in 0..<2_000 {
            let again = table.insert(ids[Int(rng.next() % UInt64(ids.count))])
            #expect(!again)
        }
    }

    /// A well-framed log (checksums right) with a repeated id on line 40 and
    /// unparsable `data` on line 70: `verify` names both lines and exits 2.
    @Test func verifyNamesARepeatedIDAndUnparsableDataByLine() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        var bytes: [UInt8] = []
        var firstID = UUID()
        for seq in 1...100 {
            let id = seq == 40 ? firstID : UUID()
            if seq == 1 { firstID = id }
            if seq == 70 {
                let json = #"{"v":1,"id":"\#(id.uuidString.lowercased())","seq":70,"at":"2026-11-23T14:21:05.123+08:00","by":"S001","type":"test.event","data":{"a":[1,}}"#
                bytes += Array((String(format: "%08x", CRC32C.checksum(Array(json.utf8))) + " " + json + "\n").utf8)
            } else {
                Envelope.appendLine(id: id, seq: UInt64(seq), at: LogFixture.at, by: "S001", type: "test.event",
                                    data: .object(JSONObject([.init(key: "n", value: .int(Int64(seq)))])), into: &bytes)
            }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let v = try EventLog.verify(path: path)
        #expect(v.records == 100 && v.end == .clean)
        #expect(v.duplicateID?.line == 40 && v.duplicateID?.id == firstID)
        #expect(v.badData?.line == 70)
        #expect(v.exitCode == 2)
    }
}
