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

    /// Whether the CPU instruction is used (reported by the benchmark).
    public static var usesHardware: Bool { cdesk_crc32c_hardware() != 0 }
}
