/// A complementary subservice-organisation control: a control the service organisation expects one of
/// its subservice organisations to operate (an Assay extension, `csocs[]`). The subservice
/// organisation's own report is where it is tested, so each one points to a report to obtain.
public struct CSOC: Codable, Sendable, Hashable {
    public var text: String
    /// The subservice organisation it falls on, as the report names it; `nil` when the report does not say.
    public var subserviceOrganization: String?
    public var criteria: [String]
    public var confidence: Double
    public var evidence: [Evidence]

    enum CodingKeys: String, CodingKey {
        case text, subserviceOrganization = "subservice_organization", criteria, confidence, evidence
    }

    public init(text: String, subserviceOrganization: String?, criteria: [String], confidence: Double,
                evidence: [Evidence]) {
        self.text = text
        self.subserviceOrganization = subserviceOrganization
        self.criteria = criteria
        self.confidence = Confidence.rounded(confidence)
        self.evidence = evidence
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(subserviceOrganization, forKey: .subserviceOrganization)
        try c.encode(criteria, forKey: .criteria)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(evidence, forKey: .evidence)
    }
}
