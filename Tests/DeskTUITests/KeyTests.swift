import CNcursesw
import Testing
@testable import DeskTUI

@Suite struct KeyTests {
    @Test func labelsAreShortAndHuman() {
        #expect(Key.f(2).label == "F2")
        #expect(Key.enter.label == "Enter")
        #expect(Key.escape.label == "Esc")
        #expect(Key.ctrl("u").label == "Ctrl-U")
        #expect(Key.char("/").label == "/")
        #expect(Key.char(" ").label == "Space")
    }

    @Test func bindingLabelsRunArrowsTogether() {
        #expect(KeyBinding(keys: [.up, .down], label: "", help: "").keyLabel == "↑↓")
        #expect(KeyBinding(keys: [.char("j"), .char("k")], label: "", help: "").keyLabel == "j/k")
        #expect(KeyBinding(keys: [.f(2), .char("e")], label: "", help: "").keyLabel == "F2/e")
    }

    @Test func cursesCharactersDecode() {
        #expect(CursesKeyDecoder.key(forCharacter: 10) == .enter)
        #expect(CursesKeyDecoder.key(forCharacter: 13) == .enter)
        #expect(CursesKeyDecoder.key(forCharacter: 127) == .backspace)
        #expect(CursesKeyDecoder.key(forCharacter: 8) == .backspace)
        #expect(CursesKeyDecoder.key(forCharacter: 21) == .ctrl("u"))
        #expect(CursesKeyDecoder.key(forCharacter: 1) == .ctrl("a"))
        #expect(CursesKeyDecoder.key(forCharacter: 27) == .escape)
        #expect(CursesKeyDecoder.key(forCharacter: 9) == .tab)
        #expect(CursesKeyDecoder.key(forCharacter: 0x5F20) == .char("张"))
        #expect(CursesKeyDecoder.key(forCharacter: 0x1F600) == .char("😀"))
        #expect(CursesKeyDecoder.key(forCharacter: 0xD800) == nil)  // a lone surrogate is no character
    }

    @Test func cursesKeyCodesDecode() {
        #expect(CursesKeyDecoder.key(forKeyCode: KEY_UP) == .up)
        #expect(CursesKeyDecoder.key(forKeyCode: KEY_NPAGE) == .pageDown)
        #expect(CursesKeyDecoder.key(forKeyCode: KEY_BTAB) == .backTab)
        #expect(CursesKeyDecoder.key(forKeyCode: KEY_BACKSPACE) == .backspace)
        #expect(CursesKeyDecoder.key(forKeyCode: KEY_DC) == .delete)
        #expect(CursesKeyDecoder.key(forKeyCode: KEY_ENTER) == .enter)
        #expect(CursesKeyDecoder.key(forKeyCode: KEY_RESIZE) == .resize)
        #expect(CursesKeyDecoder.key(forKeyCode: cd_KEY_F(1)) == .f(1))
        #expect(CursesKeyDecoder.key(forKeyCode: cd_KEY_F(12)) == .f(12))
        #expect(CursesKeyDecoder.key(forKeyCode: cd_KEY_F(13)) == nil)
    }

    @Test func escFollowedByACharacterIsAlt() {
        #expect(CursesKeyDecoder.altKey(after: .char("x")) == .alt("x"))
        #expect(CursesKeyDecoder.altKey(after: .up) == nil)
    }
}
