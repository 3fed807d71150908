import DeskLog
import Testing
@testable import DeskCore

/// Adds a cadre straight as an event (the roster's own commands are another
/// issue's; tickets only need the file to exist).
struct AddCadreForTest: DeskCommand {
    var cadre: Cadre
    func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] { [CadreAdded(cadre: cadre)] }
}

/// A desk on a real log with hotline staff, two cadres and, by default, a
/// "policy" category promising one working day (420 min) and a first
/// response within one working hour.
struct HotlineDesk {
    let t: TestDesk
    let operatorA: ID<Staff>   // 热线 王芳
    let operatorB: ID<Staff>   // 热线 李娜
    let caseworker: ID<Staff>  // 联络员 赵强
    let supervisor: ID<Staff>  // 科室负责人 孙丽
    let clerk: ID<Staff>       // 前台 周敏
    let zhang: ID<Cadre> = "C00001"
    let li: ID<Cadre> = "C00002"

    var desk: Desk { t.desk }
    var state: DeskState { t.desk.state }
    var now: LocalDateTime { t.hand.clock.local }

    init(at start: LocalDateTime) throws {
        t = try TestDesk(at: start)
        operatorA = try t.addStaff("王芳", role: .hotline)
        operatorB = try t.addStaff("李娜", role: .hotline)
        caseworker = try t.addStaff("赵强", role: .caseworker)
        supervisor = try t.addStaff("孙丽", role: .supervisor)
        clerk = try t.addStaff("周敏", role: .desk)
        var zhangFile = Cadre(id: zhang, name: "张建国", gender: .male, birthDate: LocalDate(1938, 5, 4), category: .lixiu,
                              rank: .county, workUnit: "县财政局")
        zhangFile.phone = "13912345678"
        zhangFile.family = [FamilyMember(relation: "女儿", name: "张丽", phone: "13800001111", emergency: true)]
        zhangFile.contact = caseworker
        try desk.perform(AddCadreForTest(cadre: zhangFile), as: t.admin)
        try desk.perform(AddCadreForTest(cadre: Cadre(id: li, name: "李秀英", gender: .female, birthDate: LocalDate(1945, 9, 1),
                                                      category: .tuixiu, rank: .section, workUnit: "县教育局")), as: t.admin)
        var settings = desk.state.settings
        if let i = settings.hotline.categories.firstIndex(where: { $0.code == "policy" }) {
            settings.hotline.categories[i].responseMinutes = 60
            settings.hotline.categories[i].completionMinutes = 420
        }
        try desk.perform(ChangeSettings(settings), as: t.admin)
    }

    func at(_ text: String) -> LocalDateTime { LocalDateTime(text)! }
    func set(_ text: String) { t.hand.set(at(text)) }

    /// Opens a ticket at the clock's time and returns its id.
    @discardableResult
    func open(category: String = "policy", priority: TicketPriority = .normal, cadre: ID<Cadre>? = nil,
              assignee: ID<Staff>? = nil, backup: ID<Staff>? = nil, by: ID<Staff>? = nil, summary: String = "咨询护理费政策") throws -> ID<Ticket> {
        let c = cadre ?? zhang
        let applied = try desk.perform(OpenTicket(caller: .cadre(c), category: category, priority: priority, summary: summary,
                                                  assignee: assignee ?? operatorA, backup: backup, confirmed: true),
                                       as: by ?? operatorA)
        return (applied[0].event as! TicketOpened).id
    }

    func ticket(_ id: ID<Ticket>) -> Ticket { state.tickets[id]! }
    func completion(_ id: ID<Ticket>) -> DeadlineStatus? { ticket(id).completion(at: now, settings: state.settings.hotline) }
    func queue(_ q: TicketQueue, me: ID<Staff>) -> [ID<Ticket>] { state.ticketQueue(q, me: me, now: now).map(\.id) }
}

/// The same calendar maths written the slow, obvious way (minute by minute),
/// to check the compiled table against.
enum SlowCalendar {
    static func isWorking(_ c: WorkCalendar, _ t: LocalDateTime) -> Bool {
        let weekday = t.date.weekday
        var periods = c.week[weekday]
        if c.holidays.contains(where: { $0.date == t.date }) { periods = [] }
        if c.workdays.contains(where: { $0.date == t.date }) { periods = c.week[c.makeUpWeekday] }
        return periods.contains { $0.start.minuteOfDay <= t.time.minuteOfDay && t.time.minuteOfDay < $0.end.minuteOfDay }
    }

    static func workingMinutes(_ c: WorkCalendar, from a: LocalDateTime, to b: LocalDateTime) -> Int {
        var n = 0, m = a.minutes
        while m < b.minutes {
            if isWorking(c, LocalDateTime(minutes: m)) { n += 1 }
            m += 1
        }
        return n
    }
}
