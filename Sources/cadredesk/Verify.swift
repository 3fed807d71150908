import ArgumentParser
import DeskCore
import DeskLog
import Foundation

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a log file: checksums, envelopes, sequence, batches, ids, payload JSON.",
        discussion: """
        Exit status: 0 clean; 1 an unfinished record at the end only (safe: the next write
        sets it aside and repairs it); 2 damage (line and byte offset are printed);
        3 written by a newer version of CadreDesk.
        """
    )

    @OptionGroup var common: CommonOptions

    func run() throws {
        let t = common.text
        let path = common.logPath
        let started = ContinuousClock.now
        let v: LogVerification
        do {
            v = try EventLog.verify(path: path, isKnownType: { EventRegistry.isKnown($0) })
        } catch LogError.notFound {
            print(t("log.not_found", path))
            throw ExitCode(2)
        } catch {
            print(t("log.io_error", "\(error)"))
            throw ExitCode(2)
        }
        let ms = (ContinuousClock.now - started).milliseconds
        print(path)
        print("\(t("verify.records")): \(v.records)")
        print("\(t("verify.last_seq")): \(v.lastSeq)")
        print("\(t("verify.first_at")): \(v.firstAt?.description ?? "-")")
        print("\(t("verify.last_at")): \(v.lastAt?.description ?? "-")")
        print("\(t("verify.size")): \(t("verify.bytes", v.fileSize))" + (v.freeSpace > 0 ? t("verify.free_space", v.freeSpace) : ""))
        print(VerifyReport.describe(v, t))
        print(t("verify.elapsed", String(format: "%.0f", ms)))
        if v.exitCode != 0 { throw ExitCode(v.exitCode) }
    }
}

enum VerifyReport {
    /// The verdict line(s) in the user's language.
    static func describe(_ v: LogVerification, _ t: Localizer) -> String {
        var lines: [String] = []
        switch v.end {
        case .clean: if v.duplicateID == nil && v.badData == nil { lines.append(t("verify.ok")) }
        case .tornTail(_, let length, let line, let reason): lines.append(t("verify.torn", line, length, reason.description))
        case .corrupt(let c): lines.append(t("verify.corrupt", c.line, c.offset, c.problem.description, c.validRecordsAfter))
        case .newer(let n): lines.append(t("verify.newer", n.line, n.kind.description))
        }
        if let d = v.duplicateID { lines.append(t("verify.duplicate_id", d.line, d.id.uuidString.lowercased())) }
        if let b = v.badData { lines.append(t("verify.bad_data", b.line, b.reason)) }
        return lines.joined(separator: "\n")
    }
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}
