import CSV
import Foundation

/// The roster's CSV layout, shared by import and export: one column per
/// field, headed by the field's Chinese label (English labels and the field
/// keys are accepted on import too).
public enum RosterColumn: String, Sendable, CaseIterable {
    case fileNumber, name, gender, birthDate, idNumber, category, rank, workUnit, partyBranch, phone, address,
         community, health, living, marital, hardship, hobbies, notes, careLevel, contact, family, alerts,
         hospitalisedSince, livingElsewhere, deceasedOn

    /// Catalog key of the column's label (also the field's label on forms).
    public var labelKey: String { "roster.field.\(rawValue)" }

    /// Other headings seen in offices' spreadsheets.
    static let aliases: [String: RosterColumn] = [
        "身份证": .idNumber, "身份证号码": .idNumber, "公民身份号码": .idNumber, "出生年月": .birthDate, "出生年月日": .birthDate,
        "手机": .phone, "手机号": .phone, "联系电话": .phone, "本人电话": .phone, "单位": .workUnit, "工作单位": .workUnit,
        "原工作单位": .workUnit, "所在社区": .community, "家属": .family, "家属联系方式": .family, "家庭住址": .address,
        "身体状况": .health, "党组织": .partyBranch, "所在党支部": .partyBranch, "离退休类别": .category, "级别": .rank,
        "档案编号": .fileNumber, "id": .fileNumber,
    ]

    /// The column a heading names, if any.
    public static func named(_ heading: String) -> RosterColumn? {
        let h = normalize(heading)
        if let c = headingTable[h] { return c }
        return aliases[h]
    }

    static func normalize(_ s: String) -> String {
        s.lowercased().filter { !$0.isWhitespace && $0 != "*" && $0 != "＊" && $0 != "\u{FEFF}" }
    }

    private static let headingTable: [String: RosterColumn] = {
        var t: [String: RosterColumn] = [:]
        let zh = Localizer(.zh), en = Localizer(.en)
        for c in RosterColumn.allCases {
            t[normalize(c.rawValue)] = c
            t[normalize(zh(c.labelKey))] = c
            t[normalize(en(c.labelKey))] = c
        }
        return t
    }()
}

/// Words for the coded fields, as typed in a spreadsheet: the catalog's labels
/// in either language, the codes, and common variants.
enum RosterWords {
    static let zh = Localizer(.zh), en = Localizer(.en)

    /// Normalized word → code, for one coded field.
    static func table<E: RawRepresentable & CaseIterable>(_ type: E.Type, prefix: String, extra: [String: E] = [:]) -> [String: E]
    where E.RawValue == String {
        var t: [String: E] = [:]
        for c in E.allCases {
            let key = "\(prefix).\(c.rawValue)"
            for w in [c.rawValue, zh(key), en(key)] { t[RosterColumn.normalize(w)] = c }
        }
        for (w, c) in extra { t[RosterColumn.normalize(w)] = c }
        return t
    }

    static let gender = table(Gender.self, prefix: "roster.gender", extra: ["m": .male, "f": .female, "男性": .male, "女性": .female])
    static let category = table(CadreCategory.self, prefix: "roster.category", extra: ["离休干部": .lixiu, "退休干部": .tuixiu])
    static let rank = table(RankBand.self, prefix: "roster.rank", extra: [
        "县处级": .county, "正县级": .county, "副处级": .deputyCounty, "副县": .deputyCounty,
        "乡科级": .section, "正科级": .section, "副科级": .section, "科员": .general, "办事员": .general])
    static let health = table(HealthStatus.self, prefix: "roster.health", extra: [
        "良好": .healthy, "慢性病": .chronic, "住院": .hospitalised, "不能自理": .dependent, "失能": .dependent])
    static let living = table(LivingSituation.self, prefix: "roster.living", extra: [
        "与子女同住": .withChildren, "与配偶同住": .withSpouse, "敬老院": .careHome, "养老院": .careHome])
    static let marital = table(MaritalStatus.self, prefix: "roster.marital", extra: ["有配偶": .married, "离婚": .divorced])

    static func yesNo(_ cell: String) -> Bool? {
        switch RosterColumn.normalize(cell) {
        case "", "否", "无", "n", "no", "false", "0", "不是": return false
        case "是", "有", "y", "yes", "true", "1", "困难": return true
        default: return nil
        }
    }

    static func careLevel(_ cell: String) -> Int?? {
        let w = RosterColumn.normalize(cell)
        if w.isEmpty || w == "无" || w == "none" { return .some(nil) }
        let table = ["一级": 1, "二级": 2, "三级": 3, "四级": 4, "1级": 1, "2级": 2, "3级": 3, "4级": 4, "level1": 1, "level2": 2, "level3": 3]
        if let n = table[w] { return .some(n) }
        if let n = Int(w) { return .some(n) }
        return nil
    }
}

/// Splitting and joining the multi-value cells: family `关系:姓名:电话；…`
/// (the first is the emergency contact) and alerts `…；…`.
enum RosterCells {
    static func split(_ cell: String) -> [String] {
        cell.split(whereSeparator: { $0 == "；" || $0 == ";" || $0 == "\n" }).map { Blank.trim(String($0)) }
            .filter { !$0.isEmpty }
    }

    static func family(_ cell: String) -> [FamilyDraft] {
        split(cell).enumerated().map { i, item in
            let parts = item.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "：" })
                .map { Blank.trim(String($0)) }
            return FamilyDraft(relation: parts.first ?? "", name: parts.count > 1 ? parts[1] : "",
                               phone: parts.count > 2 ? parts[2...].joined(separator: "-") : "", emergency: i == 0)
        }
    }

    static func family(_ f: [FamilyMember]) -> String {
        f.map { "\($0.relation):\($0.name):\($0.phone ?? "")" }.joined(separator: "；")
    }
}

/// Spreadsheet CSV, as every export writes it (the roster, the reports): the
/// UTF-8 BOM (Excel on Chinese Windows reads UTF-8 only with it), CRLF line
/// ends, quoting as needed.
public enum SpreadsheetCSV {
    public static func bytes(_ rows: [[String]]) -> [UInt8] {
        [0xEF, 0xBB, 0xBF] + Array(CSVText.write(rows).utf8)
    }
}

/// Writes CSV text with the package's writer (quoting as spreadsheets expect).
enum CSVText {
    static func write(_ rows: [[String]]) -> String {
        let stream = OutputStream(toMemory: ())
        guard let w = try? CSVWriter(stream: stream, newline: .crlf) else { return "" }
        for r in rows { try? w.write(row: r) }
        w.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func read(_ text: String) -> (header: [String], rows: [[String]])? {
        guard let r = try? CSVReader(string: text, hasHeaderRow: true) else { return nil }
        var rows: [[String]] = []
        while let row = r.next() { rows.append(row) }
        if r.error != nil { return nil }
        return (r.headerRow ?? [], rows)
    }
}
