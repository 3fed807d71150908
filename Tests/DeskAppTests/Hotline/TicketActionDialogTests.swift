import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

/// Esc in a ticket action form with something typed asks before throwing it
/// away, and the question is on screen with its buttons, as in every other form.
@Suite struct TicketActionDialogTests {
    static let resolution = "海尔售后师傅上门检查,更换温控器,冰箱已恢复制冷,老人表示满意,未收取费用。"

    @Test(arguments: ["b", "a"])
    func escAfterTypingShowsTheDiscardQuestionWithBothButtons(_ key: String) throws {
        let w = try HotlineWorld()
        let id = try w.open(w.zhang)
        var t = try TicketDetailTests.showing(id, w, as: "zhaoqiang")
        t.press(.char(Character(key)))
        t.type(Self.resolution)
        t.press(.escape)
        let text = t.text()
        #expect(text.contains("放弃未保存的修改?"))
        #expect(text.contains("[ 放弃 ]") && text.contains("[ 继续编辑 ]"))
        // "继续编辑" has the focus: Enter goes back to the form with the text kept.
        t.press(.enter)
        let back = t.text()
        #expect(!back.contains("放弃未保存的修改?"))
        #expect(back.contains("老人表示满意"))
        // Esc again, "放弃": the form closes and nothing was written.
        t.press(.escape)
        t.press(.char("y"))
        #expect(!t.text().contains("放弃未保存的修改?"))
        #expect(try w.ticket(id).timeline.count == 1)
    }

    @Test func theDiscardQuestionShowsOnAnEightyByTwentyFourScreen() throws {
        let w = try HotlineWorld()
        let id = try w.open(w.zhang)
        var t = try TicketDetailTests.showing(id, w, as: "zhaoqiang")
        t.press(.char("b"))
        t.type(Self.resolution)
        t.press(.escape)
        let text = t.screen(width: 80, height: 24).joined(separator: "\n")
        #expect(text.contains("放弃未保存的修改?"))
        #expect(text.contains("[ 放弃 ]") && text.contains("[ 继续编辑 ]"))
    }
}
