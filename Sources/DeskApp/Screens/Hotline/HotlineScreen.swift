import DeskCore
import DeskTUI

/// 热线工单: the queues (the page it opens on), intake of a call in progress
/// (F2, or another screen's `newTicket` / `ticketFromVisitNeed`), and one
/// ticket's detail with its actions. The screen only routes between the three;
/// each page owns its state, keys and drawing.
struct HotlineScreen: DeskScreen {
    let id = ScreenID.hotline
    var page = Page.queues
    var queues = QueueList()
    var intake: Intake?
    var detail: TicketView?

    enum Page: Equatable { case queues, intake, detail }

    var capturesText: Bool {
        switch page {
        case .queues: queues.capturesText
        case .intake: intake?.capturesText ?? false
        case .detail: detail?.capturesText ?? false
        }
    }

    var hasUnsavedChanges: Bool { (intake?.hasUnsavedChanges ?? false) || (detail?.hasUnsavedChanges ?? false) }

    func title(_ app: AppContext) -> String { app.text("hotline.title") }

    /// Overdue tickets this person handles today (their own and those they cover).
    func badge(_ app: AppContext) -> String? {
        let n = HotlineScreen.overdueCount(app)
        return n > 0 ? app.text("hotline.screen.badge", n) : nil
    }

    static func overdueCount(_ app: AppContext) -> Int {
        let me = app.staff.id, now = app.now
        return (app.state.ticketQueue(.mine, me: me, now: now) + app.state.ticketQueue(.coveringFor, me: me, now: now))
            .count { $0.warning == .overdue }
    }

    func bindings(_ app: AppContext) -> [KeyBinding] {
        switch page {
        case .queues: queues.bindings(app)
        case .intake: intake?.bindings(app) ?? []
        case .detail: detail?.bindings(app) ?? []
        }
    }

    mutating func refresh(_ app: AppContext) {
        queues.refresh(app)
        intake?.refresh(app)
        detail?.refresh(app)
    }

    mutating func receive(_ intent: Intent, _ app: AppContext) {
        switch intent {
        case .openTicket(let raw):
            open(ID(raw), app)
        case .newTicket(let cadre):
            startIntake(Intake(app, cadre: cadre))
        case .ticketFromVisitNeed(let visit, let need):
            if let existing = app.state.tickets.ticket(forVisit: visit, need: need) {
                app.toast(app.text("hotline.source.taken", existing.id.raw), .warning)
                open(existing.id, app)
            } else {
                startIntake(Intake(app, visit: visit, need: need))
            }
        default:
            break
        }
    }

    mutating func startIntake(_ new: Intake) {
        intake = new
        page = .intake
    }

    mutating func open(_ ticket: ID<Ticket>, _ app: AppContext) {
        guard app.state.tickets[ticket] != nil else {
            app.toast(app.text("hotline.not_found", ticket.raw), .warning)
            return
        }
        detail = TicketView(id: ticket)
        page = .detail
    }

    mutating func update(_ key: Key, _ app: AppContext) -> KeyResult {
        switch page {
        case .queues:
            switch queues.update(key, app) {
            case .open(let ticket): open(ticket, app)
            case .intake: startIntake(Intake(app, cadre: nil))
            case .handled: break
            case .ignored: return .ignored
            }
        case .intake:
            guard var i = intake else { page = .queues; return .ignored }
            let outcome = i.update(key, app)
            intake = i
            switch outcome {
            case .close:
                intake = nil
                page = .queues
                queues.refresh(app)
            case .open(let ticket):
                intake = nil
                open(ticket, app)
            case .again: startIntake(Intake(app, cadre: nil))
            case .handled: break
            case .ignored: return .ignored
            }
        case .detail:
            guard var d = detail else { page = .queues; return .ignored }
            let outcome = d.update(key, app)
            detail = d
            switch outcome {
            case .back:
                detail = nil
                page = .queues
                queues.refresh(app)
            case .handled: break
            case .ignored: return .ignored
            }
        }
        return .handled
    }

    func view(_ canvas: inout some Canvas, rect: Rect, _ app: AppContext) {
        switch page {
        case .queues: queues.view(&canvas, rect: rect, app)
        case .intake: intake?.view(&canvas, rect: rect, app)
        case .detail: detail?.view(&canvas, rect: rect, app)
        }
    }
}
