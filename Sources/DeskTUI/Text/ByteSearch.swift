#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over UTF-8 bytes: the table filter's inner loop. `memchr` finds each
/// candidate first byte and `memcmp` checks the rest, so a row costs a couple of C calls.
/// (Glibc's `memmem` is a GNU extension Swift's Glibc module does not import.)
enum ByteSearch {
    /// Whether `haystack[start..<end]` contains `needle` (an empty needle always matches).
    static func contains(_ haystack: [UInt8], from start: Int, to end: Int, needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard end - start >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pattern in
                let first = Int32(pattern[0])
                let rest = pattern.count - 1
                var position = hay.baseAddress! + start
                let lastStart = hay.baseAddress! + end - pattern.count  // last place a match can begin
                while position <= lastStart {
                    guard let found = memchr(position, first, lastStart - position + 1) else { return false }
                    let candidate = found.assumingMemoryBound(to: UInt8.self)
                    if rest == 0 || memcmp(candidate + 1, pattern.baseAddress! + 1, rest) == 0 { return true }
                    position = UnsafePointer(candidate) + 1
                }
                return false
            }
        }
    }
}
