import Foundation

/// The built executables sit next to the test bundle (`swift build` puts
/// products and the test runner in the same directory).
enum Binaries {
    static var directory: URL {
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        // On Linux the runner is `<build>/CadreDeskPackageTests.xctest`; on macOS it is inside a bundle.
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("cadredesk").path), dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        return dir
    }

    static var cadredesk: String { directory.appendingPathComponent("cadredesk").path }
    static var stress: String { directory.appendingPathComponent("desklog-stress").path }
}

/// A child process whose stdout is collected line by line.
final class Child: @unchecked Sendable {
    let process = Process()
    private let pipe = Pipe()
    private let lock = NSLock()
    private var buffer = Data()
    private var lines: [String] = []
    private let ended = DispatchSemaphore(value: 0)

    init(_ path: String, _ args: [String], environment: [String: String]? = nil) throws {
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = args
        if let environment { process.environment = environment }
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        // Read on a thread of its own, not in a `readabilityHandler`: that runs
        // on the global dispatch queue, whose threads other tests' blocking
        // waits can all hold; a child's output then arrived seconds late
        // (10 s once in CI, the wait's limit, and a test took 2 steps instead of 10).
        let handle = pipe.fileHandleForReading
        let reader = Thread { [weak self] in
            while true {
                let d = handle.availableData
                guard let self else { return }
                if d.isEmpty { break }
                self.lock.lock()
                self.buffer.append(d)
                while let nl = self.buffer.firstIndex(of: 0x0A) {
                    self.lines.append(String(decoding: self.buffer[self.buffer.startIndex..<nl], as: UTF8.self))
                    self.buffer.removeSubrange(self.buffer.startIndex...nl)
                }
                self.lock.unlock()
            }
            // End of file: every write end is closed, nothing more will come.
            self?.ended.signal()
        }
        try process.run()
        reader.start()
    }

    /// Complete lines printed so far (a line cut by a kill is not included).
    var output: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }

    func kill() { Foundation.kill(process.processIdentifier, SIGKILL) }

    @discardableResult
    func wait() -> Int32 {
        process.waitUntilExit()
        // The reader reads until end of file; wait for it, so every line the
        // child printed is in `output`. If the end never comes (a grandchild
        // kept the pipe open), go on with the lines read so far.
        _ = ended.wait(timeout: .now() + 10)
        return process.terminationStatus
    }

    var wasKilled: Bool { process.terminationReason == .uncaughtSignal }
}

/// Runs a command to completion: (exit status, stdout).
func run(_ path: String, _ args: [String], environment: [String: String]? = nil) throws -> (Int32, String) {
    let c = try Child(path, args, environment: environment)
    let status = c.wait()
    return (status, c.output.joined(separator: "\n"))
}

final class TempDir {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "cadredesk-e2e-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { path + "/" + name }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}
