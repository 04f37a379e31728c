import ArgumentParser
import Assay
import AssayModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `assay watch DIR --out OUTDIR`: keeps OUTDIR up to date as documents are dropped into DIR.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Keep running and read new or changed documents in a folder tree into OUTDIR, as batch does.",
        discussion: """
        DIR is polled every --interval seconds. A new or changed file is read once it is completely \
        written: two polls in a row saw the same size and modification time, and that time is at least \
        --settle seconds old. Each pass writes what `assay batch` writes (per-document JSON, \
        results.jsonl, summary.csv, assay.sqlite). SIGINT or SIGTERM stops the watch after the \
        documents being read.

        Examples:
          assay watch vendors --out review
          assay watch vendors --out review --interval 10 --jobs 1
        """
    )

    @Argument(help: "The drop folder.")
    var directory: String

    @Option(name: .customLong("out"), help: "The output folder (created when missing).")
    var out: String

    @Option(help: "Seconds between polls of the folder.")
    var interval: Double = 2

    @Option(help: "Seconds a file must have been left alone before it is read.")
    var settle: Double = 2

    @Option(help: "Documents read at once (default: the number of cores).")
    var jobs: Int?

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        try DropFolderValidation.validate(directory: directory, out: out, jobs: jobs)
        if interval <= 0 || settle < 0 { throw ValidationError("--interval must be positive and --settle not negative.") }
    }

    func run() throws {
        FileSizeLimit.reportInsteadOfDying()
        let jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let options = reading.extractOptions(jobs: jobs)
        let configuration = BatchConfiguration(
            inputDirectory: URL(fileURLWithPath: directory), outputDirectory: URL(fileURLWithPath: out),
            jobs: jobs, force: false,
            key: BatchCacheKey.current(options: options))
        let stop = BatchStop()
        let signals = StopSignals(stop: stop)
        defer { withExtendedLifetime(signals) {} }
        let progress = BatchProgress(isTerminal: isatty(2) != 0, columns: terminalColumns()) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
        let runner = BatchRunner(configuration: configuration, reader: BatchCommand.reader(reading.limits.reader(options, interactive: false)),
                                 progress: progress, stop: stop)
        let watcher = BatchWatcher(runner: runner, configuration: configuration, settle: settle)
        FileHandle.standardError.write(Data("assay watch: watching \(directory) (Ctrl-C to stop)\n".utf8))
        while !stop.isRequested {
            do {
                if let report = try watcher.poll(), report.processed > 0 || report.removed > 0 || !report.writeErrors.isEmpty {
                    FileHandle.standardError.write(Data(BatchProgress.summary(report).utf8))
                }
            } catch {
                FileHandle.standardError.write(Data("assay watch: \(error)\n".utf8))
            }
            // Sleep in short steps so a stop request is honoured promptly.
            var slept = 0.0
            while slept < interval && !stop.isRequested {
                usleep(100_000)
                slept += 0.1
            }
        }
        FileHandle.standardError.write(Data("assay watch: stopped\n".utf8))
    }
}
