extension ZH {
    static let staff: [String: String] = [
        "staff.first_admin_exists": "已有工作人员,不能再创建首位管理员。",
        "staff.login_required": "请填写系统登录名。",
        "staff.login_format": "登录名只能用英文字母、数字和 . _ -,最多 32 个字符。",
        "staff.login_taken": "登录名 {0} 已被 {1} 使用。",
        "staff.not_found": "找不到工作人员 {0}。",
        "staff.last_admin": "这是最后一位在职管理员,不能更改其角色或停用。",
        "staff.cannot_deactivate_self": "不能停用自己的账号。",
        "staff.absence_dates": "结束日期不能早于开始日期。",
        "staff.backup_self": "AB岗的替岗人不能是本人。",
        "staff.backup_inactive": "替岗人 {0} 已停用。",
        "staff.absence_overlaps": "与已登记的请假时间重叠。",
        "staff.absence_not_found": "找不到这条请假记录,可能已被取消。",
        "staff.pin_format": "PIN 应为 4 到 8 位数字。",
    ]
}
