import Foundation
import Testing
@testable import DeskTUI

@Suite struct ThemeTests {
    /// The repository's top-level themes/ directory.
    static let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes").path

    @Test(arguments: ["default", "high-contrast", "monochrome"])
    func eachShippedThemeFileParses(name: String) throws {
        let theme = try Theme.load(named: name, directory: Self.themesDirectory)
        #expect(theme.name == name)
    }

    @Test(arguments: ["default", "high-contrast", "monochrome"])
    func embeddedFallbackEqualsTheShippedFile(name: String) throws {
        let path = Self.themesDirectory + "/\(name).toml"
        let file = try String(contentsOfFile: path, encoding: .utf8)
        let embedded = try #require(BuiltInThemes.sources.first { $0.name == name }).toml
        #expect(embedded == file, "paste themes/\(name).toml into BuiltInThemes.swift")
    }

    @Test func aMissingDirectoryFallsBackToTheBuiltInTheme() throws {
        let theme = try Theme.load(named: "high-contrast", directory: "/nonexistent/themes")
        #expect(theme[.selected].background == .brightYellow)
    }

    @Test func anUnknownThemeNameIsAnError() {
        #expect(throws: ThemeError.self) { try Theme.load(named: "purple", directory: nil) }
    }

    @Test func rolesAreReadFromTheFile() throws {
        let theme = try Theme.load(named: "default", directory: Self.themesDirectory)
        #expect(theme[.selected] == RoleAppearance(foreground: .black, background: .cyan))
        #expect(theme[.header].attributes == [.bold, .underline])
        #expect(theme[.normal] == RoleAppearance())
    }

    @Test(arguments: ["default", "high-contrast", "monochrome"])
    func rolesShownTogetherLookDifferent(name: String) throws {
        let theme = try #require(Theme.builtIn(named: name))
        for group in Theme.contrastGroups {
            let looks = group.map { theme[$0] }
            #expect(Set(looks).count == group.count, "\(name): \(group.map(\.name))")
        }
    }

    @Test func withoutColourEveryRoleShownTogetherDiffersInAttributesAlone() {
        let theme = Theme.builtIn(named: "default")!.forTerminal(colorsAvailable: false)
        for group in Theme.contrastGroups {
            let attributes = group.map { theme.attributes(for: Style($0)) }
            #expect(Set(attributes).count == group.count, "\(group.map(\.name))")
        }
        #expect(theme.attributes(for: Style(.selected)) == .reverse)
        #expect(theme.attributes(for: Style(.alert)) == [.bold, .reverse])
        #expect(Role.allCases.allSatisfy { theme[$0].foreground == .default && theme[$0].background == .default })
    }

    @Test func noColorTurnsColourOffOnlyWhenSetAndNotEmpty() {
        #expect(!Theme.colorAllowed(environment: ["NO_COLOR": "1"]))
        #expect(Theme.colorAllowed(environment: ["NO_COLOR": ""]))
        #expect(Theme.colorAllowed(environment: [:]))
    }

    @Test func anUnknownColourNamesFileLineAndKey() {
        let toml = Self.defaultText.replacingOccurrences(
            of: "[selected]\nfg = \"black\"", with: "[selected]\nfg = \"purpel\"")
        let error = #expect(throws: ThemeError.self) {
            try Theme.parse(toml: toml, name: "mine", file: "themes/mine.toml")
        }
        #expect(error?.file == "themes/mine.toml")
        #expect(error?.key == "selected.fg")
        #expect(error?.line == Self.line(of: "fg = \"purpel\"", in: toml))
        #expect(error?.description.hasPrefix("themes/mine.toml:\(error?.line ?? 0): selected.fg: unknown colour \"purpel\"") == true)
    }

    @Test func aTOMLSyntaxErrorNamesFileLineAndKey() {
        let toml = Self.defaultText.replacingOccurrences(
            of: "[alert]\nfg = \"black\"", with: "[alert]\nfg = black")
        let error = #expect(throws: ThemeError.self) {
            try Theme.parse(toml: toml, name: "mine", file: "mine.toml")
        }
        #expect(error?.line == Self.line(of: "fg = black", in: toml))
        #expect(error?.key == "alert.fg")
    }

    @Test func anUnknownRoleOrAttributeOrAMissingRoleIsReported() {
        let typo = Self.defaultText.replacingOccurrences(of: "[muted]", with: "[mutd]")
        let unknownRole = #expect(throws: ThemeError.self) { try Theme.parse(toml: typo, name: "x", file: "x.toml") }
        #expect(unknownRole?.key == "mutd")
        #expect(unknownRole?.line == Self.line(of: "[mutd]", in: typo))

        let badAttribute = Self.defaultText.replacingOccurrences(of: "attrs = [\"bold\", \"underline\"]", with: "attrs = [\"blink\"]")
        let attributeError = #expect(throws: ThemeError.self) { try Theme.parse(toml: badAttribute, name: "x", file: "x.toml") }
        #expect(attributeError?.key == "header.attrs")

        let missing = Self.defaultText.replacingOccurrences(of: "[ok]\nfg = \"green\"\n", with: "")
        let missingError = #expect(throws: ThemeError.self) { try Theme.parse(toml: missing, name: "x", file: "x.toml") }
        #expect(missingError?.key == "ok")
    }

    static var defaultText: String { BuiltInThemes.sources.first { $0.name == "default" }!.toml }

    static func line(of needle: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }
}
