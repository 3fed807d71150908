extension EN {
    static let staff: [String: String] = [
        "staff.first_admin_exists": "Staff already exist; the first admin cannot be created again.",
        "staff.login_required": "Enter the system login name.",
        "staff.login_format": "A login uses letters, digits and . _ - only, at most 32 characters.",
        "staff.login_taken": "Login {0} is already used by {1}.",
        "staff.not_found": "Staff member {0} not found.",
        "staff.last_admin": "This is the last active admin: the role cannot change and the account cannot be deactivated.",
        "staff.cannot_deactivate_self": "You cannot deactivate your own account.",
        "staff.absence_dates": "The end date cannot be before the start date.",
        "staff.backup_self": "The backup (AB岗) cannot be the same person.",
        "staff.backup_inactive": "Backup {0} is inactive.",
        "staff.absence_overlaps": "Overlaps an absence already recorded.",
        "staff.absence_not_found": "That absence is not found; it may have been cancelled.",
        "staff.pin_format": "A PIN has 4 to 8 digits.",
    ]
}
