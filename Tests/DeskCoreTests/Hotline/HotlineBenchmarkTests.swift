import Testing
@testable import DeskCore

/// The benchmarks' data and operations are right (their timings are not tested).
@Suite struct HotlineBenchmarkTests {
    @Test func theBenchmarkDeskHasTheOpenTicketsItClaimsAndEveryOperationRuns() {
        let state = HotlineBenchmarks.makeState(openTickets: 300, closedTickets: 700, cadres: 500, seed: 1)
        #expect(state.tickets.count == 1000)
        #expect(state.tickets.open.count == 300)
        #expect(state.tickets.open.allSatisfy { state.tickets[$0]!.openedAt < HotlineBenchmarks.benchNow })
        let now = HotlineBenchmarks.benchNow
        #expect(state.ticketQueue(.open, me: "S005", now: now).count == 300)
        #expect(!state.ticketQueue(.overdue, me: "S005", now: now).isEmpty)
        #expect(!state.ticketQueue(.waiting, me: "S005", now: now).isEmpty)
        #expect(!state.ticketQueue(.coveringFor, me: "S003", now: now).isEmpty)
        #expect(HotlineBenchmarks.deadlines(state, now: now, samples: 3).count == 3)
    }
}
