import AssayModel
import Foundation

/// Reads a trust-centre page: the vendor (`organization`, and `service_organization` for the vendor
/// view), the schemes it claims (`standards`, as the page writes them, and one `claims[]` entry
/// each, with the period end or expiry its card gives), and the trust services categories named
/// beside a SOC 2 claim. Which mentions are claims is `TrustClaimReader`'s job.
public struct TrustPageExtractor: DocumentExtractor {
    public init() {}

    public var kinds: Set<DocumentKind> { [.trustPage] }

    public func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws {
        let compiled = try TrustPageRules.Compiled.shared(context.rules)
        let rules = compiled.rules
        let certificate = try context.rules.load(CertificateRules.self)
        let reader = compiled.reader
        let organizations = compiled.organizations
        if let vendor = organizations.read(context, title: DocumentClassifier.title(context)) {
            let evidence = vendor.evidence.map { [$0] } ?? []
            result.set("organization", vendor.name, confidence: vendor.confidence, evidence: evidence)
            result.set("service_organization", vendor.name, confidence: vendor.confidence, evidence: evidence)
        }

        let read = reader.read(context)
        let claims = read.claims.filter { claim in
            // Standards the certificate rules know are never certified (codes of practice) are not claims.
            !(claim.kind == "iso_certificate" && certificate.notCertified.contains { claim.mention.name.contains($0) })
        }
        guard !claims.isEmpty else { return }
        result.set("standards", .list(claims.map(\.mention.name)), confidence: min(0.85, claims.map(\.confidence).min() ?? 0.7),
                   evidence: claims.compactMap(\.evidence.first).reduce(into: [Evidence]()) { unique, evidence in
                       if unique.count < 6, !unique.contains(evidence) { unique.append(evidence) }
                   })
        for claim in claims {
            result.claims.append(Self.contractClaim(claim))
        }
        readScope(context, rules: rules, patterns: compiled.scopePatterns, into: &result)
        if let categories = Self.categories(read.all, patterns: compiled.categories) {
            result.set("trust_services_categories", .list(categories.names), confidence: 0.7, evidence: [categories.evidence])
        }
    }

    /// The product the page's claims are about, as its title or opening line names it ("Data
    /// protection paper for the Acme LMS platform"): a page about one product vouches for that
    /// product. Read only from the opening characters, where a page names its subject; a heading
    /// is not a scope statement, hence the modest confidence.
    func readScope(_ context: DocumentContext, rules: TrustPageRules, patterns: [NSRegularExpression], into result: inout ExtractionResult) {
        let window = NSRange(location: 0, length: min((context.text as NSString).length, rules.scopeWindow))
        for regex in patterns {
            guard let match = regex.firstMatch(in: context.text, range: window), match.numberOfRanges > 1 else { continue }
            let range = match.range(at: 1)
            guard range.location != NSNotFound, let evidence = context.evidence(for: range) else { continue }
            let value = (context.text as NSString).substring(with: range).foldedWhitespace
            result.set("scope", value, confidence: 0.7, evidence: [evidence])
            return
        }
    }

    /// The `claims[]` entry of a claim: SOC reports by number and type, ISO certificates by
    /// designation, other schemes by name.
    static func contractClaim(_ claim: TrustClaim) -> Claim {
        let name = claim.mention.name
        switch claim.kind {
        case "soc":
            let number = claim.mention.group.last
            let kind: DocumentKind = number == "1" ? .soc1 : number == "3" ? .soc3 : .soc2
            // The contract gives SOC 3 reports type2 (they are always on a period).
            let type: ReportType? = kind == .soc3 ? .type2 : name.hasSuffix("Type II") ? .type2 : name.hasSuffix("Type I") ? .type1 : nil
            return Claim(kind: kind, type: type, standard: nil, periodEnd: claim.latest?.description, expiryDate: nil,
                         confidence: claim.confidence, evidence: claim.evidence)
        case "iso_certificate":
            let until = claim.expiry ?? claim.latest
            return Claim(kind: .isoCertificate, type: nil, standard: name, periodEnd: nil, expiryDate: until?.description,
                         confidence: claim.confidence, evidence: claim.evidence)
        default:
            return Claim(kind: .otherAssurance, type: nil, standard: name, periodEnd: nil, expiryDate: claim.expiry?.description,
                         confidence: claim.confidence, evidence: claim.evidence)
        }
    }

    /// The categories a SOC 2 claim's item or sentence names, when it names at least two.
    static func categories(_ claims: [TrustClaim], patterns: [String: [NSRegularExpression]]) -> (names: [String], evidence: Evidence)? {
        let order = ["security", "availability", "processing_integrity", "confidentiality", "privacy"]
        for claim in claims where claim.mention.group == "soc2" {
            let text = claim.statement
            let range = NSRange(location: 0, length: (text as NSString).length)
            let found = order.filter { category in
                (patterns[category] ?? []).contains { $0.firstMatch(in: text, range: range) != nil }
            }
            if found.count >= 2, let evidence = claim.evidence.first { return (found, evidence) }
        }
        return nil
    }
}
