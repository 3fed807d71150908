/// A hotline ticket (工单): one matter a caller raised, from intake to the
/// satisfaction callback. "A commitment at the start (the promised time), a
/// record along the way (the timeline), an evaluation at the end (the callback)."
///
/// Codes, not display words, are stored; screens show them through the catalog
/// (`hotline.status.waiting`, `hotline.category.medical`, …).
public struct Ticket: Sendable, Hashable {
    /// `T2026-00042`: the year of opening and a serial within it.
    public var id: ID<Ticket>
    public var openedAt: LocalDateTime
    /// Who took the call (the recording identity).
    public var openedBy: ID<Staff>
    public var caller: Caller
    /// The cadre the matter concerns (nil: an unknown caller about no one on the roster).
    public var cadre: ID<Cadre>?
    public var channel: TicketChannel
    /// A code from `HotlineSettings.categories`.
    public var category: String
    public var priority: TicketPriority
    public var summary: String
    public var details: String
    public var assignee: ID<Staff>?
    /// Takes the ticket when the assignee is away (before the assignee's own AB岗 backup).
    public var backup: ID<Staff>?
    public var status: TicketStatus
    /// What a ticket in 等待回复 waits for.
    public var waitingOn: WaitingOn?
    /// A visit's raised need this ticket follows up.
    public var source: TicketSource?

    /// The promises, fixed when made (category or priority changes renew them).
    public var promise: TicketPromise
    /// A deadline set by hand, overriding the promised completion.
    public var manualDeadline: ManualDeadline?
    /// Spans when the deadline clock stood still: waiting for a reply, and
    /// resolved (until reopened). The last one may be open.
    public var stops: [ClockStop] = []
    /// First contact back (leaving 受理, or a call logged).
    public var firstResponseAt: LocalDateTime?

    public var resolution: String?
    public var resolvedAt: LocalDateTime?
    /// 办结人: the staff member who did the work.
    public var resolvedBy: ID<Staff>?
    /// Every satisfaction callback, oldest first (a 不满意 one reopens the ticket).
    public var callbacks: [Callback] = []
    /// Rated 不满意: waits for a supervisor's review.
    public var needsReview = false
    public var reopenCount = 0
    public var voided: String?
    /// Time of the latest activity (business time), to keep the timeline in order.
    public var lastActivity: LocalDateTime
    public var timeline: [TicketEntry] = []

    public var isOpen: Bool { status.isOpen && voided == nil }
    public var isAwaitingCallback: Bool { status == .resolved && voided == nil }
    /// The callback that closed the ticket (已回访).
    public var callback: Callback? { status == .closed ? callbacks.last : nil }
}

public enum TicketStatus: String, Sendable, Codable, CaseIterable, Hashable {
    /// 受理: taken, nobody has responded yet.
    case received
    /// 处理中
    case inProgress
    /// 等待回复: waiting on the caller or a third party; the deadline clock stops.
    case waiting
    /// 已办结
    case resolved
    /// 已回访: the satisfaction callback is done.
    case closed

    public var isOpen: Bool { self == .received || self == .inProgress || self == .waiting }
}

/// 普通 or 紧急 (一键通 emergencies: promises count in clock hours, not working time).
public enum TicketPriority: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    case normal, urgent
    public static func < (a: Self, b: Self) -> Bool { a == .normal && b == .urgent }
}

/// 热线 / 来访 / 来信 / 走访反映.
public enum TicketChannel: String, Sendable, Codable, CaseIterable, Hashable {
    case hotline, walkIn, letter, visit
}

public enum WaitingOn: String, Sendable, Codable, CaseIterable, Hashable {
    case caller, thirdParty
}

/// Who called: a cadre on the roster, a family member of one, or someone unknown.
public enum Caller: Sendable, Codable, Hashable {
    case cadre(ID<Cadre>)
    case family(cadre: ID<Cadre>, relation: String, name: String, phone: String?)
    case unknown(name: String, phone: String)

    enum CodingKeys: String, CodingKey { case kind, cadre, relation, name, phone }

    // Flat in the log: {"kind":"family","cadre":"C00042","relation":"女儿","name":"…","phone":"…"}.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "cadre": self = .cadre(try c.decode(ID<Cadre>.self, forKey: .cadre))
        case "family":
            self = .family(cadre: try c.decode(ID<Cadre>.self, forKey: .cadre), relation: try c.decode(String.self, forKey: .relation),
                           name: try c.decode(String.self, forKey: .name), phone: try c.decodeIfPresent(String.self, forKey: .phone))
        case "unknown": self = .unknown(name: try c.decode(String.self, forKey: .name), phone: try c.decode(String.self, forKey: .phone))
        case let k: throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown caller kind \(k)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .cadre(let id):
            try c.encode("cadre", forKey: .kind)
            try c.encode(id, forKey: .cadre)
        case .family(let id, let relation, let name, let phone):
            try c.encode("family", forKey: .kind)
            try c.encode(id, forKey: .cadre)
            try c.encode(relation, forKey: .relation)
            try c.encode(name, forKey: .name)
            try c.encodeIfPresent(phone, forKey: .phone)
        case .unknown(let name, let phone):
            try c.encode("unknown", forKey: .kind)
            try c.encode(name, forKey: .name)
            try c.encode(phone, forKey: .phone)
        }
    }

    /// The cadre the caller belongs to, if any.
    public var cadre: ID<Cadre>? {
        switch self {
        case .cadre(let c), .family(let c, _, _, _): return c
        case .unknown: return nil
        }
    }
}

/// The visit and the index of the need raised in it that this ticket follows up.
public struct TicketSource: Sendable, Codable, Hashable {
    public var visit: String
    public var need: Int
    public init(visit: String, need: Int) {
        self.visit = visit
        self.need = need
    }
}

/// The promised durations in force: for urgent tickets in clock minutes,
/// otherwise in working minutes.
public struct TicketPromise: Sendable, Codable, Hashable {
    public var responseMinutes: Int
    public var completionMinutes: Int
    public var measure: TimeMeasure
    public init(responseMinutes: Int, completionMinutes: Int, measure: TimeMeasure) {
        self.responseMinutes = responseMinutes
        self.completionMinutes = completionMinutes
        self.measure = measure
    }
}

/// How promised time is counted.
public enum TimeMeasure: String, Sendable, Codable, Hashable {
    /// On the working calendar (hours, holidays, 调休).
    case working
    /// Clock time, day and night (紧急).
    case clock
}

public struct ManualDeadline: Sendable, Codable, Hashable {
    public var due: LocalDateTime
    /// When it was set: stops after this extend it.
    public var setAt: LocalDateTime
    public var reason: String
}

/// A span when the deadline clock stood still (`to` nil: still stopped).
public struct ClockStop: Sendable, Codable, Hashable {
    public var from: LocalDateTime
    public var to: LocalDateTime?
}

public enum CallbackRating: String, Sendable, Codable, CaseIterable, Hashable {
    /// 满意 / 基本满意 / 不满意
    case satisfied, fairlySatisfied, dissatisfied
}

/// Who was reached on a call.
public enum CallParty: String, Sendable, Codable, CaseIterable, Hashable {
    case cadre, family, caller, thirdParty
}

public struct Callback: Sendable, Hashable {
    public var at: LocalDateTime
    public var by: ID<Staff>
    public var reached: CallParty
    public var rating: CallbackRating
    public var comment: String
}

/// One line of a ticket's timeline: who did what, when.
public struct TicketEntry: Sendable, Hashable {
    public var at: LocalDateTime
    /// The staff member who recorded it.
    public var by: ID<Staff>
    public var what: TicketActivity
}

public enum TicketActivity: Sendable, Hashable {
    case opened
    case note(String)
    /// A call made (`outgoing`) or received, with whom and what was said.
    case call(outgoing: Bool, party: CallParty, text: String)
    case status(TicketStatus, waitingOn: WaitingOn?, note: String)
    case assigned(ID<Staff>?, backup: ID<Staff>?, note: String)
    case reclassified(category: String, priority: TicketPriority, note: String)
    case deadline(LocalDateTime?, reason: String)
    case edited
    case resolved(by: ID<Staff>, resolution: String)
    case callback(by: ID<Staff>, rating: CallbackRating, reached: CallParty, comment: String)
    case reopened(reason: String)
    case reviewed(note: String)
    case voided(reason: String)
}
