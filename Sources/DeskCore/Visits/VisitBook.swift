/// The visit log in memory: one compact row per visit (no free text: details
/// are read back from the log by `offset` when a screen shows one visit), and
/// the indexes the rules and lists need, all kept up to date in `apply`.
///
/// Memory at a million visits: about 76 bytes a visit by its own count, 92
/// by resident-memory growth (`VisitBenchmarks`): a 48-byte row plus an entry
/// in the per-cadre, per-staff, per-day and id indexes.
public struct VisitBook: Sendable {
    var rows = ChunkedArray<VisitRow>()
    /// Row of visit `V<n>` at index n (-1: none); ids are dense because the
    /// command hands out the next number under the log lock.
    var rowBySerial = ChunkedArray<Int32>()
    /// Ids this build did not make (kept so that they still resolve).
    var rowByOtherID: [String: Int32] = [:]
    public private(set) var highestSerial = 0

    /// Cadres and staff seen in visits, as small integers for the rows.
    /// Slot of file number `C<n>` at index n (-1: none): the due rules look up
    /// every cadre, and reading digits beats hashing a string.
    var cadreSlotByNumber: [Int32] = []
    /// Slots of ids that are not file numbers.
    var cadreIndex: [ID<Cadre>: Int32] = [:]
    var cadreIDs: [ID<Cadre>] = []
    /// Per cadre slot; small chunks, so a copy-on-write copies 256 tracks, not all.
    var tracks = ChunkedArray<CadreTrack>(shift: 8)
    var staffIndex: [ID<Staff>: UInt16] = [:]
    var staffIDs: [ID<Staff>] = []
    /// Rows in which each staff member took part (log order).
    var byStaff: [[Int32]] = []
    /// Rows by visit day (log order within a day).
    var byDay: [Int32: [Int32]] = [:]
    /// Every cadre of a group visit (the row holds the first one).
    var groupCadres: [Int32: [Int32]] = [:]
    /// Offset of the `visit.voided` record, per voided row (for its reason).
    var voidOffsets: [Int32: Int64] = [:]

    public init() {}

    /// Visits recorded, voided ones included.
    public var count: Int { rows.count }

    // MARK: apply

    mutating func log(_ v: VisitRecord, _ meta: EventMeta) {
        guard row(of: v.id) == nil else { return }  // ids are unique; a replayed duplicate changes nothing
        let r = Int32(rows.count)
        rows.append(makeRow(v, meta, flags: 0))
        register(v.id, row: r)
        attach(r, cadres: v.cadres)
    }

    mutating func amend(_ v: VisitRecord, _ meta: EventMeta) {
        guard let r = row(of: v.id) else { return }
        let old = rows[Int(r)]
        detach(r, old)
        rows[Int(r)] = makeRow(v, meta, flags: old.flags & VisitRow.voided | VisitRow.amended)
        attach(r, cadres: v.cadres)
    }

    mutating func void(_ id: ID<Visit>, _ meta: EventMeta) {
        guard let r = row(of: id), rows[Int(r)].flags & VisitRow.voided == 0 else { return }
        rows[Int(r)].flags |= VisitRow.voided
        voidOffsets[r] = Int64(meta.offset)
        for c in cadres(ofRow: r) { tracks[Int(c)].rebuildSummary(rows) }
    }

    private mutating func makeRow(_ v: VisitRecord, _ meta: EventMeta, flags: UInt8) -> VisitRow {
        var f = flags
        if v.cadres.count > 1 { f |= VisitRow.group }
        if !v.gifts.isEmpty { f |= VisitRow.gifts }
        return VisitRow(
            offset: Int64(meta.offset), moneyEach: v.moneyEach.fen, stamp: Int32(clamping: v.at.minutes),
            followUp: v.followUp.map { Int32(clamping: $0.dayNumber) } ?? VisitRow.none,
            serial: Int32(Visit.serial(of: v.id) ?? 0), cadre: v.cadres.first.map { intern($0) } ?? -1,
            staff1: v.staff.first.map { intern($0) } ?? VisitRow.noStaff,
            staff2: v.staff.count > 1 ? intern(v.staff[1]) : VisitRow.noStaff,
            by: intern(meta.by), kind: v.kind.code, occasion: v.occasion.code, flags: f,
            needs: UInt8(clamping: v.needs.count))
    }

    private mutating func register(_ id: ID<Visit>, row r: Int32) {
        if let n = Visit.serial(of: id), n <= rowBySerial.count + 1_000_000 {
            while rowBySerial.count <= n { rowBySerial.append(-1) }
            rowBySerial[n] = r
            highestSerial = max(highestSerial, n)
        } else {
            rowByOtherID[id.raw] = r
        }
    }

    private mutating func attach(_ r: Int32, cadres: [ID<Cadre>]) {
        let row = rows[Int(r)]
        let indexes = cadres.map { intern($0) }
        if indexes.count > 1 { groupCadres[r] = indexes }
        for c in indexes { tracks[Int(c)].insert(r, row, rows) }
        byDay[row.day, default: []].append(r)
        for s in [row.staff1, row.staff2] where s != VisitRow.noStaff { byStaff[Int(s)].append(r) }
    }

    private mutating func detach(_ r: Int32, _ old: VisitRow) {
        let cs = cadres(ofRow: r)
        groupCadres[r] = nil
        for c in cs { tracks[Int(c)].remove(r, rows) }
        byDay[old.day]?.removeAll { $0 == r }
        for s in [old.staff1, old.staff2] where s != VisitRow.noStaff { byStaff[Int(s)].removeAll { $0 == r } }
    }

    private mutating func intern(_ id: ID<Cadre>) -> Int32 {
        if let i = slot(of: id) { return i }
        let i = Int32(cadreIDs.count)
        if let n = Self.fileNumber(id), n < 10_000_000 {
            if cadreSlotByNumber.count <= n { cadreSlotByNumber += repeatElement(-1, count: n + 1 - cadreSlotByNumber.count) }
            cadreSlotByNumber[n] = i
        } else {
            cadreIndex[id] = i
        }
        cadreIDs.append(id)
        tracks.append(CadreTrack())
        return i
    }

    private mutating func intern(_ id: ID<Staff>) -> UInt16 {
        if let i = staffIndex[id] { return i }
        let i = UInt16(staffIDs.count)
        staffIndex[id] = i
        staffIDs.append(id)
        byStaff.append([])
        return i
    }

    // MARK: lookups

    /// The row of a visit id, if it was logged.
    func row(of id: ID<Visit>) -> Int32? {
        if let n = Visit.serial(of: id), n < rowBySerial.count {
            let r = rowBySerial[n]
            return r >= 0 ? r : nil
        }
        return rowByOtherID[id.raw]
    }

    func cadres(ofRow r: Int32) -> [Int32] { groupCadres[r] ?? [rows[Int(r)].cadre] }

    func slot(of cadre: ID<Cadre>) -> Int32? {
        if let n = Self.fileNumber(cadre) {
            guard n < cadreSlotByNumber.count else { return nil }
            let s = cadreSlotByNumber[n]
            return s >= 0 ? s : nil
        }
        return cadreIndex[cadre]
    }

    /// n of a file number `C<digits>` (as the roster hands them out), else nil.
    static func fileNumber(_ id: ID<Cadre>) -> Int? {
        var n = 0, digits = 0
        for (i, b) in id.raw.utf8.enumerated() {
            if i == 0 {
                guard b == UInt8(ascii: "C") else { return nil }
            } else {
                guard b >= 48, b <= 57, digits < 9 else { return nil }
                n = n * 10 + Int(b - 48)
                digits += 1
            }
        }
        return digits > 0 ? n : nil
    }

    func track(of cadre: ID<Cadre>) -> CadreTrack? { slot(of: cadre).map { tracks[Int($0)] } }

    /// Lends the cadre's track to `body` without copying it (an empty one
    /// for a cadre never visited).
    func withTrack<R>(of cadre: ID<Cadre>, _ body: (CadreTrack) -> R) -> R {
        guard let s = slot(of: cadre) else { return body(CadreTrack.empty) }
        return tracks.withElement(Int(s), body)
    }

    /// The cadre's visit summary as of `date` (read in place: no copy of the track).
    func summary(of cadre: ID<Cadre>, through date: LocalDate) -> TrackSummary {
        guard let i = slot(of: cadre) else { return TrackSummary() }
        return tracks[Int(i)].summary(through: date.dayNumber, rows)
    }

    func staffID(_ i: UInt16) -> ID<Staff>? { i == VisitRow.noStaff ? nil : staffIDs[Int(i)] }

    /// A visit's summary as lists and timelines show it.
    public func summary(of id: ID<Visit>) -> VisitSummary? { row(of: id).map { summary(row: $0) } }

    func summary(row r: Int32) -> VisitSummary {
        let row = rows[Int(r)]
        let id = row.serial > 0 ? Visit.id(serial: Int(row.serial))
            : ID(rowByOtherID.first { $0.value == r }?.key ?? "")
        return VisitSummary(
            id: id, cadres: cadres(ofRow: r).map { cadreIDs[Int($0)] },
            staff: [row.staff1, row.staff2].compactMap { staffID($0) }, at: LocalDateTime(minutes: Int(row.stamp)),
            kind: VisitKind(code: row.kind), occasion: VisitOccasion(code: row.occasion),
            moneyEach: Money(fen: row.moneyEach), hasGifts: row.flags & VisitRow.gifts != 0,
            needCount: Int(row.needs), followUp: row.followUp == VisitRow.none ? nil : LocalDate(dayNumber: Int(row.followUp)),
            voided: row.flags & VisitRow.voided != 0, amended: row.flags & VisitRow.amended != 0,
            loggedBy: staffID(row.by), offset: Int(row.offset),
            voidOffset: voidOffsets[r].map { Int($0) })
    }

    /// Bytes held by the visit history and its indexes (arrays by capacity;
    /// dictionaries estimated at their bucket storage).
    public var estimatedBytes: Int {
        var b = rows.allocatedBytes + rowBySerial.allocatedBytes
        b += tracks.allocatedBytes
        for i in tracks.indices { b += tracks[i].rows.capacity * 4 }
        for s in byStaff { b += s.capacity * 4 + 32 }
        for (_, d) in byDay { b += d.capacity * 4 + 32 + 16 }
        b += cadreIndex.capacity * (MemoryLayout<ID<Cadre>>.stride + 4) + cadreIDs.capacity * MemoryLayout<ID<Cadre>>.stride
        b += cadreSlotByNumber.capacity * 4
        b += groupCadres.count * 64 + voidOffsets.capacity * 16 + rowByOtherID.capacity * 24
        return b
    }
}

/// One visit in memory (48 bytes). Kind and occasion are codes, cadre and
/// staff are indexes into the book's tables, times are minute counts.
struct VisitRow: Sendable {
    var offset: Int64
    var moneyEach: Int64
    /// Local minutes since 1970-01-01 (`LocalDateTime.minutes`).
    var stamp: Int32
    /// Follow-up day number, or `none`.
    var followUp: Int32
    var serial: Int32
    /// The (first) cadre's index.
    var cadre: Int32
    var staff1: UInt16
    var staff2: UInt16
    var by: UInt16
    var kind: UInt8
    var occasion: UInt8
    var flags: UInt8
    var needs: UInt8

    static let none = Int32.min
    static let noStaff = UInt16.max
    static let voided: UInt8 = 1, amended: UInt8 = 2, group: UInt8 = 4, gifts: UInt8 = 8

    var day: Int32 { stamp >= 0 ? stamp / 1440 : (stamp - 1439) / 1440 }
    var isVoided: Bool { flags & VisitRow.voided != 0 }
    func isKind(in mask: UInt16) -> Bool { mask & 1 << UInt16(kind) != 0 }
}

/// One cadre's visits in time order, and the latest visit of each kind and
/// occasion, which is all the due rules need to look at.
struct CadreTrack: Sendable {
    static let empty = CadreTrack()
    /// Rows ordered by (visit time, row).
    var rows: [Int32] = []
    /// Over every non-voided row.
    var summary = TrackSummary()

    mutating func insert(_ r: Int32, _ row: VisitRow, _ all: ChunkedArray<VisitRow>) {
        if let last = rows.last, Self.before(r, row, last, all[Int(last)]) {
            // A visit recorded late, for an earlier date: keep the order.
            var lo = 0, hi = rows.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if Self.before(rows[mid], all[Int(rows[mid])], r, row) { lo = mid + 1 } else { hi = mid }
            }
            rows.insert(r, at: lo)
        } else {
            rows.append(r)
        }
        summary.add(row, r)
    }

    mutating func remove(_ r: Int32, _ all: ChunkedArray<VisitRow>) {
        rows.removeAll { $0 == r }
        rebuildSummary(all)
    }

    mutating func rebuildSummary(_ all: ChunkedArray<VisitRow>) {
        summary = TrackSummary()
        for r in rows { summary.add(all[Int(r)], r) }
    }

    /// The summary of the visits on or before `day` (the cached one when no
    /// visit is later, which is the case for "today").
    func summary(through day: Int, _ all: ChunkedArray<VisitRow>) -> TrackSummary {
        if summary.lastStamp == VisitRow.none || Int(summary.lastStamp) / 1440 <= day { return summary }
        var s = TrackSummary()
        for r in rows {
            let row = all[Int(r)]
            if Int(row.day) > day { break }
            s.add(row, r)
        }
        return s
    }

    private static func before(_ a: Int32, _ ra: VisitRow, _ b: Int32, _ rb: VisitRow) -> Bool {
        ra.stamp != rb.stamp ? ra.stamp < rb.stamp : a < b
    }
}

/// The latest non-voided visit time (minutes) per kind and occasion.
struct TrackSummary: Sendable {
    var lastStamp = VisitRow.none
    var anyByKind = SIMD16<Int32>(repeating: VisitRow.none)
    /// One-cadre visits only: a group gathering is not a home visit.
    var soloByKind = SIMD16<Int32>(repeating: VisitRow.none)
    var byOccasion = SIMD16<Int32>(repeating: VisitRow.none)
    /// The latest visit that set a follow-up date.
    var followUpStamp = VisitRow.none
    var followUpDay = VisitRow.none
    var followUpRow: Int32 = -1

    mutating func add(_ row: VisitRow, _ r: Int32) {
        guard !row.isVoided else { return }
        lastStamp = max(lastStamp, row.stamp)
        let k = Int(row.kind), o = Int(row.occasion)
        anyByKind[k] = max(anyByKind[k], row.stamp)
        if row.flags & VisitRow.group == 0 { soloByKind[k] = max(soloByKind[k], row.stamp) }
        byOccasion[o] = max(byOccasion[o], row.stamp)
        if row.followUp != VisitRow.none, row.stamp >= followUpStamp {
            followUpStamp = row.stamp
            followUpDay = row.followUp
            followUpRow = r
        }
    }

    /// Latest stamp over the kinds in `mask` (bit = kind code).
    func latest(_ v: SIMD16<Int32>, _ mask: UInt16) -> Int32 {
        var best = VisitRow.none
        var m = mask
        while m != 0 {
            let k = m.trailingZeroBitCount
            best = max(best, v[k])
            m &= m - 1
        }
        return best
    }
}

/// A visit as lists show it (no free text; `Desk.visitDetail` reads that).
public struct VisitSummary: Sendable, Hashable {
    public var id: ID<Visit>
    public var cadres: [ID<Cadre>]
    public var staff: [ID<Staff>]
    public var at: LocalDateTime
    public var kind: VisitKind
    public var occasion: VisitOccasion
    public var moneyEach: Money
    public var hasGifts: Bool
    public var needCount: Int
    public var followUp: LocalDate?
    public var voided: Bool
    public var amended: Bool
    public var loggedBy: ID<Staff>?
    /// Byte offset of the latest version of the record in the log.
    public var offset: Int
    public var voidOffset: Int?
}
