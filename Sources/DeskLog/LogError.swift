/// Why a log is open read-only.
public enum ReadOnlyReason: Sendable, Equatable {
    /// Damage inside the log (a bad record followed by valid ones).
    case corrupt(Corruption)
    /// A record from a newer CadreDesk (newer `v` or an unknown `type`).
    case newer(NewerRecord)
    /// The file could not be opened for writing (permissions, read-only disk).
    case noWritePermission(IOFailure)
    /// Opened read-only on request.
    case requested
}

public enum LogError: Error, Sendable, Equatable {
    case notFound(path: String)
    case io(IOFailure)
    case readOnly(ReadOnlyReason)
    /// A write or sync failed. The append is not acknowledged. After reopening
    /// the file, `landed` says whether its records are in the log anyway
    /// (they then count as written but may not survive a power loss).
    case notSaved(cause: IOFailure, landed: Bool)
    /// `append` was called from inside another append's `prepare` on the same
    /// thread, or from inside this handle's own poll delivery (a programming
    /// error: it would number and write from a stale position).
    case nestedAppend
}
