import Testing
@testable import DeskTUI

@Suite struct WordWrapTests {
    @Test func latinWordsBreakAtSpaces() {
        #expect(WordWrap.lines("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func chineseBreaksBetweenAnyTwoCharacters() {
        let lines = WordWrap.lines("老干部服务中心欢迎您", width: 8)
        #expect(lines == ["老干部服", "务中心欢", "迎您"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 8 })
    }

    @Test func closingPunctuationNeverStartsALine() {
        // "服务，" would put "，" at the start of the second line; the character before it moves down.
        let lines = WordWrap.lines("老干部服，中心", width: 8)
        #expect(lines == ["老干部", "服，中心"])
    }

    @Test func aWordWiderThanTheLineIsSplit() {
        #expect(WordWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }

    @Test func newlinesStartNewLinesAndEmptyLinesSurvive() {
        #expect(WordWrap.lines("一\n\n二", width: 10) == ["一", "", "二"])
    }

    @Test func mixedTextLinesNeverExceedTheWidth() {
        let text = "请于2024年3月5日 before noon 到活动中心（三楼）办理登记手续，逾期不候。"
        for width in 2...30 {
            let lines = WordWrap.lines(text, width: width)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "width \(width): \(lines)")
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
        }
    }
}
