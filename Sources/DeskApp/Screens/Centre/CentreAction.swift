import DeskCore
import DeskTUI

/// What a part of the centre screen asks the screen to do after a key.
enum CentreAction {
    case book(BookingDraft)
    case openWeek(ID<Room>, LocalDate)
    case openClass(ID<Course>)
    /// A line for the desk above the view (kept until the next key).
    case say(String, DeskTUI.Role)
    /// Leave this part for the centre's main view (today), as Esc leaves a sub-view.
    case leave
}

/// The parts of the centre screen (each one file): they share this shape so
/// the screen only routes.
protocol CentrePart {
    mutating func refresh(_ app: AppContext)
    mutating func update(_ key: Key, _ app: AppContext, _ actions: inout [CentreAction]) -> KeyResult
    func bindings(_ app: AppContext, group: String) -> [KeyBinding]
    func view(_ canvas: inout some Canvas, rect: Rect, _ app: AppContext)
    /// Text entry is active (a picker or a form has the focus).
    var capturesText: Bool { get }
    var hasUnsavedChanges: Bool { get }
}

extension CentrePart {
    var capturesText: Bool { false }
    var hasUnsavedChanges: Bool { false }
}

/// Lines of text drawn from the top of a rect, wrapped by display width.
struct Lines {
    var rect: Rect
    var y: Int

    init(_ rect: Rect) {
        self.rect = rect
        y = rect.y
    }

    var remaining: Int { rect.maxY - y }

    mutating func put(_ text: String, _ style: Style = Style(.normal), in canvas: inout some Canvas) {
        for l in WordWrap.lines(text, width: max(10, rect.width)) where y < rect.maxY {
            canvas.put(l, at: Point(x: rect.x, y: y), style: style, maxWidth: rect.width)
            y += 1
        }
    }

    mutating func skip(_ n: Int = 1) { y += n }

    /// What is left below the lines written so far.
    var rest: Rect { Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y) }
}

/// A row of labels, the current one highlighted, each after its key if it
/// has one: `F2今日安排 F3周视图 …` or the sections of a class.
enum Strip {
    static func draw(_ items: [(key: String?, label: String, on: Bool)], in canvas: inout some Canvas, rect: Rect) {
        var x = rect.x
        for item in items where x < rect.maxX {
            if let key = item.key { x = canvas.put(key, at: Point(x: x, y: rect.y), style: Style(.keyBarKey), maxWidth: rect.maxX - x) }
            x = canvas.put(" \(item.label) ", at: Point(x: x, y: rect.y), style: Style(item.on ? .tabActive : .tabInactive), maxWidth: rect.maxX - x)
            x += 1
        }
    }
}
