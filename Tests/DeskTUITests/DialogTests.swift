import Testing
@testable import DeskTUI

@Suite struct DialogTests {
    static let message = "该老干部本月已有三次走访记录，再次登记将提醒主管复核。确定要继续登记这次走访吗？"

    static func render(_ dialog: Dialog, width: Int = 40, height: Int = 14) -> MemoryCanvas {
        var canvas = MemoryCanvas(width: width, height: height)
        canvas.put(String(repeating: "背景", count: width / 4), at: Point(x: 0, y: 0), style: Style(.normal))
        dialog.draw(in: &canvas, rect: Rect(x: 0, y: 0, width: width, height: height))
        return canvas
    }

    @Test func aLongChineseMessageWrapsInsideACentredBox() {
        let dialog = Dialog.confirm(title: "确认", message: Self.message, yes: "继续", no: "取消")
        let box = dialog.frame(in: Rect(x: 0, y: 0, width: 40, height: 14))
        #expect(box.width == 36)
        #expect(box.x == 2)
        let lines = Self.render(dialog).lines()
        let top = lines[box.y]
        #expect(top.hasPrefix("  ┌─ 确认 ─"))
        let text = lines[box.y + 2..<box.maxY - 3].map { line -> String in
            // The part between "│ " and " │".
            let inner = String(line.dropFirst(2))
            return String(inner.dropFirst(2).dropLast(2)).trimmingCharacters()
        }
        #expect(text.joined() == Self.message)
        #expect(text.allSatisfy { DisplayWidth.of($0) <= 32 })
        #expect(lines[box.maxY - 1].hasPrefix("  └"))
        #expect(lines[box.maxY - 3].contains("[ 继续 ]  [ 取消 ]"))
    }

    @Test func theFocusStartsOnNoSoAStrayEnterChangesNothing() {
        var dialog = Dialog.confirm(message: "删除？", yes: "删除", no: "取消")
        #expect(dialog.handle(.enter) == .chosen(1))
        let canvas = Self.render(dialog)
        let box = dialog.frame(in: Rect(x: 0, y: 0, width: 40, height: 14))
        let buttonRow = canvas.line(box.maxY - 3)
        let noColumn = TableTests.column(of: "[ 取消 ]", in: buttonRow)!
        #expect(canvas.style(at: Point(x: noColumn, y: box.maxY - 3)).role == .buttonFocused)
    }

    @Test func yAndNChooseAndEscDismisses() {
        var dialog = Dialog.confirm(message: "删除？", yes: "删除", no: "取消")
        #expect(dialog.handle(.char("y")) == .chosen(0))
        #expect(dialog.handle(.char("N")) == .chosen(1))
        #expect(dialog.handle(.escape) == .dismissed)
        #expect(dialog.handle(.left) == .handled)
        #expect(dialog.handle(.enter) == .chosen(0))
        #expect(dialog.handle(.char("q")) == .ignored)
    }
}

@Suite struct HelpOverlayTests {
    static let bindings = [
        KeyBinding(keys: [.up, .down], label: "移动", help: "上下移动光标", group: "浏览"),
        KeyBinding(keys: [.char("/")], label: "筛选", help: "按姓名或拼音筛选", group: "浏览"),
        KeyBinding(keys: [.f(2)], label: "新增", help: "登记一位老干部", group: "编辑"),
        KeyBinding(keys: [.char("E")], label: "编辑", help: "修改所选记录", group: "编辑"),
    ]

    static func overlay() -> HelpOverlay {
        HelpOverlay(title: "帮助", bindings: bindings, filterPrompt: "筛选: ", noMatchesMessage: "没有匹配的按键")
    }

    static func render(_ overlay: HelpOverlay, height: Int = 16) -> [String] {
        var canvas = MemoryCanvas(width: 50, height: height)
        overlay.draw(in: &canvas, rect: Rect(x: 0, y: 0, width: 50, height: height))
        return canvas.lines()
    }

    @Test func itListsEveryBindingUnderItsGroup() {
        let lines = Self.render(Self.overlay())
        #expect(lines[1].contains("帮助"))
        #expect(lines[2].hasSuffix("│ 浏览") || lines[2].contains("浏览"))
        #expect(lines[3].contains("↑↓  上下移动光标"))
        #expect(lines[4].contains("/   按姓名或拼音筛选"))
        #expect(lines[5].contains("编辑"))
        #expect(lines[6].contains("F2  登记一位老干部"))
    }

    @Test func typingFiltersTheEntries() {
        var overlay = Self.overlay()
        for character in "修改" { _ = overlay.handle(.char(character)) }
        #expect(overlay.matchingBindings.map(\.label) == ["编辑"])
        #expect(overlay.lines == [.group("编辑"), .entry(Self.bindings[3])])
        let lines = Self.render(overlay)
        #expect(lines.contains { $0.contains("筛选: 修改") })
        #expect(!lines.contains { $0.contains("上下移动光标") })
        _ = overlay.handle(.ctrl("u"))
        _ = overlay.handle(.char("f"))
        #expect(overlay.matchingBindings.map(\.label) == ["新增"])  // key labels match too, any case
    }

    @Test func noMatchesShowsTheCallersMessage() {
        var overlay = Self.overlay()
        for character in "打印" { _ = overlay.handle(.char(character)) }
        #expect(Self.render(overlay).contains { $0.contains("没有匹配的按键") })
    }

    @Test func escClosesAndArrowsScroll() {
        var overlay = Self.overlay()
        _ = Self.render(overlay, height: 9)  // drawn 9 rows high: 3 rows of entries
        #expect(overlay.viewportHeight == 3)
        _ = overlay.handle(.down)
        _ = overlay.handle(.down)
        _ = overlay.handle(.down)
        #expect(overlay.scrollTop == 3)  // 6 lines, 3 visible: stops at the last page
        _ = overlay.handle(.down)
        #expect(overlay.scrollTop == 3)
        let lines = Self.render(overlay, height: 9)
        #expect(lines[2].contains("编辑"))
        #expect(overlay.handle(.escape) == .closed)
    }
}
