/// Case folding for search: text becomes lower-case UTF-8 bytes, so a filter is a byte
/// substring test. Rows and queries go through the same function, so they always agree.
enum SearchFolding {
    /// Appends `text` lower-cased as UTF-8 to `bytes`.
    static func append(_ text: String, to bytes: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                bytes.append(UInt8(value) | (value >= 0x41 && value <= 0x5A ? 0x20 : 0))
            } else if isCaseless(value) || !scalar.properties.changesWhenLowercased {
                UTF8.encode(scalar) { bytes.append($0) }
            } else {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    UTF8.encode(lower) { bytes.append($0) }
                }
            }
        }
    }

    static func folded(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        return bytes
    }

    /// CJK, kana, Hangul and other East Asian blocks have no case: skip the property lookup
    /// for the scripts most of our text is in.
    private static func isCaseless(_ value: UInt32) -> Bool {
        (0x2E80...0xD7FF).contains(value) || (0xF900...0xFAFF).contains(value) || value >= 0x20000
    }
}
