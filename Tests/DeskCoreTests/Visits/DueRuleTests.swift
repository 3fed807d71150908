import Testing
@testable import DeskCore

/// Every must-visit rule with the clock pinned: the date is always passed in.
@Suite struct DueRuleTests {
    // MARK: care level

    @Test func aLevelOneCadreIsDueFifteenDaysAfterTheLastHomeVisitAndOverdueTheDayAfter() throws {
        var w = VisitWorld()
        let c = w.cadre(care: 1)
        w.visit(c, .home, on: day(2026, 11, 1))
        #expect(w.item(c, .careVisit, on: day(2026, 11, 10)) == nil)  // window opens 5 days before
        let due = w.item(c, .careVisit, on: day(2026, 11, 11))
        #expect(due?.status == .due)
        #expect(due?.by == day(2026, 11, 16))
        #expect(due?.lastVisit == day(2026, 11, 1))
        #expect(w.item(c, .careVisit, on: day(2026, 11, 16))?.status == .due)
        let late = w.item(c, .careVisit, on: day(2026, 11, 19))
        #expect(late?.status == .overdue)
        #expect(late?.daysOverdue == 3)
        #expect(w.item(c, .careVisit, on: day(2026, 11, 5), horizon: 10)?.status == .upcoming)
    }

    @Test func levelsTwoAndThreeUseTheirIntervalsAndTheIntervalsAreSettings() throws {
        var w = VisitWorld()
        let two = w.cadre(care: 2), three = w.cadre(care: 3), none = w.cadre()
        for c in [two, three, none] { w.visit(c, .home, on: day(2026, 1, 10)) }
        #expect(w.item(two, .careVisit, on: day(2026, 2, 3)) == nil)
        #expect(w.item(two, .careVisit, on: day(2026, 2, 4))?.by == day(2026, 2, 9))
        #expect(w.item(three, .careVisit, on: day(2026, 4, 30))?.by == day(2026, 4, 10))
        #expect(w.item(none, .careVisit, on: day(2026, 12, 31)) == nil)
        w.rosterSettings { $0.careLevels = [CareLevel(level: 1, homeVisitEveryDays: 10), CareLevel(level: 2, homeVisitEveryDays: 20), CareLevel(level: 3, homeVisitEveryDays: 60)] }
        #expect(w.item(two, .careVisit, on: day(2026, 2, 4))?.by == day(2026, 1, 30))
    }

    @Test func aCallOrAGroupGatheringIsNotAHomeVisitButAHospitalVisitIs() throws {
        var w = VisitWorld()
        let c = w.cadre(care: 1), other = w.cadre()
        w.visit(c, .home, on: day(2026, 10, 1))
        w.visit(c, .phone, on: day(2026, 11, 1))
        w.visit([c, other], .festival, .festival, on: day(2026, 11, 2))
        #expect(w.item(c, .careVisit, on: day(2026, 11, 3))?.lastVisit == day(2026, 10, 1))
        w.visit(c, .hospital, .illness, on: day(2026, 11, 3))
        #expect(w.item(c, .careVisit, on: day(2026, 11, 3)) == nil)
    }

    @Test func aCareLevelCadreNeverVisitedIsDueToday() throws {
        var w = VisitWorld()
        let c = w.cadre(care: 2)
        let item = w.item(c, .careVisit, on: day(2026, 11, 23))
        #expect(item?.status == .due)
        #expect(item?.lastVisit == nil)
        #expect(item?.by == day(2026, 11, 23))
    }

    // MARK: monthly contact

    @Test func aCallOnTheLastDayOfAMonthDoesNotCoverTheNextMonth() throws {
        var w = VisitWorld()
        let c = w.cadre()
        w.visit(c, .phone, on: day(2027, 1, 31))
        #expect(w.item(c, .monthlyContact, on: day(2027, 1, 31)) == nil)
        let feb = w.item(c, .monthlyContact, on: day(2027, 2, 1))
        #expect(feb?.status == .due)
        #expect(feb?.by == day(2027, 2, 28))
        w.visit(c, .phone, on: day(2028, 1, 15))
        #expect(w.item(c, .monthlyContact, on: day(2028, 2, 10))?.by == day(2028, 2, 29))  // leap year
    }

    @Test func aMonthWithoutAnyContactMakesTheItemOverdueSinceThatMonthsEnd() throws {
        var w = VisitWorld()
        let c = w.cadre()
        w.visit(c, .phone, on: day(2026, 12, 15))
        let item = w.item(c, .monthlyContact, on: day(2027, 2, 3))
        #expect(item?.status == .overdue)
        #expect(item?.by == day(2027, 1, 31))
        #expect(item?.daysOverdue == 3)
    }

    @Test func anyFaceToFaceVisitCountsAsTheMonthlyContactButOtherDoesNot() throws {
        var w = VisitWorld()
        let a = w.cadre(), b = w.cadre()
        w.visit(a, .study, on: day(2026, 11, 2))
        w.visit(b, .other, on: day(2026, 11, 2))
        #expect(w.item(a, .monthlyContact, on: day(2026, 11, 20)) == nil)
        #expect(w.item(b, .monthlyContact, on: day(2026, 11, 20)) != nil)
    }

    // MARK: birthday

    @Test func aBirthdayIsDueFromSevenDaysBeforeToTheDayAndAGreetingRemovesIt() throws {
        var w = VisitWorld()
        let c = w.cadre(born: day(1950, 12, 10))
        #expect(w.item(c, .birthday, on: day(2026, 12, 2)) == nil)
        let due = w.item(c, .birthday, on: day(2026, 12, 3))
        #expect(due?.status == .due)
        #expect(due?.age == 76)
        #expect(due?.milestone == false)
        #expect(w.item(c, .birthday, on: day(2026, 12, 11))?.status == .overdue)
        w.visit(c, .phone, on: day(2026, 12, 5))
        #expect(w.item(c, .birthday, on: day(2026, 12, 6)) != nil)  // a call is not 生日祝寿
        w.visit(c, .birthday, .birthday, on: day(2026, 12, 6))
        #expect(w.item(c, .birthday, on: day(2026, 12, 8)) == nil)
        #expect(w.item(c, .birthday, on: day(2027, 12, 3)) != nil)  // next year's is due again
    }

    @Test func eightiethBirthdaysAreMilestonesAndTitledSo() throws {
        var w = VisitWorld()
        let c = w.cadre(born: day(1946, 11, 25))
        let item = try #require(w.item(c, .birthday, on: day(2026, 11, 23)))
        #expect(item.milestone)
        #expect(item.age == 80)
        #expect(item.title(Localizer(.zh), settings: w.state.settings.visits) == "生日祝寿(80岁大寿)")
    }

    @Test func aFebruary29BirthdayFallsOnFebruary28InACommonYearWithTheAgeOfThatYear() throws {
        var w = VisitWorld()
        let leap = w.cadre(born: day(1948, 2, 29))
        #expect(w.item(leap, .birthday, on: day(2027, 2, 20)) == nil)
        let item = try #require(w.item(leap, .birthday, on: day(2027, 2, 21)))
        #expect(item.by == day(2027, 2, 28))
        #expect(item.age == 79)  // turns 79 that year, though Feb 28 is "before" Feb 29
        #expect(w.item(leap, .birthday, on: day(2027, 3, 1))?.status == .overdue)
        let in2028 = try #require(w.item(leap, .birthday, on: day(2028, 2, 29)))
        #expect(in2028.by == day(2028, 2, 29))
        #expect(in2028.age == 80)
        #expect(in2028.milestone)
        #expect(w.item(leap, .birthday, on: day(2028, 2, 21)) == nil)  // window opens Feb 22 in a leap year
    }

    // MARK: hospital, bereavement, death

    @Test func aHospitalVisitIsDueWithinThreeDaysOfAdmissionAndOnlyAHospitalVisitAfterAdmissionCounts() throws {
        var w = VisitWorld()
        let c = w.cadre { $0.hospitalisedSince = day(2026, 11, 20) }
        w.visit(c, .hospital, .illness, on: day(2026, 11, 10))  // an earlier stay
        w.visit(c, .home, on: day(2026, 11, 21))
        #expect(w.item(c, .hospital, on: day(2026, 11, 23))?.status == .due)
        let late = w.item(c, .hospital, on: day(2026, 12, 30))
        #expect(late?.status == .overdue)  // stays until visited or discharged
        w.visit(c, .hospital, .illness, on: day(2026, 11, 24))
        #expect(w.item(c, .hospital, on: day(2026, 11, 25)) == nil)
    }

    @Test func aWidowedCadreIsDueABereavementVisitWithinThreeDays() throws {
        var w = VisitWorld()
        let a = w.cadre { $0.widowedOn = day(2026, 11, 20) }
        let b = w.cadre { $0.widowedOn = day(2026, 11, 20) }
        #expect(w.item(a, .bereavement, on: day(2026, 11, 23))?.by == day(2026, 11, 23))
        #expect(w.item(a, .bereavement, on: day(2026, 11, 24))?.status == .overdue)
        w.visit(a, .condolence, .bereavement, on: day(2026, 11, 21))
        w.visit(b, .home, .bereavement, on: day(2026, 11, 22))
        #expect(w.item(a, .bereavement, on: day(2026, 11, 24)) == nil)
        #expect(w.item(b, .bereavement, on: day(2026, 11, 24)) == nil)
        #expect(w.item(a, .bereavement, on: day(2027, 1, 30)) == nil)
    }

    @Test func aDeceasedCadreDropsOutOfEveryRuleButTheCondolenceToTheFamily() throws {
        var w = VisitWorld()
        let c = w.cadre(born: day(1940, 11, 25), category: .lixiu, care: 1) {
            $0.hospitalisedSince = day(2026, 11, 1)
            $0.deceasedOn = day(2026, 11, 20)
        }
        w.visit(c, .home, on: day(2026, 9, 1), followUp: day(2026, 11, 22))
        #expect(w.rules(c, on: day(2026, 11, 22), horizon: 60) == [.condolence])
        #expect(w.item(c, .condolence, on: day(2026, 11, 22))?.by == day(2026, 11, 23))
        w.visit(c, .condolence, .bereavement, on: day(2026, 11, 22))
        #expect(w.rules(c, on: day(2026, 11, 22), horizon: 60) == [])
        // Before the death the rules still applied.
        #expect(w.rules(c, on: day(2026, 11, 19)).contains(.careVisit))
    }

    // MARK: living elsewhere

    @Test func aCadreLivingElsewhereGetsACallInsteadOfAHomeVisit() throws {
        var w = VisitWorld()
        let c = w.cadre(care: 2) { $0.livingElsewhere = Elsewhere(since: day(2025, 3, 1), place: "上海") }
        w.visit(c, .phone, .elsewhere, on: day(2026, 11, 1))
        #expect(w.item(c, .careVisit, on: day(2026, 11, 28)) == nil)
        let item = w.item(c, .carePhone, on: day(2026, 11, 28))
        #expect(item?.by == day(2026, 12, 1))
        #expect(item?.lastVisit == day(2026, 11, 1))
        #expect(w.state.draft(for: item!, by: VisitWorld.wang, at: LocalDateTime(day(2026, 11, 28), LocalTime(9, 0))).visit.kind == .phone)
    }

    // MARK: festivals

    @Test func lunarFestivalDatesFor2026And2027() throws {
        func dates(_ r: FestivalRule, _ y: Int) -> [LocalDate] { FestivalCalendar.dates(of: r, in: y) }
        #expect(dates(.springFestival, 2026) == [day(2026, 2, 17)])
        #expect(dates(.midAutumn, 2026) == [day(2026, 9, 25)])
        #expect(dates(.doubleNinth, 2026) == [day(2026, 10, 18)])
        #expect(dates(.springFestival, 2027) == [day(2027, 2, 6)])
        #expect(dates(.midAutumn, 2027) == [day(2027, 9, 15)])
        #expect(dates(.doubleNinth, 2027) == [day(2027, 10, 8)])
        #expect(dates(.partyDay, 2027) == [day(2027, 7, 1)])
    }

    @Test func festivalGreetingsAreDueToLixiuAndCareLevelCadresInTheFortnightBefore() throws {
        var w = VisitWorld()
        let lixiu = w.cadre(category: .lixiu), care = w.cadre(care: 3), plain = w.cadre()
        #expect(w.item(lixiu, .festival, on: day(2026, 9, 10)) == nil)
        let item = try #require(w.item(lixiu, .festival, on: day(2026, 9, 11)))
        #expect(item.by == day(2026, 9, 25))
        #expect(item.festival == "midautumn")
        #expect(item.title(Localizer(.zh), settings: w.state.settings.visits) == "节日慰问(中秋)")
        #expect(w.item(care, .festival, on: day(2026, 9, 11)) != nil)
        #expect(w.item(plain, .festival, on: day(2026, 9, 11)) == nil)
        w.visit(lixiu, .festival, .festival, on: day(2026, 9, 20))
        #expect(w.item(lixiu, .festival, on: day(2026, 9, 21)) == nil)
        #expect(w.item(care, .festival, on: day(2026, 9, 26))?.status == .overdue)
        #expect(w.item(care, .festival, on: day(2026, 10, 3)) == nil)  // lapsed a week after
        // 春节 2027: window from 2027-01-23.
        #expect(w.item(lixiu, .festival, on: day(2027, 1, 23))?.by == day(2027, 2, 6))
    }

    @Test func aConfiguredSolarFestivalForPartyMembers() throws {
        var w = VisitWorld()
        let member = w.cadre { $0.partyBranch = "第一支部" }
        let other = w.cadre()
        w.settings { $0.festivals.append(.partyDay) }
        #expect(w.item(member, .festival, on: day(2027, 6, 20))?.by == day(2027, 7, 1))
        #expect(w.item(other, .festival, on: day(2027, 6, 20)) == nil)
    }

    @Test func aCadreLivingElsewhereIsGreetedByPhoneOnTheFestivalOccasion() throws {
        var w = VisitWorld()
        let c = w.cadre(category: .lixiu) { $0.livingElsewhere = Elsewhere(since: day(2020, 1, 1), place: "深圳") }
        #expect(w.item(c, .festival, on: day(2026, 10, 12)) != nil, "the 重阳 greeting is due before the call")
        w.visit(c, .phone, .festival, on: day(2026, 10, 10))
        #expect(w.item(c, .festival, on: day(2026, 10, 12)) == nil)
    }

    // MARK: follow-ups, voids, amendments

    @Test func aFollowUpIsDueOnItsDateUntilALaterContact() throws {
        var w = VisitWorld()
        let c = w.cadre()
        w.visit(c, .home, .difficulty, on: day(2026, 11, 2), followUp: day(2026, 11, 20))
        let v = w.records.last!.id
        #expect(w.item(c, .followUp, on: day(2026, 11, 19)) == nil)
        #expect(w.item(c, .followUp, on: day(2026, 11, 20))?.relatedVisit == v)
        #expect(w.item(c, .followUp, on: day(2026, 11, 22))?.daysOverdue == 2)
        let draft = w.state.draft(for: w.item(c, .followUp, on: day(2026, 11, 22))!, by: VisitWorld.li,
                                  at: LocalDateTime(day(2026, 11, 22), LocalTime(9, 0)))
        #expect(draft.visit.occasion == .difficulty)
        #expect(draft.visit.staff == [VisitWorld.li])
        w.visit(c, .phone, on: day(2026, 11, 22))
        #expect(w.item(c, .followUp, on: day(2026, 11, 22)) == nil)
    }

    @Test func aVoidedVisitNoLongerSatisfiesAnyRule() throws {
        var w = VisitWorld()
        let c = w.cadre(born: day(1950, 11, 25), care: 1)
        w.visit(c, .home, on: day(2026, 11, 10))
        let greeting = w.visit(c, .birthday, .birthday, on: day(2026, 11, 20))
        #expect(w.rules(c, on: day(2026, 11, 23)) == [])
        w.void(greeting)
        // The greeting was also the latest home visit: the care interval counts from Nov 10 again.
        #expect(Set(w.rules(c, on: day(2026, 11, 23))) == [.birthday, .careVisit])
        #expect(w.item(c, .careVisit, on: day(2026, 11, 23))?.lastVisit == day(2026, 11, 10))
        #expect(w.state.visitTimeline(of: c).first?.voided == true)
    }

    @Test func anAmendedVisitCountsAsItsNewKind() throws {
        var w = VisitWorld()
        let c = w.cadre(care: 1)
        w.visit(c, .home, on: day(2026, 11, 20))
        var r = w.records.last!
        r.kind = .phone
        w.amend(r)
        #expect(w.item(c, .careVisit, on: day(2026, 11, 23)) != nil)
        #expect(w.state.visits.summary(of: r.id)?.amended == true)
    }

    @Test func askingAboutAPastDateIgnoresVisitsMadeAfterIt() throws {
        var w = VisitWorld()
        let c = w.cadre(care: 1)
        w.visit(c, .home, on: day(2026, 10, 1))
        w.visit(c, .home, on: day(2026, 11, 20))
        #expect(w.item(c, .careVisit, on: day(2026, 10, 20))?.lastVisit == day(2026, 10, 1))
        #expect(w.item(c, .careVisit, on: day(2026, 11, 21)) == nil)
    }

    @Test func aVisitRecordedLateForAnEarlierDateKeepsTheTimelineInOrder() throws {
        var w = VisitWorld()
        let c = w.cadre()
        w.visit(c, .home, on: day(2026, 11, 20))
        w.visit(c, .phone, on: day(2026, 11, 5))
        w.visit(c, .study, on: day(2026, 11, 12))
        #expect(w.state.visitTimeline(of: c).map(\.at.date) == [day(2026, 11, 20), day(2026, 11, 12), day(2026, 11, 5)])
    }

    @Test func cadreIdsThatAreNotFileNumbersWorkToo() throws {
        var w = VisitWorld()
        let odd = w.cadre(care: 1) { $0.id = "LX-7" }
        let big = w.cadre(care: 1) { $0.id = "C0000000000042" }
        w.visit(odd, .home, on: day(2026, 11, 20))
        w.visit(big, .home, on: day(2026, 11, 21))
        #expect(w.item(odd, .careVisit, on: day(2026, 11, 30))?.lastVisit == day(2026, 11, 20))
        #expect(w.item(big, .careVisit, on: day(2026, 12, 1))?.lastVisit == day(2026, 11, 21))
        #expect(w.state.visitTimeline(of: "C00042").isEmpty)
    }

    // MARK: assignment (AB岗)

    @Test func itemsGoToTheBackupDuringTheContactPersonsAbsenceAndBackAfter() throws {
        var w = VisitWorld()
        let c = w.cadre(care: 1, contact: VisitWorld.wang)
        w.absence(VisitWorld.wang, from: day(2026, 11, 20), to: day(2026, 11, 25), backup: VisitWorld.li)
        #expect(w.item(c, .careVisit, on: day(2026, 11, 19))?.assignee == VisitWorld.wang)
        let covered = try #require(w.item(c, .careVisit, on: day(2026, 11, 22)))
        #expect(covered.assignee == VisitWorld.li)
        #expect(covered.contact == VisitWorld.wang)
        #expect(covered.isCovering)
        // A chain: the backup is away too.
        w.absence(VisitWorld.li, from: day(2026, 11, 24), to: day(2026, 11, 30), backup: VisitWorld.zhao)
        #expect(w.item(c, .careVisit, on: day(2026, 11, 24))?.assignee == VisitWorld.zhao)
        #expect(w.item(c, .careVisit, on: day(2026, 11, 26))?.assignee == VisitWorld.wang)
        #expect(w.item(c, .careVisit, on: day(2026, 11, 26))?.isCovering == false)
    }

    @Test func aCadreWithoutAContactPersonIsUnassigned() throws {
        var w = VisitWorld()
        w.cadre(care: 1, contact: nil)
        let team = w.state.teamDay(on: day(2026, 11, 23))
        #expect(team.unassigned.items.map(\.rule).contains(.careVisit))
        #expect(team.groups.isEmpty)
    }
}
