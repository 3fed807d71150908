@testable import DeskLog
import Foundation
import Testing

/// The writer's form is decoded in C, 16 bytes at a time (`decodeWritersForm`);
/// every other line, and every bad one, by the Swift decoder a field at a time
/// (`decodeFieldByField`). These hold the two to one answer: where the C path
/// takes a line, the Swift decoder takes it too, with the same fields; the C
/// path takes every line the writer forms; and no damage gets through it.
@Suite struct WritersFormTests {
    /// A line as the writer forms it, without its newline.
    static func line(id: UUID, seq: UInt64, at: Timestamp, by: String, type: String, batch: (Int, Int) = (0, 0),
                     data: JSON = .object(JSONObject([.init(key: "cadre", value: .string("C01000")), .init(key: "kind", value: .string("home"))]))) -> [UInt8] {
        var out: [UInt8] = []
        Envelope.appendLine(id: id, seq: seq, at: at, by: by, type: type, batchIndex: batch.0, batchCount: batch.1, data: data, into: &out)
        return Array(out.dropLast())
    }

    /// The same line with its checksum field made right for its JSON (as a writer would have written it).
    static func resealed(_ line: [UInt8]) -> [UInt8] {
        guard line.count > 9 else { return line }
        let crc = Array(Envelope.hex8(CRC32C.checksum(Array(line[9...]))).utf8)
        return crc + line[8...]
    }

    enum Outcome: Equatable, CustomStringConvertible {
        case fields(version: Int, id: UUID, seq: UInt64, at: Timestamp, by: String, type: String, batch: [Int], data: Range<Int>)
        case problem(Envelope.Problem)

        init(_ r: Result<Envelope.Fields, Envelope.Problem>) {
            switch r {
            case .success(let f):
                self = .fields(version: f.version, id: f.id, seq: f.seq, at: f.at, by: f.by, type: f.type,
                               batch: [f.batchIndex, f.batchCount], data: f.dataRange)
            case .failure(let p): self = .problem(p)
            }
        }

        var description: String {
            switch self {
            case .fields(let v, let id, let seq, let at, let by, let type, let batch, let data):
                "v\(v) \(id) seq \(seq) at \(at.epochMillis)/\(at.offsetMinutes) by \(by) type \(type) batch \(batch) data \(data)"
            case .problem(let p): "\(p)"
            }
        }
    }

    /// What each path makes of a line: the C path's fields (nil where it
    /// declines) and the Swift decoder's answer.
    static func bothWays(_ line: [UInt8]) -> (writersForm: Outcome?, fieldByField: Outcome?) {
        guard line.count >= 11 else { return (nil, nil) }
        return line.withUnsafeBytes { b in
            let crc = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: b[9...]))
            var fastCache = EnvelopeCache(), slowCache = EnvelopeCache()
            let fast = Envelope.decodeWritersForm(line: b, crc: crc, cache: &fastCache).map { Outcome(.success($0)) }
            return (fast, Outcome(Envelope.decodeFieldByField(line: b, crc: crc, cache: &slowCache)))
        }
    }

    /// Lines of every shape the writer makes: ids, seqs from 1 to 15 digits,
    /// times across the calendar and the world's offsets, names empty, Chinese,
    /// long, and needing escapes, with and without batch fields.
    static func writtenLines(count: Int, seed: UInt64) -> [(line: [UInt8], plain: Bool)] {
        var rng = SplitMix(state: seed)
        let names = ["", "S010", "张秀英", "clerk-with-a-rather-long-name-0042", "quote\"in", "back\\slash", "tab\there", "新", "a"]
        let types = ["visit.logged", "ticket.opened", "checkin.recorded", "x", "a.type.longer.than.sixteen.bytes", "odd\"type"]
        return (0..<count).map { _ in
            let seq = rng.next() % 4 == 0 ? rng.next() % 999_999_999_999_999 + 1 : rng.next() % 2_000_000 + 1
            // Years 5 to 9987, any millisecond, offsets from -12:00 to +14:00 in quarter hours.
            let ms = Int64(rng.next() % 315_000_000_000_000) - 62_000_000_000_000
            let offset = (Int(rng.next() % 105) - 48) * 15
            let by = names[Int(rng.next() % UInt64(names.count))], type = types[Int(rng.next() % UInt64(types.count))]
            let n = Int(rng.next() % 5) + 1
            let batch = n == 1 ? (0, 0) : (Int(rng.next() % UInt64(n)) + 1, n)
            let data: JSON = rng.next() % 3 == 0 ? .object(JSONObject()) : .object(JSONObject([.init(key: "note", value: .string(String(repeating: "备注", count: Int(rng.next() % 40))))]))
            let line = Self.line(id: UUID(), seq: seq, at: Timestamp(epochMillis: ms, offsetMinutes: offset), by: by, type: type,
                                 batch: batch, data: data)
            // The C path takes what needs no escape, a non-zero offset (else `Z`), and up to 15 digits of seq.
            let plain = !by.contains(where: { $0 == "\"" || $0 == "\\" || $0 == "\t" }) && !type.contains("\"") && offset != 0
            return (line, plain)
        }
    }

    @Test func everyLineTheWriterFormsDecodesTheSameBothWaysAndTheCPathTakesThePlainOnes() {
        var taken = 0, plain = 0
        for (line, isPlain) in Self.writtenLines(count: 20_000, seed: 21) {
            let (fast, slow) = Self.bothWays(line)
            guard case .fields = slow else {
                Issue.record("the Swift decoder refused a written line: \(slow.map(\.description) ?? "-")")
                continue
            }
            if let fast {
                taken += 1
                #expect(fast == slow, "\(String(decoding: line, as: UTF8.self))")
            }
            if isPlain { plain += 1 }
        }
        // Every plain line, and only those: the others fall to the Swift decoder.
        #expect(plain > 10_000)
        #expect(taken == (Envelope.decodesWritersFormInC ? plain : 0))
    }

    /// Every byte of a line replaced by each of a set of bytes, with the
    /// checksum made right again, so that the envelope's own checks must catch it.
    @Test func noChangedByteGetsThroughTheCPathUnlessTheSwiftDecoderTakesItAlike() {
        let bytes: [UInt8] = [0x00, 0x09, 0x20, 0x22, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F, 0x30, 0x31, 0x32, 0x35, 0x36, 0x39, 0x3A, 0x3B,
                              0x40, 0x41, 0x46, 0x47, 0x54, 0x5A, 0x5C, 0x60, 0x61, 0x66, 0x67, 0x7B, 0x7D, 0x7F, 0x80, 0xE5, 0xFF]
        let lines = [
            Self.line(id: UUID(), seq: 1, at: Timestamp(epochMillis: 1_700_000_000_123, offsetMinutes: 480), by: "S010", type: "visit.logged"),
            Self.line(id: UUID(), seq: 987_654, at: Timestamp(epochMillis: 951_782_400_000, offsetMinutes: -330), by: "",
                      type: "ticket.opened", batch: (2, 3), data: .object(JSONObject())),
            // Two-digit batch numbers (a leading zero), the smallest batch, a type read to the line's end.
            Self.line(id: UUID(), seq: 55, at: Timestamp(epochMillis: 0, offsetMinutes: 60), by: "张秀英", type: "t", batch: (12, 15)),
            Self.line(id: UUID(), seq: 56, at: Timestamp(epochMillis: 0, offsetMinutes: 60), by: "S1", type: "t.e", batch: (1, 2)),
            Self.line(id: UUID(), seq: 57, at: Timestamp(epochMillis: 0, offsetMinutes: 60), by: "S1", type: "x", data: .object(JSONObject())),
        ]
        var taken = 0, compared = 0
        for original in lines {
            for position in 0..<original.count {
                for byte in bytes where byte != original[position] {
                    var changed = original
                    changed[position] = byte
                    for line in [changed, Self.resealed(changed)] {
                        let (fast, slow) = Self.bothWays(line)
                        compared += 1
                        guard let fast else { continue }
                        taken += 1
                        #expect(fast == slow, "byte \(position) → \(byte): \(String(decoding: line, as: UTF8.self))")
                    }
                }
            }
        }
        // Some changes leave a good line (another digit of the id, seq or data): those the C path must still take.
        #expect(compared > 10_000)
        #expect(Envelope.decodesWritersFormInC ? taken > 1_000 : taken == 0)
    }

    @Test func everyCutOfALineIsDeclinedOrDecodedAlike() {
        let line = Self.line(id: UUID(), seq: 42, at: Timestamp(epochMillis: 1_763_878_865_123, offsetMinutes: 480), by: "张秀英",
                             type: "checkin.recorded", batch: (1, 2))
        for cut in 11..<line.count {
            for candidate in [Array(line[..<cut]), Self.resealed(Array(line[..<cut]))] {
                let (fast, slow) = Self.bothWays(candidate)
                if let fast { #expect(fast == slow, "cut at \(cut)") }
            }
        }
    }

    /// Lines one edit away from the writer's form that no single changed byte makes.
    @Test func edgeFormsAreTakenOrRefusedAlike() throws {
        let template = String(decoding: Self.line(id: UUID(), seq: 12, at: Timestamp(epochMillis: 0, offsetMinutes: 480),
                                                  by: "S001", type: "t.e", data: .object(JSONObject())), as: UTF8.self)
        let edits: [(String, String, taken: Bool)] = [
            (#""type":"t.e""#, #""type":"""#, false), (#""by":"S001""#, #""by":"""#, true),
            (#""seq":12"#, #""seq":0"#, false), (#""seq":12"#, #""seq":012"#, false),
            (#""seq":12"#, #""seq":123456789012345"#, true), (#""seq":12"#, #""seq":1234567890123456"#, false),
            (#"{"v":1"#, #"{"v":2"#, false), (#""data":{}"#, #""data":[]"#, false),
            (#""data":{}"#, #""bi":1,"bn":1000000,"data":{}"#, true), (#""data":{}"#, #""bi":1,"bn":1000001,"data":{}"#, false),
            (#""data":{}"#, #""bi":3,"bn":2,"data":{}"#, false), (#""data":{}"#, #""bi":0,"bn":2,"data":{}"#, false),
        ]
        for (old, new, taken) in edits {
            let range = try #require(template.range(of: old), "\(old)")
            let line = Self.resealed(Array(template.replacingCharacters(in: range, with: new).utf8))
            let (fast, slow) = Self.bothWays(line)
            #expect((fast != nil) == (taken && Envelope.decodesWritersFormInC), "\(new)")
            if let fast { #expect(fast == slow, "\(new)") }
            if taken { #expect(slow.map { if case .fields = $0 { true } else { false } } == true, "\(new)") }
        }
    }

    /// The calendar's edges, which the C path checks itself: month lengths,
    /// leap years (1900 is not, 2000 is), the last second, hours and offsets.
    @Test func datesAndTimesAtTheCalendarsEdgesAreTakenOrRefusedAlike() throws {
        let template = Self.line(id: UUID(), seq: 7, at: Timestamp(epochMillis: 0, offsetMinutes: 480), by: "S001", type: "t.e")
        let text = String(decoding: template, as: UTF8.self)
        let old = try #require(text.range(of: "1970-01-01T08:00:00.000+08:00"))
        var taken = 0, good = 0
        for year in ["0000", "0001", "1900", "1970", "2000", "2024", "2026", "9999"] {
            for month in ["00", "01", "02", "04", "12", "13"] {
                for day in ["00", "28", "29", "30", "31", "32"] {
                    for time in ["00:00:00.000", "23:59:60.999", "24:00:00.000", "12:60:00.000", "12:00:61.000"] {
                        for offset in ["+08:00", "-12:00", "+23:59", "+24:00", "-05:60", "+00:00", "-00:00"] {
                            let at = "\(year)-\(month)-\(day)T\(time)\(offset)"
                            let line = Self.resealed(Array(text.replacingCharacters(in: old, with: at).utf8))
                            let (fast, slow) = Self.bothWays(line)
                            if case .fields = slow { good += 1 }
                            guard let fast else { continue }
                            taken += 1
                            #expect(fast == slow, "\(at)")
                        }
                    }
                }
            }
        }
        // Every one the Swift decoder takes is in the writer's form: the C path must take them all.
        #expect(good > 500)
        #expect(taken == (Envelope.decodesWritersFormInC ? good : 0))
    }
}
