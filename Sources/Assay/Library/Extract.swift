import AssayCore
import Foundation

/// Reads one assurance document and returns its contract record.
///
/// The file may be a PDF, an HTML page or plain text; the format is found from its content, not its
/// name. Extraction never throws: a document that cannot be read comes back with
/// its `error` set to a stable code (`not_found`, `encrypted`, `malformed`, …) and the
/// reason.
///
/// ```swift
/// import Assay
///
/// let report = Assay.extract(URL(fileURLWithPath: "vendors/acme/soc2-2025.pdf"),
///                            options: ExtractOptions(asOf: "2026-11-01"))
/// if let opinion = report.fields["opinion"] { print(opinion.value.display, opinion.confidence) }
/// for exception in report.exceptions { print(exception.controlID ?? "?", exception.deviation) }
/// ```
///
/// - Parameters:
///   - file: The document to read.
///   - options: Password, limits, OCR, the date findings are judged at, the services and sites you buy.
///   - isolation: ``Isolation/none`` parses in this process; pass ``Isolation/worker(executable:limits:)``
///     for untrusted input.
/// - Returns: The contract document; `source.path` is the file's path as given.
public func extract(_ file: URL, options: ExtractOptions = ExtractOptions(), isolation: Isolation = .none) -> AssayDocument {
    DocumentReader(isolation: isolation, options: options).read(path: file.path)
}

/// Reads a document already in memory, in this process; `name` becomes `source.path`.
public func extract(_ data: Data, name: String, options: ExtractOptions = ExtractOptions()) -> AssayDocument {
    DocumentReader(options: options).read(data: data, name: name)
}
