import AssayModel
import Foundation

/// One extractor, one job: reads the context and records what it finds into the result.
public protocol DocumentExtractor: Sendable {
    /// The document kinds it applies to.
    var kinds: Set<DocumentKind> { get }
    /// True when the extractor reads nothing that other extractors record: only the context and
    /// its own records. Independent extractors at the end of the registry run alongside the ones
    /// before them (see `ExtractorRunner`). Default false.
    var isIndependent: Bool { get }
    func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws
}

extension DocumentExtractor {
    public var isIndependent: Bool { false }
}

/// Where extractors record what they find. When two extractors set the same field, the more
/// confident value is kept.
public struct ExtractionResult: Sendable {
    public var fields: [String: Field] = [:]
    public var exceptions: [ExceptionRecord] = []
    /// SOC 1/2 reports: how much of the tests of controls was read (set by the exception extractor).
    public var testing: TestingSummary?
    /// SOC 1/2 reports: the controls of Section IV and their tests (set by the exception extractor).
    public var controls: [TestedControl] = []
    /// Complementary subservice-organisation controls.
    public var csocs: [CSOC] = []
    public var subserviceOrganizations: [SubserviceOrganization] = []
    public var cuecs: [CUEC] = []
    public var claims: [Claim] = []
    public var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func set(_ name: String, _ value: FieldValue, confidence: Double, evidence: [Evidence]) {
        if let existing = fields[name], existing.confidence >= confidence { return }
        fields[name] = Field(value: value, confidence: confidence, evidence: evidence)
    }

    public mutating func set(_ name: String, _ value: String, confidence: Double, evidence: [Evidence]) {
        set(name, .text(value), confidence: confidence, evidence: evidence)
    }

    /// Adds what an extractor that runs later recorded in a result of its own, with the outcome it
    /// would have had recording here: a field is replaced only by a more confident value, and
    /// records follow the ones already here.
    public mutating func append(_ later: ExtractionResult) {
        for (name, field) in later.fields {
            if let existing = fields[name], existing.confidence >= field.confidence { continue }
            fields[name] = field
        }
        exceptions += later.exceptions
        if let testing = later.testing { self.testing = testing }
        controls += later.controls
        csocs += later.csocs
        subserviceOrganizations += later.subserviceOrganizations
        cuecs += later.cuecs
        claims += later.claims
        diagnostics += later.diagnostics
    }
}
