@testable import DeskLog
import Foundation
import Testing

/// Long reads map the file instead of copying it, but only up to where its
/// bytes are sure to stay: a writer cuts the file at a torn tail's start or
/// back to where a failed append began, and a reader touching a mapped page
/// that was cut off would be killed (SIGBUS).
@Suite struct MappedReadTests {
    /// At every cut of a log (with free space after it, as writers leave
    /// it), the stable end is the cut when the cut ends a whole batch, and
    /// nothing (read by `pread`) when it leaves a torn line or part of a batch.
    @Test func theStableEndIsTheEndOfTheLastWholeBatchAtEveryCut() throws {
        let fixture = LogFixture(records: 120, batchEvery: 7)
        let dir = TempDir()
        let path = dir.file("desk.log")
        let freeSpace = [UInt8](repeating: 0, count: 3_000)
        var cuts = Set(fixture.recordEnds + fixture.groupEnds)
        cuts.formUnion(stride(from: 0, to: fixture.bytes.count, by: 11))
        var ends = 0, torn = 0
        for cut in cuts.sorted() {
            fixture.write(to: path, bytes: Array(fixture.bytes[..<cut]) + freeSpace)
            let log = try EventLog(path: path)
            let stable = log.stableEnd()
            if cut > 0, fixture.groupEnds.contains(cut) {
                #expect(stable == cut, "cut \(cut)")
                ends += 1
            } else {
                #expect(stable == nil, "cut \(cut)")
                torn += 1
            }
        }
        // Cuts inside batches between whole records were among them.
        let insideBatches = Set(fixture.recordEnds).subtracting(fixture.groupEnds)
        #expect(insideBatches.count > 10 && ends > 50 && torn > 1_000)
    }

    /// The last record found behind more free space than the first look
    /// reads, and a last line longer than it.
    @Test func theStableEndIsFoundBehindLongFreeSpaceAndALongLastLine() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        var bytes: [UInt8] = []
        for seq in 1...3 {
            let note = String(repeating: "长", count: seq == 3 ? 100_000 : 10)
            Envelope.appendLine(id: UUID(), seq: UInt64(seq), at: LogFixture.at, by: "S001", type: "test.event",
                                data: .object(JSONObject([.init(key: "note", value: .string(note))])), into: &bytes)
        }
        let end = bytes.count
        #expect(end > 300_000)
        FileManager.default.createFile(atPath: path, contents: Data(bytes + [UInt8](repeating: 0, count: 200_000)))
        #expect(try EventLog(path: path).stableEnd() == end)
    }

    /// While another process (here: another open file description) holds the
    /// writers' lock, no stable end is claimed and the scan reads by `pread`.
    @Test func aBusyLockMeansNoMapping() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        let big = LogFixture(records: 12_000)
        big.write(to: path)
        let other = open(path, O_RDONLY)
        defer { close(other) }
        #expect(flock(other, LOCK_EX) == 0)
        let busy = try EventLog(path: path)
        #expect(busy.stableEnd() == nil)
        #expect(try busy.poll { _ in } == 12_000)
        #expect(busy.bytesMapped == 0 && busy.end == .clean)
        #expect(flock(other, LOCK_UN) == 0)
        let free = try EventLog(path: path)
        #expect(free.stableEnd() == big.bytes.count)
        #expect(try free.poll { _ in } == 12_000)
        #expect(free.bytesMapped > 0 && free.end == .clean)
    }

    /// A large log ending in a torn batch is read whole up to it, by `pread`;
    /// the next append sets the tail aside, and the log maps again.
    @Test func aLargeLogWithATornTailIsReadByPreadAndMapsAgainOnceRepaired() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        let big = LogFixture(records: 12_000)
        // The first record of a batch of three, and no more.
        var bytes = big.bytes
        Envelope.appendLine(id: UUID(), seq: 12_001, at: LogFixture.at, by: "S001", type: "test.event", batchIndex: 1, batchCount: 3,
                            data: .object(JSONObject([])), into: &bytes)
        big.write(to: path, bytes: bytes)
        let reader = try EventLog(path: path)
        #expect(try reader.poll { _ in } == 12_000)
        guard case .tornTail(let offset, _, _, _) = reader.end else { Issue.record("\(reader.end)"); return }
        #expect(offset == big.bytes.count && reader.bytesMapped == 0)
        _ = try reader.append(by: "S001") { _ in [draft("修复后")] }
        let again = try EventLog(path: path)
        #expect(try again.poll { _ in } == 12_001)
        #expect(again.bytesMapped > 0 && again.end == .clean)
    }

    /// An append's catch-up, already under the exclusive lock, maps what
    /// another writer of this process added (the shared lock nests inside)
    /// and numbers its own record after them.
    @Test func anAppendCatchingUpOnALongRunOfRecordsMapsThemUnderItsOwnLock() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        let first = try writableLog(path)
        let second = try writableLog(path, create: false)
        let note = String(repeating: "登记", count: 200)
        for _ in 0..<8 {
            _ = try first.append(by: "S001") { _ in (0..<500).map { _ in draft(note) } }
        }
        #expect(first.committedEnd > 2 << 20)
        var caughtUp = 0, othersLockedOut = false
        let written = try second.append(by: "S002") { new in
            caughtUp = new.count
            // The shared lock of the mapping nested inside; the exclusive one is
            // still whole (a `flock(LOCK_SH)` on our descriptor would have
            // turned it into a shared one, letting another descriptor in).
            let other = open(path, O_RDONLY)
            othersLockedOut = flock(other, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK
            close(other)
            return [draft("追加")]
        }
        #expect(caughtUp == 4_000 && written.map(\.seq) == [4_001] && othersLockedOut)
        #expect(second.bytesMapped > 0)
        let reader = try EventLog(path: path)
        #expect(try reader.poll { _ in } == 4_001)
        #expect(reader.end == .clean)
    }

    /// A torn tail with no free space after it, seen by two handles; then
    /// another writer sets it aside and writes its record and free space over
    /// it, adding up to the tail's length exactly, so the file's size does not
    /// change. The first handle's next poll still delivers that record, and
    /// the second handle's append does not take it for the old torn tail and
    /// cut it off (it used to: the record, acknowledged, went to a side file,
    /// and a reader mapping up to it was killed by SIGBUS).
    @Test func aTornTailWrittenOverAtTheSameSizeIsReadAgainNotCutOff() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        let first = try writableLog(path)
        for k in 0..<3 { _ = try first.append(by: "S001") { _ in [draft("记录\(k)")] } }
        let x = first.committedEnd
        // The writer whose record will land on the torn tail, with its clock pinned
        // so that its line's length is known in advance.
        let instant = Date(timeIntervalSince1970: 1_795_000_000)
        let zone = TimeZone(secondsFromGMT: 8 * 3600)!
        let record = draft("写在断尾之上")
        var line: [UInt8] = []
        Envelope.appendLine(id: record.id, seq: 4, at: Timestamp(instant, timeZone: zone), by: "S002", type: record.type,
                            data: record.data, into: &line)
        let step = 3_000
        // A torn tail of the record's length plus the free space it will add, ending the file.
        var torn = Array("0badc0de {\"v\":1,\"id\":\"".utf8)
        torn += [UInt8](repeating: 0x78, count: line.count + step - torn.count)
        let fd = open(path, O_RDWR)
        #expect(ftruncate(fd, off_t(x)) == 0)
        #expect(torn.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(x)) } == torn.count)
        close(fd)
        let size = fileSize(path)
        let follower = try writableLog(path, create: false), appender = try writableLog(path, create: false)
        for h in [follower, appender] {
            #expect(try h.poll { _ in } == 3)
            guard case .tornTail(let at, let length, _, _) = h.end else { Issue.record("\(h.end)"); return }
            #expect(at == x && length == torn.count)
        }
        var o = EventLog.Options()
        o.clock = { instant }
        o.timeZone = zone
        o.freeSpaceStep = step
        let other = try EventLog(path: path, options: o)
        _ = try other.append(by: "S002") { _ in [record] }
        #expect(fileSize(path) == size, "the case: the same size as before")
        #expect(other.stableEnd() == x + line.count)
        // The follower sees the record although the size did not change.
        var seen: [UUID] = []
        #expect(try follower.poll { seen.append($0.id) } == 1)
        #expect(seen == [record.id] && follower.end == .clean)
        // The appender reads again before cutting anything, and numbers its record after it.
        var caughtUp: [UUID] = []
        let mine = try appender.append(by: "S001") { new in
            caughtUp = new.map(\.id)
            return [draft("之后")]
        }
        #expect(caughtUp == [record.id] && mine.map(\.seq) == [5])
        let reader = try EventLog(path: path)
        var ids: [UUID] = []
        try reader.poll { ids.append($0.id) }
        #expect(ids.count == 5 && ids[3] == record.id && reader.end == .clean)
        #expect(dir.files.filter { $0.contains(".torn-") }.count == 1, "only the torn tail was set aside")
    }
}
