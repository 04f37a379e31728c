import AssayCore
import AssayModel

/// A short, readable summary of one contract document for a terminal.
public enum TextSummary {
    public static func render(_ document: AssayDocument) -> String {
        var out: [String] = []
        out.append("== \(document.source.path)")
        if let error = document.error {
            out.append("error: \(error.code.rawValue): \(error.message)")
            return out.joined(separator: "\n")
        }
        let type = document.document.type.map { " \($0.rawValue)" } ?? ""
        let pages = document.source.pages.map { ", \($0) page(s)" } ?? ""
        out.append("\(document.document.kind.rawValue)\(type) (confidence \(document.document.confidence))\(pages), text layer \(document.source.textLayer?.rawValue ?? "none")")
        for key in document.fields.keys.sorted() {
            guard let field = document.fields[key] else { continue }
            let page = field.evidence.first.map { " [p. \($0.page)]" } ?? ""
            out.append("  \(key): \(field.value.display)\(page)")
        }
        if !document.exceptions.isEmpty {
            out.append("exceptions (\(document.exceptions.count)):")
            for record in document.exceptions {
                let page = record.evidence.first.map { " [p. \($0.page)]" } ?? ""
                out.append("  - \(record.controlID ?? "?"): \(record.deviation)\(page)")
                if let response = record.managementResponse { out.append("      management: \(response)") }
            }
        }
        if !document.subserviceOrganizations.isEmpty {
            out.append("subservice organisations:")
            for org in document.subserviceOrganizations {
                out.append("  - \(org.name) (\(org.method.rawValue))\(org.evidence.first.map { " [p. \($0.page)]" } ?? "")")
            }
        }
        if !document.cuecs.isEmpty {
            out.append("CUECs — our to-dos (\(document.cuecs.count)):")
            for cuec in document.cuecs { out.append("  [ ] \(cuec.text)\(cuec.evidence.first.map { " [p. \($0.page)]" } ?? "")") }
        }
        for claim in document.claims {
            out.append("claims: \(claim.standard ?? "\(claim.kind.rawValue) \(claim.type?.rawValue ?? "")")\(claim.periodEnd.map { ", period ended \($0)" } ?? "")\(claim.expiryDate.map { ", valid until \($0)" } ?? "")")
        }
        if !document.findings.isEmpty {
            out.append("findings:")
            for finding in document.findings.sorted(by: { $0.severity < $1.severity }) {
                let page = finding.evidence.first.map { " [p. \($0.page)]" } ?? ""
                out.append("  [\(finding.severity.rawValue)] \(finding.code): \(finding.message)\(page)")
                if let question = finding.followUp { out.append("      ask: \(question)") }
            }
        }
        if !document.clauses.isEmpty {
            out.append("contract clauses:")
            for clause in document.clauses { out.append("  - \(clause.text)") }
        }
        if !document.obligations.isEmpty {
            out.append("obligations:")
            for item in document.obligations {
                out.append("  \(item.framework) \(item.reference) — \(item.status.rawValue): \(item.title)")
            }
        }
        for diagnostic in document.diagnostics where diagnostic.level != .info {
            out.append("\(diagnostic.level.rawValue): \(diagnostic.code): \(diagnostic.message)")
        }
        return out.joined(separator: "\n")
    }
}
