import CDeskCRC
import Foundation

/// CRC-32C (Castagnoli) of the JSON part of each log line.
public enum CRC32C {
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return 0 }
        return cdesk_crc32c(0, base, bytes.count)
    }

    public static func checksum<C: ContiguousBytes>(_ bytes: C) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    /// The checksums of two buffers, worked out side by side (about the time of one).
    public static func checksums(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> (UInt32, UInt32) {
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return (checksum(a), checksum(b)) }
        var ca: UInt32 = 0, cb: UInt32 = 0
        cdesk_crc32c_pair(pa, a.count, pb, b.count, &ca, &cb)
        return (ca, cb)
    }

    /// Whether the CPU instruction is used (reported by the benchmark).
    public static var usesHardware: Bool { cdesk_crc32c_hardware() != 0 }
}
