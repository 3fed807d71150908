import Foundation
import Testing
@testable import DeskTUI

@Suite struct FormTests {
    static let strings = FormStrings(requiredMessage: "必填", discardChangesPrompt: "放弃所做的修改吗？",
                                     discardButton: "放弃", keepEditingButton: "继续编辑")

    static func form(name: String = "") -> Form {
        Form(fields: [
            .text("name", label: "姓名", text: name, required: true, width: 12),
            .text("phone", label: "联系电话", width: 12, validate: { $0.count == 11 || $0.isEmpty ? nil : "应为11位" }),
            .choice("sex", label: "性别", options: ["男", "女"]),
        ], strings: strings)
    }

    static func render(_ form: Form, width: Int = 50, height: Int = 10) -> MemoryCanvas {
        var canvas = MemoryCanvas(width: width, height: height)
        form.draw(in: &canvas, rect: Rect(x: 0, y: 0, width: width, height: height))
        return canvas
    }

    @Test func aFieldFailingValidationShowsItsMessageBesideItAndTheOutcomeIsNotSubmit() {
        var form = Self.form(name: "张三")
        _ = form.handle(.tab)
        for character in "1380013" { _ = form.handle(.char(character)) }
        #expect(form.handle(.enter) == .rejected)
        #expect(form.focusedFieldID == "phone")
        let line = Self.render(form).lines()[1]
        #expect(line.hasSuffix("1380013       应为11位"))
        #expect(Self.render(form).style(at: Point(x: 24, y: 1)).role == .error)
    }

    @Test func typingIntoAFullFieldSaysItIsFullInsteadOfDroppingTheKeySilently() {
        let strings = FormStrings(requiredMessage: "必填", discardChangesPrompt: "放弃?", discardButton: "放弃",
                                  keepEditingButton: "继续编辑", fullMessage: "已达 {0} 字上限")
        var form = Form(fields: [.text("purpose", label: "用途", maxLength: 4, width: 12)], strings: strings)
        for character in "书画交流" { _ = form.handle(.char(character)) }
        #expect(form.fields[0].error == nil)
        #expect(form.handle(.char("会")) == .handled)
        #expect(form.values.text("purpose") == "书画交流")
        #expect(form.fields[0].error == "已达 4 字上限")
        #expect(Self.render(form).lines()[0].contains("已达 4 字上限"))
        // Deleting makes room again and clears the message.
        _ = form.handle(.backspace)
        #expect(form.fields[0].error == nil)
    }

    @Test func anEmptyRequiredFieldIsRejectedWithTheCallersMessage() {
        var form = Self.form()
        #expect(form.handle(.enter) == .rejected)
        #expect(form.fields[0].error == "必填")
        #expect(Self.render(form).lines()[0].hasSuffix("必填"))
        // Typing into the field clears its message.
        _ = form.handle(.char("李"))
        #expect(form.fields[0].error == nil)
    }

    @Test func validFieldsSubmitTheirValues() {
        var form = Self.form(name: "王五")
        _ = form.handle(.tab)
        _ = form.handle(.tab)
        _ = form.handle(.right)
        let outcome = form.handle(.enter)
        #expect(outcome == .submit(FormValues(["name": .text("王五"), "phone": .text(""), "sex": .choice(1)])))
        if case .submit(let values) = outcome {
            #expect(values.text("name") == "王五")
            #expect(values.choice("sex") == 1)
        }
    }

    @Test func escOnADirtyFormAsksForConfirmationFirst() {
        var form = Self.form()
        _ = form.handle(.char("张"))
        #expect(form.isDirty)
        #expect(form.handle(.escape) == .handled)
        #expect(form.discardConfirm != nil)
        #expect(Self.render(form).lines().contains { $0.contains("放弃所做的修改吗？") })
        // Enter presses the focused button, which starts on "keep editing".
        #expect(form.handle(.enter) == .handled)
        #expect(form.discardConfirm == nil)
        #expect(form.fields[0].value == .text("张"))
        _ = form.handle(.escape)
        #expect(form.handle(.char("y")) == .cancel)
    }

    @Test func escOnAnUntouchedFormCancelsAtOnce() {
        var form = Self.form(name: "张三")
        #expect(!form.isDirty)
        #expect(form.handle(.escape) == .cancel)
    }

    @Test func undoingAnEditMakesTheFormCleanAgain() {
        var form = Self.form(name: "张三")
        _ = form.handle(.char("丰"))
        _ = form.handle(.backspace)
        #expect(!form.isDirty)
    }

    @Test func tabShiftTabAndArrowsMoveBetweenFields() {
        var form = Self.form()
        _ = form.handle(.tab)
        #expect(form.focusedFieldID == "phone")
        _ = form.handle(.down)
        #expect(form.focusedFieldID == "sex")
        _ = form.handle(.tab)
        #expect(form.focusedFieldID == "name")  // wraps
        _ = form.handle(.backTab)
        #expect(form.focusedFieldID == "sex")
        _ = form.handle(.char(" "))
        #expect(form.values.choice("sex") == 1)
        _ = form.handle(.up)
        #expect(form.focusedFieldID == "phone")
    }

    @Test func chineseLabelsAreRightAlignedByDisplayWidthAndEditorsLineUp() {
        let lines = Self.render(Self.form(name: "张三")).lines()
        #expect(lines[0].hasPrefix("   *姓名  张三"))
        #expect(lines[1].hasPrefix("联系电话"))
        #expect(lines[2].hasPrefix("    性别  < 男"))
        #expect(TableTests.column(of: "张三", in: lines[0]) == 10)
        #expect(TableTests.column(of: "< 男", in: lines[2]) == 10)
        #expect(Self.render(Self.form()).style(at: Point(x: 3, y: 0)).role == .error)  // the * mark
    }

    @Test func theFocusedTextFieldPlacesTheCursor() {
        var form = Self.form(name: "张三")
        #expect(Self.render(form).cursor == Point(x: 14, y: 0))
        _ = form.handle(.tab)
        #expect(Self.render(form).cursor == Point(x: 10, y: 1))
    }

    @Test func aMessageTooWideToFitBesideGoesBelow() {
        var form = Self.form(name: "张三")
        form.setError("此身份证号已登记在另一位老干部名下", forField: "name")
        let lines = Self.render(form, width: 40).lines()
        #expect(lines[1].hasPrefix("          此身份证号"))
        // Wider than the 30 columns under the field: the rest wraps onto the next line.
        #expect(lines[2] == "          名下")
        #expect(lines[3].hasPrefix("联系电话"))
    }

    @Test func keysTheFormDoesNotUseAreIgnored() {
        var form = Self.form()
        #expect(form.handle(.f(2)) == .ignored)
    }

    @Test func aFormTallerThanItsRectScrollsToTheFocusedFieldAndMarksWhatIsHidden() {
        let fields = (1...12).map { FormField.text("f\($0)", label: "项\($0)", width: 10) }
        var form = Form(fields: fields, strings: Self.strings)
        func rendered() -> [String] { Self.render(form, width: 40, height: 5).lines().map { $0.trimmingCharacters(in: .whitespaces) } }
        var lines = rendered()
        #expect(lines[0].hasPrefix("项1") && lines[4].hasPrefix("项5"))
        #expect(lines[4].hasSuffix("▼") && !lines[0].hasSuffix("▲"))
        for _ in 0..<8 { _ = form.handle(.tab) }  // focus on 项9
        lines = rendered()
        #expect(lines[0].hasPrefix("项5") && lines[4].hasPrefix("项9"))
        #expect(lines[0].hasSuffix("▲") && lines[4].hasSuffix("▼"))
        for _ in 0..<3 { _ = form.handle(.tab) }  // the last field
        lines = rendered()
        #expect(lines[4].hasPrefix("项12") && !lines[4].hasSuffix("▼"))
        #expect(Form.firstVisible(heights: [1, 2, 1, 1], focus: 3, height: 3) == 2)
        #expect(Form.firstVisible(heights: [1, 1], focus: 1, height: 5) == 0)
    }
}
