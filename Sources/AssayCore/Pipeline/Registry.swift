import AssayModel

/// The one table of stages: which segmenters, extractors and mappers run, in order.
enum Registry {
    static let segmenters: [DocumentSegmenter] = [SOCSectionSegmenter()]
    static let extractors: [DocumentExtractor] = [ISOCertificateExtractor(), OtherAssuranceExtractor(), AuditReportExtractor(), AccreditationMarkExtractor(), BridgeLetterExtractor(), TrustPageExtractor(), SOCPartiesExtractor(), SOCOpinionExtractor(), SOCSchemeExtractor(), SOCPeriodExtractor(), SOCSystemExtractor(), SOCScopeExtractor(), SOCSubserviceExtractor(), SOCCUECExtractor(), SOCCSOCExtractor(),
                                                     // Independent, and the slowest: last, so it runs alongside the rest.
                                                     SOCExceptionExtractor()]
    static let mappers: [DocumentMapper] = [FindingsMapper(), ReliabilityMapper(), ClausesMapper(), ObligationsMapper(), CUECReconciliationMapper()]
}
