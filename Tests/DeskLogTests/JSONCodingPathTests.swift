import DeskLog
import Foundation
import Testing

/// Decoding errors name where in the document they happened (the path is
/// put together only when an error asks for it).
@Suite struct JSONCodingPathTests {
    struct Visit: Decodable { var when: String; var count: Int }
    struct Day: Decodable { var visits: [Visit]; var extra: [String: Int]? }

    func path(_ text: String) -> String? {
        do {
            _ = try JSONCoding.decode(Day.self, from: JSON.parse(text))
            return nil
        } catch let DecodingError.typeMismatch(_, c), let DecodingError.dataCorrupted(c) {
            return c.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        } catch let DecodingError.keyNotFound(key, c) {
            return (c.codingPath + [key]).map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        } catch {
            return "other: \(error)"
        }
    }

    @Test func aWrongValueDeepInsideIsNamedByItsWholePath() {
        #expect(path(#"{"visits":[{"when":"x","count":1},{"when":5,"count":1}]}"#) == "visits.1.when")
        #expect(path(#"{"visits":[{"when":"x","count":"many"}]}"#) == "visits.0.count")
        #expect(path(#"{"visits":[{"when":"x","count":99999999999999999999}]}"#) != nil)
        #expect(path(#"{"visits":[{"when":"x"}]}"#) == "visits.0.count")
        #expect(path(#"{"visits":"none"}"#) == "visits")
        #expect(path(#"{"visits":[],"extra":{"a":"b"}}"#) == "extra.a")
        #expect(path(#"{"visits":[{"when":"x","count":2}]}"#) == nil, "a good document decodes")
    }
}
