/// The roster (花名册): every cadre's file, and indexes kept up to date as
/// events apply (no query scans the log; searches and lists do not re-derive
/// what an index already knows).
public struct Roster: Sendable {
    public internal(set) var byID: [ID<Cadre>: Cadre] = [:]
    /// Every file in file-number order.
    public internal(set) var ids: [ID<Cadre>] = []
    /// Per file: the `seq` of the event that last changed it. An edit form
    /// carries the version it was loaded at; a different one means another
    /// terminal changed the file meanwhile.
    public internal(set) var versions: [ID<Cadre>: UInt64] = [:]
    /// Per file: every change, oldest first (computed during the fold).
    public internal(set) var changes: [ID<Cadre>: [CadreChange]] = [:]
    /// Resident ID number → file.
    public internal(set) var byIDNumber: [String: ID<Cadre>] = [:]
    /// Search as you type.
    public internal(set) var search = RosterSearch()
    private var byNameAndBirth: [String: [ID<Cadre>]] = [:]
    /// Compact rows for the named lists, parallel to `ids`.
    var facts: [CadreFacts] = []
    var factsSlot: [ID<Cadre>: Int] = [:]
    var interned = Interned()
    /// The highest file number given out (`C00042` → 42's text), for the next one.
    private(set) var lastFileNumber = ""

    public init() {}

    public subscript(id: ID<Cadre>) -> Cadre? { byID[id] }
    public var count: Int { byID.count }
    public var all: [Cadre] { ids.compactMap { byID[$0] } }
    public func version(of id: ID<Cadre>) -> UInt64 { versions[id] ?? 0 }

    /// The number the next new file gets.
    public func nextFileNumber() -> ID<Cadre> {
        ID(SerialNumber.next(prefix: "C", width: 5, existing: [lastFileNumber]))
    }

    /// Files with exactly this name and birth date.
    public func sameNameAndBirth(_ name: String, _ birth: LocalDate) -> [ID<Cadre>] {
        byNameAndBirth[Roster.nameKey(name, birth)] ?? []
    }

    static func nameKey(_ name: String, _ birth: LocalDate) -> String { name + "|" + String(birth.dayNumber) }

    // MARK: - Applying events

    mutating func add(_ cadre: Cadre, _ meta: EventMeta) {
        guard byID[cadre.id] == nil else { return }
        byID[cadre.id] = cadre
        ids.append(cadre.id)
        versions[cadre.id] = meta.seq
        if cadre.id.raw > lastFileNumber, cadre.id.raw.hasPrefix("C") { lastFileNumber = cadre.id.raw }
        if let n = cadre.idNumber { byIDNumber[n] = cadre.id }
        byNameAndBirth[Roster.nameKey(cadre.name, cadre.birthDate), default: []].append(cadre.id)
        changes[cadre.id] = [CadreChange(seq: meta.seq, at: meta.local, by: meta.by, field: "file", from: nil, to: cadre.id.raw)]
        search.put(cadre)
        putFacts(cadre)
    }

    /// Applies `body` to a file and records what changed (`effective`: the
    /// business date of a status change). Unknown ids are ignored: a command
    /// checked the file existed, so this only happens on a hand-edited log.
    mutating func change(_ id: ID<Cadre>, _ meta: EventMeta, effective: LocalDate? = nil, _ body: (inout Cadre) -> Void) {
        guard let old = byID[id] else { return }
        var new = old
        body(&new)
        let diff = CadreChange.diff(old, new)
        versions[id] = meta.seq
        guard !diff.isEmpty else { return }
        byID[id] = new
        for d in diff {
            changes[id, default: []].append(CadreChange(seq: meta.seq, at: meta.local, by: meta.by, field: d.field,
                                                        from: d.from, to: d.to, effective: effective))
        }
        if old.idNumber != new.idNumber {
            if let n = old.idNumber, byIDNumber[n] == id { byIDNumber[n] = nil }
            if let n = new.idNumber { byIDNumber[n] = id }
        }
        if old.name != new.name || old.birthDate != new.birthDate {
            let k = Roster.nameKey(old.name, old.birthDate)
            byNameAndBirth[k]?.removeAll { $0 == id }
            if byNameAndBirth[k]?.isEmpty == true { byNameAndBirth[k] = nil }
            byNameAndBirth[Roster.nameKey(new.name, new.birthDate), default: []].append(id)
        }
        if RosterSearch.facetsDiffer(old, new) { search.put(new) }
        putFacts(new)
    }
}
