import AssayModel
import Foundation

/// Decides `document.kind` and `type` from weighted patterns in the first pages
/// (`extractors/classify.yaml`). Patterns found in the title count `title_weight` times more; a
/// negative weight is evidence against a kind (an auditor's opinion on a "trust page"). The
/// confidence grows with the winner's margin over the runner-up *and* with how much evidence it
/// has (`strong_score`): a page that scrapes past `min_score` with a few weak words, or wins by a
/// hair, is a guess and is not given 0.9, however alone its kind is.
public struct DocumentClassifier: Sendable {
    struct Pattern: Decodable {
        var pattern: String
        var weight: Double
    }

    struct KindRules: Decodable {
        var patterns: [Pattern]
        var maxPages: Int?
        var mediaTypes: [String]?

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case patterns
            case maxPages = "max_pages"
            case mediaTypes = "media_types"
        }
    }

    struct Rules: RuleFile {
        package static let file = "classify.yaml"
        package static let version = 1

        var version: Int
        var frontPages: Int
        var cap: Int
        var minScore: Double
        var minPatterns: Int
        /// How many times a pattern found in the title counts (besides its matches in the text).
        var titleWeight: Double?
        /// The score from which a winner's evidence counts as full; below it the confidence is scaled down.
        var strongScore: Double?
        var kinds: [String: KindRules]
        var types: [String: [Pattern]]

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case version
            case frontPages = "front_pages"
            case cap
            case minScore = "min_score"
            case minPatterns = "min_patterns"
            case titleWeight = "title_weight"
            case strongScore = "strong_score"
            case kinds
            case types
        }
    }

    struct Compiled {
        var regex: NSRegularExpression
        var weight: Double
        /// The pattern's text (all are compiled with the same options, so it names the expression).
        var pattern: String
    }

    private let rules: Rules
    private let kinds: [(DocumentKind, KindRules, [Compiled])]
    private let types: [(ReportType, [Compiled])]

    /// The classifier for `book`'s rules, compiled once per rule book.
    public static func shared(_ book: RuleBook) throws -> DocumentClassifier {
        try book.built("classifier") { try DocumentClassifier(rules: $0) }
    }

    public init(rules book: RuleBook) throws {
        let rules = try book.load(Rules.self)
        self.rules = rules
        func compile(_ patterns: [Pattern], key: String) throws -> [Compiled] {
            try patterns.enumerated().map { index, p in
                do {
                    return Compiled(regex: try NSRegularExpression(pattern: p.pattern, options: [.caseInsensitive]), weight: p.weight,
                                    pattern: p.pattern)
                } catch {
                    throw RuleError(file: Rules.file, key: "\(key)[\(index)]", message: "is not a valid regular expression")
                }
            }
        }
        kinds = try rules.kinds.keys.sorted().map { name in
            guard let kind = DocumentKind(rawValue: name), let kindRules = rules.kinds[name] else {
                throw RuleError(file: Rules.file, key: "kinds.\(name)", message: "is not a document kind")
            }
            return (kind, kindRules, try compile(kindRules.patterns, key: "kinds.\(name).patterns"))
        }
        types = try rules.types.keys.sorted().map { name in
            guard let type = ReportType(rawValue: name), let patterns = rules.types[name] else {
                throw RuleError(file: Rules.file, key: "types.\(name)", message: "is not a report type")
            }
            return (type, try compile(patterns, key: "types.\(name)"))
        }
    }

    public struct Result: Sendable, Hashable {
        public var kind: DocumentKind
        public var type: ReportType?
        public var confidence: Double
        public var title: String?
    }

    public func classify(_ context: DocumentContext) -> Result {
        let pages = context.paged.pages.prefix(rules.frontPages)
        let firstPage = pages.first.map { page in page.lines.map(\.text).joined(separator: "\n") } ?? ""
        let front = pages.map { page in page.lines.map(\.text).joined(separator: "\n") }.joined(separator: "\n")
        let title = Self.title(context)
        let counts = MatchCounts(front: front, first: firstPage, title: title, cap: rules.cap)
        var scores: [(DocumentKind, Double)] = []
        for (kind, kindRules, compiled) in kinds {
            if let maxPages = kindRules.maxPages, context.paged.pages.count > maxPages { continue }
            if let media = kindRules.mediaTypes, !media.contains(context.paged.mediaType.rawValue) { continue }
            // One repeated word is not a document kind: the winner must match several distinct
            // patterns that speak for it (patterns with a negative weight speak against it).
            let distinct = compiled.filter { $0.weight > 0 && counts.inFront($0) > 0 }.count
            guard distinct >= rules.minPatterns else { continue }
            scores.append((kind, score(compiled, counts: counts, withTitle: true)))
        }
        scores.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.rawValue < $1.0.rawValue }
        guard let top = scores.first, top.1 >= rules.minScore else {
            return Result(kind: .unknown, type: nil, confidence: 0.5, title: title)
        }
        let second = max(0, scores.dropFirst().first?.1 ?? 0)
        let confidence = Self.confidence(top: top.1, second: second, strong: rules.strongScore)
        var type: ReportType?
        if top.0 == .soc3 {
            type = .type2
        } else if top.0 == .soc1 || top.0 == .soc2 {
            let typeScores = types.map { ($0.0, score($0.1, counts: counts, withTitle: false)) }
            let t1 = typeScores.first { $0.0 == .type1 }?.1 ?? 0
            let t2 = typeScores.first { $0.0 == .type2 }?.1 ?? 0
            type = t1 > t2 ? .type1 : .type2
        }
        return Result(kind: top.0, type: type, confidence: confidence, title: title)
    }

    /// The winner's margin over the runner-up (0.55 for a tie, up to 0.99 for a lone winner with a
    /// high score), with everything above an even guess scaled by the strength of the winner's
    /// evidence (`top / strong`, at most 1): a lone winner with half the strong score gets about 0.75.
    static func confidence(top: Double, second: Double, strong: Double?) -> Double {
        guard top > 0 else { return 0.5 }
        let margin = max(0, min(1, (top - second) / top))
        let byMargin = min(0.99, 0.55 + 0.45 * margin + min(0.1, top / 200))
        guard let strong, strong > 0 else { return byMargin }
        return 0.5 + (byMargin - 0.5) * min(1, top / strong)
    }

    private func score(_ compiled: [Compiled], counts: MatchCounts, withTitle: Bool) -> Double {
        var total = 0.0
        let titleWeight = rules.titleWeight ?? 0
        for pattern in compiled {
            total += pattern.weight * Double(min(counts.inFront(pattern), rules.cap) + min(counts.onFirst(pattern), rules.cap))
            if withTitle, titleWeight > 0, counts.inTitle(pattern) {
                total += pattern.weight * titleWeight
            }
        }
        return total
    }

    /// How often each pattern matches the front pages and page 1 (counted up to `cap` and at least
    /// to 1, as far as the kind check and the score look, so a scan stops there) and whether it
    /// matches the title, each worked out once: a pattern that several kinds share, or that both
    /// the kind check and the score ask about, runs once over each text.
    private final class MatchCounts {
        private struct Text {
            let string: String
            let range: NSRange
            init(_ string: String) {
                self.string = string
                range = NSRange(location: 0, length: string.utf16.count)
            }
        }

        private let front: Text, first: Text, title: Text?
        private let limit: Int
        private var frontCounts: [String: Int] = [:], firstCounts: [String: Int] = [:], titleMatches: [String: Bool] = [:]

        init(front: String, first: String, title: String?, cap: Int) {
            self.front = Text(front)
            self.first = Text(first)
            self.title = title.map(Text.init)
            limit = max(1, cap)
        }

        func inFront(_ compiled: Compiled) -> Int {
            if let known = frontCounts[compiled.pattern] { return known }
            let found = count(compiled.regex, in: front)
            frontCounts[compiled.pattern] = found
            return found
        }

        func onFirst(_ compiled: Compiled) -> Int {
            if let known = firstCounts[compiled.pattern] { return known }
            let found = count(compiled.regex, in: first)
            firstCounts[compiled.pattern] = found
            return found
        }

        func inTitle(_ compiled: Compiled) -> Bool {
            guard let title else { return false }
            if let known = titleMatches[compiled.pattern] { return known }
            let found = LiteralGates.mayMatch(compiled.regex, title.string) && compiled.regex.firstMatch(in: title.string, range: title.range) != nil
            titleMatches[compiled.pattern] = found
            return found
        }

        /// The number of matches in `text`, at most `limit`.
        private func count(_ regex: NSRegularExpression, in text: Text) -> Int {
            // A text without the words every match needs is not searched (nor copied to UTF-16 for the search).
            guard LiteralGates.mayMatch(regex, text.string) else { return 0 }
            var found = 0
            let limit = limit
            regex.enumerateMatches(in: text.string, range: text.range) { match, _, stop in
                guard match != nil else { return }
                found += 1
                if found >= limit { stop.pointee = true }
            }
            return found
        }
    }

    /// The largest text on page 1 (PDF), or the first line: a human-readable title.
    static func title(_ context: DocumentContext) -> String? {
        guard let page = context.paged.pages.first else { return nil }
        let lines = page.lines.enumerated().filter { !context.furniture[0].contains($0.offset) && $0.element.text.count > 3 }
        guard !lines.isEmpty else { return nil }
        if context.paged.mediaType == .pdf {
            let tallest = lines.max { $0.element.box.height < $1.element.box.height }
            return tallest.map { String($0.element.text.foldedWhitespace.prefix(200)) }
        }
        return String(lines[0].element.text.foldedWhitespace.prefix(200))
    }
}
