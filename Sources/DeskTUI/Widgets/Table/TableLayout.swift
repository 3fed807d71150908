/// Column widths for a table `total` columns wide with `gap` columns between columns.
enum TableLayout {
    /// `natural[i]` is the widest cell or title of column i (used by `.min` columns).
    /// A column hidden at this width (`minTableWidth`) gets 0 and no gap.
    static func widths(_ columns: [TableColumn], natural: [Int], total: Int, gap: Int) -> [Int] {
        guard !columns.isEmpty else { return [] }
        let shown = columns.map { $0.minTableWidth <= total }
        var widths = columns.enumerated().map { index, column -> Int in
            guard shown[index] else { return 0 }
            switch column.width {
            case .fixed(let width): return max(0, width)
            case .min(let minimum): return max(minimum, natural[index])
            case .flex(let minimum, _): return max(0, minimum)
            }
        }
        let available = total - gap * max(0, shown.filter { $0 }.count - 1)
        var excess = widths.reduce(0, +) - available
        // Too wide: give back what `.min` columns took beyond their minimum, widest first.
        while excess > 0 {
            let shrinkable = columns.indices.filter {
                guard shown[$0] else { return false }
                if case .min(let minimum) = columns[$0].width { return widths[$0] > minimum }
                return false
            }
            guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
            excess -= 1
        }
        // Room to spare: flex columns share it by weight; the first ones take the remainder.
        if excess < 0 {
            let flexible = columns.indices.compactMap { index -> (Int, Int)? in
                guard shown[index] else { return nil }
                if case .flex(_, let weight) = columns[index].width { return (index, max(1, weight)) }
                return nil
            }
            let totalWeight = flexible.reduce(0) { $0 + $1.1 }
            var spare = -excess
            if totalWeight > 0 {
                let share = spare
                for (index, weight) in flexible {
                    let extra = share * weight / totalWeight
                    widths[index] += extra
                    spare -= extra
                }
                for (index, _) in flexible where spare > 0 {
                    widths[index] += 1
                    spare -= 1
                }
            }
        }
        return widths
    }
}
