import AssayModel

/// The review page's "Reliability" part: each signal that a SOC report may be weak evidence, its
/// plain-language explanation and the evidence it rests on, with cut-outs like the other parts.
extension ReportPage {
    static func reliability(_ document: AssayDocument, _ w: inout ReportWriter, _ images: inout EvidenceImages) {
        guard let reliability = document.reliability else { return }
        w.line("<h2 id=\"reliability\">Reliability (\(reliability.signals.count))</h2>")
        guard !reliability.signals.isEmpty else {
            w.line("<p>No sign that the report is weak evidence was found (boilerplate or inquiry-only tests, missing samples, a short period, late issue, an unnamed or unverifiable firm).</p>")
            return
        }
        w.line("<ul class=\"findings\">")
        for signal in reliability.signals {
            let label = signal.code.replacingOccurrences(of: "_", with: " ").capitalizedFirst
            w.line("<li class=\"finding\"><strong>\(HTMLText.escape(label))</strong> <code>\(HTMLText.escape(signal.code))</code><p>\(HTMLText.escape(signal.explanation))</p>\(evidence(signal.evidence, &images))</li>")
        }
        w.line("</ul>")
    }
}

extension MarkdownMemo {
    /// The memo's "Reliability" section: one line per signal with its explanation and page.
    static func reliability(_ document: AssayDocument) -> [String] {
        guard let signals = document.reliability?.signals, !signals.isEmpty else { return [] }
        var out = ["## Reliability", ""]
        for signal in signals {
            out.append("- `\(signal.code)` — \(escape(signal.explanation))\(page(signal.evidence))")
            for item in signal.evidence.prefix(3) { out.append("  - p. \(item.page): “\(escape(item.quote))”") }
        }
        out.append("")
        return out
    }
}

extension String {
    /// The string with its first letter upper-cased ("no sample sizes" → "No sample sizes").
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
