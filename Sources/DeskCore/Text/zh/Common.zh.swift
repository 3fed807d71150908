extension ZH {
    static let common: [String: String] = [
        "app.name": "老干部服务台",
        "error.not_allowed": "您的角色无权进行此操作({0})。",
        "error.unknown_staff": "工作人员 {0} 不存在或已停用。",
        "name.required": "请填写姓名。",
        "name.too_short": "姓名至少两个字。",
        "name.too_long": "姓名不能超过 {0} 个字。",
        "name.bad_character": "姓名只能用汉字,少数民族姓名可用「·」分隔;「{0}」不可用。",
        "name.bad_dot": "「·」只能用在姓名中间,且不能连用。",
        "phone.bad_character": "电话号码只能包含数字、空格、横线和括号。",
        "phone.mobile_length": "手机号应为 11 位,现在是 {0} 位。",
        "phone.format": "电话号码格式不对:手机 11 位,座机如 010-62345678 或 0951-5012345。",
        "role.desk": "前台",
        "role.hotline": "热线",
        "role.caseworker": "联络员",
        "role.supervisor": "科室负责人",
        "role.admin": "管理员",
        "settings.centre_name": "请填写中心名称。",
        "settings.idle_minutes": "自动锁屏时间应在 1 到 240 分钟之间。",
    ]
}
