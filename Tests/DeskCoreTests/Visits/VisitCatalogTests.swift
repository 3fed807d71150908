import Foundation
import Testing
@testable import DeskCore

@Suite struct VisitCatalogTests {
    @Test func everyKindOccasionRuleAndBuiltInFestivalHasItsName() {
        let keys = VisitKind.allCases.map(\.catalogKey) + VisitOccasion.allCases.map(\.catalogKey)
            + DueRule.allCases.map(\.catalogKey) + [FestivalRule.springFestival, .midAutumn, .doubleNinth, .newYear, .partyDay].map(\.catalogKey)
            + OccasionOutcome.allCases.map { "visits.outcome.\($0.rawValue)" }
        for lang in [Lang.zh, .en] {
            let l = Localizer(lang)
            for k in keys { #expect(l.has(k), "\(lang) \(k)") }
        }
        #expect(Localizer(.zh)(VisitKind.home.catalogKey) == "上门走访")
    }

    /// Every message key a visit command can raise is in the catalog.
    @Test func everyProblemKeyInTheVisitCommandsIsInTheCatalog() throws {
        let source = try String(contentsOfFile: #filePath.replacingOccurrences(
            of: "Tests/DeskCoreTests/Visits/VisitCatalogTests.swift", with: "Sources/DeskCore/Visits/VisitCommands.swift"), encoding: .utf8)
        let keys = source.matches(of: /"(visits\.[a-z_]+)"/).map { String($0.1) }
        #expect(keys.count > 20)
        for k in Set(keys) { #expect(ZH.visits[k] != nil, "\(k)") }
    }
}
