import ArgumentParser
import DeskCore
import Foundation

/// Issue 6's figures: deadlines of 10,000 open tickets (≤ 20 ms) and the
/// phone lookup while typing at 20,000 cadres (p99 ≤ 5 ms), with the other
/// hotline measurements the domain offers (queues, reminders, statistics).
struct HotlineBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hotline",
                                                    abstract: "Ticket deadlines, queues and the phone lookup at intake.")

    @Option(help: "Samples per hotline figure.")
    var samples = 30
    @Option(help: "Cadres whose numbers are typed, keystroke by keystroke, in the phone lookup.")
    var people = 200

    func run() throws {
        print("hotline: 10000 open + 20000 closed tickets, 15000 cadres, 20 handlers (seeded)")
        var deadlines: Stats?
        for r in HotlineBenchmarks.all(samples: samples) {
            let s = Stats(r.samplesMs)
            print("  \(r.name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(s.summary)  — \(r.unit)")
            if r.name == "hotline.deadlines" { deadlines = s }
        }
        if let d = deadlines {
            print(verdict("deadlines of 10000 open tickets ≤ 20 ms (median)", d.median <= 20))
            print(verdict("deadlines of 10000 open tickets ≤ 20 ms (p99)", d.p99 <= 20))
        }

        print("\nphone lookup while typing, 20000 cadres, one sample per keystroke (\(people) people)")
        let search = try RosterBenchmarks.search(cadres: 20_000, people: people)
        let phone = Stats(search["phone"] ?? []), last4 = Stats(search["phone_last4"] ?? [])
        print("  whole number, digit by digit  \(phone.summary)")
        print("  last 4 digits                 \(last4.summary)")
        let both = Stats((search["phone"] ?? []) + (search["phone_last4"] ?? []))
        print(verdict("phone lookup p99 ≤ 5 ms", both.p99 <= 5))
    }
}
