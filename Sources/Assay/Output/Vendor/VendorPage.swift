import AssayCore
import AssayModel

/// `vendor-<slug>.html`: one vendor's documents, coverage timeline (inline SVG), findings, what its
/// trust page claims, consistency between documents, merged CUEC to-do list and the questions to
/// send — with the document, page and quote behind each item. Uses the review page's writer,
/// escaping and stylesheet; no script, well-formed XML.
public enum VendorPage {
    public static func fileName(_ vendor: VendorRecord) -> String { "vendor-\(vendor.slug).html" }

    public static func render(_ vendor: VendorRecord, asOf: ISODate) -> String {
        var w = ReportWriter()
        let title = "\(vendor.name) — vendor view"
        w.open(title: title)
        w.line("<h1>\(HTMLText.escape(title))</h1>")
        let how = vendor.groupedBy == .folder ? "from the folder <code>\(HTMLText.escape(vendor.name))</code>" : "by the organisation they name"
        w.line("<p>\(vendor.documents.count) document(s), put together \(how); judged as of <time datetime=\"\(asOf)\">\(asOf)</time>.</p>")
        documents(vendor, &w)
        timeline(vendor, asOf: asOf, &w)
        findings(vendor, &w)
        claims(vendor, &w)
        consistency(vendor, &w)
        scopeDrift(vendor, &w)
        templateMatches(vendor, &w)
        cuecs(vendor, &w)
        questions(vendor, &w)
        w.line("<footer><p>Made by Assay \(HTMLText.escape(AssayVersion.string)); <a href=\"vendors.html\">all vendors of this run</a>.</p></footer>")
        return w.close()
    }

    static func evidence(_ list: [VendorEvidence]) -> String {
        list.map { "<figure class=\"evidence\"><figcaption><code>\(HTMLText.escape($0.path))</code>, p. \($0.page): <q>\(HTMLText.escape($0.quote))</q></figcaption></figure>" }.joined()
    }

    static func documents(_ vendor: VendorRecord, _ w: inout ReportWriter) {
        w.line("<h2 id=\"documents\">Documents (\(vendor.documents.count))</h2>")
        w.line("<table><thead><tr><th scope=\"col\">Document</th><th scope=\"col\">\(OutlineVocabulary.kindRow)</th><th scope=\"col\">Organisation named</th><th scope=\"col\">Own findings</th></tr></thead><tbody>")
        for document in vendor.documents {
            let kind = document.error.map { "\(OutlineVocabulary.couldNotBeRead) (\(HTMLText.escape($0)))" } ?? HTMLText.escape(OutlineVocabulary.kind(document.kind, document.type))
            w.line("<tr><td><code>\(HTMLText.escape(document.path))</code></td><td>\(kind)</td><td>\(HTMLText.escape(document.organization ?? ""))</td><td>\(document.findings)</td></tr>")
        }
        w.line("</tbody></table>")
    }

    static func timeline(_ vendor: VendorRecord, asOf: ISODate, _ w: inout ReportWriter) {
        w.line("<h2 id=\"timeline\">Coverage timeline</h2>")
        w.line("<figure class=\"timeline\" style=\"margin: .5rem 0\">")
        w.line(TimelineSVG.render(vendor, asOf: asOf))
        w.line("<figcaption>SOC periods and bridge letters (blue and purple) must follow each other without gaps (shaded red); certificates (green) are shown for their validity.</figcaption></figure>")
        guard !vendor.timeline.isEmpty else { return }
        w.line("<table><thead><tr><th scope=\"col\">Row</th><th scope=\"col\">From</th><th scope=\"col\">To</th><th scope=\"col\">Document</th></tr></thead><tbody>")
        for span in vendor.timeline {
            w.line("<tr><td>\(HTMLText.escape(span.row.label))</td><td>\(span.start)</td><td>\(span.isPoint ? "(one date)" : "\(span.end)")</td><td><code>\(HTMLText.escape(span.path))</code>\(evidence(span.evidence))</td></tr>")
        }
        w.line("</tbody></table>")
    }

    static func findings(_ vendor: VendorRecord, _ w: inout ReportWriter) {
        w.line("<h2 id=\"findings\">Vendor findings (\(vendor.findings.count))</h2>")
        guard !vendor.findings.isEmpty else {
            w.line("<p>None: coverage is continuous and the documents agree.</p>")
            return
        }
        w.line("<ul class=\"findings\">")
        for finding in vendor.findings {
            var item = "<li class=\"finding\"><span class=\"sev sev-\(finding.severity.rawValue)\">\(OutlineVocabulary.severity(finding.severity))</span> <code>\(HTMLText.escape(finding.code))</code> — \(HTMLText.escape(finding.message))"
            if let question = finding.followUp { item += "<p class=\"ask\"><strong>\(OutlineVocabulary.detail(.followUp)):</strong> \(HTMLText.escape(question))</p>" }
            w.line(item + evidence(finding.evidence) + "</li>")
        }
        w.line("</ul>")
    }

    static func claims(_ vendor: VendorRecord, _ w: inout ReportWriter) {
        guard !vendor.claims.isEmpty else { return }
        w.line("<h2 id=\"claims\">What the trust page claims (\(vendor.claims.count))</h2>")
        w.line("<table><thead><tr><th scope=\"col\">Claim</th><th scope=\"col\">Period end or expiry</th><th scope=\"col\">Borne out by</th></tr></thead><tbody>")
        for claim in vendor.claims {
            let what = OutlineVocabulary.claimedDocument(claim.kind, claim.type, standard: claim.standard)
            let date = claim.periodEnd ?? claim.expiryDate ?? ""
            let backing = claim.providedBy.map { "<code>\(HTMLText.escape($0))</code>" } ?? "<strong>Not among the documents</strong>"
            w.line("<tr><td>\(HTMLText.escape(what))\(evidence(claim.evidence))</td><td>\(HTMLText.escape(date))</td><td>\(backing)</td></tr>")
        }
        w.line("</tbody></table>")
    }

    static func consistency(_ vendor: VendorRecord, _ w: inout ReportWriter) {
        w.line("<h2 id=\"consistency\">Do the documents agree?</h2>")
        w.line("<table><thead><tr><th scope=\"col\">Aspect</th><th scope=\"col\">Result</th><th scope=\"col\">What each document states</th></tr></thead><tbody>")
        for check in vendor.consistency {
            let stated = check.values.map { "<p><code>\(HTMLText.escape($0.path))</code>: \(HTMLText.escape($0.value))</p>" }.joined()
            w.line("<tr><th scope=\"row\">\(HTMLText.escape(OutlineVocabulary.aspect(check.aspect)))</th><td>\(OutlineVocabulary.consistency(check.status))</td><td>\(stated)</td></tr>")
        }
        w.line("</tbody></table>")
    }

    static func cuecs(_ vendor: VendorRecord, _ w: inout ReportWriter) {
        guard !vendor.cuecs.isEmpty else { return }
        w.line("<h2 id=\"cuecs\">\(HTMLText.escape(OutlineVocabulary.title(.cuecs))) (\(vendor.cuecs.count))</h2>")
        w.line("<ul class=\"todo\">")
        for cuec in vendor.cuecs {
            let criteria = cuec.criteria.isEmpty ? "" : " <span class=\"conf\">(\(HTMLText.escape(cuec.criteria.joined(separator: ", "))))</span>"
            w.line("<li>\(HTMLText.escape(cuec.text))\(criteria)\(evidence(cuec.sources))\(ReportPage.ownControls(cuec.ownControls.map { $0.map(OutlineOwnControl.init) }))</li>")
        }
        w.line("</ul>")
    }

    static func questions(_ vendor: VendorRecord, _ w: inout ReportWriter) {
        guard !vendor.questions.isEmpty else { return }
        w.line("<h2 id=\"questions\">Questions to send the vendor (\(vendor.questions.count))</h2>")
        w.line("<ol class=\"questions\">")
        for question in vendor.questions {
            w.line("<li>\(HTMLText.escape(question.text)) <span class=\"conf\">(\(HTMLText.escape(question.because.joined(separator: ", "))))</span>\(evidence(question.evidence))</li>")
        }
        w.line("</ol>")
    }
}

/// `vendors.html`: one row per vendor with its documents, coverage and findings, linking to its page.
public enum VendorIndex {
    public static func render(_ view: VendorView) -> String {
        var w = ReportWriter()
        let title = "Assay vendor view — \(view.vendors.count) vendor(s)"
        w.open(title: title)
        w.line("<h1>\(HTMLText.escape(title))</h1>")
        w.line("<p>Judged as of <time datetime=\"\(view.asOf)\">\(view.asOf)</time>.</p>")
        w.line("<table><thead><tr><th scope=\"col\">Vendor</th><th scope=\"col\">Documents</th><th scope=\"col\">Gaps</th><th scope=\"col\">High findings</th><th scope=\"col\">All findings</th><th scope=\"col\">Questions</th></tr></thead><tbody>")
        for vendor in view.vendors {
            let high = vendor.findings.filter { $0.severity == .high }.count
            let gaps = vendor.gaps.map { "\($0.start) to \($0.end) (\($0.days) d)" }.joined(separator: "; ")
            w.line("<tr><td><a href=\"\(HTMLText.escape(VendorPage.fileName(vendor)))\">\(HTMLText.escape(vendor.name))</a></td><td>\(vendor.documents.count)</td><td>\(gaps.isEmpty ? "None" : gaps)</td><td>\(high)</td><td>\(vendor.findings.count)</td><td>\(vendor.questions.count)</td></tr>")
        }
        w.line("</tbody></table>")
        return w.close()
    }
}
