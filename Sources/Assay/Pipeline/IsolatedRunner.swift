import AssayCore
import AssayIngest
import AssayModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs one document in a child process (the `assay worker` mode of the same binary) under a
/// deadline and a memory cap, so that a PDF that makes poppler loop, crash or eat gigabytes costs
/// one error record and nothing else. The child is the leader of its own process group, and the
/// whole group is killed when the deadline passes.
public struct IsolatedRunner: Sendable {
    public var executable: String
    public var limits: IsolationLimits
    /// Start the worker as a copy of this process (`fork` without `exec`) when this process has a
    /// single thread — a command-line parent that does nothing else while the worker reads. The
    /// copy needs no program start of its own, which is most of what isolation otherwise costs; a
    /// parent with more threads (a library caller, a batch) always starts `executable worker`.
    public var forkWhenSingleThreaded: Bool
    /// Show the worker's OCR progress ("OCR page 3 of 40") on this process's standard error: for a
    /// command reading one document at a time with a terminal there.
    public var showsProgress: Bool

    public init(executable: String, limits: IsolationLimits, forkWhenSingleThreaded: Bool = false, showsProgress: Bool = false) {
        self.executable = executable
        self.limits = limits
        self.forkWhenSingleThreaded = forkWhenSingleThreaded
        self.showsProgress = showsProgress
    }

    public func extract(path: String, label: String, options: ExtractOptions) -> AssayDocument {
        run(path: path, label: label, options: options, renderReport: false).document
    }

    /// Extracts the document and renders its HTML review page, both in the worker: the page's
    /// evidence cut-outs are drawn by poppler, which must run under the worker's limits too.
    /// The page is `nil` when the worker failed (the document then carries the error).
    public func report(path: String, label: String, options: ExtractOptions) -> (document: AssayDocument, html: String?) {
        run(path: path, label: label, options: options, renderReport: true)
    }

    /// Extracts the document and answers with it printed in `style` and whether it failed: the worker prints it, so the parent passes the text on instead of
    /// decoding the document and encoding it again. The text is exactly what `extract` prints.
    public func printed(path: String, label: String, options: ExtractOptions, style: PrintStyle) -> (failed: Bool, text: String) {
        let (outcome, deadline) = start(path: path, label: label, options: options, renderReport: false, printAs: style)
        // Output cut at the size cap is not a document: it goes the way of any other failure.
        if case .finished(0, let stdout, _) = outcome, stdout.count < ChildProcess.maxStdout,
           let newline = stdout.firstIndex(of: UInt8(ascii: "\n")) {
            let status = String(decoding: stdout[stdout.startIndex..<newline], as: UTF8.self)
            let text = String(decoding: stdout[stdout.index(after: newline)...], as: UTF8.self)
            if status == "ok" || status == "failed", !text.isEmpty { return (status == "failed", text) }
        }
        let document = document(from: outcome, path: path, label: label, maxBytes: options.ingest.maxBytes,
                                deadline: deadline, renderReport: false).document
        return (document.isFailure, style.print(document))
    }

    private func run(path: String, label: String, options: ExtractOptions, renderReport: Bool) -> (document: AssayDocument, html: String?) {
        let (outcome, deadline) = start(path: path, label: label, options: options, renderReport: renderReport, printAs: nil)
        return document(from: outcome, path: path, label: label, maxBytes: options.ingest.maxBytes, deadline: deadline,
                        renderReport: renderReport)
    }

    /// Runs the worker for one document: forked when this process may fork, else started anew.
    private func start(path: String, label: String, options: ExtractOptions, renderReport: Bool,
                       printAs: PrintStyle?) -> (ChildProcess.Outcome, deadline: Double) {
        let bytes = fileSize(path)
        // Rendering cut-outs costs about as much again as reading: allow for it.
        let deadline = limits.deadline(forBytes: bytes) * (renderReport ? 2 : 1)
        var request = WorkerRequest(path: path, label: label, options: options, limits: limits,
                                    cpuSeconds: (Int(deadline.rounded(.up)) + 5) * max(1, options.ingest.threads))
        request.renderReport = renderReport ? true : nil
        request.printAs = printAs
        if forkWhenSingleThreaded && ChildProcess.mayFork {
            let password = options.ingest.password
            return (ChildProcess.fork(deadline: deadline, showsProgress: showsProgress) { WorkerJob.perform(request, password: password) }, deadline)
        }
        return (spawn(request, password: options.ingest.password, deadline: deadline), deadline)
    }

    private func spawn(_ request: WorkerRequest, password: String?, deadline: Double) -> ChildProcess.Outcome {
        let requestJSON = ContractJSON.string(request, pretty: false)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: WorkerRequest.passwordVariable)
        if let password { environment[WorkerRequest.passwordVariable] = password }
        // Tesseract's OpenMP threads must be capped before the worker starts (NOTES.md).
        environment["OMP_THREAD_LIMIT"] = "1"
        // Swift's crash backtracer would spend seconds symbolicating and flood stderr; the parent
        // only needs the one-line reason.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        return ChildProcess.run(executable: executable, arguments: ["worker", requestJSON],
                                environment: environment, deadline: deadline, showsProgress: showsProgress)
    }

    private func document(from outcome: ChildProcess.Outcome, path: String, label: String, maxBytes: Int,
                          deadline: Double, renderReport: Bool) -> (document: AssayDocument, html: String?) {
        switch outcome {
        case .finished(let status, let stdout, let stderr):
            let newline = stdout.firstIndex(of: UInt8(ascii: "\n")) ?? stdout.endIndex
            if status == 0, let document = try? ContractJSON.decodeDocument(stdout[stdout.startIndex..<newline]) {
                let rest = newline < stdout.endIndex ? stdout[stdout.index(after: newline)...] : Data()
                return (document, renderReport ? String(decoding: rest, as: UTF8.self) : nil)
            }
            let detail = String(decoding: stderr.suffix(2000), as: UTF8.self)
            return (failure(path: path, label: label, maxBytes: maxBytes,
                            error: DocumentError(.crashed, "The document's reader stopped unexpectedly (exit status \(status))."),
                            detail: detail), nil)
        case .signaled(let signal, let stderr, let peakMemoryKB):
            let detail = String(decoding: stderr.suffix(2000), as: UTF8.self)
            let error = Self.error(forSignal: signal, stderr: detail, peakMemoryKB: peakMemoryKB, limits: limits, deadline: deadline)
            return (failure(path: path, label: label, maxBytes: maxBytes, error: error, detail: detail), nil)
        case .timedOut(let seconds):
            return (failure(path: path, label: label, maxBytes: maxBytes,
                            error: DocumentError(.timeout, "Reading the document took longer than \(Self.seconds(seconds)) seconds, so it was stopped."),
                            detail: ""), nil)
        case .spawnFailed(let reason):
            return (failure(path: path, label: label, maxBytes: maxBytes,
                            error: DocumentError(.crashed, "The document's reader could not be started (\(reason))."), detail: ""), nil)
        }
    }

    /// Maps how a worker died to a contract error. Out-of-memory inside the cap shows as an abort
    /// with an allocation message, and a CPU-limit breach as SIGXCPU.
    /// A worker that dies of a trap or abort after its resident memory reached two fifths of its
    /// cap ran out of memory: at the limit an allocation fails and Swift or C++
    /// aborts, so the signal alone cannot tell a memory breach from a bug.
    static func error(forSignal signal: Int32, stderr: String, peakMemoryKB: Int, limits: IsolationLimits, deadline: Double) -> DocumentError {
        let lower = stderr.lowercased()
        let memoryWords = ["bad_alloc", "out of memory", "cannot allocate", "failed to allocate", "allocation failed", "could not allocate"]
        let nearCap = peakMemoryKB >= limits.maxMemoryMB * 1024 * 2 / 5
        if memoryWords.contains(where: lower.contains) || (nearCap && [SIGABRT, SIGILL, SIGTRAP, SIGSEGV, SIGBUS].contains(signal)) {
            return DocumentError(.tooLarge, "Reading the document needed more than the \(limits.maxMemoryMB) MB memory limit.")
        }
        if signal == SIGXCPU {
            return DocumentError(.timeout, "Reading the document used more CPU time than its \(Self.seconds(deadline)) second deadline allows.")
        }
        if signal == SIGKILL {
            return DocumentError(.tooLarge, "The document's reader was killed by the system, most likely for using too much memory.")
        }
        return DocumentError(.crashed, "The document's reader crashed (signal \(signalName(signal))).")
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGILL: "SIGILL",
                                      SIGFPE: "SIGFPE", SIGTRAP: "SIGTRAP", SIGKILL: "SIGKILL", SIGTERM: "SIGTERM"]
        return names[signal] ?? "signal \(signal)"
    }

    /// The error document for a worker that failed. The file is hashed only when it is within the
    /// reading limit (`--max-bytes`): a file that just broke a worker is hostile, and the parent never
    /// reads more of it than a worker would have.
    private func failure(path: String, label: String, maxBytes: Int, error: DocumentError, detail: String) -> AssayDocument {
        var source = SourceInfo(path: label)
        let size = fileSize(path)
        if size > 0 { source.bytes = size }
        if size <= maxBytes, let data = try? InputFile.read(path: path, maxBytes: maxBytes) {
            source.sha256 = SHA256.hex(data)
            source.bytes = data.count
        }
        // Keep the reason line (Swift's "Fatal error: …", poppler's message), not a dump.
        let lines = detail.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let reason = lines.first { $0.contains("Fatal error") || $0.hasPrefix("terminate called") } ?? ""
        let trimmed = String(reason.prefix(300))
        let diagnostics = trimmed.isEmpty ? [] : [Diagnostic(level: .error, code: "worker_stderr", message: trimmed)]
        return .failure(source, error, diagnostics: diagnostics)
    }

    private func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
}

/// Applies the limits a worker puts on itself before it reads anything.
public enum WorkerLimits {
    /// The cap applies to the data segment (`RLIMIT_DATA`: heap and private writable mappings,
    /// which is what a hostile PDF makes poppler grow), so the size of the program's own shared
    /// libraries does not eat into it; the address space gets a backstop 1 GB above the cap.
    public static func apply(maxMemoryMB: Int, cpuSeconds: Int) {
        let cap = rlim_t(maxMemoryMB) * 1_048_576
        var data = rlimit(rlim_cur: cap, rlim_max: cap)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_DATA.rawValue), &data)
        var memory = rlimit(rlim_cur: cap + 1024 * 1_048_576, rlim_max: cap + 1024 * 1_048_576)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &memory)
        // The hard limit leaves room for the OCR allowance the worker may give itself
        // (`WorkerProgress.installInWorker`); the soft limit is the one that stops it.
        let ocrRoom = rlim_t(WorkerProgress.maxOCRSeconds) * 64
        var cpu = rlimit(rlim_cur: rlim_t(cpuSeconds), rlim_max: rlim_t(cpuSeconds + 2) + ocrRoom)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &cpu)
        var core = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &core)
    }
}
