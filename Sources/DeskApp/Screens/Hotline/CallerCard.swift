import DeskCore
import DeskTUI

/// The caller's file card at intake, for reading while on the phone: alerts
/// first (a band that cannot be missed), who they are, how to reach the family,
/// who looks after them, their open tickets and recent visits. Phones and the
/// address are whole only for roles that may see personal details.
enum CallerCard {
    struct Line: Equatable {
        var text: String
        var style: Style
        /// Filled to the full width (the alerts band, headings).
        var band = false
    }

    static func lines(_ c: Cadre, match: String?, _ app: AppContext) -> [Line] {
        let t = app.text, d = app.display, today = app.today
        let whole = RosterPrivacy.seesPersonalDetails(app.role)
        let shown = RosterPrivacy.visible(c, to: app.role)
        var out: [Line] = []
        // Alerts and status that change how the call goes.
        if let on = c.deceasedOn { out.append(Line(text: "⚠ " + t("hotline.card.deceased", d.shortDate(on, today: today)), style: Style(.alert), band: true)) }
        if let since = c.hospitalisedSince {
            out.append(Line(text: "⚠ " + t("hotline.card.hospitalised", d.shortDate(since, today: today)), style: Style(.alert), band: true))
        }
        if let e = c.livingElsewhere { out.append(Line(text: "⚠ " + t("hotline.card.elsewhere", e.place), style: Style(.alert), band: true)) }
        for a in c.alerts { out.append(Line(text: "⚠ " + a, style: Style(.alert), band: true)) }

        let who = [c.name, t("roster.gender.\(c.gender.rawValue)"), t("app.picker.age", c.age(on: today)),
                   t("roster.category.\(c.category.rawValue)"), t("roster.rank.\(c.rank.rawValue)"), c.id.raw]
        out.append(Line(text: who.joined(separator: "  "), style: Style(.normal, .bold)))
        if let match { out.append(Line(text: t("hotline.card.matched", match), style: Style(.muted))) }
        let place = [shown.address, c.community.isEmpty ? "" : t("hotline.card.community", c.community)].filter { !$0.isEmpty }
        if !place.isEmpty { out.append(Line(text: t("hotline.card.address", place.joined(separator: " ")), style: Style(.normal))) }
        if let p = c.phone { out.append(Line(text: t("hotline.card.phone", d.phone(p, whole: whole)), style: Style(.normal))) }
        for (i, f) in c.family.enumerated() {
            var text = [f.relation, f.name, d.phone(f.phone, whole: whole)].filter { !$0.isEmpty }.joined(separator: " ")
            if f.emergency { text += " " + t("hotline.card.emergency") }
            out.append(Line(text: t(i == 0 ? "hotline.card.family" : "hotline.card.family_more", text), style: Style(.normal)))
        }
        var care: [String] = []
        if let level = c.careLevel { care.append(t("hotline.card.care_level", t("roster.care_level.name", level))) }
        if let contact = c.contact { care.append(t("hotline.card.contact", TicketWords.staffName(contact, app))) }
        care.append(t("roster.health.\(c.health.rawValue)"))
        care.append(t("roster.living.\(c.living.rawValue)"))
        if c.hardship { care.append(t("roster.list.hardship")) }
        out.append(Line(text: care.joined(separator: "  "), style: Style(.normal)))

        let tickets = app.state.ticketsForCadre(c.id, now: app.now)
        out.append(Line(text: t("hotline.card.open_tickets", tickets.open.count), style: Style(.header), band: true))
        for r in tickets.open.prefix(4) {
            out.append(Line(text: [r.id.raw, r.status.text(t), TicketWords.timeLeft(r, app), r.summary].joined(separator: "  "),
                            style: Style(TicketWords.emphasis(r, app))))
        }
        if let last = tickets.recent.first {
            out.append(Line(text: t("hotline.card.last_closed", d.shortDate((last.resolvedAt ?? last.openedAt).date, today: today), last.summary,
                                    last.status.text(t)), style: Style(.muted)))
        }
        let visits = app.state.visitTimeline(of: c.id).filter { !$0.voided }
        out.append(Line(text: t("hotline.card.recent_visits", visits.count), style: Style(.header), band: true))
        for v in visits.prefix(3) {
            var text = [d.shortDate(v.at.date, today: today), t(v.kind.catalogKey), v.staff.map { TicketWords.staffName($0, app) }.joined(separator: "、")]
                .joined(separator: "  ")
            if v.needCount > 0 { text += "  " + t("hotline.card.needs", v.needCount) }
            out.append(Line(text: text, style: Style(.normal)))
        }
        return out
    }

    /// Draws the card from the top of `rect`, as much as fits (alerts always first).
    static func draw(_ c: Cadre, match: String?, in canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        for (i, line) in lines(c, match: match, app).enumerated() where i < rect.height {
            let row = Rect(x: rect.x, y: rect.y + i, width: rect.width, height: 1)
            if line.band { canvas.fill(row, style: line.style) }
            _ = canvas.put(line.text, at: row.origin, style: line.style, maxWidth: rect.width)
        }
    }
}
