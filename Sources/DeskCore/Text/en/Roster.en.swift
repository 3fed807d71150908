extension EN {
    static let roster: [String: String] = [
        "roster.placeholder": "",
    ]
}
