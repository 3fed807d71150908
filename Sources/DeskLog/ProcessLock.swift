import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The writers' lock on one log file, shared by every `EventLog` of this
/// process that has the file open.
///
/// `flock` locks belong to an open file description, so two descriptors in one
/// process would block each other; classic `fcntl` locks are worse (closing
/// *any* descriptor of the file drops them). So: one lock descriptor per file
/// per process, taken with `flock`, plus a recursive in-process mutex so that
/// threads of this process queue up in front of it (and a poll may run
/// inside an append on the same thread).
final class ProcessLock: @unchecked Sendable {
    private static let registry = Mutex<[FileIdentity: ProcessLock]>([:])

    let identity: FileIdentity
    let path: String
    private let fd: Int32
    private let io: any FileIO
    private let mutex = NSRecursiveLock()
    private var depth = 0
    private var users = 0

    private init(identity: FileIdentity, path: String, fd: Int32, io: any FileIO) {
        self.identity = identity
        self.path = path
        self.fd = fd
        self.io = io
    }

    /// The process-wide lock for the file at `path` (whose identity is `identity`).
    static func acquire(path: String, identity: FileIdentity, io: any FileIO) throws(IOFailure) -> ProcessLock {
        let result: Result<ProcessLock, IOFailure> = registry.withLock { table in
            if let existing = table[identity] {
                existing.users += 1
                return .success(existing)
            }
            do {
                let fd = try io.open(path, flags: O_RDONLY, mode: 0)
                let lock = ProcessLock(identity: identity, path: path, fd: fd, io: io)
                lock.users = 1
                table[identity] = lock
                return .success(lock)
            } catch let error as IOFailure {
                return .failure(error)
            } catch {
                return .failure(IOFailure("open", path, EIO))
            }
        }
        return try result.get()
    }

    /// Drops one user; the descriptor closes with the last one.
    func release() {
        Self.registry.withLock { table in
            users -= 1
            if users == 0 {
                table[identity] = nil
                io.close(fd)
            }
        }
    }

    /// Runs `body` holding the exclusive lock. Not re-entrant: a thread that is
    /// already inside (an append from within an append, or from a poll's
    /// `apply`) gets `LogError.nestedAppend` instead of a second sequence of
    /// numbers computed from stale state.
    func withExclusive<T, E: Error>(_ body: () throws(E) -> T) throws -> T {
        try enter(LOCK_EX)
        defer { leave() }
        return try body()
    }

    /// Runs `body` holding at least a shared lock (inside `withExclusive` too).
    func withShared<T, E: Error>(_ body: () throws(E) -> T) throws -> T {
        try enter(LOCK_SH)
        defer { leave() }
        return try body()
    }

    /// Runs `body` holding at least a shared lock when that can be had at
    /// once; nil, without running it, when another thread of this process
    /// or another process holds the lock (or `flock` fails).
    func tryShared<T>(_ body: () throws -> T) rethrows -> T? {
        guard (try? enter(LOCK_SH, wait: false)) == true else { return nil }
        defer { leave() }
        return try body()
    }

    /// Takes the in-process mutex, then (outermost only) the `flock`; false,
    /// holding nothing, when `wait` is false and either is taken.
    @discardableResult
    private func enter(_ op: Int32, wait: Bool = true) throws -> Bool {
        if wait { mutex.lock() } else if !mutex.try() { return false }
        if depth > 0 {
            if op == LOCK_EX {
                mutex.unlock()
                throw LogError.nestedAppend
            }
        } else {
            do {
                try io.flock(fd, wait ? op : op | LOCK_NB)
            } catch {
                mutex.unlock()
                if !wait { return false }
                throw error
            }
        }
        depth += 1
        return true
    }

    private func leave() {
        depth -= 1
        if depth == 0 {
            try? io.flock(fd, LOCK_UN)
        }
        mutex.unlock()
    }
}
