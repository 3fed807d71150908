import Testing
@testable import DeskTUI

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnPerCharacter() {
        #expect(DisplayWidth.of("Hello, world") == 12)
    }

    @Test func cjkIsTwoColumnsPerCharacter() {
        #expect(DisplayWidth.of("欧阳修远") == 8)
        #expect(DisplayWidth.of("张三 Li") == 7)
        #expect(DisplayWidth.of(Character("，")) == 2)
    }

    @Test func combiningMarksTakeNoColumn() {
        let decomposed = "e\u{301}"  // é as e + combining acute: one cluster
        #expect(decomposed.count == 1)
        #expect(DisplayWidth.of(decomposed) == 1)
    }

    @Test func emojiSequencesAreOneClusterOfWidthTwo() {
        let family = "👨‍👩‍👧"
        #expect(family.count == 1)
        #expect(DisplayWidth.of(family) == 2)
        #expect(DisplayWidth.of("🇨🇳") == 2)
        #expect(DisplayWidth.of("❤️") == 2)  // U+2764 is narrow on its own; VS16 makes it emoji
        #expect(DisplayWidth.of("❤") == 1)
    }

    @Test func controlCharactersTakeNoColumn() {
        #expect(DisplayWidth.of("a\u{7}b") == 2)
        #expect(DisplayWidth.of(Character("\u{85}")) == 0)
    }

    @Test func boxDrawingBlocksAndEllipsisAreOneColumn() {
        #expect(DisplayWidth.of("─│┌…▁█") == 6)
    }

    @Test func textThatFitsIsPaddedToTheField() {
        #expect(DisplayWidth.fit("欧阳修远", to: 10) == "欧阳修远  ")
        #expect(DisplayWidth.fit("42", to: 5, alignment: .right) == "   42")
        #expect(DisplayWidth.fit("张三", to: 8, alignment: .center) == "  张三  ")
    }

    @Test func truncationMarksTheCutAndNeverSplitsAWideCharacter() {
        // 欧阳修远 (8) + … (1) = 9 columns fit in 10; 欧阳修远志 would need 11.
        #expect(DisplayWidth.truncate("欧阳修远志明", to: 10) == "欧阳修远…")
        #expect(DisplayWidth.fit("欧阳修远志明", to: 10) == "欧阳修远… ")
        // In 8 columns the fourth character has to go to make room for the mark.
        #expect(DisplayWidth.truncate("欧阳修远志明", to: 8) == "欧阳修…")
        #expect(DisplayWidth.fit("欧阳修远志明", to: 8) == "欧阳修… ")
        #expect(DisplayWidth.truncate("abcdefgh", to: 5) == "abcd…")
        #expect(DisplayWidth.truncate("张", to: 1) == "…")
        #expect(DisplayWidth.truncate("anything", to: 0) == "")
        for width in 0...13 {
            #expect(DisplayWidth.of(DisplayWidth.fit("欧阳修远志明", to: width)) == width)
        }
    }

    @Test func textOfExactlyTheWidthIsNotCut() {
        #expect(DisplayWidth.truncate("欧阳修远志", to: 10) == "欧阳修远志")
        #expect(DisplayWidth.truncate("abcde", to: 5) == "abcde")
    }

    @Test func fallbackTableAgreesOnCommonScripts() {
        #expect(DisplayWidth.fallbackWidth("张") == 2)
        #expect(DisplayWidth.fallbackWidth("가") == 2)
        #expect(DisplayWidth.fallbackWidth("Ａ") == 2)  // fullwidth A
        #expect(DisplayWidth.fallbackWidth("é") == 1)
        #expect(DisplayWidth.fallbackWidth("\u{301}") == 0)
        #expect(DisplayWidth.fallbackWidth("\u{200D}") == 0)
        #expect(DisplayWidth.fallbackWidth("😀") == 2)
    }
}

@Suite struct SearchFoldingTests {
    @Test func foldingLowerCasesLatinAndLeavesCJKAlone() {
        #expect(SearchFolding.folded("Zhang 张三 ÉCOLE Ａ") == Array("zhang 张三 école ａ".utf8))
    }

    @Test func byteSearchFindsSubstringsAnywhere() {
        let text = SearchFolding.folded("阿依古丽·买买提 aygul")
        #expect(ByteSearch.contains(text, SearchFolding.folded("买买")))
        #expect(ByteSearch.contains(text, SearchFolding.folded("AYGUL")))
        #expect(ByteSearch.contains(text, SearchFolding.folded("l")))
        #expect(!ByteSearch.contains(text, SearchFolding.folded("买提a")))
        #expect(!ByteSearch.contains(SearchFolding.folded("ab"), SearchFolding.folded("abc")))
    }
}
