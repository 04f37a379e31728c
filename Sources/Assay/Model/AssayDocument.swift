/// The contract document (`assay.document/v1`) for one input: what it is, what it states, and
/// what a reviewer should make of it — or, when it cannot be read, an error object.
public struct AssayDocument: Codable, Sendable, Hashable {
    public static let schemaID = "assay.document/v1"

    public var schema: String = AssayDocument.schemaID
    public var source: SourceInfo
    public var document: DocumentInfo
    public var fields: [String: Field]
    public var sections: [Section]
    public var exceptions: [ExceptionRecord]
    /// SOC 1 and SOC 2 reports: how much of the tests of controls was read; `nil` for other kinds.
    public var testing: TestingSummary?
    /// SOC 1 and SOC 2 reports: each control of Section IV with its tests (an Assay extension).
    public var controls: [TestedControl]
    /// Complementary subservice-organisation controls (an Assay extension).
    public var csocs: [CSOC]
    /// SOC 1 and SOC 2 reports: signals that the report may be weak evidence (an Assay extension).
    public var reliability: Reliability?
    /// Set only when a control register was given (an Assay extension).
    public var cuecReconciliation: CUECReconciliation?
    public var subserviceOrganizations: [SubserviceOrganization]
    public var cuecs: [CUEC]
    public var claims: [Claim]
    public var findings: [Finding]
    public var clauses: [ContractClause]
    public var obligations: [Obligation]
    public var diagnostics: [Diagnostic]
    /// Set only on a document that could not be read; the other parts are then not printed.
    public var error: DocumentError?

    enum CodingKeys: String, CodingKey {
        case schema, source, document, fields, sections, exceptions
        case subserviceOrganizations = "subservice_organizations"
        case cuecs, claims, findings, clauses, obligations, diagnostics, error, testing
        case controls, csocs, reliability, cuecReconciliation = "cuec_reconciliation"
    }

    public init(source: SourceInfo, document: DocumentInfo = DocumentInfo()) {
        self.source = source
        self.document = document
        fields = [:]
        sections = []
        exceptions = []
        testing = nil
        controls = []
        csocs = []
        reliability = nil
        cuecReconciliation = nil
        subserviceOrganizations = []
        cuecs = []
        claims = []
        findings = []
        clauses = []
        obligations = []
        diagnostics = []
        error = nil
    }

    /// A document that failed with `error`; `diagnostics` may carry developer detail.
    public static func failure(_ source: SourceInfo, _ error: DocumentError, diagnostics: [Diagnostic] = []) -> AssayDocument {
        var doc = AssayDocument(source: source)
        doc.error = error
        doc.diagnostics = diagnostics
        return doc
    }

    public var isFailure: Bool { error != nil }

    /// The organisation the document is about: a report's service organisation, or the holder named
    /// on a certificate or trust page.
    public var organization: Field? { fields["service_organization"] ?? fields["organization"] }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(String.self, forKey: .schema)
        source = try c.decode(SourceInfo.self, forKey: .source)
        document = try c.decodeIfPresent(DocumentInfo.self, forKey: .document) ?? DocumentInfo()
        fields = try c.decodeIfPresent([String: Field].self, forKey: .fields) ?? [:]
        sections = try c.decodeIfPresent([Section].self, forKey: .sections) ?? []
        exceptions = try c.decodeIfPresent([ExceptionRecord].self, forKey: .exceptions) ?? []
        testing = try c.decodeIfPresent(TestingSummary.self, forKey: .testing)
        controls = try c.decodeIfPresent([TestedControl].self, forKey: .controls) ?? []
        csocs = try c.decodeIfPresent([CSOC].self, forKey: .csocs) ?? []
        reliability = try c.decodeIfPresent(Reliability.self, forKey: .reliability)
        cuecReconciliation = try c.decodeIfPresent(CUECReconciliation.self, forKey: .cuecReconciliation)
        subserviceOrganizations = try c.decodeIfPresent([SubserviceOrganization].self, forKey: .subserviceOrganizations) ?? []
        cuecs = try c.decodeIfPresent([CUEC].self, forKey: .cuecs) ?? []
        claims = try c.decodeIfPresent([Claim].self, forKey: .claims) ?? []
        findings = try c.decodeIfPresent([Finding].self, forKey: .findings) ?? []
        clauses = try c.decodeIfPresent([ContractClause].self, forKey: .clauses) ?? []
        obligations = try c.decodeIfPresent([Obligation].self, forKey: .obligations) ?? []
        diagnostics = try c.decodeIfPresent([Diagnostic].self, forKey: .diagnostics) ?? []
        error = try c.decodeIfPresent(DocumentError.self, forKey: .error)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(source, forKey: .source)
        if let error {
            // The contract's error line: schema, source, error (and diagnostics when there are any).
            try c.encode(error, forKey: .error)
            if !diagnostics.isEmpty { try c.encode(diagnostics, forKey: .diagnostics) }
            return
        }
        try c.encode(document, forKey: .document)
        try c.encode(fields, forKey: .fields)
        try c.encode(sections, forKey: .sections)
        try c.encode(exceptions, forKey: .exceptions)
        try c.encodeIfPresent(testing, forKey: .testing)
        try c.encode(controls, forKey: .controls)
        try c.encode(csocs, forKey: .csocs)
        try c.encodeIfPresent(reliability, forKey: .reliability)
        try c.encodeIfPresent(cuecReconciliation, forKey: .cuecReconciliation)
        try c.encode(subserviceOrganizations, forKey: .subserviceOrganizations)
        try c.encode(cuecs, forKey: .cuecs)
        try c.encode(claims, forKey: .claims)
        try c.encode(findings, forKey: .findings)
        try c.encode(clauses, forKey: .clauses)
        try c.encode(obligations, forKey: .obligations)
        try c.encode(diagnostics, forKey: .diagnostics)
    }
}

/// Where the document came from (contract `source`).
public struct SourceInfo: Codable, Sendable, Hashable {
    /// The path as the user gave it (`-` for standard input).
    public var path: String
    public var sha256: String?
    public var mediaType: String?
    public var bytes: Int?
    public var pages: Int?
    public var textLayer: TextLayer?

    enum CodingKeys: String, CodingKey {
        case path, sha256, mediaType = "media_type", bytes, pages, textLayer = "text_layer"
    }

    public init(path: String, sha256: String? = nil, mediaType: String? = nil, bytes: Int? = nil,
                pages: Int? = nil, textLayer: TextLayer? = nil) {
        self.path = path
        self.sha256 = sha256
        self.mediaType = mediaType
        self.bytes = bytes
        self.pages = pages
        self.textLayer = textLayer
    }
}

/// What the document is (contract `document`).
public struct DocumentInfo: Codable, Sendable, Hashable {
    public var kind: DocumentKind
    public var type: ReportType?
    public var confidence: Double
    public var title: String?

    public init(kind: DocumentKind = .unknown, type: ReportType? = nil, confidence: Double = 0, title: String? = nil) {
        self.kind = kind
        self.type = type
        self.confidence = Confidence.rounded(confidence)
        self.title = title
    }

    enum CodingKeys: String, CodingKey { case kind, type, confidence, title }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(type, forKey: .type)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(title, forKey: .title)
    }
}
