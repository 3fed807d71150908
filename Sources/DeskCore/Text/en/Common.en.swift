extension EN {
    static let common: [String: String] = [
        "app.name": "CadreDesk",
        "error.not_allowed": "Your role may not do this ({0}).",
        "error.unknown_staff": "Staff member {0} does not exist or is inactive.",
        "name.required": "Enter the name.",
        "name.too_short": "A name has at least two characters.",
        "name.too_long": "A name has at most {0} characters.",
        "name.bad_character": "Names use Chinese characters, with 「·」 between parts of minority names; 「{0}」 is not allowed.",
        "name.bad_dot": "「·」 goes only between parts of a name, never twice in a row.",
        "phone.bad_character": "A phone number has only digits, spaces, dashes and brackets.",
        "phone.mobile_length": "A mobile number has 11 digits; this one has {0}.",
        "phone.format": "Phone number not recognised: mobiles have 11 digits, landlines look like 010-62345678 or 0951-5012345.",
        "role.desk": "Desk",
        "role.hotline": "Hotline",
        "role.caseworker": "Caseworker",
        "role.supervisor": "Supervisor",
        "role.admin": "Admin",
        "settings.centre_name": "Enter the centre's name.",
        "settings.idle_minutes": "The idle lock must be between 1 and 240 minutes.",
    ]
}
