import AssayModel
import Foundation

/// The reference to the Statement of Applicability an ISO/IEC 27001 certificate is issued against
/// ("Statement of Applicability version 3.1 dated …"): the rest of the line from the phrase, with a
/// date that runs over the line end. A reference with a version or date is surer than the bare phrase.
struct StatementOfApplicabilityExtractor: CertificatePartExtractor {
    func extract(_ certificate: CertificateContext, into result: inout ExtractionResult) {
        let context = certificate.document
        let rules = certificate.rules
        let alternatives = rules.soaPhrases.map { phrase in
            phrase.split(separator: " ").map { NSRegularExpression.escapedPattern(for: String($0)).replacingOccurrences(of: "'", with: "['’]") }
                .joined(separator: "\\s+")
        }.joined(separator: "|")
        guard let regex = try? NSRegularExpression(pattern: "(?:\(alternatives))", options: [.caseInsensitive]) else { return }
        let text = context.text as NSString
        var best: (String, NSRange, Double)?
        for match in regex.matches(in: context.text, range: NSRange(location: 0, length: text.length)) {
            var end = text.range(of: "\n", options: [], range: NSRange(location: match.range.location, length: text.length - match.range.location)).location
            if end == NSNotFound { end = text.length }
            // A date broken over the line end ("dated 12 February" / "2024.") belongs to the reference.
            let window = NSRange(location: match.range.location, length: min(text.length, end + 40) - match.range.location)
            for mention in context.dates.dates(in: text.substring(with: window))
            where match.range.location + mention.range.location < end && match.range.location + NSMaxRange(mention.range) > end {
                end = match.range.location + NSMaxRange(mention.range)
            }
            var value = text.substring(with: NSRange(location: match.range.location, length: end - match.range.location))
                .foldedWhitespace
            while let last = value.last, ".,;".contains(last) { value.removeLast() }
            let hasDetail = context.dates.firstDate(in: value) != nil || value.range(of: "\\d", options: .regularExpression) != nil
            let confidence = hasDetail ? 0.9 : 0.5
            if best == nil || confidence > best?.2 ?? 0 {
                best = (value, NSRange(location: match.range.location, length: end - match.range.location), confidence)
            }
        }
        guard let best, best.0.count > 10 else { return }
        result.set("soa_reference", best.0, confidence: best.2, evidence: context.evidence(for: best.1).map { [$0] } ?? [])
    }
}
