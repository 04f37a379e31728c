import AssayModel
import Foundation

/// Reads issue and expiry dates from a validity sentence when no label gave them: "valid from
/// 11 June 2025 to 10 June 2028", "válido desde el 3 de marzo de 2023 hasta el 2 de marzo
/// de 2026". The start of validity is taken as the issue date (the date this
/// certificate took effect), at a lower confidence than a labelled one.
struct ValiditySentence {
    let from: [String]
    let to: Set<String>

    init(rules: CertificateRules) {
        from = (rules.validityFrom ?? []).map { $0.lowercased() }.sorted { $0.count > $1.count }
        to = Set((rules.validityTo ?? []).map { Self.squeeze($0) })
    }

    func read(_ context: DocumentContext, into result: inout ExtractionResult) {
        guard !from.isEmpty, !to.isEmpty, result.fields["issue_date"] == nil || result.fields["expiry_date"] == nil else { return }
        let text = context.text as NSString
        let mentions = context.dates.dates(in: context.text, slashOrder: context.slashOrder ?? .dayFirst)
        for (start, end) in zip(mentions, mentions.dropFirst()) {
            let gapStart = NSMaxRange(start.range)
            guard end.range.location > gapStart, end.range.location - gapStart <= 16 else { continue }
            let between = Self.squeeze(text.substring(with: NSRange(location: gapStart, length: end.range.location - gapStart)))
            guard to.contains(between), end.date > start.date else { continue }
            let lead = max(0, start.range.location - 40)
            let before = text.substring(with: NSRange(location: lead, length: start.range.location - lead)).lowercased()
                .trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ":")))
            guard from.contains(where: { phrase in
                before.hasSuffix(phrase) && (before.count == phrase.count || before.dropLast(phrase.count).last.map { !$0.isLetter } == true)
            }) else { continue }
            let range = NSRange(location: start.range.location, length: NSMaxRange(end.range) - start.range.location)
            let evidence = context.evidence(for: range).map { [$0] } ?? []
            result.set("issue_date", start.date.description, confidence: 0.8, evidence: evidence)
            result.set("expiry_date", end.date.description, confidence: 0.85, evidence: evidence)
            return
        }
    }

    /// Lower-case letters only: "hasta el" and " hasta  el " compare equal.
    static func squeeze(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0 == "'" })
    }
}
