import DeskLog
import Foundation
import Testing

@Suite struct AppendTests {
    @Test func appendsAreReadBackInOrderWithGaplessSeqAndTheirIds() throws {
        let dir = TempDir()
        let log = try writableLog(dir.file("desk.log"))
        var ids: [UUID] = []
        for i in 0..<20 {
            let d = draft("第\(i)条\n含换行\"引号\"")
            ids.append(d.id)
            let w = try log.append(by: "S001") { _ in [d] }
            #expect(w.count == 1 && w[0].seq == UInt64(i + 1))
        }
        let batch = [draft("批1"), draft("批2"), draft("批3")]
        let w = try log.append(by: "S002") { _ in batch }
        #expect(w.map(\.seq) == [21, 22, 23])
        #expect(w.map(\.batchIndex) == [1, 2, 3] && w.allSatisfy { $0.batchCount == 3 })
        let (records, end, _) = try readAll(dir.file("desk.log"))
        #expect(end == .clean)
        #expect(records.map(\.seq) == Array(1...23))
        #expect(Array(records.prefix(20).map(\.id)) == ids)
        #expect(try records[0].dataJSON["note"]?.stringValue == "第0条\n含换行\"引号\"")
        #expect(records[20].by == "S002")
        // One event per line: the JSON never contains a raw newline. After
        // the last line: free space, NUL bytes to the end of the file.
        let content = contentBytes(dir.file("desk.log"))
        #expect(content.last == 0x0A && content.split(separator: 0x0A).count == 23)
        #expect(fileSize(dir.file("desk.log")) > content.count)
    }

    @Test func aNewLogIsGroupAndOwnerReadWriteOnly() throws {
        let dir = TempDir()
        let old = umask(0o002)
        defer { umask(old) }
        _ = try writableLog(dir.file("desk.log"))
        let attrs = try FileManager.default.attributesOfItem(atPath: dir.file("desk.log"))
        #expect((attrs[.posixPermissions] as? Int) == 0o660)
    }

    @Test func appendCatchesUpWithOtherWritersBeforeValidating() throws {
        let dir = TempDir()
        let a = try writableLog(dir.file("desk.log"))
        let b = try writableLog(dir.file("desk.log"))
        _ = try a.append(by: "S001") { _ in [draft("A1")] }
        _ = try a.append(by: "S001") { _ in [draft("A2")] }
        var seenByB: [UInt64] = []
        let w = try b.append(by: "S001") { caughtUp in
            seenByB = caughtUp.map(\.seq)
            return [draft("B1")]
        }
        #expect(seenByB == [1, 2])
        #expect(w[0].seq == 3)
    }

    @Test func aRejectedCommandAppendsNothing() throws {
        struct Rejected: Error {}
        let dir = TempDir()
        let log = try writableLog(dir.file("desk.log"))
        _ = try log.append(by: "S001") { _ in [draft("one")] }
        #expect(throws: Rejected.self) { try log.append(by: "S001") { _ in throw Rejected() } }
        #expect(try readAll(dir.file("desk.log")).records.count == 1)
    }

    @Test func shortWritesAreLoopedUntilTheWholeLineIsWritten() throws {
        let dir = TempDir()
        let io = FaultyIO()
        io.set { $0.maxBytesPerWrite = 7 }
        let log = try writableLog(dir.file("desk.log"), io: io)
        _ = try log.append(by: "S001") { _ in [draft(String(repeating: "长", count: 300)), draft("二")] }
        #expect(io.writes.withLock { $0 } > 100)
        let (records, end, _) = try readAll(dir.file("desk.log"))
        #expect(records.count == 2 && end == .clean)
    }

    @Test func aWriteErrorReportsNotSavedTruncatesBackAndTheLogStaysValid() throws {
        let dir = TempDir()
        let io = FaultyIO()
        let log = try writableLog(dir.file("desk.log"), io: io)
        _ = try log.append(by: "S001") { _ in [draft("before")] }
        io.set { $0.failWriteAfter = 40 }
        do {
            _ = try log.append(by: "S001") { _ in [draft("lost"), draft("lost too")] }
            Issue.record("expected not saved")
        } catch LogError.notSaved(let cause, let landed) {
            #expect(cause.operation == "pwrite" && cause.code == EIO)
            #expect(!landed)
        }
        do {
            _ = try log.append(by: "S001") { _ in [draft("lost")] }
        } catch {
            Issue.record("the next append should work: \(error)")
        }
        let (records, end, _) = try readAll(dir.file("desk.log"))
        #expect(end == .clean)
        #expect(records.map(\.seq) == [1, 2])
    }

    @Test func aWriteErrorWhoseTruncateAlsoFailsLeavesATornTailTheNextAppendRepairs() throws {
        let dir = TempDir()
        let io = FaultyIO()
        let log = try writableLog(dir.file("desk.log"), io: io)
        _ = try log.append(by: "S001") { _ in [draft("before")] }
        io.set { $0.failWriteAfter = 60; $0.failTruncate = true }
        do {
            _ = try log.append(by: "S001") { _ in [draft("lost")] }
            Issue.record("expected not saved")
        } catch LogError.notSaved(_, let landed) {
            #expect(!landed)
        }
        guard case .tornTail = try readAll(dir.file("desk.log")).end else { Issue.record("expected a torn tail"); return }
        io.set { $0.failTruncate = false }
        _ = try log.append(by: "S001") { _ in [draft("after")] }
        let (records, end, _) = try readAll(dir.file("desk.log"))
        #expect(end == .clean && records.count == 2)
        #expect(dir.files.contains { $0.hasPrefix("desk.log.torn-") })
    }

    @Test func anFsyncErrorIsFinalNotSavedAndTheIdDecidesWhetherItLanded() throws {
        let dir = TempDir()
        let io = FaultyIO()
        let log = try writableLog(dir.file("desk.log"), io: io)
        _ = try log.append(by: "S001") { _ in [draft("before")] }
        io.set { $0.failFdatasync = true }
        let d = draft("unsure")
        do {
            _ = try log.append(by: "S001") { _ in [d] }
            Issue.record("expected not saved")
        } catch LogError.notSaved(let cause, let landed) {
            #expect(cause.operation == "fdatasync")
            #expect(landed) // the bytes are in the file (page cache); durability unknown
        }
        io.set { $0.failFdatasync = false }
        // The reopened handle delivers the landed record to its reader exactly once.
        var seen: [UUID] = []
        try log.poll { seen.append($0.id) }
        #expect(seen == [d.id])
        _ = try log.append(by: "S001") { _ in [draft("after")] }
        let (records, end, _) = try readAll(dir.file("desk.log"))
        #expect(end == .clean && records.map(\.seq) == [1, 2, 3])
    }

    @Test func aSecondOpenAndCloseOfTheLogInsideTheProcessKeepsTheLock() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        let log = try writableLog(path)
        var childExit: Int32 = -1
        _ = try log.append(by: "S001") { _ in
            // While we hold the lock: open and close the file again in this process.
            do { _ = try writableLog(path, create: false) }
            let fd = open(path, O_RDONLY)
            close(fd)
            // Another process must still be locked out.
            childExit = runFlock(path)
            return [draft("x")]
        }
        #expect(childExit == 1, "flock(1) in a child should fail with 1 while we hold the lock")
        #expect(runFlock(path) == 0, "and succeed once the append is done")
    }

    @Test func anAppendFromInsideAPollIsRefusedAndAPollInsideAnAppendWorks() throws {
        let dir = TempDir()
        let a = try writableLog(dir.file("desk.log"))
        let b = try writableLog(dir.file("desk.log"))
        let c = try writableLog(dir.file("desk.log"))
        _ = try b.append(by: "S001") { _ in [draft("one")] }
        var seen = 0
        try a.poll { _ in
            seen += 1
            #expect(throws: LogError.nestedAppend) { try a.append(by: "S001") { _ in [draft("inside poll")] } }
        }
        #expect(seen == 1)
        _ = try a.append(by: "S001") { _ in
            let delivered = try c.poll { _ in }   // c has not read "one": its shared lock nests inside a's exclusive one
            #expect(delivered == 1)
            return [draft("two")]
        }
        let (records, end, _) = try readAll(dir.file("desk.log"))
        #expect(end == .clean && records.map(\.seq) == [1, 2])
    }

    @Test func aNestedAppendThroughAnotherHandleIsRefusedNotDeadlockedOrInterleaved() throws {
        let dir = TempDir()
        let a = try writableLog(dir.file("desk.log"))
        let b = try writableLog(dir.file("desk.log"))
        _ = try a.append(by: "S001") { _ in
            #expect(throws: LogError.nestedAppend) { try b.append(by: "S001") { _ in [draft("inner")] } }
            return [draft("outer")]
        }
        _ = try b.append(by: "S001") { _ in [draft("after")] }
        let (records, end, _) = try readAll(dir.file("desk.log"))
        #expect(end == .clean)
        #expect(try records.map { try $0.dataJSON["note"]?.stringValue } == ["outer", "after"])
    }

    @Test func threadsOfOneProcessAppendingAtOnceKeepSeqGapless() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        _ = try writableLog(path)
        DispatchQueue.concurrentPerform(iterations: 4) { t in
            let log = try! writableLog(path, create: false)
            for i in 0..<50 { _ = try! log.append(by: "S001") { _ in [draft("t\(t)-\(i)")] } }
        }
        let (records, end, _) = try readAll(path)
        #expect(end == .clean)
        #expect(records.map(\.seq) == Array(1...200))
    }

    @Test func aFileWithoutWritePermissionOpensReadOnlyAndSaysWhy() throws {
        let dir = TempDir()
        let io = FaultyIO()
        _ = try writableLog(dir.file("desk.log"))
        io.set { $0.failOpenForWrite = true }
        let log = try writableLog(dir.file("desk.log"), io: io, create: false)
        guard case .noWritePermission? = log.readOnlyReason else { Issue.record("\(String(describing: log.readOnlyReason))"); return }
        #expect(throws: LogError.self) { try log.append(by: "S001") { _ in [draft("x")] } }
    }

    @Test func aMissingLogIsNotFound() {
        let dir = TempDir()
        #expect(throws: LogError.notFound(path: dir.file("none.log"))) { try writableLog(dir.file("none.log"), create: false) }
    }

    @Test func aRecordIsReadBackByItsOffset() throws {
        let dir = TempDir()
        let log = try writableLog(dir.file("desk.log"))
        _ = try log.append(by: "S001") { _ in [draft("一")] }
        let w = try log.append(by: "S001") { _ in [draft(String(repeating: "很长的备注", count: 400))] }
        let back = try log.record(at: w[0].offset)
        #expect(back.id == w[0].id && back.seq == 2)
        #expect(try back.dataJSON["note"]?.stringValue?.count == 2000)
    }

    @Test func anAppendInsideTheFreeSpaceLeavesTheSizeAloneAndAnotherHandleStillSeesIt() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        let writer = try writableLog(path)
        let reader = try writableLog(path, create: false)
        _ = try writer.append(by: "S001") { _ in [draft("first")] }
        let size = fileSize(path)
        #expect(size > contentBytes(path).count, "the first append left free space")
        #expect(try reader.poll { _ in } == 1)
        for i in 2...5 {
            _ = try writer.append(by: "S001") { _ in [draft("第\(i)条")] }
            #expect(fileSize(path) == size, "append \(i) landed in the free space")
            var seen: [UInt64] = []
            #expect(try reader.poll { seen.append($0.seq) } == 1)
            #expect(seen == [UInt64(i)])
            #expect(try reader.poll { _ in } == 0, "an idle poll finds nothing")
        }
        // And the reader, writing in turn, continues after the writer's records.
        let w = try reader.append(by: "S002") { _ in [draft("reader writes")] }
        #expect(w[0].seq == 6 && fileSize(path) == size)
        #expect(try writer.poll { _ in } == 1)
    }

    @Test func whenTheFreeSpaceRunsOutTheFileGrowsByAStepAndEveryRecordReadsBack() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        let log = try writableLog(path, freeSpaceStep: 1000)
        var sizes = Set<Int>()
        for i in 1...60 {
            _ = try log.append(by: "S001") { _ in [draft(String(repeating: "走访", count: i % 7))] }
            sizes.insert(fileSize(path))
        }
        #expect(sizes.count > 5 && sizes.count < 30, "grew in steps, not by every append: \(sizes.count) sizes")
        let (records, end, _) = try readAll(path)
        #expect(end == .clean && records.map(\.seq) == Array(1...60))
        let v = try EventLog.verify(path: path)
        #expect(v.exitCode == 0 && v.records == 60 && v.freeSpace == fileSize(path) - contentBytes(path).count)
        #expect(v.freeSpace > 0)
        // With no step the file grows by each append and ends with its last record.
        let plain = try writableLog(dir.file("plain.log"), freeSpaceStep: 0)
        _ = try plain.append(by: "S001") { _ in [draft("x")] }
        #expect(fileSize(dir.file("plain.log")) == contentBytes(dir.file("plain.log")).count)
    }

    @Test func aFailureToAddFreeSpaceIsNotSavedAndChangesNothing() throws {
        let dir = TempDir()
        let io = FaultyIO()
        let log = try writableLog(dir.file("desk.log"), io: io, freeSpaceStep: 0)
        _ = try log.append(by: "S001") { _ in [draft("before")] }
        io.set { $0.failTruncate = true }
        do {
            _ = try log.append(by: "S001") { _ in [draft("lost")] }
            Issue.record("expected not saved")
        } catch LogError.notSaved(let cause, let landed) {
            #expect(cause.operation == "ftruncate" && !landed)
        }
        io.set { $0.failTruncate = false }
        _ = try log.append(by: "S001") { _ in [draft("after")] }
        let (records, end, _) = try readAll(dir.file("desk.log"))
        #expect(end == .clean && records.map(\.seq) == [1, 2])
    }
}

/// Runs util-linux `flock --nonblock PATH true` in a child process: 0 = got
/// the lock, 1 = it is held elsewhere.
func runFlock(_ path: String) -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
    p.arguments = ["--nonblock", "--conflict-exit-code", "1", path, "true"]
    try? p.run()
    p.waitUntilExit()
    return p.terminationStatus
}
