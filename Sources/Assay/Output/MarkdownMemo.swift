import AssayCore
import AssayModel

/// The reviewer's memo (`--format md`): a cover sheet, then exceptions, subservice organisations,
/// CUECs, findings with the questions to send, contract clauses and the obligation table — every
/// line with the page it was read from, ready to paste into a ticket.
public enum MarkdownMemo {
    public static func render(_ document: AssayDocument) -> String {
        var out: [String] = []
        let name = document.organization?.value.display ?? document.source.path
        out.append("# \(escape(name)) — \(kindLabel(document))")
        out.append("")
        if let error = document.error {
            out.append("**Could not be read** (`\(error.code.rawValue)`): \(escape(error.message))")
            out.append("")
            out.append("Source: `\(document.source.path)`")
            return out.joined(separator: "\n")
        }
        out.append("| | |")
        out.append("|---|---|")
        for (label, key) in ReportPage.cover {
            guard let field = document.fields[key] else { continue }
            out.append("| \(label) | \(escape(field.value.display))\(page(field.evidence))\(field.confidence < 0.9 ? " _(confidence \(field.confidence))_" : "") |")
        }
        out.append("| Source | `\(document.source.path)`, \(document.source.pages ?? 0) page(s), sha256 `\((document.source.sha256 ?? "").prefix(12))…` |")
        out.append("")
        if !document.findings.isEmpty {
            out.append("## Findings")
            out.append("")
            for finding in document.findings.sorted(by: { $0.severity < $1.severity }) {
                out.append("- **\(finding.severity.rawValue.uppercased())** `\(finding.code)` — \(escape(finding.message))\(page(finding.evidence))")
                if let question = finding.followUp { out.append("  - Ask: \(escape(question))") }
            }
            out.append("")
        }
        out += reliability(document)
        if !document.exceptions.isEmpty {
            out.append("## Exceptions (\(document.exceptions.count))")
            out.append("")
            for record in document.exceptions {
                let criteria = record.criteria.isEmpty ? "" : " (\(record.criteria.joined(separator: ", ")))"
                out.append("- **\(escape(record.controlID ?? "unnumbered control"))**\(criteria): \(escape(record.deviation))\(page(record.evidence))")
                if let response = record.managementResponse { out.append("  - Management's response: \(escape(response))") }
            }
            out.append("")
        }
        if !document.subserviceOrganizations.isEmpty {
            out.append("## Subservice organisations")
            out.append("")
            for org in document.subserviceOrganizations {
                let method = org.method == .carveOut ? "carved out" : "inclusive"
                out.append("- \(escape(org.name)) — \(method)\(org.services.isEmpty ? "" : ": \(escape(org.services))")\(page(org.evidence))")
            }
            out.append("")
        }
        if !document.cuecs.isEmpty {
            out.append("## Our to-dos: complementary user-entity controls (\(document.cuecs.count))")
            out.append("")
            out += reconciliationNote(document)
            for (index, cuec) in document.cuecs.enumerated() {
                let criteria = cuec.criteria.isEmpty ? "" : " (\(cuec.criteria.joined(separator: ", ")))"
                out.append("- [ ] \(escape(cuec.text))\(criteria)\(page(cuec.evidence))")
                out += ownControls(document, cuec: index)
            }
            out.append("")
        }
        if !document.claims.isEmpty {
            out.append("## Claimed reports and certificates")
            out.append("")
            for claim in document.claims {
                let what = claim.standard ?? "\(claim.kind.rawValue.uppercased()) \(claim.type?.rawValue ?? "")"
                let when = claim.periodEnd.map { ", period ended \($0)" } ?? claim.expiryDate.map { ", valid until \($0)" } ?? ""
                out.append("- \(escape(what))\(when)\(page(claim.evidence))")
            }
            out.append("")
        }
        if !document.clauses.isEmpty {
            out.append("## Contract clauses to ask for")
            out.append("")
            for clause in document.clauses { out.append("- \(escape(clause.text))") }
            out.append("")
        }
        if !document.obligations.isEmpty {
            out.append("## Our obligations")
            out.append("")
            out.append("| Framework | Reference | Obligation | Status | Why |")
            out.append("|---|---|---|---|---|")
            for item in document.obligations {
                out.append("| \(item.framework) | \(escape(item.reference)) | \(escape(item.title)) | \(item.status.rawValue) | \(escape(item.rationale)) |")
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    static func kindLabel(_ document: AssayDocument) -> String {
        let kinds: [DocumentKind: String] = [.soc1: "SOC 1", .soc2: "SOC 2", .soc3: "SOC 3", .isoCertificate: "ISO certificate",
                                             .bridgeLetter: "bridge letter", .trustPage: "trust page", .otherAssurance: "certificate", .unknown: "document"]
        let type = document.document.type.map { $0 == .type1 ? " Type I" : " Type II" } ?? ""
        return (kinds[document.document.kind] ?? "document") + (document.document.kind == .soc3 ? "" : type)
    }

    /// With `--controls`: which register the CUECs were matched to, and how many none answers.
    static func reconciliationNote(_ document: AssayDocument) -> [String] {
        guard let reconciliation = document.cuecReconciliation else { return [] }
        let open = reconciliation.unmatched.count
        return ["Matched to our own controls in \(escape(reconciliation.register)): "
                    + (open == 0 ? "every CUEC has an own control." : "\(open) of \(document.cuecs.count) have no own control."), ""]
    }

    /// With `--controls`: the own controls that answer the CUEC at `index`, or "no own control".
    static func ownControls(_ document: AssayDocument, cuec index: Int) -> [String] {
        guard let reconciliation = document.cuecReconciliation else { return [] }
        let controls = reconciliation.match(for: index)?.controls ?? []
        if controls.isEmpty { return ["  - **No own control** answers this: add one to the register or record why it does not apply."] }
        return controls.map { match in
            let text = match.text.map { " \(escape($0))" } ?? ""
            return "  - Own control **\(escape(match.id))**\(text) (score \(String(format: "%.2f", match.score)); \(escape(match.reason)))"
        }
    }

    static func page(_ evidence: [Evidence]) -> String {
        guard let first = evidence.first else { return "" }
        return " (p. \(first.page))"
    }

    /// Keeps table cells and list items intact: pipes and line breaks would break the Markdown.
    static func escape(_ text: String) -> String {
        text.foldedWhitespace.replacingOccurrences(of: "|", with: "\\|")
    }
}
