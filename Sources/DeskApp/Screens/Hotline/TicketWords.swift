import DeskCore
import DeskTUI

/// The words a ticket's facts become on the hotline pages (queue cells, the
/// caller card, the detail), so every page says the same thing the same way.
/// Dates and times go through `Display`; durations through the domain's
/// `WorkDuration`/`DeadlineStatus` text.
enum TicketWords {
    static func staffName(_ id: ID<Staff>?, _ app: AppContext) -> String {
        guard let id else { return "" }
        return app.state.staff[id]?.name ?? id.raw
    }

    /// "剩 3小时20分" / "逾期 1天2小时" / "暂停 · 剩 2小时"; for a resolved ticket
    /// when its callback falls due ("12月8日 应回访"), or how long ago it fell due
    /// ("2025年12月8日 应回访 · 逾期 351 天"); "已回访" once called back.
    static func timeLeft(_ r: TicketRow, _ app: AppContext) -> String {
        let t = app.text
        if let d = r.deadline { return d.text(t) }
        if r.status == .resolved, let due = r.callbackDueOn {
            let on = app.display.shortDate(due, today: app.today)
            let late = due.distance(to: app.today)
            return late > 0 ? t("hotline.list.callback_overdue", on, late) : t("hotline.list.callback_on", on)
        }
        if r.status == .closed { return r.needsReview ? t("hotline.reminder.review") : r.status.text(t) }
        return ""
    }

    /// The category's name, marked when the ticket is 紧急.
    static func category(_ code: String, _ priority: TicketPriority, _ app: AppContext) -> String {
        let name = app.state.settings.hotline.categoryName(code, app.text)
        return priority == .urgent && code != "emergency" ? app.text("hotline.list.urgent_category", name) : name
    }

    /// Who handles it today: "吴强", "吴强(代陆超)" during the assignee's absence, "待分派".
    static func handler(_ r: TicketRow, _ app: AppContext) -> String {
        guard let h = r.handler else {
            return r.status.isOpen ? app.text("hotline.queue.unassigned") : staffName(r.assignee, app)
        }
        if r.isCovered, r.status.isOpen { return app.text("hotline.list.covering", staffName(h, app), staffName(r.assignee, app)) }
        return staffName(h, app)
    }

    /// How a row stands out: overdue (its deadline, or a callback not made in time), due soon, 紧急, done.
    static func emphasis(_ r: TicketRow, _ app: AppContext) -> DeskTUI.Role {
        switch r.warning {
        case .overdue: return .error
        case .dueSoon: return .warning
        case .ok: break
        }
        if r.status == .resolved, let due = r.callbackDueOn, due < app.today { return .error }
        if !r.status.isOpen { return .muted }
        return r.priority == .urgent ? .alert : .normal
    }

    /// The caller as the detail names them: "李梅(女儿) 139****1111".
    static func caller(_ c: Caller, _ app: AppContext) -> String {
        let whole = app.can(.viewPersonalDetails)
        switch c {
        case .cadre(let id):
            return app.text("hotline.caller.self", app.state.roster[id]?.name ?? id.raw)
        case .family(_, let relation, let name, let phone):
            return [app.text("hotline.caller.relative", name, relation), app.display.phone(phone, whole: whole)]
                .filter { !$0.isEmpty }.joined(separator: " ")
        case .unknown(let name, let phone):
            return [name, app.display.phone(phone, whole: whole)].filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    /// "11月24日 17:00 前 · 剩 6小时" (or paused, or overdue), "人工设定" marked.
    static func deadline(_ d: DeadlineStatus, _ app: AppContext) -> String {
        let t = app.text
        var parts: [String] = []
        if let due = d.due { parts.append(t("hotline.detail.due_by", app.display.dateTime(due, today: app.today))) }
        parts.append(d.text(t))
        if d.manual { parts.append(t("hotline.deadline.manual")) }
        return parts.joined(separator: " · ")
    }
}
