import DeskCore
import DeskLog
import DeskTUI
import Foundation
import Synchronization
import Testing
@testable import DeskApp

/// A scratch directory removed when the value goes away.
final class TempDir {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "deskapp-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { path + "/" + name }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A clock tests move by hand.
final class ClockHand: Sendable {
    private let now: Mutex<Date>
    let zone = TimeZone(identifier: "Asia/Shanghai")!
    init(_ local: LocalDateTime) { now = Mutex(DeskClock.date(of: local, in: TimeZone(identifier: "Asia/Shanghai")!)) }
    var clock: DeskClock { DeskClock(timeZone: zone, source: { [self] in now.withLock { $0 } }) }
    func advance(minutes: Int) { now.withLock { $0 = $0.addingTimeInterval(Double(minutes) * 60) } }
}

/// A log with a first admin (S001, OS login "admin") and a way to open
/// terminals on it as any OS user, drawn into memory.
struct AppHarness {
    let dir = TempDir()
    let hand = ClockHand(LocalDateTime(LocalDate(2026, 11, 23), LocalTime(9, 30)))
    var path: String { dir.file("desk.log") }

    init(empty: Bool = false) throws {
        var o = Desk.Options()
        o.create = true
        let desk = try Desk(path: path, clock: hand.clock, options: o)
        if !empty { try desk.perform(CreateFirstAdmin(login: "admin", name: "张建国"), as: Staff.bootstrapID) }
    }

    func desk() throws -> Desk { try Desk(path: path, clock: hand.clock) }

    /// Adds staff through the log (as the admin) and returns the id.
    @discardableResult
    func addStaff(_ name: String, login: String, role: DeskCore.Role) throws -> ID<Staff> {
        let d = try desk()
        let applied = try d.perform(AddStaff(login: login, name: name, role: role), as: "S001")
        return (applied[0].event as! StaffAdded).staff.id
    }

    /// A terminal opened by OS user `login`.
    func terminal(as login: String, lang: Lang = .zh, screens: ((ScreenID) -> (any DeskScreen)?)? = nil) throws -> Terminal {
        let model = AppModel(desk: try desk(), identity: Identity(osLogin: login, terminal: "test"), lang: lang,
                             makeScreen: screens ?? Screens.make)
        return Terminal(model: model)
    }
}

/// One terminal: the model, keys in, text out.
struct Terminal {
    var model: AppModel
    var canvas = MemoryCanvas(size: Size(width: 100, height: 30))

    mutating func press(_ keys: Key...) { for k in keys { model.update(k) } }
    /// Switches to the screen `id` as its digit would (tab order depends on the role and on which screens exist).
    mutating func open(_ id: ScreenID) {
        guard let i = model.screens.firstIndex(where: { $0.id == id }) else {
            Issue.record("no \(id) screen for this role")
            return
        }
        press(.char(Character(String(i + 1))))
    }
    mutating func type(_ text: String) { for c in text { model.update(.char(c)) } }
    mutating func tick(_ seconds: Double = 0.25) { model.tick(seconds: seconds) }

    /// The screen as lines of text.
    mutating func screen(width: Int = 100, height: Int = 30) -> [String] {
        if canvas.size != Size(width: width, height: height) { canvas = MemoryCanvas(size: Size(width: width, height: height)) }
        model.view(&canvas)
        return canvas.lines()
    }

    mutating func text() -> String { screen().joined(separator: "\n") }
}
