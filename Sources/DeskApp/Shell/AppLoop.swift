import DeskTUI
import Foundation

/// Runs the model on the real terminal: draw, wait up to 250 ms for a key,
/// update or tick, until the model wants to quit.
public enum AppLoop {
    public static func run(_ model: inout AppModel, theme: Theme) {
        var terminal = NcursesCanvas(theme: theme)
        let clock = ContinuousClock()
        var lastTick = clock.now
        while !model.wantsQuit {
            model.view(&terminal)
            terminal.present()
            let key = terminal.readKey(timeoutMs: 250)
            if let key { model.update(key) }
            let now = clock.now
            let elapsed = now - lastTick
            // Ticks keep coming while someone types, so other terminals' appends still show.
            if key == nil || elapsed >= .milliseconds(250) {
                model.tick(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
                lastTick = now
            }
        }
        terminal.close()
    }
}
