import DeskCore

/// The names lists and forms show for a visit's codes and people, in the
/// session's language (dates and money go through `Display`).
enum VisitWords {
    static func kind(_ k: VisitKind, _ t: Localizer) -> String { t(k.catalogKey) }
    static func occasion(_ o: VisitOccasion, _ t: Localizer) -> String { t(o.catalogKey) }

    static func staffName(_ id: ID<Staff>?, _ app: AppContext) -> String {
        guard let id else { return app.text("visits.unassigned") }
        return app.state.staff[id]?.name ?? id.raw
    }

    /// `王芳、李明`
    static func staffNames(_ ids: [ID<Staff>], _ app: AppContext) -> String {
        ids.map { staffName($0, app) }.joined(separator: app.text("visits.list_separator"))
    }

    static func cadreName(_ id: ID<Cadre>, _ app: AppContext) -> String { app.state.roster[id]?.name ?? id.raw }

    /// `张三`, or `张三等 5 人` for a group visit.
    static func cadreNames(_ ids: [ID<Cadre>], _ app: AppContext) -> String {
        guard let first = ids.first else { return "" }
        return ids.count == 1 ? cadreName(first, app) : app.text("visits.group_names", cadreName(first, app), ids.count)
    }

    /// `张三、李四、王五 等 37 人`: the first few names of a long selection.
    static func someNames(_ ids: [ID<Cadre>], _ app: AppContext, shown: Int = 5) -> String {
        let names = ids.prefix(shown).map { cadreName($0, app) }.joined(separator: app.text("visits.list_separator"))
        return ids.count > shown ? app.text("visits.and_more", names, ids.count) : names
    }
}
