import DeskCore
import DeskTUI

/// The question asked when a visit would save but a person should look first
/// (a likely duplicate, a large sum, a date long past): every warning, then
/// "save anyway?". The focus starts on "back", so a stray Enter saves nothing.
enum VisitWarnings {
    static let shown = 6

    static func dialog(_ problems: [Problem], _ t: Localizer) -> Dialog {
        var lines = problems.prefix(shown).map(t.message)
        if problems.count > shown { lines.append(t("visits.confirm.more", problems.count - shown)) }
        return Dialog.confirm(title: t("visits.confirm.title"), message: lines.joined(separator: "\n"),
                              yes: t("visits.confirm.save"), no: t("visits.confirm.back"))
    }
}
