/// The one place that turns roster codes and raw history values into words
/// of the UI language, so screens, exports and reports say the same thing.
public enum RosterText {
    /// A field's label (`roster.field.phone` → 电话).
    public static func fieldLabel(_ field: String, _ l: Localizer) -> String {
        let base = field.split(separator: ".").first.map(String.init) ?? field
        return l("roster.field.\(base)")
    }

    /// A raw value from a `CadreChange` in words (nil or empty: 空).
    public static func value(field: String, raw: String?, _ l: Localizer, staff: StaffBook) -> String {
        guard let raw, !raw.isEmpty else { return l("roster.history.empty") }
        switch field {
        case "gender": return l("roster.gender.\(raw)")
        case "category": return l("roster.category.\(raw)")
        case "rank": return l("roster.rank.\(raw)")
        case "health": return l("roster.health.\(raw)")
        case "living": return l("roster.living.\(raw)")
        case "marital": return l("roster.marital.\(raw)")
        case "hardship": return l(raw == "true" ? "roster.yes" : "roster.no")
        case "careLevel": return l("roster.care_level.name", raw)
        case "contact": return staff[ID(raw)]?.name ?? raw
        default: return raw
        }
    }

    /// One history line: "2026-11-23 09:30 王芳 电话:13800000000 → 13900000000".
    public static func historyLine(_ h: CadreHistoryLine, _ l: Localizer, staff: StaffBook) -> String {
        let c = h.change
        if c.field == "file" { return l("roster.history.created_line", c.at.description, h.staffName, c.to ?? "") }
        let from = value(field: c.field, raw: c.from, l, staff: staff)
        let to = value(field: c.field, raw: c.to, l, staff: staff)
        var line = l("roster.history.line", c.at.description, h.staffName, fieldLabel(c.field, l), from, to)
        if let e = c.effective { line += l("roster.history.effective", e.description) }
        return line
    }

    /// A filter's name: 独居, 关怀等级 1级, 社区:东风社区, 联系人:王芳.
    public static func filterLabel(_ f: RosterFilter, _ l: Localizer, staff: StaffBook) -> String {
        switch f {
        case .named(let n): return l("roster.list.\(n.rawValue)")
        case .careLevel(let n): return l("roster.filter.care_level", l("roster.care_level.name", n))
        case .community(let s): return l("roster.filter.community", s)
        case .workUnit(let s): return l("roster.filter.work_unit", s)
        case .partyBranch(let s): return l("roster.filter.party_branch", s)
        case .contact(let s): return l("roster.filter.contact", staff[s]?.name ?? s.raw)
        case .category(let c): return l("roster.category.\(c.rawValue)")
        case .rank(let r): return l("roster.rank.\(r.rawValue)")
        }
    }

    /// "独居 37 人".
    public static func countLine(_ c: RosterLists.Count, _ l: Localizer, staff: StaffBook) -> String {
        l("roster.list.count", filterLabel(c.filter, l, staff: staff), c.count)
    }

    /// What matched, for the hotline's pop-up: 本人电话, 女儿 李梅 的电话, 身份证号.
    public static func matchLabel(_ hit: RosterSearch.Hit, _ cadre: Cadre, _ l: Localizer) -> String {
        switch hit.match {
        case .name: return l("roster.match.name")
        case .pinyin: return l("roster.match.pinyin")
        case .initials: return l("roster.match.initials")
        case .idNumber: return l("roster.match.id_number")
        case .fileNumber: return l("roster.match.file_number")
        case .phone(_, .cadre): return l("roster.match.own_phone")
        case .phone(_, .family(let i)):
            guard i < cadre.family.count else { return l("roster.match.family_phone", "", "") }
            return l("roster.match.family_phone", cadre.family[i].relation, cadre.family[i].name)
        }
    }
}
