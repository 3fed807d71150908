/// Realistic hotline history for the demo and the benchmarks: a few calls per
/// working day in proportion to the roster, categories in the proportions the
/// field reports suggest, first responses within the hour, some waits for a
/// reply, most tickets resolved in time, callbacks by a colleague with about
/// 97 % 满意 or 基本满意, and — at the end of the span — tickets still open,
/// waiting, overdue and awaiting their callback.
///
/// The items are meant for `Desk.performBatch(_:as:)` by an admin (or a
/// supervisor who handles no tickets): they name the resolver and the person
/// calling back, which only a supervisor's permission allows. Ticket numbers
/// are predicted from the state, so no other ticket may be opened in the same
/// batch before these items. Events run until the end of `to`'s working hours.
public enum SampleTickets {
    public static func items(for state: DeskState, from: LocalDate, to: LocalDate,
                             rng: inout some RandomNumberGenerator) -> [Desk.BatchItem] {
        let settings = state.settings.hotline
        let calendar = settings.calendar
        let cadres = state.roster.byID.values.filter { !$0.isDeceased }.sorted { $0.id < $1.id }
        let staff = state.staff.active
        let resolvers = staff.filter { $0.role == .hotline || $0.role == .caseworker }.map(\.id)
        let callers = staff.filter { ($0.role == .hotline || $0.role == .caseworker || $0.role == .supervisor) && $0.role.can(.rateCallback) }.map(\.id)
        let categories = weights.filter { settings.category($0.code)?.active == true }
        guard !cadres.isEmpty, !resolvers.isEmpty, !categories.isEmpty, from <= to else { return [] }
        let end = calendar.periods(on: to).last.map { LocalDateTime(to, $0.end) } ?? LocalDateTime(to, LocalTime(23, 59))
        let perDay = max(0.5, Double(cadres.count) * 1.5 / 1000)
        let totalWeight = categories.reduce(0) { $0 + $1.weight }

        var timed: [(at: LocalDateTime, order: Int, item: Desk.BatchItem)] = []
        var serial = state.tickets.lastSerial
        var day = from
        while day <= to {
            let periods = calendar.periods(on: day)
            let workMinutes = periods.reduce(0) { $0 + $1.minutes }
            if workMinutes > 0 {
                // The last days always bring calls, so that a sample of any size
                // ends with work in hand: open, waiting, overdue, awaiting a callback.
                let rate = day.distance(to: to) < 7 ? max(perDay, 2) : perDay
                let jitter = rate * (0.5 + Double.random(in: 0..<1, using: &rng))
                let count = Int(jitter) + (Double.random(in: 0..<1, using: &rng) < jitter.truncatingRemainder(dividingBy: 1) ? 1 : 0)
                var starts = (0..<count).map { _ in Int.random(in: 0..<workMinutes, using: &rng) }.sorted()
                starts = starts.map { offset in
                    var left = offset
                    for p in periods {
                        if left < p.minutes { return p.start.minuteOfDay + left }
                        left -= p.minutes
                    }
                    return periods[0].start.minuteOfDay
                }
                for minute in starts {
                    let opened = LocalDateTime(day, LocalTime(minuteOfDay: minute))
                    let year = day.year
                    serial[year, default: 0] += 1
                    let n = String(serial[year]!)
                    let id = ID<Ticket>("T\(year)-" + String(repeating: "0", count: max(0, 5 - n.count)) + n)
                    var pick = Int.random(in: 0..<totalWeight, using: &rng)
                    let cat = categories.first { pick -= $0.weight; return pick < 0 } ?? categories[0]
                    let cadre = cadres[Int.random(in: 0..<cadres.count, using: &rng)]
                    let life = Life(id: id, opened: opened, category: cat, cadre: cadre, end: end, calendar: calendar,
                                    settings: settings, resolvers: resolvers, callers: callers, state: state)
                    for (i, e) in life.events(&rng).enumerated() {
                        timed.append((e.at, timed.count + i, Desk.BatchItem(e.command, now: e.at)))
                    }
                }
            }
            day = day.adding(days: 1)
        }
        timed.sort { ($0.at, $0.order) < ($1.at, $1.order) }
        return timed.map(\.item)
    }

    /// Category proportions for a retired-cadre hotline (policy and
    /// reimbursement questions lead; emergencies are few).
    static let weights: [(code: String, weight: Int, summaries: [String], resolutions: [String])] = [
        ("policy", 22, ["咨询离休干部护理费调整政策", "询问高龄津贴申领条件", "咨询遗属生活困难补助标准", "询问今年体检安排"],
         ["已电话详细解答政策,老干部表示清楚", "已寄送政策文件并电话说明"]),
        ("medical", 18, ["住院费用报销材料咨询", "门诊特殊病种报销进度查询", "办理异地就医备案", "医药费报销款未到账"],
         ["已协调医保经办机构办结报销", "已代为递交报销材料,款项已到账"]),
        ("services", 14, ["预约上门理发", "请求代购常用药品", "申请助餐服务", "预约家政保洁"],
         ["已安排服务人员上门", "已联系社区落实服务"]),
        ("repair", 12, ["家中电视机无法开机", "热水器漏水需维修", "空调不制冷请求上门维修", "洗衣机不排水"],
         ["合作维修点已上门修好", "已更换配件,试用正常"]),
        ("hardship", 7, ["老伴去世后生活困难申请补助", "家中遇火灾申请临时救助", "独居生活困难请求帮扶"],
         ["已发放临时困难补助", "已上报并落实帮扶措施"]),
        ("counselling", 6, ["老伴去世后情绪低落", "独居老人倾诉孤独", "与子女关系紧张需要疏导"],
         ["心理咨询师已上门陪伴疏导", "已安排志愿者定期陪聊"]),
        ("suggestion", 7, ["建议延长活动中心开放时间", "建议老年大学开设智能手机班", "建议组织春季健步走"],
         ["建议已转相关科室,已电话反馈采纳情况"]),
        ("complaint", 3, ["反映送餐服务不及时", "反映维修人员未按约上门", "反映活动室卫生问题"],
         ["已核实并整改,向老干部致歉"]),
        ("legal", 3, ["房屋继承纠纷咨询", "子女赡养问题法律咨询", "疑似遭遇电信诈骗求助"],
         ["已联系法律援助中心律师解答", "已协助报警并跟进处理"]),
        ("emergency", 3, ["一键通呼叫:在家摔倒", "一键通呼叫:突发胸闷", "一键通呼叫:老人外出未归"],
         ["已联系家属和120,老人已送医", "已找到老人并送回家中"]),
        ("other", 5, ["查询党费缴纳情况", "更新联系电话", "咨询报刊订阅"],
         ["已办理并电话告知"]),
    ]

    static let unknownNames = ["王先生", "李女士", "张女士", "刘先生", "陈先生", "杨女士", "赵先生", "黄女士"]

    /// One ticket's life: the commands and the business time of each.
    private struct Life {
        let id: ID<Ticket>
        let opened: LocalDateTime
        let category: (code: String, weight: Int, summaries: [String], resolutions: [String])
        let cadre: Cadre
        let end: LocalDateTime
        let calendar: WorkCalendar
        let settings: HotlineSettings
        let resolvers: [ID<Staff>]
        let callers: [ID<Staff>]
        let state: DeskState

        func events(_ rng: inout some RandomNumberGenerator) -> [(at: LocalDateTime, command: any DeskCommand)] {
            var out: [(at: LocalDateTime, command: any DeskCommand)] = []
            let urgent = settings.category(category.code)?.urgentByDefault ?? false
            let priority: TicketPriority = urgent ? .urgent : .normal
            let promise = settings.promise(category: category.code, priority: priority)!
            let roll = Double.random(in: 0..<1, using: &rng)
            let caller: Caller
            if roll < 0.05 {
                let name = SampleTickets.unknownNames[Int.random(in: 0..<SampleTickets.unknownNames.count, using: &rng)]
                caller = .unknown(name: name, phone: "139" + String(Int.random(in: 10_000_000...99_999_999, using: &rng)))
            } else if roll < 0.40, let f = cadre.family.first, PersonName.problem(f.name, field: "") == nil {
                caller = .family(cadre: cadre.id, relation: f.relation.isEmpty ? "家属" : f.relation, name: f.name,
                                 phone: f.phone.flatMap { PhoneNumber.normalized($0) })
            } else {
                caller = .cadre(cadre.id)
            }
            let channelRoll = Double.random(in: 0..<1, using: &rng)
            let channel: TicketChannel = urgent || channelRoll < 0.80 ? .hotline : channelRoll < 0.90 ? .walkIn : channelRoll < 0.93 ? .letter : .visit
            var assignee = resolvers[Int.random(in: 0..<resolvers.count, using: &rng)]
            if let c = cadre.contact, resolvers.contains(c) { assignee = c }
            let summary = category.summaries[Int.random(in: 0..<category.summaries.count, using: &rng)]
            out.append((opened, OpenTicket(caller: caller, cadre: cadre.id, channel: channel, category: category.code,
                                          priority: priority, summary: summary, assignee: assignee, confirmed: true)))

            let ruler = DeadlineRuler(calendar: calendar, measure: promise.measure)
            func later(_ t: LocalDateTime, _ minutes: Int) -> LocalDateTime {
                let next = ruler.time(ruler.position(t) + max(1, minutes))
                return next > t ? next : t.adding(minutes: 1)
            }
            // First response within the promise, mostly well within it.
            var t = later(opened, Int.random(in: 5...max(5, promise.responseMinutes), using: &rng))
            guard t <= end else { return out }
            out.append((t, ChangeTicketStatus(id: id, to: .inProgress, note: "已与来电人联系")))

            // Time the work takes (excluding waits): within the promise for most.
            let late = Double.random(in: 0..<1, using: &rng) < 0.08
            let share = late ? Double.random(in: 1.05...1.8, using: &rng) : Double.random(in: 0.1...0.95, using: &rng)
            var work = max(10, Int(Double(promise.completionMinutes) * share) - ruler.position(t) + ruler.position(opened))
            if Double.random(in: 0..<1, using: &rng) < 0.2 {
                let before = Int.random(in: 1...max(1, work / 2), using: &rng)
                t = later(t, before)
                work -= before
                guard t <= end else { return out }
                let on: WaitingOn = Double.random(in: 0..<1, using: &rng) < 0.6 ? .thirdParty : .caller
                out.append((t, ChangeTicketStatus(id: id, to: .waiting, waitingOn: on,
                                                  note: on == .caller ? "等待老干部补充材料" : "等待经办单位答复")))
                // Callers answer within days; other offices (医保局, a repair partner) can take two weeks.
                let longest = (on == .caller ? 3 : 10) * calendar.minutesPerDay
                t = later(t, Int.random(in: 60...longest, using: &rng))
                guard t <= end else { return out }
                out.append((t, ChangeTicketStatus(id: id, to: .inProgress, note: "已收到答复,继续办理")))
            }
            t = later(t, work)
            guard t <= end else { return out }
            let resolver = assignee
            let resolution = category.resolutions[Int.random(in: 0..<category.resolutions.count, using: &rng)]
            out.append((t, ResolveTicket(id: id, resolution: resolution, resolvedBy: resolver)))

            // The callback, by a colleague, most within the callback period.
            let others = callers.filter { $0 != resolver }
            guard !others.isEmpty, Double.random(in: 0..<1, using: &rng) < 0.95 else { return out }
            let wait = Int.random(in: 30...(calendar.minutesPerDay * (settings.callbackAfterWorkingDays + 1)), using: &rng)
            let calr = DeadlineRuler(calendar: calendar, measure: .working)
            t = max(calr.time(calr.position(t) + wait), t.adding(minutes: 1))
            guard t <= end else { return out }
            let r = Double.random(in: 0..<1, using: &rng)
            let rating: CallbackRating = r < 0.85 ? .satisfied : r < 0.97 ? .fairlySatisfied : .dissatisfied
            let by = others[Int.random(in: 0..<others.count, using: &rng)]
            let reached: CallParty = Double.random(in: 0..<1, using: &rng) < 0.7 ? .cadre : .family
            out.append((t, RecordCallback(id: id, rating: rating, reached: reached,
                                          comment: rating == .dissatisfied ? "认为办理时间太长,问题未彻底解决" : "", calledBy: by)))
            guard rating == .dissatisfied else { return out }
            // A supervisor reviews, the handler finishes the job, a colleague calls again.
            t = later(t, Int.random(in: 60...calendar.minutesPerDay, using: &rng))
            guard t <= end else { return out }
            out.append((t, ReviewTicket(id: id, note: "已约谈承办人,要求两日内彻底解决")))
            t = later(t, Int.random(in: 60...(2 * calendar.minutesPerDay), using: &rng))
            guard t <= end else { return out }
            out.append((t, ResolveTicket(id: id, resolution: "再次上门处理,问题已彻底解决", resolvedBy: resolver)))
            t = later(t, Int.random(in: 60...calendar.minutesPerDay, using: &rng))
            guard t <= end else { return out }
            out.append((t, RecordCallback(id: id, rating: .satisfied, reached: reached, calledBy: by)))
            return out
        }
    }
}
