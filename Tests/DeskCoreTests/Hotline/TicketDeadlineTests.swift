import DeskLog
import Testing
@testable import DeskCore

@Suite struct TicketDeadlineTests {
    let zh = Localizer(.zh)

    @Test func aOneWorkingDayPromiseOpenedFriday1600IsDueMonday1600AndReadBackToTheCaller() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-20 16:00")!)
        let promised = try #require(h.state.settings.hotline.promisedCompletion(category: "policy", priority: .normal, openedAt: h.now))
        #expect(promised == h.at("2026-11-23 16:00"))
        #expect(promised.promiseReadBack(zh) == "将于 11月23日 16:00 前办结")
        let id = try h.open()
        #expect(id == "T2026-00001")
        #expect(h.completion(id)?.due == h.at("2026-11-23 16:00"))
        #expect(h.completion(id)?.left.text(zh) == "1天")
    }

    @Test func aTicketOpenedTheDayBeforeNationalDayIsDueAfterTheHolidayAndAMakeUpSaturdayCounts() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-09-30 10:00")!)
        let before = try h.open()
        #expect(h.completion(before)?.due == h.at("2026-10-08 10:00"))
        h.set("2026-10-09 10:00")
        let friday = try h.open(cadre: h.li)
        #expect(h.completion(friday)?.due == h.at("2026-10-10 10:00"))
        // On the holiday the clock does not run: still a full working day left.
        h.set("2026-10-03 11:00")
        #expect(h.completion(before)?.left.minutes == 420 - 330)
    }

    @Test func theClockPausesWhileWaitingForAReplyAndResumesAfter() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-23 09:00")!)
        let id = try h.open()
        #expect(h.completion(id)?.due == h.at("2026-11-24 09:00"))
        h.set("2026-11-23 10:00")
        try h.desk.perform(ChangeTicketStatus(id: id, to: .waiting, waitingOn: .thirdParty, note: "等医保局答复"), as: h.operatorA)
        h.set("2026-11-23 15:00")
        let paused = try #require(h.completion(id))
        #expect(paused.paused)
        #expect(paused.due == nil)
        #expect(paused.left.minutes == 360)
        #expect(paused.text(zh) == "暂停 · 剩 6小时")
        // Past the original deadline, but waiting: not overdue.
        h.set("2026-11-24 09:30")
        #expect(h.completion(id)?.level == .ok)
        #expect(h.queue(.overdue, me: h.operatorA).isEmpty)
        #expect(h.queue(.waiting, me: h.operatorA) == [id])
        h.set("2026-11-24 10:00")
        try h.desk.perform(ChangeTicketStatus(id: id, to: .inProgress, note: "已收到答复"), as: h.operatorA)
        // Stopped Mon 10:00 → Tue 10:00 = one working day: due moves a day.
        #expect(h.completion(id)?.due == h.at("2026-11-25 09:00"))
        #expect(h.completion(id)?.left.minutes == 360)
        // Waiting twice adds up.
        try h.desk.perform(ChangeTicketStatus(id: id, to: .waiting, waitingOn: .caller, note: "等老干部找发票"), as: h.operatorA)
        h.set("2026-11-24 11:00")
        try h.desk.perform(ChangeTicketStatus(id: id, to: .inProgress, note: "发票已找到"), as: h.operatorA)
        #expect(h.completion(id)?.due == h.at("2026-11-25 10:00"))
    }

    @Test func changingTheCategoryRecomputesFromTheOpeningKeepingTimeUsedAndPaused() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-23 09:00")!)
        let id = try h.open()
        h.set("2026-11-23 10:00")
        try h.desk.perform(ChangeTicketStatus(id: id, to: .waiting, waitingOn: .caller, note: "等材料"), as: h.operatorA)
        h.set("2026-11-23 11:00")
        try h.desk.perform(ChangeTicketStatus(id: id, to: .inProgress, note: "材料到了"), as: h.operatorA)
        // Medical reimbursement promises five working days.
        try h.desk.perform(ReclassifyTicket(id: id, category: "medical", priority: .normal, note: "实为报销问题"), as: h.operatorA)
        #expect(h.ticket(id).promise.completionMinutes == 5 * 420)
        // Opened Mon 09:00 + 5 days = next Mon 09:00, + 1 hour stopped.
        #expect(h.completion(id)?.due == h.at("2026-11-30 10:00"))
        // 2 working hours used of 35 (one of them stopped): 34 left.
        #expect(h.completion(id)?.left.minutes == 5 * 420 - 60)
    }

    @Test func urgentTicketsCountClockHoursDayAndNight() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-21 22:00")!)  // a Saturday night
        let id = try h.open(category: "emergency", priority: .urgent, summary: "一键通呼叫:在家摔倒")
        #expect(h.ticket(id).promise.measure == .clock)
        #expect(h.completion(id)?.due == h.at("2026-11-22 22:00"))
        #expect(h.ticket(id).response(at: h.now, settings: h.state.settings.hotline)?.due == h.at("2026-11-21 22:30"))
        // Raising a normal ticket to 紧急 counts 24 clock hours from its opening.
        h.set("2026-11-23 09:00")
        let normal = try h.open(cadre: h.li)
        h.set("2026-11-23 10:00")
        try h.desk.perform(ReclassifyTicket(id: normal, category: "policy", priority: .urgent), as: h.operatorA)
        #expect(h.completion(normal)?.due == h.at("2026-11-24 09:00"))
        #expect(h.completion(normal)?.left.text(zh) == "23小时")
    }

    @Test func aDeadlineSetByHandOverridesTheCategoryAndMovesOnlyWhenTheClockStops() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-23 09:00")!)
        let id = try h.open()
        try h.desk.perform(SetTicketDeadline(id: id, due: h.at("2026-12-03 17:00"), reason: "维修点约定12月3日上门"), as: h.operatorA)
        let c = try #require(h.completion(id))
        #expect(c.manual)
        #expect(c.due == h.at("2026-12-03 17:00"))
        h.set("2026-12-01 09:00")
        try h.desk.perform(ChangeTicketStatus(id: id, to: .waiting, waitingOn: .thirdParty, note: "等配件"), as: h.operatorA)
        h.set("2026-12-01 10:00")
        try h.desk.perform(ChangeTicketStatus(id: id, to: .inProgress, note: "配件到了"), as: h.operatorA)
        // One working hour stopped: Thu 17:00 + 60 working minutes = Fri 09:00.
        #expect(h.completion(id)?.due == h.at("2026-12-04 09:00"))
        // Clearing it goes back to the category's promise (long past: overdue).
        try h.desk.perform(SetTicketDeadline(id: id, due: nil, reason: "恢复按类别时限"), as: h.operatorA)
        let back = try #require(h.completion(id))
        #expect(!back.manual)
        #expect(back.level == .overdue)
        #expect(throws: DeskError.invalid([Problem("hotline.deadline.past", field: "due")])) {
            try h.desk.perform(SetTicketDeadline(id: id, due: h.at("2026-11-30 09:00"), reason: "补录"), as: h.operatorA)
        }
        #expect(throws: DeskError.invalid([Problem("hotline.reason.required", field: "reason")])) {
            try h.desk.perform(SetTicketDeadline(id: id, due: h.at("2026-12-10 09:00"), reason: " "), as: h.operatorA)
        }
    }

    @Test func theFirstResponseIsDueWithinTheHourAndMetByACallOrStartingWork() throws {
        let h = try HotlineDesk(at: LocalDateTime("2026-11-23 11:30")!)
        let id = try h.open()
        let settings = h.state.settings.hotline
        // 30 minutes before lunch, 30 after.
        #expect(h.ticket(id).response(at: h.now, settings: settings)?.due == h.at("2026-11-23 14:30"))
        h.set("2026-11-23 14:20")
        #expect(h.ticket(id).nextDeadline(at: h.now, settings: settings)?.kind == .response)
        #expect(h.ticket(id).nextDeadline(at: h.now, settings: settings)?.level == .dueSoon)
        h.set("2026-11-23 14:40")
        #expect(h.ticket(id).nextDeadline(at: h.now, settings: settings)?.level == .overdue)
        try h.desk.perform(AddTicketNote(id: id, kind: .callOut, party: .cadre, text: "已回电说明办理流程"), as: h.operatorA)
        #expect(h.ticket(id).firstResponseAt == h.at("2026-11-23 14:40"))
        #expect(h.ticket(id).response(at: h.now, settings: settings) == nil)
        #expect(h.ticket(id).nextDeadline(at: h.now, settings: settings)?.kind == .completion)
    }

    @Test func timeLeftReadsInWorkingDaysHoursAndMinutes() {
        func d(_ m: Int) -> WorkDuration { WorkDuration(minutes: m, minutesPerDay: 420) }
        let en = Localizer(.en)
        #expect(d(200).leftText(zh) == "剩 3小时20分")
        #expect(d(-(420 + 120)).leftText(zh) == "逾期 1天2小时")
        #expect(d(45).leftText(zh) == "剩 45分")
        #expect(d(840).leftText(zh) == "剩 2天")
        #expect(d(180).leftText(zh) == "剩 3小时")
        #expect(d(200).leftText(en) == "3 h 20 min left")
        #expect(d(-540).leftText(en) == "Overdue by 1 d 2 h")
        #expect(WorkDuration(minutes: 1500, minutesPerDay: 1440).text(zh) == "1天1小时")
    }
}
