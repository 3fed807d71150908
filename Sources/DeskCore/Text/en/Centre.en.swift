extension EN {
    static let centre: [String: String] = [
        "centre.placeholder": "",
    ]
}
