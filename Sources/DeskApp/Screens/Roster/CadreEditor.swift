import DeskCore
import DeskTUI

/// The add and edit form of a file: every field of `CadreDraft`, care level
/// and contact person, family members (one line each: relation, name, phone;
/// the first is the emergency contact) and alerts. The domain's rules check
/// it on save; each problem is shown beside its field. Warnings (same name
/// and birth date) ask before saving; a file changed in another terminal
/// meanwhile is never overwritten.
///
/// A role that sees files masked (`RosterPrivacy`) edits ID number, phone and
/// address write-only: the fields start empty with the masked value as hint,
/// left empty they keep what is stored, typed they replace it. A family
/// member's phone shows masked in its line and is kept while it stays so.
struct CadreEditor {
    enum Purpose: Equatable {
        case add
        case edit(ID<Cadre>, version: UInt64)
    }

    let purpose: Purpose
    var form: Form
    /// A warning question (save anyway?) over the form.
    var confirm: Dialog?
    /// A problem about the whole file (a conflict, the log), shown above the form.
    var message: String?
    let familySlots: Int
    let alertSlots: Int
    let contacts: [ID<Staff>?]
    let careLevels: [Int?]
    /// What the file held when the form opened (edit).
    let original: Cadre?
    /// Whether ID number, phones and address are write-only here (editing, as a role that sees them masked).
    let hidesPersonalDetails: Bool

    static let extraSlots = 2

    init(adding app: AppContext) {
        self.init(purpose: .add, cadre: nil, app)
    }

    init(editing c: Cadre, _ app: AppContext) {
        self.init(purpose: .edit(c.id, version: app.state.roster.version(of: c.id)), cadre: c, app)
    }

    private init(purpose: Purpose, cadre c: Cadre?, _ app: AppContext) {
        let t = app.text, state = app.state
        self.purpose = purpose
        original = c
        let hides = c != nil && !RosterPrivacy.seesPersonalDetails(app.role)
        hidesPersonalDetails = hides
        let draft = c.map(CadreDraft.init) ?? CadreDraft()
        let masked = c.map(RosterPrivacy.masked)
        /// An ID number, phone or address field: whole, or empty with the masked value as hint.
        func personal(_ id: String, _ whole: String, _ shown: String?, hint: String, maxLength: Int, width: Int) -> FormField {
            guard hides else { return .text(id, label: t("roster.field.\(id)"), text: whole, maxLength: maxLength, width: width) }
            let placeholder = shown.map { t(hint, $0) } ?? ""
            return .text(id, label: t("roster.field.\(id)"), text: "", placeholder: placeholder, maxLength: maxLength,
                         width: min(40, max(width, DisplayWidth.of(placeholder) + 1)))
        }
        var levels: [Int?] = [nil] + state.settings.roster.careLevels.map(\.level)
        if let current = c?.careLevel, !levels.contains(current) { levels.append(current) }
        careLevels = levels
        // Active staff as contact persons; a current contact who left stays choosable so saving changes nothing by itself.
        var people: [ID<Staff>?] = [nil] + state.staff.active.sorted { $0.name < $1.name }.map(\.id)
        if let current = c?.contact, !people.contains(current) { people.append(current) }
        contacts = people
        familySlots = min(CadreRules.Limit.familyMembers, (c?.family.count ?? 0) + Self.extraSlots)
        alertSlots = min(CadreRules.Limit.alerts, (c?.alerts.count ?? 0) + Self.extraSlots)

        func choice<E: CaseIterable & Equatable & RawRepresentable>(_ id: String, _ prefix: String, _ value: E) -> FormField
        where E.RawValue == String {
            let all = Array(E.allCases)
            return .choice(id, label: t("roster.field.\(id)"), options: all.map { t("\(prefix).\($0.rawValue)") },
                           selected: all.firstIndex(of: value) ?? 0, width: 16)
        }
        var fields: [FormField] = [
            .text("name", label: t("roster.field.name"), text: draft.name, required: true, maxLength: 20, width: 16),
            .choice("gender", label: t("roster.field.gender"),
                    options: [t("roster.form.gender_from_id"), t("roster.gender.male"), t("roster.gender.female")],
                    selected: draft.gender.map { $0 == .male ? 1 : 2 } ?? 0, width: 16),
            .text("birthDate", label: t("roster.field.birthDate"), text: draft.birthDate,
                  placeholder: t("roster.form.birth_hint"), maxLength: 10, width: 12),
            personal("idNumber", draft.idNumber, masked?.idNumber, hint: "roster.form.hidden_number_hint", maxLength: 18, width: 20),
            choice("category", "roster.category", draft.category),
            choice("rank", "roster.rank", draft.rank),
            .text("workUnit", label: t("roster.field.workUnit"), text: draft.workUnit, maxLength: CadreRules.Limit.workUnit, width: 30),
            .text("partyBranch", label: t("roster.field.partyBranch"), text: draft.partyBranch, maxLength: CadreRules.Limit.partyBranch, width: 30),
            personal("phone", draft.phone, masked?.phone, hint: "roster.form.hidden_number_hint", maxLength: 20, width: 16),
            .text("community", label: t("roster.field.community"), text: draft.community, maxLength: CadreRules.Limit.community, width: 20),
            personal("address", draft.address, masked.flatMap { $0.address.isEmpty ? nil : $0.address }, hint: "roster.form.hidden_address_hint",
                     maxLength: CadreRules.Limit.address, width: 40),
            choice("health", "roster.health", draft.health),
            choice("living", "roster.living", draft.living),
            choice("marital", "roster.marital", draft.marital),
            .choice("hardship", label: t("roster.field.hardship"), options: [t("roster.no"), t("roster.yes")],
                    selected: draft.hardship ? 1 : 0, width: 16),
            .choice("careLevel", label: t("roster.field.careLevel"), options: careLevels.map { level in
                level.map { l in state.settings.roster.careLevel(l).map { t("roster.view.care_every", l, $0.homeVisitEveryDays) }
                    ?? t("roster.care_level.name", l) } ?? t("roster.form.none")
            }, selected: careLevels.firstIndex(of: c?.careLevel) ?? 0, width: 24),
            .choice("contact", label: t("roster.field.contact"), options: contacts.map { id in
                id.map { i in state.staff[i].map { "\($0.name)(\(app.display.role($0.role)))" } ?? i.raw } ?? t("roster.form.none")
            }, selected: contacts.firstIndex(of: c?.contact) ?? 0, width: 24),
        ]
        for i in 0..<familySlots {
            let f = i < draft.family.count ? draft.family[i] : nil
            let phone = f.flatMap { hides ? masked?.family[i].phone : $0.phone } ?? ""
            let text = f.map { [$0.relation, $0.name, phone].filter { !$0.isEmpty }.joined(separator: " ") } ?? ""
            let label = i == 0 ? t("roster.form.family_first") : t("roster.form.family_n", i + 1)
            fields.append(.text("family\(i)", label: label, text: text, placeholder: i == 0 ? t("roster.form.family_hint") : "",
                                maxLength: 50, width: 36))
        }
        for i in 0..<alertSlots {
            let text = i < (c?.alerts.count ?? 0) ? c!.alerts[i] : ""
            fields.append(.text("alert\(i)", label: t("roster.form.alert_n", i + 1), text: text,
                                placeholder: i == 0 ? t("roster.form.alert_hint") : "", maxLength: CadreRules.Limit.alert, width: 40))
        }
        fields.append(.text("hobbies", label: t("roster.field.hobbies"), text: draft.hobbies, maxLength: CadreRules.Limit.hobbies, width: 40))
        fields.append(.text("notes", label: t("roster.field.notes"), text: draft.notes, maxLength: CadreRules.Limit.notes, width: 40))
        form = Form(fields: fields, strings: FormProblems.strings(t))
    }

    var isDirty: Bool { form.isDirty }

    // MARK: From the form to commands

    /// A family line as typed: `女儿 李梅 13812345678` (spaces, commas or colons between).
    static func familyDraft(_ line: String, emergency: Bool) -> FamilyDraft? {
        let parts = line.split(whereSeparator: { " ,，:：;；\t".contains($0) }).map(String.init)
        guard let relation = parts.first else { return nil }
        var rest = Array(parts.dropFirst())
        var phone = ""
        if let last = rest.last, last.contains(where: \.isNumber) { phone = last; rest.removeLast() }
        return FamilyDraft(relation: relation, name: rest.joined(), phone: phone, emergency: emergency)
    }

    /// The draft and the slot each family member came from (problems name the member by position).
    func draft(_ v: FormValues) -> (CadreDraft, familySlots: [Int]) {
        var d = CadreDraft()
        d.name = v.text("name")
        d.gender = [nil, Gender.male, Gender.female][v.choice("gender") ?? 0]
        d.birthDate = v.text("birthDate")
        d.idNumber = kept("idNumber", v, original?.idNumber)
        d.category = CadreCategory.allCases[v.choice("category") ?? 0]
        d.rank = RankBand.allCases[v.choice("rank") ?? 0]
        d.workUnit = v.text("workUnit")
        d.partyBranch = v.text("partyBranch")
        d.phone = kept("phone", v, original?.phone)
        d.address = kept("address", v, original?.address)
        d.community = v.text("community")
        d.health = HealthStatus.allCases[v.choice("health") ?? 0]
        d.living = LivingSituation.allCases[v.choice("living") ?? 0]
        d.marital = MaritalStatus.allCases[v.choice("marital") ?? 0]
        d.hardship = v.choice("hardship") == 1
        d.hobbies = v.text("hobbies")
        d.notes = v.text("notes")
        var slots: [Int] = []
        for i in 0..<familySlots {
            guard var f = Self.familyDraft(v.text("family\(i)"), emergency: slots.isEmpty) else { continue }
            // The masked phone left as shown stands for the stored one.
            if hidesPersonalDetails, let o = original, i < o.family.count, let stored = o.family[i].phone,
               f.phone == PhoneNumber.masked(stored) {
                f.phone = stored
            }
            d.family.append(f)
            slots.append(i)
        }
        // Unchanged members keep their flags as recorded (saving must not invent a change).
        if let o = original {
            let before = o.family.map { FamilyDraft(relation: $0.relation, name: $0.name, phone: $0.phone ?? "", emergency: false) }
            let now = d.family.map { FamilyDraft(relation: $0.relation, name: $0.name, phone: $0.phone, emergency: false) }
            if before == now { d.family = CadreDraft(o).family }
        }
        return (d, slots)
    }

    /// A write-only field left empty keeps what is stored; otherwise what was typed.
    func kept(_ field: String, _ v: FormValues, _ stored: String?) -> String {
        let typed = v.text(field)
        return hidesPersonalDetails && typed.trimmed.isEmpty ? stored ?? "" : typed
    }

    func alerts(_ v: FormValues) -> [String] {
        var out: [String] = []
        for i in 0..<alertSlots {
            let a = v.text("alert\(i)").trimmed
            if !a.isEmpty, !out.contains(a) { out.append(a) }
        }
        return out
    }

    /// The commands that save the form: one `AddCadre`, or the update with
    /// care level, contact and alert changes as one all-or-nothing batch.
    func commands(_ v: FormValues, confirmed: Bool) -> [any DeskCommand] {
        let (d, _) = draft(v)
        let care = careLevels[v.choice("careLevel") ?? 0]
        let contact = contacts[v.choice("contact") ?? 0]
        let wanted = alerts(v)
        switch purpose {
        case .add:
            return [AddCadre(d, careLevel: care, contact: contact, alerts: wanted, confirmed: confirmed)]
        case .edit(let id, let version):
            var out: [any DeskCommand] = [UpdateCadre(id: id, version: version, draft: d, confirmed: confirmed)]
            if care != original?.careLevel { out.append(SetCareLevel(id: id, level: care)) }
            if contact != original?.contact { out.append(AssignContact(id: id, contact: contact)) }
            let had = original?.alerts ?? []
            for a in had where !wanted.contains(a) { out.append(RemoveCadreAlert(id: id, text: a)) }
            for a in wanted where !had.contains(a) { out.append(AddCadreAlert(id: id, text: a)) }
            return out
        }
    }

    /// Puts a command's problems beside their fields (family members by their
    /// line, alerts on the first alert line); returns those about the whole file.
    mutating func show(_ error: DeskError, values v: FormValues, _ t: Localizer) -> [String] {
        let (_, slots) = draft(v)
        var general: [String] = []
        var first: String?
        for p in error.problems {
            var field = p.field
            if let f = field, f.hasPrefix("family") {
                let parts = f.split(separator: ".")
                let index = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
                field = "family\(index < slots.count ? slots[index] : 0)"
            } else if field == "alerts" {
                field = "alert0"
            }
            if let f = field, form.fields.contains(where: { $0.id == f }) {
                form.setError(keptProblemText(p, field: f, v, t), forField: f)
                if first == nil { first = f }
            } else {
                general.append(t.message(p))
            }
        }
        if let first { form.focus(fieldID: first) }
        return general
    }

    /// A problem with a stored ID number kept unseen would quote its hidden
    /// digits (region, birth digits): it is named without them.
    func keptProblemText(_ p: Problem, field: String, _ v: FormValues, _ t: Localizer) -> String {
        let quotesDigits = ["roster.id.length", "roster.id.character", "roster.id.region", "roster.id.birth_invalid", "roster.id.check_digit"]
        guard hidesPersonalDetails, field == "idNumber", v.text(field).trimmed.isEmpty, quotesDigits.contains(p.key) else {
            return t.message(p)
        }
        return t("roster.form.kept_id_invalid")
    }

    func title(_ app: AppContext) -> String {
        switch purpose {
        case .add: app.text("roster.form.add")
        case .edit(let id, _): app.text("roster.form.edit", app.state.roster[id]?.name ?? id.raw, id.raw)
        }
    }

    /// Whether another terminal changed the file since the form opened.
    func changedMeanwhile(_ app: AppContext) -> Bool {
        if case .edit(let id, let version) = purpose { return app.state.roster.version(of: id) != version }
        return false
    }

    func draw(in canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        var (head, rest) = rect.splitTop(1)
        canvas.put(title(app), at: head.origin, style: Style(.header), maxWidth: head.width)
        let hint = app.text("roster.form.keys_hint")
        let hw = DisplayWidth.of(hint)
        if hw + DisplayWidth.of(title(app)) + 4 < head.width {
            canvas.put(hint, at: Point(x: head.maxX - hw, y: head.y), style: Style(.muted))
        }
        var notes: [(String, DeskTUI.Role)] = []
        if let message { notes.append((message, .error)) }
        if changedMeanwhile(app), message == nil { notes.append((app.text("roster.form.changed_meanwhile"), .warning)) }
        if hidesPersonalDetails { notes.append((app.text("roster.form.hidden_note"), .muted)) }
        for (text, role) in notes {
            for line in WordWrap.lines(text, width: max(10, rest.width)) where rest.height > 3 {
                (head, rest) = rest.splitTop(1)
                canvas.put(line, at: head.origin, style: Style(role), maxWidth: head.width)
            }
        }
        form.draw(in: &canvas, rect: rest.insetBy(dx: 1, dy: 0))
        confirm?.draw(in: &canvas, rect: rect)
    }
}
