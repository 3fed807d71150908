import Foundation

/// Median / p99 of a set of timings (milliseconds), as every benchmark prints them.
struct Stats {
    let samples: [Double]

    init(_ samples: [Double]) { self.samples = samples.sorted() }

    func percentile(_ p: Double) -> Double {
        guard !samples.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(samples.count)).rounded(.up)) - 1
        return samples[Swift.min(Swift.max(rank, 0), samples.count - 1)]
    }

    var median: Double { percentile(50) }
    var p99: Double { percentile(99) }
    var max: Double { samples.last ?? .nan }

    /// `p50 0.412 ms  p99 0.981 ms  (n=10000)`
    var summary: String {
        String(format: "p50 %.3f ms  p99 %.3f ms  max %.3f ms  (n=%d)", median, p99, max, samples.count)
    }
}

/// Times `body` once, in milliseconds.
func timed(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    return (ContinuousClock.now - start).milliseconds
}

/// A verdict line: `target p99 ≤ 1 ms: met`.
func verdict(_ label: String, _ ok: Bool) -> String { "  \(label): \(ok ? "met" : "NOT MET")" }

/// CPU time of this process so far, in milliseconds (user + system).
func processCPUMilliseconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
}
