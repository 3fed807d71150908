#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Frame-time measurements for `cadredesk bench ui`. Each returns milliseconds per
/// iteration (or per keystroke); the caller prints median and p99. Not run by tests as
/// timings: tests only check that they run and draw.
public enum DeskTUIBenchmarks {
    /// What a sample measures. `wall` is what a user waits; `threadCPU` leaves out time
    /// the thread spent preempted, for figures that mean something on a busy shared host.
    public enum Clock: Sendable {
        case wall, threadCPU
    }

    /// A full frame as the roster screen draws it — clear, title bar, tab bar, a table of
    /// `rows` CJK rows, key bar — into a `width`×`height` memory canvas, the selection
    /// moving one row per frame so no two frames are alike.
    public static func renderTable(rows: Int = 1_000, width: Int = 200, height: Int = 60,
                                   iterations: Int = 500, clock: Clock = .wall) -> [Double] {
        var table = sampleTable(rows: rows)
        var canvas = MemoryCanvas(width: width, height: height)
        return (0..<iterations).map { _ in
            measure(clock) {
                _ = table.handle(.down)
                drawFrame(table, on: &canvas)
            }
        }
    }

    /// Keystroke to frame while typing into the table filter over `rows` rows: each
    /// keystroke is handled (refiltering) and the whole frame drawn. One iteration types
    /// `/ 王 小 明 ⌫ ⌫ ⌫ 1 3 8 Esc`, mixing narrowing, widening and clearing.
    public static func filterKeystrokes(rows: Int = 20_000, width: Int = 200, height: Int = 60,
                                        iterations: Int = 20, clock: Clock = .wall) -> [Double] {
        var table = sampleTable(rows: rows)
        var canvas = MemoryCanvas(width: width, height: height)
        let keys: [Key] = [.char("/"), .char("王"), .char("小"), .char("明"), .backspace, .backspace, .backspace,
                           .char("1"), .char("3"), .char("8"), .escape]
        var samples: [Double] = []
        for _ in 0..<iterations {
            for key in keys {
                samples.append(measure(clock) {
                    _ = table.handle(key)
                    drawFrame(table, on: &canvas)
                })
            }
        }
        return samples
    }

    /// The same frames written to the real terminal: drawing into the frame and
    /// `present()` (diffing against the previous frame, wide-char calls, one
    /// refresh). Run inside a terminal (e.g. tmux) of the wanted size.
    public static func renderTableToTerminal(_ terminal: NcursesCanvas, rows: Int = 1_000, iterations: Int = 500,
                                             clock: Clock = .wall) -> [Double] {
        var table = sampleTable(rows: rows)
        var canvas = terminal
        return (0..<iterations).map { _ in
            measure(clock) {
                _ = table.handle(.down)
                drawFrame(table, on: &canvas)
                canvas.present()
            }
        }
    }

    // MARK: Fixture

    static let bindings = [
        KeyBinding(keys: [.f(1)], label: "帮助", help: "", showInBar: true),
        KeyBinding(keys: [.f(2)], label: "新增", help: "", showInBar: true),
        KeyBinding(keys: [.f(3)], label: "查看", help: "", showInBar: true),
        KeyBinding(keys: [.f(4)], label: "编辑", help: "", showInBar: true),
        KeyBinding(keys: [.char("/")], label: "筛选", help: "", showInBar: true),
        KeyBinding(keys: [.f(10)], label: "退出", help: "", showInBar: true),
    ]

    static func tableRect(width: Int, height: Int) -> Rect {
        Rect(x: 0, y: 2, width: width, height: height - 3)
    }

    static func drawFrame(_ table: Table<Int>, on canvas: inout some Canvas) {
        let size = canvas.size
        canvas.clear()
        TitleBar(left: "老干部服务台 · 花名册", center: "2024-03-05 星期二", right: "张晓明 前台")
            .draw(in: &canvas, rect: Rect(x: 0, y: 0, width: size.width, height: 1))
        Tabs(titles: ["花名册", "走访", "热线", "活动室", "统计", "日程"])
            .draw(in: &canvas, rect: Rect(x: 0, y: 1, width: size.width, height: 1))
        table.draw(in: &canvas, rect: tableRect(width: size.width, height: size.height))
        KeyBar.draw(bindings, in: &canvas, rect: Rect(x: 0, y: size.height - 1, width: size.width, height: 1))
    }

    static func sampleTable(rows: Int) -> Table<Int> {
        Table(columns: [
            TableColumn("编号", width: .fixed(6), alignment: .right, sorting: .numeric),
            TableColumn("姓名", width: .min(8)),
            TableColumn("性别", width: .fixed(4)),
            TableColumn("年龄", width: .fixed(4), alignment: .right, sorting: .numeric),
            TableColumn("电话", width: .fixed(13)),
            TableColumn("住址", width: .flex(min: 20, weight: 2)),
            TableColumn("备注", width: .flex(min: 10, weight: 1)),
        ], rows: sampleRows(count: rows), emptyMessage: "没有记录", noMatchesMessage: "没有匹配的记录")
    }

    /// Deterministic rows of Chinese names, addresses and numbers.
    static func sampleRows(count: Int) -> [TableRow<Int>] {
        let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗欧阳司马")
        let given = Array("小明华建国秀英丽军伟芳敏静强磊洋艳勇杰娟涛超")
        let streets = ["人民路", "解放大街", "建设巷", "和平里", "朝阳北路", "光明小区"]
        let notes = ["", "行动不便", "独居，需每周电话问候", "子女在外地", "喜欢书法", "糖尿病，注意饮食"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        return (0..<count).map { index in
            let name = String(surnames[next(surnames.count)]) + String(given[next(given.count)])
                + (next(2) == 0 ? String(given[next(given.count)]) : "")
            let phone = "13" + String(100_000_000 + next(900_000_000))
            let address = streets[next(streets.count)] + "\(next(200) + 1)号\(next(6) + 1)单元\(next(30) + 1)室"
            return TableRow(id: index, cells: [
                "\(index + 1)", name, next(2) == 0 ? "男" : "女", "\(60 + next(40))", phone, address,
                notes[next(notes.count)],
            ], emphasis: next(50) == 0 ? .alert : .normal)
        }
    }

    static func measure(_ clock: Clock, _ body: () -> Void) -> Double {
        switch clock {
        case .wall:
            let elapsed = ContinuousClock().measure(body)
            return Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
        case .threadCPU:
            func now() -> Double {
                var time = timespec()
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
                return Double(time.tv_sec) * 1_000 + Double(time.tv_nsec) / 1e6
            }
            let start = now()
            body()
            return now() - start
        }
    }
}
