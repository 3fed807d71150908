import DeskCore
import DeskTUI

/// What the visit list shows: a period and the filters (staff, kind,
/// occasion, community, voided ones or not), the form that changes them, and
/// the one-line summary above the list.
struct VisitListQuery: Equatable {
    enum Span: String, CaseIterable {
        case today, week, month, lastMonth, threeMonths, year, custom
    }

    var span = Span.month
    /// The dates of a `.custom` span.
    var custom: Period?
    var staff: ID<Staff>?
    var kind: VisitKind?
    var occasion: VisitOccasion?
    var community: String?
    var includeVoided = true

    /// At most this many rows are listed (newest first); the summary says how many match.
    static let limit = 5000

    func period(today: LocalDate) -> Period {
        switch span {
        case .today: return Period(start: today, end: today)
        case .week: return Period.week(containing: today)
        case .month: return Period.month(today.year, today.month)
        case .lastMonth:
            let m = today.firstOfMonth.adding(months: -1)
            return Period.month(m.year, m.month)
        case .threeMonths: return Period(start: today.adding(months: -3).adding(days: 1), end: today)
        case .year: return Period.year(today.year)
        case .custom: return custom ?? Period(start: today, end: today)
        }
    }

    /// Whose visits this session may list: everyone's with `.viewAllVisits`,
    /// else only those the person took part in.
    func filter(_ app: AppContext) -> VisitFilter {
        VisitFilter(period: period(today: app.today), staff: app.can(.viewAllVisits) ? staff : app.staff.id, kind: kind,
                    occasion: occasion, community: community, includeVoided: includeVoided)
    }

    /// `本月 11月1日–11月30日 · 上门走访 · 东风社区`
    func summary(_ app: AppContext) -> String {
        let t = app.text, d = app.display
        let p = period(today: app.today)
        var parts = [t("visits.span.\(span.rawValue)") + " " + (p.start == p.end ? d.shortDate(p.start) : t("visits.range", d.shortDate(p.start), d.shortDate(p.end)))]
        if !app.can(.viewAllVisits) { parts.append(t("visits.list.own_only")) }
        else if let s = staff { parts.append(VisitWords.staffName(s, app)) }
        if let k = kind { parts.append(VisitWords.kind(k, t)) }
        if let o = occasion { parts.append(VisitWords.occasion(o, t)) }
        if let c = community { parts.append(c) }
        if !includeVoided { parts.append(t("visits.list.without_voided")) }
        return parts.joined(separator: " · ")
    }

    // MARK: The filter form

    /// The choices the form offered, to read its values back.
    struct Choices {
        var staff: [ID<Staff>]
        var communities: [String]
    }

    func form(_ app: AppContext) -> (Form, Choices) {
        let t = app.text, all = t("visits.filter.all")
        let staff = app.state.staff.all.filter { $0.role.can(.logVisits) }.map(\.id)
        let communities = Set(app.state.roster.byID.values.map(\.community)).filter { !$0.isEmpty }.sorted()
        let p = period(today: app.today)
        var fields: [FormField] = [
            .choice("span", label: t("visits.filter.span"), options: Span.allCases.map { t("visits.span.\($0.rawValue)") },
                    selected: Span.allCases.firstIndex(of: span) ?? 0, width: 14),
            .text("from", label: t("visits.filter.from"), text: p.start.description, maxLength: 10, width: 12,
                  validate: { LocalDate($0.trimmed) == nil ? t("app.bad_date") : nil }),
            .text("to", label: t("visits.filter.to"), text: p.end.description, maxLength: 10, width: 12,
                  validate: { LocalDate($0.trimmed) == nil ? t("app.bad_date") : nil }),
        ]
        if app.can(.viewAllVisits) {
            fields.append(.choice("staff", label: t("visits.field.staff"), options: [all] + staff.map { VisitWords.staffName($0, app) },
                                  selected: self.staff.flatMap { staff.firstIndex(of: $0) }.map { $0 + 1 } ?? 0, width: 16))
        }
        fields += [
            .choice("kind", label: t("visits.field.kind"), options: [all] + VisitKind.allCases.map { VisitWords.kind($0, t) },
                    selected: kind.flatMap { VisitKind.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0, width: 20),
            .choice("occasion", label: t("visits.field.occasion"), options: [all] + VisitOccasion.allCases.map { VisitWords.occasion($0, t) },
                    selected: occasion.flatMap { VisitOccasion.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0, width: 20),
            .choice("community", label: t("visits.filter.community"), options: [all] + communities,
                    selected: community.flatMap { communities.firstIndex(of: $0) }.map { $0 + 1 } ?? 0, width: 20),
            .choice("voided", label: t("visits.filter.voided"), options: [t("app.yes"), t("app.no")], selected: includeVoided ? 0 : 1, width: 8),
        ]
        return (Form(fields: fields, strings: FormProblems.strings(t)), Choices(staff: staff, communities: communities))
    }

    /// The query the form's values describe, or the field that is wrong.
    static func read(_ v: FormValues, _ c: Choices, _ t: Localizer) -> Result<VisitListQuery, FieldProblem> {
        var q = VisitListQuery()
        q.span = Span.allCases[v.choice("span") ?? 2]
        if q.span == .custom {
            guard let from = LocalDate(v.text("from").trimmed) else { return .failure(FieldProblem("from", t("app.bad_date"))) }
            guard let to = LocalDate(v.text("to").trimmed) else { return .failure(FieldProblem("to", t("app.bad_date"))) }
            guard from <= to else { return .failure(FieldProblem("to", t("visits.filter.to_before_from"))) }
            q.custom = Period(start: from, end: to)
        }
        if let i = v.choice("staff"), i > 0 { q.staff = c.staff[i - 1] }
        if let i = v.choice("kind"), i > 0 { q.kind = VisitKind.allCases[i - 1] }
        if let i = v.choice("occasion"), i > 0 { q.occasion = VisitOccasion.allCases[i - 1] }
        if let i = v.choice("community"), i > 0 { q.community = c.communities[i - 1] }
        q.includeVoided = v.choice("voided") == 0
        return .success(q)
    }
}
