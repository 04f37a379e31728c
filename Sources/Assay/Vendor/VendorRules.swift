import AssayCore
import AssayModel
import Foundation

/// `extractors/vendors/findings.yaml`: tolerances of the coverage timeline, the CUEC similarity
/// threshold, and the severity, wording and follow-up question of each vendor finding.
public struct VendorRules: RuleFile, Sendable {
    public static let version = 1
    public struct Tolerances: Decodable, Sendable {
        public var gap_days: Int
        public var trailing_gap_days: Int
        public var overlap_days: Int
        /// Days a SOC report's period may end before a trust page's claimed date and still bear it out.
        public var claim_period_days: Int
    }

    public struct Template: Decodable, Sendable {
        public var severity: Severity
        public var message: String
        public var follow_up: String?
    }

    public static let file = "vendors/findings.yaml"

    public var version: Int
    public var tolerances: Tolerances
    public var cuec_similarity: Double
    /// Finding code → the timeline rows (`same`, or a row name) on which a later document answers it.
    public var superseded_by_later: [String: [String]]
    public var findings: [String: Template]
    /// How a trust-page claim is named in a finding: `report`, `certificate`, `period_end`, `expiry`.
    public var claim_phrases: [String: String]

    public static func load(_ rules: RuleBook) throws -> VendorRules {
        try rules.load(VendorRules.self, from: file)
    }

    /// A trust-page claim in words: "a SOC 2 Type II report for the period ending 2026-07-31",
    /// "an ISO/IEC 27701:2019 certificate".
    func phrase(_ claim: VendorClaim) throws -> String {
        func part(_ key: String, _ values: [String: String]) throws -> String {
            guard let template = claim_phrases[key] else {
                throw RuleError(file: Self.file, key: "claim_phrases.\(key)", message: "is missing")
            }
            return Self.fill(template, values)
        }
        if claim.kind == .isoCertificate {
            return try part("certificate", ["standard": claim.standard ?? "ISO"])
                + (claim.expiryDate.map { try part("expiry", ["expiry": $0]) } ?? "")
        }
        // Another scheme's claim is named by the page's own words ("a CSA STAR Level 2 report").
        let report = claim.kind == .otherAssurance ? claim.standard ?? OutlineVocabulary.kind(claim.kind, claim.type) : OutlineVocabulary.kind(claim.kind, claim.type)
        return try part("report", ["report": report])
            + (claim.periodEnd.map { try part("period_end", ["period_end": $0]) } ?? "")
    }

    /// The finding `code` with its placeholders filled; a code missing from the file is a rule error.
    func finding(_ code: String, _ values: [String: String], evidence: [VendorEvidence]) throws -> VendorFinding {
        guard let template = findings[code] else {
            throw RuleError(file: Self.file, key: "findings.\(code)", message: "is missing")
        }
        return VendorFinding(code: code, severity: template.severity, message: Self.fill(template.message, values),
                             followUp: template.follow_up.map { Self.fill($0, values) }, evidence: evidence)
    }

    /// `text` with each `{key}` replaced by its value.
    private static func fill(_ text: String, _ values: [String: String]) -> String {
        values.reduce(text) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }
}
