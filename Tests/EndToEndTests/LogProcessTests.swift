import DeskLog
import Foundation
import Testing

/// Real child processes writing one log at once, and being SIGKILLed.
@Suite(.serialized) struct LogProcessTests {
    @Test func threeWritersTimesTwoThousandAppendsWhileAFourthProcessReads() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        let reader = try Child(Binaries.stress, ["read", "--log", path, "--until", "6000", "--timeout", "600"])
        let writers = try (1...3).map { w in
            try Child(Binaries.stress, ["write", "--log", path, "--count", "2000", "--writer", "w\(w)", "--seed", "\(w * 7919)"])
        }
        for w in writers { #expect(w.wait() == 0) }
        #expect(reader.wait() == 0, "the reader saw damage or timed out: \(reader.output)")
        #expect(reader.output.last?.hasPrefix("read 6000 ") == true)

        var o = EventLog.Options()
        o.readOnly = true
        let log = try EventLog(path: path, options: o)
        var seqs: [UInt64] = [], ids = Set<UUID>(), big = 0
        try log.poll { r in
            seqs.append(r.seq)
            ids.insert(r.id)
            if r.length > 4096 { big += 1 }
        }
        #expect(log.end == .clean)
        #expect(seqs == Array(1...6000))
        #expect(ids.count == 6000)
        #expect(big > 0, "some lines should be over 4 KB")
        let acked = writers.flatMap { $0.output }.filter { $0.hasPrefix("ack ") }
        #expect(acked.count == 6000)
        let (status, out) = try run(Binaries.cadredesk, ["verify", "--log", path, "--lang", "en"])
        #expect(status == 0, "\(out)")
    }

    @Test func writersKilledAtRandomMomentsLoseNothingThatWasAcknowledged() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        var rng = SystemRandomNumberGenerator()
        var acked: [String: UInt64] = [:]  // id → seq reported
        var kills = 0
        var round = 0
        while kills < 60 {
            round += 1
            let writers = try (1...3).map { w in
                try Child(Binaries.stress, ["write", "--log", path, "--count", "400", "--writer", "r\(round)w\(w)", "--seed", "\(round * 31 + w)"])
            }
            // Kill two of the three at random moments while they append; let the third finish.
            for victim in writers.prefix(2) {
                let after = Int.random(in: 0...60, using: &rng)
                let deadline = Date().addingTimeInterval(20)
                while victim.output.count < after, victim.process.isRunning, Date() < deadline { usleep(500) }
                usleep(UInt32.random(in: 0...3_000, using: &rng))
                victim.kill()
            }
            for w in writers {
                let status = w.wait()
                if w.wasKilled { kills += 1 } else { #expect(status == 0) }
                for line in w.output where line.hasPrefix("ack ") {
                    let parts = line.split(separator: " ")
                    acked[String(parts[2])] = UInt64(parts[1])
                }
            }
            if round > 200 { break }
        }
        #expect(kills >= 50)

        // Every acknowledged append is present exactly once, at the seq it was given.
        var o = EventLog.Options()
        o.readOnly = true
        let log = try EventLog(path: path, options: o)
        var count: [String: Int] = [:], seqOf: [String: UInt64] = [:], last: UInt64 = 0, gapless = true
        try log.poll { r in
            let id = r.id.uuidString.lowercased()
            count[id, default: 0] += 1
            seqOf[id] = r.seq
            if r.seq != last + 1 { gapless = false }
            last = r.seq
        }
        #expect(gapless)
        #expect(acked.count > 1_000, "the check below needs acknowledged appends to look for")
        for (id, seq) in acked {
            #expect(count[id] == 1, "acknowledged \(id) present \(count[id] ?? 0) times")
            #expect(seqOf[id] == seq)
        }
        let (status, out) = try run(Binaries.cadredesk, ["verify", "--log", path])
        #expect(status == 0 || status == 1, "\(out)")

        // The next append repairs any torn tail; then the file verifies clean.
        let fixer = try Child(Binaries.stress, ["write", "--log", path, "--count", "1", "--writer", "fixer", "--seed", "1"])
        #expect(fixer.wait() == 0)
        let (after, out2) = try run(Binaries.cadredesk, ["verify", "--log", path])
        #expect(after == 0, "\(out2)")
    }

    /// Readers that map the log keep reading it whole while a writer cuts
    /// off what a crashed writer left: a batch of big records half written
    /// (here written by this test under the writers' lock, ~1 MB of whole
    /// lines of a batch that never ended), then a writer's next append sets
    /// it aside and cuts the file back. A reader maps only up to where no
    /// writer cuts (a mapped page cut off would kill it with SIGBUS: with the
    /// torn batch mapped too, the slow reader died of SIGBUS in every run),
    /// and no reader sees damage.
    @Test func readersMappingTheLogSurviveWritersCuttingTornBatchesOff() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        // Over the 1 MiB a read must reach before it maps.
        let seed = try Child(Binaries.stress, ["write", "--log", path, "--count", "2500", "--writer", "seed", "--seed", "3"])
        #expect(seed.wait() == 0)
        // One fast reader, and one that pauses 20 µs per record before it reads
        // the record's bytes: it touches mapped pages long after it mapped them.
        let readers = try ["0", "20"].map { slow in try Child(Binaries.stress, ["scan", "--log", path, "--seconds", "8", "--slow-us", slow]) }
        let note = String(repeating: "走访慰问记录", count: 300)
        var cuts = 0
        let stop = Date().addingTimeInterval(6.5)
        while Date() < stop {
            // A writer that died in the middle of a batch of 400: its first 180 lines.
            var o = EventLog.Options()
            o.readOnly = true
            let now = try EventLog(path: path, options: o)
            try now.pollEnvelopes { _ in }
            var torn: [UInt8] = []
            for k in 1...180 {
                Envelope.appendLine(id: UUID(), seq: now.lastSeq + UInt64(k), at: Timestamp(Date(), timeZone: .current), by: "S001",
                                    type: "export.made", batchIndex: k, batchCount: 400,
                                    data: .object(JSONObject([.init(key: "scope", value: .string(note))])), into: &torn)
            }
            let fd = open(path, O_RDWR)
            #expect(flock(fd, LOCK_EX) == 0)
            let wrote = torn.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(now.committedEnd)) }
            #expect(wrote == torn.count)
            close(fd)
            usleep(3_000)
            // The next writer sets the torn batch aside and cuts the file back.
            let writer = try Child(Binaries.stress, ["write", "--log", path, "--count", "1", "--writer", "fix\(cuts)", "--seed", "\(cuts)"])
            #expect(writer.wait() == 0)
            cuts += 1
        }
        for r in readers {
            let status = r.wait()
            #expect(!r.wasKilled && status == 0, "a mapping reader died or saw damage: \(r.output)")
            let parts = r.output.last?.split(separator: " ") ?? []
            #expect(parts.count == 6 && parts[0] == "scans", "\(r.output)")
            // Both ways were taken: mapped while the file ended whole, by pread while it ended torn.
            if parts.count == 6 { #expect(Int(parts[1])! > Int(parts[3])! && Int(parts[3])! > 0, "\(r.output)") }
        }
        #expect(cuts >= 10)
        let (status, out) = try run(Binaries.cadredesk, ["verify", "--log", path])
        #expect(status == 0, "\(out)")
    }

    @Test func verifyExitsOneOnATornTailAndTwoNamingTheLineOnAFlippedByte() throws {
        let dir = TempDir()
        let path = dir.file("desk.log")
        let w = try Child(Binaries.stress, ["write", "--log", path, "--count", "50", "--writer", "v", "--seed", "5"])
        #expect(w.wait() == 0)
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(try run(Binaries.cadredesk, ["verify", "--log", path]).0 == 0)

        var torn = good
        torn.append(contentsOf: Array(good.prefix(40)))
        try torn.write(to: URL(fileURLWithPath: path))
        let (tornStatus, tornOut) = try run(Binaries.cadredesk, ["verify", "--log", path, "--lang", "en"])
        #expect(tornStatus == 1, "\(tornOut)")
        #expect(tornOut.contains("Unfinished record at the end (from line 51"))

        var flipped = good
        let lines = good.split(separator: 0x0A, omittingEmptySubsequences: false)
        let line20Start = lines.prefix(19).reduce(0) { $0 + $1.count + 1 }
        flipped[line20Start + 25] ^= 0x01
        try flipped.write(to: URL(fileURLWithPath: path))
        let (badStatus, badOut) = try run(Binaries.cadredesk, ["verify", "--log", path])
        #expect(badStatus == 2, "\(badOut)")
        #expect(badOut.contains("第 20 行"), "\(badOut)")
        #expect(badOut.contains("字节偏移 \(line20Start)"), "\(badOut)")
    }
}
