import ArgumentParser
import Assay
import AssayModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `assay batch DIR --out OUTDIR`: reads a vendor drop folder into per-document JSON,
/// results.jsonl, summary.csv and assay.sqlite, reading only what changed since the last run.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Read every document in a folder tree into OUTDIR (JSON per document, results.jsonl, summary.csv, assay.sqlite).",
        discussion: """
        DIR is walked recursively (hidden files, office lock files and links leading out of DIR are \
        skipped; only .pdf, .html, .htm, .xhtml, .txt and .text files are read). Each document is read \
        in its own worker process with a deadline and a memory cap; a crash, hang or runaway memory \
        becomes that document's error record and the batch goes on. A re-run reads only documents \
        that were added or changed, or all of them when the Assay version, the rules or --as-of \
        changed; --retry-failed reads failed documents again; --force reads everything again. Every output is written atomically, so a batch \
        stopped at any moment (Ctrl-C, kill -9) and run again ends with each document exactly once.

        Exit status: 0 when every document was read, 1 when at least one failed, 64 on a usage \
        error, 130 when stopped by a signal before it finished.

        Examples:
          assay batch vendors --out review
          assay batch vendors --out review --jobs 2 --timeout 60 --as-of 2026-06-30
          assay batch vendors --out review --controls controls/register.csv
          sqlite3 review/assay.sqlite "SELECT vendor, file, expiry_date FROM documents WHERE kind = 'iso_certificate'"
        """
    )

    @Argument(help: "The drop folder: one folder per vendor is the usual layout.")
    var directory: String

    @Option(name: .customLong("out"), help: "The output folder (created when missing).")
    var out: String

    @Option(help: "Documents read at once (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Read every document again, even when its cached result is current.")
    var force = false

    @Flag(name: .customLong("retry-failed"), help: "Read again the documents whose last result is an error (e.g. after raising --timeout).")
    var retryFailed = false

    @OptionGroup var reading: ReadingOptions


    func validate() throws {
        try DropFolderValidation.validate(directory: directory, out: out, jobs: jobs)
    }

    func run() throws {
        FileSizeLimit.reportInsteadOfDying()
        let jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let options = reading.extractOptions(jobs: jobs)
        let configuration = BatchConfiguration(
            inputDirectory: URL(fileURLWithPath: directory), outputDirectory: URL(fileURLWithPath: out),
            jobs: jobs, force: force, retryFailed: retryFailed,
            key: BatchCacheKey.current(options: options))
        let stop = BatchStop()
        let signals = StopSignals(stop: stop)
        defer { withExtendedLifetime(signals) {} }
        let progress = BatchProgress(isTerminal: isatty(2) != 0, columns: terminalColumns()) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
        let runner = BatchRunner(configuration: configuration, reader: Self.reader(reading.limits.reader(options, interactive: false)),
                                 progress: progress, stop: stop)
        let report: BatchReport
        do {
            report = try runner.run()
        } catch {
            FileHandle.standardError.write(Data("assay batch: \(error)\n".utf8))
            throw ExitCode(1)
        }
        FileHandle.standardError.write(Data(BatchProgress.summary(report).utf8))
        if report.interrupted { throw ExitCode(130) }
        if report.failed > 0 || !report.writeErrors.isEmpty || !report.unreadableFolders.isEmpty { throw ExitCode(1) }
    }

    /// A batch's documents, each read by `reader` (isolated in a worker unless --isolation none).
    static func reader(_ reader: DocumentReader) -> BatchDocumentReader {
        { path, label in reader.read(path: path, label: label) }
    }
}

/// SIGINT and SIGTERM ask a batch to stop after the documents being read (their results are kept);
/// a second signal ends the workers being waited for and exits at once. Either way a re-run
/// finishes the job.
final class StopSignals: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

    init(stop: BatchStop) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if stop.isRequested {
                    killWorkerGroups()
                    exit(130)
                }
                stop.request()
                FileHandle.standardError.write(Data("\nassay batch: stopping after the documents being read (again to quit now)\n".utf8))
            }
            source.resume()
            sources.append(source)
        }
    }
}

/// The width of the terminal on standard error (80 when it cannot be told).
func terminalColumns() -> Int {
    var size = winsize()
    guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
    return Int(size.ws_col)
}

/// Kills the process group of every child of this process: the workers, each the leader of its own
/// group (so a terminal's Ctrl-C does not reach them), would otherwise outlive the batch.
func killWorkerGroups() {
    let me = getpid()
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return }
    for entry in entries {
        guard let pid = Int32(entry),
              let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { continue }
        // Fields after "(comm)": state, ppid, …
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        if fields.count > 1, Int32(fields[1]) == me { kill(-pid, SIGKILL) }
    }
}
