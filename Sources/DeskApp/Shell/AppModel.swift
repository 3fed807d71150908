import DeskCore
import DeskLog
import DeskTUI
import Foundation

/// The whole application as one value: the session, the screens, what is on
/// top of them (help, a dialog, a toast). `update` takes a key, `tick` takes
/// the passing of time (and other terminals' appends); `view` draws.
public struct AppModel {
    public let desk: Desk
    public let text: Localizer
    let identity: Identity
    /// Makes the screens a role sees (the real app lists every screen; tests can pass fewer).
    let makeScreen: (ScreenID) -> (any DeskScreen)?
    /// The screens `makeScreen` can make, in tab order.
    let available: [ScreenID]

    var session: SessionState = .unknownUser
    public private(set) var context: AppContext?
    var screens: [any DeskScreen] = []
    var active = 0
    var stale: Set<Int> = []
    var help: HelpOverlay?
    var dialog: (dialog: Dialog, purpose: DialogPurpose)?
    var toast: Toast?
    public private(set) var wantsQuit = false
    /// Seconds since the last key (for the idle lock), advanced by `tick`.
    var idleSeconds = 0.0
    var lastSeq: UInt64 = 0
    /// The clock's minute at the last refresh: when it turns, screens that show
    /// time (deadlines, "剩 3小时20分") recompute even if the log did not change.
    var lastMinute = 0
    /// The tabs' badges (e.g. the hotline's overdue count): domain queries, so
    /// computed when the log, the minute or the tabs change, not on every frame.
    var badges: (key: BadgeKey, values: [String?])?

    struct BadgeKey: Equatable {
        var seq: UInt64, minute: Int, screens: [ScreenID], staff: ID<Staff>
    }

    enum DialogPurpose { case quit, createLog }

    public init(desk: Desk, identity: Identity, lang: Lang, makeScreen: @escaping (ScreenID) -> (any DeskScreen)? = Screens.make) {
        self.desk = desk
        self.identity = identity
        self.text = Localizer(lang)
        self.makeScreen = makeScreen
        available = ScreenID.allCases.filter { makeScreen($0) != nil }
        startSession()
        lastSeq = desk.state.seq
    }

    // MARK: Session

    mutating func startSession() {
        let state = desk.state
        if let demo = identity.demoStaff, let s = state.staff[ID(demo)], s.active {
            signIn(s, method: .osUser)
        } else if state.staff.byID.isEmpty {
            session = desk.isWritable ? .firstRun(FirstRunPrompt()) : .unknownUser
        } else if state.settings.sharedAccounts.contains(identity.osLogin) {
            session = .pin(PinPrompt())
        } else if let s = state.staff.staff(forLogin: identity.osLogin) {
            signIn(s, method: .osUser)
        } else {
            session = .unknownUser
        }
    }

    mutating func signIn(_ staff: Staff, method: SignedIn.Method) {
        if method == .osUser, desk.isWritable {
            // The audit trail records every sign-in (who opened personal data, where).
            try? desk.recordAuth(SignedIn(staff: staff.id, method: .osUser, terminal: identity.terminal), osUser: identity.osLogin)
        }
        let ctx = AppContext(desk: desk, staff: desk.state.staff[staff.id] ?? staff, text: text)
        context = ctx
        screens = screenIDs(for: staff.role).compactMap(makeScreen)
        ctx.openable = Set(screens.map(\.id))
        active = 0
        stale = Set(screens.indices)
        session = .signedIn
        idleSeconds = 0
        refreshActive()
    }

    func screenIDs(for role: Role) -> [ScreenID] { available.filter { role.can($0.permission) } }

    public var isSignedIn: Bool { if case .signedIn = session { return true } else { return false } }
    public var activeScreen: ScreenID? { screens.indices.contains(active) ? screens[active].id : nil }
    public var signedInStaff: Staff? { context?.staff }

    // MARK: Keys

    public mutating func update(_ key: Key) {
        idleSeconds = 0
        switch session {
        case .firstRun(var prompt): updateFirstRun(&prompt, key)
        case .unknownUser: if key == .char("q") || key == .f(10) || key == .escape || key == .ctrl("c") { wantsQuit = true }
        case .pin(var prompt): updatePin(&prompt, key, unlocking: false)
        case .locked(let prompt):
            if var p = prompt { updatePin(&p, key, unlocking: true) } else if key == .enter { session = .signedIn; refreshActive() }
        case .signedIn: updateSignedIn(key)
        }
        refreshBadges()
    }

    func badgeKey(_ ctx: AppContext) -> BadgeKey {
        BadgeKey(seq: desk.state.seq, minute: desk.clock.local.minutes, screens: screens.map(\.id), staff: ctx.staff.id)
    }

    mutating func refreshBadges() {
        guard let ctx = context else { badges = nil; return }
        let key = badgeKey(ctx)
        if badges?.key != key { badges = (key, screens.map { $0.badge(ctx) }) }
    }

    mutating func updateFirstRun(_ prompt: inout FirstRunPrompt, _ key: Key) {
        switch key {
        case .escape, .f(10), .ctrl("c"): wantsQuit = true
        case .enter:
            let name = prompt.name.text
            do {
                try desk.perform(CreateFirstAdmin(login: identity.osLogin, name: name), as: Staff.bootstrapID)
                if let s = desk.state.staff[Staff.bootstrapID] { signIn(s, method: .osUser); return }
            } catch {
                prompt.message = error.problems.map(text.message).joined(separator: " ")
            }
            session = .firstRun(prompt)
        default:
            _ = prompt.name.handle(key)
            session = .firstRun(prompt)
        }
    }

    mutating func updatePin(_ prompt: inout PinPrompt, _ key: Key, unlocking: Bool) {
        if key == .f(10) || key == .ctrl("c") || (key == .escape && !unlocking) { wantsQuit = true; return }
        guard prompt.handle(key) else {
            if unlocking { session = .locked(prompt) } else { session = .pin(prompt) }
            return
        }
        let who = prompt.fixedStaff?.raw ?? prompt.who.text
        switch SignIn.tryPin(desk: desk, who: who, pin: prompt.pin.text, identity: identity, text: text) {
        case .signedIn(let staff):
            if unlocking { session = .signedIn; refreshActive() } else { signIn(staff, method: .pin) }
        case .refused(let why):
            prompt.message = why
            prompt.pin = TextField(maxLength: 8)
            if unlocking { session = .locked(prompt) } else { session = .pin(prompt) }
        }
    }

    mutating func updateSignedIn(_ key: Key) {
        guard let ctx = context else { return }
        if var d = dialog {
            let outcome = d.dialog.handle(key)
            dialog = d
            switch outcome {
            case .chosen(0): finishDialog(d.purpose, yes: true)
            case .chosen, .dismissed: finishDialog(d.purpose, yes: false)
            default: break
            }
            return
        }
        if var h = help {
            if h.handle(key) == .closed { help = nil } else { help = h }
            return
        }
        if key == .resize { return }
        if key == .f(10) || key == .ctrl("c") { askQuit(); return }
        if key == .f(1) { openHelp(); return }
        guard screens.indices.contains(active) else {
            if key == .char("q") { askQuit() }
            return
        }
        let result = screens[active].update(key, ctx)
        handleRequests()
        if result == .handled { return }
        // Tab is never typed text: a screen taking text that leaves Tab alone still switches screens with it.
        if screens[active].capturesText, key != .tab, key != .backTab { return }
        switch key {
        case .tab: select(active + 1)
        case .backTab: select(active - 1 + screens.count)
        case .char(let c) where c.isASCII && c.isNumber:
            if let n = c.wholeNumberValue, n >= 1, n <= screens.count { select(n - 1) }
        case .char("?"): openHelp()
        case .char("q"): askQuit()
        default: break
        }
    }

    mutating func select(_ index: Int) {
        guard !screens.isEmpty else { return }
        active = index % screens.count
        refreshActive()
    }

    mutating func refreshActive() {
        guard let ctx = context, screens.indices.contains(active) else { return }
        if stale.remove(active) != nil { screens[active].refresh(ctx) }
    }

    mutating func handleRequests() {
        guard let ctx = context else { return }
        while !ctx.pending.isEmpty {
            let r = ctx.pending.removeFirst()
            switch r {
            case .toast(let message, let kind): toast = Toast(message, kind: kind, ticks: kind == .error ? 24 : 12)
            case .navigate(let id, let intent):
                guard let i = screens.firstIndex(where: { $0.id == id }) else {
                    toast = Toast(text("app.not_allowed_screen"), kind: .warning, ticks: 12)
                    continue
                }
                active = i
                refreshActive()
                if let intent { screens[i].receive(intent, ctx) }
            }
        }
        // Anything we appended is already applied: keep every screen current.
        noteStateChange()
    }

    mutating func openHelp() {
        let global = globalBindings
        let own = screens.indices.contains(active) && context != nil ? screens[active].bindings(context!) : []
        help = HelpOverlay(title: text("app.help.title"), bindings: own + global,
                           filterPrompt: text("app.help.filter"), noMatchesMessage: text("app.help.no_matches"))
    }

    mutating func askQuit() {
        if screens.contains(where: \.hasUnsavedChanges) {
            dialog = (Dialog.confirm(title: text("app.quit.title"), message: text("app.quit.unsaved"),
                                     yes: text("app.yes"), no: text("app.no")), .quit)
        } else {
            wantsQuit = true
        }
    }

    mutating func finishDialog(_ purpose: DialogPurpose, yes: Bool) {
        dialog = nil
        if purpose == .quit, yes { wantsQuit = true }
    }

    /// Keys that work on every screen (shown after the screen's own). While
    /// the screen takes text, only the function keys are global.
    var globalBindings: [KeyBinding] {
        let g = text("app.keys.group")
        if screens.indices.contains(active), screens[active].capturesText {
            return [
                KeyBinding(keys: [.f(1)], label: text("app.keys.help"), help: text("app.keys.help_long"), group: g, showInBar: true, priority: 1),
                KeyBinding(keys: [.f(10)], label: text("app.keys.quit"), help: text("app.keys.quit_long"), group: g, showInBar: true, priority: 1),
            ]
        }
        return [
            KeyBinding(keys: [.f(1), .char("?")], label: text("app.keys.help"), help: text("app.keys.help_long"), group: g, showInBar: true, priority: 9),
            KeyBinding(keys: [.tab, .backTab], label: text("app.keys.switch"), help: text("app.keys.switch_long"), group: g, showInBar: true, priority: 2),
            KeyBinding(keys: (1...max(1, screens.count)).compactMap { Character(String($0)) }.map { .char($0) }, label: text("app.keys.jump"),
                       help: text("app.keys.jump_long"), group: g, showInBar: false),
            KeyBinding(keys: [.f(10), .char("q")], label: text("app.keys.quit"), help: text("app.keys.quit_long"), group: g, showInBar: true, priority: 8),
        ]
    }

    // MARK: Time and other terminals

    /// Called about four times a second: applies other terminals' appends,
    /// ages the toast, and locks the screen after the idle time.
    public mutating func tick(seconds: Double = 0.25) {
        idleSeconds += seconds
        do {
            if try desk.refresh() > 0 { context?.refreshStaff() }
        } catch {
            toast = Toast(text.message(error.problems.first ?? Problem("log.io_error", ["?"])), kind: .error, ticks: 24)
        }
        noteStateChange()
        noteMinute()
        refreshBadges()
        if var t = toast { toast = t.tick() ? nil : t }
        if case .signedIn = session, let ctx = context,
           idleSeconds >= Double(desk.state.settings.idleLockMinutes * 60) {
            help = nil
            session = .locked(ctx.staff.pin == nil ? nil : PinPrompt(fixedStaff: ctx.staff.id))
        }
    }

    /// When the clock's minute turns, every screen is out of date (time left,
    /// due soon, overdue): the active one recomputes now, the others when shown.
    mutating func noteMinute() {
        let minute = desk.clock.local.minutes
        guard minute != lastMinute else { return }
        lastMinute = minute
        guard case .signedIn = session else { return }
        stale = Set(screens.indices)
        refreshActive()
    }

    /// If the state moved on, the active screen recomputes now, the others when shown.
    mutating func noteStateChange() {
        guard desk.state.seq != lastSeq else { return }
        lastSeq = desk.state.seq
        guard let ctx = context else { return }
        if !ctx.staff.active {
            // Deactivated in another terminal: sign out at once.
            context = nil
            screens = []
            session = .unknownUser
            return
        }
        let own = screenIDs(for: ctx.role)
        if own != screens.map(\.id) {
            // The role changed in another terminal: rebuild the tabs it may see.
            let current = activeScreen
            screens = own.compactMap(makeScreen)
            ctx.openable = Set(screens.map(\.id))
            active = screens.firstIndex { $0.id == current } ?? 0
            stale = Set(screens.indices)
        } else {
            stale = Set(screens.indices)
        }
        refreshActive()
    }
}
