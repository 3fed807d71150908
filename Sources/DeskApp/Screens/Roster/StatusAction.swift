import DeskCore
import DeskTUI

/// The dated status changes of a file, as explicit actions: admitted to or
/// discharged from hospital, moved away or returned, spouse died, died. Only
/// the actions that apply to the file's current status are offered.
enum StatusAction: String, CaseIterable, Equatable {
    case hospitalised, discharged, movedAway, returned, spouseDied, died

    static func available(for c: Cadre) -> [StatusAction] {
        guard !c.isDeceased else { return [] }
        var out: [StatusAction] = [c.hospitalisedSince == nil ? .hospitalised : .discharged,
                                   c.livingElsewhere == nil ? .movedAway : .returned]
        if c.marital != .single, c.widowedOn == nil { out.append(.spouseDied) }
        out.append(.died)
        return out
    }

    func label(_ t: Localizer) -> String { t("roster.action.\(rawValue)") }

    /// The form: the date (today unless changed) and, for some, one more field.
    func form(_ c: Cadre, _ app: AppContext) -> Form {
        let t = app.text
        var fields: [FormField] = [
            .text("date", label: t("roster.field.date"), text: app.today.description, required: true, maxLength: 10, width: 12),
        ]
        switch self {
        case .hospitalised:
            fields.append(.text("hospital", label: t("roster.field.hospital"), maxLength: CadreRules.Limit.hospital, width: 30))
        case .movedAway:
            fields.append(.text("place", label: t("roster.field.place"), placeholder: t("roster.form.place_hint"), required: true,
                                maxLength: CadreRules.Limit.place, width: 36))
        default:
            break
        }
        return Form(fields: fields, strings: FormProblems.strings(t))
    }

    /// The command for the form's values, or the field whose text is not a date.
    func command(_ id: ID<Cadre>, _ v: FormValues) -> Result<any DeskCommand, FieldProblem> {
        guard let date = LocalDate(v.text("date").trimmed) else { return .failure(FieldProblem(field: "date")) }
        switch self {
        case .hospitalised: return .success(RecordHospitalised(id: id, on: date, hospital: v.text("hospital")))
        case .discharged: return .success(RecordDischarged(id: id, on: date))
        case .movedAway: return .success(RecordMovedAway(id: id, since: date, place: v.text("place")))
        case .returned: return .success(RecordReturned(id: id, on: date))
        case .spouseDied: return .success(RecordSpouseDeath(id: id, on: date))
        case .died: return .success(RecordDeath(id: id, on: date))
        }
    }

    /// Recording a death stops every schedule: it is asked once more.
    var needsConfirmation: Bool { self == .died }

    struct FieldProblem: Error { var field: String }
}
