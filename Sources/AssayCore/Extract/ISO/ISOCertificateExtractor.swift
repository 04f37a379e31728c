import AssayModel
import Foundation

/// Reads an ISO management-system certificate: a designed page where labels and values sit side by
/// side or in columns. Values are paired with labels by word geometry (`LabelPairing`); the
/// organisation is the name under "This is to certify that"; the scope is the text block under its
/// heading; sites come from the address and from any annex table.
///
/// One registry entry that runs the certificate's parts, one per job, in a fixed order over one
/// `CertificateContext`: the holder is read before the parts that must tell it apart from other names
/// (sites, issuer), and the scope before the issuer (a group company named in the scope is no issuer).
public struct ISOCertificateExtractor: DocumentExtractor {
    public init() {}

    public var kinds: Set<DocumentKind> { [.isoCertificate] }

    public func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws {
        let rules = try context.rules.load(CertificateRules.self, from: "iso/certificate.yaml")
        try extract(context, rules: rules, into: &result)
    }

    /// Reads a certificate with the given layout rules (another scheme's certificate adds its labels),
    /// and returns the context it read with (nil when no page has words), for a caller that reads more.
    @discardableResult
    func extract(_ context: DocumentContext, rules: CertificateRules, into result: inout ExtractionResult) throws -> CertificateContext? {
        guard var certificate = try CertificateContext(context, rules: rules) else { return nil }
        try CertificateNumberExtractor().extract(certificate, into: &result)
        try CertificateDatesExtractor().extract(certificate, into: &result)
        certificate.holder = try CertificateHolderExtractor().holder(certificate, into: &result)
        CertificateScopeExtractor().extract(certificate, into: &result)
        try CertificateStandardsExtractor().extract(certificate, into: &result)
        StatementOfApplicabilityExtractor().extract(certificate, into: &result)
        try CertificateLocationsExtractor().extract(certificate, into: &result)
        CertificationBodyExtractor().extract(certificate, into: &result)
        try AccreditationBodyExtractor().extract(certificate, into: &result)
        return certificate
    }
}
