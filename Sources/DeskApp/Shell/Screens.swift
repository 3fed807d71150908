import DeskCore

/// The screens of the app, by id. Each screen is added here when it exists.
public enum Screens {
    public static func make(_ id: ScreenID) -> (any DeskScreen)? {
        switch id {
        case .staff: return StaffScreen()
        case .dashboard: return DashboardScreen()
        default: return nil
        }
    }
}
