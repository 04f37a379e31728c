import AssayModel
import Foundation

/// What the parts of a certificate reader share: the document, its pages laid out as segments, the
/// labels found on them, and the rule files a certificate is read with. Built once per certificate by
/// `ISOCertificateExtractor` (and, with a scheme's extra labels, by `OtherAssuranceExtractor`).
struct CertificateContext {
    let document: DocumentContext
    let rules: CertificateRules
    let layouts: [PageLayout]
    let pairing: LabelPairing
    let forms: LegalForms
    /// A registered name ending in a legal form (`LegalForms.namePattern()`).
    let namePattern: NSRegularExpression
    let accreditation: AccreditationBodies
    let certification: CertificationBodies
    /// The certified organisation, once `CertificateHolderExtractor` has read it: the parts after it
    /// tell the holder's name and address apart from the issuer's and the sites'.
    var holder: CertificateHolder?

    /// Nil when no page has words to lay out (nothing to read).
    init?(_ context: DocumentContext, rules: CertificateRules) throws {
        let forms = try context.rules.load(LegalForms.self, from: "bodies/legal_forms.yaml")
        let accreditation = try context.rules.load(AccreditationBodies.self, from: "bodies/accreditation.yaml")
        let certification = try context.rules.load(CertificationBodies.self, from: "bodies/certification.yaml")
        let layouts = PageLayout.build(context)
        guard !layouts.isEmpty else { return nil }
        document = context
        self.rules = rules
        self.layouts = layouts
        pairing = LabelPairing(layouts: layouts, labels: rules.orderedLabels)
        self.forms = forms
        namePattern = try forms.namePattern()
        self.accreditation = accreditation
        self.certification = certification
    }

    /// Whether `text` is nothing but a registered name.
    func isCompleteName(_ text: String) -> Bool {
        forms.isName(text, pattern: namePattern)
    }
}

/// The certified organisation: its name as printed, the segment that holds it, and the address lines
/// under it.
struct CertificateHolder {
    var name: String
    var segment: LayoutSegment
    var address: [LayoutSegment]
}

/// One job of reading a certificate: a field, or the fields that are read from the same place.
protocol CertificatePartExtractor {
    func extract(_ certificate: CertificateContext, into result: inout ExtractionResult) throws
}
