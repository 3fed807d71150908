import DeskLog
import Foundation
import Testing
@testable import DeskCore

@Suite struct HotlineStatsTests {
    @Test func periodFiguresCountOpenedClosedInTimeMedianCallbacksAndSatisfaction() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-16 09:00")!)
        let (a, b) = (h.operatorA, h.operatorB)
        let t4 = try h.open(category: "repair", summary: "电视坏了")               // due 11-17 17:30, never resolved
        try h.desk.perform(ChangeTicketStatus(id: t4, to: .inProgress), as: a)
        h.set("2026-11-23 09:00")
        let t1 = try h.open()
        let t2 = try h.open(cadre: h.li)
        h.set("2026-11-23 09:30")
        let t5 = try h.open(category: "complaint", cadre: h.li, summary: "送餐不及时")
        h.set("2026-11-23 10:00")
        let t3 = try h.open(category: "medical", summary: "报销进度")
        try h.desk.perform(ChangeTicketStatus(id: t3, to: .inProgress), as: a)
        h.set("2026-11-23 11:00")
        try h.desk.perform(ResolveTicket(id: t1, resolution: "已解答"), as: a)                    // 120 working minutes: in time
        h.set("2026-11-23 15:00")
        try h.desk.perform(RecordCallback(id: t1, rating: .satisfied, reached: .cadre), as: b)
        h.set("2026-11-24 09:00")
        try h.desk.perform(ResolveTicket(id: t5, resolution: "已督促"), as: a)
        h.set("2026-11-24 10:00")
        try h.desk.perform(RecordCallback(id: t5, rating: .dissatisfied, reached: .cadre, comment: "还是慢"), as: b)
        h.set("2026-11-25 09:00")
        try h.desk.perform(ResolveTicket(id: t2, resolution: "已解答"), as: a)                    // 840 working minutes: late
        h.set("2026-11-25 10:00")
        try h.desk.perform(RecordCallback(id: t2, rating: .fairlySatisfied, reached: .cadre), as: b)
        h.set("2026-11-25 12:00")

        let s = h.state.hotlineStats(.month(2026, 11), now: h.now)
        #expect(s.all.opened == 5)
        #expect(s.all.closed == 2)
        #expect(s.all.closedInTime == 1)
        #expect(s.all.closedInTimePercent == 50)
        #expect(s.all.medianWorkingMinutesToClose == (120 + 840) / 2)
        #expect(s.byCategory["policy"] == HotlineStats.Counts(opened: 2, closed: 2, closedInTime: 1, medianWorkingMinutesToClose: 480))
        #expect(s.byCategory["repair"]?.opened == 1)
        #expect(s.byCategory["repair"]?.closed == 0)
        #expect(s.openOverdueNow == 1)
        #expect(s.callbackDone == 2)
        #expect(s.callbackDonePercent == 100)
        #expect(s.ratedCount == 3)
        #expect(abs(s.satisfiedOrFairlyPercent! - 200.0 / 3) < 1e-9)
        #expect(abs(s.satisfiedPercent! - 100.0 / 3) < 1e-9)
        #expect(h.queue(.overdue, me: a) == [t4])
        #expect(s.tickets[.opened] == [t1, t2, t3, t4, t5].sorted())
        #expect(s.tickets[.closed] == [t1, t2])
        #expect(s.tickets[.closedLate] == [t2])
        #expect(s.tickets[.openOverdueNow] == [t4])
        #expect(s.tickets[.dissatisfied] == [t5])
        #expect(s.tickets[.closedWithoutCallback] == nil)

        let december = h.state.hotlineStats(.month(2026, 12), now: h.now)
        #expect(december.all == HotlineStats.Counts())
        #expect(december.ratedCount == 0)
        #expect(december.satisfiedPercent == nil)
        #expect(december.openOverdueNow == 1)
    }
}

@Suite struct SampleTicketsTests {
    /// A roster of `cadres`, five hotline staff and two caseworkers, as events.
    func desk(cadres: Int) throws -> (TestDesk, [ID<Staff>]) {
        let t = try TestDesk(at: LocalDateTime("2026-11-20 18:00")!)
        var staff: [ID<Staff>] = []
        for (i, name) in ["王芳", "李娜", "刘洋", "陈静", "杨帆"].enumerated() { staff.append(try t.addStaff(name, role: .hotline, login: "h\(i)")) }
        for (i, name) in ["赵强", "黄磊"].enumerated() { staff.append(try t.addStaff(name, role: .caseworker, login: "c\(i)")) }
        var items: [Desk.BatchItem] = []
        for i in 1...cadres {
            var c = Cadre(id: ID(String(format: "C%05d", i)), name: "张建国", gender: .male, birthDate: LocalDate(1940, 1, 1),
                          category: .tuixiu, rank: .general, workUnit: "县直机关")
            c.family = i % 2 == 0 ? [FamilyMember(relation: "女儿", name: "张丽", phone: "13800001111", emergency: true)] : []
            c.contact = staff[i % staff.count]
            items.append(.init(AddCadreForTest(cadre: c)))
        }
        try t.desk.performBatch(items, as: t.admin)
        return (t, staff)
    }

    @Test func generatedHistoryAppliesAsOneBatchAndLooksLikeAHotline() throws {
        let (t, _) = try desk(cadres: 2000)
        var rng = SplitMix64(seed: 2026)
        let items = SampleTickets.items(for: t.desk.state, from: LocalDate(2026, 1, 1), to: LocalDate(2026, 11, 20), rng: &rng)
        #expect(items.count > 1500)
        try t.desk.performBatch(items, as: t.admin)
        let state = t.desk.state
        let now = LocalDateTime("2026-11-20 18:00")!
        let year = state.hotlineStats(.year(2026), now: now)
        #expect(year.all.opened == state.tickets.count)
        #expect(year.ratedCount > 400)
        let satisfaction = try #require(year.satisfiedOrFairlyPercent)
        #expect(satisfaction > 94 && satisfaction < 100)
        #expect(try #require(year.all.closedInTimePercent) > 80)
        // Policy questions lead, emergencies are few.
        let opened = year.byCategory.mapValues(\.opened)
        #expect(opened["policy"]! > opened["emergency"]!)
        #expect(opened.values.max() == opened["policy"])
        // The end of the span has work in every state.
        #expect(year.openOverdueNow > 0)
        #expect(!state.ticketQueue(.waiting, me: "S002", now: now).isEmpty)
        #expect(!state.ticketQueue(.awaitingCallback, me: "S002", now: now).isEmpty)
        #expect(state.tickets.all.contains { $0.reopenCount > 0 })
        // The same seed makes the same history.
        var again = SplitMix64(seed: 2026)
        let (t2, _) = try desk(cadres: 2000)
        let items2 = SampleTickets.items(for: t2.desk.state, from: LocalDate(2026, 1, 1), to: LocalDate(2026, 11, 20), rng: &again)
        #expect(items2.map { "\($0.now!) \(type(of: $0.command))" } == items.map { "\($0.now!) \(type(of: $0.command))" })
    }
}

@Suite struct HotlineCatalogTests {
    @Test func everyCodeHasItsWordsInBothLanguages() {
        for lang in Lang.allCases {
            let l = Localizer(lang)
            var keys: [String] = []
            keys += TicketStatus.allCases.map(\.textKey) + TicketPriority.allCases.map(\.textKey)
            keys += TicketChannel.allCases.map(\.textKey) + CallbackRating.allCases.map(\.textKey)
            keys += CallParty.allCases.map(\.textKey) + WaitingOn.allCases.map(\.textKey)
            keys += TicketQueue.allCases.map(\.textKey) + TicketSort.allCases.map(\.textKey)
            keys += HotlineCategory.defaults.map(\.nameKey)
            keys += (OfficialHolidays.holidays + OfficialHolidays.workdays).map(\.name)
            for k in keys { #expect(l.has(k), "\(lang) \(k)") }
        }
        #expect(HotlineSettings().categoryName("medical", Localizer(.zh)) == "医疗报销")
    }

    @Test func theDefaultSettingsAreValidAndTheAdminSeesBadOnes() throws {
        #expect(HotlineSettings().problems().isEmpty)
        var s = HotlineSettings()
        s.categories[0].completionMinutes = 0
        s.callbackAfterWorkingDays = 0
        #expect(s.problems() == [Problem("hotline.settings.category_minutes", ["policy"], field: "categories"),
                                 Problem("hotline.settings.callback_days", field: "callbackAfterWorkingDays")])
        let t = try TestDesk()
        var all = t.desk.state.settings
        all.hotline = s
        #expect(throws: DeskError.self) { try t.desk.perform(ChangeSettings(all), as: t.admin) }
    }
}
