import DeskCore
import DeskTUI
import Foundation
@testable import DeskApp

/// Building rosters for the screen tests: files added through the real
/// commands (as the admin S001), valid resident ID numbers, sample rosters.
extension AppHarness {
    /// A valid 18-digit ID number for a birth date and gender (`serial` picks the 3 digits before the check).
    static func idNumber(born: LocalDate, male: Bool, serial: Int = 12) -> String {
        let date = String(format: "%04d%02d%02d", born.year, born.month, born.day)
        var seq = serial % 1000
        if (seq % 2 == 1) != male { seq = (seq + 1) % 1000 }
        let first17 = "110101" + date + String(format: "%03d", seq)
        return first17 + String(ResidentID.checkCharacter(forFirst17: first17)!)
    }

    /// Adds a file and returns its number.
    @discardableResult
    func addCadre(_ name: String, born: LocalDate = LocalDate(1936, 5, 1), male: Bool = true, phone: String = "",
                  community: String = "东风社区", living: LivingSituation = .withSpouse, family: [FamilyDraft] = [],
                  alerts: [String] = [], careLevel: Int? = nil, contact: ID<Staff>? = nil, serial: Int = 12) throws -> ID<Cadre> {
        var d = CadreDraft()
        d.name = name
        d.gender = male ? .male : .female
        d.birthDate = born.description
        d.idNumber = Self.idNumber(born: born, male: male, serial: serial)
        d.phone = phone
        d.community = community
        d.workUnit = "县财政局"
        d.living = living
        d.family = family
        let applied = try desk().perform(AddCadre(d, careLevel: careLevel, contact: contact, alerts: alerts), as: "S001")
        return (applied[0].event as! CadreAdded).cadre.id
    }

    /// A seeded sample: staff and `cadres` files (and, with `history`, a year of visits, tickets and bookings).
    func addSample(cadres: Int, history: Bool = false, seed: UInt64 = 5) throws {
        let g = SampleGenerator(seed: seed, cadres: cadres, years: history ? 1 : 0, today: LocalDate(2026, 11, 23))
        try g.write(to: try desk(), as: "S001", parts: history ? SampleGenerator.allParts : SampleGenerator.baseParts)
    }
}

extension Terminal {
    /// The roster screen as the model holds it.
    var roster: RosterScreen {
        model.screens.compactMap { $0 as? RosterScreen }.first!
    }

    /// Names in the roster table, in the order shown.
    var rosterNames: [String] {
        roster.list.table.visibleRows.map { $0.cells[RosterRows.Column.name.rawValue] }
    }

    /// Presses Tab until the open form's focus is on `field`.
    mutating func focus(_ field: String) {
        for _ in 0..<60 {
            if focusedField == field { return }
            press(.tab)
        }
    }

    var focusedField: String? {
        switch roster.task {
        case .editor(let e)?: e.form.focusedFieldID
        case .statusForm(_, _, let f, _)?: f.focusedFieldID
        case .exporting(let x)?: x.form.focusedFieldID
        default: nil
        }
    }

    /// The line of the screen holding `text`, if any.
    mutating func line(containing text: String, width: Int = 100, height: Int = 30) -> String? {
        screen(width: width, height: height).first { $0.contains(text) }
    }
}
