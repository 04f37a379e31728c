import AssayModel
import Foundation

/// The auditor's opinion — unqualified, qualified, adverse or disclaimer — read from the opinion
/// paragraph ("In our opinion, except for…" is qualified) and its heading ("Adverse Opinion").
public struct SOCOpinionExtractor: DocumentExtractor {
    public var kinds: Set<DocumentKind> { [.soc1, .soc2, .soc3] }

    public init() {}

    public func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws {
        let rules = try SOCFieldRules.load(context)
        let text = context.text as NSString
        let (range, hasSection) = SOCText.opinionRange(context, rules: rules)
        guard let start = rules.opinionStart.firstMatch(in: context.text, range: range) else {
            // A disclaimer may have no "In our opinion" at all.
            let whole = text.substring(with: range).lowercased()
            if let phrase = rules.raw.opinion.disclaimer.first(where: { whole.contains($0) }) {
                let at = (whole as NSString).range(of: phrase)
                if let evidence = context.evidence(for: NSRange(location: range.location + at.location, length: at.length)) {
                    result.set("opinion", "disclaimer", confidence: 0.8, evidence: [evidence])
                }
            }
            return
        }
        let end = min(range.location + range.length, start.range.location + 500)
        let paragraphRange = NSRange(location: start.range.location, length: end - start.range.location)
        let paragraph = SOCText.withoutBidiMarks(text.substring(with: paragraphRange)).lowercased().foldedWhitespace
        // The heading just above the paragraph ("Qualified Opinion", "Adverse Opinion").
        let headingWindow = NSRange(location: max(range.location, start.range.location - 120),
                                    length: start.range.location - max(range.location, start.range.location - 120))
        let heading = rules.opinionHeading.matches(in: context.text, range: headingWindow).last
            .flatMap { SOCRegex.group($0, 1, in: text)?.lowercased() } ?? ""
        let opinion: String
        if heading.hasPrefix("disclaimer") || rules.raw.opinion.disclaimer.contains(where: paragraph.contains) {
            opinion = "disclaimer"
        } else if heading == "adverse" || rules.raw.opinion.adverse.contains(where: paragraph.contains) {
            opinion = "adverse"
        } else if heading == "qualified" || rules.raw.opinion.qualified.contains(where: paragraph.contains) {
            opinion = "qualified"
        } else {
            opinion = "unqualified"
        }
        let headingAgrees = heading.isEmpty || rules.raw.opinion.unmodified.contains(heading) ? opinion == "unqualified" || heading.isEmpty : true
        guard let evidence = context.evidence(for: NSRange(location: start.range.location,
                                                           length: min(200, SOCText.lineEnd(context, at: start.range.location) - start.range.location))) else { return }
        result.set("opinion", opinion, confidence: hasSection && headingAgrees ? 0.95 : 0.82, evidence: [evidence])
    }
}
