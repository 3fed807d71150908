import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

@Suite struct TeamCountsTests {
    /// The staff pane's rows as (name, overdue, due), read off the screen (left of `│`).
    static func pane(_ lines: [String]) -> [(name: String, overdue: Int, due: Int)] {
        lines.compactMap { line in
            guard let bar = line.firstIndex(of: "│") else { return nil }
            let words = line[..<bar].split(separator: " ").map(String.init)
            guard words.count >= 3, let o = Int(words[words.count - 2]), let d = Int(words[words.count - 1]) else { return nil }
            return (words[0...(words.count - 3)].joined(separator: " "), o, d)
        }
    }

    @Test func aSupervisorsPerStaffOverdueCountsMatchACountFromTheRawEvents() throws {
        let h = try AppHarness()
        let desk = try h.desk()
        let today = LocalDate(2026, 11, 23)
        try SampleGenerator(seed: 11, cadres: 240, years: 1, today: today).write(to: desk, as: "S001", parts: SampleGenerator.allParts)
        // Work left undone, through the real commands: admissions and bereavements
        // nobody visited yet, visits voided or corrected into something else,
        // a care-level cadre moved away.
        let living = desk.state.roster.all.filter { !$0.isDeceased }
        try #require(living.count > 40)
        for c in living[0..<8] where c.hospitalisedSince == nil {
            try desk.perform(RecordHospitalised(id: c.id, on: today.adding(days: -10), hospital: "县人民医院"), as: "S001")
        }
        for c in living[8..<14] where c.widowedOn == nil && c.marital != .single {
            try desk.perform(RecordSpouseDeath(id: c.id, on: today.adding(days: -6)), as: "S001")
        }
        for c in living[14..<24] {
            guard let v = desk.state.visitTimeline(of: c.id).first(where: { !$0.voided }) else { continue }
            try desk.perform(VoidVisit(id: v.id, reason: "重复登记"), as: "S001")
        }
        for c in living[24..<32] {
            guard let v = desk.state.visitTimeline(of: c.id).first(where: { !$0.voided && $0.kind == .phone }) else { continue }
            var r = try desk.visitDetail(v.id).record
            r.kind = .other
            try desk.perform(AmendVisit(r, reason: "未接通", confirmed: true), as: "S001")
        }
        if let cared = living.dropFirst(32).first(where: { $0.careLevel != nil && $0.livingElsewhere == nil }) {
            try desk.perform(RecordMovedAway(id: cared.id, since: today.adding(days: -100), place: "上海 女儿家"), as: "S001")
        }
        // AB岗: a caseworker away today, so part of the work is a backup's;
        // another made inactive, so their cadres are nobody's (unassigned).
        let caseworkers = desk.state.staff.active.filter { $0.role == .caseworker }
        try #require(caseworkers.count >= 4)
        try desk.perform(RecordAbsence(staff: caseworkers[0].id, from: today.adding(days: -1), to: today.adding(days: 3),
                                       backup: caseworkers[1].id, reason: "培训"), as: "S001")
        try desk.perform(SetStaffActive(id: caseworkers[2].id, active: false), as: "S001")
        let supervisor = try #require(desk.state.staff.active.first { $0.role == .supervisor })

        var t = try h.terminal(as: supervisor.login)
        let lines = t.screen(width: 120, height: 60)
        let rows = Self.pane(lines)
        let oracle = try OverdueOracle(logPath: h.path)
        let expected = oracle.overdue(on: .ymd(2026, 11, 23))
        let names = Dictionary(uniqueKeysWithValues: desk.state.staff.all.map { ($0.name, $0.id.raw) })

        // Not a vacuous comparison: the sample has overdue work, for several people and for nobody.
        #expect(expected.values.reduce(0, +) > 10, "\(expected)")
        #expect(expected.filter { $0.key != nil && $0.value > 0 }.count >= 2, "\(expected)")
        #expect((expected[nil] ?? 0) > 0, "the inactive caseworker's cadres are unassigned")

        var seen = 0
        for row in rows {
            switch row.name {
            case "全体": #expect(row.overdue == expected.values.reduce(0, +), "全体")
            case "未分配": #expect(row.overdue == expected[nil] ?? 0, "未分配")
            default:
                let name = row.name.replacingOccurrences(of: "(休)", with: "")
                let id = try #require(names[name], "\(row.name) is a staff member")
                #expect(row.overdue == expected[id] ?? 0, "\(name) (\(id))")
                seen += 1
            }
        }
        // Everyone the oracle counts has a row.
        for (who, n) in expected where n > 0 {
            if let who {
                #expect(rows.contains { names[$0.name.replacingOccurrences(of: "(休)", with: "")] == who }, "\(who) is listed")
            } else {
                #expect(rows.contains { $0.name == "未分配" })
            }
        }
        #expect(seen >= 3, "the two carrying the work and the one away")
        // The absent caseworker has nothing of their own today; the backup carries it.
        #expect(rows.contains { $0.name == caseworkers[0].name + "(休)" && $0.overdue == 0 && $0.due == 0 }, "\(rows)")
    }
}
