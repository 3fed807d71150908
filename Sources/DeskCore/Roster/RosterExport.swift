import Foundation

/// Exporting the roster (or some lists of it) to a CSV file a spreadsheet
/// opens correctly.
///
/// BOM choice: the file starts with the UTF-8 BOM and uses CRLF line ends.
/// Excel on Chinese Windows reads a CSV without a BOM as GB18030 and shows
/// UTF-8 Chinese as mojibake; with the BOM it reads UTF-8. WPS, LibreOffice
/// and Numbers accept the BOM, and our own import strips it.
public enum RosterExport {
    /// The header row in `lang`, then one row per file, every column in `RosterColumn` order.
    public static func csv(_ cadres: [Cadre], state: DeskState, lang: Lang = .zh) -> [UInt8] {
        let l = Localizer(lang)
        var rows: [[String]] = [RosterColumn.allCases.map { l($0.labelKey) }]
        rows.reserveCapacity(cadres.count + 1)
        for c in cadres {
            rows.append(RosterColumn.allCases.map { cell($0, c, state: state, l) })
        }
        return SpreadsheetCSV.bytes(rows)
    }

    static func cell(_ col: RosterColumn, _ c: Cadre, state: DeskState, _ l: Localizer) -> String {
        switch col {
        case .fileNumber: return c.id.raw
        case .name: return c.name
        case .gender: return l("roster.gender.\(c.gender.rawValue)")
        case .birthDate: return c.birthDate.description
        // A leading tab would stop Excel from turning 18 digits into 1.10101E+17, but it also
        // lands in the data; the import strips blanks, so we keep the plain number (see README).
        case .idNumber: return c.idNumber ?? ""
        case .category: return l("roster.category.\(c.category.rawValue)")
        case .rank: return l("roster.rank.\(c.rank.rawValue)")
        case .workUnit: return c.workUnit
        case .partyBranch: return c.partyBranch
        case .phone: return c.phone ?? ""
        case .address: return c.address
        case .community: return c.community
        case .health: return l("roster.health.\(c.health.rawValue)")
        case .living: return l("roster.living.\(c.living.rawValue)")
        case .marital: return l("roster.marital.\(c.marital.rawValue)")
        case .hardship: return l(c.hardship ? "roster.yes" : "roster.no")
        case .hobbies: return c.hobbies
        case .notes: return c.notes
        case .careLevel: return c.careLevel.map(String.init) ?? ""
        case .contact: return c.contact.map { state.staff[$0]?.name ?? $0.raw } ?? ""
        case .family: return RosterCells.family(c.family)
        case .alerts: return c.alerts.joined(separator: "；")
        case .hospitalisedSince: return c.hospitalisedSince?.description ?? ""
        case .livingElsewhere: return c.livingElsewhere.map { "\($0.since) \($0.place)" } ?? ""
        case .deceasedOn: return c.deceasedOn?.description ?? ""
        }
    }

    /// Exports the files passing `filters` to `path`, recording an `export.made`
    /// audit event first (it needs the export permission; an export that then
    /// fails to write is still on record, which errs on the side of the audit).
    /// Returns the number of rows.
    @discardableResult
    public static func export(_ desk: Desk, as actor: ID<Staff>, filters: [RosterFilter], to path: String, lang: Lang = .zh) throws -> Int {
        let cadres = RosterLists.members(filters, in: desk.state, on: desk.clock.today)
        let bytes = csv(cadres, state: desk.state, lang: lang)
        let scope = filters.isEmpty ? "all" : filters.map { "\($0)" }.joined(separator: ",")
        try desk.perform(RecordExport(ExportMade(what: "roster", scope: scope, rows: cadres.count, file: path)), as: actor)
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        // Personal data: owner and group only, like the log.
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        return cadres.count
    }
}
