import AssayModel
import Foundation

/// The review period of a Type II report (or SOC 3), or the as-of date of a Type I report, read
/// from "throughout the period X to Y" / "as of X" in the auditor's report. The period stated most
/// often wins; agreement between several statements raises the confidence.
public struct SOCPeriodExtractor: DocumentExtractor {
    public var kinds: Set<DocumentKind> { [.soc1, .soc2, .soc3] }

    public init() {}

    public func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws {
        let rules = try SOCFieldRules.load(context)
        let text = context.text as NSString
        let order = context.slashOrder ?? .monthFirst
        let range = SOCText.range(context, section: "auditor_opinion", fallbackPages: 8)
        let hasSection = context.section("auditor_opinion") != nil
        if context.type == .type1 {
            var votes: [ISODate: (count: Int, range: NSRange)] = [:]
            for match in rules.asOf.matches(in: context.text, range: range) {
                let window = NSRange(location: match.range.location + match.range.length,
                                     length: min(40, text.length - match.range.location - match.range.length))
                guard let date = context.dates.firstDate(in: text.substring(with: window), slashOrder: order),
                      date.range.location == 0 else { continue }
                let at = NSRange(location: window.location, length: date.range.length)
                votes[date.date, default: (0, at)].count += 1
            }
            if let best = votes.max(by: { ($0.value.count, -$0.value.range.location) < ($1.value.count, -$1.value.range.location) }), let evidence = context.evidence(for: best.value.range) {
                result.set("as_of_date", best.key.description, confidence: best.value.count >= 2 && hasSection ? 0.96 : 0.85, evidence: [evidence])
            }
            return
        }
        struct Vote { var count: Int; var range: NSRange; var ambiguous: Bool }
        var votes: [String: Vote] = [:]
        for match in rules.period.matches(in: context.text, range: range) {
            let from = match.range.location + match.range.length
            let window = NSRange(location: from, length: min(80, text.length - from))
            let dates = context.dates.dates(in: text.substring(with: window), slashOrder: order)
            guard dates.count >= 2, dates[0].range.location <= 2 else { continue }
            let between = (text.substring(with: window) as NSString).substring(
                with: NSRange(location: dates[0].range.location + dates[0].range.length,
                              length: dates[1].range.location - dates[0].range.location - dates[0].range.length))
            guard rules.periodSeparator.firstMatch(in: between, range: NSRange(location: 0, length: (between as NSString).length)) != nil,
                  between.count <= 12, dates[0].date < dates[1].date else { continue }
            let key = "\(dates[0].date)|\(dates[1].date)"
            let at = NSRange(location: from + dates[0].range.location,
                             length: dates[1].range.location + dates[1].range.length - dates[0].range.location)
            var vote = votes[key] ?? Vote(count: 0, range: at, ambiguous: dates[0].isAmbiguous || dates[1].isAmbiguous)
            vote.count += 1
            votes[key] = vote
        }
        // The period stated most often; between periods stated as often, the first printed (a dictionary's
        // order varies from run to run), with less confidence, since the document names rival periods.
        guard let best = votes.max(by: { ($0.value.count, -$0.value.range.location) < ($1.value.count, -$1.value.range.location) }),
              let evidence = context.evidence(for: best.value.range) else { return }
        let parts = best.key.split(separator: "|").map(String.init)
        guard parts.count == 2 else { return }
        var confidence = best.value.count >= 2 ? 0.96 : 0.88
        if !hasSection { confidence -= 0.05 }
        if votes.values.filter({ $0.count == best.value.count }).count > 1 { confidence = min(confidence, 0.7) }
        if best.value.ambiguous && context.slashOrder == nil { confidence = 0.6 }
        result.set("period_start", parts[0], confidence: confidence, evidence: [evidence])
        result.set("period_end", parts[1], confidence: confidence, evidence: [evidence])
    }
}
