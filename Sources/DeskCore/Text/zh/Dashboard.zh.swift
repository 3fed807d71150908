extension ZH {
    static let dashboard: [String: String] = [
        "dashboard.placeholder": "",
    ]
}
