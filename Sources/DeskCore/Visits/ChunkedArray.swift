/// An append-only array stored in fixed-size chunks. Copy-on-write then copies
/// one chunk, not the whole history: the state is a value, and a screen or a
/// batch holding a copy must not make the next append copy a million rows.
/// Chunks are reserved whole, so there is no growth slack to pay for.
struct ChunkedArray<Element: Sendable>: Sendable {
    private static var chunkShift: Int { 12 }
    private static var chunkSize: Int { 1 << chunkShift }
    private static var mask: Int { chunkSize - 1 }

    private var chunks: [[Element]] = []
    private(set) var count = 0

    subscript(i: Int) -> Element {
        get { chunks[i >> Self.chunkShift][i & Self.mask] }
        set { chunks[i >> Self.chunkShift][i & Self.mask] = newValue }
    }

    mutating func append(_ e: Element) {
        if count & Self.mask == 0 {
            var c: [Element] = []
            c.reserveCapacity(Self.chunkSize)
            chunks.append(c)
        }
        chunks[chunks.count - 1].append(e)
        count += 1
    }

    /// Bytes held by the element storage (for the memory figure).
    var allocatedBytes: Int { chunks.count * Self.chunkSize * MemoryLayout<Element>.stride + chunks.capacity * 8 }
}
