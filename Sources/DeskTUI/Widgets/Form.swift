/// A field's value as the form reports it.
public enum FormValue: Hashable, Sendable {
    case text(String)
    /// Index of the chosen option.
    case choice(Int)
}

/// The values of all fields, by field id.
public struct FormValues: Hashable, Sendable {
    public var byID: [String: FormValue]

    public init(_ byID: [String: FormValue] = [:]) { self.byID = byID }

    public subscript(id: String) -> FormValue? { byID[id] }

    /// The text of a text field ("" for an unknown id or a choice field).
    public func text(_ id: String) -> String {
        if case .text(let text)? = byID[id] { return text }
        return ""
    }

    /// The chosen option of a choice field (nil for an unknown id or a text field).
    public func choice(_ id: String) -> Int? {
        if case .choice(let index)? = byID[id] { return index }
        return nil
    }
}

/// One row of a form.
public struct FormField {
    public enum Editor: Equatable, Sendable {
        case text(TextField)
        case choice(ChoiceField)
    }

    /// The caller's key for the value.
    public let id: String
    /// Caller string shown left of the editor.
    public var label: String
    /// Shows `*` and refuses to submit while the field is empty.
    public var isRequired: Bool
    public var editor: Editor
    /// Columns for the editor; nil takes the line up to 40 columns.
    public var width: Int?
    /// Checks a text field's value on submit; returns a message (caller string) or nil.
    public var validate: ((String) -> String?)?
    /// The message shown beside the field; cleared when the field is edited.
    public var error: String?
    /// Drawn as one dot per character (PINs): the text never reaches the screen.
    public var isSecret = false

    public init(id: String, label: String, isRequired: Bool = false, editor: Editor, width: Int? = nil,
                validate: ((String) -> String?)? = nil) {
        self.id = id
        self.label = label
        self.isRequired = isRequired
        self.editor = editor
        self.width = width
        self.validate = validate
    }

    public static func text(_ id: String, label: String, text: String = "", placeholder: String = "",
                            required: Bool = false, maxLength: Int? = nil, width: Int? = nil, secret: Bool = false,
                            validate: ((String) -> String?)? = nil) -> FormField {
        var f = FormField(id: id, label: label, isRequired: required,
                          editor: .text(TextField(text: text, placeholder: placeholder, maxLength: maxLength)),
                          width: width, validate: validate)
        f.isSecret = secret
        return f
    }

    public static func choice(_ id: String, label: String, options: [String], selected: Int = 0,
                              width: Int? = nil) -> FormField {
        FormField(id: id, label: label, editor: .choice(ChoiceField(options: options, selected: selected)), width: width)
    }

    public var value: FormValue {
        switch editor {
        case .text(let field): return .text(field.text)
        case .choice(let field): return .choice(field.selected)
        }
    }
}

/// The caller strings a form shows (from the app's catalog).
public struct FormStrings: Sendable {
    /// Shown beside an empty required field on submit ("必填").
    public var requiredMessage: String
    /// The question asked on Esc when there are unsaved edits ("放弃修改？").
    public var discardChangesPrompt: String
    /// The button that throws the edits away ("放弃").
    public var discardButton: String
    /// The button that returns to the form ("继续编辑").
    public var keepEditingButton: String

    /// Shown beside a field that is full when a character more is typed;
    /// `{0}` is its limit ("已达 40 字上限…"), so input is never dropped silently.
    public var fullMessage: String

    public init(requiredMessage: String, discardChangesPrompt: String, discardButton: String,
                keepEditingButton: String, fullMessage: String = "{0} max") {
        self.requiredMessage = requiredMessage
        self.discardChangesPrompt = discardChangesPrompt
        self.discardButton = discardButton
        self.keepEditingButton = keepEditingButton
        self.fullMessage = fullMessage
    }
}

/// What a key did to a form.
public enum FormOutcome: Equatable, Sendable {
    /// Consumed (edit, focus move, confirm shown…).
    case handled
    /// Not a form key; the screen may use it (F-keys, say).
    case ignored
    /// Enter with every field valid: save these values. If saving fails, call
    /// `setError(_:forField:)` and keep the form.
    case submit(FormValues)
    /// Enter, but a field failed validation; its message is shown and it has the focus.
    case rejected
    /// Esc with nothing to lose, or discarding was confirmed: close the form.
    case cancel
}

/// A column of labelled fields with validation, for entering or editing a record.
///
/// Tab/Shift-Tab/↓/↑ move between fields; other keys go to the focused field. Enter
/// submits (validating first); Esc cancels, asking `discardChangesPrompt` first when the
/// values differ from the initial ones.
public struct Form {
    public private(set) var fields: [FormField]
    public private(set) var focusedIndex: Int = 0
    public var strings: FormStrings
    private let initialValues: FormValues
    /// The discard question while it is open.
    public private(set) var discardConfirm: Dialog?

    public init(fields: [FormField], strings: FormStrings) {
        self.fields = fields
        self.strings = strings
        self.initialValues = Form.values(of: fields)
    }

    public var values: FormValues { Form.values(of: fields) }

    /// True when any value differs from what the form started with.
    public var isDirty: Bool { values != initialValues }

    public var focusedFieldID: String? { fields.indices.contains(focusedIndex) ? fields[focusedIndex].id : nil }

    /// Shows `message` beside a field (e.g. a rule the domain checked on save); nil clears.
    public mutating func setError(_ message: String?, forField id: String) {
        guard let index = fields.firstIndex(where: { $0.id == id }) else { return }
        fields[index].error = message
    }

    public mutating func focus(fieldID id: String) {
        if let index = fields.firstIndex(where: { $0.id == id }) { focusedIndex = index }
    }

    /// Puts `message` under the field and the cursor in it: what a form does
    /// with a value it cannot take.
    public mutating func show(_ message: String, onField id: String) {
        setError(message, forField: id)
        focus(fieldID: id)
    }

    public mutating func handle(_ key: Key) -> FormOutcome {
        if var dialog = discardConfirm {
            let outcome = dialog.handle(key)
            discardConfirm = dialog
            switch outcome {
            case .chosen(0): return .cancel
            case .chosen, .dismissed: discardConfirm = nil
            case .handled, .ignored: break
            }
            return .handled
        }
        switch key {
        case .tab, .down:
            moveFocus(by: 1)
        case .backTab, .up:
            moveFocus(by: -1)
        case .enter:
            return submit()
        case .escape:
            return cancel()
        default:
            return edit(key)
        }
        return .handled
    }

    /// Validates every field; `.submit(values)` when all pass, else shows the messages,
    /// focuses the first failing field and returns `.rejected`.
    public mutating func submit() -> FormOutcome {
        var firstInvalid: Int?
        for index in fields.indices {
            fields[index].error = validationMessage(for: fields[index])
            if fields[index].error != nil, firstInvalid == nil { firstInvalid = index }
        }
        if let firstInvalid {
            focusedIndex = firstInvalid
            return .rejected
        }
        return .submit(values)
    }

    /// `.cancel` when nothing was changed; otherwise opens the discard question.
    public mutating func cancel() -> FormOutcome {
        guard isDirty else { return .cancel }
        discardConfirm = Dialog.confirm(message: strings.discardChangesPrompt,
                                        yes: strings.discardButton, no: strings.keepEditingButton)
        return .handled
    }

    private func validationMessage(for field: FormField) -> String? {
        guard case .text(let editor) = field.editor else { return nil }
        if field.isRequired, editor.characters.allSatisfy(\.isWhitespace) { return strings.requiredMessage }
        return field.validate?(editor.text)
    }

    private mutating func moveFocus(by step: Int) {
        guard !fields.isEmpty else { return }
        focusedIndex = (focusedIndex + step + fields.count) % fields.count
    }

    private mutating func edit(_ key: Key) -> FormOutcome {
        guard fields.indices.contains(focusedIndex) else { return .ignored }
        let outcome: FieldOutcome
        switch fields[focusedIndex].editor {
        case .text(var editor):
            let full = editor.maxLength.map { editor.characters.count >= $0 } ?? false
            outcome = editor.handle(key)
            fields[focusedIndex].editor = .text(editor)
            if outcome == .ignored, full, case .char = key, let limit = editor.maxLength {
                // Say why the key did nothing rather than drop it without a word.
                fields[focusedIndex].error = strings.fullMessage.replacingOccurrences(of: "{0}", with: String(limit))
                return .handled
            }
        case .choice(var editor):
            outcome = editor.handle(key)
            fields[focusedIndex].editor = .choice(editor)
        }
        if outcome == .changed { fields[focusedIndex].error = nil }
        return outcome == .ignored ? .ignored : .handled
    }

    private static func values(of fields: [FormField]) -> FormValues {
        FormValues(Dictionary(fields.map { ($0.id, $0.value) }, uniquingKeysWith: { first, _ in first }))
    }

    // MARK: Drawing

    /// Draws the fields from the top of `rect`, one per line (a validation message that
    /// does not fit beside its field takes the lines below, wrapped by display width), and
    /// the discard question over them when it is open, or over `dialogArea` when given (a
    /// form in a small box asks over the page, as the dialog needs more lines than the box
    /// has). A form taller than `rect` scrolls so that the focused field is visible; `▲`/`▼`
    /// in the last column mark fields above and below.
    public func draw(in canvas: inout some Canvas, rect: Rect, dialogArea: Rect? = nil) {
        let layout = Layout(self, width: rect.width)
        let heights = layout.heights
        let first = Form.firstVisible(heights: heights, focus: focusedIndex, height: rect.height)
        var y = rect.y
        for (index, field) in fields.enumerated().dropFirst(first) where y < rect.maxY {
            let focused = index == focusedIndex && discardConfirm == nil
            let labelText = DisplayWidth.pad(field.label, to: layout.labelWidth, alignment: .right)
            canvas.put(labelText, at: Point(x: rect.x, y: y), style: Style(.normal, focused ? .bold : []),
                       maxWidth: layout.labelWidth)
            if field.isRequired {
                let markX = rect.x + layout.labelWidth - DisplayWidth.of(field.label) - 1
                canvas.put("*", at: Point(x: markX, y: y), style: Style(.error))
            }
            let editorX = rect.x + layout.editorOffset
            let editorRect = Rect(x: editorX, y: y, width: layout.editorWidth(field), height: 1)
            switch field.editor {
            case .text(let editor) where field.isSecret:
                TextField(text: String(repeating: "•", count: editor.characters.count))
                    .draw(in: &canvas, rect: editorRect, focused: focused)
            case .text(let editor): editor.draw(in: &canvas, rect: editorRect, focused: focused)
            case .choice(let editor): editor.draw(in: &canvas, rect: editorRect, focused: focused)
            }
            if let error = field.error {
                if layout.errorBeside(field) {
                    canvas.put(error, at: Point(x: editorRect.maxX + 2, y: y), style: Style(.error))
                } else {
                    for line in WordWrap.lines(error, width: layout.available) where y + 1 < rect.maxY {
                        y += 1
                        canvas.put(line, at: Point(x: editorX, y: y), style: Style(.error), maxWidth: layout.available)
                    }
                }
            }
            y += 1
        }
        if rect.width > 0, rect.height > 0 {
            if first > 0 { canvas.put("▲", at: Point(x: rect.maxX - 1, y: rect.y), style: Style(.muted)) }
            let shown = heights[first...].reduce(0, +)
            if shown > rect.height { canvas.put("▼", at: Point(x: rect.maxX - 1, y: rect.maxY - 1), style: Style(.muted)) }
        }
        discardConfirm?.draw(in: &canvas, rect: dialogArea ?? rect)
    }

    /// The lines the form takes when drawn `width` columns wide: one per field, plus
    /// the lines of each message that goes below its field.
    public func height(width: Int) -> Int { Layout(self, width: width).heights.reduce(0, +) }

    /// Where the parts of each field go at one width (shared by drawing and measuring).
    private struct Layout {
        let labelWidth: Int
        /// Columns from the form's left edge to the editors.
        let editorOffset: Int
        /// Columns from the editors to the right edge.
        let available: Int
        let width: Int
        var heights: [Int] = []

        init(_ form: Form, width: Int) {
            // "*" sits right before the label; labels are right-aligned by display width.
            labelWidth = form.fields.map { DisplayWidth.of($0.label) + ($0.isRequired ? 1 : 0) }.max() ?? 0
            editorOffset = labelWidth + 2
            available = max(0, width - editorOffset)
            self.width = width
            heights = form.fields.map { field in
                guard let error = field.error, !errorBeside(field) else { return 1 }
                return 1 + WordWrap.lines(error, width: available).count
            }
        }

        func editorWidth(_ field: FormField) -> Int { min(field.width ?? 40, available) }

        func errorBeside(_ field: FormField) -> Bool {
            guard let error = field.error else { return true }
            return DisplayWidth.of(error) <= width - (editorOffset + editorWidth(field) + 2)
        }
    }

    /// The first field drawn when fields take `heights` lines and `height` lines show:
    /// the top while the focused field fits, else just enough scrolled to show it.
    static func firstVisible(heights: [Int], focus: Int, height: Int) -> Int {
        guard heights.indices.contains(focus) else { return 0 }
        var first = 0
        var used = heights[0...focus].reduce(0, +)
        while used > height, first < focus {
            used -= heights[first]
            first += 1
        }
        return first
    }
}
