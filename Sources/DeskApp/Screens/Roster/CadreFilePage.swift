import DeskCore
import DeskTUI

/// One line of a scrolling page: pieces of text, each in its style.
struct PageLine: Equatable {
    var pieces: [Piece]
    /// Fill the whole line in this style (the alert band, a heading).
    var band: Style?

    struct Piece: Equatable {
        var text: String
        var style: Style
    }

    init(_ pieces: [Piece], band: Style? = nil) {
        self.pieces = pieces
        self.band = band
    }

    init(_ text: String, _ style: Style = Style(.normal), band: Style? = nil) {
        self.init([Piece(text: text, style: style)], band: band)
    }

    var text: String { pieces.map(\.text).joined() }

    func draw(in canvas: inout some Canvas, row: Rect) {
        if let band { canvas.fill(row, style: band) }
        var x = row.x
        for p in pieces where x < row.maxX {
            x = canvas.put(p.text, at: Point(x: x, y: row.y), style: p.style, maxWidth: row.maxX - x)
        }
    }
}

/// Lays out label/value facts and headings for a page `width` columns wide:
/// two facts side by side where both fit, long values wrapped under their label.
struct PageWriter {
    let width: Int
    private(set) var lines: [PageLine] = []

    init(width: Int) { self.width = max(20, width) }

    mutating func heading(_ title: String, note: String = "") {
        if !lines.isEmpty { lines.append(PageLine("")) }
        var pieces = [PageLine.Piece(text: "■ " + title, style: Style(.header))]
        if !note.isEmpty { pieces.append(PageLine.Piece(text: "  " + note, style: Style(.muted))) }
        lines.append(PageLine(pieces))
    }

    mutating func line(_ text: String, _ style: Style = Style(.normal), indent: Int = 2) {
        let pad = String(repeating: " ", count: indent)
        for (i, l) in WordWrap.lines(text, width: width - indent - (indent > 0 ? 2 : 0)).enumerated() {
            lines.append(PageLine(pad + (i > 0 && indent > 0 ? "  " : "") + l, style))
        }
    }

    mutating func muted(_ text: String) { line(text, Style(.muted)) }

    mutating func raw(_ line: PageLine) { lines.append(line) }

    /// Facts as "label  value", two to a line when both fit in half the width.
    mutating func facts(_ items: [(String, String)]) {
        let labelWidth = items.map { DisplayWidth.of($0.0) }.max() ?? 0
        let half = (width - 2) / 2
        func cell(_ item: (String, String)) -> [PageLine.Piece] {
            [PageLine.Piece(text: DisplayWidth.pad(item.0, to: labelWidth), style: Style(.muted)),
             PageLine.Piece(text: "  " + item.1, style: Style(.normal))]
        }
        func fitsHalf(_ item: (String, String)) -> Bool { labelWidth + 2 + DisplayWidth.of(item.1) <= half - 2 }
        var i = 0
        while i < items.count {
            let a = items[i]
            if i + 1 < items.count, fitsHalf(a), fitsHalf(items[i + 1]) {
                var pieces = [PageLine.Piece(text: "  ", style: Style(.normal))] + cell(a)
                let used = 2 + labelWidth + 2 + DisplayWidth.of(a.1)
                pieces.append(PageLine.Piece(text: String(repeating: " ", count: max(1, 2 + half - used)), style: Style(.normal)))
                pieces += cell(items[i + 1])
                lines.append(PageLine(pieces))
                i += 2
                continue
            }
            let valueWidth = max(10, width - 2 - labelWidth - 2)
            let wrapped = WordWrap.lines(a.1, width: valueWidth)
            for (k, part) in (wrapped.isEmpty ? [""] : wrapped).enumerated() {
                let label = k == 0 ? a.0 : ""
                lines.append(PageLine([PageLine.Piece(text: "  ", style: Style(.normal))] + cell((label, part))))
            }
            i += 1
        }
    }
}

/// A cadre's file as one scrolling page: basic facts, family, health and
/// living, care, status, visits, tickets and the activity centre. Numbers
/// are whole only for roles that may see personal details.
enum CadreFilePage {
    static func lines(_ c: Cadre, _ app: AppContext, width: Int) -> [PageLine] {
        let t = app.text, d = app.display, state = app.state, today = app.today
        let whole = app.can(.viewPersonalDetails)
        let shown = RosterPrivacy.visible(c, to: app.role)
        var w = PageWriter(width: width)

        w.heading(t("roster.section.basic"))
        var basic: [(String, String)] = [
            (t("roster.field.birthDate"), t("roster.view.birth", d.date(c.birthDate), c.age(on: today))),
            (t("roster.field.idNumber"), d.idNumber(c.idNumber, whole: whole)),
            (t("roster.field.phone"), d.phone(c.phone, whole: whole)),
            (t("roster.field.community"), c.community),
            (t("roster.field.workUnit"), c.workUnit),
            (t("roster.field.partyBranch"), c.partyBranch),
        ]
        basic.append((t("roster.field.address"), shown.address))
        w.facts(basic.map { ($0.0, $0.1.isEmpty ? t("roster.view.none") : $0.1) })

        w.heading(t("roster.section.family"), note: c.family.isEmpty ? "" : t("roster.view.people", c.family.count))
        if c.family.isEmpty { w.muted(t("roster.view.no_family")) }
        for (i, f) in c.family.enumerated() {
            var parts = [f.relation, f.name, d.phone(f.phone, whole: whole)].filter { !$0.isEmpty }.joined(separator: "  ")
            if f.emergency || (i == 0 && !c.family.contains(where: \.emergency)) {
                parts = "★ " + parts + "  " + t("roster.view.emergency")
                w.line(parts, Style(.normal, .bold))
            } else {
                w.line("  " + parts)
            }
        }

        w.heading(t("roster.section.health"))
        w.facts([
            (t("roster.field.health"), t("roster.health.\(c.health.rawValue)")),
            (t("roster.field.living"), t("roster.living.\(c.living.rawValue)")),
            (t("roster.field.marital"), t("roster.marital.\(c.marital.rawValue)")),
            (t("roster.field.hardship"), t(c.hardship ? "roster.yes" : "roster.no")),
            (t("roster.field.hobbies"), c.hobbies.isEmpty ? t("roster.view.none") : c.hobbies),
            (t("roster.field.notes"), c.notes.isEmpty ? t("roster.view.none") : c.notes),
        ])

        w.heading(t("roster.section.care"))
        let care = c.careLevel.map { level -> String in
            let every = state.settings.roster.careLevel(level)?.homeVisitEveryDays
            return every.map { t("roster.view.care_every", level, $0) } ?? t("roster.care_level.name", level)
        } ?? t("roster.view.no_care")
        let contact = c.contact.map { id -> String in
            guard let s = state.staff[id] else { return id.raw }
            return "\(s.name)(\(d.role(s.role)))" + (s.active ? "" : " " + t("roster.view.inactive"))
        } ?? t("roster.view.no_contact")
        let lists = NamedList.allCases.filter { $0 != .lixiu && $0 != .tuixiu && $0 != .cared }
            .filter { RosterLists.contains($0, c, on: today, settings: state.settings.roster) }
            .map { t("roster.list.\($0.rawValue)") }
        w.facts([(t("roster.field.careLevel"), care), (t("roster.field.contact"), contact),
                 (t("roster.view.lists"), lists.isEmpty ? t("roster.view.none") : lists.joined(separator: "、"))])

        w.heading(t("roster.section.status"))
        let status = statusFacts(c, app)
        if status.isEmpty { w.muted(t("roster.view.no_status")) } else { w.facts(status) }

        visits(c, app, into: &w)
        tickets(c, app, into: &w)
        centre(c, app, into: &w)
        return w.lines
    }

    /// Hospital stay, living elsewhere, widowed, deceased — with their dates.
    static func statusFacts(_ c: Cadre, _ app: AppContext) -> [(String, String)] {
        let t = app.text, d = app.display
        var out: [(String, String)] = []
        if let h = c.hospitalisedSince {
            out.append((t("roster.field.hospitalisedSince"), t("roster.view.since", d.date(h), d.relative(h, today: app.today))))
        }
        if let e = c.livingElsewhere {
            out.append((t("roster.field.livingElsewhere"), t("roster.view.elsewhere", e.place, d.date(e.since))))
        }
        if let w = c.widowedOn { out.append((t("roster.field.widowedOn"), d.date(w))) }
        if let dd = c.deceasedOn { out.append((t("roster.field.deceasedOn"), d.date(dd))) }
        return out
    }

    static func staffNames(_ ids: [ID<Staff>], _ state: DeskState) -> String {
        ids.map { state.staff[$0]?.name ?? $0.raw }.joined(separator: "、")
    }

    static func visits(_ c: Cadre, _ app: AppContext, into w: inout PageWriter) {
        let t = app.text, d = app.display, state = app.state
        let timeline = state.visitTimeline(of: c.id)
        w.heading(t("roster.section.visits"), note: timeline.isEmpty ? "" : t("roster.view.visit_total", timeline.count))
        if timeline.isEmpty { w.muted(t("roster.view.no_visits")) }
        for v in timeline.prefix(5) {
            var line = "\(d.date(v.at.date))  \(t(v.kind.catalogKey)) · \(t(v.occasion.catalogKey)) · \(staffNames(v.staff, state))"
            if v.moneyEach.fen > 0 { line += " · " + d.money(v.moneyEach) }
            if v.voided { line += "  " + t("visits.voided") }
            w.line(line, Style(v.voided ? .muted : .normal))
        }
        let due = state.dueItems(for: c.id, on: app.today, horizon: 30)
        if due.isEmpty {
            w.muted(t("roster.view.no_due"))
        } else {
            w.line(t("roster.view.due_heading"), Style(.normal, .bold))
            for item in due.prefix(5) {
                let when: String
                switch item.status {
                case .overdue: when = t("visits.days_overdue", item.daysOverdue)
                case .due: when = item.daysLeft <= 0 ? t("roster.view.due_today") : t("visits.days_left", item.daysLeft)
                case .upcoming: when = t("roster.view.due_from", d.shortDate(item.from))
                }
                let who = item.assignee.map { state.staff[$0]?.name ?? $0.raw } ?? t("visits.unassigned")
                let line = "  \(when) · \(item.title(t, settings: state.settings.visits)) · \(t("roster.view.due_by", d.shortDate(item.by))) · \(who)"
                w.line(line, Style(item.status == .overdue ? .error : (item.status == .due ? .warning : .normal)))
            }
        }
    }

    static func tickets(_ c: Cadre, _ app: AppContext, into w: inout PageWriter) {
        let t = app.text, d = app.display, state = app.state
        let (open, recent) = state.ticketsForCadre(c.id, now: app.now)
        w.heading(t("roster.section.tickets"), note: t("roster.view.ticket_counts", open.count, recent.count))
        if open.isEmpty && recent.isEmpty { w.muted(t("roster.view.no_tickets")) }
        for r in open.prefix(5) {
            var line = "\(r.id.raw)  \(state.settings.hotline.categoryName(r.category, t)) · \(r.summary) · \(r.status.text(t))"
            if let dl = r.deadline { line += " · " + dl.text(t) }
            if let h = r.handler { line += " · " + (state.staff[h]?.name ?? h.raw) }
            w.line(line, Style(r.warning == .overdue ? .error : .normal))
        }
        for r in recent.prefix(3) {
            let when = r.resolvedAt.map { d.shortDate($0.date) } ?? d.shortDate(r.openedAt.date)
            w.line("\(r.id.raw)  \(state.settings.hotline.categoryName(r.category, t)) · \(r.summary) · \(r.status.text(t)) \(when)", Style(.muted))
        }
    }

    static func centre(_ c: Cadre, _ app: AppContext, into w: inout PageWriter) {
        let t = app.text, d = app.display
        let record = CentreQuery(app.state).record(of: c.id, now: app.now, recent: 3)
        w.heading(t("roster.section.centre"))
        let nothing = record.enrolments.isEmpty && record.upcoming.isEmpty && record.events.isEmpty && record.attendedCount == 0
        if nothing { w.muted(t("roster.view.no_centre")); return }
        for e in record.enrolments {
            let status: String
            switch e.status {
            case .enrolled: status = t("centre.enrolment.enrolled")
            case .waiting(let p): status = t("centre.enrolment.waiting", p)
            case .withdrawn: status = t("centre.enrolment.withdrawn")
            }
            w.line("\(e.name) · \(status) · " + t("roster.view.attended", e.attended, e.held))
        }
        for b in (record.upcoming + record.events).sorted(by: { ($0.date, $0.span) < ($1.date, $1.span) }).prefix(4) {
            w.line("\(d.shortDate(b.date)) \(b.span)  \(b.roomName) · \(b.label)" + (b.purpose.isEmpty ? "" : " · \(b.purpose)"))
        }
        var summary = t("roster.view.attended_total", record.attendedCount)
        if let last = record.lastAttended { summary += " · " + t("roster.view.last_attended", d.shortDate(last.date)) }
        if record.noShows > 0 { summary += " · " + t("roster.view.no_shows", record.noShows) }
        w.line(summary, Style(.muted))
    }

    /// The history tab: who changed what, from what, to what, newest first.
    static func history(_ c: Cadre, _ app: AppContext, width: Int) -> [PageLine] {
        let t = app.text
        var w = PageWriter(width: width)
        let lines = app.state.roster.history(of: c.id, staff: app.state.staff)
        w.heading(t("roster.history"), note: t("roster.view.changes", lines.count))
        let whole = app.can(.viewPersonalDetails)
        for h in lines {
            var line = h
            if !whole { line.change = RosterPrivacy.masked(h.change) }
            w.line(RosterText.historyLine(line, t, staff: app.state.staff))
        }
        return w.lines
    }
}
