import AssayCore
import AssayIngest
import AssayModel
import Foundation

/// The review page for one document (`assay report`): one self-contained HTML file with the cover
/// sheet, findings by severity, reliability, exceptions, subservice organisations, CUECs as a to-do
/// list, claims, contract clauses and obligations — the review outline's parts, labels and cut-offs,
/// as in `MarkdownMemo` — and, under every value, the page, the quote and a PNG cut out of the PDF
/// around the evidence box.
///
/// No script, no network: images are data URIs and the stylesheet is inline. The markup is also
/// well-formed XML, so a test can parse it strictly.
public enum ReportPage {
    /// Renders the page; `pdf` is the file's bytes (nil for HTML, text, or when unavailable), used
    /// only to cut out evidence images.
    public static func render(_ document: AssayDocument, pdf: Data?, password: String? = nil) -> String {
        var images = EvidenceImages(document: document, pdf: pdf, password: password)
        let outline = ReviewOutline(document)
        var writer = ReportWriter()
        writer.open(title: outline.title)
        writer.line("<h1>\(HTMLText.escape(outline.title))</h1>")
        if let failure = outline.failure {
            writer.line("<p><strong>\(failure.label)</strong> (<code>\(HTMLText.escape(failure.code))</code>): \(HTMLText.escape(failure.message))</p>")
            writer.footer(outline.source)
            return writer.close()
        }
        if let note = images.note { writer.line("<p class=\"conf\">\(HTMLText.escape(note))</p>") }
        for section in outline.sections {
            switch section.id {
            case .cover: coverSheet(outline, section, &writer, &images)
            case .findings: findings(section, &writer, &images)
            default: part(section, &writer, &images)
            }
        }
        writer.footer(outline.source)
        return writer.close()
    }

    /// A safe file name (without extension) for the page of `path`.
    public static func fileStem(_ path: String) -> String { HTMLText.fileStem(path) }

    /// The element id of a part ("cover", "exceptions"): links and tests rely on them.
    static func anchor(_ id: OutlineSection.ID) -> String { id.rawValue }

    static func coverSheet(_ outline: ReviewOutline, _ section: OutlineSection, _ w: inout ReportWriter, _ images: inout EvidenceImages) {
        w.line("<h2 id=\"\(anchor(section.id))\">\(HTMLText.escape(section.heading))</h2>")
        w.line("<table class=\"cover\"><tbody>")
        let kindFlag = outline.isKindLowConfidence ? confidence(outline.kindConfidence) : ""
        w.line("<tr><th scope=\"row\">\(OutlineVocabulary.kindRow)</th><td>\(HTMLText.escape(outline.kind))\(kindFlag)</td></tr>")
        for row in section.rows {
            w.line("<tr\(lowClass(row))><th scope=\"row\">\(HTMLText.escape(row.label))</th><td>\(HTMLText.escape(row.value))\(flag(row))\(evidence(row.evidence, &images))</td></tr>")
        }
        w.line("</tbody></table>")
    }

    /// Findings grouped by severity, in the outline's order (high first).
    static func findings(_ section: OutlineSection, _ w: inout ReportWriter, _ images: inout EvidenceImages) {
        w.line("<h2 id=\"\(anchor(section.id))\">\(HTMLText.escape(section.heading))</h2>")
        var groups: [(label: String, severity: String, rows: [OutlineRow])] = []
        for row in section.rows {
            let severity = row.severity?.rawValue ?? row.label
            if groups.last?.severity == severity { groups[groups.count - 1].rows.append(row) } else { groups.append((row.label, severity, [row])) }
        }
        for group in groups {
            w.line("<h3>\(HTMLText.escape(group.label.capitalizedFirst)) (\(group.rows.count))</h3>")
            w.line("<ul class=\"findings\">")
            for row in group.rows {
                var item = "<li class=\"finding\"><span class=\"sev sev-\(group.severity)\">\(HTMLText.escape(row.label))</span> <code>\(HTMLText.escape(row.code ?? ""))</code> — \(HTMLText.escape(row.value))"
                if let ask = row.detail(.followUp) {
                    item += "<p class=\"ask\"><strong>\(ask.label):</strong> \(HTMLText.escape(ask.value))</p>"
                }
                w.line(item + evidence(row.evidence, &images) + "</li>")
            }
            w.line("</ul>")
        }
    }

    /// Every other part: a table where the outline gives columns, else a list.
    static func part(_ section: OutlineSection, _ w: inout ReportWriter, _ images: inout EvidenceImages) {
        w.line("<h2 id=\"\(anchor(section.id))\">\(HTMLText.escape(section.heading))</h2>")
        if let note = section.note { w.line("<p>\(HTMLText.escape(note))</p>") }
        if section.rows.isEmpty {
            if let empty = section.emptyNote { w.line("<p>\(HTMLText.escape(empty))</p>") }
            return
        }
        if !section.columns.isEmpty {
            let tableClass = section.id == .exceptions ? " class=\"exceptions\"" : ""
            let head = section.columns.map { "<th scope=\"col\">\(HTMLText.escape($0))</th>" }.joined()
            w.line("<table\(tableClass)><thead><tr>\(head)</tr></thead><tbody>")
            for row in section.rows { w.line(tableRow(row, in: section.id, &images)) }
            w.line("</tbody></table>")
            return
        }
        let listClass = [OutlineSection.ID.reliability: " class=\"findings\"", .cuecs: " class=\"todo\""][section.id] ?? ""
        w.line("<ul\(listClass)>")
        for row in section.rows { w.line(listItem(row, in: section.id, &images)) }
        w.line("</ul>")
    }

    static func tableRow(_ row: OutlineRow, in id: OutlineSection.ID, _ images: inout EvidenceImages) -> String {
        func cell(_ key: OutlineDetail.Key) -> String { HTMLText.escape(row.detail(key)?.value ?? "") }
        switch id {
        case .exceptions:
            let control = "<strong>\(HTMLText.escape(row.label))</strong>" + (row.detail(.control).map { "<br/>\(HTMLText.escape($0.value))" } ?? "")
            return "<tr class=\"exception\(row.isLowConfidence ? " low" : "")\"><td>\(control)</td><td>\(cell(.criteria))</td><td>\(HTMLText.escape(row.value))\(flag(row))\(evidence(row.evidence, &images))</td><td>\(cell(.managementResponse))</td></tr>"
        case .subservice:
            return "<tr\(lowClass(row))><td>\(HTMLText.escape(row.label))\(flag(row))\(evidence(row.evidence, &images))</td><td>\(HTMLText.escape(row.value))</td><td>\(cell(.method))</td></tr>"
        default:
            return "<tr><td>\(HTMLText.escape(row.label))</td><td>\(cell(.reference))</td><td>\(HTMLText.escape(row.value))</td><td>\(cell(.status))</td><td>\(cell(.rationale))</td></tr>"
        }
    }

    static func listItem(_ row: OutlineRow, in id: OutlineSection.ID, _ images: inout EvidenceImages) -> String {
        switch id {
        case .reliability:
            return "<li class=\"finding\"><strong>\(HTMLText.escape(row.label))</strong> <code>\(HTMLText.escape(row.code ?? ""))</code><p>\(HTMLText.escape(row.value))</p>\(evidence(row.evidence, &images))</li>"
        case .cuecs:
            let criteria = row.detail(.criteria).map { " <span class=\"conf\">(\(HTMLText.escape($0.value)))</span>" } ?? ""
            return "<li\(lowClass(row))>\(HTMLText.escape(row.value))\(criteria)\(flag(row))\(evidence(row.evidence, &images))\(ownControls(row.ownControls))</li>"
        case .diagnostics:
            return "<li><strong>\(HTMLText.escape(row.label))</strong> <code>\(HTMLText.escape(row.code ?? ""))</code> \(HTMLText.escape(row.value))</li>"
        default:
            return "<li\(lowClass(row))>\(HTMLText.escape(row.value))\(flag(row))\(evidence(row.evidence, &images))</li>"
        }
    }

    /// The own controls matched to one CUEC (`--controls`), or "no own control"; nothing without a register.
    static func ownControls(_ controls: [OutlineOwnControl]?) -> String {
        guard let controls else { return "" }
        if controls.isEmpty {
            return "<div class=\"own none\"><strong>\(OutlineVocabulary.noOwnControl)</strong> \(HTMLText.escape(OutlineVocabulary.noOwnControlAdvice))</div>"
        }
        return controls.map { own in
            let text = own.text.map { " \(HTMLText.escape($0))" } ?? ""
            return "<div class=\"own\">\(OutlineVocabulary.ownControl) <strong>\(HTMLText.escape(own.id))</strong>\(text) <span class=\"conf\">(\(HTMLText.escape(own.because)))</span></div>"
        }.joined()
    }

    static func lowClass(_ row: OutlineRow) -> String {
        row.isLowConfidence ? " class=\"low\"" : ""
    }

    /// The confidence beside a value the outline flags as low.
    static func flag(_ row: OutlineRow) -> String {
        guard row.isLowConfidence, let value = row.confidence else { return "" }
        return confidence(value)
    }

    static func confidence(_ value: Double) -> String {
        " <span class=\"conf\">(\(OutlineVocabulary.confidence(value)))</span>"
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

    mutating func footer(_ source: ReviewOutline.Source) {
        var parts = ["\(OutlineVocabulary.source): <code>\(HTMLText.escape(source.path))</code>"]
        if let pages = source.pages { parts.append(OutlineVocabulary.pages(pages)) }
        if let sha = source.sha256 { parts.append("\(OutlineVocabulary.sha256) <code>\(HTMLText.escape(sha))</code>") }
        lines.append("<footer><p>\(parts.joined(separator: ", ")). Made by Assay \(HTMLText.escape(AssayVersion.string)); <a href=\"index.html\">all documents of this run</a>.</p></footer>")
    }

    mutating func close() -> String {
        lines.append("</main></body></html>")
        return lines.joined(separator: "\n") + "\n"
    }
}
