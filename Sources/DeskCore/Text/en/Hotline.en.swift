extension EN {
    static let hotline: [String: String] = [
        "hotline.placeholder": "",
    ]
}
