import DeskLog
import Foundation
import Synchronization
@testable import DeskCore

/// A clock tests move by hand.
final class ClockHand: Sendable {
    private let now: Mutex<Date>
    let timeZone = TimeZone(identifier: "Asia/Shanghai")!

    init(_ local: LocalDateTime) { now = Mutex(DeskClock.date(of: local, in: TimeZone(identifier: "Asia/Shanghai")!)) }

    var clock: DeskClock { DeskClock(timeZone: timeZone, source: { [self] in now.withLock { $0 } }) }
    func set(_ local: LocalDateTime) { now.withLock { $0 = DeskClock.date(of: local, in: timeZone) } }
    func advance(minutes: Int) { now.withLock { $0 = $0.addingTimeInterval(Double(minutes) * 60) } }
}

/// A scratch directory removed when the value goes away.
final class TempDir {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "cadredesk-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { path + "/" + name }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A desk on a fresh log in a temp directory, with a first admin (S001 管理员)
/// and, if asked, more staff. Real file, real fsync: what the app does.
struct TestDesk {
    let dir = TempDir()
    let hand: ClockHand
    let desk: Desk
    let admin: ID<Staff> = "S001"

    init(at local: LocalDateTime = LocalDateTime(LocalDate(2026, 11, 23), LocalTime(9, 0))) throws {
        hand = ClockHand(local)
        var o = Desk.Options()
        o.create = true
        desk = try Desk(path: dir.file("desk.log"), clock: hand.clock, options: o)
        try desk.perform(CreateFirstAdmin(login: "admin", name: "管理员"), as: Staff.bootstrapID)
    }

    var path: String { dir.file("desk.log") }

    /// Adds a staff member and returns their id.
    @discardableResult
    func addStaff(_ name: String, role: Role, login: String? = nil) throws -> ID<Staff> {
        let applied = try desk.perform(AddStaff(login: login ?? "u\(desk.state.staff.byID.count + 1)", name: name, role: role), as: admin)
        return (applied[0].event as! StaffAdded).staff.id
    }

    /// A second desk (another terminal) on the same log.
    func reopen() throws -> Desk { try Desk(path: path, clock: hand.clock) }
}

/// Builds state by applying events directly, for pure rule tests (no file).
struct StateBuilder {
    var state = DeskState()
    var seq: UInt64 = 0
    var at = Timestamp(epochMillis: 1_790_000_000_000, offsetMinutes: 480)

    mutating func apply(_ e: any DeskEvent, by: ID<Staff> = "S001") {
        seq += 1
        state.apply(e, EventMeta(seq: seq, id: UUID(), at: at, by: by))
    }
}
