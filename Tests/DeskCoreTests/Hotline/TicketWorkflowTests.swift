import DeskLog
import Testing
@testable import DeskCore

@Suite struct TicketWorkflowTests {
    let zh = Localizer(.zh)

    /// The error a command was refused with (nil if it went through).
    func refusal(_ body: () throws -> Void) -> DeskError? {
        do { try body() } catch { return error as? DeskError }
        return nil
    }

    @Test func aTicketGoesFromIntakeToCallbackAndASecondTerminalSeesEveryStep() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-23 09:00")!)
        let applied = try h.desk.perform(OpenTicket(caller: .family(cadre: h.zhang, relation: "女儿", name: "张丽", phone: "138 0000 1111"),
                                                    channel: .hotline, category: "medical", summary: "住院费用报销材料咨询",
                                                    details: "父亲上月住院,想知道报销要带哪些材料", assignee: h.operatorA), as: h.operatorB)
        let id = (applied[0].event as! TicketOpened).id
        var t = h.ticket(id)
        #expect(t.cadre == h.zhang)
        #expect(t.status == .received)
        #expect(t.openedBy == h.operatorB)
        #expect(t.caller == .family(cadre: h.zhang, relation: "女儿", name: "张丽", phone: "13800001111"))
        h.set("2026-11-23 09:20")
        try h.desk.perform(ChangeTicketStatus(id: id, to: .inProgress), as: h.operatorA)
        try h.desk.perform(AddTicketNote(id: id, text: "已联系医保局确认材料清单"), as: h.operatorA)
        h.set("2026-11-24 15:00")
        try h.desk.perform(ResolveTicket(id: id, resolution: "已电话告知所需材料并寄送清单"), as: h.operatorA)
        #expect(h.ticket(id).status == .resolved)
        #expect(h.queue(.awaitingCallback, me: h.operatorB) == [id])
        h.set("2026-11-25 10:00")
        try h.desk.perform(RecordCallback(id: id, rating: .satisfied, reached: .family), as: h.operatorB)
        t = h.ticket(id)
        #expect(t.status == .closed)
        #expect(t.callback?.by == h.operatorB)
        #expect(t.resolvedInTime(calendar: h.state.settings.hotline.calendar) == true)
        #expect(t.timeline.map(\.what) == [
            .opened, .status(.inProgress, waitingOn: nil, note: ""), .note("已联系医保局确认材料清单"),
            .resolved(by: h.operatorA, resolution: "已电话告知所需材料并寄送清单"),
            .callback(by: h.operatorB, rating: .satisfied, reached: .family, comment: ""),
        ])
        let other = try h.t.reopen()
        #expect(other.state.tickets[id] == t)
        #expect(other.state.tickets.awaitingCallback.isEmpty)
    }

    @Test func theCallbackCannotBeRecordedByTheResolver() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-23 09:00")!)
        let id = try h.open()
        try h.desk.perform(ResolveTicket(id: id, resolution: "已解答"), as: h.operatorA)
        #expect(throws: DeskError.invalid([Problem("hotline.callback.by_resolver", ["王芳"], field: "calledBy")])) {
            try h.desk.perform(RecordCallback(id: id, rating: .satisfied, reached: .cadre), as: h.operatorA)
        }
        // Nor by naming someone else as the caller while recording it oneself.
        #expect(throws: DeskError.self) {
            try h.desk.perform(RecordCallback(id: id, rating: .satisfied, reached: .cadre, calledBy: h.operatorB), as: h.operatorA)
        }
        // A desk clerk has no callback permission.
        #expect(throws: DeskError.notAllowed(Problem("error.not_allowed", ["rateCallback"]))) {
            try h.desk.perform(RecordCallback(id: id, rating: .satisfied, reached: .cadre), as: h.clerk)
        }
        try h.desk.perform(RecordCallback(id: id, rating: .fairlySatisfied, reached: .cadre), as: h.operatorB)
        #expect(h.ticket(id).status == .closed)
        #expect(throws: DeskError.conflict(Problem("hotline.callback.done", [id.raw]))) {
            try h.desk.perform(RecordCallback(id: id, rating: .satisfied, reached: .cadre), as: h.caseworker)
        }
    }

    @Test func aResolverNamedByASupervisorStillCannotCallBack() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-23 09:00")!)
        let id = try h.open()
        #expect(throws: DeskError.notAllowed(Problem("error.not_allowed", ["superviseTickets"]))) {
            try h.desk.perform(ResolveTicket(id: id, resolution: "已解答", resolvedBy: h.operatorB), as: h.operatorA)
        }
        try h.desk.perform(ResolveTicket(id: id, resolution: "已解答", resolvedBy: h.caseworker), as: h.supervisor)
        #expect(h.ticket(id).resolvedBy == h.caseworker)
        #expect(throws: DeskError.invalid([Problem("hotline.callback.by_resolver", ["赵强"], field: "calledBy")])) {
            try h.desk.perform(RecordCallback(id: id, rating: .satisfied, reached: .cadre), as: h.caseworker)
        }
        try h.desk.perform(RecordCallback(id: id, rating: .satisfied, reached: .cadre), as: h.supervisor)
    }

    @Test func dissatisfiedReopensTheTicketForASupervisorsReview() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-23 09:00")!)
        let id = try h.open()
        h.set("2026-11-23 11:00")
        try h.desk.perform(ResolveTicket(id: id, resolution: "已解答"), as: h.operatorA)
        h.set("2026-11-24 10:00")
        #expect(throws: DeskError.invalid([Problem("hotline.comment.required", field: "comment")])) {
            try h.desk.perform(RecordCallback(id: id, rating: .dissatisfied, reached: .cadre), as: h.operatorB)
        }
        try h.desk.perform(RecordCallback(id: id, rating: .dissatisfied, reached: .cadre, comment: "问题没解决"), as: h.operatorB)
        let t = h.ticket(id)
        #expect(t.status == .inProgress)
        #expect(t.needsReview)
        #expect(t.reopenCount == 1)
        #expect(t.callbacks.map(\.rating) == [.dissatisfied])
        #expect(h.queue(.review, me: h.supervisor) == [id])
        #expect(h.queue(.mine, me: h.operatorA) == [id])
        // The day it sat resolved does not count: 2 working hours used of 7.
        #expect(h.completion(id)?.left.minutes == 420 - 120)
        #expect(h.state.ticketReminders(now: h.now, for: h.supervisor).map(\.kind) == [.review])
        #expect(h.state.ticketReminders(now: h.now, for: h.operatorB).isEmpty)
        #expect(throws: DeskError.notAllowed(Problem("error.not_allowed", ["superviseTickets"]))) {
            try h.desk.perform(ReviewTicket(id: id, note: "已看"), as: h.operatorA)
        }
        try h.desk.perform(ReviewTicket(id: id, note: "已约谈承办人,两日内解决"), as: h.supervisor)
        #expect(h.queue(.review, me: h.supervisor).isEmpty)
        #expect(!h.ticket(id).needsReview)
    }

    @Test func aClosedTicketReopensWithAReasonAndCountsOnFromWhereItStopped() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-23 09:00")!)
        let id = try h.open()
        h.set("2026-11-23 10:00")
        try h.desk.perform(ResolveTicket(id: id, resolution: "已解答"), as: h.operatorA)
        #expect(throws: DeskError.invalid([Problem("hotline.reason.required", field: "reason")])) {
            try h.desk.perform(ReopenTicket(id: id, reason: ""), as: h.operatorA)
        }
        h.set("2026-11-25 09:00")
        try h.desk.perform(ReopenTicket(id: id, reason: "老干部来电说还有疑问"), as: h.operatorA)
        #expect(h.ticket(id).status == .inProgress)
        #expect(h.completion(id)?.left.minutes == 420 - 60)
        #expect(throws: DeskError.conflict(Problem("hotline.reopen.already_open", [id.raw]))) {
            try h.desk.perform(ReopenTicket(id: id, reason: "again"), as: h.operatorA)
        }
    }

    @Test func aResolvedTicketCannotBeChangedFromAnotherTerminalThatDidNotSeeIt() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-23 09:00")!)
        let id = try h.open()
        let other = try h.t.reopen()
        try other.perform(ResolveTicket(id: id, resolution: "已解答"), as: h.operatorB)
        #expect(throws: DeskError.conflict(Problem("hotline.not_open", [id.raw]))) {
            try h.desk.perform(ChangeTicketStatus(id: id, to: .waiting, waitingOn: .caller, note: "等回话"), as: h.operatorA)
        }
        #expect(h.ticket(id).status == .resolved)
    }

    @Test func intakeListsEveryProblemAtOnce() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-23 09:00")!)
        let error = refusal {
            try h.desk.perform(OpenTicket(caller: .unknown(name: "X", phone: "1391234567"), category: "nonsense", summary: "  ",
                                          assignee: h.clerk), as: h.operatorA)
        }
        let problems = [
            Problem("name.too_short", field: "callerName"),
            Problem("phone.mobile_length", ["10"], field: "callerPhone"),
            Problem("hotline.category.unknown", ["nonsense"], field: "category"),
            Problem("hotline.summary.required", field: "summary"),
            Problem("hotline.staff.cannot_handle", ["周敏"], field: "assignee"),
        ]
        #expect(error == .invalid(problems))
        for p in problems { #expect(zh.has(p.key) && Localizer(.en).has(p.key), "\(p.key)") }
        #expect(h.state.tickets.count == 0)
    }

    @Test func aSecondOpenTicketOfTheSameCategoryForACadreAsksFirst() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-23 09:00")!)
        let first = try h.open()
        let again = OpenTicket(caller: .cadre(h.zhang), category: "policy", summary: "再问护理费", assignee: h.operatorA)
        #expect(throws: DeskError.needsConfirmation([Problem("hotline.duplicate_open", [first.raw, "咨询护理费政策"], field: "category")])) {
            try h.desk.perform(again, as: h.operatorA)
        }
        var ok = again
        ok.confirmed = true
        let applied = try h.desk.perform(ok, as: h.operatorA)
        #expect((applied[0].event as! TicketOpened).id == "T2026-00002")
    }

    @Test func aVisitsRaisedNeedBecomesOneLinkedTicket() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-23 09:00")!)
        let need = TicketSource(visit: "V000123", need: 1)
        let applied = try h.desk.perform(OpenTicket(caller: .cadre(h.zhang), channel: .visit, category: "repair",
                                                    summary: "走访时反映热水器漏水", assignee: h.caseworker, source: need), as: h.caseworker)
        let id = (applied[0].event as! TicketOpened).id
        #expect(h.state.ticketsForVisit("V000123", now: h.now).map(\.id) == [id])
        #expect(h.state.tickets.ticket(forVisit: "V000123", need: 1)?.id == id)
        #expect(throws: DeskError.invalid([Problem("hotline.source.taken", [id.raw], field: "source")])) {
            try h.desk.perform(OpenTicket(caller: .cadre(h.zhang), channel: .visit, category: "repair", summary: "同一需求",
                                          source: need, confirmed: true), as: h.caseworker)
        }
    }

    @Test func ticketNumbersRunPerYear() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-12-31 17:00")!)
        #expect(try h.open() == "T2026-00001")
        h.set("2027-01-04 09:00")
        #expect(try h.open(cadre: h.li) == "T2027-00001")
        #expect(try h.open(category: "medical") == "T2027-00002")
    }

    @Test func aVoidedTicketLeavesEveryQueueAndFigure() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-23 09:00")!)
        let id = try h.open()
        #expect(throws: DeskError.notAllowed(Problem("error.not_allowed", ["superviseTickets"]))) {
            try h.desk.perform(VoidTicket(id: id, reason: "重复录入"), as: h.operatorA)
        }
        try h.desk.perform(VoidTicket(id: id, reason: "重复录入"), as: h.supervisor)
        #expect(h.queue(.open, me: h.operatorA).isEmpty)
        #expect(h.queue(.all, me: h.operatorA).isEmpty)
        #expect(h.state.hotlineStats(.month(2026, 11), now: h.now).all.opened == 0)
        #expect(throws: DeskError.conflict(Problem("hotline.voided", [id.raw]))) {
            try h.desk.perform(AddTicketNote(id: id, text: "x"), as: h.operatorA)
        }
    }

    @Test func theTimelineReadsAsSentences() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-23 09:00")!)
        let id = try h.open()
        try h.desk.perform(ChangeTicketStatus(id: id, to: .waiting, waitingOn: .thirdParty, note: "等医保局答复"), as: h.operatorA)
        try h.desk.perform(AssignTicket(id: id, assignee: h.operatorB, note: "转李娜"), as: h.operatorA)
        let names = { (s: ID<Staff>) in h.state.staff[s]?.name ?? s.raw }
        let lines = h.ticket(id).timeline.map { $0.text(zh, settings: h.state.settings.hotline, name: names) }
        #expect(lines == ["受理工单", "状态改为「等待第三方答复」:等医保局答复", "分派给 李娜:转李娜"])
    }

    @Test func smallerCommandsCheckTheirInputAndChangeOnlyWhatIsDifferent() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-23 09:00")!)
        let id = try h.open()
        #expect(refusal { try h.desk.perform(ChangeTicketStatus(id: id, to: .waiting), as: h.operatorA) }
                == .invalid([Problem("hotline.note.required", field: "note"), Problem("hotline.waiting.on_whom", field: "waitingOn")]))
        #expect(refusal { try h.desk.perform(ChangeTicketStatus(id: id, to: .resolved), as: h.operatorA) }
                == .invalid([Problem("hotline.status.not_settable", field: "status")]))
        #expect(refusal { try h.desk.perform(ReclassifyTicket(id: id, category: "astrology", priority: .normal), as: h.operatorA) }
                == .invalid([Problem("hotline.category.unknown", ["astrology"], field: "category")]))
        #expect(refusal { try h.desk.perform(AssignTicket(id: id, assignee: h.operatorB, backup: h.operatorB), as: h.operatorA) }
                == .invalid([Problem("hotline.backup.same", field: "backup")]))
        #expect(refusal { try h.desk.perform(AddTicketNote(id: "T2026-09999", text: "x"), as: h.operatorA) }
                == .conflict(Problem("hotline.not_found", ["T2026-09999"])))
        let seq = h.desk.log.lastSeq
        try h.desk.perform(ReclassifyTicket(id: id, category: "policy", priority: .normal), as: h.operatorA)
        try h.desk.perform(EditTicket(id: id, summary: " 咨询护理费政策 "), as: h.operatorA)
        #expect(h.desk.log.lastSeq == seq)
        try h.desk.perform(EditTicket(id: id, details: "老干部问护理费何时调整", cadre: h.li), as: h.operatorA)
        #expect(h.ticket(id).details == "老干部问护理费何时调整")
        #expect(h.state.ticketsForCadre(h.li, now: h.now).open.map(\.id) == [id])
        #expect(h.state.ticketsForCadre(h.zhang, now: h.now).open.isEmpty)
    }

    @Test func callersAreCheckedAsTheyAreTyped() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-23 09:00")!)
        #expect(refusal {
            try h.desk.perform(OpenTicket(caller: .family(cadre: h.zhang, relation: " ", name: "张丽", phone: "0951-501"),
                                          category: "policy", summary: "问政策"), as: h.operatorA)
        } == .invalid([Problem("hotline.relation.required", field: "relation"), Problem("phone.format", field: "callerPhone")]))
        #expect(refusal {
            try h.desk.perform(OpenTicket(caller: .unknown(name: "王先生", phone: ""), category: "policy", summary: "问政策"), as: h.operatorA)
        } == .invalid([Problem("hotline.callerPhone.required", field: "callerPhone")]))
        #expect(refusal {
            try h.desk.perform(OpenTicket(caller: .cadre("C99999"), category: "policy", summary: "问政策"), as: h.operatorA)
        } == .invalid([Problem("hotline.cadre.not_found", ["C99999"], field: "caller"), Problem("hotline.cadre.not_found", ["C99999"], field: "cadre")]))
        #expect(refusal {
            try h.desk.perform(OpenTicket(caller: .cadre(h.zhang), category: "policy", summary: "问政策"), as: h.clerk)
        } == .notAllowed(Problem("error.not_allowed", ["handleTickets"])))
        // An unknown caller about no one on the roster: the number is kept normalised.
        let applied = try h.desk.perform(OpenTicket(caller: .unknown(name: "王先生", phone: "139 1234 5678"), category: "policy",
                                                    summary: "问政策"), as: h.operatorA)
        let t = h.ticket((applied[0].event as! TicketOpened).id)
        #expect(t.caller == .unknown(name: "王先生", phone: "13912345678"))
        #expect(t.cadre == nil)
        #expect(h.state.ticketQueue(.unassigned, me: h.operatorA, now: h.now).first?.callerName == "王先生")
    }
}
