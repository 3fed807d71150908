import Testing
@testable import DeskTUI

@Suite struct KeyBarTests {
    static let bindings = [
        KeyBinding(keys: [.f(1)], label: "帮助", help: "", showInBar: true, priority: 1),
        KeyBinding(keys: [.f(2)], label: "新增", help: "", showInBar: true, priority: 2),
        KeyBinding(keys: [.char("/")], label: "筛选", help: "", showInBar: true),
        KeyBinding(keys: [.char("j")], label: "下移", help: ""),
        KeyBinding(keys: [.f(10)], label: "退出", help: "", showInBar: true, priority: 3),
    ]

    static func render(width: Int) -> MemoryCanvas {
        var canvas = MemoryCanvas(width: width, height: 1)
        KeyBar.draw(bindings, in: &canvas, rect: Rect(x: 0, y: 0, width: width, height: 1))
        return canvas
    }

    @Test func showsKeyLabelsAndActionsInDeclaredOrder() {
        let canvas = Self.render(width: 40)
        #expect(canvas.lines() == ["F1帮助 F2新增 /筛选 F10退出"])
        #expect(canvas.style(at: Point(x: 0, y: 0)).role == .keyBarKey)
        #expect(canvas.style(at: Point(x: 2, y: 0)).role == .keyBar)
        #expect(canvas.style(at: Point(x: 39, y: 0)).role == .keyBar)  // the bar spans the row
    }

    @Test func whenNarrowTheLeastImportantEntriesGoFirst() {
        #expect(Self.render(width: 21).lines() == ["F1帮助 F2新增 F10退出"])
        // F1 no longer fits; the lower-priority "/" still does, so it stays.
        #expect(Self.render(width: 20).lines() == ["F2新增 /筛选 F10退出"])
        #expect(Self.render(width: 14).lines() == ["F2新增 F10退出"])
        #expect(KeyBar.visibleEntries(Self.bindings, width: 3).isEmpty)
    }
}

@Suite struct TabsTitleBarToastTests {
    @Test func tabsAreNumberedAndTheActiveOneHighlighted() {
        var tabs = Tabs(titles: ["花名册", "走访", "热线"])
        #expect(tabs.handle(.char("2")) == .switched(1))
        var canvas = MemoryCanvas(width: 40, height: 1)
        tabs.draw(in: &canvas, rect: Rect(x: 0, y: 0, width: 40, height: 1))
        #expect(canvas.lines() == [" 1 花名册  2 走访  3 热线"])
        #expect(canvas.style(at: Point(x: 10, y: 0)).role == .tabActive)  // " 2 走访 " starts at 10
        #expect(canvas.style(at: Point(x: 9, y: 0)).role == .tabInactive)
        #expect(canvas.style(at: Point(x: 2, y: 0)).role == .tabInactive)
        #expect(tabs.handle(.tab) == .switched(2))
        #expect(tabs.handle(.tab) == .switched(0))
        #expect(tabs.handle(.backTab) == .switched(2))
        #expect(tabs.handle(.char("7")) == .ignored)
    }

    @Test func tabTitlesShortenEvenlyWhenNarrow() {
        let tabs = Tabs(titles: ["花名册", "走访记录", "热线"])
        var canvas = MemoryCanvas(width: 22, height: 1)
        tabs.draw(in: &canvas, rect: Rect(x: 0, y: 0, width: 22, height: 1))
        #expect(canvas.lines() == [" 1 花…  2 走…  3 热…"])  // one cap for all titles
    }

    @Test func titleBarKeepsTheRightSegmentAndCentresTheMiddle() {
        var canvas = MemoryCanvas(width: 40, height: 1)
        TitleBar(left: "老干部服务台", center: "花名册", right: "张晓明")
            .draw(in: &canvas, rect: Rect(x: 0, y: 0, width: 40, height: 1))
        #expect(canvas.lines() == [" 老干部服务台    花名册          张晓明"])
        #expect(canvas.style(at: Point(x: 0, y: 0)).role == .title)

        var narrow = MemoryCanvas(width: 20, height: 1)
        TitleBar(left: "老干部服务台", center: "花名册", right: "张晓明")
            .draw(in: &narrow, rect: Rect(x: 0, y: 0, width: 20, height: 1))
        #expect(narrow.lines() == [" 老干部服务… 张晓明"])
    }

    @Test func aToastExpiresAfterItsTicks() {
        var toast = Toast("已保存", kind: .info, ticks: 2)
        var canvas = MemoryCanvas(width: 20, height: 1)
        toast.draw(in: &canvas, rect: Rect(x: 0, y: 0, width: 20, height: 1))
        #expect(canvas.lines() == ["             已保存"])
        #expect(canvas.style(at: Point(x: 19, y: 0)).role == .toast)
        let expiredAfterOne = toast.tick()
        let expiredAfterTwo = toast.tick()
        #expect(!expiredAfterOne)
        #expect(expiredAfterTwo)
        var after = MemoryCanvas(width: 20, height: 1)
        toast.draw(in: &after, rect: Rect(x: 0, y: 0, width: 20, height: 1))
        #expect(after.lines() == [""])
        #expect(Toast("失败", kind: .error, ticks: 1).kind.role == .toastError)
    }
}

@Suite struct ChartTests {
    @Test func barsScaleToTheWidthWithEighthBlocks() {
        #expect(BarChart.barText(value: 10, maximum: 10, width: 4) == "████")
        #expect(BarChart.barText(value: 5, maximum: 10, width: 4) == "██")
        #expect(BarChart.barText(value: 3, maximum: 16, width: 4) == "▊")  // 6 of 32 eighths
        #expect(BarChart.barText(value: 0.01, maximum: 10, width: 4) == "▏")  // not mistaken for zero
        #expect(BarChart.barText(value: 0, maximum: 10, width: 4) == "")
    }

    @Test func cjkLabelsAlignAndValuesAreRightAligned() {
        let chart = BarChart(bars: [
            .init(label: "东城区", value: 40, valueText: "40"),
            .init(label: "西城", value: 10, valueText: "10"),
            .init(label: "Daxing", value: 25, valueText: "25"),
        ])
        var canvas = MemoryCanvas(width: 20, height: 3)
        chart.draw(in: &canvas, rect: Rect(x: 0, y: 0, width: 20, height: 3))
        #expect(canvas.lines() == [
            "东城区 ██████████ 40",
            "西城   ██▌        10",
            "Daxing ██████▎    25",
        ])
        #expect(canvas.style(at: Point(x: 7, y: 0)).role == .chartBar)
    }

    @Test func sparklineSpansMinimumToMaximum() {
        #expect(Sparkline.render([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline.render([3, 3, 3]) == "▄▄▄")
        #expect(Sparkline.render([0, 0]) == "▁▁")
        #expect(Sparkline.render([1, 5, 9, 5], width: 3) == "▁█▁")  // the newest three, rescaled
        #expect(Sparkline.render([]) == "")
    }

    @Test func boxesFrameARectWithLineCharacters() {
        var canvas = MemoryCanvas(width: 12, height: 4)
        let inner = Box.draw(in: &canvas, rect: Rect(x: 0, y: 0, width: 12, height: 4), title: "统计")
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 2))
        #expect(canvas.lines() == ["┌─ 统计 ───┐", "│          │", "│          │", "└──────────┘"])
    }
}

@Suite struct BenchmarkTests {
    @Test func benchmarksRunAndReportOneSamplePerIteration() {
        #expect(DeskTUIBenchmarks.renderTable(rows: 50, width: 80, height: 20, iterations: 3).count == 3)
        #expect(DeskTUIBenchmarks.filterKeystrokes(rows: 200, width: 80, height: 20, iterations: 2).count == 22)
    }

    @Test func theBenchmarkFrameShowsTheTable() {
        let table = DeskTUIBenchmarks.sampleTable(rows: 1_000)
        var canvas = MemoryCanvas(width: 200, height: 60)
        DeskTUIBenchmarks.drawFrame(table, on: &canvas)
        let lines = canvas.lines()
        #expect(lines[0].contains("老干部服务台"))
        #expect(lines[2].hasPrefix("  编号"))
        #expect(lines[3].hasPrefix("     1 "))
        #expect(lines[58].hasSuffix("1/1000"))
        #expect(lines[59].hasPrefix("F1帮助"))
    }
}
