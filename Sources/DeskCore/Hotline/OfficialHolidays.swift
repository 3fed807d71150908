/// China's official public holidays and make-up working days (调休), as the
/// General Office of the State Council announces them each November. Shipped
/// as data; an admin adds later years in the settings (or a new build ships them).
///
/// Sources:
/// - 2025: 国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号, 2024-11-12.
/// - 2026: 国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04 (新华社; gmw.cn politics, 2025-11/04/content_38391083).
enum OfficialHolidays {
    static let years = [2025, 2026]

    static let holidays: [CalendarDay] =
        span(2025, 1, 1, 1, "hotline.holiday.new_year")
        + span(2025, 1, 28, 8, "hotline.holiday.spring")        // 1/28–2/4
        + span(2025, 4, 4, 3, "hotline.holiday.qingming")       // 4/4–4/6
        + span(2025, 5, 1, 5, "hotline.holiday.labour")         // 5/1–5/5
        + span(2025, 5, 31, 3, "hotline.holiday.dragon_boat")   // 5/31–6/2
        + span(2025, 10, 1, 8, "hotline.holiday.national")      // 10/1–10/8 (with 中秋)
        + span(2026, 1, 1, 3, "hotline.holiday.new_year")       // 1/1–1/3
        + span(2026, 2, 15, 9, "hotline.holiday.spring")        // 2/15–2/23
        + span(2026, 4, 4, 3, "hotline.holiday.qingming")       // 4/4–4/6
        + span(2026, 5, 1, 5, "hotline.holiday.labour")         // 5/1–5/5
        + span(2026, 6, 19, 3, "hotline.holiday.dragon_boat")   // 6/19–6/21
        + span(2026, 9, 25, 3, "hotline.holiday.mid_autumn")    // 9/25–9/27
        + span(2026, 10, 1, 7, "hotline.holiday.national")      // 10/1–10/7

    static let workdays: [CalendarDay] = [
        CalendarDay(LocalDate(2025, 1, 26), "hotline.holiday.spring"),
        CalendarDay(LocalDate(2025, 2, 8), "hotline.holiday.spring"),
        CalendarDay(LocalDate(2025, 4, 27), "hotline.holiday.labour"),
        CalendarDay(LocalDate(2025, 9, 28), "hotline.holiday.national"),
        CalendarDay(LocalDate(2025, 10, 11), "hotline.holiday.national"),
        CalendarDay(LocalDate(2026, 1, 4), "hotline.holiday.new_year"),
        CalendarDay(LocalDate(2026, 2, 14), "hotline.holiday.spring"),
        CalendarDay(LocalDate(2026, 2, 28), "hotline.holiday.spring"),
        CalendarDay(LocalDate(2026, 5, 9), "hotline.holiday.labour"),
        CalendarDay(LocalDate(2026, 9, 20), "hotline.holiday.national"),
        CalendarDay(LocalDate(2026, 10, 10), "hotline.holiday.national"),
    ]

    private static func span(_ y: Int, _ m: Int, _ d: Int, _ days: Int, _ name: String) -> [CalendarDay] {
        let first = LocalDate(y, m, d)
        return (0..<days).map { CalendarDay(first.adding(days: $0), name) }
    }
}
