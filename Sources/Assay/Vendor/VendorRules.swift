import AssayCore
import AssayModel
import Foundation

/// `extractors/vendors/findings.yaml`: tolerances of the coverage timeline, the CUEC similarity
/// threshold, and the severity, wording and follow-up question of each vendor finding.
public struct VendorRules: RuleFile, Sendable {
    public static let version = 1
    public struct Tolerances: Decodable, Sendable {
        public var gapDays: Int
        public var trailingGapDays: Int
        public var overlapDays: Int
        /// Days a SOC report's period may end before a trust page's claimed date and still bear it out.
        public var claimPeriodDays: Int

        @available(*, deprecated, renamed: "gapDays") public var gap_days: Int { gapDays }
        @available(*, deprecated, renamed: "trailingGapDays") public var trailing_gap_days: Int { trailingGapDays }
        @available(*, deprecated, renamed: "overlapDays") public var overlap_days: Int { overlapDays }
        @available(*, deprecated, renamed: "claimPeriodDays") public var claim_period_days: Int { claimPeriodDays }

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case gapDays = "gap_days"
            case trailingGapDays = "trailing_gap_days"
            case overlapDays = "overlap_days"
            case claimPeriodDays = "claim_period_days"
        }
    }

    public struct Template: Decodable, Sendable {
        public var severity: Severity
        public var message: String
        public var followUp: String?

        @available(*, deprecated, renamed: "followUp") public var follow_up: String? { followUp }

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case severity, message
            case followUp = "follow_up"
        }
    }

    public static let file = "vendors/findings.yaml"

    public var version: Int
    public var tolerances: Tolerances
    public var cuecSimilarity: Double
    /// Finding code → the timeline rows (`same`, or a row name) on which a later document answers it.
    public var supersededByLater: [String: [String]]
    public var findings: [String: Template]
    /// How a trust-page claim is named in a finding: `report`, `certificate`, `period_end`, `expiry`.
    public var claimPhrases: [String: String]

    @available(*, deprecated, renamed: "cuecSimilarity") public var cuec_similarity: Double { cuecSimilarity }
    @available(*, deprecated, renamed: "supersededByLater") public var superseded_by_later: [String: [String]] { supersededByLater }
    @available(*, deprecated, renamed: "claimPhrases") public var claim_phrases: [String: String] { claimPhrases }

    /// The YAML keys are snake_case.
    enum CodingKeys: String, CodingKey {
        case version, tolerances, findings
        case cuecSimilarity = "cuec_similarity"
        case supersededByLater = "superseded_by_later"
        case claimPhrases = "claim_phrases"
    }

    public static func load(_ rules: RuleBook) throws -> VendorRules {
        try rules.load(VendorRules.self, from: file)
    }

    /// A trust-page claim in words: "a SOC 2 Type II report for the period ending 2026-07-31",
    /// "an ISO/IEC 27701:2019 certificate".
    func phrase(_ claim: VendorClaim) throws -> String {
        func part(_ key: String, _ values: [String: String]) throws -> String {
            guard let template = claimPhrases[key] else {
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
                             followUp: template.followUp.map { Self.fill($0, values) }, evidence: evidence)
    }

    /// `text` with each `{key}` replaced by its value.
    private static func fill(_ text: String, _ values: [String: String]) -> String {
        values.reduce(text) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }
}
