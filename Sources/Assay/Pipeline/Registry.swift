import AssayModel

/// Finds sections (and other structure) before extraction; writes into the context.
public protocol DocumentSegmenter: Sendable {
    var kinds: Set<DocumentKind> { get }
    func segment(_ context: DocumentContext) throws
}

/// Turns the extracted document into findings and obligations.
public protocol DocumentMapper: Sendable {
    func map(_ context: DocumentContext, document: inout AssayDocument) throws
}

/// The one table of stages: which segmenters, extractors and mappers run, in order.
enum Registry {
    static let segmenters: [DocumentSegmenter] = [SOCSectionSegmenter()]
    static let extractors: [DocumentExtractor] = [ISOCertificateExtractor(), OtherAssuranceExtractor(), AuditReportExtractor(), AccreditationMarkExtractor(), BridgeLetterExtractor(), TrustPageExtractor(), SOCPartiesExtractor(), SOCOpinionExtractor(), SOCSchemeExtractor(), SOCPeriodExtractor(), SOCSystemExtractor(), SOCScopeExtractor(), SOCSubserviceExtractor(), SOCCUECExtractor(), SOCCSOCExtractor(),
                                                     // Independent, and the slowest: last, so it runs alongside the rest.
                                                     SOCExceptionExtractor()]
    static let mappers: [DocumentMapper] = [FindingsMapper(), ReliabilityMapper(), ClausesMapper(), ObligationsMapper(), CUECReconciliationMapper()]
}
