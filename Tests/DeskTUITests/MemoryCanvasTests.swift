import Testing
@testable import DeskTUI

@Suite struct MemoryCanvasTests {
    @Test func textIsWrittenAndReadBackAsLines() {
        var canvas = MemoryCanvas(width: 10, height: 2)
        canvas.put("张三 ok", at: Point(x: 1, y: 1), style: Style(.normal))
        #expect(canvas.lines() == ["", " 张三 ok"])
        #expect(canvas.cell(at: Point(x: 2, y: 1)).isContinuation)
    }

    @Test func aWideCharacterInTheLastColumnBecomesASpace() {
        var canvas = MemoryCanvas(width: 5, height: 1)
        let end = canvas.put("ab张三", at: Point(x: 0, y: 0), style: Style(.normal))
        // 'a' 'b' 张 fill columns 0-3; 三 would need columns 4-5.
        #expect(canvas.lines(trimmingTrailingSpaces: false) == ["ab张 "])
        #expect(canvas.cell(at: Point(x: 4, y: 0)).character == " ")
        #expect(end == 5)
    }

    @Test func maxWidthStopsBeforeAWideCharacterThatWouldNotFit() {
        var canvas = MemoryCanvas(width: 10, height: 1)
        canvas.put("xxxxxxxxxx", at: Point(x: 0, y: 0), style: Style(.normal))
        canvas.put("张三", at: Point(x: 0, y: 0), style: Style(.normal), maxWidth: 3)
        #expect(canvas.lines() == ["张 xxxxxxx"])
    }

    @Test func overwritingHalfAWideCharacterClearsTheOtherHalf() {
        var canvas = MemoryCanvas(width: 6, height: 1)
        canvas.put("张三李", at: Point(x: 0, y: 0), style: Style(.normal))
        canvas.put("x", at: Point(x: 3, y: 0), style: Style(.normal))  // right half of 三
        #expect(canvas.lines() == ["张 x李"])
        canvas.put("y", at: Point(x: 4, y: 0), style: Style(.normal))  // left half of 李
        #expect(canvas.lines() == ["张 xy"])
        #expect(!canvas.cell(at: Point(x: 5, y: 0)).isContinuation)
    }

    @Test func aWideCharacterOverTwoOthersClearsTheirHalves() {
        var canvas = MemoryCanvas(width: 6, height: 1)
        canvas.put("张三李", at: Point(x: 0, y: 0), style: Style(.normal))
        canvas.put("王", at: Point(x: 1, y: 0), style: Style(.normal))  // over 张's right half and 三's left half
        #expect(canvas.lines() == [" 王 李"])
    }

    @Test func fillingOverHalfAWideCharacterClearsTheOtherHalf() {
        var canvas = MemoryCanvas(width: 6, height: 1)
        canvas.put("张三李", at: Point(x: 0, y: 0), style: Style(.normal))
        canvas.fill(Rect(x: 1, y: 0, width: 2, height: 1), style: Style(.selected))
        #expect(canvas.lines() == ["    李"])
        #expect(canvas.style(at: Point(x: 1, y: 0)) == Style(.selected))
        #expect(canvas.style(at: Point(x: 0, y: 0)) == Style(.normal))
    }

    @Test func writesOutsideTheCanvasAreClipped() {
        var canvas = MemoryCanvas(width: 4, height: 1)
        canvas.put("abcdef", at: Point(x: -2, y: 0), style: Style(.normal))
        canvas.put("zz", at: Point(x: 0, y: 5), style: Style(.normal))
        #expect(canvas.lines() == ["cdef"])
    }

    @Test func stylesAreKeptPerCell() {
        var canvas = MemoryCanvas(width: 6, height: 1)
        canvas.put("ab", at: Point(x: 0, y: 0), style: Style(.header, .bold))
        #expect(canvas.style(at: Point(x: 1, y: 0)) == Style(.header, .bold))
        #expect(canvas.style(at: Point(x: 2, y: 0)) == Style(.normal))
    }
}
