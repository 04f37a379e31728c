import AssayModel
import Foundation

/// The system name (from the opinion's "the description presents Acme's X system that was…" or
/// the SOC 3 "controls within Acme's X were effective") and the trust services categories (the
/// words after "criteria relevant to").
public struct SOCSystemExtractor: DocumentExtractor {
    public var kinds: Set<DocumentKind> { [.soc1, .soc2, .soc3] }

    public init() {}

    public func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws {
        let rules = try SOCFieldRules.load(context)
        let text = context.text as NSString
        let range = SOCText.opinionRange(context, rules: rules, fallbackPages: 8).range
        let organization = result.fields["service_organization"]?.value.display
        // The opinion text is wrapped over lines: search a copy with line breaks folded to spaces, same offsets.
        let flat = SOCText.withoutBidiMarks(text.substring(with: range)).replacingOccurrences(of: "\n", with: " ")
        for (index, pattern) in rules.raw.systemName.enumerated() {
            let regex = try SOCRegex.compile(SOCFieldRules.systemNamePattern(pattern, organization: organization), file: SOCFieldRules.file,
                                             key: "system_name[\(index)]")
            guard let match = SOCRegex.firstMatch(regex, flat) else { continue }
            var name = SOCText.cleanName((flat as NSString).substring(with: match.range(at: 1)))
            var nameRange = match.range(at: 1)
            // "Acme's Acme Ledger": the short-name possessive belongs to the sentence, not the name.
            if let possessive = SOCRegex.firstMatch(rules.systemNamePossessive, name), possessive.range.length < (name as NSString).length {
                let cut = possessive.range.length
                name = (name as NSString).substring(from: cut)
                nameRange = NSRange(location: nameRange.location + cut, length: max(0, nameRange.length - cut))
            }
            guard (2...10).contains(name.split(separator: " ").count) else { continue }
            let at = NSRange(location: range.location + nameRange.location, length: nameRange.length)
            if let evidence = context.evidence(for: at) {
                result.set("system_name", name, confidence: index == 0 && organization != nil ? 0.93 : 0.85, evidence: [evidence])
            }
            break
        }
        if context.kind != .soc1 {
            let searchRange = SOCText.range(context, pages: 1, min(context.section("auditor_opinion")?.lastPage ?? 6, 8))
            let flatAll = SOCText.withoutBidiMarks(text.substring(with: searchRange)).replacingOccurrences(of: "\n", with: " ")
            var counts: [[String]: (Int, NSRange)] = [:]
            for match in rules.categoriesLead.matches(in: flatAll, range: NSRange(location: 0, length: (flatAll as NSString).length)) {
                let list = (flatAll as NSString).substring(with: match.range(at: 1))
                let found = rules.categories.filter { SOCRegex.matches($0.1, list) }.map(\.0)
                guard !found.isEmpty else { continue }
                let at = NSRange(location: searchRange.location + match.range(at: 1).location, length: match.range(at: 1).length)
                counts[found, default: (0, at)].0 += 1
            }
            // A list cut short by a line or page break is a subset of the full one: when every list found is
            // part of the largest, the largest is the answer; otherwise the list stated most often.
            let largest = counts.max { ($0.key.count, -$0.value.1.location) < ($1.key.count, -$1.value.1.location) }
            let nested = largest.map { big in counts.keys.allSatisfy { Set($0).isSubset(of: Set(big.key)) } } ?? false
            let chosen = nested ? largest : counts.max(by: { a, b in
                // The list stated most often, then the longest, then the first printed (a dictionary's order varies by run).
                (a.value.0, a.key.count, -a.value.1.location) < (b.value.0, b.key.count, -b.value.1.location)
            })
            if let best = chosen,
               let evidence = context.evidence(for: best.value.1) {
                let order = ["security", "availability", "processing_integrity", "confidentiality", "privacy"]
                let sorted = best.key.sorted { (order.firstIndex(of: $0) ?? 9) < (order.firstIndex(of: $1) ?? 9) }
                result.set("trust_services_categories", .list(sorted), confidence: nested && counts.count <= 2 || best.value.0 >= 2 ? 0.93 : 0.85, evidence: [evidence])
            }
        }
    }
}
