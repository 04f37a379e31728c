import AssayCore
import AssayIngest
import AssayModel
import Foundation

/// The one way a document is read, for the library and every command alike: in this process or in
/// an isolated worker (``Isolation``), with one set of ``ExtractOptions``.
///
/// ```swift
/// let reader = DocumentReader(isolation: .worker(executable: "/usr/local/bin/assay"),
///                             options: ExtractOptions(asOf: "2026-11-01"))
/// let report = reader.read(path: "vendors/acme/soc2-2025.pdf")
/// ```
public struct DocumentReader: Sendable {
    public var isolation: Isolation
    public var options: ExtractOptions
    /// Start a worker as a copy of this process (`fork` without `exec`) when this process has one
    /// thread: for a command-line parent that waits while the worker reads (`IsolatedRunner`).
    public var forkWhenSingleThreaded: Bool
    /// Show a worker's OCR progress on this process's standard error.
    public var showsProgress: Bool

    public init(isolation: Isolation = .none, options: ExtractOptions = ExtractOptions(),
                forkWhenSingleThreaded: Bool = false, showsProgress: Bool = false) {
        self.isolation = isolation
        self.options = options
        self.forkWhenSingleThreaded = forkWhenSingleThreaded
        self.showsProgress = showsProgress
    }

    /// The contract document for the file at `path`; `label` (default: the path) becomes `source.path`.
    public func read(path: String, label: String? = nil) -> AssayDocument {
        let label = label ?? path
        guard let runner else { return DocumentPipeline.extract(path: path, label: label, options: options) }
        return runner.extract(path: path, label: label, options: options)
    }

    /// A document already in memory, read in this process whatever the isolation: a worker reads files.
    public func read(data: Data, name: String) -> AssayDocument {
        DocumentPipeline.extract(data: data, label: name, options: options)
    }

    /// The document and its HTML review page. Isolated, both are made in the worker, so the page's
    /// evidence cut-outs (drawn by poppler) are under the same deadline and memory cap as the text.
    public func report(path: String, label: String? = nil) -> (document: AssayDocument, html: String) {
        let label = label ?? path
        guard let runner else {
            let document = DocumentPipeline.extract(path: path, label: label, options: options)
            let pdf = document.source.mediaType == MediaType.pdf.rawValue ? FileManager.default.contents(atPath: path) : nil
            return (document, ReportPage.render(document, pdf: pdf, password: options.ingest.password))
        }
        let (document, html) = runner.report(path: path, label: label, options: options)
        return (document, html ?? ReportPage.render(document, pdf: nil, password: nil))
    }

    /// The document printed in `style`, and whether it failed. An isolated worker prints it itself,
    /// which saves decoding and encoding it again here.
    public func printed(path: String, label: String? = nil, style: PrintStyle) -> (failed: Bool, text: String) {
        guard let runner else {
            let document = read(path: path, label: label)
            return (document.isFailure, style.print(document))
        }
        return runner.printed(path: path, label: label ?? path, options: options, style: style)
    }

    private var runner: IsolatedRunner? {
        guard case .worker(let executable, let limits) = isolation else { return nil }
        return IsolatedRunner(executable: executable, limits: limits, forkWhenSingleThreaded: forkWhenSingleThreaded,
                              showsProgress: showsProgress)
    }
}
