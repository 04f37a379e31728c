import AssayCore
import Foundation

/// `assay watch`: polls the drop folder and runs a batch pass whenever a document was added,
/// changed or removed, once new files are completely written.
///
/// A file is ready when two polls in a row saw the same size and modification time and that time
/// is at least `settle` seconds old: a file still being copied keeps changing one or the other.
/// Each poll walks the whole folder afresh, so a file dropped while a pass is running is seen by the
/// next poll; nothing depends on change notifications that could be missed.
public final class BatchWatcher: @unchecked Sendable {
    private let runner: BatchRunner
    private let configuration: BatchConfiguration
    private let settle: Double
    private let now: @Sendable () -> Date
    private var previous: [String: Stamp] = [:]
    private var lastPass: [String: Stamp]?

    struct Stamp: Hashable, Sendable {
        var bytes: Int
        var modified: Int64
    }

    public init(runner: BatchRunner, configuration: BatchConfiguration, settle: Double = 2,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.runner = runner
        self.configuration = configuration
        self.settle = settle
        self.now = now
    }

    /// One poll; returns the report of the pass it ran, or nil when nothing was ready and new.
    public func poll() throws -> BatchReport? {
        let walk = try BatchWalker.walk(root: configuration.inputDirectory, excluding: [configuration.outputDirectory])
        let nowNanoseconds = Int64(now().timeIntervalSince1970 * 1_000_000_000)
        let settleNanoseconds = Int64(settle * 1_000_000_000)
        var current: [String: Stamp] = [:]
        var ready: [String: Stamp] = [:]
        for input in walk.inputs {
            let stamp = Stamp(bytes: input.bytes, modified: input.modifiedNanoseconds)
            current[input.relativePath] = stamp
            let steady = previous[input.relativePath].map { $0 == stamp } ?? true
            if steady && nowNanoseconds - input.modifiedNanoseconds >= settleNanoseconds {
                ready[input.relativePath] = stamp
            }
        }
        previous = current
        // Nothing new among the ready files, and nothing removed: no pass.
        if let lastPass, lastPass == ready { return nil }
        let readyNow = ready
        let report = try runner.run { readyNow[$0.relativePath] == Stamp(bytes: $0.bytes, modified: $0.modifiedNanoseconds) }
        lastPass = ready
        return report
    }
}
