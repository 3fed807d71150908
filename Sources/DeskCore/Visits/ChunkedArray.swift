/// An append-only array stored in fixed-size chunks. Copy-on-write then copies
/// one chunk, not the whole history: the state is a value, and a screen or a
/// batch holding a copy must not make the next append copy a million rows.
/// Chunks are reserved whole, so there is no growth slack to pay for.
struct ChunkedArray<Element: Sendable>: Sendable {
    private let shift: Int
    private var chunks: [[Element]] = []
    private(set) var count = 0

    /// Chunks of 2^`shift` elements.
    init(shift: Int = 12) { self.shift = shift }

    private var chunkSize: Int { 1 << shift }
    private var mask: Int { chunkSize - 1 }

    subscript(i: Int) -> Element {
        get { withElement(i) { $0 } }
        // In place, so an element holding an array (a cadre's rows) is not copied to change it.
        _modify { yield &chunks[i >> shift][i & mask] }
    }

    /// Lends element `i` to `body` in place. Indexing the nested arrays
    /// retained the chunk on every read, an atomic count two threads reading
    /// the same rows fight over; through the buffers nothing is retained.
    func withElement<R>(_ i: Int, _ body: (Element) throws -> R) rethrows -> R {
        precondition(i >= 0 && i < count, "ChunkedArray index \(i) out of range 0..<\(count)")
        return try chunks.withUnsafeBufferPointer { c in
            try c[i >> shift].withUnsafeBufferPointer { try body($0[i & mask]) }
        }
    }

    mutating func append(_ e: Element) {
        if count & mask == 0 {
            var c: [Element] = []
            c.reserveCapacity(chunkSize)
            chunks.append(c)
        }
        chunks[chunks.count - 1].append(e)
        count += 1
    }

    var indices: Range<Int> { 0..<count }

    /// Bytes held by the element storage (for the memory figure).
    var allocatedBytes: Int { chunks.count * chunkSize * MemoryLayout<Element>.stride + chunks.capacity * 8 }
}
