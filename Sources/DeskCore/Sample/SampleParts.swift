/// Every area's sample data, in dependency order: staff, the roster, then a
/// history of visits, hotline tickets and the activity centre from
/// `years` before `today` up to `today`. Each area's items go through the
/// real commands, in chunks, each chunk one all-or-nothing batch.
extension SampleGenerator {
    public static let allParts: [Part] = baseParts + [
        { g, s in
            var rng = g.rng(for: "centre")
            return g.chunked(SampleCentre.items(for: s, from: g.historyStart, to: g.today, rng: &rng))
        },
        { g, s in
            var rng = g.rng(for: "visits")
            return g.chunked(SampleVisits.items(for: s, from: g.historyStart, to: g.today, rng: &rng))
        },
        { g, s in
            var rng = g.rng(for: "tickets")
            return g.chunked(SampleTickets.items(for: s, from: g.historyStart, to: g.today, rng: &rng))
        },
    ]

    /// The first day of the generated history.
    public var historyStart: LocalDate { today.adding(months: -12 * years).adding(days: 1) }
}
