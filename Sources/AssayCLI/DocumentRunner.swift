import Assay
import AssayModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs one input — a path or `-` for standard input — isolated or in process, as the limits say.
struct DocumentRunner {
    var limits: LimitOptions
    var options: ExtractOptions

    func run(_ input: String) -> AssayDocument {
        if input == "-" { return runStandardInput() }
        return run(path: input, label: input)
    }

    /// The document printed in `style`, and whether it failed. An isolated worker prints it
    /// itself, which saves decoding and encoding it again here.
    func printed(_ input: String, style: PrintStyle) -> (failed: Bool, text: String) {
        guard input != "-", limits.isolation == .process else {
            let document = run(input)
            return (document.isFailure, style.print(document))
        }
        let runner = IsolatedRunner(executable: Self.executablePath, limits: limits.isolationLimits, forkWhenSingleThreaded: true,
                                        showsProgress: isatty(2) != 0)
        return runner.printed(path: input, label: input, options: options, style: style)
    }

    private func run(path: String, label: String) -> AssayDocument {
        switch limits.isolation {
        case .none:
            return DocumentPipeline.extract(path: path, label: label, options: options)
        case .process:
            let runner = IsolatedRunner(executable: Self.executablePath, limits: limits.isolationLimits, forkWhenSingleThreaded: true,
                                        showsProgress: isatty(2) != 0)
            return runner.extract(path: path, label: label, options: options)
        }
    }

    /// Extracts `path` and renders its review page; in the worker when isolated, so the evidence
    /// cut-outs are drawn under the same deadline and memory cap as the text.
    func report(path: String, password: String?) -> (document: AssayDocument, html: String) {
        switch limits.isolation {
        case .process:
            let runner = IsolatedRunner(executable: Self.executablePath, limits: limits.isolationLimits, forkWhenSingleThreaded: true,
                                        showsProgress: isatty(2) != 0)
            let (document, html) = runner.report(path: path, label: path, options: options)
            return (document, html ?? ReportPage.render(document, pdf: nil, password: nil))
        case .none:
            let document = DocumentPipeline.extract(path: path, label: path, options: options)
            let pdf = document.source.mediaType == MediaType.pdf.rawValue ? FileManager.default.contents(atPath: path) : nil
            return (document, ReportPage.render(document, pdf: pdf, password: password))
        }
    }

    /// Standard input is spooled to a private temporary file so the worker can read it like any
    /// file. The bytes are let go before the worker starts: a forked worker would otherwise carry
    /// them, counted against its memory cap.
    private func runStandardInput() -> AssayDocument {
        switch spoolStandardInput() {
        case .read(let document):
            return document
        case .spooled(let url):
            defer { try? FileManager.default.removeItem(at: url) }
            return run(path: url.path, label: "-")
        }
    }

    /// Standard input in a temporary file, or already answered (unreadable, or read in process when
    /// no temporary file could be made).
    private enum Spooled {
        case spooled(URL)
        case read(AssayDocument)
    }

    private func spoolStandardInput() -> Spooled {
        let data: Data
        do {
            data = try StandardInput.read(maxBytes: options.ingest.maxBytes)
        } catch let error as DocumentError {
            return .read(.failure(SourceInfo(path: "-"), error))
        } catch {
            return .read(.failure(SourceInfo(path: "-"), DocumentError(.unreadable, "Standard input could not be read.")))
        }
        let directory = FileManager.default.temporaryDirectory
        let url = directory.appendingPathComponent("assay-stdin-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            return .read(DocumentPipeline.extract(data: data, label: "-", options: options))
        }
        return .spooled(url)
    }

    /// This very binary: workers are the same executable in `worker` mode.
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
