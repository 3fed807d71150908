import Foundation
import Testing
@testable import DeskCore

@Suite struct RosterCatalogTests {
    @Test func everyKeyTheRosterCodeNamesIsInTheCatalog() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Sources/DeskCore/Roster").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 10)
        let zh = Localizer(.zh)
        var checked = 0
        for f in files {
            let text = try String(contentsOf: folder.appendingPathComponent(f), encoding: .utf8)
            // Literal keys: "roster.xxx.yyy" not followed by an interpolation.
            let pattern = try NSRegularExpression(pattern: "\"(roster\\.[a-z_]+(?:\\.[a-z_A-Z]+)*)\"")
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(m.range(at: 1), in: text)!])
                // A key may also be a prefix completed in code (`"roster.gender"` + `.male`).
                let known = zh.has(key) || ZH.roster.keys.contains { $0.hasPrefix(key + ".") }
                #expect(known, "\(key) in \(f)")
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    @Test func everyCodedValueListAndColumnHasAWordInBothLanguages() {
        var keys: [String] = []
        keys += Gender.allCases.map { "roster.gender.\($0.rawValue)" }
        keys += CadreCategory.allCases.map { "roster.category.\($0.rawValue)" }
        keys += RankBand.allCases.map { "roster.rank.\($0.rawValue)" }
        keys += HealthStatus.allCases.map { "roster.health.\($0.rawValue)" }
        keys += LivingSituation.allCases.map { "roster.living.\($0.rawValue)" }
        keys += MaritalStatus.allCases.map { "roster.marital.\($0.rawValue)" }
        keys += NamedList.allCases.map { "roster.list.\($0.rawValue)" }
        keys += RosterColumn.allCases.map(\.labelKey)
        keys += ["name", "gender", "birthDate", "idNumber", "phone", "family", "careLevel", "contact", "alerts",
                 "hospitalisedSince", "livingElsewhere", "deceasedOn", "widowedOn", "file"].map { "roster.field.\($0)" }
        let zh = Localizer(.zh), en = Localizer(.en)
        for k in keys { #expect(zh.has(k) && en.has(k), "\(k)") }
        #expect(zh("roster.category.lixiu") == "离休" && zh("roster.health.dependent") == "生活不能自理")
    }
}
