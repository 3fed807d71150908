import DeskLog
import Foundation
import Testing
@testable import DeskCore

/// `Desk.performBatch` applies the events it checked (not decoded back from
/// the file): the state it leaves must be exactly what a fresh reader folds
/// from the same log, envelope facts (seq, time, offsets) included.
@Suite struct BatchFoldTests {
    @Test func aWriterAfterBatchesHoldsTheStateAFreshReaderFolds() throws {
        let t = try TestDesk()
        let g = SampleGenerator(seed: 3, cadres: 80, years: 1, today: LocalDate(2026, 11, 23))
        try g.write(to: t.desk, as: t.admin, parts: SampleGenerator.allParts)
        let writer = t.desk.state
        let reader = try t.reopen().state
        #expect(writer.seq == reader.seq && writer.seq == t.desk.log.lastSeq)
        #expect(writer.staff.byID == reader.staff.byID)
        #expect(writer.roster.ids == reader.roster.ids)
        #expect(writer.roster.byID == reader.roster.byID)
        #expect(writer.roster.versions == reader.roster.versions)
        #expect(writer.roster.changes == reader.roster.changes)
        #expect(writer.tickets.all == reader.tickets.all)
        #expect(writer.centre.bookings == reader.centre.bookings)
        let now = LocalDateTime(g.today, LocalTime(12, 0))
        var visits = 0
        for id in writer.roster.ids {
            #expect(writer.visitTimeline(of: id) == reader.visitTimeline(of: id))
            #expect(CentreQuery(writer).record(of: id, now: now) == CentreQuery(reader).record(of: id, now: now))
            #expect(writer.dueItems(for: id, on: g.today, horizon: 30) == reader.dueItems(for: id, on: g.today, horizon: 30))
            visits += writer.visitTimeline(of: id).count
        }
        #expect(visits > 100)
        // Offsets kept in memory point at the very records.
        for id in writer.roster.ids.prefix(10) {
            for v in writer.visitTimeline(of: id) {
                let detail = try t.desk.visitDetail(v.id)
                #expect(detail.record.id == v.id)
            }
        }
    }

    @Test func theAppliedEventsCarryTheRecordsEnvelopeFacts() throws {
        let t = try TestDesk()
        var d1 = CadreDraft()
        d1.name = "张三"; d1.gender = .male; d1.birthDate = "1936-05-01"
        var d2 = d1
        d2.name = "李四"
        let applied = try t.desk.performBatch([Desk.BatchItem(AddCadre(d1)), Desk.BatchItem(AddCadre(d2))], as: t.admin)
        #expect(applied.count == 2)
        for a in applied {
            let back = try t.desk.event(at: a.meta.offset)
            #expect(back.meta.seq == a.meta.seq && back.meta.id == a.meta.id && back.meta.at == a.meta.at)
            #expect((back.event as? CadreAdded)?.cadre == (a.event as? CadreAdded)?.cadre)
        }
    }
}
