import DeskLog

/// What the visit list shows: a period and optional filters.
public struct VisitFilter: Sendable, Hashable {
    public var period: Period
    public var staff: ID<Staff>?
    public var kind: VisitKind?
    public var occasion: VisitOccasion?
    /// 社区, as on the cadre's file (a group visit matches if any cadre does).
    public var community: String?
    public var cadre: ID<Cadre>?
    public var includeVoided: Bool

    public init(period: Period, staff: ID<Staff>? = nil, kind: VisitKind? = nil, occasion: VisitOccasion? = nil,
                community: String? = nil, cadre: ID<Cadre>? = nil, includeVoided: Bool = false) {
        self.period = period
        self.staff = staff
        self.kind = kind
        self.occasion = occasion
        self.community = community
        self.cadre = cadre
        self.includeVoided = includeVoided
    }
}

/// One page of the visit list, newest first.
public struct VisitPage: Sendable, Hashable {
    public var visits: [VisitSummary]
    /// How many visits match in all (for "1–50 of 1,234").
    public var total: Int
    public var offset: Int
}

extension DeskState {
    /// The visit list by date, newest first, filtered and paged.
    public func visitList(_ filter: VisitFilter, offset: Int = 0, limit: Int = 50) -> VisitPage {
        let book = visits
        let first = Int32(filter.period.start.dayNumber), last = Int32(filter.period.end.dayNumber)
        var candidates: [Int32] = []
        // Start from the narrowest index the filter allows.
        if let c = filter.cadre {
            candidates = book.track(of: c)?.rows ?? []
        } else if let s = filter.staff {
            candidates = book.staffIndex[s].map { book.byStaff[Int($0)] } ?? []
        } else {
            var d = last
            while d >= first {
                if let rows = book.byDay[d] { candidates.append(contentsOf: rows) }
                d -= 1
            }
        }
        let kind = filter.kind?.code, occasion = filter.occasion?.code
        let staff = filter.staff.flatMap { book.staffIndex[$0] }
        var communityOf: [Int32: Bool] = [:]
        var matches: [Int32] = []
        for r in candidates {
            let row = book.rows[Int(r)]
            guard row.day >= first, row.day <= last else { continue }
            if !filter.includeVoided, row.isVoided { continue }
            if let kind, row.kind != kind { continue }
            if let occasion, row.occasion != occasion { continue }
            if filter.staff != nil, row.staff1 != staff, row.staff2 != staff { continue }
            if let community = filter.community {
                let hit = book.cadres(ofRow: r).contains { c in
                    if let known = communityOf[c] { return known }
                    let v = roster[book.cadreIDs[Int(c)]]?.community == community
                    communityOf[c] = v
                    return v
                }
                if !hit { continue }
            }
            matches.append(r)
        }
        matches.sort { a, b in
            let x = book.rows[Int(a)].stamp, y = book.rows[Int(b)].stamp
            return x != y ? x > y : a > b
        }
        let page = matches.dropFirst(max(0, offset)).prefix(max(0, limit)).map { book.summary(row: $0) }
        return VisitPage(visits: Array(page), total: matches.count, offset: offset)
    }

    /// A cadre's visits, newest first, voided ones included (marked).
    public func visitTimeline(of cadre: ID<Cadre>) -> [VisitSummary] {
        guard let t = visits.track(of: cadre) else { return [] }
        return t.rows.reversed().map { visits.summary(row: $0) }
    }
}

/// One visit in full, read back from the log.
public struct VisitDetail: Sendable, Hashable {
    /// The latest version (the amendment, if any).
    public var record: VisitRecord
    public var summary: VisitSummary
    public var recordedBy: ID<Staff>
    public var recordedAt: Timestamp
    public var amendReason: String?
    public var voidReason: String?
    public var voidedBy: ID<Staff>?
    public var voidedAt: Timestamp?
}

extension Desk {
    /// Reads a visit's full record (notes, needs, gifts) from the log.
    public func visitDetail(_ id: ID<Visit>) throws(DeskError) -> VisitDetail {
        guard let s = state.visits.summary(of: id), s.offset >= 0 else { throw .conflict(Problem("visits.not_found", [id.raw])) }
        let e = try event(at: s.offset)
        var detail: VisitDetail
        switch e.event {
        case let logged as VisitLogged:
            detail = VisitDetail(record: logged.visit, summary: s, recordedBy: e.meta.by, recordedAt: e.meta.at)
        case let amended as VisitAmended:
            detail = VisitDetail(record: amended.visit, summary: s, recordedBy: e.meta.by, recordedAt: e.meta.at,
                                 amendReason: amended.reason)
        default:
            throw .conflict(Problem("visits.not_found", [id.raw]))
        }
        if let vo = s.voidOffset, vo >= 0 {
            let e = try event(at: vo)
            if let v = e.event as? VisitVoided {
                detail.voidReason = v.reason
                detail.voidedBy = e.meta.by
                detail.voidedAt = e.meta.at
            }
        }
        return detail
    }
}
