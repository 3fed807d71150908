import DeskLog
import Foundation
import Testing

@Suite struct FormatTests {
    @Test func aLineIsChecksumSpaceCompactJSONAndNewline() throws {
        var out: [UInt8] = []
        let id = UUID(uuidString: "6F9619FF-8B86-D011-B42D-00CF4FC964FF")!
        Envelope.appendLine(id: id, seq: 7, at: Timestamp("2026-11-23T14:21:05.123+08:00")!, by: "S001", type: "cadre.added",
                            data: .object(JSONObject([.init(key: "name", value: .string("张三"))])), into: &out)
        let line = String(decoding: out, as: UTF8.self)
        let json = #"{"v":1,"id":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","seq":7,"at":"2026-11-23T14:21:05.123+08:00","by":"S001","type":"cadre.added","data":{"name":"张三"}}"#
        let crc = String(format: "%08x", CRC32C.checksum(Array(json.utf8)))
        #expect(line == crc + " " + json + "\n")
    }

    @Test func crc32cMatchesTheStandardCheckValue() {
        // RFC 3720 / iSCSI check value for "123456789".
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
    }

    @Test func timestampsRoundTripWithTheirOffset() throws {
        for text in ["2026-11-23T14:21:05.123+08:00", "2024-02-29T00:00:00.000Z", "1999-12-31T23:59:59.999-05:30"] {
            let t = try #require(Timestamp(text))
            #expect(t.description == text)
        }
        #expect(Timestamp("2026-02-30T00:00:00Z") == nil)
        #expect(Timestamp("2026-11-23 14:21:05+08:00") == nil)
        let a = try #require(Timestamp("2026-11-23T14:00:00+08:00"))
        let b = try #require(Timestamp("2026-11-23T06:00:00Z"))
        #expect(a.epochMillis == b.epochMillis)
    }

    @Test func jsonRoundTripsStringsWithControlCharactersQuotesAndCJK() throws {
        let s = "名字\"引号\"\\反斜杠\n换行\t制表\u{01}控制😀"
        let j = JSON.object(JSONObject([.init(key: "s", value: .string(s)), .init(key: "n", value: .int(-42)),
                                         .init(key: "a", value: .array([.bool(true), .null, .double(1.5)]))]))
        let bytes = j.encoded()
        #expect(!bytes.contains(0x0A))
        #expect(try JSON.parse(bytes) == j)
    }

    @Test func jsonRejectsMalformedInput() throws {
        for bad in ["{", "{\"a\":}", "[1,]", "\"\\x\"", "01", "{\"a\":1}x", "\"\u{01}\"", "\"\\ud800\""] {
            #expect(throws: JSONParseError.self, "\(bad)") { try JSON.parse(bad) }
        }
        #expect(try JSON.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test func codableRoundTripThroughTheJSONTree() throws {
        struct Payload: Codable, Equatable {
            var name: String
            var age: Int
            var tags: [String]
            var nested: [String: Int]
            var optional: String?
            var money: Int64
        }
        let p = Payload(name: "欧阳修远", age: 93, tags: ["独居", "高龄"], nested: ["a": 1], optional: nil, money: 50_000)
        let json = try JSONCoding.encode(p)
        #expect(json["optional"] == nil)
        #expect(try JSONCoding.decode(Payload.self, from: JSON.parse(json.encoded())) == p)
        #expect(throws: DecodingError.self) { try JSONCoding.decode(Payload.self, from: JSON.parse(#"{"name":"x"}"#)) }
    }
}
