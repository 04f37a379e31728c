import AssayModel
import Foundation

/// Decides `document.kind` and `type` from weighted patterns in the first pages
/// (`extractors/classify.yaml`). The confidence is the winner's margin over the runner-up.
public struct DocumentClassifier: Sendable {
    struct Pattern: Decodable {
        var pattern: String
        var weight: Double
    }

    struct KindRules: Decodable {
        var patterns: [Pattern]
        var max_pages: Int?
        var media_types: [String]?
    }

    struct Rules: Decodable {
        var version: Int
        var front_pages: Int
        var cap: Int
        var min_score: Double
        var min_patterns: Int
        var kinds: [String: KindRules]
        var types: [String: [Pattern]]
    }

    struct Compiled {
        var regex: NSRegularExpression
        var weight: Double
    }

    private let rules: Rules
    private let kinds: [(DocumentKind, KindRules, [Compiled])]
    private let types: [(ReportType, [Compiled])]

    public init(rules book: RuleBook) throws {
        let rules = try book.load(Rules.self, from: "classify.yaml")
        self.rules = rules
        func compile(_ patterns: [Pattern], key: String) throws -> [Compiled] {
            try patterns.enumerated().map { index, p in
                do {
                    return Compiled(regex: try NSRegularExpression(pattern: p.pattern, options: [.caseInsensitive]), weight: p.weight)
                } catch {
                    throw RuleError(file: "classify.yaml", key: "\(key)[\(index)]", message: "is not a valid regular expression")
                }
            }
        }
        kinds = try rules.kinds.keys.sorted().map { name in
            guard let kind = DocumentKind(rawValue: name), let kindRules = rules.kinds[name] else {
                throw RuleError(file: "classify.yaml", key: "kinds.\(name)", message: "is not a document kind")
            }
            return (kind, kindRules, try compile(kindRules.patterns, key: "kinds.\(name).patterns"))
        }
        types = try rules.types.keys.sorted().map { name in
            guard let type = ReportType(rawValue: name), let patterns = rules.types[name] else {
                throw RuleError(file: "classify.yaml", key: "types.\(name)", message: "is not a report type")
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
        let pages = context.paged.pages.prefix(rules.front_pages)
        let firstPage = pages.first.map { page in page.lines.map(\.text).joined(separator: "\n") } ?? ""
        let front = pages.map { page in page.lines.map(\.text).joined(separator: "\n") }.joined(separator: "\n")
        var scores: [(DocumentKind, Double)] = []
        for (kind, kindRules, compiled) in kinds {
            if let maxPages = kindRules.max_pages, context.paged.pages.count > maxPages { continue }
            if let media = kindRules.media_types, !media.contains(context.paged.mediaType.rawValue) { continue }
            // One repeated word is not a document kind: the winner must match several distinct patterns.
            let distinct = compiled.filter { $0.regex.firstMatch(in: front, range: NSRange(location: 0, length: (front as NSString).length)) != nil }.count
            guard distinct >= rules.min_patterns else { continue }
            scores.append((kind, score(compiled, front: front, first: firstPage)))
        }
        scores.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.rawValue < $1.0.rawValue }
        let title = Self.title(context)
        guard let top = scores.first, top.1 >= rules.min_score else {
            return Result(kind: .unknown, type: nil, confidence: 0.5, title: title)
        }
        let second = scores.dropFirst().first?.1 ?? 0
        let margin = (top.1 - second) / top.1
        let confidence = min(0.99, 0.55 + 0.45 * margin + min(0.1, top.1 / 200))
        var type: ReportType?
        if top.0 == .soc3 {
            type = .type2
        } else if top.0 == .soc1 || top.0 == .soc2 {
            let typeScores = types.map { ($0.0, score($0.1, front: front, first: firstPage)) }
            let t1 = typeScores.first { $0.0 == .type1 }?.1 ?? 0
            let t2 = typeScores.first { $0.0 == .type2 }?.1 ?? 0
            type = t1 > t2 ? .type1 : .type2
        }
        return Result(kind: top.0, type: type, confidence: confidence, title: title)
    }

    private func score(_ compiled: [Compiled], front: String, first: String) -> Double {
        var total = 0.0
        for pattern in compiled {
            let inFront = pattern.regex.numberOfMatches(in: front, range: NSRange(location: 0, length: (front as NSString).length))
            let onFirst = pattern.regex.numberOfMatches(in: first, range: NSRange(location: 0, length: (first as NSString).length))
            total += pattern.weight * Double(min(inFront, rules.cap) + min(onFirst, rules.cap))
        }
        return total
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
