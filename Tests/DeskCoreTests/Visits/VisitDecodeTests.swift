import DeskLog
import Testing
@testable import DeskCore

/// `visit.logged` is read by a hand-written decoder (most of a log is
/// visits); it must give what the Codable path gives, and refuse what it refuses.
@Suite struct VisitDecodeTests {
    static func records() -> [VisitRecord] {
        var rng = SplitMix64(seed: 42)
        return (0..<300).map { i in
            let group = i % 7 == 0
            return VisitRecord(
                id: ID("V\(100_000 + i)"),
                cadres: (0..<(group ? Int.random(in: 2...12, using: &rng) : 1)).map { ID("C\(10_000 + $0 * 7 + i)") },
                staff: i % 3 == 0 ? ["S001", "S002"] : [ID("S00\(i % 9 + 1)")],
                at: LocalDateTime(LocalDate(2021 + i % 6, i % 12 + 1, i % 28 + 1), LocalTime(8 + i % 10, i % 60)),
                kind: VisitKind.allCases[i % VisitKind.allCases.count],
                occasion: VisitOccasion.allCases[i % VisitOccasion.allCases.count],
                learned: i % 4 == 0 ? "" : "身体\(i)良好,\"家属\"在旁\n下次带药",
                needs: (0..<(i % 3)).map { "需求\($0)" },
                gifts: i % 5 == 0 ? "米、油" : "",
                moneyEach: Money(fen: Int64(i % 4) * 50_000),
                followUp: i % 2 == 0 ? nil : LocalDate(2026, 12, i % 28 + 1))
        }
    }

    func both(_ json: JSON) -> (hand: Result<VisitRecord, any Error>, codable: Result<VisitRecord, any Error>) {
        (Result { (try VisitLogged.decoded(from: json) as! VisitLogged).visit },
         Result { try JSONCoding.decode(VisitLogged.self, from: json).visit })
    }

    @Test func everyRecordReadsTheSameByHandAsThroughCodable() throws {
        for r in Self.records() {
            let json = try JSONCoding.encode(VisitLogged(visit: r))
            let (hand, codable) = both(json)
            #expect(try hand.get() == r)
            #expect(try codable.get() == r)
        }
    }

    @Test func whatCodableRefusesTheHandDecoderRefusesToo() throws {
        let r = Self.records()[1]
        guard case .object(let outer) = try JSONCoding.encode(VisitLogged(visit: r)), case .object(let visit)? = outer["visit"] else {
            Issue.record("the premise: an object inside an object"); return
        }
        let wrong: [JSON] = [.int(5), .string("x"), .array([.int(1)]), .null, .object(JSONObject()), .string("2026-02-30 09:30")]
        var refused = 0
        for member in visit.members {
            var variants: [JSONObject] = []
            var missing = visit
            missing[member.key] = nil
            variants.append(missing)
            for w in wrong {
                var changed = visit
                changed[member.key] = w
                variants.append(changed)
            }
            for v in variants {
                let (hand, codable) = both(.object(JSONObject([.init(key: "visit", value: .object(v))])))
                switch (hand, codable) {
                case (.success(let a), .success(let b)): #expect(a == b, "\(member.key): both read it, differently")
                case (.failure, .failure): refused += 1
                default: Issue.record("\(member.key) = \(v[member.key].map { "\($0)" } ?? "missing"): hand \(hand), Codable \(codable)")
                }
            }
        }
        #expect(refused > 50, "the premise: most variants are refused (\(refused))")
        #expect(throws: (any Error).self) { try VisitLogged.decoded(from: .array([])) }
    }
}
