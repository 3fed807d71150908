import DeskLog
import Testing
@testable import DeskCore

@Suite struct TicketRoutingTests {
    @Test func duringAnAbsenceChainAToBToCTicketsRouteToWhoeverIsPresentAndReturnAfter() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-30 09:00")!)
        let (a, b, c) = (h.operatorA, h.operatorB, h.caseworker)
        let id = try h.open(assignee: a)
        try h.desk.perform(RecordAbsence(staff: a, from: LocalDate(2026, 12, 1), to: LocalDate(2026, 12, 4), backup: b, reason: "年假"), as: h.t.admin)
        try h.desk.perform(RecordAbsence(staff: b, from: LocalDate(2026, 12, 3), to: LocalDate(2026, 12, 4), backup: c, reason: "培训"), as: h.t.admin)
        #expect(h.queue(.mine, me: a) == [id])
        #expect(h.queue(.coveringFor, me: b).isEmpty)

        h.set("2026-12-01 09:00")
        #expect(h.queue(.mine, me: a).isEmpty)
        #expect(h.queue(.coveringFor, me: b) == [id])
        let row = try #require(h.state.ticketQueue(.coveringFor, me: b, now: h.now).first)
        #expect(row.assignee == a && row.handler == b && row.isCovered)
        // A ticket opened for A during the absence goes to B as well.
        let during = try h.open(cadre: h.li, assignee: a)
        #expect(Set(h.queue(.coveringFor, me: b)) == [id, during])

        h.set("2026-12-03 09:00")
        #expect(h.queue(.coveringFor, me: b).isEmpty)
        #expect(Set(h.queue(.coveringFor, me: c)) == [id, during])
        #expect(h.queue(.unassigned, me: c).isEmpty)

        h.set("2026-12-07 09:00")
        #expect(Set(h.queue(.mine, me: a)) == [id, during])
        #expect(h.queue(.coveringFor, me: c).isEmpty)
        // Nothing was rewritten: the assignee never changed.
        #expect(h.ticket(id).assignee == a)
    }

    @Test func theTicketsOwnBackupComesBeforeTheAssigneesAbsenceBackup() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-30 09:00")!)
        let id = try h.open(assignee: h.operatorA, backup: h.caseworker)
        try h.desk.perform(RecordAbsence(staff: h.operatorA, from: LocalDate(2026, 12, 1), to: LocalDate(2026, 12, 1),
                                         backup: h.operatorB, reason: "病假"), as: h.t.admin)
        h.set("2026-12-01 09:00")
        #expect(h.queue(.coveringFor, me: h.caseworker) == [id])
        #expect(h.queue(.coveringFor, me: h.operatorB).isEmpty)
    }

    @Test func withNobodyAvailableTheTicketIsUnassigned() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-30 09:00")!)
        let id = try h.open(assignee: h.operatorA)
        let loose = try h.desk.perform(OpenTicket(caller: .cadre(h.li), category: "repair", summary: "电视坏了"), as: h.operatorB)
        let unassigned = (loose[0].event as! TicketOpened).id
        let d = LocalDate(2026, 12, 1)
        try h.desk.perform(RecordAbsence(staff: h.operatorA, from: d, to: d, backup: h.operatorB, reason: ""), as: h.t.admin)
        try h.desk.perform(RecordAbsence(staff: h.operatorB, from: d, to: d, backup: h.operatorA, reason: ""), as: h.t.admin)
        #expect(h.queue(.unassigned, me: h.operatorA) == [unassigned])
        h.set("2026-12-01 09:00")
        #expect(Set(h.queue(.unassigned, me: h.supervisor)) == [id, unassigned])
        // Anyone may take an unassigned ticket; reassigning someone else's needs a supervisor.
        try h.desk.perform(AssignTicket(id: unassigned, assignee: h.caseworker), as: h.caseworker)
        #expect(throws: DeskError.notAllowed(Problem("error.not_allowed", ["superviseTickets"]))) {
            try h.desk.perform(AssignTicket(id: id, assignee: h.caseworker), as: h.caseworker)
        }
        try h.desk.perform(AssignTicket(id: id, assignee: h.caseworker, note: "两人都请假"), as: h.supervisor)
        #expect(Set(h.queue(.mine, me: h.caseworker)) == [id, unassigned])
    }
}

@Suite struct TicketQueueTests {
    @Test func overdueTicketsRemindEveryWorkingDayWithTheDayCount() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-20 16:00")!)  // Friday
        let id = try h.open()
        try h.desk.perform(ChangeTicketStatus(id: id, to: .inProgress), as: h.operatorA)
        h.set("2026-11-23 14:30")
        #expect(h.state.ticketReminders(now: h.now, for: h.operatorA).map(\.kind) == [.dueSoon])
        #expect(h.queue(.dueSoon, me: h.operatorA) == [id])
        var days: [String: [TicketReminder.Kind]] = [:]
        for day in ["2026-11-23 16:30", "2026-11-24 09:00", "2026-11-25 09:00", "2026-11-28 09:00", "2026-11-30 09:00"] {
            h.set(day)
            days[day] = h.state.ticketReminders(now: h.now, for: h.operatorA).map(\.kind)
        }
        #expect(days == ["2026-11-23 16:30": [.overdue(day: 1)], "2026-11-24 09:00": [.overdue(day: 2)],
                         "2026-11-25 09:00": [.overdue(day: 3)], "2026-11-28 09:00": [], "2026-11-30 09:00": [.overdue(day: 6)]])
        #expect(h.queue(.overdue, me: h.operatorA) == [id])
        let row = try #require(h.state.ticketQueue(.overdue, me: h.operatorA, now: h.now).first)
        #expect(row.deadline?.text(Localizer(.zh)) == "逾期 4天2小时")
        #expect(TicketReminder.Kind.overdue(day: 6).text(Localizer(.zh)) == "逾期第 6 个工作日")
        // Waiting for a reply: no longer overdue, no reminder.
        try h.desk.perform(ChangeTicketStatus(id: id, to: .waiting, waitingOn: .caller, note: "等老干部回话"), as: h.operatorA)
        #expect(h.state.ticketReminders(now: h.now, for: h.operatorA).isEmpty)
        #expect(h.queue(.overdue, me: h.operatorA).isEmpty)
    }

    @Test func aResolvedTicketShowsInTheCallbackQueueAfterThreeWorkingDays() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-20 10:00")!)  // Friday
        let id = try h.open()
        try h.desk.perform(ResolveTicket(id: id, resolution: "已解答"), as: h.operatorA)
        #expect(h.queue(.awaitingCallback, me: h.operatorB) == [id])
        h.set("2026-11-24 16:00")
        #expect(h.queue(.callbackDue, me: h.operatorB).isEmpty)
        h.set("2026-11-25 09:00")
        #expect(h.queue(.callbackDue, me: h.operatorB) == [id])
        #expect(h.state.ticketReminders(now: h.now, for: h.operatorB).map(\.kind) == [.callbackDue])
        // Not to the resolver, who may not call back.
        #expect(h.state.ticketReminders(now: h.now, for: h.operatorA).isEmpty)
        try h.desk.perform(RecordCallback(id: id, rating: .satisfied, reached: .cadre), as: h.operatorB)
        #expect(h.queue(.callbackDue, me: h.operatorB).isEmpty)
    }

    @Test func queuesSortByTimeLeftOpeningOrPriorityAndFilter() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-23 09:00")!)
        let slow = try h.open(category: "suggestion", summary: "建议增加开放时间")
        h.set("2026-11-23 09:10")
        let quick = try h.open(cadre: h.li, summary: "询问体检安排")
        h.set("2026-11-23 09:20")
        let urgent = try h.open(category: "emergency", priority: .urgent, cadre: h.li, summary: "一键通呼叫:突发胸闷")
        h.set("2026-11-23 09:30")
        func order(_ s: TicketSort, _ f: TicketFilter = TicketFilter()) -> [ID<Ticket>] {
            h.state.ticketQueue(.open, me: h.operatorA, now: h.now, sort: s, filter: f).map(\.id)
        }
        // The urgent ticket's first response is due at 09:50; the policy one's at 10:10.
        #expect(order(.timeLeft) == [urgent, quick, slow])
        #expect(order(.newest) == [urgent, quick, slow])
        #expect(order(.oldest) == [slow, quick, urgent])
        #expect(order(.priority) == [urgent, quick, slow])
        #expect(order(.timeLeft, TicketFilter(cadre: h.li)) == [urgent, quick])
        #expect(order(.timeLeft, TicketFilter(text: "体检")) == [quick])
        #expect(order(.timeLeft, TicketFilter(category: "suggestion")) == [slow])
        #expect(h.state.ticketQueueCounts(me: h.operatorA, now: h.now)[.mine] == 3)
    }

    @Test func theCallersCardListsOpenAndRecentTickets() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-08-03 09:00")!)
        let old = try h.open(summary: "很早以前的咨询")
        try h.desk.perform(ResolveTicket(id: old, resolution: "已解答"), as: h.operatorA)
        h.set("2026-11-02 09:00")
        let recent = try h.open(category: "repair", summary: "电视坏了")
        try h.desk.perform(ResolveTicket(id: recent, resolution: "已修好"), as: h.operatorA)
        h.set("2026-11-23 09:00")
        let open = try h.open()
        let card = h.state.ticketsForCadre(h.zhang, now: h.now)
        #expect(card.open.map(\.id) == [open])
        #expect(card.recent.map(\.id) == [recent])
        #expect(card.open.first?.cadreName == "张建国")
        #expect(h.state.suggestedAssignee(for: h.zhang, taker: h.operatorA) == h.caseworker)
        #expect(h.state.suggestedAssignee(for: h.li, taker: h.operatorA) == h.operatorA)
    }
}
