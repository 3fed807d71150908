import Foundation
import Testing

/// Two real processes enrol at the same moment in a class with one place
/// left, 200 times (`centre-race`, a test-only executable: each round starts
/// two `centre-race enrol` children that wait for a barrier file).
@Suite(.serialized) struct CentreRaceTests {
    static var racer: String { Binaries.directory.appendingPathComponent("centre-race").path }

    @Test func twoTerminalsBookingTheLastPlaceTwoHundredTimesEnrolExactlyOneEachTime() throws {
        let dir = TempDir()
        let path = dir.file("race.log")
        let rounds = 200
        let (status, output) = try run(Self.racer, ["race", "--log", path, "--rounds", String(rounds)])
        #expect(status == 0, "\(output.suffix(2000))")
        let lines = output.split(separator: "\n").map(String.init)
        let results = lines.filter { $0.hasPrefix("round ") }
        #expect(results.count == rounds)
        // Every round: one "enrolled", the other waitlisted first (or refused with a reason).
        for r in results {
            let enrolled = r.components(separatedBy: " enrolled ·").count - 1
            #expect(enrolled == 1, "\(r)")
            #expect(r.contains("waitlisted 1") || r.contains("refused"), "\(r)")
        }
        #expect(lines.last == "rounds \(rounds) enrolled-once \(rounds) double 0 waitlisted \(rounds) refused 0", "\(lines.last ?? "")")

        // Read the log's lines on our own: at no moment were two people in the one place.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var inClass = Set<String>(), most = 0, enrolments = 0, waitlistings = 0
        for line in text.split(separator: "\n") {
            guard let space = line.firstIndex(of: " "),
                  let json = try JSONSerialization.jsonObject(with: Data(line[line.index(after: space)...].utf8)) as? [String: Any],
                  let type = json["type"] as? String, let data = json["data"] as? [String: Any],
                  let cadre = data["cadre"] as? String, data["course"] != nil else { continue }
            switch type {
            case "class.enrolled": inClass.insert(cadre); enrolments += 1
            case "class.promoted": inClass.insert(cadre)
            case "class.withdrawn": inClass.remove(cadre)
            case "class.waitlisted": waitlistings += 1; #expect(data["position"] as? Int == 1)
            default: break
            }
            most = max(most, inClass.count)
        }
        #expect(most == 1, "double enrolments: the class held \(most) at once")
        #expect(enrolments == rounds)
        #expect(waitlistings == rounds)

        let (verify, report) = try run(Binaries.cadredesk, ["verify", "--log", path])
        #expect(verify == 0, "\(report)")
    }
}
