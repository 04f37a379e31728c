import AssayCore
import AssayIngest
import AssayModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `assay batch` is asked to do.
public struct BatchConfiguration: Sendable {
    public var inputDirectory: URL
    public var outputDirectory: URL
    /// Documents read at once, each in its own worker process.
    public var jobs: Int
    /// Read every document again, whatever the cache says.
    public var force: Bool
    /// Read again the documents whose cached result is an error (after raising --timeout, say).
    public var retryFailed: Bool
    public var key: BatchCacheKey

    public init(inputDirectory: URL, outputDirectory: URL, jobs: Int, force: Bool, retryFailed: Bool = false,
                key: BatchCacheKey) {
        self.inputDirectory = inputDirectory
        self.outputDirectory = outputDirectory
        self.jobs = max(1, jobs)
        self.force = force
        self.retryFailed = retryFailed
        self.key = key
    }
}

/// Reads one document: the absolute path to open and the label for `source.path`. In the CLI this is
/// an `IsolatedRunner` call; tests may read in process.
public typealias BatchDocumentReader = @Sendable (_ path: String, _ label: String) -> AssayDocument

/// What a batch run did.
public struct BatchReport: Sendable {
    /// Documents now in the folder (after the walk).
    public var documents = 0
    public var processed = 0
    public var added = 0
    public var changed = 0
    /// Read again because the Assay version, the rules or the options changed, or `--force`.
    public var redone = 0
    public var skipped = 0
    public var removed = 0
    public var ignored = 0
    /// Documents read in this run that failed.
    public var failedNow = 0
    /// Documents in the folder whose current result is an error (this run's or a cached one).
    public var failed = 0
    /// Documents left unread because the run was stopped.
    public var notProcessed = 0
    public var byKind: [String: Int] = [:]
    public var errorsByCode: [String: Int] = [:]
    public var seconds = 0.0
    public var interrupted = false
    public var leftoversRemoved = 0
    /// Folders below DIR that could not be listed; the run then counts as failed.
    public var unreadableFolders: [String] = []
    /// Pages of the documents read in this run.
    public var pagesRead = 0
    /// Things the user should know that are not about one document.
    public var notes: [String] = []
    /// New documents held back because they may still be being written (`watch` only).
    public var pending = 0
    /// Output files that could not be written (disk full, permissions); the run then fails.
    public var writeErrors: [String] = []

    public init() {}
}

/// A flag a signal handler sets to ask the run to stop after the documents being read.
public final class BatchStop: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false

    public init() {}

    public func request() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    public var isRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }
}

/// `assay batch`: walk, decide what to read, read with N workers, write every output atomically.
///
/// Order of writes for one document: its contract JSON (temporary file, then rename), then its rows
/// in `assay.sqlite` (one transaction). The index row carries the cache key, so a run killed between
/// the two leaves a JSON whose index row is old or missing, and the next run reads that document
/// again and overwrites the JSON: nothing is lost and nothing is counted twice. `results.jsonl` and
/// `summary.csv` are rebuilt at the end of every run from the per-document JSON files and the
/// index, in the walk's order, so each document appears in them exactly once.
public final class BatchRunner: Sendable {
    public static let resultsName = "results.jsonl"
    public static let summaryName = "summary.csv"

    let configuration: BatchConfiguration
    let reader: BatchDocumentReader
    let progress: BatchProgress?
    let stop: BatchStop

    public init(configuration: BatchConfiguration, reader: @escaping BatchDocumentReader,
                progress: BatchProgress? = nil, stop: BatchStop = BatchStop()) {
        self.configuration = configuration
        self.reader = reader
        self.progress = progress
        self.stop = stop
    }

    /// Where the contract JSON of the document at `relativePath` goes.
    public func outputURL(for relativePath: String) -> URL {
        configuration.outputDirectory.appendingPathComponent(relativePath + ".json")
    }

    private enum Reason { case added, changed, redone }

    /// Runs one pass. `isReady` (for `watch`) holds back documents that may still be being written:
    /// one that is not ready keeps its previous result, if any, and is read on a later pass.
    public func run(isReady: (@Sendable (BatchInput) -> Bool)? = nil) throws -> BatchReport {
        let start = Date()
        let output = configuration.outputDirectory
        let lock = try OutputLock(directory: output)
        defer { withExtendedLifetime(lock) {} }
        var report = BatchReport()
        report.leftoversRemoved = AtomicFile.removeLeftovers(under: output)
        let index = try openIndex(report: &report)

        let walk = try BatchWalker.walk(root: configuration.inputDirectory, excluding: [output])
        report.documents = walk.inputs.count
        report.ignored = walk.ignored.count
        let known = try index.records()

        // Documents gone from the folder lose their JSON and their index rows — but not those below a
        // folder that could not be listed this time: they may well still be there.
        let present = Set(walk.inputs.map(\.relativePath))
        let unlisted = walk.unreadableFolders.map { $0.isEmpty ? "" : $0 + "/" }
        let gone = known.keys.filter { path in
            !present.contains(path) && !unlisted.contains { path.hasPrefix($0) }
        }.sorted()
        report.unreadableFolders = walk.unreadableFolders
        for folder in walk.unreadableFolders {
            report.notes.append("Could not list the folder \(folder.isEmpty ? "." : folder); its documents were not read (earlier results are kept).")
        }
        for path in gone { removeOutput(for: path) }
        try index.remove(paths: gone)
        report.removed = gone.count

        var jobs: [(BatchInput, Reason)] = []
        for input in walk.inputs {
            if let isReady, !isReady(input) {
                if known[input.relativePath] == nil { report.pending += 1 } else { report.skipped += 1 }
                continue
            }
            if let reason = reasonToRead(input, known: known[input.relativePath], index: index) {
                jobs.append((input, reason))
            } else {
                report.skipped += 1
            }
        }
        progress?.start(total: walk.inputs.count, toRead: jobs.count, skipped: report.skipped)

        let queue = JobQueue(jobs.map(\.0))
        let results = ResultLog()
        let group = DispatchGroup()
        for _ in 0..<min(configuration.jobs, max(1, jobs.count)) {
            group.enter()
            let thread = Thread { [self] in
                defer { group.leave() }
                while !stop.isRequested, let input = queue.next() {
                    results.add(process(input, index: index))
                }
            }
            thread.stackSize = 4 << 20
            thread.start()
        }
        group.wait()

        let outcomes = results.all
        report.processed = outcomes.count
        report.failedNow = outcomes.filter { $0.record.isFailure }.count
        report.pagesRead = outcomes.reduce(0) { $0 + ($1.record.pages ?? 0) }
        report.writeErrors = outcomes.compactMap(\.writeError)
        let done = Set(outcomes.map(\.record.path))
        for (input, reason) in jobs where done.contains(input.relativePath) {
            switch reason {
            case .added: report.added += 1
            case .changed: report.changed += 1
            case .redone: report.redone += 1
            }
        }
        report.notProcessed = jobs.count - outcomes.count
        report.interrupted = stop.isRequested && report.notProcessed > 0

        // Reports of different vendors written from one template (report mills).
        let templates = BatchTemplatePass.run(inputs: walk.inputs, outputURL: { self.outputURL(for: $0) })
        report.notes += templates.notes
        report.writeErrors += templates.writeErrors

        // The aggregate outputs, rebuilt from what is on disk and in the index.
        let records = try index.records()
        var rows: [BatchRecord] = []
        do {
            let results = try AtomicFile.Writer(output.appendingPathComponent(Self.resultsName))
            for input in walk.inputs {
                guard let data = try? Data(contentsOf: outputURL(for: input.relativePath)),
                      let record = records[input.relativePath] else { continue }
                try results.append(JSONLine.compact(data) + Data([0x0A]))
                rows.append(record)
                report.byKind[record.kind ?? "error", default: 0] += 1
                if let code = record.errorCode {
                    report.failed += 1
                    report.errorsByCode[code, default: 0] += 1
                }
            }
            try results.commit()
            try AtomicFile.write(SummaryCSV.render(rows), to: output.appendingPathComponent(Self.summaryName))
        } catch {
            report.writeErrors.append("\(error)")
        }
        report.seconds = Date().timeIntervalSince(start)
        progress?.finish()
        return report
    }

    /// Opens `assay.sqlite`. One that cannot be opened (not a database, damaged by a disk fault) is
    /// moved aside, never deleted, and a new one is started: every document is then read again.
    private func openIndex(report: inout BatchReport) throws -> BatchIndex {
        let url = configuration.outputDirectory.appendingPathComponent(BatchIndex.fileName)
        do {
            return try BatchIndex(url: url)
        } catch {
            let aside = url.path + ".unreadable-\(Int(Date().timeIntervalSince1970))"
            guard rename(url.path, aside) == 0 else { throw error }
            for suffix in ["-wal", "-shm", "-journal"] { unlink(url.path + suffix) }
            report.notes.append("The index \(BatchIndex.fileName) could not be opened (\(error)); it was moved to "
                                + "\((aside as NSString).lastPathComponent) and every document is read again.")
            return try BatchIndex(url: url)
        }
    }

    /// Why `input` must be read, or nil when its cached result still holds.
    private func reasonToRead(_ input: BatchInput, known: BatchRecord?, index: BatchIndex) -> Reason? {
        guard let known else { return .added }
        if configuration.force || known.key != configuration.key { return .redone }
        // A file that could not be opened last time may be readable now.
        if known.errorCode == ErrorCode.notFound.rawValue || known.errorCode == ErrorCode.unreadable.rawValue {
            return .redone
        }
        if configuration.retryFailed && known.errorCode != nil { return .redone }
        guard FileManager.default.fileExists(atPath: outputURL(for: input.relativePath).path) else { return .redone }
        if known.bytes == input.bytes && known.modifiedNanoseconds == input.modifiedNanoseconds { return nil }
        // Touched but perhaps not changed (copied, restored from backup): the content decides.
        guard known.bytes == input.bytes, let sha = known.sha256,
              let data = try? Data(contentsOf: URL(fileURLWithPath: input.absolutePath)),
              SHA256.hex(data) == sha else { return .changed }
        try? index.touch(path: input.relativePath, bytes: input.bytes, modifiedNanoseconds: input.modifiedNanoseconds)
        return nil
    }

    struct Outcome: Sendable {
        var record: BatchRecord
        var writeError: String?
    }

    private func process(_ input: BatchInput, index: BatchIndex) -> Outcome {
        progress?.begin(input.relativePath)
        let document = reader(input.absolutePath, input.relativePath)
        let record = BatchRecord(input: input, document: document, key: configuration.key,
                                 processedAt: ISO8601DateFormatter().string(from: Date()))
        var writeError: String?
        do {
            let json = try ContractJSON.encode(document, pretty: true) + Data("\n".utf8)
            try AtomicFile.write(json, to: outputURL(for: input.relativePath))
            try index.store(record, document: document)
        } catch {
            writeError = "\(input.relativePath): \(error)"
        }
        progress?.end(record)
        return Outcome(record: record, writeError: writeError)
    }

    private func removeOutput(for relativePath: String) {
        let url = outputURL(for: relativePath)
        try? FileManager.default.removeItem(at: url)
        // Drop folders the removal emptied, up to (not including) the output folder.
        var directory = url.deletingLastPathComponent().standardizedFileURL
        let root = configuration.outputDirectory.standardizedFileURL.path
        while directory.path.hasPrefix(root + "/"),
              let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.path), entries.isEmpty {
            try? FileManager.default.removeItem(at: directory)
            directory = directory.deletingLastPathComponent()
        }
    }
}

/// The documents still to read, handed out one at a time to the worker threads.
final class JobQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [BatchInput]
    private var nextIndex = 0

    init(_ items: [BatchInput]) { self.items = items }

    func next() -> BatchInput? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < items.count else { return nil }
        defer { nextIndex += 1 }
        return items[nextIndex]
    }
}

final class ResultLog: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [BatchRunner.Outcome] = []

    func add(_ outcome: BatchRunner.Outcome) {
        lock.lock()
        outcomes.append(outcome)
        lock.unlock()
    }

    var all: [BatchRunner.Outcome] {
        lock.lock()
        defer { lock.unlock() }
        return outcomes
    }
}
