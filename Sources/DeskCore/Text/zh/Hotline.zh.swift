extension ZH {
    static let hotline: [String: String] = [
        "hotline.placeholder": "",
    ]
}
