import DeskLog
import Testing
@testable import DeskCore

@Suite struct StaffTests {
    @Test func firstAdminIsCreatedOnANewLogAndSeenByASecondTerminal() throws {
        let t = try TestDesk()
        #expect(t.desk.state.staff[t.admin]?.role == .admin)
        let other = try t.reopen()
        #expect(other.state.staff[t.admin]?.name == "管理员")
    }

    @Test func onlyAnAdminMayAddStaff() throws {
        let t = try TestDesk()
        let desk = try t.addStaff("李红", role: .desk)
        #expect(throws: DeskError.notAllowed(Problem("error.not_allowed", ["manageStaff"]))) {
            try t.desk.perform(AddStaff(login: "x", name: "张三", role: .desk), as: desk)
        }
    }

    @Test func aDuplicateLoginIsRefusedBesideTheLoginField() throws {
        let t = try TestDesk()
        try t.addStaff("李红", role: .desk, login: "lihong")
        do {
            try t.desk.perform(AddStaff(login: "lihong", name: "李宏", role: .desk), as: t.admin)
            Issue.record("expected a refusal")
        } catch let DeskError.invalid(problems) {
            #expect(problems == [Problem("staff.login_taken", ["lihong", "李红"], field: "login")])
        }
    }

    @Test func absenceChainsResolveToTheFirstPersonPresent() throws {
        let t = try TestDesk()
        let a = try t.addStaff("甲一", role: .caseworker)
        let b = try t.addStaff("乙二", role: .caseworker)
        let c = try t.addStaff("丙三", role: .caseworker)
        let d1 = LocalDate(2026, 12, 1), d2 = LocalDate(2026, 12, 5)
        try t.desk.perform(RecordAbsence(staff: a, from: d1, to: d2, backup: b, reason: "年假"), as: t.admin)
        try t.desk.perform(RecordAbsence(staff: b, from: LocalDate(2026, 12, 3), to: d2, backup: c, reason: "培训"), as: t.admin)
        let book = t.desk.state.staff
        #expect(book.coverer(for: a, on: LocalDate(2026, 11, 30)) == a)
        #expect(book.coverer(for: a, on: d1) == b)
        #expect(book.coverer(for: a, on: LocalDate(2026, 12, 4)) == c)
        #expect(book.coveredBy(c, on: LocalDate(2026, 12, 4)) == [a, b])
        #expect(book.coverer(for: a, on: LocalDate(2026, 12, 6)) == a)
    }

    @Test func aLoopOfBackupsLeavesTheWorkUnassigned() throws {
        let t = try TestDesk()
        let a = try t.addStaff("甲一", role: .caseworker)
        let b = try t.addStaff("乙二", role: .caseworker)
        let d = LocalDate(2026, 12, 1)
        try t.desk.perform(RecordAbsence(staff: a, from: d, to: d, backup: b, reason: ""), as: t.admin)
        try t.desk.perform(RecordAbsence(staff: b, from: d, to: d, backup: a, reason: ""), as: t.admin)
        #expect(t.desk.state.staff.coverer(for: a, on: d) == nil)
    }

    @Test func pinIsStoredHashedAndFiveFailuresLockForFiveMinutes() throws {
        let t = try TestDesk()
        let s = try t.addStaff("李红", role: .desk)
        try t.desk.perform(SetPin(staff: s, pin: "246810"), as: t.admin)
        let hash = try #require(t.desk.state.staff[s]?.pin)
        #expect(hash.matches("246810"))
        #expect(!hash.matches("246811"))
        #expect(!hash.hash.contains("246810"))
        for _ in 0..<5 { try t.desk.recordAuth(PinFailed(staff: s, terminal: "tty1"), osUser: "desk1") }
        let now = Timestamp(t.hand.clock.now(), timeZone: t.hand.timeZone)
        #expect(t.desk.state.staff.pinLockedUntil(s, now: now) != nil)
        t.hand.advance(minutes: 6)
        let later = Timestamp(t.hand.clock.now(), timeZone: t.hand.timeZone)
        #expect(t.desk.state.staff.pinLockedUntil(s, now: later) == nil)
        // Once the lock has lifted, the old failures no longer count: a full set of attempts again.
        #expect(t.desk.state.staff.pinAttemptsLeft(s, now: now) == 0)
        #expect(t.desk.state.staff.pinAttemptsLeft(s, now: later) == StaffBook.pinMaxFailures)
        try t.desk.recordAuth(PinFailed(staff: s, terminal: "tty1"), osUser: "desk1")
        let after = Timestamp(t.hand.clock.now(), timeZone: t.hand.timeZone)
        #expect(t.desk.state.staff.pinAttemptsLeft(s, now: after) == StaffBook.pinMaxFailures - 1)
        #expect(t.desk.state.staff.pinLockedUntil(s, now: after) == nil)
    }

    @Test func aTypedStaffIdOrNameResolvesToOnePersonOrSaysWhyNot() throws {
        let t = try TestDesk()
        let li = try t.addStaff("李红", role: .caseworker)
        let wang1 = try t.addStaff("王芳", role: .caseworker), wang2 = try t.addStaff("王芳", role: .hotline)
        let gone = try t.addStaff("周离职", role: .caseworker)
        try t.desk.perform(SetStaffActive(id: gone, active: false), as: t.admin)
        let book = t.desk.state.staff
        #expect(book.resolve(" 李红 ") == .one(li))
        #expect(book.resolve(li.raw.lowercased()) == .one(li))
        #expect(book.resolve("王芳") == .several([wang1, wang2].sorted()))
        #expect(book.resolve("周离职") == .none, "a former colleague's name is not offered")
        #expect(book.resolve(gone.raw) == .one(gone), "their id still names them")
        #expect(book.resolve("") == .none && book.resolve("张三") == .none)
    }

    @Test func theLastAdminCannotBeDemotedOrDeactivated() throws {
        let t = try TestDesk()
        #expect(throws: DeskError.self) {
            try t.desk.perform(UpdateStaff(id: t.admin, login: "admin", name: "管理员", role: .desk, phone: nil), as: t.admin)
        }
        #expect(throws: DeskError.invalid("staff.cannot_deactivate_self")) {
            try t.desk.perform(SetStaffActive(id: t.admin, active: false), as: t.admin)
        }
    }
}

@Suite struct BatchTests {
    @Test func aBatchWithOneBadItemAppendsNothingAndNamesTheItem() throws {
        let t = try TestDesk()
        let before = t.desk.log.lastSeq
        do {
            try t.desk.performBatch([
                .init(AddStaff(login: "a1", name: "张一", role: .desk)),
                .init(AddStaff(login: "a2", name: "X", role: .desk)),
                .init(AddStaff(login: "a3", name: "张三", role: .desk)),
            ], as: t.admin)
            Issue.record("expected the batch to fail")
        } catch {
            #expect(error.index == 1)
        }
        #expect(t.desk.log.lastSeq == before)
        #expect(t.desk.state.staff.byID.count == 1)
    }

    @Test func laterItemsOfABatchSeeEarlierOnes() throws {
        let t = try TestDesk()
        let applied = try t.desk.performBatch([
            .init(AddStaff(login: "a1", name: "张一", role: .desk)),
            .init(AddStaff(login: "a1", name: "张二", role: .desk)),
        ].prefix(1) + [.init(AddStaff(login: "a2", name: "张二", role: .desk))], as: t.admin)
        #expect(applied.count == 2)
        #expect(Set(t.desk.state.staff.byID.keys.map(\.raw)) == ["S001", "S002", "S003"])
        #expect(throws: Desk.BatchError.self) {
            try t.desk.performBatch([.init(AddStaff(login: "b1", name: "王五", role: .desk)),
                                     .init(AddStaff(login: "b1", name: "王六", role: .desk))], as: t.admin)
        }
        let other = try t.reopen()
        #expect(other.state.staff.byID.count == 3)
    }
}

@Suite struct EventReadBackTests {
    @Test func anEventCanBeReadBackByItsOffset() throws {
        let t = try TestDesk()
        let applied = try t.desk.perform(AddStaff(login: "lh", name: "李红", role: .desk), as: t.admin)
        let back = try t.desk.event(at: applied[0].meta.offset)
        #expect((back.event as? StaffAdded)?.staff.name == "李红")
        #expect(back.meta.seq == applied[0].meta.seq)
    }
}
