import Foundation
import Testing
@testable import DeskCore

@Suite struct CentreCatalogTests {
    @Test func everyMessageKeyTheCentreUsesIsInTheCatalog() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Sources/DeskCore/Centre").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty)
        let pattern = try NSRegularExpression(pattern: #""(centre(?:\.[a-z_]+)+)""#)
        var used = Set<String>()
        for f in files {
            let text = try String(contentsOfFile: folder.appendingPathComponent(f).path, encoding: .utf8)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                used.insert(String(text[Range(m.range(at: 1), in: text)!]))
            }
        }
        used.subtract(CentreEvents.all.map { $0.type })
        for kind in HolderKind.allCases { used.insert("centre.booking.not_for_\(kind.rawValue)") }
        #expect(used.count > 50)
        let missing = used.filter { ZH.centre[$0] == nil }.sorted()
        #expect(missing == [])
    }
}
