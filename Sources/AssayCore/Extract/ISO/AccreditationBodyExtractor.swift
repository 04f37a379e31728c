import AssayModel
import Foundation

/// The accreditation body named in the certificate's text: after "accredited by", else the acronym or
/// full name of a known body printed in or beside the accreditation mark. When the text names none,
/// a diagnostic says so; `AccreditationMarkExtractor` may then read the mark's picture.
struct AccreditationBodyExtractor: CertificatePartExtractor {
    func extract(_ certificate: CertificateContext, into result: inout ExtractionResult) throws {
        let context = certificate.document
        let layouts = certificate.layouts
        let bodies = certificate.accreditation
        let text = context.text as NSString
        // "Accredited by the <name> (<acronym>)": the body as the certificate names it.
        let regex = try certificate.rules.compiled(Self.byPattern(certificate.rules), key: "accredited_by", options: [.caseInsensitive])
        if let match = regex.firstMatch(in: context.text, range: NSRange(location: 0, length: text.length)) {
            let name = text.substring(with: match.range(at: 1)).trimmingCharacters(in: .whitespaces)
            let normalized = Matching.normalizedName(name)
            let isKnown = bodies.bodies.contains { body in
                body.acronym == name || body.names.contains { Matching.normalizedName($0) == normalized }
            }
            if isKnown || name.split(separator: " ").count <= 8 {
                result.set("accreditation_body", name, confidence: isKnown ? 0.93 : 0.6,
                           evidence: context.evidence(for: match.range).map { [$0] } ?? [])
                return
            }
        }
        // Otherwise the acronym or name printed in or beside the accreditation mark.
        var found: (String, [PlacedWord])?
        // Each name folded once, not once per segment (folding was most of this loop's time).
        let names = bodies.bodies.map { body in
            body.names.map { (name: $0, compact: LabelText.compact($0)) }.filter { $0.compact.count >= 8 }
        }
        outer: for layout in layouts {
            for segment in layout.segments {
                let words = segment.words.map { $0.text.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:()")) }
                let text = LabelText.compact(segment.text)
                for (body, names) in zip(bodies.bodies, names) {
                    if body.acronymAlone != false, let index = words.firstIndex(of: body.acronym) {
                        found = (body.acronym, [segment.words[index]])
                        break outer
                    }
                    for (name, compact) in names where text.contains(compact) {
                        found = (name, segment.words)
                        break outer
                    }
                }
            }
        }
        if let found {
            result.set("accreditation_body", found.0, confidence: 0.92, evidence: context.evidence(words: found.1))
        } else {
            result.diagnostics.append(Diagnostic(level: .info, code: "accreditation_not_in_text",
                message: "No accreditation body is named in the certificate's text; an accreditation mark, if printed, is an image that could not be read."))
        }
    }

    /// "(?:accredited by|…)\\s+(?:the\\s+|…)?(name)": a phrase of `accredited_by`, an optional article
    /// of `accredited_by_articles`, then the name up to the end of its clause.
    static func byPattern(_ rules: CertificateRules) -> String {
        let phrases = rules.accreditedBy.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
        let articles = rules.accreditedByArticles.map { NSRegularExpression.escapedPattern(for: $0) + "\\s+" }.joined(separator: "|")
        return "(?:\(phrases))\\s+(?:\(articles))?([^\\n.(,;]{2,90})"
    }
}
