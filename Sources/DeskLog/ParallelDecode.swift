import Dispatch
import Foundation

/// The (start, newline) positions of the complete lines in a chunk.
struct ChunkLines {
    private var starts: [Int] = []
    private var newlines: [Int] = []

    init(_ chunk: [UInt8]) {
        chunk.withUnsafeBytes { buf in
            var from = 0
            while let nl = Lines.newline(in: buf, from: from) {
                starts.append(from)
                newlines.append(nl)
                from = nl + 1
            }
        }
    }

    var count: Int { starts.count }
    subscript(i: Int) -> (Int, Int) { (starts[i], newlines[i]) }
}

/// What a parallel payload decoder sees of a record: the envelope fields and
/// the bytes of `data` (valid only during the call).
public struct RecordView {
    public let type: String
    public let seq: UInt64
    public let data: UnsafeRawBufferPointer
}

/// Decodes the lines of a chunk — checksum, envelope and the caller's payload
/// decode — on all cores. Lines are independent; everything that depends on
/// order (seq, batches, damage classification) happens afterwards, in order.
final class ParallelDecode<T>: @unchecked Sendable {
    let lines: UnsafeMutableBufferPointer<DecodedLine>
    let payloads: UnsafeMutableBufferPointer<T?>

    /// Below this many lines a chunk is decoded on the calling thread.
    static var parallelThreshold: Int { 4096 }

    /// `threads`: at most this many (nil: one per core, up to 8).
    init(_ chunk: [UInt8], lines positions: ChunkLines, threads: Int?, interner: inout StringInterner,
         decode: @escaping @Sendable (RecordView) -> T) {
        let n = positions.count
        lines = .allocate(capacity: n)
        payloads = .allocate(capacity: n)
        let cores = threads ?? min(ProcessInfo.processInfo.activeProcessorCount, 8)
        let pieces = n >= Self.parallelThreshold && cores > 1 ? cores : 1
        let seed = interner
        let work: @Sendable (Int) -> StringInterner = { [self] piece in
            var local = seed
            let from = n * piece / pieces, to = n * (piece + 1) / pieces
            chunk.withUnsafeBytes { buf in
                for i in from..<to {
                    let (start, nl) = positions[i]
                    let d = DecodedLine.decode(buf, start: start, newline: nl, interner: &local)
                    (self.lines.baseAddress! + i).initialize(to: d)
                    var value: T?
                    if case .fields(let f) = d {
                        let data = UnsafeRawBufferPointer(rebasing: buf[(start + f.dataRange.lowerBound)..<(start + f.dataRange.upperBound)])
                        value = decode(RecordView(type: f.type, seq: f.seq, data: data))
                    }
                    (self.payloads.baseAddress! + i).initialize(to: value)
                }
            }
            return local
        }
        if pieces == 1 {
            interner = work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in _ = work(piece) }
        }
    }

    deinit {
        lines.deinitialize().deallocate()
        payloads.deinitialize().deallocate()
    }
}

extension ChunkLines: @unchecked Sendable {}
