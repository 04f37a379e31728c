import AssayModel
import Foundation

/// Reads a certificate of another scheme (Cyber Essentials, CSA STAR, PCI DSS AoC, C5, TISAX,
/// HITRUST): the scheme from the first pattern of `other/schemes.yaml` that the text matches, then
/// the certificate fields with the ISO certificate reader and the scheme's extra labels.
///
/// Such certificates are often a picture with only the filled-in values as text; their labels are
/// then words OCR added beside the text layer, and a logo read by OCR ("certification body") is
/// given a low confidence.
public struct OtherAssuranceExtractor: DocumentExtractor {
    public init() {}

    public var kinds: Set<DocumentKind> { [.otherAssurance] }

    public func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws {
        let other = try context.rules.load(OtherAssuranceRules.self, from: OtherAssuranceRules.file)
        let base = try context.rules.load(CertificateRules.self)
        let certificate = try ISOCertificateExtractor().extract(context, rules: other.extending(base), into: &result)
        // A scheme's certificate is not for an ISO standard it may mention in passing.
        result.fields["standards"] = nil
        let text = context.text as NSString
        for (scheme, regex) in try other.compiledSchemes() {
            guard let match = regex.firstMatch(in: context.text, range: NSRange(location: 0, length: text.length)) else { continue }
            let evidence = context.evidence(for: match.range).map { [$0] } ?? []
            result.set("scheme", scheme.scheme, confidence: 0.9, evidence: evidence)
            result.set("standards", .list([scheme.standard]), confidence: 0.9, evidence: evidence)
            break
        }
        readTextLabels(context, layouts: certificate?.layouts ?? [], labels: other.textLabelList(base), into: &result)
    }

    /// Values printed beside or below a text label ("SCOPE : Whole Company"; a logo under
    /// "CERTIFICATION BODY"), on the pages as the certificate reader laid them out.
    private func readTextLabels(_ context: DocumentContext, layouts: [PageLayout], labels: [(field: String, label: String, compact: String)],
                                into result: inout ExtractionResult) {
        let pairing = LabelPairing(layouts: layouts, labels: labels)
        let textFields: Set<String> = ["scope", "certification_body", "organization"]
        for hit in pairing.hits where textFields.contains(hit.field) && result.fields[hit.field] == nil {
            for candidate in pairing.candidates(for: hit) {
                var words = candidate
                while let last = words.last, Self.clean(last.text).isEmpty { words.removeLast() }
                let value = words.map(\.text).joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " :;,.\"'“”’|"))
                guard value.filter(\.isLetter).count >= 3, context.dates.firstDate(in: value) == nil else { continue }
                // The issuer is usually a logo under its label: its lettering read by OCR is a guess.
                let confidence = hit.field == "certification_body" ? 0.6 : 0.85
                result.set(hit.field, value, confidence: confidence, evidence: context.evidence(words: words))
                break
            }
        }
    }

    private static func clean(_ text: String) -> String {
        text.trimmingCharacters(in: CharacterSet.alphanumerics.inverted)
    }
}
