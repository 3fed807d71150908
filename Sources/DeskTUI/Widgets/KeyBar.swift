/// The bottom key bar (as in htop and mc): key labels and actions from the screen's key
/// table, so it always shows the keys that work here.
public enum KeyBar {
    /// The bindings shown in `width` columns: those with `showInBar`, dropping the lowest
    /// priority first (later entries before earlier ones on a tie), in declared order.
    public static func visibleEntries(_ bindings: [KeyBinding], width: Int) -> [KeyBinding] {
        let candidates = bindings.enumerated().filter { $0.element.showInBar }
        let byImportance = candidates.sorted {
            ($0.element.priority, -$0.offset) > ($1.element.priority, -$1.offset)
        }
        var used = 0
        var kept = Set<Int>()
        for (offset, binding) in byImportance {
            let entryWidth = entryWidth(binding)
            if used + entryWidth - 1 <= width {  // the last entry needs no separator after it
                used += entryWidth
                kept.insert(offset)
            }
        }
        return candidates.filter { kept.contains($0.offset) }.map(\.element)
    }

    /// Draws the bar on the first row of `rect`: each entry is the key label
    /// (`keyBarKey`) followed by the action (`keyBar`).
    public static func draw(_ bindings: [KeyBinding], in canvas: inout some Canvas, rect: Rect) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect.row(0), style: Style(.keyBar))
        var x = rect.x
        for binding in visibleEntries(bindings, width: rect.width) {
            x = canvas.put(binding.keyLabel, at: Point(x: x, y: rect.y), style: Style(.keyBarKey), maxWidth: rect.maxX - x)
            x = canvas.put(binding.label, at: Point(x: x, y: rect.y), style: Style(.keyBar), maxWidth: rect.maxX - x)
            x += 1
        }
    }

    /// Key label, action and the separating space.
    private static func entryWidth(_ binding: KeyBinding) -> Int {
        DisplayWidth.of(binding.keyLabel) + DisplayWidth.of(binding.label) + 1
    }
}
