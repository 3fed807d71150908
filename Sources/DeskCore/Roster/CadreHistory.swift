/// One change to a file: when, who, which field, from what, to what. Values
/// are stored raw (codes, ISO dates); `RosterText.value` shows them in words.
public struct CadreChange: Sendable, Hashable {
    public var seq: UInt64
    /// When it was recorded.
    public var at: LocalDateTime
    public var by: ID<Staff>
    /// The form field (`phone`, `family`, `hospitalisedSince` …), or `file`
    /// for the file's creation.
    public var field: String
    public var from: String?
    public var to: String?
    /// The date a status change took effect (admitted, died …), when it has one.
    public var effective: LocalDate?

    public init(seq: UInt64, at: LocalDateTime, by: ID<Staff>, field: String, from: String?, to: String?, effective: LocalDate? = nil) {
        self.seq = seq
        self.at = at
        self.by = by
        self.field = field
        self.from = from
        self.to = to
        self.effective = effective
    }

    /// The fields that differ between two versions of a file, as raw text.
    static func diff(_ a: Cadre, _ b: Cadre) -> [(field: String, from: String?, to: String?)] {
        var out: [(field: String, from: String?, to: String?)] = []
        func cmp(_ field: String, _ x: String?, _ y: String?) { if x != y { out.append((field, x, y)) } }
        cmp("name", a.name, b.name)
        cmp("gender", a.gender.rawValue, b.gender.rawValue)
        cmp("birthDate", a.birthDate.description, b.birthDate.description)
        cmp("idNumber", a.idNumber, b.idNumber)
        cmp("category", a.category.rawValue, b.category.rawValue)
        cmp("rank", a.rank.rawValue, b.rank.rawValue)
        cmp("workUnit", a.workUnit, b.workUnit)
        cmp("partyBranch", a.partyBranch, b.partyBranch)
        cmp("phone", a.phone, b.phone)
        cmp("address", a.address, b.address)
        cmp("community", a.community, b.community)
        if a.family != b.family { out.append(("family", familyText(a.family), familyText(b.family))) }
        cmp("health", a.health.rawValue, b.health.rawValue)
        cmp("living", a.living.rawValue, b.living.rawValue)
        cmp("marital", a.marital.rawValue, b.marital.rawValue)
        cmp("hardship", String(a.hardship), String(b.hardship))
        cmp("hobbies", a.hobbies, b.hobbies)
        cmp("notes", a.notes, b.notes)
        cmp("careLevel", a.careLevel.map(String.init), b.careLevel.map(String.init))
        cmp("contact", a.contact?.raw, b.contact?.raw)
        for gone in a.alerts where !b.alerts.contains(gone) { out.append(("alerts", gone, nil)) }
        for new in b.alerts where !a.alerts.contains(new) { out.append(("alerts", nil, new)) }
        cmp("hospitalisedSince", a.hospitalisedSince?.description, b.hospitalisedSince?.description)
        cmp("livingElsewhere", a.livingElsewhere.map { "\($0.since) \($0.place)" }, b.livingElsewhere.map { "\($0.since) \($0.place)" })
        cmp("deceasedOn", a.deceasedOn?.description, b.deceasedOn?.description)
        cmp("widowedOn", a.widowedOn?.description, b.widowedOn?.description)
        return out
    }

    /// `女儿 李梅 13812345678；儿子 李强` (the emergency contact first).
    static func familyText(_ f: [FamilyMember]) -> String? {
        if f.isEmpty { return nil }
        return f.map { [$0.relation, $0.name, $0.phone ?? ""].filter { !$0.isEmpty }.joined(separator: " ") }.joined(separator: "；")
    }
}

/// A line of a file's history as a screen shows it.
public struct CadreHistoryLine: Sendable, Hashable {
    public var change: CadreChange
    /// The staff member's display name (their id if unknown).
    public var staffName: String
}

extension Roster {
    /// Every change to one file, newest first, with staff names.
    public func history(of id: ID<Cadre>, staff: StaffBook) -> [CadreHistoryLine] {
        (changes[id] ?? []).reversed().map { CadreHistoryLine(change: $0, staffName: staff[$0.by]?.name ?? $0.by.raw) }
    }
}
