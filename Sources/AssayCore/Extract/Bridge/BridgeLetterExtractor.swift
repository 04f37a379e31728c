import AssayModel
import Foundation

/// `extractors/bridge/letter.yaml`.
struct BridgeLetterRules: RuleFile, Sendable {
    package static let file = "bridge/letter.yaml"
    package static let version = 1

    var version: Int
    var rangeConnectors: [String]
    var gapCues: [String]
    var reportCues: [String]
    var futureCues: [String]
    var reportEndPhrases: [String]
    var closings: [String]
    var titleWords: [String]
    var systemPatterns: [String]
    var auditorPatterns: [String]
    var nameLeads: [String]

    /// The letter's patterns, compiled once per rule book: the extractor and `assay rules check`
    /// build the same value, so a broken pattern is reported before a letter is read.
    struct Compiled: Sendable {
        static func shared(_ book: RuleBook) throws -> Compiled {
            try book.built(BridgeLetterRules.file) { try Compiled($0.load(BridgeLetterRules.self)) }
        }

        var rules: BridgeLetterRules
        var reportEndPhrases, systemPatterns, auditorPatterns: [NSRegularExpression]

        init(_ rules: BridgeLetterRules) throws {
            self.rules = rules
            func list(_ patterns: [String], _ key: String, _ options: NSRegularExpression.Options) throws -> [NSRegularExpression] {
                try patterns.enumerated().map { index, pattern in
                    do { return try NSRegularExpression(pattern: pattern, options: options) } catch {
                        throw RuleError(file: BridgeLetterRules.file, key: "\(key)[\(index)]", message: "is not a valid regular expression")
                    }
                }
            }
            reportEndPhrases = try list(rules.reportEndPhrases, "report_end_phrases", [.caseInsensitive])
            systemPatterns = try list(rules.systemPatterns, "system_patterns", [.caseInsensitive, .anchorsMatchLines])
            auditorPatterns = try list(rules.auditorPatterns, "auditor_patterns", [])
        }
    }

    /// The YAML keys are snake_case.
    enum CodingKeys: String, CodingKey {
        case version
        case rangeConnectors = "range_connectors"
        case gapCues = "gap_cues"
        case reportCues = "report_cues"
        case futureCues = "future_cues"
        case reportEndPhrases = "report_end_phrases"
        case closings
        case titleWords = "title_words"
        case systemPatterns = "system_patterns"
        case auditorPatterns = "auditor_patterns"
        case nameLeads = "name_leads"
    }
}

/// Reads a bridge (gap) letter: who wrote it, the letter's date, the gap it covers, the end of the
/// report it bridges, and who signed it.
///
/// Date ranges are told apart by the nearest cue before them in their sentence: "this letter" /
/// "bridge period" marks the gap, "report" / "examination" the bridged report; a sentence about the
/// next examination ("will cover", "next") is neither.
public struct BridgeLetterExtractor: DocumentExtractor {
    public init() {}

    public var kinds: Set<DocumentKind> { [.bridgeLetter] }

    public func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws {
        let compiled = try BridgeLetterRules.Compiled.shared(context.rules)
        let rules = compiled.rules
        let forms = try context.rules.load(LegalForms.self)
        let namePattern = try forms.namePattern()
        let order = context.slashOrder ?? .monthFirst
        let text = context.text
        let ns = text as NSString
        let dates = context.dates.dates(in: text, slashOrder: order)

        // The letter's date: the first date printed on a line of its own.
        if let dated = dates.first(where: { mention in
            let line = context.body[context.bodyIndex(at: mention.range.location)]
            return line.text.trimmingCharacters(in: .whitespaces).count <= mention.text.count + 12
        }) {
            result.set("report_date", dated.date.description, confidence: 0.9, evidence: context.evidence(for: dated.range).map { [$0] } ?? [])
        }

        // Ranges: two dates joined by a connector.
        let connectors = Set(rules.rangeConnectors.map { $0.lowercased() })
        for (first, second) in zip(dates, dates.dropFirst()) {
            let betweenRange = NSRange(location: NSMaxRange(first.range), length: second.range.location - NSMaxRange(first.range))
            guard betweenRange.length >= 0, betweenRange.length <= 12 else { continue }
            let between = ns.substring(with: betweenRange).trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ",")))
            guard connectors.contains(between.lowercased()), first.date < second.date else { continue }
            // The sentence before the range, back to the last full stop.
            let start = max(0, first.range.location - 300)
            var before = ns.substring(with: NSRange(location: start, length: first.range.location - start)).lowercased()
            if let stop = before.range(of: ". ", options: .backwards) { before = String(before[stop.upperBound...]) }
            if let stop = before.range(of: ".\n", options: .backwards) { before = String(before[stop.upperBound...]) }
            if rules.futureCues.contains(where: { before.contains($0) }) { continue }
            func lastPosition(_ cues: [String]) -> String.Index? {
                cues.compactMap { before.range(of: $0, options: .backwards)?.lowerBound }.max()
            }
            let gap = lastPosition(rules.gapCues), report = lastPosition(rules.reportCues)
            let range = NSRange(location: first.range.location, length: NSMaxRange(second.range) - first.range.location)
            let evidence = context.evidence(for: range).map { [$0] } ?? []
            if let gap, report.map({ gap > $0 }) ?? true {
                result.set("period_start", first.date.description, confidence: 0.9, evidence: evidence)
                result.set("period_end", second.date.description, confidence: 0.9, evidence: evidence)
            } else if report != nil {
                result.set("bridged_period_end", second.date.description, confidence: 0.88, evidence: evidence)
            }
        }
        if result.fields["bridged_period_end"] == nil {
            for regex in compiled.reportEndPhrases {
                if let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
                   let date = dates.first(where: { $0.range.location == NSMaxRange(match.range) }) {
                    result.set("bridged_period_end", date.date.description, confidence: 0.8,
                               evidence: context.evidence(for: NSUnionRange(match.range, date.range)).map { [$0] } ?? [])
                    break
                }
            }
        }
        readSignature(context, rules: rules, namePattern: namePattern, forms: forms, into: &result)
        readSystem(context, patterns: compiled.systemPatterns, into: &result)
        readAuditor(context, rules: rules, patterns: compiled.auditorPatterns, into: &result)
    }

    /// The firm that issued the bridged report ("conducted by Acme Group", "Acme prepared the latest
    /// … attestation"). The letter itself is management's; this is the report's auditor.
    private func readAuditor(_ context: DocumentContext, rules: BridgeLetterRules, patterns: [NSRegularExpression], into result: inout ExtractionResult) {
        let ns = context.text as NSString
        let organization = result.fields["service_organization"].map { Matching.normalizedName($0.value.display) }
        for regex in patterns {
            for match in regex.matches(in: context.text, range: NSRange(location: 0, length: ns.length)) {
                guard let raw = SOCRegex.group(match, 1, in: ns) else { continue }
                var name = raw.foldedWhitespace
                for lead in rules.nameLeads where name.hasPrefix(lead) { name.removeFirst(lead.count) }
                let key = Matching.normalizedName(name)
                if key.count < 3 { continue }
                if let organization, !organization.isEmpty, organization.contains(key) || key.contains(organization) { continue }
                result.set("service_auditor", name, confidence: 0.8, evidence: context.evidence(for: match.range(at: 1)).map { [$0] } ?? [])
                return
            }
        }
    }

    /// The system of the bridged report, from the subject line or the report's title.
    private func readSystem(_ context: DocumentContext, patterns: [NSRegularExpression], into result: inout ExtractionResult) {
        let ns = context.text as NSString
        for regex in patterns {
            for match in regex.matches(in: context.text, range: NSRange(location: 0, length: ns.length)) where match.range(at: 1).location != NSNotFound {
                let name = ns.substring(with: match.range(at: 1)).foldedWhitespace
                if name.contains(where: \.isNumber) || name.lowercased().hasPrefix("period") || name.count < 3 { continue }
                result.set("system_name", name, confidence: 0.8, evidence: context.evidence(for: match.range(at: 1)).map { [$0] } ?? [])
                return
            }
        }
    }

    /// The signature block after the closing: the name printed above the title, the title, and
    /// the organisation under them.
    private func readSignature(_ context: DocumentContext, rules: BridgeLetterRules, namePattern: NSRegularExpression,
                               forms: LegalForms, into result: inout ExtractionResult) {
        let body = context.body
        guard let closing = body.lastIndex(where: { line in
            let text = line.text.trimmingCharacters(in: .whitespaces).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ",."))
            return rules.closings.contains(text)
        }) else {
            readOrganizationByFrequency(context, pattern: namePattern, leads: rules.nameLeads, into: &result)
            return
        }
        let block = Array(body[(closing + 1)..<min(body.count, closing + 8)])
        let titleWords = rules.titleWords
        if let titleIndex = block.firstIndex(where: { line in
            let words = line.text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
            return titleWords.contains { word in word.contains(" ") ? line.text.lowercased().contains(word) : words.contains(word) }
        }), titleIndex > 0 {
            let name = block[titleIndex - 1].text.trimmingCharacters(in: .whitespaces)
            let title = block[titleIndex].text.trimmingCharacters(in: .whitespaces)
            result.set("signed_by", "\(name), \(title)", confidence: 0.88,
                       evidence: [context.evidence(line: block[titleIndex - 1]), context.evidence(line: block[titleIndex])])
            if let organization = block[(titleIndex + 1)...].first(where: { forms.isName($0.text, pattern: namePattern) }) {
                result.set("service_organization", organization.text.trimmingCharacters(in: .whitespaces), confidence: 0.92,
                           evidence: [context.evidence(line: organization)])
                return
            }
            // "Brand (Registered Name, Inc)": a trade name with the registered name in brackets.
            if let organization = block[(titleIndex + 1)...].prefix(2).first(where: { line in
                namePattern.firstMatch(in: line.text, range: NSRange(location: 0, length: (line.text as NSString).length)) != nil
                    && line.text.split(separator: " ").count <= 10
            }) {
                result.set("service_organization", organization.text.trimmingCharacters(in: .whitespaces), confidence: 0.85,
                           evidence: [context.evidence(line: organization)])
                return
            }
        } else if let first = block.first, block.count >= 1 {
            // A letter signed by a team or the company alone ("Sincerely, / Acme Security Team"): the line is the organisation's.
            let line = first.text.trimmingCharacters(in: .whitespaces)
            let words = line.split(separator: " ")
            if (1...5).contains(words.count), words.allSatisfy({ $0.first.map { $0.isUppercase || $0.isNumber } ?? false }),
               !line.contains("@"), !line.contains(where: \.isNumber) {
                result.set("service_organization", line, confidence: 0.7, evidence: [context.evidence(line: first)])
                return
            }
        }
        readOrganizationByFrequency(context, pattern: namePattern, leads: rules.nameLeads, into: &result)
    }

    /// Without a signature block: the registered name the letter repeats most.
    private func readOrganizationByFrequency(_ context: DocumentContext, pattern: NSRegularExpression, leads: [String],
                                             into result: inout ExtractionResult) {
        let ns = context.text as NSString
        var counts: [String: (Int, String, NSRange)] = [:]
        for match in pattern.matches(in: context.text, range: NSRange(location: 0, length: ns.length)) {
            var name = ns.substring(with: match.range)
            if name.hasSuffix("LLP") { continue }
            for lead in leads where name.hasPrefix(lead) { name.removeFirst(lead.count) }
            let key = Matching.normalizedName(name)
            let entry = counts[key]
            counts[key] = ((entry?.0 ?? 0) + 1, entry?.1 ?? name, entry?.2 ?? match.range)
        }
        guard let best = counts.values.max(by: { $0.0 != $1.0 ? $0.0 < $1.0 : $0.2.location > $1.2.location }) else { return }
        result.set("service_organization", best.1, confidence: best.0 >= 2 ? 0.8 : 0.6, evidence: context.evidence(for: best.2).map { [$0] } ?? [])
    }
}
