#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text files as Chinese offices save them: UTF-8 (with or without the BOM
/// Excel writes) or GB18030 (a spreadsheet's "CSV" on Chinese Windows).
/// Detection: a UTF-8 BOM or bytes that are valid UTF-8 mean UTF-8; anything
/// else is decoded as GB18030 with glibc's iconv.
public enum TextEncoding: String, Sendable {
    case utf8, utf8BOM, gb18030

    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: TextEncoding)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let s = String(validating: bytes.dropFirst(3), as: UTF8.self) else { return nil }
            return (s, .utf8BOM)
        }
        if let s = String(validating: bytes, as: UTF8.self) { return (s, .utf8) }
        guard let out = iconv(bytes, from: "GB18030", to: "UTF-8"), let s = String(validating: out, as: UTF8.self) else { return nil }
        return (s, .gb18030)
    }

    /// `text` encoded as GB18030 (for spreadsheets that expect it, and tests).
    public static func gb18030(_ text: String) -> [UInt8]? { iconv(Array(text.utf8), from: "UTF-8", to: "GB18030") }

    static func iconv(_ input: [UInt8], from: String, to: String) -> [UInt8]? {
        let cd = iconv_open(to, from)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var src = input
        var out = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let produced: Int? = src.withUnsafeMutableBufferPointer { sb in
            out.withUnsafeMutableBufferPointer { ob -> Int? in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(sb.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ob.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = sb.count
                var outLeft = ob.count
                if inLeft == 0 { return 0 }
                let r = Glibc.iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if r == -1 || inLeft != 0 { return nil }
                return ob.count - outLeft
            }
        }
        guard let n = produced else { return nil }
        return Array(out.prefix(n))
    }
}
