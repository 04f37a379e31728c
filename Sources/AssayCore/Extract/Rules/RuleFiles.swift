import Foundation

/// The rule files of the certificate stage, declared here rather than beside their types so that the
/// certificate extractor's files stay its own.
extension CertificateRules: RuleFile {
    package static let file = "iso/certificate.yaml"
    package static let version = 1
}

extension LegalForms: RuleFile {
    package static let file = "bodies/legal_forms.yaml"
    package static let version = 1
}

extension AccreditationBodies: RuleFile {
    package static let file = "bodies/accreditation.yaml"
    package static let version = 1
}

extension CertificationBodies: RuleFile {
    package static let file = "bodies/certification.yaml"
    package static let version = 1
}

extension CertificateRules {
    /// Compiles every pattern of the file as the certificate stage compiles it, for `assay rules check`:
    /// the stage itself compiles `scope_opening` only when it needs it.
    func checkPatterns() throws {
        func compile(_ pattern: String, _ key: String, _ options: NSRegularExpression.Options) throws {
            do { _ = try NSRegularExpression(pattern: pattern, options: options) } catch {
                throw RuleError(file: Self.file, key: key, message: "is not a valid regular expression")
            }
        }
        try compile(standardPattern, "standard_pattern", [])
        if let scopeOpening { try compile(scopeOpening, "scope_opening", [.caseInsensitive]) }
        try compile(standardPrefix, "standard_prefix", [])
        try compile(standardMention, "standard_mention", [])
        try compile(AccreditationBodyExtractor.byPattern(self), "accredited_by", [.caseInsensitive])
        _ = try SiteLocations(rules: self)
    }
}
