import DeskCore
import DeskTUI

/// The fields of a visit form — quick entry, festival round, correction — and
/// how their values become a visit. Field ids are the domain's problem fields
/// (`at`, `staff`, `moneyEach`…), so a command's problems land beside the field.
struct VisitFields {
    /// What the form starts with.
    struct Values {
        var kind: VisitKind = .home
        var occasion: VisitOccasion = .routine
        var at: LocalDateTime
        var staff: [ID<Staff>]
        var learned = ""
        var needs: [String] = []
        var gifts = ""
        var moneyEach = Money.zero
        var followUp: LocalDate?
    }

    enum Variant: Equatable {
        /// One cadre: everything, needs and follow-up included.
        case single
        /// Many cadres, one note: no needs or follow-up (they belong to one person).
        case round
        /// A correction: everything, plus the reason.
        case amend
    }

    /// Staff who may be named as visitors, in the order of the choices.
    let staff: [ID<Staff>]
    let variant: Variant

    /// The form for `start`, the common fields first: kind, occasion, note.
    static func form(_ start: Values, variant: Variant, _ app: AppContext) -> (Form, VisitFields) {
        let t = app.text
        var people = app.state.staff.active.filter { $0.role.can(.logVisits) }.map(\.id)
        for s in start.staff where !people.contains(s) { people.append(s) }
        let names = people.map { VisitWords.staffName($0, app) }
        let first = start.staff.first.flatMap { people.firstIndex(of: $0) } ?? people.firstIndex(of: app.staff.id) ?? 0
        let second = start.staff.count > 1 ? (people.firstIndex(of: start.staff[1]).map { $0 + 1 } ?? 0) : 0
        let d = app.display
        var fields: [FormField] = [
            .choice("kind", label: t("visits.field.kind"), options: VisitKind.allCases.map { VisitWords.kind($0, t) },
                    selected: VisitKind.allCases.firstIndex(of: start.kind) ?? 0, width: 20),
            .choice("occasion", label: t("visits.field.occasion"), options: VisitOccasion.allCases.map { VisitWords.occasion($0, t) },
                    selected: VisitOccasion.allCases.firstIndex(of: start.occasion) ?? 0, width: 20),
            .text("learned", label: t("visits.field.learned"), text: start.learned, placeholder: t("visits.field.learned_hint"),
                  maxLength: 2000, width: 50),
            .text("at", label: t("visits.field.date"), text: d.date(start.at.date), required: true, maxLength: 10, width: 12,
                  validate: { LocalDate($0.trimmed) == nil ? t("app.bad_date") : nil }),
            .text("time", label: t("visits.field.time"), text: d.time(start.at.time), required: true, maxLength: 5, width: 6,
                  validate: { LocalTime($0.trimmed) == nil ? t("visits.bad_time") : nil }),
            .choice("staff", label: t("visits.field.staff"), options: names, selected: first, width: 16),
            .choice("partner", label: t("visits.field.partner"), options: [t("visits.field.no_partner")] + names, selected: second, width: 16),
            .text("moneyEach", label: t("visits.field.money"), text: start.moneyEach == .zero ? "" : start.moneyEach.description,
                  placeholder: t("visits.field.money_hint"), maxLength: 14, width: 14,
                  validate: { s in s.trimmed.isEmpty || Money(yuan: s) != nil ? nil : t("visits.bad_money") }),
            .text("gifts", label: t("visits.field.gifts"), text: start.gifts, maxLength: 200, width: 30),
        ]
        if variant != .round {
            fields.append(.text("needs", label: t("visits.field.needs"), text: start.needs.joined(separator: "；"),
                                placeholder: t("visits.field.needs_hint"), maxLength: 1000, width: 50))
            fields.append(.text("followUp", label: t("visits.field.follow_up"), text: start.followUp.map(d.date) ?? "",
                                placeholder: t("visits.field.follow_up_hint"), maxLength: 10, width: 22,
                                validate: { s in s.trimmed.isEmpty || VisitFields.followUpOffset(s) != nil || LocalDate(s.trimmed) != nil
                                    ? nil : t("visits.bad_follow_up") }))
        }
        if variant == .amend {
            fields.append(.text("reason", label: t("visits.field.amend_reason"), required: true, maxLength: 200, width: 40))
        }
        let form = Form(fields: fields, strings: FormProblems.strings(t))
        return (form, VisitFields(staff: people, variant: variant))
    }

    /// `+14` → 14 (days after the visit).
    static func followUpOffset(_ s: String) -> Int? {
        let v = s.trimmed
        guard v.hasPrefix("+"), let n = Int(v.dropFirst()), n > 0 else { return nil }
        return n
    }

    /// The visit the values describe; when a field is wrong, says so beside it on `form` and returns nil.
    func read(_ v: FormValues, _ t: Localizer, showingProblemOn form: inout Form) -> Values? {
        switch read(v, t) {
        case .success(let values): return values
        case .failure(let p):
            form.show(p)
            return nil
        }
    }

    /// The visit the values describe, or the field that is wrong and why.
    /// (The form's own checks ran first; this only turns text into values.)
    func read(_ v: FormValues, _ t: Localizer) -> Result<Values, FieldProblem> {
        guard let date = LocalDate(v.text("at").trimmed) else { return .failure(FieldProblem("at", t("app.bad_date"))) }
        guard let time = LocalTime(v.text("time").trimmed) else { return .failure(FieldProblem("time", t("visits.bad_time"))) }
        let moneyText = v.text("moneyEach").trimmed
        guard let money = moneyText.isEmpty ? Money.zero : Money(yuan: moneyText) else {
            return .failure(FieldProblem("moneyEach", t("visits.bad_money")))
        }
        var followUp: LocalDate?
        let f = v.text("followUp").trimmed
        if !f.isEmpty {
            if let n = VisitFields.followUpOffset(f) { followUp = date.adding(days: n) }
            else if let d = LocalDate(f) { followUp = d }
            else { return .failure(FieldProblem("followUp", t("visits.bad_follow_up"))) }
        }
        var people: [ID<Staff>] = []
        if let i = v.choice("staff"), staff.indices.contains(i) { people.append(staff[i]) }
        if let i = v.choice("partner"), i > 0, staff.indices.contains(i - 1) { people.append(staff[i - 1]) }
        let needs = v.text("needs").split(whereSeparator: { $0 == "；" || $0 == ";" })
            .map { String($0).trimmed }.filter { !$0.isEmpty }
        return .success(Values(kind: VisitKind.allCases[v.choice("kind") ?? 0], occasion: VisitOccasion.allCases[v.choice("occasion") ?? 0],
                               at: LocalDateTime(date, time), staff: people, learned: v.text("learned"), needs: needs,
                               gifts: v.text("gifts"), moneyEach: money, followUp: followUp))
    }
}

