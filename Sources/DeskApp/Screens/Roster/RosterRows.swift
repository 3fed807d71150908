import DeskCore
import DeskTUI

/// The roster table's columns and one row per file. Phones and ID numbers are
/// always masked here (lists never show them whole); the ID number and the
/// work unit appear only where the terminal is wide enough.
enum RosterRows {
    enum Column: Int, CaseIterable {
        case file, name, gender, age, category, community, phone, idNumber, workUnit, care, contact, status
    }

    static func columns(_ t: Localizer) -> [TableColumn] {
        Column.allCases.map { c in
            switch c {
            case .file: TableColumn(t("roster.col.file"), width: .min(6))
            case .name: TableColumn(t("roster.col.name"), width: .min(6))
            case .gender: TableColumn(t("roster.col.gender"), width: .min(4))
            case .age: TableColumn(t("roster.col.age"), width: .min(4), alignment: .right, sorting: .numeric)
            case .category: TableColumn(t("roster.col.category"), width: .min(4))
            case .community: TableColumn(t("roster.col.community"), width: .flex(min: 8, weight: 2))
            case .phone: TableColumn(t("roster.col.phone"), width: .min(11), sorting: .none)
            case .idNumber: TableColumn(t("roster.col.id_number"), width: .fixed(18), sorting: .none, minTableWidth: 110)
            case .workUnit: TableColumn(t("roster.col.work_unit"), width: .flex(min: 10, weight: 2), minTableWidth: 140)
            case .care: TableColumn(t("roster.col.care"), width: .min(4))
            case .contact: TableColumn(t("roster.col.contact"), width: .min(6))
            case .status: TableColumn(t("roster.col.status"), width: .flex(min: 6))
            }
        }
    }

    /// One file as a row: masked numbers, the status in words, ⚠ when it has alerts.
    static func row(_ c: Cadre, _ app: AppContext, staffNames: [ID<Staff>: String]) -> TableRow<ID<Cadre>> {
        let t = app.text, d = app.display
        var cells = [String](repeating: "", count: Column.allCases.count)
        cells[Column.file.rawValue] = c.id.raw
        cells[Column.name.rawValue] = c.name
        cells[Column.gender.rawValue] = t("roster.gender.\(c.gender.rawValue)")
        cells[Column.age.rawValue] = String(c.age(on: app.today))
        cells[Column.category.rawValue] = t("roster.category.\(c.category.rawValue)")
        cells[Column.community.rawValue] = c.community
        cells[Column.phone.rawValue] = d.phone(c.phone, whole: false)
        cells[Column.idNumber.rawValue] = d.idNumber(c.idNumber, whole: false)
        cells[Column.workUnit.rawValue] = c.workUnit
        cells[Column.care.rawValue] = c.careLevel.map { t("roster.care_level.name", $0) } ?? ""
        cells[Column.contact.rawValue] = c.contact.map { staffNames[$0] ?? $0.raw } ?? ""
        cells[Column.status.rawValue] = status(c, t)
        var keys = cells
        keys[Column.name.rawValue] = Pinyin.full(c.name)
        return TableRow(id: c.id, cells: cells, sortKeys: keys, emphasis: c.isDeceased ? .muted : .normal)
    }

    /// 已故 / 住院 / 异地, and ⚠ with the number of alerts.
    static func status(_ c: Cadre, _ t: Localizer) -> String {
        var parts: [String] = []
        if c.isDeceased { parts.append(t("roster.state.deceased")) }
        if c.hospitalisedSince != nil { parts.append(t("roster.state.hospitalised")) }
        if c.livingElsewhere != nil { parts.append(t("roster.state.elsewhere")) }
        if !c.alerts.isEmpty { parts.append("⚠\(c.alerts.count)") }
        return parts.joined(separator: " ")
    }
}
