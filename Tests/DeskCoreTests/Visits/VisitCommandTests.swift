import DeskLog
import Testing
@testable import DeskCore

/// Recording, voiding and correcting visits through a real log.
@Suite struct VisitCommandTests {
    let t: TestDesk
    let wang: ID<Staff>
    let li: ID<Staff>
    let today = LocalDate(2026, 11, 23)
    var now: LocalDateTime { LocalDateTime(today, LocalTime(10, 30)) }

    init() throws {
        // The desk's clock a little after the visits these tests record at `now`.
        t = try TestDesk(at: LocalDateTime(LocalDate(2026, 11, 23), LocalTime(11, 0)))
        wang = try t.addStaff("王芳", role: .caseworker)
        li = try t.addStaff("李明", role: .caseworker)
    }

    @discardableResult
    func cadre(_ n: Int, care: Int? = nil, _ configure: (inout Cadre) -> Void = { _ in }) throws -> ID<Cadre> {
        var c = Cadre(id: ID(String(format: "C%05d", n)), name: "张\(["一", "二", "三", "四", "五"][n - 1])国", gender: .male,
                      birthDate: LocalDate(1948, 3, 3), category: .tuixiu, rank: .general, workUnit: "县委")
        c.careLevel = care
        c.contact = wang
        configure(&c)
        try t.desk.perform(SeedCadre(cadre: c), as: t.admin)
        return c.id
    }

    func problems(_ body: () throws -> Void) -> DeskError? {
        do { try body() } catch let e as DeskError { return e } catch { Issue.record("unexpected \(error)") }
        return nil
    }

    @Test func loggingAVisitGivesTheNextNumberAndClearsTheItemOnASecondTerminalToo() throws {
        let c = try cadre(1, care: 1)
        let other = try t.reopen()
        #expect(other.state.myDay(for: wang, on: today).items.contains { $0.cadre == c && $0.rule == .careVisit })
        let applied = try t.desk.perform(LogVisit(cadres: [c], staff: [wang], at: now, kind: .home, occasion: .routine,
                                                  learned: "身体尚好", needs: ["家中热水器需要维修"]), as: wang)
        #expect((applied[0].event as! VisitLogged).visit.id == "V000001")
        try t.desk.perform(LogVisit(cadres: [c], staff: [wang, li], at: now, kind: .phone, occasion: .routine), as: wang)
        #expect(t.desk.state.visits.highestSerial == 2)
        try other.refresh()
        #expect(!other.state.myDay(for: wang, on: today).items.contains { $0.cadre == c && $0.rule == .careVisit })
        #expect(other.state.visitTimeline(of: c).map(\.id) == ["V000002", "V000001"])
    }

    @Test func everyProblemIsListedAtOnceBesideItsField() throws {
        let c = try cadre(1)
        let e = problems {
            try t.desk.perform(LogVisit(cadres: [c, "C09999"], staff: [], at: LocalDateTime(today.adding(days: 1), LocalTime(9, 0)),
                                        kind: .home, occasion: .routine, needs: ["  "], moneyEach: Money(fen: -100),
                                        followUp: today), as: wang)
        }
        guard case .invalid(let p) = e else { Issue.record("expected invalid, got \(String(describing: e))"); return }
        #expect(Set(p.map(\.key)) == ["visits.cadre_not_found", "visits.staff_required", "visits.date_future",
                                      "visits.follow_up_not_after", "visits.money_negative", "visits.need_empty"])
        #expect(p.first { $0.key == "visits.date_future" }?.field == "at")
        #expect(p.first { $0.key == "visits.need_empty" }?.args == ["1"])
        #expect(t.desk.state.visits.count == 0)
    }

    @Test func aVisitLaterTodayThanNowIsRefusedButOneAtThisMinuteIsRecorded() throws {
        let c = try cadre(1)
        // The clock reads 11:00: 23:59 today has not happened yet.
        let e = problems {
            try t.desk.perform(LogVisit(cadres: [c], staff: [wang], at: LocalDateTime(today, LocalTime(23, 59)), kind: .home, occasion: .routine), as: wang)
        }
        #expect(e == .invalid([Problem("visits.time_future", ["11:00"], field: "at")]))
        let e2 = problems {
            try t.desk.perform(LogVisit(cadres: [c], staff: [wang], at: LocalDateTime(today, LocalTime(11, 1)), kind: .home, occasion: .routine), as: wang)
        }
        #expect(e2 == .invalid([Problem("visits.time_future", ["11:00"], field: "at")]))
        #expect(t.desk.state.visits.count == 0)
        try t.desk.perform(LogVisit(cadres: [c], staff: [wang], at: LocalDateTime(today, LocalTime(11, 0)), kind: .home, occasion: .routine), as: wang)
        // Yesterday evening, typed this morning, is fine.
        try t.desk.perform(LogVisit(cadres: [c], staff: [wang], at: LocalDateTime(today.adding(days: -1), LocalTime(23, 59)), kind: .phone, occasion: .routine), as: wang)
        #expect(t.desk.state.visits.count == 2)
    }

    @Test func aDeceasedCadreCanOnlyHaveACondolenceRecorded() throws {
        let c = try cadre(1) { $0.deceasedOn = LocalDate(2026, 11, 21) }
        let e = problems { try t.desk.perform(LogVisit(cadres: [c], staff: [wang], at: now, kind: .home, occasion: .routine), as: wang) }
        #expect(e == .invalid([Problem("visits.cadre_deceased", ["张一国", "2026-11-21"], field: "cadres")]))
        try t.desk.perform(LogVisit(cadres: [c], staff: [wang], at: now, kind: .condolence, occasion: .bereavement), as: wang)
        // A home visit made before the death is still recorded, late.
        try t.desk.perform(LogVisit(cadres: [c], staff: [wang], at: LocalDateTime(LocalDate(2026, 11, 19), LocalTime(15, 0)),
                                    kind: .home, occasion: .illness), as: wang)
        #expect(t.desk.state.visits.count == 2)
    }

    @Test func correctingAnOldVisitDoesNotAskAboutItsDateAgain() throws {
        let c = try cadre(1)
        let old = LocalDateTime(LocalDate(2026, 6, 1), LocalTime(9, 0))
        #expect(problems { try t.desk.perform(LogVisit(cadres: [c], staff: [wang], at: old, kind: .home, occasion: .routine), as: wang) }
                == .needsConfirmation([Problem("visits.date_old", ["2026-06-01"], field: "at")]))
        try t.desk.perform(LogVisit(cadres: [c], staff: [wang], at: old, kind: .home, occasion: .routine, confirmed: true), as: wang)
        var r = try t.desk.visitDetail("V000001").record
        r.learned = "补记:老人反映腿脚不便"
        try t.desk.perform(AmendVisit(r, reason: "补记情况"), as: wang)
        #expect(try t.desk.visitDetail("V000001").record.learned == "补记:老人反映腿脚不便")
    }

    @Test func aHomeVisitToACadreLivingElsewhereAsksFirstButACallDoesNot() throws {
        let c = try cadre(1) { $0.livingElsewhere = Elsewhere(since: LocalDate(2024, 1, 1), place: "上海") }
        try t.desk.perform(LogVisit(cadres: [c], staff: [wang], at: now, kind: .phone, occasion: .elsewhere), as: wang)
        let e = problems { try t.desk.perform(LogVisit(cadres: [c], staff: [wang], at: now, kind: .home, occasion: .routine), as: wang) }
        #expect(e == .needsConfirmation([Problem("visits.home_but_elsewhere", ["张一国", "上海"], field: "kind")]))
        try t.desk.perform(LogVisit(cadres: [c], staff: [wang], at: now, kind: .home, occasion: .routine, confirmed: true), as: wang)
        #expect(t.desk.state.visits.count == 2)
    }

    @Test func theSameVisitTypedOnTwoTerminalsAsksBeforeRecordingItTwice() throws {
        let c = try cadre(1)
        let other = try t.reopen()
        try t.desk.perform(LogVisit(cadres: [c], staff: [wang], at: now, kind: .home, occasion: .routine), as: wang)
        let e = problems { try other.perform(LogVisit(cadres: [c], staff: [li], at: now, kind: .home, occasion: .routine), as: li) }
        #expect(e == .needsConfirmation([Problem("visits.duplicate", ["张一国", "V000001"], field: "cadres")]))
    }

    @Test func aFestivalRoundRecordsOneVisitPerCadreOrNothing() throws {
        let a = try cadre(1), b = try cadre(2), gone = try cadre(3) { $0.deceasedOn = LocalDate(2026, 10, 1) }
        let e = problems {
            try t.desk.perform(LogVisitRound(cadres: [a, b, gone], staff: [wang, li], at: now, learned: "送去慰问金",
                                             moneyEach: Money(fen: 50_000)), as: wang)
        }
        #expect(e == .invalid([Problem("visits.cadre_deceased", ["张三国", "2026-10-01"], field: "cadres")]))
        #expect(t.desk.state.visits.count == 0)
        try t.desk.perform(LogVisitRound(cadres: [a, b], staff: [wang, li], at: now, learned: "送去慰问金",
                                         moneyEach: Money(fen: 50_000)), as: wang)
        let list = t.desk.state.visitList(VisitFilter(period: .month(2026, 11)))
        #expect(list.total == 2)
        #expect(Set(list.visits.map(\.id)) == ["V000001", "V000002"])
        #expect(t.desk.state.visitTotals(in: .month(2026, 11)).money == Money(fen: 100_000))
    }

    @Test func voidingNeedsAReasonKeepsTheVisitAndOnlyTheVisitorsOrASupervisorMayDoIt() throws {
        let c = try cadre(1, care: 1)
        let boss = try t.addStaff("周科长", role: .supervisor)
        try t.desk.perform(LogVisit(cadres: [c], staff: [wang], at: now, kind: .home, occasion: .routine, learned: "一切正常"), as: wang)
        #expect(problems { try t.desk.perform(VoidVisit(id: "V000001", reason: " "), as: wang) }
                == .invalid([Problem("visits.reason_required", field: "reason")]))
        #expect(problems { try t.desk.perform(VoidVisit(id: "V000001", reason: "记错人"), as: li) }
                == .notAllowed(Problem("visits.not_yours", ["V000001"])))
        try t.desk.perform(VoidVisit(id: "V000001", reason: "记错人"), as: boss)
        #expect(problems { try t.desk.perform(VoidVisit(id: "V000001", reason: "再次"), as: wang) }
                == .conflict(Problem("visits.already_voided", ["V000001"])))
        #expect(t.desk.state.dueItems(for: c, on: today).contains { $0.rule == .careVisit })
        let other = try t.reopen()
        let detail = try other.visitDetail("V000001")
        #expect(detail.record.learned == "一切正常")
        #expect(detail.voidReason == "记错人")
        #expect(detail.voidedBy == boss)
        #expect(detail.summary.voided)
        #expect(t.desk.state.visitList(VisitFilter(period: .month(2026, 11))).total == 0)
        #expect(t.desk.state.visitList(VisitFilter(period: .month(2026, 11), includeVoided: true)).total == 1)
    }

    @Test func anAmendmentReplacesTheRecordButCannotDropANeed() throws {
        let c = try cadre(1)
        try t.desk.perform(LogVisit(cadres: [c], staff: [wang], at: now, kind: .home, occasion: .routine,
                                    needs: ["咨询医疗报销", "热水器维修"]), as: wang)
        var r = try t.desk.visitDetail("V000001").record
        r.needs = ["咨询医疗报销"]
        #expect(problems { try t.desk.perform(AmendVisit(r, reason: "更正"), as: wang) }
                == .invalid([Problem("visits.needs_removed", ["2"], field: "needs")]))
        r.needs = ["咨询医疗费用报销", "热水器维修", "想参加书法班"]
        r.occasion = .difficulty
        try t.desk.perform(AmendVisit(r, reason: "补记诉求"), as: wang)
        let detail = try t.reopen().visitDetail("V000001")
        #expect(detail.record.needs.count == 3)
        #expect(detail.record.occasion == .difficulty)
        #expect(detail.amendReason == "补记诉求")
        #expect(detail.summary.needCount == 3)
    }

    @Test func theVisitListFiltersByStaffKindOccasionAndCommunityAndPagesNewestFirst() throws {
        let east = try cadre(1) { $0.community = "东风社区" }
        let west = try cadre(2) { $0.community = "西湖社区" }
        for d in 1...12 {
            let at = LocalDateTime(LocalDate(2026, 11, d), LocalTime(9, 0))
            try t.desk.perform(LogVisit(cadres: [d % 2 == 0 ? east : west], staff: [d % 3 == 0 ? li : wang], at: at,
                                        kind: d % 4 == 0 ? .phone : .home, occasion: .routine, confirmed: true), as: wang)
        }
        let s = t.desk.state
        let nov = Period.month(2026, 11)
        let page = s.visitList(VisitFilter(period: nov), offset: 5, limit: 5)
        #expect(page.total == 12)
        #expect(page.visits.map(\.at.date.day) == [7, 6, 5, 4, 3])
        #expect(s.visitList(VisitFilter(period: nov, staff: li)).visits.map(\.at.date.day) == [12, 9, 6, 3])
        #expect(s.visitList(VisitFilter(period: nov, kind: .phone)).total == 3)
        #expect(s.visitList(VisitFilter(period: nov, community: "东风社区")).total == 6)
        #expect(s.visitList(VisitFilter(period: nov, occasion: .festival)).total == 0)
        #expect(s.visitList(VisitFilter(period: Period(start: LocalDate(2026, 11, 3), end: LocalDate(2026, 11, 5)))).total == 3)
    }

    @Test func aDraftFromAnItemLogsTheVisitThatSatisfiesIt() throws {
        let c = try cadre(1) { $0.hospitalisedSince = LocalDate(2026, 11, 22) }
        let item = try #require(t.desk.state.myDay(for: wang, on: today).hospitalisedWithoutVisit.first)
        #expect(item.cadre == c)
        var draft = t.desk.state.draft(for: item, by: wang, at: now)
        #expect(draft.visit.kind == .hospital)
        #expect(draft.visit.occasion == .illness)
        draft.visit.learned = "术后恢复良好"
        try t.desk.perform(draft, as: wang)
        #expect(t.desk.state.myDay(for: wang, on: today).hospitalisedWithoutVisit.isEmpty)
    }
}
