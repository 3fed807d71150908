/// Settings every terminal must agree on, so they live in the log and change
/// only by an admin's `settings.changed` event. Each area keeps its own part.
public struct DeskSettings: Sendable, Codable, Hashable {
    /// Shown in the title bar, e.g. 某某县老干部活动中心.
    public var centreName = "老干部服务中心"
    /// OS logins used as shared terminals: these ask for staff id + PIN.
    public var sharedAccounts: [String] = []
    /// Minutes without a key before the screen locks and hides personal data.
    public var idleLockMinutes = 10
    public var roster = RosterSettings()
    public var visits = VisitSettings()
    public var hotline = HotlineSettings()
    public var centre = CentreSettings()

    public init() {}
}

public enum SettingsEvents {
    public static let all: [any DeskEvent.Type] = [SettingsChanged.self]
}

/// Replaces the settings as a whole (they are small).
public struct SettingsChanged: DeskEvent {
    public static let type = "settings.changed"
    public var settings: DeskSettings
    public init(settings: DeskSettings) { self.settings = settings }
    public func apply(to state: inout DeskState, _ meta: EventMeta) { state.settings = settings }
}

public struct ChangeSettings: DeskCommand {
    public var settings: DeskSettings
    public init(_ settings: DeskSettings) { self.settings = settings }

    public func events(in state: DeskState, context: CommandContext) throws(DeskError) -> [any DeskEvent] {
        try context.require(.manageSettings)
        var problems: [Problem] = []
        if settings.centreName.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(Problem("settings.centre_name", field: "centreName")) }
        if !(1...240).contains(settings.idleLockMinutes) { problems.append(Problem("settings.idle_minutes", field: "idleLockMinutes")) }
        problems += settings.centre.problems
        problems += settings.hotline.problems()
        if !problems.isEmpty { throw .invalid(problems) }
        return settings == state.settings ? [] : [SettingsChanged(settings: settings)]
    }
}

import Foundation
