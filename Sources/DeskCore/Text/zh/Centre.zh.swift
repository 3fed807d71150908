extension ZH {
    static let centre: [String: String] = [
        "centre.placeholder": "",
    ]
}
