import Foundation
import Testing
@testable import DeskTUI

/// A form's field message that fits neither beside the field nor on one line
/// under it wraps onto the following lines, by display width.
@Suite struct FormMessageWrapTests {
    static let message = "电话号码格式不对:手机 11 位,座机如 010-62345678 或 0951-5012345。"

    static func form() -> Form {
        var f = Form(fields: [.text("phone", label: "来电号码", text: "0951-1234", width: 14),
                              .text("summary", label: "事由", required: true, width: 20)],
                     strings: FormTests.strings)
        f.setError(message, forField: "phone")
        return f
    }

    @Test func aMessageWiderThanThePaneWrapsUnderItsFieldWithNothingCutOff() {
        let form = Self.form()
        var canvas = MemoryCanvas(width: 40, height: 8)
        form.draw(in: &canvas, rect: Rect(x: 0, y: 0, width: 40, height: 8))
        let lines = canvas.lines()
        let under = lines[1..<(1 + form.height(width: 40) - 2)].map { $0.trimmingCharacters(in: .whitespaces) }
        // Every character is there (wrapping drops only the spaces where lines break).
        #expect(under.joined().replacingOccurrences(of: " ", with: "") == Self.message.replacingOccurrences(of: " ", with: ""))
        #expect(under.count >= 2)
        // Each message line starts at the editors' column and no number is split.
        for line in lines[1..<(1 + under.count)] { #expect(line.hasPrefix("          ")) }
        #expect(under.contains { $0.contains("010-62345678") })
        #expect(under.contains { $0.contains("0951-5012345") })
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 })
        // The next field comes after the whole message.
        #expect(lines[1 + under.count].contains("*事由"))
    }

    @Test func theHeightCountsTheWrappedLines() {
        var form = Self.form()
        #expect(form.height(width: 40) == 2 + WordWrap.lines(Self.message, width: 30).count)
        form.setError(nil, forField: "phone")
        #expect(form.height(width: 40) == 2)
        // Short enough to sit beside the field: no extra line.
        form.setError("应为11位", forField: "phone")
        #expect(form.height(width: 60) == 2)
    }

    @Test func theDiscardQuestionCanBeAskedOverALargerArea() {
        var form = Form(fields: [.text("note", label: "备注", required: true)], strings: FormTests.strings)
        _ = form.handle(.char("x"))
        _ = form.handle(.escape)
        var canvas = MemoryCanvas(width: 60, height: 14)
        // A one-line form rect at the bottom, the question over the whole area.
        form.draw(in: &canvas, rect: Rect(x: 2, y: 12, width: 56, height: 1), dialogArea: Rect(x: 0, y: 0, width: 60, height: 14))
        let text = canvas.lines().joined(separator: "\n")
        #expect(text.contains("放弃所做的修改吗？"))
        #expect(text.contains("[ 放弃 ]") && text.contains("[ 继续编辑 ]"))
    }
}
