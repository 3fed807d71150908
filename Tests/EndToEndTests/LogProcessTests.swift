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
