/// Importing a roster spreadsheet: `plan` is the dry run (every problem by
/// row and column, with the fix in the message), `commit` adds every row as
/// one all-or-nothing batch. Rows become `AddCadre` commands, so an import
/// obeys exactly the rules of the add form.
public enum RosterImport {
    /// One thing wrong (or worth a look) in the file.
    public struct Issue: Sendable, Hashable {
        /// The spreadsheet row: 1 is the header, data starts at 2.
        public var row: Int
        /// The column heading as written in the file ("" when it is about the whole row or file).
        public var column: String
        public var problem: Problem
        /// Warnings (same name and birth date as another file …) do not block the import once accepted.
        public var isWarning: Bool
    }

    public struct Plan: Sendable {
        public var encoding: TextEncoding?
        /// Data rows read.
        public var rows: Int
        public var issues: [Issue]
        /// One command per row, in file order (empty when the file could not be read).
        public var commands: [AddCadre]
        /// The spreadsheet row of each command.
        public var commandRows: [Int]

        public var errors: [Issue] { issues.filter { !$0.isWarning } }
        public var warnings: [Issue] { issues.filter(\.isWarning) }
        /// Rows with at least one error, in order.
        public var badRows: [Int] { Array(Set(errors.map(\.row))).sorted() }
        public var canImport: Bool { errors.isEmpty && !commands.isEmpty }
    }

    /// The dry run: reads and checks everything, changes nothing.
    public static func plan(_ bytes: [UInt8], state: DeskState, today: LocalDate) -> Plan {
        var plan = Plan(encoding: nil, rows: 0, issues: [], commands: [], commandRows: [])
        guard let (text, encoding) = TextEncoding.decode(bytes) else {
            plan.issues.append(Issue(row: 0, column: "", problem: Problem("roster.csv.encoding"), isWarning: false))
            return plan
        }
        plan.encoding = encoding
        guard let (header, rows) = CSVText.read(text) else {
            plan.issues.append(Issue(row: 0, column: "", problem: Problem("roster.csv.unreadable"), isWarning: false))
            return plan
        }
        plan.rows = rows.count

        // Header: which column is which.
        var columnOf: [RosterColumn: Int] = [:]
        for (i, h) in header.enumerated() {
            let heading = Blank.trim(h)
            if heading.isEmpty { continue }
            guard let c = RosterColumn.named(heading) else {
                plan.issues.append(Issue(row: 1, column: heading, problem: Problem("roster.csv.unknown_column", [heading]), isWarning: true))
                continue
            }
            if columnOf[c] != nil {
                plan.issues.append(Issue(row: 1, column: heading, problem: Problem("roster.csv.duplicate_column", [heading]), isWarning: false))
            }
            columnOf[c] = i
        }
        if columnOf[.name] == nil {
            plan.issues.append(Issue(row: 1, column: "", problem: Problem("roster.csv.missing_column", [RosterWords.zh(RosterColumn.name.labelKey)]), isWarning: false))
        }
        if columnOf[.birthDate] == nil, columnOf[.idNumber] == nil {
            plan.issues.append(Issue(row: 1, column: "", problem: Problem("roster.csv.missing_birth"), isWarning: false))
        }
        if !plan.errors.isEmpty { return plan }
        if rows.isEmpty {
            plan.issues.append(Issue(row: 0, column: "", problem: Problem("roster.csv.empty"), isWarning: false))
            return plan
        }

        // Map a problem's form field to the column heading in this file.
        func heading(_ c: RosterColumn) -> String { columnOf[c].map { Blank.trim(header[$0]) } ?? "" }
        func heading(forField field: String?) -> String {
            guard let f = field else { return "" }
            let base = f.hasPrefix("family") ? "family" : f
            return RosterColumn(rawValue: base).map(heading) ?? ""
        }

        // Contact persons by name, indexed once for all rows.
        let staffByName = state.staff.activeByName
        var firstRowOfID: [String: Int] = [:]
        var firstRowOfPerson: [String: Int] = [:]
        plan.commands.reserveCapacity(rows.count)
        for (n, cells) in rows.enumerated() {
            let row = n + 2
            if cells.allSatisfy({ Blank.trim($0).isEmpty }) { continue }
            var issues: [Issue] = []
            func cell(_ c: RosterColumn) -> String {
                guard let i = columnOf[c], i < cells.count else { return "" }
                return Blank.trim(cells[i])
            }
            func bad(_ c: RosterColumn, _ key: String, _ args: [String] = []) {
                issues.append(Issue(row: row, column: heading(c), problem: Problem(key, args, field: c.rawValue), isWarning: false))
            }
            if cells.count != header.count {
                issues.append(Issue(row: row, column: "", problem: Problem("roster.csv.field_count", [String(cells.count), String(header.count)]), isWarning: false))
            }

            var d = CadreDraft()
            d.name = cell(.name)
            d.birthDate = cell(.birthDate)
            d.idNumber = cell(.idNumber)
            func coded<E>(_ c: RosterColumn, _ table: [String: E], _ set: (E) -> Void) {
                let v = cell(c)
                if v.isEmpty { return }
                if let e = table[RosterColumn.normalize(v)] { set(e) } else { bad(c, "roster.csv.bad_word", [v, words(table)]) }
            }
            coded(.gender, RosterWords.gender) { d.gender = $0 }
            coded(.category, RosterWords.category) { d.category = $0 }
            coded(.rank, RosterWords.rank) { d.rank = $0 }
            coded(.health, RosterWords.health) { d.health = $0 }
            coded(.living, RosterWords.living) { d.living = $0 }
            coded(.marital, RosterWords.marital) { d.marital = $0 }
            if let h = RosterWords.yesNo(cell(.hardship)) { d.hardship = h } else { bad(.hardship, "roster.csv.bad_yes_no", [cell(.hardship)]) }
            d.workUnit = cell(.workUnit)
            d.partyBranch = cell(.partyBranch)
            d.phone = cell(.phone)
            d.address = cell(.address)
            d.community = cell(.community)
            d.hobbies = cell(.hobbies)
            d.notes = cell(.notes)
            d.family = RosterCells.family(cell(.family))

            var careLevel: Int?
            if let l = RosterWords.careLevel(cell(.careLevel)) { careLevel = l } else { bad(.careLevel, "roster.csv.bad_care_level", [cell(.careLevel)]) }
            var contact: ID<Staff>?
            let who = cell(.contact)
            if !who.isEmpty {
                switch state.staff.resolve(who, byName: staffByName) {
                case .one(let id): contact = id
                case .none: bad(.contact, "roster.csv.unknown_staff", [who])
                case .several(let ids): bad(.contact, "roster.csv.ambiguous_staff", [who, ids.map(\.raw).joined(separator: "、")])
                }
            }
            if !cell(.deceasedOn).isEmpty { bad(.deceasedOn, "roster.csv.deceased_row") }

            let command = AddCadre(d, careLevel: careLevel, contact: contact, alerts: RosterCells.split(cell(.alerts)))
            let checked = command.check(in: state, today: today).checked
            for p in checked.errors {
                issues.append(Issue(row: row, column: heading(forField: p.field), problem: p, isWarning: false))
            }
            for p in checked.warnings {
                issues.append(Issue(row: row, column: heading(forField: p.field), problem: p, isWarning: true))
            }
            if checked.errors.isEmpty {
                let c = checked.cadre
                if let id = c.idNumber {
                    if let first = firstRowOfID[id] {
                        issues.append(Issue(row: row, column: heading(.idNumber), problem: Problem("roster.csv.duplicate_id", [String(first)], field: "idNumber"), isWarning: false))
                    } else {
                        firstRowOfID[id] = row
                    }
                }
                let person = Roster.nameKey(c.name, c.birthDate)
                if let first = firstRowOfPerson[person] {
                    issues.append(Issue(row: row, column: heading(.name), problem: Problem("roster.csv.duplicate_person", [String(first)], field: "name"), isWarning: true))
                } else {
                    firstRowOfPerson[person] = row
                }
            }
            plan.issues += issues
            plan.commands.append(command)
            plan.commandRows.append(row)
        }
        return plan
    }

    static func words<E>(_ table: [String: E]) -> String {
        // The Chinese words first (shortest list a clerk can pick from).
        let zh = table.keys.filter { $0.unicodeScalars.first.map { PersonName.isHan(Character($0)) } ?? false }
        return zh.sorted().prefix(8).joined(separator: "、")
    }

    /// Adds every row of a clean plan as one batch: all rows or none.
    /// `acceptWarnings` confirms the plan's warnings (they were shown in the dry run).
    /// Returns the new file numbers in row order.
    @discardableResult
    public static func commit(_ plan: Plan, to desk: Desk, as actor: ID<Staff>, acceptWarnings: Bool) throws(ImportError) -> [ID<Cadre>] {
        guard plan.errors.isEmpty else { throw .hasErrors(plan.badRows) }
        if !acceptWarnings, !plan.warnings.isEmpty { throw .hasWarnings(plan.warnings.count) }
        var items = [Desk.BatchItem(RequirePermission(.importRoster))]
        items.reserveCapacity(plan.commands.count + 1)
        for var c in plan.commands {
            c.confirmed = acceptWarnings
            items.append(Desk.BatchItem(c))
        }
        do {
            let applied = try desk.performBatch(items, as: actor)
            return applied.compactMap { ($0.event as? CadreAdded)?.cadre.id }
        } catch {
            // Another terminal may have added a file meanwhile: name the row.
            let row = error.index.flatMap { $0 >= 1 && $0 - 1 < plan.commandRows.count ? plan.commandRows[$0 - 1] : nil }
            throw .refused(row: row, error.error)
        }
    }

    public enum ImportError: Error, Equatable, Sendable {
        /// The dry run found errors in these rows: nothing was imported.
        case hasErrors([Int])
        /// Warnings not accepted: nothing was imported.
        case hasWarnings(Int)
        /// The batch was refused (row, if a row caused it): nothing was imported.
        case refused(row: Int?, DeskError)
    }
}

/// A batch's gate: checks the actor holds `permission`, records nothing.
public struct RequirePermission: DeskCommand, Sendable {
    public var permission: Permission
    public init(_ permission: Permission) { self.permission = permission }
    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(permission)
        return []
    }
}
