import DeskCore
import DeskLog
import DeskTUI

/// Where the terminal is in signing in.
enum SessionState {
    /// An empty log: the OS user may become the first admin.
    case firstRun(FirstRunPrompt)
    /// The OS login is not a staff member: nothing is shown.
    case unknownUser
    /// A shared terminal: staff id + PIN.
    case pin(PinPrompt)
    case signedIn
    /// Idle too long: personal data hidden until the person returns.
    case locked(PinPrompt?)
}

/// The first-run question: create the first admin from this OS user?
struct FirstRunPrompt {
    var name = TextField(placeholder: "", maxLength: 20)
    var message: String?
}

/// Staff id (or login) and PIN, for shared terminals and the idle lock.
struct PinPrompt {
    var who = TextField(maxLength: 32)
    var pin = TextField(maxLength: 8)
    /// 0 = who, 1 = pin.
    var focus = 0
    var message: String?
    /// When unlocking, the person is known: only the PIN is asked.
    var fixedStaff: ID<Staff>?

    init(fixedStaff: ID<Staff>? = nil) {
        self.fixedStaff = fixedStaff
        focus = fixedStaff == nil ? 0 : 1
    }

    /// Field keys; returns true on Enter with both parts filled.
    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .tab, .backTab, .up, .down:
            if fixedStaff == nil { focus = 1 - focus }
        case .enter:
            if focus == 0, !who.text.isEmpty { focus = 1; return false }
            return (fixedStaff != nil || !who.text.isEmpty) && !pin.text.isEmpty
        default:
            if focus == 0 { _ = who.handle(key) } else {
                if case .char(let c) = key, !c.isNumber { return false }
                _ = pin.handle(key)
            }
        }
        return false
    }
}

/// Sign-in decisions, kept apart from drawing so they are easy to test.
enum SignIn {
    enum Outcome: Equatable {
        case signedIn(Staff)
        case refused(String)
    }

    /// Checks a PIN attempt, recording the failure or the sign-in in the log.
    static func tryPin(desk: Desk, who: String, pin: String, identity: Identity, text: Localizer) -> Outcome {
        _ = try? desk.refresh()
        let state = desk.state
        let match = state.staff.byID[ID(who.uppercased())] ?? state.staff.staff(forLogin: who)
        guard let staff = match, staff.active else { return .refused(text("app.signin.unknown_staff", who)) }
        let now = Timestamp(desk.clock.now(), timeZone: desk.clock.timeZone)
        if let until = state.staff.pinLockedUntil(staff.id, now: now) {
            let minutes = max(1, Int((until.epochMillis - now.epochMillis + 59_999) / 60_000))
            return .refused(text("app.signin.locked", minutes))
        }
        guard let hash = staff.pin else { return .refused(text("app.signin.no_pin", staff.name)) }
        if hash.matches(pin) {
            try? desk.recordAuth(SignedIn(staff: staff.id, method: .pin, terminal: identity.terminal), osUser: identity.osLogin)
            return .signedIn(staff)
        }
        try? desk.recordAuth(PinFailed(staff: staff.id, terminal: identity.terminal), osUser: identity.osLogin)
        if desk.state.staff.pinLockedUntil(staff.id, now: now) != nil { return .refused(text("app.signin.locked", StaffBook.pinLockMinutes)) }
        return .refused(text("app.signin.wrong_pin", desk.state.staff.pinAttemptsLeft(staff.id, now: now)))
    }
}
