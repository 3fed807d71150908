@testable import DeskCore

/// Each dashboard figure, computed from `RawWorld` by the rule as written
/// (DOMAIN.md, the areas' doc comments) with plain loops.
extension RawWorld {
    // MARK: Roster

    struct RosterAt: Equatable {
        var lists: [NamedList: Int] = [:]
        var byCategory: [CadreCategory: Int] = [:]
        var byRank: [RankBand: Int] = [:]
        var living = 0
        var ageSum = 0
        var ageSumByCategory: [CadreCategory: Int] = [:]
    }

    func roster(on date: LocalDate) -> RosterAt {
        var r = RosterAt()
        for id in cadreOrder {
            let c = cadre(id, on: date)
            for l in NamedList.allCases where onList(l, c, on: date) { r.lists[l, default: 0] += 1 }
            if c.deceasedOn.map({ $0 <= date }) ?? false { continue }
            r.living += 1
            r.byCategory[c.category, default: 0] += 1
            r.byRank[c.rank, default: 0] += 1
            let age = c.birthDate.age(on: date)
            r.ageSum += age
            r.ageSumByCategory[c.category, default: 0] += age
        }
        return r
    }

    // MARK: Visits

    struct VisitFigures: Equatable {
        var visits = 0, cadreVisits = 0, moneyFen: Int64 = 0
        var byKind: [VisitKind: Int] = [:], byOccasion: [VisitOccasion: Int] = [:], byStaff: [ID<Staff>: Int] = [:]
        var needs = 0, visitsWithNeeds = 0, inPerson = 0
        var byWeek: [Int] = []
    }

    func visitFigures(_ p: Period) -> VisitFigures {
        var f = VisitFigures()
        let weeks = p.weeks
        f.byWeek = [Int](repeating: 0, count: weeks.count)
        for v in keptVisits where p.contains(v.day) {
            let r = v.record
            f.visits += 1
            f.cadreVisits += r.cadres.count
            f.moneyFen += r.moneyEach.fen * Int64(r.cadres.count)
            f.byKind[r.kind, default: 0] += 1
            f.byOccasion[r.occasion, default: 0] += 1
            for s in r.staff { f.byStaff[s, default: 0] += 1 }
            f.needs += r.needs.count
            if !r.needs.isEmpty { f.visitsWithNeeds += 1 }
            if r.kind != .phone && r.kind != .other { f.inPerson += r.cadres.count }
            f.byWeek[weeks.firstIndex { $0.contains(v.day) }!] += 1
        }
        return f
    }

    struct Coverage: Equatable {
        var months: [[Int]] = []
        var throughout = 0
        var every = 0
    }

    /// Per month of the period (cut to it): cadres alive through the month, and those with a contact in it.
    func coverage(_ p: Period) -> Coverage {
        let kinds = settings.visits.contactKinds
        let months = p.months.map { Period(start: max($0, p.start), end: min($0.lastOfMonth, p.end)) }
        var out = Coverage()
        var contactedIn: [ID<Cadre>: Set<Int>] = [:]
        for v in keptVisits where kinds.contains(v.record.kind) {
            if let i = months.firstIndex(where: { $0.contains(v.day) }) { for c in v.record.cadres { contactedIn[c, default: []].insert(i) } }
        }
        for (i, m) in months.enumerated() {
            var living = 0, contacted = 0
            for c in cadresNow where c.deceasedOn.map({ $0 > m.end }) ?? true {
                living += 1
                if contactedIn[c.id]?.contains(i) == true { contacted += 1 }
            }
            out.months.append([living, contacted])
        }
        for c in cadresNow where c.deceasedOn.map({ $0 > p.end }) ?? true {
            out.throughout += 1
            if (contactedIn[c.id]?.count ?? 0) == months.count { out.every += 1 }
        }
        return out
    }

    /// Must-visit occasions due in the period, as "cadre rule by outcome metOn" lines, sorted.
    func occasions(_ p: Period, asOf: LocalDate) -> [String] {
        let s = settings.visits
        var out: [String] = []
        func judge(_ c: Cadre, _ rule: DueRule, from: LocalDate, by: LocalDate, lapse: Int, after stamp: Int? = nil, _ ok: (VisitRecord) -> Bool) {
            let first = visits(of: c.id).filter { v in
                v.stamp >= (stamp ?? from.dayNumber * 1440) && v.day <= asOf && ok(v.record)
            }.map(\.stamp).min().map { LocalDate(dayNumber: $0 / 1440) }
            let limit = by.adding(days: lapse)
            let met = first.flatMap { $0 <= limit ? $0 : nil }
            let outcome: OccasionOutcome = met.map { $0 <= by ? .onTime : .late } ?? (asOf <= limit ? .open : .missed)
            out.append("\(c.id) \(rule.rawValue) \(by) \(outcome.rawValue) \(met.map(\.description) ?? "-")")
        }
        func alive(_ c: Cadre, _ d: LocalDate) -> Bool { c.deceasedOn.map { $0 > d } ?? true }
        let bereavementVisit: (VisitRecord) -> Bool = { $0.kind == .condolence || $0.occasion == .bereavement }
        for c in cadresNow {
            if alive(c, p.start) {
                for y in p.start.year...p.end.year where y > c.birthDate.year {
                    let b = c.birthDate.anniversary(in: y)
                    if p.contains(b), alive(c, b) {
                        judge(c, .birthday, from: b.adding(days: -s.birthdayLeadDays), by: b, lapse: s.lapseDays) { s.birthdayKinds.contains($0.kind) }
                        break
                    }
                }
            }
            let festive = c.category == .lixiu || c.careLevel != nil
            for rule in s.festivals {
                let audience: Bool = switch rule.audience {
                case .lixiuAndCareLevel: festive
                case .partyMembers: !c.partyBranch.isEmpty
                case .everyone: true
                }
                guard audience else { continue }
                for y in p.start.year...p.end.year {
                    for f in FestivalCalendar.dates(of: rule, in: y) where p.contains(f) && alive(c, f) {
                        let away = c.livingElsewhere.map { $0.since <= f } ?? false
                        judge(c, .festival, from: f.adding(days: -s.festivalWindowDays), by: f, lapse: s.festivalLapseDays) {
                            $0.kind == .festival || (away && $0.occasion == .festival)
                        }
                    }
                }
            }
            if let a = c.hospitalisedSince, p.contains(a.adding(days: s.hospitalDays)) {
                judge(c, .hospital, from: a, by: a.adding(days: s.hospitalDays), lapse: s.lapseDays) { s.hospitalKinds.contains($0.kind) }
            }
            if let w = c.widowedOn, alive(c, w), p.contains(w.adding(days: s.bereavementDays)) {
                judge(c, .bereavement, from: w, by: w.adding(days: s.bereavementDays), lapse: s.lapseDays, bereavementVisit)
            }
            if let d = c.deceasedOn, p.contains(d.adding(days: s.bereavementDays)) {
                judge(c, .condolence, from: d, by: d.adding(days: s.bereavementDays), lapse: s.lapseDays, bereavementVisit)
            }
        }
        for v in keptVisits {
            guard let fu = v.record.followUp, p.contains(fu), v.day >= p.start.adding(days: -366), v.day <= p.end else { continue }
            for id in v.record.cadres where cadreBase[id] != nil {
                judge(cadre(id), .followUp, from: v.day, by: fu, lapse: s.lapseDays, after: v.stamp + 1) { s.contactKinds.contains($0.kind) }
            }
        }
        return out.sorted()
    }

    // MARK: Due and overdue today

    /// (rule, status) of each item due or overdue for the cadre on `d`, by the rules' text.
    func dueItems(_ c: Cadre, on d: LocalDate) -> [(DueRule, DueStatus)] {
        let s = settings.visits
        let mine = visits(of: c.id).filter { $0.day <= d }
        func latest(_ ok: (Visit) -> Bool) -> Int? { mine.filter(ok).map(\.stamp).max() }
        var out: [(DueRule, DueStatus)] = []
        func item(_ rule: DueRule, from: LocalDate, by: LocalDate, lapse: Int?, done: Int?) {
            guard from <= d else { return }
            if let lapse, by.adding(days: lapse) < d { return }
            if let done, done >= from.dayNumber * 1440 { return }
            out.append((rule, d <= by ? .due : .overdue))
        }
        let mourning: (Visit) -> Bool = { $0.record.kind == .condolence || $0.record.occasion == .bereavement }
        if let died = c.deceasedOn, died <= d {
            item(.condolence, from: died, by: died.adding(days: s.bereavementDays), lapse: s.lapseDays, done: latest(mourning))
            return out
        }
        let away = c.livingElsewhere.map { $0.since <= d } ?? false
        if let every = settings.roster.homeVisitInterval(level: c.careLevel) {
            let last = away ? latest { s.contactKinds.contains($0.record.kind) }
                : latest { s.homeVisitKinds.contains($0.record.kind) && $0.record.cadres.count == 1 }
            let by = last.map { LocalDate(dayNumber: $0 / 1440).adding(days: every) } ?? d
            if by.adding(days: -s.careLeadDays) <= d { out.append((away ? .carePhone : .careVisit, d <= by ? .due : .overdue)) }
        }
        let lastContact = latest { s.contactKinds.contains($0.record.kind) }.map { LocalDate(dayNumber: $0 / 1440) }
        if !(lastContact.map { $0 >= d.firstOfMonth } ?? false) {
            if let l = lastContact, l < d.firstOfMonth.adding(months: -1) { out.append((.monthlyContact, .overdue)) }
            else { out.append((.monthlyContact, .due)) }
        }
        let greeted = latest { s.birthdayKinds.contains($0.record.kind) }
        for y in (d.year - 1)...(d.year + 1) where y > c.birthDate.year {
            let b = c.birthDate.anniversary(in: y)
            item(.birthday, from: b.adding(days: -s.birthdayLeadDays), by: b, lapse: s.lapseDays, done: greeted)
        }
        if let a = c.hospitalisedSince, a <= d {
            item(.hospital, from: a, by: a.adding(days: s.hospitalDays), lapse: nil, done: latest { s.hospitalKinds.contains($0.record.kind) })
        }
        if let w = c.widowedOn, w <= d {
            item(.bereavement, from: w, by: w.adding(days: s.bereavementDays), lapse: s.lapseDays, done: latest(mourning))
        }
        let festive = c.category == .lixiu || c.careLevel != nil
        for rule in s.festivals {
            let audience: Bool = switch rule.audience {
            case .lixiuAndCareLevel: festive
            case .partyMembers: !c.partyBranch.isEmpty
            case .everyone: true
            }
            guard audience else { continue }
            let done = latest { $0.record.kind == .festival || (away && $0.record.occasion == .festival) }
            for y in (d.year - 1)...(d.year + 1) {
                for f in FestivalCalendar.dates(of: rule, in: y) where f.adding(days: -s.festivalWindowDays) <= d && d <= f.adding(days: s.festivalLapseDays) {
                    item(.festival, from: f.adding(days: -s.festivalWindowDays), by: f, lapse: s.festivalLapseDays, done: done)
                }
            }
        }
        // The latest visit that set a follow-up (a later one wins a tie), not yet followed by a contact.
        var promise: Visit?
        for v in mine where v.record.followUp != nil && v.stamp >= (promise?.stamp ?? Int.min) { promise = v }
        if let promise, let fu = promise.record.followUp, (latest { s.contactKinds.contains($0.record.kind) } ?? Int.min) <= promise.stamp, fu <= d {
            out.append((.followUp, d <= fu ? .due : .overdue))
        }
        return out
    }

    /// Who does a contact person's work on `d` (AB岗 chains; nobody if the chain ends at someone inactive or loops).
    func doer(_ contact: ID<Staff>?, on d: LocalDate) -> ID<Staff>? {
        var who = contact
        var seen: Set<ID<Staff>> = []
        while let s = who {
            guard let person = staff[s], person.active, seen.insert(s).inserted else { return nil }
            guard let away = person.absences.first(where: { !$0.cancelled && $0.from <= d && d <= $0.to }) else { return s }
            who = away.backup
        }
        return nil
    }

    /// (due, overdue) per doer on `d`; nil collects the unassigned.
    func team(on d: LocalDate) -> [ID<Staff>?: [Int]] {
        var out: [ID<Staff>?: [Int]] = [:]
        for c in cadresNow {
            let items = dueItems(c, on: d)
            guard !items.isEmpty else { continue }
            let who = doer(c.contact, on: d)
            var counts = out[who] ?? [0, 0]
            counts[0] += items.count { $0.1 == .due }
            counts[1] += items.count { $0.1 == .overdue }
            out[who] = counts
        }
        return out
    }

    // MARK: Hotline

    struct Hotline: Equatable {
        var opened = 0, closed = 0, inTime = 0, median: Int?
        var byCategory: [String: [Int]] = [:]
        var medianByCategory: [String: Int] = [:]
        var overdueNow = 0, callbackDone = 0
        var ratings: [CallbackRating: Int] = [:]
        var openedByWeek: [Int] = []
    }

    func hotline(_ p: Period, now: LocalDateTime) -> Hotline {
        let cal = settings.hotline.calendar
        func measure(_ t: Tick, _ a: LocalDateTime, _ b: LocalDateTime) -> Int {
            t.promise.measure == .clock ? b.minutes - a.minutes : cal.workingMinutes(from: a, to: b)
        }
        func stopped(_ t: Tick, _ from: LocalDateTime, _ to: LocalDateTime) -> Int {
            t.stops.reduce(0) { sum, s in
                let a = max(s.from, from), b = min(s.to ?? to, to)
                return b > a ? sum + measure(t, a, b) : sum
            }
        }
        func later(_ t: Tick, _ at: LocalDateTime, by minutes: Int) -> LocalDateTime {
            t.promise.measure == .clock ? at.adding(minutes: minutes) : cal.adding(workingMinutes: minutes, to: at)
        }
        var h = Hotline()
        let weeks = p.weeks
        h.openedByWeek = [Int](repeating: 0, count: weeks.count)
        var minutes: [Int] = [], minutesBy: [String: [Int]] = [:]
        for t in tickets.values.sorted(by: { $0.id < $1.id }) where !t.voided {
            if p.contains(t.openedAt.date) {
                h.opened += 1
                h.byCategory[t.category, default: [0, 0, 0]][0] += 1
                h.openedByWeek[weeks.firstIndex { $0.contains(t.openedAt.date) }!] += 1
            }
            for cb in t.callbacks where p.contains(cb.at.date) { h.ratings[cb.rating, default: 0] += 1 }
            if let r = t.resolvedAt, [.resolved, .closed].contains(t.status), p.contains(r.date) {
                h.closed += 1
                h.byCategory[t.category, default: [0, 0, 0]][1] += 1
                let left: Int
                if let m = t.manual { left = measure(t, r, m.due) + stopped(t, m.setAt, r) }
                else { left = t.promise.completionMinutes - measure(t, t.openedAt, r) + stopped(t, t.openedAt, r) }
                if left >= 0 {
                    h.inTime += 1
                    h.byCategory[t.category, default: [0, 0, 0]][2] += 1
                }
                if t.status == .closed { h.callbackDone += 1 }
                let worked = cal.workingMinutes(from: t.openedAt, to: r)
                minutes.append(worked)
                minutesBy[t.category, default: []].append(worked)
            }
            if t.isOpen {
                let stoppedNow = t.stops.last.map { $0.to == nil && $0.from <= now } ?? false
                var overdue = false
                if t.firstResponse == nil, !stoppedNow {
                    let extra = stopped(t, t.openedAt, now)
                    let left = t.promise.responseMinutes - measure(t, t.openedAt, now) + extra
                    if left < 0 || now > later(t, t.openedAt, by: t.promise.responseMinutes + extra) { overdue = true }
                }
                if !stoppedNow {
                    let left: Int, due: LocalDateTime
                    if let m = t.manual {
                        let extra = stopped(t, m.setAt, now)
                        left = measure(t, now, m.due) + extra
                        due = extra == 0 ? m.due : later(t, m.due, by: extra)
                    } else {
                        let extra = stopped(t, t.openedAt, now)
                        left = t.promise.completionMinutes - measure(t, t.openedAt, now) + extra
                        due = later(t, t.openedAt, by: t.promise.completionMinutes + extra)
                    }
                    if left < 0 || now > due { overdue = true }
                }
                if overdue { h.overdueNow += 1 }
            }
        }
        func median(_ v: [Int]) -> Int? {
            guard !v.isEmpty else { return nil }
            let s = v.sorted()
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        h.median = median(minutes)
        for (k, v) in minutesBy { h.medianByCategory[k] = median(v) }
        return h
    }

    // MARK: Centre

    struct Centre: Equatable {
        var rooms: [String] = []
        var openTotal = 0, bookedTotal = 0
        var checkIns = 0, people = 0, bookings = 0, cancelled = 0, noShows = 0
        var classes: [String] = []
        var checkInsByWeek: [Int] = []
    }

    func centre(_ p: Period, now: LocalDateTime) -> Centre {
        let cs = settings.centre
        var out = Centre()
        func noShow(_ b: Book) -> Bool {
            b.releasable && !b.cancelled && !b.checkedIn && LocalDateTime(b.date, b.span.start).adding(minutes: cs.noShowAfterMinutes) <= now
        }
        var byRoomDay: [String: [Book]] = [:]
        for bid in bookingOrder { let b = bookings[bid]!; byRoomDay["\(b.room) \(b.date)", default: []].append(b) }
        for id in roomOrder {
            let room = rooms[id]!
            var open = 0, booked = 0
            for d in p.days {
                // Open minutes of the day, closures cut out, as a set of minutes.
                var openMinutes = Set<Int>()
                for span in room.hours.periods(on: d) { openMinutes.formUnion(span.start.minuteOfDay..<span.end.minuteOfDay) }
                for z in closures where z.covers(room: id) {
                    let a = max(z.from.minutes, d.dayNumber * 1440) - d.dayNumber * 1440, b = min(z.to.minutes, (d.dayNumber + 1) * 1440) - d.dayNumber * 1440
                    if a < b { openMinutes.subtract(a..<b) }
                }
                open += openMinutes.count
                var taken = Set<Int>()
                for b in byRoomDay["\(id) \(d)"] ?? [] {
                    if b.releasable {
                        if b.cancelled { out.cancelled += 1 } else { out.bookings += 1 }
                        if noShow(b) { out.noShows += 1 }
                    }
                    if b.cancelled || (cs.releaseNoShows && noShow(b)) { continue }
                    taken.formUnion(openMinutes.intersection(b.span.start.minuteOfDay..<b.span.end.minuteOfDay))
                }
                booked += taken.count
            }
            out.openTotal += open
            out.bookedTotal += booked
            if open > 0 || booked > 0 || room.active { out.rooms.append("\(id) \(open) \(booked)") }
        }
        let inPeriod = checkIns.filter { p.contains($0.at.date) }
        out.checkIns = inPeriod.count
        out.people = Set(inPeriod.compactMap(\.cadre)).count
        out.checkInsByWeek = p.weeks.map { w in inPeriod.count { w.contains($0.at.date) } }
        for k in classOrder.compactMap({ classes[$0] }) where k.term.start <= p.end && p.start <= k.term.end {
            func members(on d: LocalDate) -> Set<ID<Cadre>> {
                Set(k.members.filter { $0.since.date <= d && ($0.until.map { $0.date > d } ?? true) }.map(\.cadre))
            }
            var held = 0, present = 0, expected = 0
            for bid in bookingOrder {
                let b = bookings[bid]!
                guard case .course(let kid) = b.holder, kid == k.id, p.contains(b.date), !b.cancelled,
                      LocalDateTime(b.date, b.span.start) <= now else { continue }
                let m = members(on: b.date)
                held += 1
                expected += m.count
                present += b.present.intersection(m).count
            }
            out.classes.append("\(k.id) \(k.capacity) \(members(on: min(p.end, now.date)).count) \(k.waiting.count) \(held) \(present) \(expected)")
        }
        return out
    }
}
