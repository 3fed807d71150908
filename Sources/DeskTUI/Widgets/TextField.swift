/// What a key did to a field (text or choice).
public enum FieldOutcome: Equatable, Sendable {
    /// The text changed.
    case changed
    /// Only the cursor moved.
    case moved
    /// Not a key for the field (Enter, Esc, Tab, ↑↓…): the container decides.
    case ignored
}

/// A single-line editor over grapheme clusters, for CJK names as much as phone numbers.
///
/// Keys: characters insert (an IME or a paste delivers many in a row), ←/→ and Home/End
/// (Ctrl-A/Ctrl-E) move by grapheme, Backspace/Delete remove one, Ctrl-U clears to the
/// start, Ctrl-K to the end, Ctrl-W removes the word before the cursor.
public struct TextField: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Index into `characters` the cursor stands before (== count at the end).
    public private(set) var cursor: Int
    /// Shown (muted) while the field is empty; a caller string.
    public var placeholder: String
    /// At most this many characters (grapheme clusters); extra typed ones are dropped.
    public var maxLength: Int?

    public init(text: String = "", placeholder: String = "", maxLength: Int? = nil) {
        var characters = Array(text)
        if let maxLength, characters.count > maxLength { characters.removeLast(characters.count - maxLength) }
        self.characters = characters
        self.cursor = characters.count
        self.placeholder = placeholder
        self.maxLength = maxLength
    }

    /// The text; setting it puts the cursor at the end.
    public var text: String {
        get { String(characters) }
        set { self = TextField(text: newValue, placeholder: placeholder, maxLength: maxLength) }
    }

    public mutating func handle(_ key: Key) -> FieldOutcome {
        switch key {
        case .char(let character):
            return insert(character) ? .changed : .ignored
        case .left:
            return move(to: cursor - 1)
        case .right:
            return move(to: cursor + 1)
        case .home, .ctrl("a"):
            return move(to: 0)
        case .end, .ctrl("e"):
            return move(to: characters.count)
        case .backspace, .ctrl("h"):
            return remove(cursor - 1..<cursor)
        case .delete, .ctrl("d"):
            return remove(cursor..<cursor + 1)
        case .ctrl("u"):
            return remove(0..<cursor)
        case .ctrl("k"):
            return remove(cursor..<characters.count)
        case .ctrl("w"):
            var start = cursor
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            return remove(start..<cursor)
        default:
            return .ignored
        }
    }

    /// Inserts text at the cursor as if typed (a paste); returns whether anything changed.
    @discardableResult
    public mutating func insert(_ text: String) -> Bool {
        var changed = false
        for character in text where insert(character) { changed = true }
        return changed
    }

    private mutating func insert(_ character: Character) -> Bool {
        if character.isNewline { return false }
        // A cluster can arrive one scalar at a time (e + ◌́, 👨 + ZWJ + 👩): join it to the
        // character before the cursor when together they form one grapheme.
        if cursor > 0 {
            let joined = String(characters[cursor - 1]) + String(character)
            if joined.count == 1 {
                characters[cursor - 1] = joined.first!
                return true
            }
        }
        // Zero-width on its own (a control, a stray mark): nothing to show or edit.
        if DisplayWidth.of(character) == 0 { return false }
        if let maxLength, characters.count >= maxLength { return false }
        characters.insert(character, at: cursor)
        cursor += 1
        return true
    }

    private mutating func move(to position: Int) -> FieldOutcome {
        let clamped = min(max(0, position), characters.count)
        guard clamped != cursor else { return .moved }
        cursor = clamped
        return .moved
    }

    private mutating func remove(_ range: Range<Int>) -> FieldOutcome {
        let clamped = max(0, range.lowerBound)..<min(characters.count, range.upperBound)
        guard !clamped.isEmpty else { return .moved }
        characters.removeSubrange(clamped)
        cursor = clamped.lowerBound
        return .changed
    }

    // MARK: Drawing

    /// The first character shown in a field `width` columns wide. Derived from the text
    /// and cursor alone: from the start while the cursor fits, else so that the cursor
    /// stands at the right edge.
    func firstVisible(width: Int) -> Int {
        let cursorCell = cursor < characters.count ? max(1, DisplayWidth.of(characters[cursor])) : 1
        var used = cursorCell
        var start = cursor
        while start > 0 {
            let previous = DisplayWidth.of(characters[start - 1])
            if used + previous > width { break }
            used += previous
            start -= 1
        }
        return start
    }

    /// The cursor's column relative to the field's left edge, in a field `width` wide.
    public func cursorColumn(width: Int) -> Int {
        let start = firstVisible(width: width)
        return DisplayWidth.of(String(characters[start..<cursor]))
    }

    /// Draws the field on the first row of `rect`. When `focused`, uses `inputFocused`
    /// and places the canvas cursor.
    public func draw(in canvas: inout some Canvas, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let style = Style(focused ? .inputFocused : .input)
        canvas.fill(rect.row(0), style: style)
        if characters.isEmpty {
            // A hint cut short says so (…), never splitting a wide character.
            canvas.put(DisplayWidth.truncate(placeholder, to: rect.width), at: Point(x: rect.x, y: rect.y), style: Style(.muted), maxWidth: rect.width)
        } else {
            let start = firstVisible(width: rect.width)
            canvas.put(String(characters[start...]), at: Point(x: rect.x, y: rect.y), style: style, maxWidth: rect.width)
        }
        if focused {
            canvas.cursor = Point(x: rect.x + min(cursorColumn(width: rect.width), rect.width - 1), y: rect.y)
        }
    }
}
