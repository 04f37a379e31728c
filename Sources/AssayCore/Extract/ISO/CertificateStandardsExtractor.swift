import AssayModel
import Foundation

/// The standards certified, with their editions ("ISO/IEC 27001:2022"): designations that stand at
/// the start of a line are preferred to ones mentioned inside a sentence; standards that govern
/// certification bodies (ISO/IEC 17021) are never taken.
struct CertificateStandardsExtractor: CertificatePartExtractor {
    func extract(_ certificate: CertificateContext, into result: inout ExtractionResult) throws {
        let context = certificate.document
        let layouts = certificate.layouts
        let rules = certificate.rules
        let regex = try rules.compiled(rules.standardPattern, key: "standard_pattern")
        var standalone: [(String, [PlacedWord])] = []
        var inline: [(String, [PlacedWord])] = []
        for layout in layouts {
            for segment in layout.segments {
                let text = segment.text
                let ns = text as NSString
                for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                    let number = ns.substring(with: match.range(at: 2))
                    guard !rules.notCertified.contains(number) else { continue }
                    let prefix = ns.substring(with: match.range(at: 1)).replacingOccurrences(of: " ", with: "")
                    let designation = "\(prefix) \(number):\(ns.substring(with: match.range(at: 3)))"
                    let entry = (designation, segment.words)
                    if match.range.location == 0 { standalone.append(entry) } else { inline.append(entry) }
                }
            }
        }
        let chosen = standalone.isEmpty ? inline : standalone
        var seen: [String] = []
        var evidence: [Evidence] = []
        for (designation, words) in chosen where !seen.contains(designation) {
            seen.append(designation)
            evidence += context.evidence(words: words, limit: 1)
        }
        guard !seen.isEmpty else { return }
        result.set("standards", .list(seen), confidence: standalone.isEmpty ? 0.7 : 0.95, evidence: evidence)
    }
}
