import CDeskCRC
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call: which one, on what, and errno.
public struct IOFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var code: Int32

    public init(_ operation: String, _ path: String, _ code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    public var description: String { "\(operation) \(path): \(String(cString: strerror(code))) (errno \(code))" }
}

/// The system calls the log makes, behind a protocol so tests can inject
/// short writes and write/fsync errors. `PosixFileIO` is the real thing.
public protocol FileIO: Sendable {
    func open(_ path: String, flags: Int32, mode: mode_t) throws(IOFailure) -> Int32
    func close(_ fd: Int32)
    /// May return fewer bytes than asked (0 at end of file).
    func pread(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, offset: Int) throws(IOFailure) -> Int
    /// May write fewer bytes than asked; the caller loops.
    func pwrite(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, offset: Int) throws(IOFailure) -> Int
    func fdatasync(_ fd: Int32) throws(IOFailure)
    func fsync(_ fd: Int32) throws(IOFailure)
    func ftruncate(_ fd: Int32, length: Int) throws(IOFailure)
    func size(_ fd: Int32) throws(IOFailure) -> Int
    func identity(_ fd: Int32) throws(IOFailure) -> FileIdentity
    func flock(_ fd: Int32, _ operation: Int32) throws(IOFailure)
    /// The file's bytes `[offset, offset + length)` mapped read-only
    /// (`offset` a multiple of the page size), or nil where that is not to be
    /// had: the log then reads with `pread`. The default maps nothing, so a
    /// test's I/O sees every read as a `pread`.
    func map(_ fd: Int32, offset: Int, length: Int) -> UnsafeRawBufferPointer?
    func unmap(_ region: UnsafeRawBufferPointer)
}

extension FileIO {
    public func map(_ fd: Int32, offset: Int, length: Int) -> UnsafeRawBufferPointer? { nil }
    public func unmap(_ region: UnsafeRawBufferPointer) {}
}

public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
}

public struct PosixFileIO: FileIO {
    public init() {}

    public func open(_ path: String, flags: Int32, mode: mode_t) throws(IOFailure) -> Int32 {
        while true {
            let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 { return fd }
            if errno != EINTR { throw IOFailure("open", path, errno) }
        }
    }

    public func close(_ fd: Int32) { _ = Glibc.close(fd) }

    public func pread(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, offset: Int) throws(IOFailure) -> Int {
        while true {
            let n = Glibc.pread(fd, buffer.baseAddress, buffer.count, off_t(offset))
            if n >= 0 { return n }
            if errno != EINTR { throw IOFailure("pread", "fd \(fd)", errno) }
        }
    }

    public func pwrite(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, offset: Int) throws(IOFailure) -> Int {
        while true {
            let n = Glibc.pwrite(fd, buffer.baseAddress, buffer.count, off_t(offset))
            if n >= 0 { return n }
            if errno != EINTR { throw IOFailure("pwrite", "fd \(fd)", errno) }
        }
    }

    public func fdatasync(_ fd: Int32) throws(IOFailure) {
        if Glibc.fdatasync(fd) != 0 { throw IOFailure("fdatasync", "fd \(fd)", errno) }
    }

    public func fsync(_ fd: Int32) throws(IOFailure) {
        if Glibc.fsync(fd) != 0 { throw IOFailure("fsync", "fd \(fd)", errno) }
    }

    public func ftruncate(_ fd: Int32, length: Int) throws(IOFailure) {
        if Glibc.ftruncate(fd, off_t(length)) != 0 { throw IOFailure("ftruncate", "fd \(fd)", errno) }
    }

    public func size(_ fd: Int32) throws(IOFailure) -> Int {
        var st = stat()
        if fstat(fd, &st) != 0 { throw IOFailure("fstat", "fd \(fd)", errno) }
        return Int(st.st_size)
    }

    public func identity(_ fd: Int32) throws(IOFailure) -> FileIdentity {
        var st = stat()
        if fstat(fd, &st) != 0 { throw IOFailure("fstat", "fd \(fd)", errno) }
        return FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    public func flock(_ fd: Int32, _ operation: Int32) throws(IOFailure) {
        while systemFlock(fd, operation) != 0 {
            if errno != EINTR { throw IOFailure("flock", "fd \(fd)", errno) }
        }
    }

    /// Maps only files on local disk filesystems. Elsewhere — NFS, SMB,
    /// FUSE — a read error, or another machine cutting the file, would come
    /// as SIGBUS on a mapped page instead of as an error from `pread`.
    public func map(_ fd: Int32, offset: Int, length: Int) -> UnsafeRawBufferPointer? {
        guard length > 0, Self.localFilesystems.contains(Int64(cdesk_fs_type(fd))),
              let p = mmap(nil, length, PROT_READ, MAP_SHARED, fd, off_t(offset)), p != MAP_FAILED else { return nil }
        return UnsafeRawBufferPointer(start: p, count: length)
    }

    /// `statfs` magic numbers: ext2/3/4, XFS, Btrfs, tmpfs, F2FS, ZFS, overlayfs, bcachefs.
    static let localFilesystems: Set<Int64> = [0xEF53, 0x5846_5342, 0x9123_683E, 0x0102_1994, 0xF2F5_2010, 0x2FC1_2FC1, 0x794C_7630, 0xCA45_1A4E]

    public func unmap(_ region: UnsafeRawBufferPointer) {
        _ = munmap(UnsafeMutableRawPointer(mutating: region.baseAddress), region.count)
    }
}

/// `flock` the function (inside a type with a `flock` method, the name resolves to the struct).
private func systemFlock(_ fd: Int32, _ operation: Int32) -> Int32 { flock(fd, operation) }

extension FileIO {
    /// Reads until the buffer is full or the file ends; returns the byte count.
    func readFully(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(IOFailure) -> Int {
        var total = 0
        while total < buffer.count {
            let n = try pread(fd, UnsafeMutableRawBufferPointer(rebasing: buffer[total...]), offset: offset + total)
            if n == 0 { break }
            total += n
        }
        return total
    }

    /// `keeping` followed by the bytes `[from, to)` (fewer if the file is shorter now),
    /// read straight into uninitialised storage (no zero fill).
    func read(_ fd: Int32, from: Int, to: Int, keeping: ArraySlice<UInt8> = []) throws(IOFailure) -> [UInt8] {
        var failure: IOFailure?
        let bytes = [UInt8](unsafeUninitializedCapacity: keeping.count + max(0, to - from)) { raw, count in
            let kept = raw.initialize(fromContentsOf: keeping)
            do throws(IOFailure) {
                count = kept + (try readFully(fd, UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: raw[kept...])), at: from))
            } catch {
                failure = error
                count = 0
            }
        }
        if let failure { throw failure }
        return bytes
    }
}

/// Runs file calls, turning an `IOFailure` into `LogError.io`.
func mappingIO<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as IOFailure { throw LogError.io(e) }
}
