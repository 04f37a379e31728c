import AssayCore
import AssayIngest
import AssayModel
import Foundation

/// The review page for one document (`assay report`): one self-contained HTML file with the cover
/// sheet, findings by severity, exceptions, subservice organisations, CUECs as a to-do list, claims,
/// contract clauses and obligations — in the order of `MarkdownMemo` — and, under every value, the
/// page, the quote and a PNG cut out of the PDF around the evidence box.
///
/// No script, no network: images are data URIs and the stylesheet is inline. The markup is also
/// well-formed XML, so a test can parse it strictly.
public enum ReportPage {
    /// Renders the page; `pdf` is the file's bytes (nil for HTML, text, or when unavailable), used
    /// only to cut out evidence images.
    public static func render(_ document: AssayDocument, pdf: Data?, password: String? = nil) -> String {
        var images = EvidenceImages(document: document, pdf: pdf, password: password)
        var writer = ReportWriter()
        let name = ReportPage.title(document)
        let title = "\(name) — \(MarkdownMemo.kindLabel(document))"
        writer.open(title: title)
        writer.line("<h1>\(HTMLText.escape(title))</h1>")
        if let error = document.error {
            writer.line("<p><strong>Could not be read</strong> (<code>\(HTMLText.escape(error.code.rawValue))</code>): \(HTMLText.escape(error.message))</p>")
            writer.footer(document)
            return writer.close()
        }
        if let note = images.note { writer.line("<p class=\"conf\">\(HTMLText.escape(note))</p>") }
        coverSheet(document, &writer, &images)
        findings(document, &writer, &images)
        reliability(document, &writer, &images)
        exceptions(document, &writer, &images)
        subservice(document, &writer, &images)
        cuecs(document, &writer, &images)
        claims(document, &writer, &images)
        clauses(document, &writer)
        obligations(document, &writer)
        writer.footer(document)
        return writer.close()
    }

    /// Who the document is about: the organisation it names, or else its file.
    static func title(_ document: AssayDocument) -> String {
        document.organization?.value.display ?? document.source.path
    }

    /// A safe file name (without extension) for the page of `path`.
    public static func fileStem(_ path: String) -> String { HTMLText.fileStem(path) }

    /// The cover-sheet rows, label and contract field, in order: the page's and the Markdown memo's.
    static let cover: [(String, String)] = [
        ("Organisation", "service_organization"), ("Organisation", "organization"), ("System", "system_name"),
        ("Standards", "standards"), ("Certificate number", "certificate_number"), ("Opinion", "opinion"),
        ("Period start", "period_start"), ("Period end", "period_end"), ("As of", "as_of_date"),
        ("Report date", "report_date"), ("Service auditor", "service_auditor"),
        ("Trust services categories", "trust_services_categories"), ("Issued", "issue_date"),
        ("Expires", "expiry_date"), ("Originally certified", "original_certification_date"),
        ("Certification body", "certification_body"), ("Accreditation body", "accreditation_body"),
        ("Statement of Applicability", "soa_reference"), ("Bridged report ends", "bridged_period_end"),
        ("Signed by", "signed_by"), ("Locations", "locations"), ("Scope", "scope"),
    ]

    static func coverSheet(_ document: AssayDocument, _ w: inout ReportWriter, _ images: inout EvidenceImages) {
        w.line("<h2 id=\"cover\">Cover sheet</h2>")
        w.line("<table class=\"cover\"><tbody>")
        w.line("<tr><th scope=\"row\">Kind</th><td>\(HTMLText.escape(MarkdownMemo.kindLabel(document)))\(confidence(document.document.confidence))</td></tr>")
        for (label, key) in cover {
            guard let field = document.fields[key] else { continue }
            w.line("<tr\(lowClass(field.confidence))><th scope=\"row\">\(label)</th><td>\(HTMLText.escape(field.value.display))\(confidence(field.confidence))\(evidence(field.evidence, &images))</td></tr>")
        }
        w.line("</tbody></table>")
    }

    static func findings(_ document: AssayDocument, _ w: inout ReportWriter, _ images: inout EvidenceImages) {
        guard !document.findings.isEmpty else { return }
        w.line("<h2 id=\"findings\">Findings (\(document.findings.count))</h2>")
        for severity in Severity.allCases.sorted() {
            let group = document.findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            w.line("<h3>\(severity.rawValue.capitalized) (\(group.count))</h3>")
            w.line("<ul class=\"findings\">")
            for finding in group {
                var item = "<li class=\"finding\"><span class=\"sev sev-\(severity.rawValue)\">\(severity.rawValue)</span> <code>\(HTMLText.escape(finding.code))</code> — \(HTMLText.escape(finding.message))"
                if let question = finding.followUp {
                    item += "<p class=\"ask\"><strong>Ask the vendor:</strong> \(HTMLText.escape(question))</p>"
                }
                w.line(item + evidence(finding.evidence, &images) + "</li>")
            }
            w.line("</ul>")
        }
    }

    static func exceptions(_ document: AssayDocument, _ w: inout ReportWriter, _ images: inout EvidenceImages) {
        guard !document.exceptions.isEmpty else { return }
        w.line("<h2 id=\"exceptions\">Exceptions (\(document.exceptions.count))</h2>")
        w.line("<table class=\"exceptions\"><thead><tr><th scope=\"col\">Control</th><th scope=\"col\">Criteria</th><th scope=\"col\">Deviation</th><th scope=\"col\">Management response</th></tr></thead><tbody>")
        for record in document.exceptions {
            let control = "<strong>\(HTMLText.escape(record.controlID ?? "Unnumbered control"))</strong>" + (record.control.isEmpty ? "" : "<br/>\(HTMLText.escape(record.control))")
            w.line("<tr class=\"exception\(record.confidence < 0.9 ? " low" : "")\"><td>\(control)</td><td>\(HTMLText.escape(record.criteria.joined(separator: ", ")))</td><td>\(HTMLText.escape(record.deviation))\(confidence(record.confidence))\(evidence(record.evidence, &images))</td><td>\(HTMLText.escape(record.managementResponse ?? "None given"))</td></tr>")
        }
        w.line("</tbody></table>")
    }

    static func subservice(_ document: AssayDocument, _ w: inout ReportWriter, _ images: inout EvidenceImages) {
        guard !document.subserviceOrganizations.isEmpty else { return }
        w.line("<h2 id=\"subservice\">Subservice organisations (\(document.subserviceOrganizations.count))</h2>")
        w.line("<table><thead><tr><th scope=\"col\">Organisation</th><th scope=\"col\">Services</th><th scope=\"col\">Method</th></tr></thead><tbody>")
        for org in document.subserviceOrganizations {
            let method = org.method == .carveOut ? "Carved out" : "Inclusive"
            w.line("<tr\(lowClass(org.confidence))><td>\(HTMLText.escape(org.name))\(confidence(org.confidence))\(evidence(org.evidence, &images))</td><td>\(HTMLText.escape(org.services))</td><td>\(method)</td></tr>")
        }
        w.line("</tbody></table>")
    }

    static func cuecs(_ document: AssayDocument, _ w: inout ReportWriter, _ images: inout EvidenceImages) {
        guard !document.cuecs.isEmpty else { return }
        w.line("<h2 id=\"cuecs\">Our to-dos: complementary user-entity controls (\(document.cuecs.count))</h2>")
        if let reconciliation = document.cuecReconciliation {
            let open = reconciliation.unmatched.count
            w.line("<p>Matched to our own controls in \(HTMLText.escape(reconciliation.register)): "
                   + (open == 0 ? "every CUEC has an own control." : "\(open) of \(document.cuecs.count) have no own control.") + "</p>")
        }
        w.line("<ul class=\"todo\">")
        for (index, cuec) in document.cuecs.enumerated() {
            let criteria = cuec.criteria.isEmpty ? "" : " <span class=\"conf\">(\(HTMLText.escape(cuec.criteria.joined(separator: ", "))))</span>"
            w.line("<li\(lowClass(cuec.confidence))>\(HTMLText.escape(cuec.text))\(criteria)\(confidence(cuec.confidence))\(evidence(cuec.evidence, &images))\(ownControls(document.cuecReconciliation.map { $0.match(for: index)?.controls ?? [] }))</li>")
        }
        w.line("</ul>")
    }

    /// The own controls matched to one CUEC (`--controls`), or "no own control"; nothing without a register.
    static func ownControls(_ controls: [OwnControlMatch]?) -> String {
        guard let controls else { return "" }
        if controls.isEmpty { return "<div class=\"own none\"><strong>No own control</strong> answers this.</div>" }
        return controls.map { match in
            let text = match.text.map { " \(HTMLText.escape($0))" } ?? ""
            return "<div class=\"own\">Own control <strong>\(HTMLText.escape(match.id))</strong>\(text) <span class=\"conf\">(score \(String(format: "%.2f", match.score)); \(HTMLText.escape(match.reason)))</span></div>"
        }.joined()
    }

    static func claims(_ document: AssayDocument, _ w: inout ReportWriter, _ images: inout EvidenceImages) {
        guard !document.claims.isEmpty else { return }
        w.line("<h2 id=\"claims\">Claimed reports and certificates</h2>")
        w.line("<ul>")
        for claim in document.claims {
            let what = claim.standard ?? "\(claim.kind.rawValue.uppercased()) \(claim.type?.rawValue ?? "")"
            let when = claim.periodEnd.map { ", period ended \($0)" } ?? claim.expiryDate.map { ", valid until \($0)" } ?? ""
            w.line("<li\(lowClass(claim.confidence))>\(HTMLText.escape(what + when))\(confidence(claim.confidence))\(evidence(claim.evidence, &images))</li>")
        }
        w.line("</ul>")
    }

    static func clauses(_ document: AssayDocument, _ w: inout ReportWriter) {
        guard !document.clauses.isEmpty else { return }
        w.line("<h2 id=\"clauses\">Contract clauses to ask for</h2>")
        w.line("<ul>")
        for clause in document.clauses {
            w.line("<li>\(HTMLText.escape(clause.text))</li>")
        }
        w.line("</ul>")
    }

    static func obligations(_ document: AssayDocument, _ w: inout ReportWriter) {
        guard !document.obligations.isEmpty else { return }
        w.line("<h2 id=\"obligations\">Our obligations</h2>")
        w.line("<table><thead><tr><th scope=\"col\">Framework</th><th scope=\"col\">Reference</th><th scope=\"col\">Obligation</th><th scope=\"col\">Status</th><th scope=\"col\">Why</th></tr></thead><tbody>")
        for item in document.obligations {
            w.line("<tr><td>\(HTMLText.escape(item.framework))</td><td>\(HTMLText.escape(item.reference))</td><td>\(HTMLText.escape(item.title))</td><td>\(HTMLText.escape(item.status.rawValue.replacingOccurrences(of: "_", with: " ")))</td><td>\(HTMLText.escape(item.rationale))</td></tr>")
        }
        w.line("</tbody></table>")
    }

    static func lowClass(_ confidence: Double) -> String {
        confidence < 0.9 ? " class=\"low\"" : ""
    }

    static func confidence(_ value: Double) -> String {
        value < 0.9 ? " <span class=\"conf\">(confidence \(value))</span>" : ""
    }

    /// Page, quote and — for PDF evidence with a box — the cut-out image.
    static func evidence(_ list: [Evidence], _ images: inout EvidenceImages) -> String {
        var out = ""
        for item in list {
            var figure = "<figure class=\"evidence\">"
            if let crop = images.crop(item) {
                figure += "<img src=\"data:image/png;base64,\(crop.png.base64EncodedString())\" width=\"\(crop.width)\" height=\"\(crop.height)\" alt=\"Page \(item.page): \(HTMLText.escape(item.quote))\"/>"
            }
            figure += "<figcaption>p. \(item.page): <q>\(HTMLText.escape(item.quote))</q></figcaption></figure>"
            out += figure
        }
        return out
    }
}

/// Cut-outs for one document's evidence, rendered on first use and kept per (page, box).
struct EvidenceImages {
    private let cropper: EvidenceCropper?
    private var cache: [String: EvidenceCrop?] = [:]
    /// Why there are no images, when a PDF could not be opened for them.
    private(set) var note: String?

    init(document: AssayDocument, pdf: Data?, password: String?) {
        guard document.error == nil, document.source.mediaType == MediaType.pdf.rawValue, let pdf else {
            cropper = nil
            return
        }
        do {
            cropper = try EvidenceCropper(data: pdf, password: password)
        } catch {
            cropper = nil
            note = "The PDF could not be opened again to cut out evidence images; pages and quotes are shown."
        }
    }

    mutating func crop(_ evidence: Evidence) -> EvidenceCrop? {
        guard let cropper, let bbox = evidence.bbox else { return nil }
        let key = "\(evidence.page):\(bbox)"
        if let cached = cache[key] { return cached }
        let crop = cropper.crop(page: evidence.page, bbox: bbox)
        cache[key] = crop
        return crop
    }
}

/// Accumulates the page's lines between the fixed head and foot.
struct ReportWriter {
    private var lines: [String] = []

    mutating func line(_ text: String) { lines.append(text) }

    mutating func open(title: String) {
        lines.append("<!DOCTYPE html>")
        lines.append("<html lang=\"en\">")
        lines.append("<head><meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        lines.append("<meta name=\"generator\" content=\"Assay \(HTMLText.escape(AssayVersion.string))\"/>")
        lines.append("<title>\(HTMLText.escape(title))</title>")
        lines.append("<style>\n\(ReportStyle.css)\n</style></head>")
        lines.append("<body><main>")
    }

    mutating func footer(_ document: AssayDocument) {
        let source = document.source
        var parts = ["Source: <code>\(HTMLText.escape(source.path))</code>"]
        if let pages = source.pages { parts.append("\(pages) page(s)") }
        if let sha = source.sha256 { parts.append("sha256 <code>\(HTMLText.escape(sha))</code>") }
        lines.append("<footer><p>\(parts.joined(separator: ", ")). Made by Assay \(HTMLText.escape(AssayVersion.string)); <a href=\"index.html\">all documents of this run</a>.</p></footer>")
    }

    mutating func close() -> String {
        lines.append("</main></body></html>")
        return lines.joined(separator: "\n") + "\n"
    }
}
