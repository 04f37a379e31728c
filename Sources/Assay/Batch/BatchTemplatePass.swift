import AssayModel
import Foundation

/// The report-mill check of a batch: after the documents are read, the SOC reports of different vendors
/// (top-level folders) are compared by the wording of their tests, and each report of a near-identical
/// pair gains the `template_match` signal and finding naming the other file. The per-document JSON is
/// rewritten only when its template findings change, so a re-run leaves unchanged files alone.
enum BatchTemplatePass {
    /// Runs the pass over the documents of `inputs` whose JSON is in `output`; returns one note per pair.
    static func run(inputs: [BatchInput], outputURL: (String) -> URL) -> (notes: [String], writeErrors: [String]) {
        guard let book = try? RuleBook.standard(), let matcher = try? TemplateMatcher(rules: book) else { return ([], []) }
        var documents: [String: AssayDocument] = [:]
        var reports: [TemplateMatcher.Report] = []
        for input in inputs {
            guard let data = try? Data(contentsOf: outputURL(input.relativePath)),
                  let document = try? ContractJSON.decodeDocument(data), document.schema == AssayDocument.schemaID else { continue }
            documents[input.relativePath] = document
            // A file at the top of the drop folder has no vendor folder: its organisation stands in.
            let vendor = input.vendor.isEmpty ? (document.fields["service_organization"]?.value.display ?? input.relativePath) : input.vendor
            reports.append(TemplateMatcher.Report(vendor: vendor, document: document))
        }
        let matches = matcher.matches(reports)
        var errors: [String] = []
        for (path, document) in documents.sorted(by: { $0.key < $1.key }) {
            let annotated = matcher.annotate(document, with: matches, others: documents)
            guard annotated != document else { continue }
            do {
                try AtomicFile.write(try ContractJSON.encode(annotated, pretty: true) + Data("\n".utf8), to: outputURL(path))
            } catch {
                errors.append("\(path): \(error)")
            }
        }
        let notes = matches.filter { $0.path < $0.otherPath }.map { match in
            "Template match: \(match.path) and \(match.otherPath) (different vendors) have \(Int((match.similarity * 100).rounded()))% of their test wording in common."
        }
        return (notes, errors)
    }
}
