import DeskLog
import Foundation

/// The desk's store: one log file, the state folded from it, and the session's
/// identity. Screens read `state` and call `perform`; `refresh` applies what
/// other terminals appended.
public final class Desk {
    public let log: EventLog
    public let clock: DeskClock
    public private(set) var state = DeskState()
    /// Set when a record could not be applied (the log then behaves read-only).
    public private(set) var unreadable: UnreadableRecord?

    public struct UnreadableRecord: Sendable, Equatable {
        public var line: Int
        public var offset: Int
        public var type: String
        public var reason: String
    }

    public struct Options: Sendable {
        public var create = false
        public var readOnly = false
        public var io: any FileIO = PosixFileIO()
        public init() {}
    }

    public init(path: String, clock: DeskClock = DeskClock(), options: Options = Options()) throws(DeskError) {
        var o = EventLog.Options()
        o.create = options.create
        o.readOnly = options.readOnly
        o.io = options.io
        o.timeZone = clock.timeZone
        o.clock = { [clock] in clock.now() }
        o.isKnownType = { EventRegistry.isKnown($0) }
        do {
            log = try EventLog(path: path, options: o)
        } catch {
            throw Desk.map(error)
        }
        self.clock = clock
        _ = try refresh()
    }

    /// Applies records other terminals appended; returns how many.
    @discardableResult
    public func refresh() throws(DeskError) -> Int {
        do {
            // Payloads are parsed on all cores; events apply in log order here.
            return try log.poll(decode: EventRegistry.decode) { envelope, decoded in
                try apply(envelope, decoded)
            }
        } catch {
            throw Desk.map(error)
        }
    }

    public var isWritable: Bool { log.isWritable && unreadable == nil }

    /// Runs `command` as `actor` under the log's lock; returns the events as
    /// appended (already applied to `state`).
    @discardableResult
    public func perform(_ command: some DeskCommand, as actor: ID<Staff>) throws(DeskError) -> [AppliedEvent] {
        if let u = unreadable { throw .log(Problem("log.unreadable_record", [String(u.line), u.type])) }
        var failure: DeskError?
        let written: [LogRecord]
        do {
            written = try log.append(by: actor.raw) { caughtUp in
                for r in caughtUp { try apply(r) }
                if unreadable != nil { throw DeskError.log(Problem("log.read_only")) }
                let context = try makeContext(actor)
                let events: [any DeskEvent]
                do {
                    events = try command.events(in: state, context: context)
                } catch let e as DeskError {
                    failure = e
                    throw e
                }
                return try events.map { EventDraft(type: $0.typeName, data: try JSONCoding.encode($0)) }
            }
        } catch {
            if let f = failure { throw f }
            throw Desk.map(error)
        }
        var applied: [AppliedEvent] = []
        for r in written {
            do { applied.append(try apply(r)) } catch { throw Desk.map(error) }
        }
        return applied
    }

    /// Runs several commands as one all-or-nothing append: each command sees
    /// the state left by the ones before it. `now` per item lets an import or
    /// the sample generator record business times in the past (the envelope's
    /// `at` stays the real time of writing). A failure names the item's index.
    ///
    /// The events are checked against a scratch copy of the state and encoded
    /// once; after the write they are applied to the state with the records'
    /// envelope facts (seq, id, time, offset), as the values already in hand
    /// rather than decoded back from the bytes just written.
    @discardableResult
    /// What `perform` would refuse `command` for, against the state as this
    /// terminal has it, without appending anything (nil: nothing found). For
    /// a form that cannot submit yet (a required field empty) to list the
    /// other problems at once; `perform` still checks again under the lock.
    public func problems(of command: some DeskCommand, as actor: ID<Staff>) -> DeskError? {
        do {
            _ = try command.events(in: state, context: makeContext(actor))
            return nil
        } catch {
            return error
        }
    }

    public func performBatch(_ items: [BatchItem], as actor: ID<Staff>) throws(BatchError) -> [AppliedEvent] {
        if let u = unreadable { throw BatchError(index: nil, error: .log(Problem("log.unreadable_record", [String(u.line), u.type]))) }
        var failure: BatchError?
        var events: [any DeskEvent] = []
        let written: [LogRecord]
        do {
            written = try log.append(by: actor.raw) { caughtUp in
                for r in caughtUp { try apply(r) }
                var scratch = state
                var drafts: [EventDraft] = []
                events = []
                var seq = scratch.seq
                let stamp = Timestamp(clock.now(), timeZone: clock.timeZone)
                for (i, item) in items.enumerated() {
                    do {
                        var context = try makeContext(actor, in: scratch)
                        if let t = item.now { context.now = t }
                        for e in try item.command.events(in: scratch, context: context) {
                            seq += 1
                            scratch.apply(e, EventMeta(seq: seq, id: UUID(), at: stamp, by: actor))
                            drafts.append(EventDraft(type: e.typeName, data: try JSONCoding.encode(e)))
                            events.append(e)
                        }
                    } catch let e as DeskError {
                        failure = BatchError(index: i, error: e)
                        throw e
                    }
                }
                return drafts
            }
        } catch {
            throw failure ?? BatchError(index: nil, error: Desk.map(error))
        }
        precondition(written.count == events.count, "the log wrote a different number of records than the batch made")
        var applied: [AppliedEvent] = []
        applied.reserveCapacity(written.count)
        for (r, e) in zip(written, events) {
            let meta = EventMeta(seq: r.seq, id: r.id, at: r.at, by: ID(r.by), offset: r.offset)
            state.apply(e, meta)
            applied.append(AppliedEvent(event: e, meta: meta))
        }
        return applied
    }

    public struct BatchItem {
        public var command: any DeskCommand
        public var now: LocalDateTime?
        public init(_ command: any DeskCommand, now: LocalDateTime? = nil) {
            self.command = command
            self.now = now
        }
    }

    public struct BatchError: Error, Equatable {
        /// Which item failed (nil: the log itself failed).
        public var index: Int?
        public var error: DeskError
    }

    /// The event recorded at byte `offset` (from `EventMeta.offset`), read back
    /// from the file: lets areas keep compact rows in memory and load details
    /// (notes, amounts) only when a screen shows them.
    public func event(at offset: Int) throws(DeskError) -> AppliedEvent {
        do {
            let r = try log.record(at: offset)
            let meta = EventMeta(seq: r.seq, id: r.id, at: r.at, by: ID(r.by), offset: r.offset)
            return AppliedEvent(event: try EventRegistry.decode(r), meta: meta)
        } catch {
            throw Desk.map(error)
        }
    }

    /// Appends a sign-in or failed-PIN event. Before sign-in there is no staff
    /// identity, so `by` is the OS account (`os:<login>`) the terminal runs under.
    public func recordAuth(_ event: some DeskEvent, osUser: String) throws(DeskError) {
        precondition(event is SignedIn || event is PinFailed, "only sign-in events bypass the staff identity")
        let written: [LogRecord]
        do {
            written = try log.append(by: "os:" + osUser) { caughtUp in
                for r in caughtUp { try apply(r) }
                return [EventDraft(type: event.typeName, data: try JSONCoding.encode(event))]
            }
        } catch {
            throw Desk.map(error)
        }
        for r in written {
            do { try apply(r) } catch { throw Desk.map(error) }
        }
    }

    /// Makes the context for `actor`, resolving the role from the current staff
    /// records (never from the caller) so another terminal's role change counts.
    func makeContext(_ actor: ID<Staff>, in state: DeskState? = nil) throws(DeskError) -> CommandContext {
        let now = clock.local
        let state = state ?? self.state
        if let s = state.staff.byID[actor], s.active {
            return CommandContext(actor: s, now: now, clock: clock)
        }
        if state.staff.byID.isEmpty, actor == Staff.bootstrapID {
            // The very first command on a new log (creating the first admin).
            return CommandContext(actor: Staff.bootstrap, now: now, clock: clock)
        }
        throw .notAllowed(Problem("error.unknown_staff", [actor.raw]))
    }

    /// A whole record (one this terminal wrote, or caught up on under the lock).
    @discardableResult
    private func apply(_ record: LogRecord) throws -> AppliedEvent {
        try apply(record.envelope, Result { try EventRegistry.decode(record) })
    }

    @discardableResult
    private func apply(_ record: LogEnvelope, _ decoded: Result<any DeskEvent, any Error>) throws -> AppliedEvent {
        let meta = EventMeta(seq: record.seq, id: record.id, at: record.at, by: ID(record.by), offset: record.offset)
        guard unreadable == nil else { throw DeskError.log(Problem("log.read_only")) }
        do {
            let event = try decoded.get()
            state.apply(event, meta)
            return AppliedEvent(event: event, meta: meta)
        } catch {
            unreadable = UnreadableRecord(line: record.line, offset: record.offset, type: record.type, reason: "\(error)")
            throw DeskError.log(Problem("log.unreadable_record", [String(record.line), record.type]))
        }
    }

    static func map(_ error: any Error) -> DeskError {
        switch error {
        case let e as DeskError: return e
        case LogError.notFound(let path): return .log(Problem("log.not_found", [path]))
        case LogError.readOnly: return .log(Problem("log.read_only"))
        case LogError.notSaved(let cause, let landed):
            return .log(Problem(landed ? "log.not_saved_but_landed" : "log.not_saved", [cause.description]))
        case LogError.io(let cause): return .log(Problem("log.io_error", [cause.description]))
        default: return .log(Problem("log.io_error", ["\(error)"]))
        }
    }
}

/// An event as applied, with its envelope facts.
public struct AppliedEvent: Sendable {
    public var event: any DeskEvent
    public var meta: EventMeta
}
