import Foundation
@testable import DeskCore

/// Drafts and helpers for roster tests.
enum Fixture {
    /// 张建国, male, born 1936-05-01, 退休 unless told, with a valid ID number.
    static func draft(name: String = "张建国", born: String = "1936-05-01", gender: Gender = .male,
                      id: String? = nil, category: CadreCategory = .tuixiu) -> CadreDraft {
        var d = CadreDraft()
        d.name = name
        d.birthDate = born
        d.gender = gender
        d.category = category
        d.workUnit = "县教育局"
        d.community = "东风社区"
        d.idNumber = id ?? residentID(born: LocalDate(born)!, gender: gender)
        return d
    }

    /// A valid ID number for a birth date and gender (region 640121, sequence 001/002 or `seq`).
    static func residentID(born: LocalDate, gender: Gender, region: String = "640121", seq: Int? = nil) -> String {
        var n = seq ?? (gender == .male ? 1 : 2)
        if (n % 2 == 1) != (gender == .male) { n += 1 }
        let s = String(n)
        let first17 = region + born.description.replacingOccurrences(of: "-", with: "") + String(repeating: "0", count: 3 - s.count) + s
        return first17 + String(ResidentID.checkCharacter(forFirst17: first17)!)
    }

    /// Adds a cadre through the command and returns its file number.
    @discardableResult
    static func add(_ t: TestDesk, _ d: CadreDraft, as actor: ID<Staff>? = nil, careLevel: Int? = nil,
                    contact: ID<Staff>? = nil, alerts: [String] = []) throws -> ID<Cadre> {
        let applied = try t.desk.perform(AddCadre(d, careLevel: careLevel, contact: contact, alerts: alerts), as: actor ?? t.admin)
        return (applied[0].event as! CadreAdded).cadre.id
    }

    /// The problems of a refused command (fails the test if it was not refused that way).
    static func invalid(_ body: () throws -> Void) -> [Problem] {
        do {
            try body()
        } catch let DeskError.invalid(p) {
            return p
        } catch {
            return [Problem("unexpected \(error)")]
        }
        return [Problem("not refused")]
    }
}
