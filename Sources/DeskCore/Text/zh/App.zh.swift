extension ZH {
    static let app: [String: String] = [
        "app.placeholder": "",
    ]
}
