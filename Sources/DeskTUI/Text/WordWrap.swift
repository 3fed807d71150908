/// Breaks text into lines that fit a number of display columns.
///
/// Latin words break at spaces; CJK text may break between any two characters, except
/// that closing punctuation (`，。」`…) never starts a line and opening punctuation (`「（`…)
/// never ends one. A word wider than the line is split between characters. `\n` starts a
/// new line; spaces where a line breaks are dropped. No line is wider than `width` unless
/// a single character is.
public enum WordWrap {
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            wrapParagraph(paragraph, width: width, into: &result)
        }
        return result
    }

    /// A run that stays together, with the spaces that preceded it.
    private struct Unit {
        var gap = ""
        var text = ""
        var width = 0
        var lastIsNarrow = false
        var lastIsOpener = false
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int, into result: inout [String]) {
        var line = ""
        var lineWidth = 0
        func place(_ unit: Unit) {
            let gapWidth = DisplayWidth.of(unit.gap)
            if lineWidth > 0, lineWidth + gapWidth + unit.width <= width {
                line += unit.gap + unit.text
                lineWidth += gapWidth + unit.width
                return
            }
            if lineWidth > 0 {
                result.append(line)
                line = ""
                lineWidth = 0
            }
            if unit.width <= width {
                line = unit.text
                lineWidth = unit.width
                return
            }
            // Too wide for any line: split between characters.
            for character in unit.text {
                let characterWidth = DisplayWidth.of(character)
                if lineWidth + characterWidth > width, lineWidth > 0 {
                    result.append(line)
                    line = ""
                    lineWidth = 0
                }
                line.append(character)
                lineWidth += characterWidth
            }
        }

        var current = Unit()
        var pendingGap = ""
        for character in paragraph {
            if character == " " || character == "\t" {
                pendingGap.append(" ")
                continue
            }
            let characterWidth = DisplayWidth.of(character)
            let joins = pendingGap.isEmpty && !current.text.isEmpty
                && (closers.contains(character) || current.lastIsOpener
                    || (characterWidth < 2 && current.lastIsNarrow))
            if !joins {
                if !current.text.isEmpty { place(current) }
                current = Unit(gap: pendingGap)  // a gap at the start of a line is dropped by place
                pendingGap = ""
            }
            current.text.append(character)
            current.width += characterWidth
            current.lastIsNarrow = characterWidth < 2
            current.lastIsOpener = openers.contains(character)
        }
        if !current.text.isEmpty { place(current) }
        result.append(line)
    }

    private static let openers: Set<Character> = ["(", "[", "{", "“", "‘", "（", "「", "『", "《", "〈", "【", "〔"]
    private static let closers: Set<Character> = [
        ",", ".", ";", ":", "!", "?", ")", "]", "}", "”", "’", "%",
        "，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "》", "〉", "】", "〕", "…", "·",
    ]
}
