import DeskLog
import Foundation
import Testing

/// Every way a log file can end or break, by name (as LevelDB's log_reader tests).
@Suite struct RecoveryTests {
    let fixture = LogFixture(records: 200)

    @Test func everyTruncationPointOfA200RecordLogRecoversExactlyTheWholeRecordsBeforeIt() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        fixture.write(to: path)
        let fd = open(path, O_WRONLY)
        defer { close(fd) }
        var checked = 0
        for length in stride(from: fixture.bytes.count, through: 0, by: -1) {
            #expect(ftruncate(fd, off_t(length)) == 0)
            let (records, end, _) = try readAll(path)
            let expected = fixture.wholeRecords(within: length)
            guard records.count == expected else {
                Issue.record("at length \(length): \(records.count) records, expected \(expected)")
                return
            }
            if records.last.map({ $0.seq }) != (expected == 0 ? nil : UInt64(expected)) {
                Issue.record("at length \(length): wrong last seq")
                return
            }
            let boundary = fixture.groupEnds.contains(length)
            switch end {
            case .clean where boundary: break
            case .tornTail(let offset, let tail, _, _) where !boundary:
                #expect(offset + tail == length)
                #expect(offset == fixture.groupEnds.last { $0 <= length })
            default:
                Issue.record("at length \(length): end \(end), boundary \(boundary)")
                return
            }
            checked += 1
        }
        #expect(checked == fixture.bytes.count + 1)
    }

    @Test func aZeroFilledTailIsFreeSpaceAndTheNextAppendWritesOverIt() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        fixture.write(to: path, bytes: fixture.bytes + [UInt8](repeating: 0, count: 4096))
        let (records, end, _) = try readAll(path)
        #expect(records.count == 200)
        #expect(end == .clean)
        #expect(try EventLog.verify(path: path).exitCode == 0)
        let log = try writableLog(path)
        try log.poll { _ in }
        let written = try log.append(by: "S001") { _ in [draft("写在预留空间里")] }
        #expect(written[0].seq == 201 && written[0].offset == fixture.bytes.count)
        #expect(fileSize(path) == fixture.bytes.count + 4096, "written over the free space, not after it")
        #expect(!dir.files.contains { $0.hasPrefix("desk.log.torn-") }, "nothing to set aside")
        let after = try readAll(path)
        #expect(after.records.count == 201)
        #expect(after.end == .clean)
    }

    @Test func aTornRecordInTheFreeSpaceIsSetAsideWithoutTheFreeSpace() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        let partial = Array(fixture.bytes[fixture.lineStart(ofRecord: 100)..<(fixture.lineStart(ofRecord: 100) + 50)])
        fixture.write(to: path, bytes: fixture.bytes + partial + [UInt8](repeating: 0, count: 4096))
        let (records, end, _) = try readAll(path)
        #expect(records.count == 200)
        guard case .tornTail(let offset, let length, 201, .incompleteLine) = end else { Issue.record("end \(end)"); return }
        #expect(offset == fixture.bytes.count && length == 50 + 4096)
        let log = try writableLog(path)
        try log.poll { _ in }
        _ = try log.append(by: "S001") { _ in [draft("修复后第一条")] }
        let side = try #require(dir.files.first { $0.hasPrefix("desk.log.torn-\(offset)-") })
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file(side))) == Data(partial), "the torn bytes, not the NULs after them")
        let after = try readAll(path)
        #expect(after.records.count == 201 && after.end == .clean)
    }

    @Test func nulBytesFollowedByAnythingElseAreNotFreeSpace() throws {
        let zeros = [UInt8](repeating: 0, count: 300)
        // A stray byte in the NULs: a torn tail, repaired by the next write.
        let dir = TempDir()
        let stray = dir.file("stray.log")
        fixture.write(to: stray, bytes: fixture.bytes + zeros + [0x37] + zeros)
        guard case .tornTail(let offset, _, _, _) = try readAll(stray).end else { Issue.record("expected torn"); return }
        #expect(offset == fixture.bytes.count)
        #expect(try EventLog.verify(path: stray).exitCode == 1)
        // A whole valid record after NULs (e.g. a record whose first bytes
        // were zeroed): damage, never free space to write over.
        let hidden = dir.file("hidden.log")
        let last = Array(fixture.bytes[fixture.lineStart(ofRecord: 199)...])
        fixture.write(to: hidden, bytes: Array(fixture.bytes[..<fixture.lineStart(ofRecord: 199)]) + zeros + [0x0A] + last)
        let (records, end, _) = try readAll(hidden)
        #expect(records.count == 199)
        guard case .corrupt(let c) = end else { Issue.record("expected corruption, got \(end)"); return }
        #expect(c.offset == fixture.lineStart(ofRecord: 199) && c.validRecordsAfter == 1)
        #expect(try EventLog.verify(path: hidden).exitCode == 2)
        let log = try writableLog(hidden, create: false)
        #expect(throws: LogError.self) { try log.append(by: "S001") { _ in [draft("must not overwrite")] } }
        #expect(contentBytes(hidden).suffix(last.count) == last[...], "the record after the damage is still there")
    }

    @Test func aRandomGarbageTailWithNewlinesIsTornNotCorruption() throws {
        var rng = SplitMix(state: 99)
        for trial in 0..<20 {
            let dir = TempDir()
            let path = dir.file("desk.log")
            let garbage = (0..<Int.random(in: 1...3000, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            fixture.write(to: path, bytes: fixture.bytes + garbage + [0x0A] + garbage.reversed())
            let (records, end, _) = try readAll(path)
            #expect(records.count == 200, "trial \(trial)")
            guard case .tornTail = end else { Issue.record("trial \(trial): \(end)"); return }
        }
    }

    @Test func everySingleBitFlipInTheLastRecordIsDetected() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        let start = fixture.lineStart(ofRecord: 199)
        for byte in start..<fixture.bytes.count {
            for bit in 0..<8 {
                var damaged = fixture.bytes
                damaged[byte] ^= UInt8(1 << bit)
                fixture.write(to: path, bytes: damaged)
                let (records, end, _) = try readAll(path)
                #expect(records.count == 199, "byte \(byte) bit \(bit)")
                guard case .tornTail(let offset, _, 200, _) = end, offset == start else {
                    Issue.record("byte \(byte) bit \(bit): \(end)")
                    return
                }
            }
        }
    }

    @Test func everySingleBitFlipInAMiddleRecordIsCorruptionNamingItsLine() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        // Record 100 (line 101) is a single event, not part of a batch.
        let index = (100..<140).first { i in fixture.groupEnds.contains(fixture.recordEnds[i]) && fixture.groupEnds.contains(fixture.lineStart(ofRecord: i)) }!
        let start = fixture.lineStart(ofRecord: index)
        for byte in start..<fixture.recordEnds[index] {
            for bit in 0..<8 {
                var damaged = fixture.bytes
                damaged[byte] ^= UInt8(1 << bit)
                fixture.write(to: path, bytes: damaged)
                let (records, end, log) = try readAll(path)
                #expect(records.count == index, "byte \(byte) bit \(bit)")
                guard case .corrupt(let c) = end, c.line == index + 1, c.offset == start else {
                    Issue.record("byte \(byte) bit \(bit): \(end)")
                    return
                }
                #expect(c.validRecordsAfter >= 1)
                if case .corrupt = log.readOnlyReason {} else { Issue.record("not read-only") }
            }
        }
    }

    @Test func midFileCorruptionOpensReadOnlyNamesLineAndOffsetAndKeepsLaterRecords() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        var damaged = fixture.bytes
        let start = fixture.lineStart(ofRecord: 50)
        damaged[start + 30] ^= 0x04
        fixture.write(to: path, bytes: damaged)
        let log = try writableLog(path, create: false)
        var n = 0
        try log.poll { _ in n += 1 }
        #expect(n == 50)
        guard case .corrupt(let c)? = log.readOnlyReason else { Issue.record("\(String(describing: log.readOnlyReason))"); return }
        #expect(c.line == 51 && c.offset == start)
        #expect(throws: LogError.readOnly(.corrupt(c))) { try log.append(by: "S001") { _ in [draft("x")] } }
        // Nothing was dropped or rewritten: the file is byte-for-byte what it was.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(damaged))
    }

    /// Chunks of 1 MiB and more are decoded on several threads: a large
    /// log, clean and with a flipped byte deep inside, reads the same records and
    /// names the same line on all cores as on the calling thread.
    @Test(arguments: sliceReadings)
    func aLargeLogReadsTheSameOnAllCoresAndOnOneThread(reading: (threads: Int?, mapped: Bool)) throws {
        let big = LogFixture(records: 12_000)
        let dir = TempDir()
        let path = dir.file("desk.log")
        var damaged = big.bytes
        let start = big.lineStart(ofRecord: 9_000)
        damaged[start + 30] ^= 0x04
        let before = big.wholeRecords(within: start)
        for (bytes, expected) in [(big.bytes, 12_000), (damaged, before)] {
            big.write(to: path, bytes: bytes)
            let (seqs, _, log) = try readInSlices(path, threads: reading.threads, mapped: reading.mapped)
            #expect(seqs == Array(1...UInt64(expected)))
            if bytes == damaged {
                guard case .corrupt(let c) = log.end else { Issue.record("\(log.end)"); continue }
                #expect(c.line == 9_001 && c.offset == start && c.validRecordsAfter == 12_000 - 9_001)
            } else {
                #expect(log.end == .clean)
            }
        }
    }

    /// A large log made of batches of three, read on all cores and on one
    /// thread: batches inside a slice go out in place, those across slices
    /// through the scanner's pending list; all arrive whole and in order, and
    /// a batch whose second record says it is the third is named by its line.
    @Test(arguments: sliceReadings)
    func batchesWithinAndAcrossSlicesArriveWholeAndABrokenOneIsNamed(reading: (threads: Int?, mapped: Bool)) throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        let note = String(repeating: "节日慰问", count: 20)
        func log(breakingRecord broken: Int?) -> (bytes: [UInt8], brokenStart: Int) {
            var bytes: [UInt8] = []
            var brokenStart = -1
            for seq in 1...12_000 {
                let k = (seq - 1) % 3 + 1
                if seq == broken { brokenStart = bytes.count }
                let data = JSON.object(JSONObject([.init(key: "n", value: .int(Int64(seq))), .init(key: "note", value: .string(note))]))
                Envelope.appendLine(id: UUID(), seq: UInt64(seq), at: LogFixture.at, by: "S001", type: "test.event",
                                    batchIndex: seq == broken ? 3 : k, batchCount: 3, data: data, into: &bytes)
            }
            return (bytes, brokenStart)
        }
        // Record 9,002 is the second of the batch 9,001–9,003.
        for (broken, expected) in [(nil, 12_000), (9_002, 9_000)] as [(Int?, Int)] {
            let (bytes, brokenStart) = log(breakingRecord: broken)
            #expect(bytes.count > 4 << 20, "over the parallel threshold: several slices")
            FileManager.default.createFile(atPath: path, contents: Data(bytes))
            let (seqs, lines, reader) = try readInSlices(path, threads: reading.threads, mapped: reading.mapped)
            #expect(seqs == Array(1...UInt64(expected)))
            #expect(lines == Array(1...expected))
            if broken != nil {
                guard case .corrupt(let c) = reader.end, case .batchBroken = c.problem else { Issue.record("\(reader.end)"); continue }
                #expect(c.line == 9_002 && c.offset == brokenStart)
            } else {
                #expect(reader.end == .clean)
            }
        }
    }

    @Test func aSequenceGapIsCorruption() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        var bytes = Array(fixture.bytes[..<fixture.recordEnds[9]])
        Envelope.appendLine(id: UUID(), seq: 12, at: LogFixture.at, by: "S001", type: "test.event", data: .object(JSONObject()), into: &bytes)
        fixture.write(to: path, bytes: bytes)
        let (records, end, _) = try readAll(path)
        #expect(records.count == 10)
        #expect(end == .corrupt(Corruption(line: 11, offset: fixture.recordEnds[9], problem: .seqGap(expected: 11, found: 12), validRecordsAfter: 0)))
    }

    @Test func anUnfinishedBatchAtTheEndIsTornAndItsRecordsAreNotDelivered() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        var bytes = fixture.bytes
        for k in 1...2 {
            Envelope.appendLine(id: UUID(), seq: 200 + UInt64(k), at: LogFixture.at, by: "S001", type: "test.event",
                                batchIndex: k, batchCount: 3, data: .object(JSONObject()), into: &bytes)
        }
        fixture.write(to: path, bytes: bytes)
        let (records, end, _) = try readAll(path)
        #expect(records.count == 200)
        guard case .tornTail(let offset, _, _, .incompleteBatch(have: 2, of: 3)) = end else { Issue.record("\(end)"); return }
        #expect(offset == fixture.bytes.count)
    }

    @Test func aBatchInterruptedByAnotherRecordIsCorruption() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        var bytes = fixture.bytes
        Envelope.appendLine(id: UUID(), seq: 201, at: LogFixture.at, by: "S001", type: "test.event",
                            batchIndex: 1, batchCount: 2, data: .object(JSONObject()), into: &bytes)
        Envelope.appendLine(id: UUID(), seq: 202, at: LogFixture.at, by: "S001", type: "test.event", data: .object(JSONObject()), into: &bytes)
        fixture.write(to: path, bytes: bytes)
        guard case .corrupt(let c) = try readAll(path).end, case .batchBroken = c.problem else { Issue.record("expected broken batch"); return }
    }

    @Test func anUnknownTypeOpensReadOnlySayingANewerVersionWroteIt() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        fixture.write(to: path)
        var o = EventLog.Options()
        var bytes = fixture.bytes
        Envelope.appendLine(id: UUID(), seq: 201, at: LogFixture.at, by: "S001", type: "future.thing", data: .object(JSONObject()), into: &bytes)
        Envelope.appendLine(id: UUID(), seq: 202, at: LogFixture.at, by: "S001", type: "test.event", data: .object(JSONObject()), into: &bytes)
        fixture.write(to: path, bytes: bytes)
        o.isKnownType = { $0 == "test.event" }
        let log = try EventLog(path: path, options: o)
        var n = 0
        try log.poll { _ in n += 1 }
        #expect(n == 200)
        #expect(log.readOnlyReason == .newer(NewerRecord(line: 201, offset: fixture.bytes.count, kind: .unknownType("future.thing"))))
        #expect(!log.isWritable)
    }

    @Test func aNewerEnvelopeVersionOpensReadOnly() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        var bytes = fixture.bytes
        Envelope.appendLine(version: 2, id: UUID(), seq: 201, at: LogFixture.at, by: "S001", type: "test.event", data: .object(JSONObject()), into: &bytes)
        fixture.write(to: path, bytes: bytes)
        let log = try writableLog(path, create: false)
        var n = 0
        try log.poll { _ in n += 1 }
        #expect(n == 200)
        #expect(log.readOnlyReason == .newer(NewerRecord(line: 201, offset: fixture.bytes.count, kind: .version(2))))
        #expect(throws: LogError.self) { try log.append(by: "S001") { _ in [draft("x")] } }
    }

    @Test func uppercaseChecksumHexIsNotAccepted() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        var bytes = fixture.bytes
        var line: [UInt8] = []
        repeat { // until the checksum has a hex letter to upper-case
            line = []
            Envelope.appendLine(id: UUID(), seq: 201, at: LogFixture.at, by: "S001", type: "test.event", data: .object(JSONObject()), into: &line)
        } while !line[..<8].contains(where: { $0 >= 0x61 })
        let upper = line.enumerated().map { i, c in i < 8 && c >= 0x61 && c <= 0x66 ? c - 0x20 : c }
        bytes += upper
        fixture.write(to: path, bytes: bytes)
        #expect(try readAll(path).records.count == 200)
    }
}
