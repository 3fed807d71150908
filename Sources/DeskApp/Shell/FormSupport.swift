import DeskCore
import DeskTUI

/// Shows a command's problems where they belong: beside their form field, or
/// (for problems about the whole thing) as a message the screen shows above
/// the form. Returns the latter.
public enum FormProblems {
    @discardableResult
    public static func show(_ error: DeskError, on form: inout Form, _ text: Localizer) -> [String] {
        var general: [String] = []
        let ids = Set(form.fields.map(\.id))
        for p in error.problems {
            if let f = p.field, ids.contains(f) {
                form.setError(text.message(p), forField: f)
            } else {
                general.append(text.message(p))
            }
        }
        if let first = error.problems.first(where: { $0.field.map(ids.contains) ?? false })?.field {
            form.focus(fieldID: first)
        }
        return general
    }

    /// Adds `error`'s problems beside fields that show no message yet (the
    /// form's own "required" stays where it is; the focus does not move).
    public static func addUnshown(_ error: DeskError, on form: inout Form, _ text: Localizer) {
        for p in error.problems {
            guard let f = p.field, let field = form.fields.first(where: { $0.id == f }), field.error == nil else { continue }
            form.setError(text.message(p), forField: f)
        }
    }

    /// Feeds `key` to a pending "save anyway?" dialog (a warning the domain asked
    /// to confirm). Returns the form values to save again when the user says yes;
    /// clears the dialog once it is answered or dismissed.
    static func answer(_ pending: inout (dialog: Dialog, values: FormValues)?, _ key: Key) -> FormValues? {
        guard let c = pending else { return nil }
        var dialog: Dialog? = c.dialog
        let yes = confirm(&dialog, key) == true
        pending = dialog.map { ($0, c.values) }
        return yes ? c.values : nil
    }

    /// Feeds `key` to a pending yes/no dialog (its first button is yes). nil:
    /// none was pending. true: the answer was yes; false: no, Esc, or not
    /// answered yet. The dialog is cleared once answered or dismissed.
    static func confirm(_ pending: inout Dialog?, _ key: Key) -> Bool? {
        guard var d = pending else { return nil }
        switch d.handle(key) {
        case .chosen(0): pending = nil; return true
        case .chosen, .dismissed: pending = nil
        default: pending = d
        }
        return false
    }

    /// The strings every form uses, in the session's language.
    public static func strings(_ text: Localizer) -> FormStrings {
        FormStrings(requiredMessage: text("app.form.required"), discardChangesPrompt: text("app.form.discard"),
                    discardButton: text("app.form.discard_yes"), keepEditingButton: text("app.form.keep_editing"),
                    fullMessage: text("app.form.full"))
    }
}

/// A message for one form field, found by a screen before any command runs
/// (a date that does not parse, an amount that is not money).
struct FieldProblem: Error, Equatable {
    var field: String
    var message: String
    init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}

extension Form {
    /// Shows `problem` beside its field and moves the focus there.
    mutating func show(_ problem: FieldProblem) {
        setError(problem.message, forField: problem.field)
        focus(fieldID: problem.field)
    }

    /// Shows every problem beside its field at once (not one per Enter) and
    /// moves the focus to the first.
    mutating func show(_ problems: [FieldProblem]) {
        for p in problems { setError(p.message, forField: p.field) }
        if let first = problems.first { focus(fieldID: first.field) }
    }
}
