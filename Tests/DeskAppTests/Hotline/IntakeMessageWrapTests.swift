import DeskCore
import DeskTUI
import Foundation
import Testing
@testable import DeskApp

/// A field's message too long for the right-hand pane wraps onto the lines
/// below instead of being cut off mid-number.
@Suite struct IntakeMessageWrapTests {
    @Test func aLongPhoneMessageIsShownWholeOnTheLinesUnderTheField() throws {
        let w = try HotlineWorld()
        var t = try w.terminal(as: "wangfang")
        t.press(.f(2))
        t.type("0951-1234")
        t.press(.f(3))
        t.type("王建军")
        t.press(.tab, .tab)      // name → phone → summary
        t.type("问路")
        t.press(.enter)
        #expect(try w.desk().state.tickets.count == 0)
        let lines = t.screen()
        // The pane is the right half; the message goes under the phone field, wrapped.
        let pane = lines.map { line -> String in
            guard let bar = line.firstIndex(of: "│") else { return "" }
            return String(line[line.index(after: bar)...]).trimmingCharacters(in: .whitespaces)
        }
        // Wrapping drops the space where a line breaks.
        let joined = pane.joined().replacingOccurrences(of: " ", with: "")
        #expect(joined.contains("电话号码格式不对:手机11位,座机如010-62345678或0951-5012345。"), "\(lines.joined(separator: "\n"))")
        // More than one line, and the numbers are never split across them.
        let first = try #require(pane.firstIndex { $0.hasPrefix("电话号码格式不对") })
        #expect(!pane[first].contains("0951-5012345"))
        #expect(pane[first...].contains { $0.hasPrefix("010-62345678") || $0.hasPrefix("0951-5012345") || $0.hasPrefix("或") })
        // Nothing wider than the screen.
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 100 })
        // The summary field is still there below the message.
        #expect(lines.contains { $0.contains("*事由") || $0.contains("事由") })
    }
}
