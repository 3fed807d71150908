extension EN {
    static let dashboard: [String: String] = [
        "dashboard.placeholder": "",
    ]
}
