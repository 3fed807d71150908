import DeskCore

/// The screens of the app, by id. Each screen is added here when it exists.
public enum Screens {
    public static func make(_ id: ScreenID) -> (any DeskScreen)? {
        switch id {
        case .roster: return RosterScreen()
        case .myDay: return MyDayScreen()
        case .visits: return VisitsScreen()
        case .hotline: return HotlineScreen()
        case .staff: return StaffScreen()
        case .centre: return CentreScreen()
        case .dashboard: return DashboardScreen()
        default: return nil
        }
    }
}
