import DeskCore

/// What a new booking starts from: the room and day the clerk was looking at,
/// the next half hour, and (from check-in) the person.
struct BookingDraft: Equatable {
    var room: ID<Room>
    var date: LocalDate
    var span: TimeSpan
    var headcount = 1
    var kind: HolderKind = .cadre
    var cadre: ID<Cadre>?

    /// A one-hour slot in `room` on `date`: from the next half hour if that day
    /// is today, never before the room opens; the room's first accepted kind.
    static func starting(room: Room, date: LocalDate, now: LocalDateTime, cadre: ID<Cadre>? = nil) -> BookingDraft {
        let periods = room.hours.periods(on: date)
        var start = periods.first?.start.minuteOfDay ?? 9 * 60
        if date == now.date {
            let next = (now.time.minuteOfDay + 29) / 30 * 30
            start = periods.first { $0.end.minuteOfDay - 60 >= next }.map { max($0.start.minuteOfDay, next) } ?? next
        }
        start = min(start, 23 * 60)
        let kind: HolderKind = cadre != nil || room.accepts(.cadre) ? .cadre : room.bookableFor.first ?? .cadre
        return BookingDraft(room: room.id, date: date,
                            span: TimeSpan(LocalTime(minuteOfDay: start), LocalTime(minuteOfDay: start + 60)),
                            kind: kind, cadre: cadre)
    }
}
