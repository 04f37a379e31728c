import AssayCore
import AssayModel
import Foundation

/// `assay export csv`: five tables for spreadsheets and GRC imports — `documents.csv`,
/// `exceptions.csv`, `findings.csv`, `obligations.csv`, `cuecs.csv` — with the columns documented in
/// `docs/exports.md`, in that order, never reordered (new columns go at the end).
///
/// The encoding is the one `summary.csv` uses (`SummaryCSV`): RFC 4180, CRLF, UTF-8 with a
/// byte-order mark, and any text cell that could start a formula prefixed with `'`. Dates are the
/// contract's ISO `YYYY-MM-DD` strings; lists are joined with "; ".
public enum CSVExport {
    public struct Table: Sendable {
        public var name: String
        public var header: [String]
        public var rows: [[String]]

        /// The file's bytes: byte-order mark, header row, one row per record.
        public var data: Data {
            var text = "\u{FEFF}" + SummaryCSV.line(header)
            for row in rows { text += SummaryCSV.line(row) }
            return Data(text.utf8)
        }
    }

    public static let documentColumns = [
        "file", "sha256", "media_type", "pages", "kind", "type", "organization", "system",
        "period_start", "period_end", "as_of_date", "report_date", "issue_date", "expiry_date",
        "original_certification_date", "opinion", "service_auditor", "certification_body", "accreditation_body",
        "standards", "certificate_number", "trust_services_categories", "scope",
        "exceptions", "findings_high", "findings_medium", "findings_low", "findings_info",
        "subservice_organizations", "cuecs", "error_code", "error_message",
    ]
    public static let exceptionColumns = [
        "file", "organization", "number", "control_id", "criteria", "control", "test", "deviation",
        "management_response", "confidence", "page", "quote",
    ]
    public static let findingColumns = [
        "file", "organization", "code", "severity", "message", "follow_up", "page", "quote",
    ]
    public static let obligationColumns = [
        "file", "organization", "framework", "reference", "obligation", "status", "rationale",
    ]
    /// One row per CUEC; the last four columns are filled when the document was matched to a
    /// control register (`--controls`) and empty otherwise.
    public static let cuecColumns = [
        "file", "organization", "number", "cuec", "criteria", "page", "quote",
        "controls", "score", "reason", "status",
    ]

    /// The five tables for `documents`, in input order.
    public static func tables(_ documents: [AssayDocument]) -> [Table] {
        var docs: [[String]] = [], exceptions: [[String]] = [], findings: [[String]] = [], obligations: [[String]] = []
        for document in documents {
            let file = text(document.source.path)
            let org = text(organization(document))
            docs.append(documentRow(document))
            guard document.error == nil else { continue }
            for (index, record) in document.exceptions.enumerated() {
                exceptions.append([file, org, String(index + 1), text(record.controlID ?? ""), text(record.criteria.joined(separator: "; ")),
                                   text(record.control), text(record.test), text(record.deviation),
                                   text(record.managementResponse ?? ""), number(record.confidence),
                                   record.evidence.first.map { String($0.page) } ?? "", text(record.evidence.first?.quote ?? "")])
            }
            for finding in document.findings.sorted(by: { $0.severity < $1.severity }) {
                findings.append([file, org, text(finding.code), finding.severity.rawValue, text(finding.message),
                                 text(finding.followUp ?? ""), finding.evidence.first.map { String($0.page) } ?? "",
                                 text(finding.evidence.first?.quote ?? "")])
            }
            for item in document.obligations {
                obligations.append([file, org, text(item.framework), text(item.reference), text(item.title),
                                    item.status.rawValue, text(item.rationale)])
            }
        }
        return [Table(name: "documents.csv", header: documentColumns, rows: docs),
                Table(name: "exceptions.csv", header: exceptionColumns, rows: exceptions),
                Table(name: "findings.csv", header: findingColumns, rows: findings),
                Table(name: "obligations.csv", header: obligationColumns, rows: obligations),
                Table(name: "cuecs.csv", header: cuecColumns, rows: documents.flatMap(cuecRows))]
    }

    /// The rows of `cuecs.csv` for one document: controls are the matched ids ("AC-03; AC-01"), score
    /// the best one's, reason each one's ("AC-03: …; AC-01: …" joined with " | ").
    static func cuecRows(_ document: AssayDocument) -> [[String]] {
        guard document.error == nil else { return [] }
        let file = text(document.source.path)
        let org = text(organization(document))
        return document.cuecs.enumerated().map { index, cuec in
            var row = [file, org, String(index + 1), text(cuec.text), text(cuec.criteria.joined(separator: "; ")),
                       cuec.evidence.first.map { String($0.page) } ?? "", text(cuec.evidence.first?.quote ?? "")]
            if let reconciliation = document.cuecReconciliation {
                let controls = reconciliation.match(for: index)?.controls ?? []
                row += [text(controls.map(\.id).joined(separator: "; ")), controls.first.map { number($0.score) } ?? "",
                        text(controls.map { "\($0.id): \($0.reason)" }.joined(separator: " | ")),
                        controls.isEmpty ? CUECMatchStatus.unmatched.rawValue : CUECMatchStatus.matched.rawValue]
            } else {
                row += ["", "", "", ""]
            }
            return row
        }
    }

    static func documentRow(_ document: AssayDocument) -> [String] {
        func field(_ key: String) -> String {
            guard let value = document.fields[key]?.value else { return "" }
            switch value {
            case .text(let string): return text(string)
            case .list(let items): return text(items.joined(separator: "; "))
            }
        }
        let failed = document.error != nil
        func count(_ n: Int) -> String { failed ? "" : String(n) }
        func severity(_ level: Severity) -> String { count(document.findings.filter { $0.severity == level }.count) }
        return [
            text(document.source.path), document.source.sha256 ?? "", document.source.mediaType ?? "",
            document.source.pages.map(String.init) ?? "",
            failed ? "" : document.document.kind.rawValue, failed ? "" : document.document.type?.rawValue ?? "",
            text(organization(document)), field("system_name"),
            field("period_start"), field("period_end"), field("as_of_date"), field("report_date"),
            field("issue_date"), field("expiry_date"), field("original_certification_date"), field("opinion"),
            field("service_auditor"), field("certification_body"), field("accreditation_body"),
            field("standards"), field("certificate_number"), field("trust_services_categories"), field("scope"),
            count(document.exceptions.count), severity(.high), severity(.medium), severity(.low), severity(.info),
            count(document.subserviceOrganizations.count), count(document.cuecs.count),
            document.error?.code.rawValue ?? "", text(document.error?.message ?? ""),
        ]
    }

    static func organization(_ document: AssayDocument) -> String {
        document.organization?.value.display ?? ""
    }

    /// Text from a document: formula-guarded as in summary.csv.
    static func text(_ value: String) -> String { SummaryCSV.safe(value) }

    static func number(_ value: Double) -> String { String(value) }
}
