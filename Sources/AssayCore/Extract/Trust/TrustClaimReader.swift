import AssayModel
import Foundation

/// A scheme the page says its vendor holds, with where it says so.
struct TrustClaim: Sendable {
    var mention: TrustScheme.Mention
    var kind: String
    var isItem: Bool
    var confidence: Double
    var evidence: [Evidence]
    var latest: ISODate?
    var expiry: ISODate?
    /// The text the claim was read from (the item and its card, or the sentence).
    var statement: String
}

/// Decides which schemes named on a trust page are claims. Two layouts carry a claim: a list of
/// items (a short line that names the scheme, or a bullet that starts with it, with a card of
/// lines under it) and a sentence that says the vendor holds it. Vague mentions are not claims: a
/// card or sentence that puts it off ("we target", "in progress"), a sentence that only follows the
/// standard ("aligned with", "recommended by") or gives it to the hosting provider ("our data
/// centres are ISO 27001 certified"), and a sentence without a word of holding ("SOC 2 compliant").
struct TrustClaimReader: Sendable {
    let rules: TrustPageRules
    let schemes: [TrustScheme]
    private let cues: [NSRegularExpression]
    private let negations: [NSRegularExpression]
    private let alignment: [NSRegularExpression]
    private let hosting: [NSRegularExpression]
    private let vague: [NSRegularExpression]
    /// Where one sentence ends and the next starts (a fixed pattern, compiled with the rules' own).
    private let sentenceEnd: NSRegularExpression

    init(rules: TrustPageRules) throws {
        self.rules = rules
        sentenceEnd = try NSRegularExpression(pattern: "(?<=[\\p{Ll}\\d)»\"”%][.!?])\\s+(?=[\\p{Lu}\\d«\"“(])|(?<=[。！？])")
        schemes = try rules.schemes.enumerated().map { try TrustScheme($0.element, index: $0.offset) }
        /// `words`: phrases matched from a word start; `whole`: … and to a word end ("target" is not "targeted").
        func compile(_ patterns: [String], key: String, words: Bool, whole: Bool = false) throws -> [NSRegularExpression] {
            try patterns.enumerated().map { index, pattern in
                do {
                    // Scripts without spaces between words (Japanese, Chinese) have no word boundaries to ask for.
                    let latin = pattern.unicodeScalars.first.map { $0.properties.isAlphabetic && $0.value < 0x2E80 } ?? false
                    let phrase = (latin ? "(?<![\\p{L}])" : "") + NSRegularExpression.escapedPattern(for: pattern) + (whole && latin ? "(?![\\p{L}])" : "")
                    return try NSRegularExpression(pattern: words ? phrase : pattern, options: [.caseInsensitive])
                } catch {
                    throw RuleError(file: TrustPageRules.file, key: "\(key)[\(index)]", message: "is not a valid regular expression")
                }
            }
        }
        cues = try compile(rules.claimCues, key: "claim_cues", words: false)
        negations = try compile(rules.negations, key: "negations", words: true, whole: true)
        vague = try compile(["^\\W{0,3}(?:" + rules.vague.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|") + ")(?![\\p{L}])"],
                            key: "vague", words: false)
        alignment = try compile(rules.alignment, key: "alignment", words: true)
        hosting = try compile(rules.hosting, key: "hosting", words: false)
    }

    private static func any(_ regexes: [NSRegularExpression], in text: String) -> Bool {
        let range = NSRange(location: 0, length: (text as NSString).length)
        return regexes.contains { $0.firstMatch(in: text, range: range) != nil }
    }

    private static func words(_ text: String) -> Int { text.split(whereSeparator: \.isWhitespace).count }

    /// Every scheme named on each body line.
    func mentions(_ context: DocumentContext) -> [[(TrustScheme, TrustScheme.Mention)]] {
        context.body.map { line in schemes.flatMap { scheme in scheme.mentions(in: line.text).map { (scheme, $0) } } }
    }

    /// The claims, settled (`settle`), and every claim before settling (a bare "SOC 2" sentence
    /// may name the categories its typed item leaves out).
    func read(_ context: DocumentContext) -> (claims: [TrustClaim], all: [TrustClaim]) {
        let lines = context.body
        let named = mentions(context)
        let isItemLine: [Bool] = lines.indices.map { index in
            let text = lines[index].text.trimmingCharacters(in: .whitespaces)
            return !named[index].isEmpty && text.count <= rules.headingMaxLength
                // A short line that ends like a sentence is read as one ("Our platform is aligned with ISO 27017.").
                && Self.words(text) <= rules.itemMaxWords && !["?", ".", "。", "？"].contains(where: { text.hasSuffix($0) })
        }
        var claims: [TrustClaim] = []
        for index in lines.indices where !named[index].isEmpty {
            let line = lines[index]
            let text = line.text as NSString
            let bulletEnd = Self.bulletEnd(line.text)
            let next = (index + 1 < lines.count ? (index + 1..<lines.count).first { isItemLine[$0] } : nil) ?? lines.count
            let card = Array(lines[(index + 1)..<max(index + 1, min(next, index + 1 + rules.cardLines))])
            for (scheme, mention) in named[index] {
                let isItem = isItemLine[index] || bulletEnd == mention.range.location
                var statement: String
                var evidence = [context.evidence(line: line)]
                var dated = line.text
                // "SOC 2 Compliant" as a list item is marketing, not a report.
                let after = text.substring(from: mention.range.location + mention.range.length)
                if isItem, Self.any(vague, in: after) { continue }
                if isItem {
                    guard let read = readItem(at: index, mention: mention, lines: lines, card: card, isItemLine: isItemLine) else { continue }
                    statement = read
                    dated = ([line] + card).map(\.text).joined(separator: "\n")
                } else {
                    guard scheme.rule.itemOnly != true, let sentence = readSentence(line.text, mention: mention) else { continue }
                    statement = text.substring(with: sentence)
                    evidence = context.evidence(for: NSRange(location: context.lineStart(index) + sentence.location, length: sentence.length))
                        .map { [$0] } ?? evidence
                    dated = statement
                }
                let dates = context.dates.dates(in: dated, slashOrder: context.slashOrder ?? .dayFirst)
                let latest = dates.max { $0.date < $1.date }
                var expiry: DateMention?
                let lowered = dated.lowercased() as NSString
                for cue in rules.expiryCues {
                    let range = lowered.range(of: cue)
                    guard range.location != NSNotFound else { continue }
                    if let after = dates.first(where: { $0.range.location >= range.location }) { expiry = after; break }
                }
                // The line that states the date, when another, backs it.
                if isItem, let mention = expiry ?? latest {
                    var offset = 0
                    for (position, cardLine) in ([line] + card).enumerated() {
                        let length = (cardLine.text as NSString).length + 1
                        if mention.range.location >= offset, mention.range.location < offset + length, position > 0 {
                            evidence.append(context.evidence(line: cardLine))
                            break
                        }
                        offset += length
                    }
                }
                claims.append(TrustClaim(mention: mention, kind: scheme.rule.kind, isItem: isItem,
                                         confidence: isItem ? (latest == nil ? 0.75 : 0.85) : 0.75,
                                         evidence: evidence, latest: latest?.date, expiry: expiry?.date, statement: statement))
            }
        }
        return (Self.settle(claims, mentions: named.flatMap { $0.map(\.1) }), claims)
    }

    /// The statement an item is held by (the item, its card's sentences, a short label above), or
    /// nil when the card puts it off, the list is opened as standards followed or planned, or the
    /// item gives it to the hosting provider.
    private func readItem(at index: Int, mention: TrustScheme.Mention, lines: [BodyLine], card: [BodyLine], isItemLine: [Bool]) -> String? {
        let line = lines[index]
        // Short labels ("In progress") sit above the next card's item, so only the one right above counts.
        var statements = [line.text] + card.filter { Self.words($0.text) >= 5 }.map(\.text)
        if index > 0, Self.words(lines[index - 1].text) <= 3 { statements.append(lines[index - 1].text) }
        let statement = statements.joined(separator: "\n")
        if Self.any(negations, in: statement) { return nil }
        // A list introduced as standards followed or planned ("Frameworks we align with:") lists no
        // claims: look past the list's other items to the line that opens it.
        var up = index - 1
        while up >= 0, index - up <= 12, isItemLine[up] || Self.bulletEnd(lines[up].text) != nil { up -= 1 }
        if up >= 0, index - up <= 12 {
            let intro = lines[up].text.trimmingCharacters(in: .whitespaces)
            if intro.hasSuffix(":") || Self.words(intro) <= 5, Self.any(negations, in: intro) || Self.any(alignment, in: intro) { return nil }
        }
        // The item, or a card sentence about the same scheme, may give it to the hosting provider.
        let hosted = Self.any(hosting, in: line.text) || card.contains { cardLine in
            schemes.flatMap { $0.mentions(in: cardLine.text) }.filter { $0.group == mention.group }.contains { other in
                Self.any(hosting, in: (cardLine.text as NSString).substring(with: sentence(in: cardLine.text, around: other.range)))
            }
        }
        return hosted ? nil : statement
    }

    /// The range of the sentence that says the vendor holds the scheme, or nil when it has no word
    /// of holding, puts it off, only follows it, or is on a line about the hosting provider.
    private func readSentence(_ line: String, mention: TrustScheme.Mention) -> NSRange? {
        let range = sentence(in: line, around: mention.range)
        let sentence = (line as NSString).substring(with: range)
        guard Self.any(cues, in: sentence), !Self.any(negations, in: sentence), !Self.any(alignment, in: sentence),
              !Self.any(hosting, in: line) else { return nil }
        return range
    }

    /// One claim per scheme: a qualified claim ("SOC 2 Type II", "ISO/IEC 27001:2022") makes the bare
    /// ones of its group redundant; a bare ISO claim takes the edition the page names for that
    /// standard when it names exactly one; repeated names are kept once.
    static func settle(_ claims: [TrustClaim], mentions: [TrustScheme.Mention]) -> [TrustClaim] {
        let qualifiedGroups = Set(claims.filter { $0.mention.isQualified }.map(\.mention.group))
        var settled: [TrustClaim] = []
        var seen: Set<String> = []
        for var claim in claims {
            if !claim.mention.isQualified, qualifiedGroups.contains(claim.mention.group) { continue }
            if claim.kind == "iso_certificate", !claim.mention.isQualified {
                let editions = Set(mentions.filter { $0.group == claim.mention.group && $0.isQualified }.map(\.name))
                if editions.count == 1, let edition = editions.first {
                    claim.mention.name = edition
                    claim.confidence -= 0.1
                }
            }
            guard seen.insert(claim.mention.name.lowercased()).inserted else { continue }
            settled.append(claim)
        }
        return settled
    }

    /// Where the text after a leading bullet ("- ", "• ") starts, when the line has one.
    static func bulletEnd(_ text: String) -> Int? {
        let ns = text as NSString
        var index = 0
        var sawBullet = false
        while index < ns.length {
            guard let scalar = Unicode.Scalar(ns.character(at: index)) else { break }
            if "-–•*·▪◦‣".unicodeScalars.contains(scalar) { sawBullet = true } else if !CharacterSet.whitespaces.contains(scalar) { break }
            index += 1
        }
        return sawBullet ? index : nil
    }

    /// The sentence of `text` that holds `range`.
    func sentence(in text: String, around range: NSRange) -> NSRange {
        let ns = text as NSString
        var start = 0, end = ns.length
        for boundary in sentenceEnd.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let cut = boundary.range.location + boundary.range.length
            if cut <= range.location { start = cut } else if boundary.range.location >= range.location + range.length { end = boundary.range.location; break }
        }
        return NSRange(location: start, length: max(0, end - start))
    }
}
