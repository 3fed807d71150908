import CNcursesw

/// Turns what `get_wch` returns into a `Key`. Pure, so the mapping is unit-tested without
/// a terminal; `NcursesCanvas.readKey` adds the one stateful rule (Esc + x = Alt-x).
enum CursesKeyDecoder {
    /// A character code (`get_wch` returned OK).
    static func key(forCharacter code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace  // terminals disagree on which one Backspace sends
        case 1...26:
            return .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60)))  // 1 = Ctrl-A
        case 28...31:
            return .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x40)))  // Ctrl-\ ] ^ _
        case 0, 0x80...0x9F:
            return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// A function-key code (`get_wch` returned KEY_CODE_YES).
    static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_A1, KEY_FIND: return .home
        case KEY_END, KEY_C1, KEY_SELECT, KEY_LL: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_RESIZE: return .resize
        case cd_KEY_F(1)...cd_KEY_F(12): return .f(Int(code - cd_KEY_F(0)))
        default: return nil
        }
    }

    /// Esc followed at once by `next`: Alt with that character, when it is one.
    static func altKey(after next: Key) -> Key? {
        if case .char(let character) = next { return .alt(character) }
        return nil
    }
}
