import ArgumentParser
import Assay
import AssayIngest
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension OCRMode: ExpressibleByArgument {}

/// `--isolation process|none`, read straight into the library's `Isolation` (its limits are filled in
/// from the other options by `LimitOptions.reader`).
extension Isolation: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "process": self = .worker(executable: DocumentRunner.executablePath)
        case "none": self = .none
        default: return nil
        }
    }

    public static var allValueStrings: [String] { ["process", "none"] }

    public var defaultValueDescription: String {
        if case .none = self { return "none" }
        return "process"
    }
}

/// Limits shared by every command that reads documents.
struct LimitOptions: ParsableArguments {
    @Option(help: "Seconds one document may take before it is stopped (default: 30 s plus 20 s per MB, at most 600).")
    var timeout: Double?

    @Option(name: .customLong("max-memory"), help: "Memory cap, in MB, for the process that reads one document.")
    var maxMemory: Int = 1024

    @Option(name: .customLong("max-bytes"), help: "Refuse inputs larger than this many bytes (error too_large).")
    var maxBytes: Int = 512 * 1024 * 1024

    @Option(name: .customLong("max-pages"), help: "Read at most this many pages of a document.")
    var maxPages: Int = 5_000

    @Option(name: .customLong("isolation"), help: "Read each document in a child process (process) or in this one (none, for debugging).")
    var isolation: Isolation = .worker(executable: DocumentRunner.executablePath)

    @Option(help: "OCR pages without a usable text layer (auto), every page (always), or none (never).")
    var ocr: OCRMode = .auto

    @Option(name: .customLong("ocr-languages"), help: "Tesseract languages, e.g. eng+deu (default: the installed ones of eng, deu, fra, spa).")
    var ocrLanguages: String?

    @Option(help: "Threads one document may use: PDF pages read at once, extractors side by side (default: the cores, up to 4, divided by --jobs).")
    var threads: Int?

    func validate() throws {
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds.") }
        if maxMemory < 128 { throw ValidationError("--max-memory must be at least 128 (MB); a worker needs that much to start.") }
        if maxBytes < 1 { throw ValidationError("--max-bytes must be positive.") }
        if maxPages < 1 { throw ValidationError("--max-pages must be positive.") }
        if let threads, threads < 1 || threads > 64 { throw ValidationError("--threads must be between 1 and 64.") }
    }

    var isolationLimits: IsolationLimits { IsolationLimits(timeout: timeout, maxMemoryMB: maxMemory) }

    /// The reader these limits describe. `interactive`: a command the user waits on, reading one
    /// document at a time, which may fork its worker and show OCR progress; a batch may not.
    func reader(_ options: ExtractOptions, interactive: Bool) -> DocumentReader {
        var isolation = isolation
        if case .worker(let executable, _) = isolation { isolation = .worker(executable: executable, limits: isolationLimits) }
        return DocumentReader(isolation: isolation, options: options, forkWhenSingleThreaded: interactive,
                              showsProgress: interactive && isatty(2) != 0)
    }

    /// `threads`: PDF pages read at once. A command that reads one document at a time uses the cores
    /// (up to 4); a batch with several jobs divides them (`pageThreads(jobs:)`).
    func ingestOptions(password: String?, threads: Int = LimitOptions.pageThreads(jobs: 1)) -> IngestOptions {
        IngestOptions(password: password, maxBytes: maxBytes, maxPages: maxPages, ocr: ocr, ocrLanguages: ocrLanguages,
                      threads: self.threads ?? threads)
    }

    static func pageThreads(jobs: Int) -> Int {
        min(4, max(1, ProcessInfo.processInfo.activeProcessorCount / max(1, jobs)))
    }
}
