extension EN {
    static let visits: [String: String] = [
        "visits.placeholder": "",
    ]
}
