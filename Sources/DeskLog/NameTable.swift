import Synchronization

/// The `by` and `type` values of the log (staff ids, event types), each
/// stored once for the whole process and named by a number: an envelope
/// holds two numbers instead of two strings, so a million of them are
/// written, read and freed without touching a reference count. Append-only:
/// a number, once given out, names its string for the life of the process.
///
/// Reading a number's string takes no lock. That is safe because a number
/// only ever reaches a thread through the lock here (`number(for:)`) or
/// through a hand-over that itself synchronises (the scan's threads join
/// before their envelopes are taken), and a slot is written before its
/// number is given out and never again.
final class NameTable: @unchecked Sendable {
    static let shared = NameTable()

    private static let chunkBits = 10
    private static let chunkSize = 1 << chunkBits
    /// 64 Mi names: more than any log holds (each name comes from a record).
    private static let maxChunks = 1 << 16

    private let chunks: UnsafeMutablePointer<UnsafeMutablePointer<String>?>
    private let numbers = Mutex<[String: UInt32]>([:])

    private init() {
        chunks = .allocate(capacity: Self.maxChunks)
        chunks.initialize(repeating: nil, count: Self.maxChunks)
    }

    /// The number of `name`, given out now if it has none yet.
    func number(for name: String) -> UInt32 {
        numbers.withLock { numbers in
            if let n = numbers[name] { return n }
            let n = numbers.count
            precondition(n < Self.maxChunks * Self.chunkSize, "more distinct staff ids and event types than any log holds")
            let c = n >> Self.chunkBits
            if chunks[c] == nil { chunks[c] = .allocate(capacity: Self.chunkSize) }
            (chunks[c].unsafelyUnwrapped + (n & (Self.chunkSize - 1))).initialize(to: name)
            numbers[name] = UInt32(n)
            return UInt32(n)
        }
    }

    @inline(__always) func name(_ n: UInt32) -> String {
        chunks[Int(n) >> Self.chunkBits].unsafelyUnwrapped[Int(n) & (Self.chunkSize - 1)]
    }
}
