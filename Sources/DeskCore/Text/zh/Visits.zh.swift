extension ZH {
    static let visits: [String: String] = [
        "visits.placeholder": "",
    ]
}
