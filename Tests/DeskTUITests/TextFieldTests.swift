import Testing
@testable import DeskTUI

@Suite struct TextFieldTests {
    static func type(_ text: String, into field: inout TextField) {
        for character in text { _ = field.handle(.char(character)) }
    }

    static func render(_ field: TextField, width: Int) -> MemoryCanvas {
        var canvas = MemoryCanvas(width: width, height: 1)
        field.draw(in: &canvas, rect: Rect(x: 0, y: 0, width: width, height: 1), focused: true)
        return canvas
    }

    @Test func typingZhangSanPutsTheCursorAtColumnFour() {
        var field = TextField()
        Self.type("张三", into: &field)
        #expect(field.text == "张三")
        #expect(field.cursorColumn(width: 20) == 4)
        let canvas = Self.render(field, width: 20)
        #expect(canvas.lines() == ["张三"])
        #expect(canvas.cursor == Point(x: 4, y: 0))
    }

    @Test func backspaceRemovesOneGrapheme() {
        var field = TextField(text: "Jose\u{301}张")  // é as e + combining accent
        #expect(field.handle(.backspace) == .changed)
        #expect(field.text == "Jose\u{301}")
        _ = field.handle(.backspace)
        #expect(field.text == "Jos")
    }

    @Test func anEmojiZWJSequenceTypedScalarByScalarIsOneGraphemeOfWidthTwo() {
        var field = TextField(text: "a")
        for scalar in "👨‍👩‍👧".unicodeScalars { _ = field.handle(.char(Character(scalar))) }
        #expect(field.characters == ["a", "👨‍👩‍👧"])
        #expect(field.cursorColumn(width: 20) == 3)
        _ = field.handle(.left)
        #expect(field.cursor == 1)
        _ = field.handle(.delete)
        #expect(field.text == "a")
    }

    @Test func cursorMovesByGraphemeWithArrowsHomeEndAndCtrlAE() {
        var field = TextField(text: "王小明")
        _ = field.handle(.left)
        #expect(field.cursorColumn(width: 20) == 4)
        _ = field.handle(.home)
        #expect(field.cursor == 0)
        _ = field.handle(.ctrl("e"))
        #expect(field.cursor == 3)
        _ = field.handle(.ctrl("a"))
        _ = field.handle(.right)
        Self.type("大", into: &field)
        #expect(field.text == "王大小明")
    }

    @Test func ctrlUClearsToTheStartCtrlKToTheEndCtrlWOneWord() {
        var field = TextField(text: "北京市 朝阳区 建国路")
        for _ in 0..<3 { _ = field.handle(.left) }  // before 建
        _ = field.handle(.ctrl("w"))  // the word and the space before the cursor
        #expect(field.text == "北京市 建国路")
        _ = field.handle(.ctrl("k"))
        #expect(field.text == "北京市 ")
        _ = field.handle(.left)
        _ = field.handle(.ctrl("u"))
        #expect(field.text == " ")
        #expect(field.cursor == 0)
    }

    @Test func scrollingWhenTooLongNeverShowsHalfACJKCharacter() {
        var field = TextField()
        Self.type("一二三四五六七八九十", into: &field)
        for position in (0...10).reversed() {
            while field.cursor > position { _ = field.handle(.left) }
            for width in [5, 6, 7] {
                let canvas = Self.render(field, width: width)
                let line = canvas.line(0)
                #expect(DisplayWidth.of(line) <= width)
                // Whatever is shown is a run of whole characters of the text.
                #expect("一二三四五六七八九十".contains(line.trimmingCharacters()))
                let cursor = try! #require(canvas.cursor)
                #expect(cursor.x < width, "cursor at \(position) in \(width)")
                // The cursor stands on the character it is before (or just after the text).
                if position < 10 {
                    #expect(canvas.cell(at: cursor).character == field.characters[position])
                }
            }
        }
    }

    @Test func aLongPasteArrivingAsSeparateKeysRespectsMaxLength() {
        var field = TextField(maxLength: 6)
        Self.type("110101199003077777", into: &field)
        #expect(field.text == "110101")
        #expect(field.insert("x") == false)
    }

    @Test func thePlaceholderShowsWhileEmpty() {
        let field = TextField(placeholder: "请输入姓名")
        let canvas = Self.render(field, width: 20)
        #expect(canvas.lines() == ["请输入姓名"])
        #expect(canvas.style(at: Point(x: 0, y: 0)).role == .muted)
        #expect(canvas.cursor == Point(x: 0, y: 0))
    }

    @Test func aPlaceholderTooLongForTheFieldEndsInAnEllipsisWithoutSplittingAWideCharacter() {
        let field = TextField(placeholder: "姓名、首字母 zs、电话后四位")
        #expect(Self.render(field, width: 10).lines() == ["姓名、首…"])
        #expect(Self.render(field, width: 11).lines() == ["姓名、首字…"])
    }

    @Test func keysForTheContainerAreIgnored() {
        var field = TextField(text: "x")
        for key: Key in [.enter, .escape, .tab, .up, .down, .f(2)] {
            #expect(field.handle(key) == .ignored)
        }
        #expect(field.handle(.char("\n")) == .ignored)
    }
}

extension String {
    func trimmingCharacters() -> String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
