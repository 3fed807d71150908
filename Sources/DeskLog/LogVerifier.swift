import Foundation

/// A full check of a log file, for `cadredesk verify`: every record's
/// checksum, envelope, sequence and batch framing, that `data` parses as
/// JSON, that no event id repeats, and how the file ends.
public struct LogVerification: Sendable {
    public var records = 0
    public var lastSeq: UInt64 = 0
    public var firstAt: Timestamp?
    public var lastAt: Timestamp?
    public var fileSize = 0
    /// NUL bytes after the last record: free space a writer added (clean logs only).
    public var freeSpace = 0
    public var end: ScanEnd = .clean
    /// Problems inside records that are otherwise well framed.
    public var duplicateID: (line: Int, id: UUID)?
    public var badData: (line: Int, reason: String)?

    /// 0 clean, 1 torn tail only (safe: repaired by the next write),
    /// 2 damage (corruption, repeated id, unparsable data),
    /// 3 cannot check: written by a newer version.
    public var exitCode: Int32 {
        if duplicateID != nil || badData != nil { return 2 }
        switch end {
        case .clean: return 0
        case .tornTail: return 1
        case .corrupt: return 2
        case .newer: return 3
        }
    }
}

extension EventLog {
    /// Verifies the whole file under a shared lock (writers wait; a live
    /// append is never mistaken for a torn tail).
    public static func verify(path: String, isKnownType: @escaping @Sendable (String) -> Bool = { _ in true }) throws -> LogVerification {
        var o = Options()
        o.readOnly = true
        o.isKnownType = isKnownType
        let log = try EventLog(path: path, options: o)
        var v = LogVerification()
        var seen = IDTable()
        _ = try log.lock.withShared { () throws in
            // `data` is checked on the decoding threads, alongside the
            // checksums; ids and times are looked at here, in file order.
            try log.poll(decode: { view -> String? in
                do {
                    try JSON.validate(view.data)
                    return nil
                } catch {
                    return "\(error)"
                }
            }, apply: { r, dataProblem in
                if v.firstAt == nil { v.firstAt = r.at }
                v.lastAt = r.at
                if v.duplicateID == nil, !seen.insert(r.id) { v.duplicateID = (r.line, r.id) }
                if v.badData == nil, let dataProblem { v.badData = (r.line, dataProblem) }
            })
        }
        v.records = log.recordCount
        v.lastSeq = log.lastSeq
        v.end = log.end
        v.fileSize = try log.currentSize()
        if case .clean = v.end { v.freeSpace = v.fileSize - log.committedEnd }
        return v
    }
}

/// A set of event ids for finding a repeated one: open addressing over the
/// ids' own bits, one probe per id in the common case (a `Set<UUID>` hashes
/// each id with SipHash, which was most of `verify`'s time on a large log).
struct IDTable {
    /// (0, 0) marks an empty slot; the all-zero id is kept aside.
    private var slots = [(UInt64, UInt64)](repeating: (0, 0), count: 1 << 16)
    private var count = 0
    private var hasZero = false

    /// Adds `id`; false when it was there already.
    mutating func insert(_ id: UUID) -> Bool {
        let key = withUnsafeBytes(of: id.uuid) { ($0.loadUnaligned(as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
        if key == (0, 0) {
            defer { hasZero = true }
            return !hasZero
        }
        if (count + 1) * 4 > slots.count * 3 { grow() }
        guard place(key, in: &slots) else { return false }
        count += 1
        return true
    }

    private func place(_ key: (UInt64, UInt64), in table: inout [(UInt64, UInt64)]) -> Bool {
        let mask = table.count - 1
        // Mixed: ids need not be random (version 4 ones are).
        var i = Int(truncatingIfNeeded: ((key.0 ^ key.1) &* 0x9E37_79B9_7F4A_7C15) >> 17) & mask
        return table.withUnsafeMutableBufferPointer { t in
            while t[i] != (0, 0) {
                if t[i] == key { return false }
                i = (i + 1) & mask
            }
            t[i] = key
            return true
        }
    }

    private mutating func grow() {
        var bigger = [(UInt64, UInt64)](repeating: (0, 0), count: slots.count * 2)
        for key in slots where key != (0, 0) { _ = place(key, in: &bigger) }
        slots = bigger
    }
}
