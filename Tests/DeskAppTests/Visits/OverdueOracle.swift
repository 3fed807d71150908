import Foundation

/// Overdue must-visit items per staff member, computed from the raw lines of
/// a log file — JSON read with Foundation, the rules written again from the
/// issue's wording (and the field defaults), no DeskCore code — so a screen's
/// counts can be checked against something that did not produce them.
struct OverdueOracle {
    struct Day: Comparable, Hashable {
        var n: Int  // days since 1970-01-01
        init(_ n: Int) { self.n = n }
        init?(_ s: String) {
            let p = s.prefix(10).split(separator: "-").compactMap { Int($0) }
            guard p.count == 3 else { return nil }
            var c = DateComponents()
            (c.year, c.month, c.day) = (p[0], p[1], p[2])
            guard let d = OverdueOracle.utc.date(from: c) else { return nil }
            n = Int((d.timeIntervalSince1970 / 86_400).rounded())
        }
        var parts: (y: Int, m: Int, d: Int) {
            let c = OverdueOracle.utc.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(n) * 86_400))
            return (c.year!, c.month!, c.day!)
        }
        static func < (a: Day, b: Day) -> Bool { a.n < b.n }
        static func + (a: Day, k: Int) -> Day { Day(a.n + k) }
        static func ymd(_ y: Int, _ m: Int, _ d: Int) -> Day {
            var c = DateComponents()
            (c.year, c.month, c.day) = (y, m, d)
            return Day(Int((OverdueOracle.utc.date(from: c)!.timeIntervalSince1970 / 86_400).rounded()))
        }
    }

    static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    struct Absence { var from, to: Day; var backup: String; var id: String; var cancelled = false }
    struct Person { var active = true; var absences: [Absence] = [] }
    struct Cadre {
        var born: Day
        var lixiu: Bool
        var care: Int?
        var contact: String?
        var hospital: Day?
        var elsewhere: Day?
        var died: Day?
        var widowed: Day?
    }
    struct Visit {
        var cadres: [String]
        var day: Day
        var minute: Int  // minutes since 1970 (local), for "latest"
        var kind: String
        var occasion: String
        var followUp: Day?
        var voided = false
        var order: Int
    }

    var staff: [String: Person] = [:]
    var cadres: [String: Cadre] = [:]
    var visits: [String: Visit] = [:]

    /// Reads every record of the log (envelope, then `data`).
    init(logPath: String) throws {
        let text = try String(contentsOfFile: logPath, encoding: .utf8)
        var order = 0
        for line in text.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            let json = line[line.index(after: space)...]
            guard let env = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
                  let type = env["type"] as? String, let data = env["data"] as? [String: Any] else { continue }
            order += 1
            apply(type, data, order: order)
        }
    }

    private mutating func apply(_ type: String, _ d: [String: Any], order: Int) {
        func day(_ k: String, _ o: [String: Any] = [:]) -> Day? { ((o.isEmpty ? d : o)[k] as? String).flatMap(Day.init) }
        switch type {
        case "staff.added":
            let s = d["staff"] as! [String: Any]
            staff[s["id"] as! String] = Person(active: s["active"] as? Bool ?? true)
        case "staff.active":
            staff[d["id"] as! String]?.active = d["active"] as! Bool
        case "staff.absence":
            let a = d["absence"] as! [String: Any]
            staff[d["staff"] as! String]?.absences.append(Absence(from: day("from", a)!, to: day("to", a)!, backup: a["backup"] as! String,
                                                                  id: a["id"] as! String, cancelled: a["cancelled"] as? Bool ?? false))
        case "staff.absence_off":
            let who = d["staff"] as! String, id = d["absence"] as! String
            if let i = staff[who]?.absences.firstIndex(where: { $0.id == id }) { staff[who]!.absences[i].cancelled = true }
        case "cadre.added":
            let c = d["cadre"] as! [String: Any]
            cadres[c["id"] as! String] = Cadre(born: day("birthDate", c)!, lixiu: c["category"] as? String == "lixiu",
                                               care: c["careLevel"] as? Int, contact: c["contact"] as? String,
                                               hospital: day("hospitalisedSince", c),
                                               elsewhere: (c["livingElsewhere"] as? [String: Any]).flatMap { day("since", $0) },
                                               died: day("deceasedOn", c), widowed: day("widowedOn", c))
        case "cadre.updated":
            let id = d["id"] as! String
            if let b = day("birthDate") { cadres[id]?.born = b }
            if let k = d["category"] as? String { cadres[id]?.lixiu = k == "lixiu" }
        case "cadre.care_level": cadres[d["id"] as! String]?.care = d["level"] as? Int
        case "cadre.contact": cadres[d["id"] as! String]?.contact = d["contact"] as? String
        case "cadre.hospitalised": cadres[d["id"] as! String]?.hospital = day("on")
        case "cadre.discharged": cadres[d["id"] as! String]?.hospital = nil
        case "cadre.moved_away": cadres[d["id"] as! String]?.elsewhere = day("since")
        case "cadre.returned": cadres[d["id"] as! String]?.elsewhere = nil
        case "cadre.deceased":
            cadres[d["id"] as! String]?.died = day("on")
            cadres[d["id"] as! String]?.hospital = nil
        case "cadre.widowed": cadres[d["id"] as! String]?.widowed = day("on")
        case "visit.logged", "visit.amended":
            let v = d["visit"] as! [String: Any]
            let at = v["at"] as! String  // "2026-11-23 09:30"
            let dd = Day(at)!
            let hm = at.split(separator: " ").last!.split(separator: ":").compactMap { Int($0) }
            let id = v["id"] as! String
            let voided = visits[id]?.voided ?? false
            if type == "visit.logged", visits[id] != nil { return }
            visits[id] = Visit(cadres: v["cadres"] as! [String], day: dd, minute: dd.n * 1440 + hm[0] * 60 + hm[1],
                               kind: v["kind"] as! String, occasion: v["occasion"] as! String, followUp: day("followUp", v),
                               voided: voided, order: visits[id]?.order ?? order)
        case "visit.voided": visits[d["id"] as! String]?.voided = true
        default: break
        }
    }

    // MARK: The rules, as the issue states them (field defaults)

    static let careInterval = [1: 15, 2: 30, 3: 90]
    static let faceToFace: Set<String> = ["home", "hospital", "festival", "birthday", "study", "comfort", "condolence"]
    static let contact: Set<String> = faceToFace.union(["phone"])

    /// Who does `contact`'s work on `day`: the person, or down the chain of backups while each is away.
    func assignee(_ contact: String?, on day: Day) -> String? {
        guard var current = contact else { return nil }
        var seen: Set<String> = []
        while true {
            guard let p = staff[current], p.active else { return nil }
            guard let away = p.absences.first(where: { !$0.cancelled && $0.from <= day && day <= $0.to }) else { return current }
            guard seen.insert(current).inserted else { return nil }
            current = away.backup
        }
    }

    /// The festivals' days (lunar 1-1, 8-15, 9-9) near `day`, by Foundation's Chinese calendar.
    static func festivalDays(near day: Day) -> [Day] {
        var chinese = Calendar(identifier: .chinese)
        chinese.timeZone = TimeZone(identifier: "UTC")!
        var out: [Day] = []
        for n in (day.n - 30)...(day.n + 30) {
            let c = chinese.dateComponents([.month, .day, .isLeapMonth], from: Date(timeIntervalSince1970: Double(n) * 86_400))
            if c.isLeapMonth == true { continue }
            if [(1, 1), (8, 15), (9, 9)].contains(where: { $0 == (c.month!, c.day!) }) { out.append(Day(n)) }
        }
        return out
    }

    /// Overdue items on `day`, per assignee (nil: nobody).
    func overdue(on day: Day) -> [String?: Int] {
        var out: [String?: Int] = [:]
        var byCadre: [String: [Visit]] = [:]
        for v in visits.values where !v.voided && v.day <= day { for c in v.cadres { byCadre[c, default: []].append(v) } }
        let festivals = Self.festivalDays(near: day)
        for (id, c) in cadres {
            let vs = byCadre[id] ?? []
            func done(since from: Day, _ ok: (Visit) -> Bool) -> Bool { vs.contains { $0.day >= from && ok($0) } }
            var n = 0
            if let died = c.died, died <= day {
                // Only the condolence to the family: within 3 days, shown for 30 more.
                if day > died + 3, day <= died + 33, !done(since: died, { $0.kind == "condolence" || $0.occasion == "bereavement" }) { n += 1 }
                if n > 0 { out[assignee(c.contact, on: day), default: 0] += n }
                continue
            }
            let elsewhere = c.elsewhere.map { $0 <= day } ?? false
            // Care level: a home visit (one cadre alone) every 15/30/90 days; by phone for a cadre living elsewhere.
            if let level = c.care, let interval = Self.careInterval[level] {
                let last = vs.filter { elsewhere ? Self.contact.contains($0.kind) : (Self.faceToFace.contains($0.kind) && $0.cadres.count == 1) }
                    .map(\.day).max()
                if let last, day > last + interval { n += 1 }
            }
            // One contact a month: overdue when there was none this month nor last month (but one before).
            let (y, m, _) = day.parts
            let monthStart = Day.ymd(y, m, 1)
            let previousStart = m == 1 ? Day.ymd(y - 1, 12, 1) : Day.ymd(y, m - 1, 1)
            if let last = vs.filter({ Self.contact.contains($0.kind) }).map(\.day).max(), last < previousStart, last < monthStart { n += 1 }
            // Birthday: greetings from 7 days before to the day; overdue after it, dropped 30 days later.
            let (by, bm, bd) = c.born.parts
            for year in (y - 1)...(y + 1) where year > by {
                let last = Self.utc.range(of: .day, in: .month, for: Self.utc.date(from: DateComponents(year: year, month: bm))!)!.count
                let b = Day.ymd(year, bm, min(bd, last))
                if day > b, day <= b + 30, !done(since: b + -7, { $0.kind == "birthday" }) { n += 1 }
            }
            // In hospital: a hospital visit within 3 days of admission (no lapse).
            if let a = c.hospital, a <= day, day > a + 3, !done(since: a, { $0.kind == "hospital" }) { n += 1 }
            // Spouse died: a visit within 3 days, shown for 30 more.
            if let w = c.widowed, w <= day, day > w + 3, day <= w + 33,
               !done(since: w, { $0.kind == "condolence" || $0.occasion == "bereavement" }) { n += 1 }
            // Festivals: greetings to 离休 and care-level cadres in the 14 days before; shown 7 days after.
            if c.lixiu || c.care != nil {
                for f in festivals where day > f && day <= f + 7 {
                    if !done(since: f + -14, { $0.kind == "festival" || (elsewhere && $0.occasion == "festival") }) { n += 1 }
                }
            }
            // Follow-up: the latest visit that set one, unless a contact came after it.
            if let setter = vs.filter({ $0.followUp != nil }).max(by: { ($0.minute, $0.order) < ($1.minute, $1.order) }),
               let f = setter.followUp, day > f,
               !vs.contains(where: { Self.contact.contains($0.kind) && $0.minute > setter.minute }) {
                n += 1
            }
            if n > 0 { out[assignee(c.contact, on: day), default: 0] += n }
        }
        return out
    }
}
