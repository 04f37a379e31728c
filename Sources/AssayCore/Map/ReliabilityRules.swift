import AssayModel
import Foundation

/// The limits and wording of the reliability signals (`extractors/map/reliability.yaml`).
struct ReliabilityRules: RuleFile, Sendable {
    package static let version = 1
    package static let file = "map/reliability.yaml"

    struct Signal: Decodable, Sendable {
        var explanation: String
        var threshold: Double?
        var minControls: Int?
        var minPages: Int?
        /// An existing finding that already says what the signal says; raised instead of `soc.reliability.<code>`.
        var finding: String?
        var licencePatterns: [String]?
        var professionalForms: [String]?

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case explanation
            case threshold
            case minControls = "min_controls"
            case minPages = "min_pages"
            case finding
            case licencePatterns = "licence_patterns"
            case professionalForms = "professional_forms"
        }
    }

    struct TemplateMatch: Decodable, Sendable {
        var shingleWords: Int
        var threshold: Double
        var minShingles: Int
        var explanation: String

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case shingleWords = "shingle_words"
            case threshold
            case minShingles = "min_shingles"
            case explanation
        }
    }

    var version: Int
    var signals: [String: Signal]
    var samplePatterns: [String]
    var templateMatch: TemplateMatch

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
        /// The `sample_patterns`, each searched on its own so its literal gate passes over the lines without its words.
        var samplePatterns: [NSRegularExpression]
        var licencePatterns: [NSRegularExpression]
        var professionalForms: [NSRegularExpression]

        init(_ rules: ReliabilityRules) throws {
            self.rules = rules
            for check in ReliabilityChecks.all { _ = try rules.signal(check.code) }
            samplePatterns = try rules.samplePatterns.enumerated().map {
                try SOCRegex.compile($1, file: ReliabilityRules.file, key: "sample_patterns[\($0)]")
            }
            licencePatterns = try (rules.signal("firm_unverifiable").licencePatterns ?? []).enumerated().map {
                try SOCRegex.compile($1, file: ReliabilityRules.file, key: "signals.firm_unverifiable.licence_patterns[\($0)]")
            }
            professionalForms = try (rules.signal("firm_unverifiable").professionalForms ?? []).enumerated().map {
                try SOCRegex.compile($1, file: ReliabilityRules.file, key: "signals.firm_unverifiable.professional_forms[\($0)]")
            }
            guard rules.templateMatch.shingleWords >= 1 else {
                throw RuleError(file: ReliabilityRules.file, key: "template_match.shingle_words", message: "must be at least 1")
            }
        }

        /// The rules compiled once per rule book (`RuleWarmUp` builds them while the report is read).
        package static func load(_ book: RuleBook) throws -> Compiled {
            try book.built(ReliabilityRules.file) { try Compiled($0.load(ReliabilityRules.self, from: ReliabilityRules.file)) }
        }
    }

    /// The YAML keys are snake_case.
    enum CodingKeys: String, CodingKey {
        case version
        case signals
        case samplePatterns = "sample_patterns"
        case templateMatch = "template_match"
    }
}
