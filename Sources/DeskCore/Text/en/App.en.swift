extension EN {
    static let app: [String: String] = [
        "app.placeholder": "",
    ]
}
