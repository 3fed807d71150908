// Child process for the log's multi-process tests (not shipped to users).
//
//   desklog-stress write --log PATH --count N --writer NAME --seed S
//       appends N events of random sizes (some lines over 4 KB), printing
//       "ack <seq> <uuid>" only after each append returned success.
//   desklog-stress read --log PATH --until N --timeout SECONDS
//       follows the log until it has seen N records; exits 3 if it ever saw
//       damage, 4 on timeout; prints "read <records> polls <n> tails <t>".
//   desklog-stress scan --log PATH --seconds S [--slow-us U]
//       opens the log again and again and reads it whole (mapped where it
//       may be, by pread where not) for S seconds; exits 3 on damage, and a
//       mapped page a writer cut off would kill it (SIGBUS); prints
//       "scans <n> mapped <m> records <last count>".
import DeskLog
import Foundation

/// Unbuffered, so what the parent reads is exactly what was acknowledged.
func say(_ line: String) { FileHandle.standardOutput.write((line + "\n").data(using: .utf8)!) }
let args = CommandLine.arguments
func value(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
guard args.count > 1, let path = value("--log") else {
    FileHandle.standardError.write("usage: desklog-stress write|read --log PATH …\n".data(using: .utf8)!)
    exit(64)
}

struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let syllables = Array("老干部服务中心走访慰问热线工单活动室签到满意度离休退休社区党支部书画乒乓门球太极")

/// Whether the log's last read ended in a torn tail; exits 3 on damage or a newer writer's record.
func endsTorn(_ log: EventLog) -> Bool {
    switch log.end {
    case .corrupt(let c): say("damage \(c)"); exit(3)
    case .newer(let n): say("newer \(n)"); exit(3)
    case .tornTail: return true
    case .clean: return false
    }
}

switch args[1] {
case "write":
    let count = Int(value("--count") ?? "100")!
    let writer = value("--writer") ?? "w"
    var rng = SplitMix(state: UInt64(value("--seed") ?? "1")!)
    var o = EventLog.Options()
    o.create = true
    let log: EventLog
    do { log = try EventLog(path: path, options: o) } catch { say("open failed: \(error)"); exit(2) }
    for i in 0..<count {
        let roll = Int.random(in: 0..<100, using: &rng)
        let chars = roll < 80 ? Int.random(in: 10...100, using: &rng) : roll < 95 ? Int.random(in: 300...1400, using: &rng) : Int.random(in: 1400...3000, using: &rng)
        let scope = String((0..<chars).map { _ in syllables[Int.random(in: 0..<syllables.count, using: &rng)] })
        let data = JSON.object(JSONObject([
            .init(key: "what", value: .string("stress")), .init(key: "scope", value: .string(scope)),
            .init(key: "rows", value: .int(Int64(i))), .init(key: "file", value: .string(writer)),
        ]))
        let draft = EventDraft(type: "export.made", data: data)
        do {
            let written = try log.append(by: "S001") { _ in [draft] }
            say("ack \(written[0].seq) \(draft.id.uuidString.lowercased())")
        } catch {
            say("fail \(error)")
            exit(1)
        }
    }
case "read":
    let until = Int(value("--until") ?? "0")!
    let deadline = Date().addingTimeInterval(Double(value("--timeout") ?? "120")!)
    var o = EventLog.Options()
    o.readOnly = true
    var log: EventLog?
    while log == nil {
        log = try? EventLog(path: path, options: o)
        if log == nil { usleep(2000) }
        if Date() > deadline { exit(4) }
    }
    var seen = 0, polls = 0, tails = 0
    while seen < until {
        do { seen += try log!.poll { _ in } } catch { say("read error \(error)"); exit(3) }
        polls += 1
        if endsTorn(log!) { tails += 1 }
        if Date() > deadline { say("timeout at \(seen)"); exit(4) }
        usleep(500)
    }
    say("read \(seen) polls \(polls) tails \(tails)")
case "scan":
    let deadline = Date().addingTimeInterval(Double(value("--seconds") ?? "5")!)
    let slow = UInt32(value("--slow-us") ?? "0")!
    var o = EventLog.Options()
    o.readOnly = true
    var scans = 0, mapped = 0, records = 0
    while Date() < deadline {
        guard let log = try? EventLog(path: path, options: o) else { usleep(2000); continue }
        // A slow reader (`--slow-us`: a pause per record before it reads the
        // record's last byte) still reads bytes long after it mapped them.
        do {
            records = try log.poll(decode: { r -> UInt8 in
                if slow > 0 { usleep(slow) }
                return r.data.last ?? 0
            }, apply: { _, _ in })
        } catch { say("scan error \(error)"); exit(3) }
        _ = endsTorn(log)
        scans += 1
        if log.bytesMapped > 0 { mapped += 1 }
    }
    say("scans \(scans) mapped \(mapped) records \(records)")
default:
    exit(64)
}
