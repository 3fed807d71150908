// Two terminals race for the last place in a class (not shipped to users).
//
//   centre-race enrol --log PATH --course K --cadre C --barrier FILE
//       opens the log, prints "ready", waits until FILE exists, runs Enrol
//       through Desk.perform and prints "enrolled", "waitlisted N" or
//       "refused KEY".
//   centre-race race --log PATH --rounds N
//       makes a fresh log (staff, 20 cadres, a room, a class of one place)
//       and runs N rounds: two `enrol` children started at once race for the
//       free place, then both are withdrawn (waitlisted first, so nobody is
//       promoted) to free it again. Prints one line per round and a summary:
//       "rounds N enrolled-once E double D waitlisted W refused R".
import DeskCore
import Foundation

/// Unbuffered, so the parent reads each line as soon as it is said.
func say(_ line: String) { FileHandle.standardOutput.write((line + "\n").data(using: .utf8)!) }
func fail(_ line: String) -> Never {
    FileHandle.standardError.write((line + "\n").data(using: .utf8)!)
    exit(2)
}

let args = CommandLine.arguments
func value(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
let admin: ID<Staff> = "S001"

switch args.count > 1 ? args[1] : "" {
case "enrol":
    guard let path = value("--log"), let course = value("--course"), let cadre = value("--cadre"), let barrier = value("--barrier")
    else { fail("usage: centre-race enrol --log PATH --course K --cadre C --barrier FILE") }
    let desk: Desk
    do { desk = try Desk(path: path) } catch { fail("open failed: \(error)") }
    say("ready")
    let deadline = Date().addingTimeInterval(30)
    while !FileManager.default.fileExists(atPath: barrier) {
        if Date() > deadline { fail("no barrier") }
        usleep(50)
    }
    do {
        let applied = try desk.perform(Enrol(ID(cadre), in: ID(course)), as: admin)
        switch EnrolmentOutcome(applied) {
        case .enrolled?: say("enrolled")
        case .waitlisted(let n)?: say("waitlisted \(n)")
        case nil: say("refused nothing-appended")
        }
    } catch {
        say("refused \(error.problems.first?.key ?? "?")")
    }

case "race":
    guard let path = value("--log") else { fail("usage: centre-race race --log PATH --rounds N") }
    let rounds = Int(value("--rounds") ?? "200") ?? 200
    let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
    var o = Desk.Options()
    o.create = true
    let desk: Desk
    do { desk = try Desk(path: path, options: o) } catch { fail("create failed: \(error)") }
    let today = desk.clock.today
    do {
        try desk.perform(CreateFirstAdmin(login: "race", name: "张建国"), as: Staff.bootstrapID)
        _ = try SampleGenerator(seed: 7, cadres: 20, years: 1, today: today).write(to: desk, as: admin)
        let allDay = OpeningHours([TimeSpan(LocalTime(8, 0), LocalTime(20, 0))])
        try desk.perform(AddRoom(name: "书画室", capacity: 30, sharing: .shared, hours: allDay, bookableFor: [.cadre, .group, .course]), as: admin)
        let room = desk.state.centre.roomOrder[0]
        let session = WeeklySession(weekday: today.adding(days: 1).weekday, span: TimeSpan(LocalTime(9, 0), LocalTime(10, 0)), room: room)
        try desk.perform(CreateCourse(name: "书法班", teacher: "王淑兰", termStart: today, termEnd: today.adding(days: 90),
                                      sessions: [session], capacity: 1, skipConflicts: true), as: admin)
    } catch {
        fail("setup failed: \(error)")
    }
    let course = desk.state.centre.courseOrder[0]
    let people = desk.state.roster.byID.values.filter { !$0.isDeceased }.map(\.id).sorted()
    guard people.count >= 2 else { fail("not enough cadres") }
    let barrier = path + ".go"
    var once = 0, double = 0, waitlisted = 0, refused = 0

    /// A child whose stdout lines we read.
    final class Child {
        let process = Process()
        let pipe = Pipe()
        init(_ args: [String], _ me: String) throws {
            process.executableURL = URL(fileURLWithPath: me)
            process.arguments = args
            process.standardOutput = pipe
            try process.run()
        }
        /// The next line (blocking).
        func line() -> String {
            var bytes = Data()
            while true {
                let d = pipe.fileHandleForReading.readData(ofLength: 1)
                if d.isEmpty || d == Data([0x0A]) { break }
                bytes.append(d)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    for round in 1...rounds {
        try? FileManager.default.removeItem(atPath: barrier)
        let a = people[(2 * round) % people.count], b = people[(2 * round + 1) % people.count]
        let children: [Child]
        do {
            children = try [a, b].map { try Child(["enrol", "--log", path, "--course", course.raw, "--cadre", $0.raw, "--barrier", barrier], me) }
        } catch { fail("spawn failed: \(error)") }
        for c in children where c.line() != "ready" { fail("a child did not get ready") }
        FileManager.default.createFile(atPath: barrier, contents: nil)
        let results = children.map { $0.line() }
        for c in children { c.process.waitUntilExit() }
        do { _ = try desk.refresh() } catch { fail("refresh failed: \(error)") }
        let c = desk.state.centre.courses[course]!
        let winners = results.filter { $0 == "enrolled" }.count
        if winners == 1, c.enrolledCount == 1 { once += 1 }
        if winners > 1 || c.enrolledCount > c.capacity { double += 1 }
        waitlisted += results.filter { $0.hasPrefix("waitlisted") }.count
        refused += results.filter { $0.hasPrefix("refused") }.count
        say("round \(round): \(a.raw) \(results[0]) · \(b.raw) \(results[1]) · enrolled \(c.enrolledCount)/\(c.capacity)")
        // Free the place again: the waitlisted first, so nobody is promoted.
        do {
            for w in c.waitlist.map(\.cadre) { try desk.perform(Withdraw(w, from: course, reason: "race reset"), as: admin) }
            for m in desk.state.centre.courses[course]!.enrolled { try desk.perform(Withdraw(m, from: course, reason: "race reset"), as: admin) }
        } catch { fail("reset failed: \(error)") }
    }
    try? FileManager.default.removeItem(atPath: barrier)
    say("rounds \(rounds) enrolled-once \(once) double \(double) waitlisted \(waitlisted) refused \(refused)")

default:
    fail("usage: centre-race enrol|race …")
}
