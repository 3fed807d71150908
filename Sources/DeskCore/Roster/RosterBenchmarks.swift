import Foundation

/// Benchmarks for the roster's figures (`cadredesk bench roster`): each
/// returns raw samples in milliseconds; the caller prints median and p99.
/// Data is the seeded sample roster, built in memory.
public enum RosterBenchmarks {
    /// Samples per figure name.
    public typealias Samples = [String: [Double]]

    static func ms(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    static func time(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        return ms(clock.now - start)
    }

    /// Search as you type at `cadres` files: every keystroke of typing names
    /// (hanzi), full pinyin, pinyin initials and phone numbers (whole and
    /// last 4) of `people` randomly chosen cadres, one sample per keystroke.
    public static func search(cadres: Int = 20_000, people: Int = 200, seed: UInt64 = 7) throws -> Samples {
        let state = try SampleGenerator(seed: seed, cadres: cadres, years: 1).state()
        let roster = state.roster
        var rng = SampleRNG(seed: seed, stream: "bench.search")
        let files = roster.all
        var out: Samples = ["hanzi": [], "pinyin": [], "initials": [], "phone": [], "phone_last4": []]
        var sink = 0
        func type(_ kind: String, _ text: String) {
            var typed = ""
            for ch in text {
                typed.append(ch)
                out[kind]!.append(time { sink &+= roster.find(typed).total })
            }
        }
        for _ in 0..<people {
            let c = files[rng.int(0...(files.count - 1))]
            type("hanzi", c.name)
            let readings = Pinyin.nameReadings(c.name)
            type("pinyin", readings.compactMap(\.first).joined())
            type("initials", String(readings.compactMap { $0.first?.first }))
            let phones = ([c.phone] + c.family.map(\.phone)).compactMap { $0 }
            if let p = phones.first, let digits = PhoneNumber.digits(p)?.digits {
                type("phone", digits)
                out["phone_last4"]!.append(time { sink &+= roster.find(String(digits.suffix(4))).total })
            }
        }
        if sink == -1 { print(sink) }
        return out
    }

    /// Counting every named list and grouping (the roster screen's chooser)
    /// and pulling one list, at `cadres` files.
    public static func lists(cadres: Int = 20_000, runs: Int = 20, seed: UInt64 = 7) throws -> Samples {
        let g = SampleGenerator(seed: seed, cadres: cadres, years: 1)
        let state = try g.state()
        var out: Samples = ["counts": [], "members_alone": []]
        var sink = 0
        for _ in 0..<runs {
            out["counts"]!.append(time { sink &+= RosterLists.counts(in: state, on: g.today).count })
            out["members_alone"]!.append(time { sink &+= RosterLists.members([.named(.alone)], in: state, on: g.today).count })
        }
        if sink == -1 { print(sink) }
        return out
    }

    /// Building the search index for `cadres` files: the first build in the
    /// process (pinyin from ICU, cold cache) and `runs` warm rebuilds.
    public static func indexBuild(cadres: Int = 20_000, runs: Int = 10, seed: UInt64 = 7) throws -> Samples {
        let files = try SampleGenerator(seed: seed, cadres: cadres, years: 1).state().roster.all
        Pinyin.clearCache()
        var out: Samples = ["cold": [], "warm": []]
        func build() -> Int {
            var s = RosterSearch()
            for c in files { s.put(c) }
            return s.count
        }
        out["cold"]!.append(time { _ = build() })
        for _ in 0..<runs { out["warm"]!.append(time { _ = build() }) }
        return out
    }

    /// Importing a `rows`-row CSV (exported from a sample roster) into a new
    /// log in a temp directory: dry run (decode, parse, validate), the batch
    /// (commands, append, fsync, apply), and both together.
    public static func importCSV(rows: Int = 20_000, runs: Int = 3, seed: UInt64 = 7) throws -> Samples {
        let g = SampleGenerator(seed: seed, cadres: rows, years: 0)
        let source = try g.state()
        let bytes = RosterExport.csv(RosterLists.members([], in: source, on: g.today), state: source)
        var out: Samples = ["plan": [], "commit": [], "total": []]
        for _ in 0..<runs {
            let dir = NSTemporaryDirectory() + "cadredesk-bench-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            var o = Desk.Options()
            o.create = true
            let desk = try Desk(path: dir + "/desk.log", clock: .fixed(LocalDateTime(g.today, LocalTime(9, 0))), options: o)
            try desk.perform(CreateFirstAdmin(login: "admin", name: "管理员"), as: Staff.bootstrapID)
            // Contact persons in the CSV are staff names: give the new log the same staff.
            try desk.performBatch(g.staff(in: desk.state), as: Staff.bootstrapID)
            var plan: RosterImport.Plan!
            let p = time { plan = RosterImport.plan(bytes, state: desk.state, today: g.today) }
            guard plan.errors.isEmpty else { throw BenchmarkError.importRefused(plan.errors.prefix(3).map { "\($0)" }) }
            let c = try time { try RosterImport.commit(plan, to: desk, as: Staff.bootstrapID, acceptWarnings: true) }
            out["plan"]!.append(p)
            out["commit"]!.append(c)
            out["total"]!.append(p + c)
        }
        return out
    }

    public enum BenchmarkError: Error { case importRefused([String]) }
}
