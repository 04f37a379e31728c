import AssayModel
import Foundation

/// One extractor, one job: reads the context and records what it finds into the result.
public protocol DocumentExtractor: Sendable {
    /// The document kinds it applies to.
    var kinds: Set<DocumentKind> { get }
    func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws
}

/// Where extractors record what they find. When two extractors set the same field, the more
/// confident value is kept.
public struct ExtractionResult: Sendable {
    public var fields: [String: Field] = [:]
    public var exceptions: [ExceptionRecord] = []
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
}
