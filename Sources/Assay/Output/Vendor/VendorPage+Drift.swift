import AssayModel

/// The vendor page's parts for scope drift between successive reports and for reports written from
/// another vendor's template.
extension VendorPage {
    static func scopeDrift(_ vendor: VendorRecord, _ w: inout ReportWriter) {
        guard !vendor.scopeDrift.isEmpty else { return }
        w.line("<h2 id=\"scope-drift\">What changed between successive reports (\(vendor.scopeDrift.count))</h2>")
        w.line("<table><thead><tr><th scope=\"col\">Aspect</th><th scope=\"col\">Change</th><th scope=\"col\">Earlier report</th><th scope=\"col\">Later report</th></tr></thead><tbody>")
        for change in vendor.scopeDrift {
            let before = "<code>\(HTMLText.escape(change.oldPath))</code>: \(HTMLText.escape(change.oldValue ?? "(not named)"))\(evidence(change.oldEvidence))"
            let after = "<code>\(HTMLText.escape(change.newPath))</code>: \(HTMLText.escape(change.newValue ?? "(not named)"))\(evidence(change.newEvidence))"
            w.line("<tr><th scope=\"row\">\(HTMLText.escape(OutlineVocabulary.aspect(change.aspect)))</th><td>\(HTMLText.escape(change.change))</td><td>\(before)</td><td>\(after)</td></tr>")
        }
        w.line("</tbody></table>")
    }

    static func templateMatches(_ vendor: VendorRecord, _ w: inout ReportWriter) {
        guard !vendor.templateMatches.isEmpty else { return }
        w.line("<h2 id=\"template-matches\">Reports worded like another vendor's (\(vendor.templateMatches.count))</h2>")
        w.line("<ul class=\"findings\">")
        for match in vendor.templateMatches {
            let percent = Int((match.similarity * 100).rounded())
            w.line("<li><code>\(HTMLText.escape(match.path))</code> shares \(percent)% of its test wording with <code>\(HTMLText.escape(match.otherPath))</code> (\(HTMLText.escape(match.otherVendor))): two audits of different organisations rarely describe their tests in the same words.</li>")
        }
        w.line("</ul>")
    }
}
