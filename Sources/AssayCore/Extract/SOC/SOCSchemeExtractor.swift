import AssayModel
import Foundation

/// The assurance standard a SOC-like report is issued under, as the contract's `scheme` field: an
/// ISAE 3402 report is read as a SOC 1 report and says so with `scheme: isae_3402`.
///
/// The standard is named on the cover, in the auditor's report ("in accordance with International
/// Standard on Assurance Engagements 3402") and often in every page header; a mention in the
/// auditor's report is the surer sign, so it gives the higher confidence.
public struct SOCSchemeExtractor: DocumentExtractor {
    public var kinds: Set<DocumentKind> { [.soc1, .soc2] }

    public init() {}

    package static var file: String { Rules.file }

    struct Rules: RuleFile, Sendable {
        package static let file = "soc/schemes.yaml"
        package static let version = 1

        struct Scheme: Decodable, Sendable {
            var scheme: String
            var kinds: [DocumentKind]
            var pattern: String
        }
        var version: Int
        var frontPages: Int
        var schemes: [Scheme]

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case version
            case frontPages = "front_pages"
            case schemes
        }
    }

    /// Each scheme's pattern, compiled once per rule book: the extractor and `assay rules check`
    /// build the same value.
    struct Compiled: Sendable {
        static func shared(_ book: RuleBook) throws -> Compiled {
            try book.built(Rules.file) { try Compiled($0.load(Rules.self)) }
        }

        var rules: Rules
        var patterns: [NSRegularExpression]

        init(_ rules: Rules) throws {
            self.rules = rules
            patterns = try rules.schemes.enumerated().map { index, scheme in
                try SOCRegex.compile(scheme.pattern, file: Rules.file, key: "schemes[\(index)].pattern")
            }
        }
    }

    public func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws {
        let compiled = try Compiled.shared(context.rules)
        let rules = compiled.rules
        let front = SOCText.range(context, pages: 1, min(rules.frontPages, context.paged.pages.count))
        let opinion = context.section("auditor_opinion").map { SOCText.range(context, pages: $0.firstPage, $0.lastPage) }
        for (index, scheme) in rules.schemes.enumerated() where scheme.kinds.contains(context.kind) {
            let pattern = compiled.patterns[index]
            let inOpinion = opinion.flatMap { pattern.firstMatch(in: context.text, range: $0) }
            guard let match = inOpinion ?? pattern.firstMatch(in: context.text, range: front),
                  let evidence = context.evidence(for: match.range) else { continue }
            result.set("scheme", scheme.scheme, confidence: inOpinion != nil ? 0.95 : 0.85, evidence: [evidence])
            return
        }
    }
}
