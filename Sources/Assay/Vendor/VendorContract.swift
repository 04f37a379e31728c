import AssayCore
import AssayModel

/// The vendor view (`assay.vendors/v1`): every vendor of a run with its documents, coverage over
/// time, findings, consistency between documents, one CUEC to-do list and one list of questions.
///
/// Documented key by key in docs/vendors.md; `VendorSchema` is its JSON Schema. Every optional value
/// is written as `null` rather than left out, so each object always has the same keys.
public struct VendorView: Codable, Sendable, Hashable {
    public static let schemaID = "assay.vendors/v1"

    public var schema: String = VendorView.schemaID
    /// The date coverage and findings are judged at.
    public var asOf: ISODate
    public var vendors: [VendorRecord]

    enum CodingKeys: String, CodingKey { case schema, asOf = "as_of", vendors }

    public init(asOf: ISODate, vendors: [VendorRecord]) {
        self.asOf = asOf
        self.vendors = vendors
    }
}

/// How a vendor's documents were put together.
public enum VendorGrouping: String, Codable, Sendable, Hashable {
    /// They came from the same top-level folder of the drop folder.
    case folder
    /// They name the same organisation once names are folded.
    case organization
    /// They name no organisation (unreadable documents outside any vendor folder).
    case unknown
}

/// One vendor and what its documents say together.
public struct VendorRecord: Codable, Sendable, Hashable {
    public var name: String
    /// The name made safe for a file name: `vendor-<slug>.html`.
    public var slug: String
    public var groupedBy: VendorGrouping
    public var documents: [VendorDocument]
    public var timeline: [CoverageSpan]
    public var gaps: [CoverageInterval]
    public var overlaps: [CoverageInterval]
    public var findings: [VendorFinding]
    public var consistency: [ConsistencyCheck]
    public var cuecs: [MergedCUEC]
    public var questions: [VendorQuestion]
    /// What the vendor's trust pages claim, each with the document that bears it out (if any).
    public var claims: [VendorClaim]
    /// What changed in scope between each SOC report and the one before it, with a quote from each.
    public var scopeDrift: [ScopeChange] = []
    /// This vendor's reports whose test wording is near-identical to another vendor's report.
    public var templateMatches: [TemplateMatch] = []

    enum CodingKeys: String, CodingKey {
        case name, slug, groupedBy = "grouped_by", documents, timeline, gaps, overlaps, findings, consistency, cuecs, questions, claims
        case scopeDrift = "scope_drift", templateMatches = "template_matches"
    }

    public init(name: String, slug: String, groupedBy: VendorGrouping, documents: [VendorDocument] = [],
                timeline: [CoverageSpan] = [], gaps: [CoverageInterval] = [], overlaps: [CoverageInterval] = [],
                findings: [VendorFinding] = [], consistency: [ConsistencyCheck] = [], cuecs: [MergedCUEC] = [],
                questions: [VendorQuestion] = [], claims: [VendorClaim] = [], scopeDrift: [ScopeChange] = [],
                templateMatches: [TemplateMatch] = []) {
        self.name = name
        self.slug = slug
        self.groupedBy = groupedBy
        self.documents = documents
        self.timeline = timeline
        self.gaps = gaps
        self.overlaps = overlaps
        self.findings = findings
        self.consistency = consistency
        self.cuecs = cuecs
        self.questions = questions
        self.claims = claims
        self.scopeDrift = scopeDrift
        self.templateMatches = templateMatches
    }
}

/// One claim of a vendor's trust page ("SOC 2 Type II report for the period ending …", "ISO/IEC
/// 27001:2022 certificate valid until …") and the vendor's document that bears it out, if any.
public struct VendorClaim: Codable, Sendable, Hashable {
    /// The trust page that makes the claim.
    public var path: String
    public var kind: DocumentKind
    public var type: ReportType?
    public var standard: String?
    public var periodEnd: String?
    public var expiryDate: String?
    /// The document that bears the claim out; `null` when none does (a `vendor.claim_not_provided` finding).
    public var providedBy: String?
    public var evidence: [VendorEvidence]

    enum CodingKeys: String, CodingKey {
        case path, kind, type, standard, periodEnd = "period_end", expiryDate = "expiry_date", providedBy = "provided_by", evidence
    }

    public init(path: String, kind: DocumentKind, type: ReportType?, standard: String?, periodEnd: String?,
                expiryDate: String?, providedBy: String?, evidence: [VendorEvidence]) {
        self.path = path
        self.kind = kind
        self.type = type
        self.standard = standard
        self.periodEnd = periodEnd
        self.expiryDate = expiryDate
        self.providedBy = providedBy
        self.evidence = evidence
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(kind, forKey: .kind)
        try c.encode(type, forKey: .type)
        try c.encode(standard, forKey: .standard)
        try c.encode(periodEnd, forKey: .periodEnd)
        try c.encode(expiryDate, forKey: .expiryDate)
        try c.encode(providedBy, forKey: .providedBy)
        try c.encode(evidence, forKey: .evidence)
    }
}

/// A document of the vendor, in brief.
public struct VendorDocument: Codable, Sendable, Hashable {
    public var path: String
    public var kind: DocumentKind
    public var type: ReportType?
    /// The organisation the document names, as written.
    public var organization: String?
    /// The contract error code when the document could not be read.
    public var error: String?
    /// Count of the document's own findings.
    public var findings: Int

    public init(path: String, kind: DocumentKind, type: ReportType?, organization: String?, error: String?, findings: Int) {
        self.path = path
        self.kind = kind
        self.type = type
        self.organization = organization
        self.error = error
        self.findings = findings
    }

    enum CodingKeys: String, CodingKey { case path, kind, type, organization, error, findings }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(kind, forKey: .kind)
        try c.encode(type, forKey: .type)
        try c.encode(organization, forKey: .organization)
        try c.encode(error, forKey: .error)
        try c.encode(findings, forKey: .findings)
    }
}

/// A place in one of the vendor's documents: its path, then page and quote as in the contract.
public struct VendorEvidence: Codable, Sendable, Hashable {
    public var path: String
    public var page: Int
    public var quote: String

    public init(path: String, page: Int, quote: String) {
        self.path = path
        self.page = page
        self.quote = quote
    }

    public init(path: String, _ evidence: Evidence) {
        self.init(path: path, page: evidence.page, quote: evidence.quote)
    }
}

/// What a span on the timeline stands for.
public enum CoverageRow: String, Codable, Sendable, Hashable, CaseIterable {
    case soc1, soc2, soc3
    case bridgeLetter = "bridge_letter"
    case certificate

    /// SOC reports and bridge letters assure the controls over a period; certificates do not take part in gaps.
    public var isControlCoverage: Bool { self != .certificate }

    public var label: String {
        switch self {
        case .soc1: return "SOC 1"
        case .soc2: return "SOC 2"
        case .soc3: return "SOC 3"
        case .bridgeLetter: return "Bridge letter"
        case .certificate: return "Certificate"
        }
    }
}

/// One document's period on the timeline: a SOC review period, a Type I date (a point), a bridge
/// letter's period or a certificate's validity.
public struct CoverageSpan: Codable, Sendable, Hashable {
    public var path: String
    public var row: CoverageRow
    public var start: ISODate
    public var end: ISODate
    /// A Type I report: one date, drawn as a marker.
    public var isPoint: Bool
    public var evidence: [VendorEvidence]

    enum CodingKeys: String, CodingKey { case path, row, start, end, isPoint = "is_point", evidence }

    public init(path: String, row: CoverageRow, start: ISODate, end: ISODate, isPoint: Bool, evidence: [VendorEvidence]) {
        self.path = path
        self.row = row
        self.start = start
        self.end = end
        self.isPoint = isPoint
        self.evidence = evidence
    }
}

/// Days (both ends included) that no SOC period or bridge letter covers, or that two of them cover.
public struct CoverageInterval: Codable, Sendable, Hashable {
    public var start: ISODate
    public var end: ISODate
    public var days: Int
    /// The documents on either side of the interval (the one before, then the one after, if any).
    public var between: [String]

    public init(start: ISODate, end: ISODate, between: [String]) {
        self.start = start
        self.end = end
        days = end.dayNumber - start.dayNumber + 1
        self.between = between
    }
}

/// A finding about the vendor, in the shape of a document finding, with evidence naming its document.
public struct VendorFinding: Codable, Sendable, Hashable {
    public var code: String
    public var severity: Severity
    public var message: String
    public var followUp: String?
    public var evidence: [VendorEvidence]

    enum CodingKeys: String, CodingKey { case code, severity, message, followUp = "follow_up", evidence }

    public init(code: String, severity: Severity, message: String, followUp: String?, evidence: [VendorEvidence]) {
        self.code = code
        self.severity = severity
        self.message = message
        self.followUp = followUp
        self.evidence = evidence
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(severity, forKey: .severity)
        try c.encode(message, forKey: .message)
        try c.encode(followUp, forKey: .followUp)
        try c.encode(evidence, forKey: .evidence)
    }
}

/// Whether the documents agree on one aspect.
public enum ConsistencyStatus: String, Codable, Sendable, Hashable {
    case consistent, different
    /// Fewer than two documents state it.
    case notComparable = "not_comparable"
}

/// One aspect compared across documents: `legal_entity`, `services` or `sites`.
public struct ConsistencyCheck: Codable, Sendable, Hashable {
    public var aspect: String
    public var status: ConsistencyStatus
    public var values: [StatedValue]

    public init(aspect: String, status: ConsistencyStatus, values: [StatedValue]) {
        self.aspect = aspect
        self.status = status
        self.values = values
    }
}

/// What one document states, as written, with its evidence.
public struct StatedValue: Codable, Sendable, Hashable {
    public var path: String
    public var value: String
    public var evidence: [VendorEvidence]

    public init(path: String, value: String, evidence: [VendorEvidence]) {
        self.path = path
        self.value = value
        self.evidence = evidence
    }
}

/// One to-do of the merged CUEC list: the first wording met, the criteria of every wording, and
/// where each came from.
public struct MergedCUEC: Codable, Sendable, Hashable {
    public var text: String
    public var criteria: [String]
    public var sources: [VendorEvidence]
    /// With `--controls`: the own controls matched to any wording of this CUEC, best score of each;
    /// empty when none answers it. Absent when no document was matched to a register.
    public var ownControls: [OwnControlMatch]?

    enum CodingKeys: String, CodingKey {
        case text, criteria, sources, ownControls = "own_controls"
    }

    public init(text: String, criteria: [String], sources: [VendorEvidence], ownControls: [OwnControlMatch]? = nil) {
        self.text = text
        self.criteria = criteria
        self.sources = sources
        self.ownControls = ownControls
    }
}

/// A question to send the vendor, the finding codes that raise it, and their evidence.
public struct VendorQuestion: Codable, Sendable, Hashable {
    public var text: String
    /// `vendor.coverage_gap`, or `path#soc.report_stale` for a document's own finding.
    public var because: [String]
    public var evidence: [VendorEvidence]

    public init(text: String, because: [String], evidence: [VendorEvidence]) {
        self.text = text
        self.because = because
        self.evidence = evidence
    }
}
