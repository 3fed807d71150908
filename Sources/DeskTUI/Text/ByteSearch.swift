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
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                         needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard end - start >= needle.count, let base = haystack.baseAddress else { return false }
        let rest = needle.count - 1
        var position = base + start
        let lastStart = base + end - needle.count  // the last place a match can begin
        while position <= lastStart {
            guard let found = memchr(position, Int32(first), lastStart - position + 1) else { return false }
            let candidate = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
            if rest == 0 || memcmp(candidate + 1, needle.baseAddress! + 1, rest) == 0 { return true }
            position = candidate + 1
        }
        return false
    }

    /// Whether `haystack` contains `needle`.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { haystackBuffer in
            needle.withUnsafeBufferPointer { contains(haystackBuffer, from: 0, to: haystackBuffer.count, needle: $0) }
        }
    }
}
