/// Which rows of a long list are on screen. Shared by every scrolling widget, so they all
/// scroll the same way: the view moves only as far as needed to keep the focus visible.
enum ScrollWindow {
    /// The first row to show in `height` rows of a `count`-row list so that row `focus`
    /// is visible, starting from the current `top` and moving as little as possible.
    static func top(_ top: Int, keeping focus: Int, height: Int, count: Int) -> Int {
        guard height > 0, count > height else { return 0 }
        var result = min(max(0, top), count - height)
        if focus < result { result = focus }
        if focus >= result + height { result = focus - height + 1 }
        return min(max(0, result), count - height)
    }

    /// `top` moved into the valid range for a list with no focus (just scrolled).
    static func clamp(_ top: Int, height: Int, count: Int) -> Int {
        min(max(0, top), max(0, count - height))
    }
}
