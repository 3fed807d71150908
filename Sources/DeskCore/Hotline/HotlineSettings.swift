/// Hotline rules an admin may change (in the log, by `settings.changed`), with
/// the field defaults.
public struct HotlineSettings: Sendable, Codable, Hashable {
    /// Categories in the order the intake form lists them.
    public var categories: [HotlineCategory] = HotlineCategory.defaults
    /// Promises for 紧急 tickets (一键通), in clock minutes.
    public var urgentResponseMinutes = 30
    public var urgentCompletionMinutes = 24 * 60
    /// "Due soon" once this much time (in the ticket's measure) is left.
    public var dueSoonMinutes = 120
    /// A resolved ticket without a callback after this many working days shows in the callback queue.
    public var callbackAfterWorkingDays = 3
    /// Closed tickets count as "recent" on a cadre's card for this many days.
    public var recentDays = 90
    public var calendar = WorkCalendar.official

    public init() {}

    enum CodingKeys: String, CodingKey {
        case categories, urgentResponseMinutes, urgentCompletionMinutes, dueSoonMinutes, callbackAfterWorkingDays, recentDays, calendar
    }

    /// Missing fields take their defaults, so settings written by an older build still read.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = HotlineSettings()
        categories = try c.decodeIfPresent([HotlineCategory].self, forKey: .categories) ?? d.categories
        urgentResponseMinutes = try c.decodeIfPresent(Int.self, forKey: .urgentResponseMinutes) ?? d.urgentResponseMinutes
        urgentCompletionMinutes = try c.decodeIfPresent(Int.self, forKey: .urgentCompletionMinutes) ?? d.urgentCompletionMinutes
        dueSoonMinutes = try c.decodeIfPresent(Int.self, forKey: .dueSoonMinutes) ?? d.dueSoonMinutes
        callbackAfterWorkingDays = try c.decodeIfPresent(Int.self, forKey: .callbackAfterWorkingDays) ?? d.callbackAfterWorkingDays
        recentDays = try c.decodeIfPresent(Int.self, forKey: .recentDays) ?? d.recentDays
        calendar = try c.decodeIfPresent(WorkCalendar.self, forKey: .calendar) ?? d.calendar
    }

    public func category(_ code: String) -> HotlineCategory? { categories.first { $0.code == code } }

    /// The promise a new ticket of `category` and `priority` gets now.
    public func promise(category code: String, priority: TicketPriority) -> TicketPromise? {
        if priority == .urgent {
            return TicketPromise(responseMinutes: urgentResponseMinutes, completionMinutes: urgentCompletionMinutes, measure: .clock)
        }
        guard let c = category(code) else { return nil }
        return TicketPromise(responseMinutes: c.responseMinutes, completionMinutes: c.completionMinutes, measure: .working)
    }

    /// Everything wrong with these settings, each tied to its field.
    public func problems() -> [Problem] {
        var out = calendar.problems()
        var seen: Set<String> = []
        for c in categories {
            if c.code.isEmpty || !seen.insert(c.code).inserted {
                out.append(Problem("hotline.settings.category_code", [c.code], field: "categories"))
            }
            if c.responseMinutes <= 0 || c.completionMinutes <= 0 || c.responseMinutes > c.completionMinutes {
                out.append(Problem("hotline.settings.category_minutes", [c.code], field: "categories"))
            }
        }
        if !categories.contains(where: \.active) { out.append(Problem("hotline.settings.no_category", field: "categories")) }
        if urgentResponseMinutes <= 0 || urgentCompletionMinutes < urgentResponseMinutes {
            out.append(Problem("hotline.settings.urgent_minutes", field: "urgentCompletionMinutes"))
        }
        if dueSoonMinutes < 0 { out.append(Problem("hotline.settings.due_soon", field: "dueSoonMinutes")) }
        if !(1...60).contains(callbackAfterWorkingDays) {
            out.append(Problem("hotline.settings.callback_days", field: "callbackAfterWorkingDays"))
        }
        return out
    }

    /// Things the admin should see (not errors): years around `today` whose
    /// holidays are not entered, so deadlines there count weekends only.
    public func warnings(today: LocalDate) -> [Problem] {
        calendar.warnings(for: [today.year, today.year + 1])
    }
}

/// A category of matter, with its promised durations in working minutes.
public struct HotlineCategory: Sendable, Codable, Hashable {
    /// Stable code (`medical`); the built-in ones are named by the catalog
    /// (`hotline.category.medical`).
    public var code: String
    /// A name for a category an admin added (the catalog has none for it).
    public var name: String?
    /// First contact back within this much working time.
    public var responseMinutes: Int
    /// 限时办结: resolved within this much working time.
    public var completionMinutes: Int
    /// New tickets of this category start as 紧急 (the intake form's default).
    public var urgentByDefault = false
    /// Retired categories stay readable on old tickets but are not offered.
    public var active = true

    public init(code: String, name: String? = nil, responseMinutes: Int, completionMinutes: Int, urgentByDefault: Bool = false) {
        self.code = code
        self.name = name
        self.responseMinutes = responseMinutes
        self.completionMinutes = completionMinutes
        self.urgentByDefault = urgentByDefault
    }

    enum CodingKeys: String, CodingKey { case code, name, responseMinutes, completionMinutes, urgentByDefault, active }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        responseMinutes = try c.decode(Int.self, forKey: .responseMinutes)
        completionMinutes = try c.decode(Int.self, forKey: .completionMinutes)
        urgentByDefault = try c.decodeIfPresent(Bool.self, forKey: .urgentByDefault) ?? false
        active = try c.decodeIfPresent(Bool.self, forKey: .active) ?? true
    }

    /// The catalog key of a built-in category's name.
    public var nameKey: String { "hotline.category.\(code)" }

    /// Defaults in working time (one working day = 7 hours = 420 minutes):
    /// quick answers for questions and services, longer for reimbursements,
    /// legal aid and complaints that involve other offices.
    public static let defaults: [HotlineCategory] = {
        let h = 60, d = 420
        return [
            HotlineCategory(code: "policy", responseMinutes: 1 * h, completionMinutes: 2 * d),
            HotlineCategory(code: "medical", responseMinutes: 2 * h, completionMinutes: 5 * d),
            HotlineCategory(code: "hardship", responseMinutes: 2 * h, completionMinutes: 3 * d),
            HotlineCategory(code: "repair", responseMinutes: 2 * h, completionMinutes: 2 * d),
            HotlineCategory(code: "legal", responseMinutes: 4 * h, completionMinutes: 5 * d),
            HotlineCategory(code: "counselling", responseMinutes: 1 * h, completionMinutes: 2 * d),
            HotlineCategory(code: "services", responseMinutes: 2 * h, completionMinutes: 2 * d),
            HotlineCategory(code: "suggestion", responseMinutes: 1 * d, completionMinutes: 10 * d),
            HotlineCategory(code: "complaint", responseMinutes: 2 * h, completionMinutes: 5 * d),
            HotlineCategory(code: "emergency", responseMinutes: 30, completionMinutes: 1 * d, urgentByDefault: true),
            HotlineCategory(code: "other", responseMinutes: 4 * h, completionMinutes: 5 * d),
        ]
    }()
}
