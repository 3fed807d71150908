import ArgumentParser
import CSQLite
import DeskCore
import Foundation

/// Issue figures for the dashboard on a large log (15,000 cadres, 5 years,
/// about a million events): the year's dashboard right after open, switching
/// periods, and the same aggregates computed by SQLite with GROUP BY over
/// tables of the same events (in memory, indexed, statements prepared),
/// measured in the same run.
struct DashboardBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dashboard",
                                                    abstract: "The year's dashboard and period switching vs SQLite GROUP BY on the same events.")

    @Option(help: "The log to measure (e.g. cadredesk sample --cadres 15000 --years 5 --out /work/benchdata/dashboard-15k-5y.log).")
    var log: String
    @Option(help: "The day the figures are for (the sample's last day).")
    var today = "2026-11-23"
    @Option(help: "Repetitions of each measurement.")
    var samples = 15
    @Flag(help: "Also time each part of the year's dashboard on its own (one thread).")
    var parts = false
    @Flag(help: "Leave out the SQLite baseline (quicker, for working on one part).")
    var noBaseline = false

    func run() throws {
        guard let day = LocalDate(today) else { throw ValidationError("bad --today") }
        let now = LocalDateTime(day, LocalTime(16, 0))
        let (desk, openMs) = try DashboardBenchmarks.open(log, now: now)
        let state = desk.state
        print("log: \(log)")
        print("  \(desk.log.lastSeq) events, \(state.roster.count) cadres, \(state.visits.count) visits, \(state.tickets.count) tickets, "
              + "\(state.centre.bookings.count) bookings; opened and folded in \(String(format: "%.0f", openMs)) ms")

        let first = DashboardBenchmarks.firstYear(state, now: now)
        let again = Stats(DashboardBenchmarks.year(state, now: now, samples: samples))
        let switching = Stats(DashboardBenchmarks.switching(state, now: now, rounds: max(2, samples / 3)))
        let recomputing = Stats(DashboardBenchmarks.switching(state, now: now, rounds: max(2, samples / 3), reuse: false))

        if parts {
            print("\nparts of the year's dashboard, each alone on one thread (median of \(samples))")
            for (name, ms) in DashboardBenchmarks.parts(state, now: now, samples: samples) {
                print("  " + name.padding(toLength: 24, withPad: " ", startingAt: 0) + String(format: "%7.1f ms", ms))
            }
        }
        if noBaseline {
            print("\nyear's dashboard: first after open \(String(format: "%.1f", first)) ms; again \(again.summary)")
            print("  switching period         \(switching.summary)")
            print("  … recomputing everything \(recomputing.summary)")
            return
        }
        let built = ContinuousClock.now
        let rows = DashboardBaseline(state, now: now)
        let db = try SQLiteDashboard(rows)
        let buildMs = (ContinuousClock.now - built).milliseconds
        let year = DashboardPeriod.current(.year, today: day)
        _ = try db.aggregates(year, now: now)  // warm the page cache and statement plans
        var sql: [Double] = [], ours: [Double] = []
        for _ in 0..<samples {
            // Alternate, so both see the same machine conditions.
            sql.append(try timed { _ = try db.aggregates(year, now: now) })
            ours.append(timed { _ = state.dashboard(year, now: now) })
        }
        let s = Stats(sql), o = Stats(ours)
        print("\nyear's dashboard (\(year.period), with the same span a year earlier)")
        print(String(format: "  first after open         %.1f ms", first))
        print("  again                    \(again.summary)")
        print("  switching period         \(switching.summary)  (week, month, quarter, year, last month, custom across New Year)")
        print("  … recomputing everything \(recomputing.summary)  (same switches, nothing reused: the baseline)")
        print(String(format: "  ratio of medians (reusing/recomputing): %.2f", switching.median / recomputing.median))
        print("\nSQLite baseline: \(rows.rowCount) rows in 12 tables built from the same log (\(String(format: "%.0f", buildMs)) ms, not timed)")
        print("  SQLite GROUP BY          \(s.summary)")
        print("  CadreDesk (same run)     \(o.summary)")
        print(String(format: "  ratio of medians (ours/SQLite): %.2f   p99 ratio: %.2f", o.median / s.median, o.p99 / s.p99))
        print(verdict("target first year's dashboard after open ≤ 200 ms", first <= 200))
        print(verdict("target switching period p99 ≤ 100 ms", switching.p99 <= 100))
        print(verdict("target no slower than SQLite (ratio ≤ 1.0)", o.median <= s.median))
        print("  (SQLite computes: visits by kind/occasion/staff/week, totals, needs, money; coverage per month and every month;")
        print("   must-visit occasions by outcome; hotline by category, medians, ratings, overdue; rooms' open and booked")
        print("   minutes; check-ins, bookings, no-shows; classes; roster groups, ages and lists; workload. CadreDesk also")
        print("   computes today's due items for every cadre, which SQLite is not asked to.)")
    }
}

/// The baseline: the rows in an in-memory SQLite database with indexes, and
/// one prepared statement per aggregate.
final class SQLiteDashboard {
    private var db: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]

    init(_ rows: DashboardBaseline) throws {
        guard sqlite3_open(":memory:", &db) == SQLITE_OK else { throw ValidationError("sqlite open failed") }
        try exec("""
        CREATE TABLE cadres(id TEXT PRIMARY KEY, category TEXT, rank TEXT, birth TEXT, deceased INT, hospitalised INT, elsewhere INT,
          widowed INT, health TEXT, living TEXT, marital TEXT, hardship INT, care_level INT, contact TEXT, party TEXT);
        CREATE TABLE visits(id TEXT PRIMARY KEY, day INT, stamp INT, kind TEXT, occasion TEXT, in_person INT, money INT, needs INT,
          ncadres INT, followup INT);
        CREATE TABLE visit_cadres(visit TEXT, cadre TEXT, day INT, stamp INT, month INT, kind TEXT, occasion TEXT, contact INT);
        CREATE TABLE visit_staff(visit TEXT, staff TEXT, day INT);
        CREATE TABLE tickets(id TEXT PRIMARY KEY, opened INT, category TEXT, closed INT, in_time INT, worked INT, callback_done INT,
          overdue_now INT, assignee TEXT, open INT);
        CREATE TABLE callbacks(ticket TEXT, day INT, rating TEXT);
        CREATE TABLE room_days(room TEXT, day INT, open_minutes INT);
        CREATE TABLE bookings(id TEXT PRIMARY KEY, room TEXT, day INT, start INT, end INT, releasable INT, active INT, occupying INT,
          no_show INT, course TEXT, start_stamp INT);
        CREATE TABLE checkins(day INT, cadre TEXT);
        CREATE TABLE members(course TEXT, cadre TEXT, since INT, until INT);
        CREATE TABLE presence(booking TEXT, cadre TEXT);
        CREATE TABLE courses(id TEXT PRIMARY KEY, capacity INT, term_start INT, term_end INT, waiting INT);
        CREATE TABLE festivals(rule TEXT, day INT, audience TEXT);
        CREATE TABLE months(month INT PRIMARY KEY, start_day INT, end_day INT);
        """)
        try exec("BEGIN")
        try insert("INSERT INTO cadres VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows.cadres) { c in
            [.text(c.id), .text(c.category), .text(c.rank), .text(c.birth), .int(c.deceased), .int(c.hospitalised), .int(c.elsewhere), .int(c.widowed),
             .text(c.health), .text(c.living), .text(c.marital), .int(c.hardship ? 1 : 0), .int(c.careLevel), .text(c.contact), .text(c.partyBranch)]
        }
        try insert("INSERT INTO visits VALUES(?,?,?,?,?,?,?,?,?,?)", rows.visits) { v in
            [.text(v.id), .int(v.day), .int(v.stamp), .text(v.kind), .text(v.occasion), .int(v.inPerson ? 1 : 0), .int(Int(v.moneyFen)),
             .int(v.needs), .int(v.cadres.count), .int(v.followUp)]
        }
        try insert("INSERT INTO visit_cadres VALUES(?,?,?,?,?,?,?,?)", rows.visits.flatMap { v in v.cadres.map { (v, $0) } }) { v, c in
            let d = LocalDate(dayNumber: v.day)
            return [.text(v.id), .text(c), .int(v.day), .int(v.stamp), .int(d.year * 12 + d.month - 1), .text(v.kind), .text(v.occasion),
                    .int(v.contact ? 1 : 0)]
        }
        try insert("INSERT INTO visit_staff VALUES(?,?,?)", rows.visits.flatMap { v in v.staff.map { (v, $0) } }) { v, s in
            [.text(v.id), .text(s), .int(v.day)]
        }
        try insert("INSERT INTO tickets VALUES(?,?,?,?,?,?,?,?,?,?)", rows.tickets) { t in
            [.text(t.id), .int(t.opened), .text(t.category), .int(t.closed), .int(t.inTime ? 1 : 0), .int(t.worked), .int(t.callbackDone ? 1 : 0),
             .int(t.overdueNow ? 1 : 0), .text(t.assignee), .int(t.open ? 1 : 0)]
        }
        try insert("INSERT INTO callbacks VALUES(?,?,?)", rows.callbacks) { [.text($0.ticket), .int($0.day), .text($0.rating)] }
        try insert("INSERT INTO room_days VALUES(?,?,?)", rows.roomDays) { [.text($0.room), .int($0.day), .int($0.openMinutes)] }
        try insert("INSERT INTO bookings VALUES(?,?,?,?,?,?,?,?,?,?,?)", rows.bookings) { b in
            [.text(b.id), .text(b.room), .int(b.day), .int(b.start), .int(b.end), .int(b.releasable ? 1 : 0), .int(b.active ? 1 : 0),
             .int(b.occupying ? 1 : 0), .int(b.noShow ? 1 : 0), .text(b.course), .int(b.startStamp)]
        }
        try insert("INSERT INTO checkins VALUES(?,?)", rows.checkIns) { [.int($0.day), .text($0.cadre)] }
        try insert("INSERT INTO members VALUES(?,?,?,?)", rows.members) { [.text($0.course), .text($0.cadre), .int($0.since), .int($0.until)] }
        try insert("INSERT INTO presence VALUES(?,?)", rows.presence) { [.text($0.booking), .text($0.cadre)] }
        try insert("INSERT INTO courses VALUES(?,?,?,?,?)", rows.courses) { [.text($0.id), .int($0.capacity), .int($0.termStart), .int($0.termEnd), .int($0.waiting)] }
        try insert("INSERT INTO festivals VALUES(?,?,?)", rows.festivals) { [.text($0.rule), .int($0.day), .text($0.audience)] }
        var m = LocalDate(1990, 1, 1)
        var months: [(Int, Int, Int)] = []
        while m.year < 2100 {
            months.append((m.year * 12 + m.month - 1, m.dayNumber, m.lastOfMonth.dayNumber))
            m = m.adding(months: 1)
        }
        try insert("INSERT INTO months VALUES(?,?,?)", months) { [.int($0.0), .int($0.1), .int($0.2)] }
        try exec("COMMIT")
        try exec("""
        CREATE INDEX visits_day ON visits(day);
        CREATE INDEX vc_day ON visit_cadres(day);
        CREATE INDEX vc_cadre ON visit_cadres(cadre, stamp);
        CREATE INDEX vs_day ON visit_staff(day);
        CREATE INDEX visits_followup ON visits(followup);
        CREATE INDEX tickets_opened ON tickets(opened);
        CREATE INDEX tickets_closed ON tickets(closed);
        CREATE INDEX callbacks_day ON callbacks(day);
        CREATE INDEX room_days_day ON room_days(day);
        CREATE INDEX bookings_day ON bookings(day);
        CREATE INDEX bookings_course ON bookings(course, day);
        CREATE INDEX checkins_day ON checkins(day);
        CREATE INDEX members_course ON members(course);
        CREATE INDEX presence_booking ON presence(booking, cadre);
        CREATE INDEX festivals_day ON festivals(day);
        ANALYZE;
        """)
        for (name, sql) in Self.queries {
            var st: OpaquePointer?
            guard sqlite3_prepare_v2(db, sql, -1, &st, nil) == SQLITE_OK, let st else {
                throw ValidationError("sqlite prepare \(name): \(String(cString: sqlite3_errmsg(db)))")
            }
            statements[name] = st
        }
    }

    deinit {
        for st in statements.values { sqlite3_finalize(st) }
        sqlite3_close(db)
    }

    /// Every aggregate for the period and the same span a year earlier, plus the "now" ones once.
    /// Returns a checksum of every value read (so nothing is optimised away).
    func aggregates(_ p: DashboardPeriod, now: LocalDateTime) throws -> Int {
        var sum = 0
        for span in [p.period, p.yearEarlier.period] {
            let a = span.start.dayNumber, b = span.end.dayNumber
            let end = min(span.end, now.date), asOf = now.date.dayNumber
            let monday = span.start.startOfWeek.dayNumber
            let months = span.months.count
            let firstMonth = span.start.year * 12 + span.start.month - 1, lastMonth = span.end.year * 12 + span.end.month - 1
            for name in ["visits_by_kind", "visits_by_occasion", "visits_by_staff", "visit_totals", "visits_by_week",
                         "tickets_by_category", "ticket_minutes", "ratings", "tickets_by_week", "room_open", "room_booked",
                         "bookings", "checkins", "checkins_by_week"] {
                sum &+= try query(name, [.int(a), .int(b), .int(monday)])
            }
            sum &+= try query("coverage_contacted", [.int(a), .int(b)])
            sum &+= try query("coverage_living", [.int(firstMonth), .int(lastMonth), .int(b)])
            sum &+= try query("coverage_every", [.int(a), .int(b), .int(months)])
            for y in Set([span.start.year, span.end.year]) {
                sum &+= try query("occ_birthday", [.int(a), .int(b), .int(asOf), .text(String(format: "%04d", y)), .int(y)])
            }
            for name in ["occ_festival", "occ_hospital", "occ_bereavement", "occ_condolence", "occ_followup"] {
                sum &+= try query(name, [.int(a), .int(b), .int(asOf)])
            }
            sum &+= try query("class_enrolled", [.int(a), .int(b), .int(end.dayNumber)])
            sum &+= try query("class_sessions", [.int(a), .int(b), .int(now.minutes)])
            for d in [span.start.adding(days: -1), end] {
                let dt = d.description
                sum &+= try query("roster_groups", [.text(dt), .int(d.dayNumber)])
                sum &+= try query("roster_lists", [.int(d.dayNumber), .text(String(format: "%04d", d.year - 80) + dt.dropFirst(4))])
            }
        }
        for name in ["overdue_now", "workload_cadres", "workload_tickets"] { sum &+= try query(name, []) }
        return sum
    }

    // MARK: SQL

    static let queries: [(String, String)] = [
        ("visits_by_kind", "SELECT kind, COUNT(*), SUM(ncadres) FROM visits WHERE day BETWEEN ?1 AND ?2 GROUP BY kind"),
        ("visits_by_occasion", "SELECT occasion, COUNT(*) FROM visits WHERE day BETWEEN ?1 AND ?2 GROUP BY occasion"),
        ("visits_by_staff", "SELECT staff, COUNT(*) FROM visit_staff WHERE day BETWEEN ?1 AND ?2 GROUP BY staff"),
        ("visit_totals", """
            SELECT COUNT(*), SUM(ncadres), SUM(money * ncadres), SUM(needs), SUM(needs > 0), SUM(CASE WHEN in_person THEN ncadres ELSE 0 END)
            FROM visits WHERE day BETWEEN ?1 AND ?2
            """),
        ("visits_by_week", "SELECT (day - ?3) / 7, COUNT(*) FROM visits WHERE day BETWEEN ?1 AND ?2 GROUP BY 1"),
        ("coverage_contacted", "SELECT month, COUNT(DISTINCT cadre) FROM visit_cadres WHERE contact AND day BETWEEN ?1 AND ?2 GROUP BY month"),
        ("coverage_living", """
            SELECT m.month, COUNT(*) FROM months m JOIN cadres c ON c.deceased IS NULL OR c.deceased > MIN(m.end_day, ?3)
            WHERE m.month BETWEEN ?1 AND ?2 GROUP BY m.month
            """),
        ("coverage_every", """
            SELECT COUNT(*) FROM (SELECT vc.cadre FROM visit_cadres vc JOIN cadres c ON c.id = vc.cadre
              WHERE vc.contact AND vc.day BETWEEN ?1 AND ?2 AND (c.deceased IS NULL OR c.deceased > ?2)
              GROUP BY vc.cadre HAVING COUNT(DISTINCT vc.month) = ?3)
            """),
        ("occ_birthday", """
            WITH b AS (SELECT id, CAST(julianday(?4 || substr(birth, 5)) - 2440587.5 AS INT) AS due FROM cadres
                       WHERE (deceased IS NULL OR deceased > ?1) AND CAST(substr(birth, 1, 4) AS INT) < ?5),
                 j AS (SELECT due, (SELECT MIN(v.day) FROM visit_cadres v WHERE v.cadre = b.id AND v.kind = 'birthday'
                                    AND v.stamp >= (b.due - 7) * 1440 AND v.day <= ?3) AS met
                       FROM b WHERE due BETWEEN ?1 AND ?2)
            SELECT CASE WHEN met <= due THEN 'onTime' WHEN met <= due + 30 THEN 'late' WHEN ?3 <= due + 30 THEN 'open' ELSE 'missed' END, COUNT(*)
            FROM j GROUP BY 1
            """),
        ("occ_festival", """
            WITH j AS (SELECT f.day AS due, (SELECT MIN(v.day) FROM visit_cadres v WHERE v.cadre = c.id AND v.stamp >= (f.day - 14) * 1440
                              AND v.day <= ?3 AND (v.kind = 'festival' OR (c.elsewhere <= f.day AND v.occasion = 'festival'))) AS met
                       FROM festivals f JOIN cadres c ON (c.deceased IS NULL OR c.deceased > f.day)
                         AND ((f.audience = 'lixiuAndCareLevel' AND (c.category = 'lixiu' OR c.care_level IS NOT NULL))
                              OR (f.audience = 'partyMembers' AND c.party <> '') OR f.audience = 'everyone')
                       WHERE f.day BETWEEN ?1 AND ?2)
            SELECT CASE WHEN met <= due THEN 'onTime' WHEN met <= due + 7 THEN 'late' WHEN ?3 <= due + 7 THEN 'open' ELSE 'missed' END, COUNT(*)
            FROM j GROUP BY 1
            """),
        ("occ_hospital", """
            WITH j AS (SELECT hospitalised + 3 AS due, (SELECT MIN(v.day) FROM visit_cadres v WHERE v.cadre = c.id AND v.kind = 'hospital'
                              AND v.stamp >= c.hospitalised * 1440 AND v.day <= ?3) AS met
                       FROM cadres c WHERE hospitalised + 3 BETWEEN ?1 AND ?2)
            SELECT CASE WHEN met <= due THEN 'onTime' WHEN met <= due + 30 THEN 'late' WHEN ?3 <= due + 30 THEN 'open' ELSE 'missed' END, COUNT(*)
            FROM j GROUP BY 1
            """),
        ("occ_bereavement", """
            WITH j AS (SELECT widowed + 3 AS due, (SELECT MIN(v.day) FROM visit_cadres v WHERE v.cadre = c.id
                              AND (v.kind = 'condolence' OR v.occasion = 'bereavement') AND v.stamp >= c.widowed * 1440 AND v.day <= ?3) AS met
                       FROM cadres c WHERE widowed + 3 BETWEEN ?1 AND ?2 AND (deceased IS NULL OR deceased > widowed))
            SELECT CASE WHEN met <= due THEN 'onTime' WHEN met <= due + 30 THEN 'late' WHEN ?3 <= due + 30 THEN 'open' ELSE 'missed' END, COUNT(*)
            FROM j GROUP BY 1
            """),
        ("occ_condolence", """
            WITH j AS (SELECT deceased + 3 AS due, (SELECT MIN(v.day) FROM visit_cadres v WHERE v.cadre = c.id
                              AND (v.kind = 'condolence' OR v.occasion = 'bereavement') AND v.stamp >= c.deceased * 1440 AND v.day <= ?3) AS met
                       FROM cadres c WHERE deceased + 3 BETWEEN ?1 AND ?2)
            SELECT CASE WHEN met <= due THEN 'onTime' WHEN met <= due + 30 THEN 'late' WHEN ?3 <= due + 30 THEN 'open' ELSE 'missed' END, COUNT(*)
            FROM j GROUP BY 1
            """),
        ("occ_followup", """
            WITH j AS (SELECT v.followup AS due, (SELECT MIN(w.day) FROM visit_cadres w WHERE w.cadre = vc.cadre AND w.contact
                              AND w.stamp > v.stamp AND w.day <= ?3) AS met
                       FROM visits v JOIN visit_cadres vc ON vc.visit = v.id
                       WHERE v.followup BETWEEN ?1 AND ?2 AND v.day BETWEEN ?1 - 366 AND ?2)
            SELECT CASE WHEN met <= due THEN 'onTime' WHEN met <= due + 30 THEN 'late' WHEN ?3 <= due + 30 THEN 'open' ELSE 'missed' END, COUNT(*)
            FROM j GROUP BY 1
            """),
        ("tickets_by_category", """
            SELECT category, SUM(opened BETWEEN ?1 AND ?2), SUM(closed BETWEEN ?1 AND ?2), SUM(closed BETWEEN ?1 AND ?2 AND in_time),
                   SUM(closed BETWEEN ?1 AND ?2 AND callback_done)
            FROM tickets WHERE opened BETWEEN ?1 AND ?2 OR closed BETWEEN ?1 AND ?2 GROUP BY category
            """),
        ("ticket_minutes", "SELECT category, worked FROM tickets WHERE closed BETWEEN ?1 AND ?2 ORDER BY category, worked"),
        ("ratings", "SELECT rating, COUNT(*) FROM callbacks WHERE day BETWEEN ?1 AND ?2 GROUP BY rating"),
        ("tickets_by_week", "SELECT (opened - ?3) / 7, COUNT(*) FROM tickets WHERE opened BETWEEN ?1 AND ?2 GROUP BY 1"),
        ("overdue_now", "SELECT COUNT(*) FROM tickets WHERE open AND overdue_now"),
        ("room_open", "SELECT room, SUM(open_minutes) FROM room_days WHERE day BETWEEN ?1 AND ?2 GROUP BY room"),
        ("room_booked", """
            SELECT room, SUM(MAX(0, end - MAX(start, COALESCE(prev_end, 0)))) FROM (
              SELECT room, start, end, MAX(end) OVER (PARTITION BY room, day ORDER BY start, end
                                                      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
              FROM bookings WHERE occupying AND day BETWEEN ?1 AND ?2)
            GROUP BY room
            """),
        ("bookings", "SELECT SUM(active), SUM(NOT active), SUM(no_show) FROM bookings WHERE releasable AND day BETWEEN ?1 AND ?2"),
        ("checkins", "SELECT COUNT(*), COUNT(DISTINCT cadre) FROM checkins WHERE day BETWEEN ?1 AND ?2"),
        ("checkins_by_week", "SELECT (day - ?3) / 7, COUNT(*) FROM checkins WHERE day BETWEEN ?1 AND ?2 GROUP BY 1"),
        ("class_enrolled", """
            SELECT k.id, k.capacity, k.waiting, COUNT(m.cadre) FROM courses k LEFT JOIN members m ON m.course = k.id
              AND m.since <= ?3 AND (m.until IS NULL OR m.until > ?3)
            WHERE k.term_start <= ?2 AND k.term_end >= ?1 GROUP BY k.id
            """),
        ("class_sessions", """
            SELECT b.course, COUNT(DISTINCT b.id), COUNT(m.cadre), COUNT(p.cadre) FROM bookings b
              JOIN members m ON m.course = b.course AND m.since <= b.day AND (m.until IS NULL OR m.until > b.day)
              LEFT JOIN presence p ON p.booking = b.id AND p.cadre = m.cadre
            WHERE b.course IS NOT NULL AND b.active AND b.day BETWEEN ?1 AND ?2 AND b.start_stamp <= ?3 GROUP BY b.course
            """),
        ("roster_groups", """
            SELECT category, rank, COUNT(*), SUM((CAST(substr(?1, 1, 4) AS INT) - CAST(substr(birth, 1, 4) AS INT)) - (substr(?1, 6, 5) < substr(birth, 6, 5)))
            FROM cadres WHERE deceased IS NULL OR deceased > ?2 GROUP BY category, rank
            """),
        ("roster_lists", """
            SELECT SUM(health <> 'healthy' OR hospitalised <= ?1), SUM(marital = 'widowed'), SUM(living = 'alone'), SUM(living = 'emptyNest'),
                   SUM(health = 'dependent'), SUM(hardship), SUM(birth <= ?2), SUM(birth <= ?2 AND (health <> 'healthy' OR hospitalised <= ?1)),
                   SUM(hospitalised <= ?1), SUM(elsewhere <= ?1), SUM(category = 'lixiu'), SUM(category = 'tuixiu'), SUM(care_level IS NOT NULL),
                   (SELECT COUNT(*) FROM cadres WHERE deceased <= ?1)
            FROM cadres WHERE deceased IS NULL OR deceased > ?1
            """),
        ("workload_cadres", "SELECT contact, COUNT(*) FROM cadres WHERE deceased IS NULL GROUP BY contact"),
        ("workload_tickets", "SELECT assignee, COUNT(*) FROM tickets WHERE open GROUP BY assignee"),
    ]

    enum Value {
        case int(Int?)
        case text(String?)
    }

    private func bind(_ st: OpaquePointer, _ values: [Value]) {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (i, v) in values.enumerated() {
            let k = Int32(i + 1)
            switch v {
            case .int(let n?): sqlite3_bind_int64(st, k, Int64(n))
            case .text(let s?): sqlite3_bind_text(st, k, s, -1, transient)
            default: sqlite3_bind_null(st, k)
            }
        }
    }

    /// Runs a prepared aggregate; returns a checksum of its rows.
    private func query(_ name: String, _ values: [Value]) throws -> Int {
        guard let st = statements[name] else { throw ValidationError("no statement \(name)") }
        sqlite3_reset(st)
        sqlite3_clear_bindings(st)
        bind(st, values)
        var sum = 0
        while true {
            let rc = sqlite3_step(st)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw ValidationError("sqlite \(name): \(String(cString: sqlite3_errmsg(db)))") }
            for c in 0..<sqlite3_column_count(st) { sum &+= Int(sqlite3_column_int64(st, c)) }
        }
        return sum
    }

    private func exec(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw ValidationError("sqlite: \(String(cString: sqlite3_errmsg(db)))") }
    }

    private func insert<R>(_ sql: String, _ rows: [R], _ values: (R) -> [Value]) throws {
        var st: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &st, nil) == SQLITE_OK, let st else { throw ValidationError("sqlite: \(String(cString: sqlite3_errmsg(db)))") }
        defer { sqlite3_finalize(st) }
        for r in rows {
            sqlite3_reset(st)
            bind(st, values(r))
            guard sqlite3_step(st) == SQLITE_DONE else { throw ValidationError("sqlite insert: \(String(cString: sqlite3_errmsg(db)))") }
        }
    }
}
