import AssayCore
import AssayModel

/// Every word the renderings use to name a part of a result: document kinds, subservice treatment,
/// severities, obligation statuses, cover-sheet rows, section titles and table columns. The text
/// summary, the Markdown memo, the review page, its index and the vendor page take their labels
/// from here and from nowhere else, so "carved out" reads the same everywhere.
public enum OutlineVocabulary {
    // MARK: Kinds and claims

    /// "SOC 2 Type II", "ISO certificate", "Bridge letter" (from AssayCore, where findings use it too).
    public static func kind(_ kind: DocumentKind, _ type: ReportType?) -> String { kind.label(type) }

    /// The contract's own codes ("soc2 type2"), for machine-facing titles such as the OSCAL export's,
    /// whose output is pinned and which a tool may parse.
    public static func kindCode(_ kind: DocumentKind, _ type: ReportType?) -> String {
        [kind.rawValue, type?.rawValue].compactMap { $0 }.joined(separator: " ")
    }

    /// A claimed document as a reviewer names it: "SOC 2 Type II report", "ISO/IEC 27001:2022
    /// certificate", or another scheme by the claim's own words ("CSA STAR Level 2").
    public static func claimedDocument(_ kind: DocumentKind, _ type: ReportType?, standard: String?) -> String {
        switch kind {
        case .isoCertificate: return (standard ?? "ISO") + " certificate"
        case .otherAssurance: return standard ?? kind.label(type)
        default: return kind.label(type) + " report"
        }
    }

    // MARK: Values

    /// How a subservice organisation is treated in the report.
    public static func subserviceMethod(_ method: SubserviceMethod) -> String {
        switch method {
        case .carveOut: return "carved out"
        case .inclusive: return "inclusive"
        }
    }

    public static func severity(_ severity: Severity) -> String { severity.rawValue }

    public static func obligationStatus(_ status: ObligationStatus) -> String {
        switch status {
        case .supports: return "supports"
        case .partial: return "partial"
        case .gap: return "gap"
        case .notEvidenced: return "not evidenced"
        }
    }

    /// A reliability signal's code as a heading: "soc.no_sample_sizes" keeps its code beside it,
    /// the label reads "No sample sizes".
    public static func signal(_ code: String) -> String {
        let words = code.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    public static func consistency(_ status: ConsistencyStatus) -> String {
        switch status {
        case .consistent: return "Consistent"
        case .different: return "Different"
        case .notComparable: return "Not comparable"
        }
    }

    /// The aspects the vendor view compares between documents and between successive reports.
    public static func aspect(_ key: String) -> String {
        let labels = ["legal_entity": "Legal entity", "services": "Services and scope", "sites": "Sites",
                      "system": "System", "locations": "Locations", "subservice_organizations": "Subservice organisations",
                      "subservice_method": "Subservice method", "trust_services_categories": "Trust services categories",
                      "auditor": "Auditor", "opinion": "Opinion"]
        return labels[key] ?? key
    }

    // MARK: Cover sheet

    /// The cover-sheet rows, label and contract field, in order. A field not listed here follows
    /// them, in key order, under `field(_:)`'s fallback label.
    public static let cover: [(label: String, key: String)] = [
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

    /// The label of a contract field: its cover-sheet label, else the key in words ("scheme" → "Scheme").
    public static func field(_ key: String) -> String {
        if let label = cover.first(where: { $0.key == key })?.label { return label }
        let words = key.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// "2025-01-01 – 2025-12-31" for a report period, "to 2025-12-31", "as of 2025-06-30", or a
    /// certificate's "issued – expires" / "until expires".
    static func period(start: String?, end: String?, asOf: String?, issued: String?, expires: String?) -> String? {
        if let start, let end { return "\(start) – \(end)" }
        if let end { return "to \(end)" }
        if let asOf { return "as of \(asOf)" }
        if let issued, let expires { return "\(issued) – \(expires)" }
        if let expires { return "until \(expires)" }
        return nil
    }

    static func pages(_ count: Int) -> String { "\(count) page(s)" }
    static func confidence(_ value: Double) -> String { "confidence \(value)" }
    static func periodEnded(_ date: String) -> String { "period ended \(date)" }
    static func validUntil(_ date: String) -> String { "valid until \(date)" }

    public static let kindRow = "Kind"
    public static let source = "Source"
    public static let textLayer = "text layer"
    public static let noTextLayer = "none"
    public static let couldNotBeRead = "Could not be read"
    public static let unnumberedControl = "Unnumbered control"
    public static let noneGiven = "None given"
    public static let sha256 = "sha256"

    // MARK: Sections, details and columns

    static let titles: [OutlineSection.ID: String] = [
        .cover: "Cover sheet", .findings: "Findings", .reliability: "Reliability", .exceptions: "Exceptions",
        .subservice: "Subservice organisations", .cuecs: "Our to-dos: complementary user-entity controls",
        .claims: "Claimed reports and certificates", .clauses: "Contract clauses to ask for",
        .obligations: "Our obligations", .diagnostics: "Diagnostics",
    ]

    public static func title(_ id: OutlineSection.ID) -> String { titles[id] ?? id.rawValue }

    static let details: [OutlineDetail.Key: String] = [
        .criteria: "Criteria", .control: "Control", .managementResponse: "Management's response",
        .services: "Services", .method: "Method", .followUp: "Ask the vendor", .status: "Status",
        .rationale: "Why", .reference: "Reference", .code: "Code",
    ]

    public static func detail(_ key: OutlineDetail.Key) -> String { details[key] ?? key.rawValue }

    /// The columns of the parts shown as tables, in order.
    static func columns(_ id: OutlineSection.ID) -> [String] {
        switch id {
        case .exceptions: return ["Control", detail(.criteria), "Deviation", detail(.managementResponse)]
        case .subservice: return ["Organisation", detail(.services), detail(.method)]
        case .obligations: return ["Framework", detail(.reference), "Obligation", detail(.status), detail(.rationale)]
        default: return []
        }
    }

    /// The columns of the review run's index (`index.html`), one row per document.
    static let indexColumns = ["Document", "Organisation", kindRow, "Period or validity", field("opinion"), title(.exceptions), "High findings"]

    /// Said under "Reliability" when the checks ran and found nothing.
    static let noReliabilitySignal = "No sign that the report is weak evidence was found (boilerplate or inquiry-only tests, missing samples, a short period, late issue, an unnamed or unverifiable firm)."

    /// The `--controls` summary above the CUECs.
    static func reconciliation(register: String, open: Int, of total: Int) -> String {
        "Matched to our own controls in \(register): "
            + (open == 0 ? "every CUEC has an own control." : "\(open) of \(total) have no own control.")
    }

    public static let ownControl = "Own control"
    /// Said under a CUEC that no own control answers; the lead is emphasised by the renderings.
    public static let noOwnControl = "No own control"
    public static let noOwnControlAdvice = "answers this: add one to the register or record why it does not apply."
    static func score(_ value: Double) -> String { "score " + String(format: "%.2f", value) }
}
