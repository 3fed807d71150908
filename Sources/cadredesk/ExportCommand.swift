import ArgumentParser
import DeskCore
import Foundation

/// `cadredesk export …`: data to spreadsheets.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export data to a spreadsheet (CSV).", subcommands: [ExportRoster.self])
}

/// `cadredesk export roster [--list 独居 …] FILE.csv`: the roster, or the
/// cadres on every list given, as CSV a spreadsheet opens (UTF-8 with BOM,
/// CRLF: see `RosterExport`). The export is recorded in the log first.
struct ExportRoster: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Export the roster (every living cadre, or those on the lists given) to a CSV file.",
        discussion: """
        The file starts with a UTF-8 byte order mark so that Excel on Chinese Windows reads it as UTF-8
        (without it Excel assumes GB18030); WPS, LibreOffice and `cadredesk import roster` read it too.
        Filters combine: --list 独居 --list 高龄 --community 东风社区 exports those on all of them.
        Runs as the staff member whose login you are (the role needs the export permission); the export
        (who, what, rows, file) is recorded in the log.

        Exit status: 0 written; 2 not written (options, file, log, staff, permission).
        """
    )

    @OptionGroup var common: CommonOptions
    @Option(name: .customLong("list"), help: "A named list: 患病 丧偶 独居 空巢 生活不能自理 经济困难 高龄 双高期 住院中 异地居住 离休 退休 分级关怀 已故 (or the English names). Repeat for several.")
    var lists: [String] = []
    @Option(help: "Only this community (社区).") var community: String?
    @Option(name: .customLong("work-unit"), help: "Only this original work unit (原单位).") var workUnit: String?
    @Option(name: .customLong("care-level"), help: "Only this care level (关怀等级), e.g. 1.") var careLevel: Int?
    @Option(help: "Only cadres whose contact person (联系人) is this staff member (name or staff id).") var contact: String?
    @Flag(help: "Replace the file if it exists.") var force = false
    @Argument(help: "The CSV file to write.") var file: String

    /// A named list from the words people use for it.
    static func namedList(_ word: String) -> NamedList? {
        let zh = Localizer(.zh), en = Localizer(.en)
        let w = word.lowercased().filter { !$0.isWhitespace }
        return NamedList.allCases.first { l in
            let key = "roster.list.\(l.rawValue)"
            return [l.rawValue.lowercased(), zh(key), zh(key) + "名单", en(key).lowercased().filter { !$0.isWhitespace }].contains(w)
        }
    }

    func run() throws {
        let t = common.text
        var filters: [RosterFilter] = []
        for word in lists {
            guard let l = Self.namedList(word) else {
                print(t("roster.cli.unknown_list", word, NamedList.allCases.map { t("roster.list.\($0.rawValue)") }.joined(separator: " ")))
                throw ExitCode(2)
            }
            filters.append(.named(l))
        }
        if let community { filters.append(.community(community)) }
        if let workUnit { filters.append(.workUnit(workUnit)) }
        if let careLevel { filters.append(.careLevel(careLevel)) }
        let path = (file as NSString).expandingTildeInPath
        if FileManager.default.fileExists(atPath: path), !force {
            print(t("roster.cli.exists", path))
            throw ExitCode(2)
        }
        let (desk, staff) = try CommandLineStaff.open(common)
        if let contact {
            switch desk.state.staff.resolve(contact) {
            case .one(let id): filters.append(.contact(id))
            case .none:
                print(t("roster.cli.unknown_staff", contact))
                throw ExitCode(2)
            case .several(let ids):
                print(t("roster.csv.ambiguous_staff", contact, ids.map(\.raw).joined(separator: "、")))
                throw ExitCode(2)
            }
        }
        do {
            let rows = try RosterExport.export(desk, as: staff.id, filters: filters, to: path, lang: t.lang)
            print(t("roster.cli.exported", rows, path))
        } catch let e as DeskError {
            print(e.problems.map(t.message).joined(separator: " "))
            throw ExitCode(2)
        } catch {
            print(t("roster.export.failed", (error as NSError).localizedDescription))
            throw ExitCode(2)
        }
    }
}
