import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

/// A log for the hotline screens: the harness's admin (S001 张建国), a hotline
/// operator, a caseworker who is two cadres' contact person, a second
/// operator and a supervisor; 张福生 (alerts, care level 1, a daughter whose
/// phone is on file, a visit) and 李秀英. Monday 2026-11-23 09:30, on the
/// official 2026 calendar (working days 09:00–12:00, 13:30–17:30 → see the
/// domain's defaults).
struct HotlineWorld {
    let h: AppHarness
    let operatorA: ID<Staff>   // 热线 王芳 (wangfang)
    let operatorB: ID<Staff>   // 热线 李娜 (lina)
    let caseworker: ID<Staff>  // 联络员 赵强 (zhaoqiang)
    let supervisor: ID<Staff>  // 科长 孙丽 (sunli)
    let zhang: ID<Cadre>
    let li: ID<Cadre>
    /// 赵强's home visit to 张福生 on 11月20日, with one need raised (a broken water heater).
    let visit: ID<Visit>

    static let zhangPhone = "13912345678"
    static let daughterPhone = "13800001111"

    init() throws {
        h = try AppHarness()
        operatorA = try h.addStaff("王芳", login: "wangfang", role: .hotline)
        operatorB = try h.addStaff("李娜", login: "lina", role: .hotline)
        caseworker = try h.addStaff("赵强", login: "zhaoqiang", role: .caseworker)
        supervisor = try h.addStaff("孙丽", login: "sunli", role: .supervisor)
        let d = try h.desk()
        var a = CadreDraft()
        a.name = "张福生"
        a.gender = .male
        a.birthDate = "1935-03-02"
        a.category = .lixiu
        a.rank = .county
        a.workUnit = "县财政局"
        a.phone = HotlineWorld.zhangPhone
        a.address = "城关镇东风路12号3单元"
        a.community = "东风社区"
        a.living = .alone
        a.health = .chronic
        a.family = [FamilyDraft(relation: "女儿", name: "张丽", phone: HotlineWorld.daughterPhone, emergency: true)]
        zhang = try HotlineWorld.add(d, AddCadre(a, careLevel: 1, contact: caseworker, alerts: ["听力差,请大声说话"], confirmed: true))
        var b = CadreDraft()
        b.name = "李秀英"
        b.gender = .female
        b.birthDate = "1945-09-01"
        b.category = .tuixiu
        b.rank = .section
        b.workUnit = "县教育局"
        b.phone = "13955556666"
        b.community = "西关社区"
        li = try HotlineWorld.add(d, AddCadre(b, contact: caseworker, confirmed: true))
        let visit = VisitRecord(id: "V000000", cadres: [zhang], staff: [caseworker], at: LocalDateTime(LocalDate(2026, 11, 20), LocalTime(10, 0)),
                                kind: .home, occasion: .routine, learned: "身体尚可", needs: ["卫生间热水器坏了,想请人来修"])
        self.visit = (try d.perform(LogVisit(visit, confirmed: true), as: caseworker)[0].event as! VisitLogged).visit.id
    }

    static func add(_ d: Desk, _ c: AddCadre) throws -> ID<Cadre> {
        (try d.perform(c, as: "S001")[0].event as! CadreAdded).cadre.id
    }

    func desk() throws -> Desk { try h.desk() }

    /// Opens a ticket straight through the domain (as `by`, at the clock's time).
    @discardableResult
    func open(_ cadre: ID<Cadre>? = nil, category: String = "policy", priority: TicketPriority = .normal, summary: String = "咨询护理费政策",
              assignee: ID<Staff>? = nil, backup: ID<Staff>? = nil, by: ID<Staff>? = nil) throws -> ID<Ticket> {
        let d = try desk()
        let c = cadre ?? zhang
        let applied = try d.perform(OpenTicket(caller: .cadre(c), category: category, priority: priority, summary: summary,
                                               assignee: assignee ?? operatorA, backup: backup, confirmed: true), as: by ?? operatorA)
        return (applied[0].event as! TicketOpened).id
    }

    func ticket(_ id: ID<Ticket>) throws -> Ticket { try #require(try desk().state.tickets[id]) }

    /// Moves the shared clock (every terminal and desk of this world sees it).
    func advance(minutes: Int) { h.hand.advance(minutes: minutes) }

    /// A terminal signed in as `login` showing the hotline tab.
    func terminal(as login: String, lang: Lang = .zh) throws -> Terminal {
        var t = try h.terminal(as: login, lang: lang)
        t.goToHotline()
        return t
    }
}

extension Terminal {
    /// Sends an intent as another screen would (through the shell).
    mutating func send(_ intent: Intent) {
        model.context?.navigate(to: .hotline, intent)
        model.handleRequests()
    }

    /// Switches tabs until the hotline screen is active.
    mutating func goToHotline() {
        for _ in 0..<8 where model.activeScreen != .hotline { press(.tab) }
    }

    /// The line containing `text` (nil if none).
    mutating func line(containing text: String) -> String? { screen().first { $0.contains(text) } }
}
