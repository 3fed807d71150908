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
        var seen = Set<UUID>()
        seen.reserveCapacity(1 << 16)
        _ = try log.lock.withShared { () throws in
            try log.poll { r in
                if v.firstAt == nil { v.firstAt = r.at }
                v.lastAt = r.at
                if v.duplicateID == nil, !seen.insert(r.id).inserted { v.duplicateID = (r.line, r.id) }
                if v.badData == nil {
                    do {
                        try r.data.withUnsafeBytes { b in try Result { () throws(JSONParseError) in try JSON.validate(b) }.get() }
                    } catch {
                        v.badData = (r.line, "\(error)")
                    }
                }
            }
        }
        v.records = log.recordCount
        v.lastSeq = log.lastSeq
        v.end = log.end
        v.fileSize = try log.currentSize()
        if case .clean = v.end { v.freeSpace = v.fileSize - log.committedEnd }
        return v
    }
}
