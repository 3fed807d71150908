import DeskCore
import DeskTUI
import Foundation
@testable import DeskApp

/// A small centre on a real log for the visit screens, on Monday 2026-11-23
/// 09:30 (the harness's clock): admin S001 张建国; caseworkers 王芳
/// (wangfang) and 李明 (liming); supervisor 赵强 (zhaoqiang).
struct VisitsFixture {
    let h: AppHarness
    let wang: ID<Staff>
    let li: ID<Staff>
    let zhao: ID<Staff>
    var today: LocalDate { LocalDate(2026, 11, 23) }

    init() throws {
        h = try AppHarness()
        wang = try h.addStaff("王芳", login: "wangfang", role: .caseworker)
        li = try h.addStaff("李明", login: "liming", role: .caseworker)
        zhao = try h.addStaff("赵强", login: "zhaoqiang", role: .supervisor)
    }

    func desk() throws -> Desk { try h.desk() }

    @discardableResult
    func perform(_ command: some DeskCommand, as who: ID<Staff> = "S001") throws -> [AppliedEvent] {
        try desk().perform(command, as: who)
    }

    /// Adds a cadre through the roster's own command; returns the file number.
    @discardableResult
    func cadre(_ name: String, born: String, contact: ID<Staff>?, care: Int? = nil, category: CadreCategory = .tuixiu,
               community: String = "东风社区", phone: String = "", gender: Gender = .male) throws -> ID<Cadre> {
        var d = CadreDraft()
        d.name = name
        d.gender = gender
        d.birthDate = born
        d.category = category
        d.workUnit = "县委办公室"
        d.community = community
        d.phone = phone
        let applied = try perform(AddCadre(d, careLevel: care, contact: contact, confirmed: true))
        return applied.compactMap { ($0.event as? CadreAdded)?.cadre.id }.first!
    }

    /// Records a visit as `by` (confirmed: dates long past ask otherwise).
    @discardableResult
    func visit(_ cadre: ID<Cadre>, _ kind: VisitKind, _ occasion: VisitOccasion = .routine, on date: LocalDate,
               by: ID<Staff>, followUp: LocalDate? = nil, needs: [String] = []) throws -> ID<Visit> {
        // 10:00, or 09:00 on the fixture's today (its clock reads 09:30: a visit is recorded after it happened).
        let time = date == today ? LocalTime(9, 0) : LocalTime(10, 0)
        let applied = try perform(LogVisit(cadres: [cadre], staff: [by], at: LocalDateTime(date, time), kind: kind,
                                           occasion: occasion, learned: "情况良好", needs: needs, followUp: followUp, confirmed: true),
                                  as: by)
        return (applied[0].event as! VisitLogged).visit.id
    }

    /// The standard case: a week of 王芳's work.
    ///
    /// - 张秀英: care level 1, last home visit 10-20 → care visit overdue since 11-04; monthly call due.
    /// - 李国华: born 1946-11-25, turns 80 on Wednesday → milestone birthday due; never called.
    /// - 王建国: in hospital since 11-18 → hospital visit overdue since 11-21.
    /// - 陈玉兰: visited 11-02 with a follow-up promised for 11-20 → follow-up overdue.
    /// - 刘德福: 李明's cadre; 李明 is away 11-20…11-30 with 王芳 as backup.
    struct Week {
        var zhang, liGuohua, wangJianguo, chen, liu: ID<Cadre>
        var chenVisit: ID<Visit>
    }

    func week() throws -> Week {
        let zhang = try cadre("张秀英", born: "1948-03-02", contact: wang, care: 1, phone: "13812345678", gender: .female)
        let liGuohua = try cadre("李国华", born: "1946-11-25", contact: wang, community: "北关社区")
        let wangJianguo = try cadre("王建国", born: "1940-01-15", contact: wang, category: .lixiu)
        let chen = try cadre("陈玉兰", born: "1950-07-08", contact: wang, gender: .female)
        let liu = try cadre("刘德福", born: "1944-02-20", contact: li)
        try visit(zhang, .home, on: LocalDate(2026, 10, 20), by: wang)
        try perform(RecordHospitalised(id: wangJianguo, on: LocalDate(2026, 11, 18), hospital: "县人民医院"))
        let chenVisit = try visit(chen, .home, .difficulty, on: LocalDate(2026, 11, 2), by: wang, followUp: LocalDate(2026, 11, 20),
                                  needs: ["家中热水器需要维修"])
        try perform(RecordAbsence(staff: li, from: LocalDate(2026, 11, 20), to: LocalDate(2026, 11, 30), backup: wang, reason: "年假"))
        return Week(zhang: zhang, liGuohua: liGuohua, wangJianguo: wangJianguo, chen: chen, liu: liu, chenVisit: chenVisit)
    }
}

extension Terminal {
    /// The screen as lines, drawn afresh (without touching the terminal's canvas).
    func lines(width: Int = 100, height: Int = 30) -> [String] {
        var canvas = MemoryCanvas(size: Size(width: width, height: height))
        model.view(&canvas)
        return canvas.lines()
    }

    /// The line of the screen containing every one of `parts`, if any.
    func line(with parts: String...) -> String? {
        lines().first { line in parts.allSatisfy { line.contains($0) } }
    }
}
