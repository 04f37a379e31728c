import AssayModel
import Foundation

/// The limits and wording of the reliability signals (`extractors/map/reliability.yaml`).
struct ReliabilityRules: RuleFile, Sendable {
    package static let version = 1
    package static let file = "map/reliability.yaml"

    struct Signal: Decodable, Sendable {
        var explanation: String
        var threshold: Double?
        var min_controls: Int?
        var min_pages: Int?
        /// An existing finding that already says what the signal says; raised instead of `soc.reliability.<code>`.
        var finding: String?
        var licence_patterns: [String]?
        var professional_forms: [String]?
    }

    struct TemplateMatch: Decodable, Sendable {
        var shingle_words: Int
        var threshold: Double
        var min_shingles: Int
        var explanation: String
    }

    var version: Int
    var signals: [String: Signal]
    var sample_patterns: [String]
    var template_match: TemplateMatch

    /// The signal `code`, or a rule error naming the missing key.
    func signal(_ code: String) throws -> Signal {
        guard let signal = signals[code] else {
            throw RuleError(file: Self.file, key: "signals.\(code)", message: "is missing")
        }
        return signal
    }

    /// The rules with their patterns compiled; every signal the checks need must be present.
    struct Compiled: Sendable {
        var rules: ReliabilityRules
        /// The `sample_patterns` as one alternation (each is compiled alone first, so a bad one is named by its
        /// key), for scanning every line of Section IV once; with no patterns, one that never matches.
        var anySample: NSRegularExpression
        var licencePatterns: [NSRegularExpression]
        var professionalForms: [NSRegularExpression]

        init(_ rules: ReliabilityRules) throws {
            self.rules = rules
            for check in ReliabilityChecks.all { _ = try rules.signal(check.code) }
            for (index, pattern) in rules.sample_patterns.enumerated() {
                _ = try SOCRegex.compile(pattern, file: ReliabilityRules.file, key: "sample_patterns[\(index)]")
            }
            let alternatives = rules.sample_patterns.map { "(?:" + $0 + ")" }
            anySample = try SOCRegex.compile(alternatives.isEmpty ? "(?!)" : alternatives.joined(separator: "|"),
                                             file: ReliabilityRules.file, key: "sample_patterns")
            licencePatterns = try (rules.signal("firm_unverifiable").licence_patterns ?? []).enumerated().map {
                try SOCRegex.compile($1, file: ReliabilityRules.file, key: "signals.firm_unverifiable.licence_patterns[\($0)]")
            }
            professionalForms = try (rules.signal("firm_unverifiable").professional_forms ?? []).enumerated().map {
                try SOCRegex.compile($1, file: ReliabilityRules.file, key: "signals.firm_unverifiable.professional_forms[\($0)]")
            }
            guard rules.template_match.shingle_words >= 1 else {
                throw RuleError(file: ReliabilityRules.file, key: "template_match.shingle_words", message: "must be at least 1")
            }
        }

        /// The rules compiled once per rule book (`RuleWarmUp` builds them while the report is read).
        package static func load(_ book: RuleBook) throws -> Compiled {
            try book.built(ReliabilityRules.file) { try Compiled($0.load(ReliabilityRules.self, from: ReliabilityRules.file)) }
        }
    }
}
