import AssayCore
import AssayModel

/// `index.html` for a report run: one row per document with its kind, period or validity, opinion,
/// exception and high-finding counts, and a link to its page.
public enum ReportIndex {
    public struct Entry: Sendable {
        public var document: AssayDocument
        /// The page's file name inside the output folder.
        public var page: String

        public init(document: AssayDocument, page: String) {
            self.document = document
            self.page = page
        }
    }

    public static func render(_ entries: [Entry], asOf: String?) -> String {
        var w = ReportWriter()
        let title = "Assay review — \(entries.count) document(s)"
        w.open(title: title)
        w.line("<h1>\(HTMLText.escape(title))</h1>")
        if let asOf { w.line("<p>Findings judged as of <time datetime=\"\(HTMLText.escape(asOf))\">\(HTMLText.escape(asOf))</time>.</p>") }
        let head = OutlineVocabulary.indexColumns.map { "<th scope=\"col\">\(HTMLText.escape($0))</th>" }.joined()
        w.line("<table><thead><tr>\(head)</tr></thead><tbody>")
        for entry in entries {
            let doc = entry.document
            let outline = ReviewOutline(doc)
            let link = "<a href=\"\(HTMLText.escape(entry.page))\">\(HTMLText.escape(doc.source.path))</a>"
            if let failure = outline.failure {
                w.line("<tr><td>\(link)</td><td colspan=\"6\">\(failure.label): <code>\(HTMLText.escape(failure.code))</code> — \(HTMLText.escape(failure.message))</td></tr>")
                continue
            }
            let high = doc.findings.filter { $0.severity == .high }.count
            let opinion = outline.opinion ?? ""
            w.line("<tr><td>\(link)</td><td>\(HTMLText.escape(outline.namesOrganization ? outline.subject : ""))</td><td>\(HTMLText.escape(outline.kind))</td><td>\(HTMLText.escape(outline.period ?? ""))</td><td>\(HTMLText.escape(opinion))</td><td>\(doc.exceptions.count)</td><td>\(high)</td></tr>")
        }
        w.line("</tbody></table>")
        return w.close()
    }
}
