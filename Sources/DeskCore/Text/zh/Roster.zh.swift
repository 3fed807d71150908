extension ZH {
    static let roster: [String: String] = [
        "roster.placeholder": "",
    ]
}
