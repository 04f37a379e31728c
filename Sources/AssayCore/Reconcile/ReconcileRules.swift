import AssayModel
import Foundation

/// How CUECs are matched to own controls (`extractors/reconcile/matching.yaml`): the threshold, the
/// weights, the words that carry no meaning, the suffixes stripped to reach a stem, and the table of
/// synonyms and phrases that name one idea in different words.
package struct ReconcileRules: RuleFile, Sendable {
    package static let version = 1
    package static let file = "reconcile/matching.yaml"

    struct Weights: Decodable, Sendable {
        /// What shared criteria add on their own (the rest of the score comes from the words).
        var criteria: Double
        /// A term from the synonym table counts this much; a plain stem counts 1.
        var synonym: Double
        /// The word score is multiplied by this when both sides name criteria and none is shared.
        var disjointCriteria: Double
        /// How much of the word score is the share of the CUEC's terms the control has; the rest is
        /// the share of the control's terms the CUEC has.
        var cuecCoverage: Double
        /// The share of the criteria part given when the CUEC or the control names no criteria.
        var unknownCriteria: Double
        /// The share of its weight an idea of the synonym table keeps however common it is in the register.
        var conceptFloor: Double
        /// What each word of a matched phrase counts besides the phrase's idea (0: only the idea).
        var phraseWords: Double
        /// What a CUEC's word that no own control uses counts (a plain word counts 1).
        var unseen: Double

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case criteria
            case synonym
            case disjointCriteria = "disjoint_criteria"
            case cuecCoverage = "cuec_coverage"
            case unknownCriteria = "unknown_criteria"
            case conceptFloor = "concept_floor"
            case phraseWords = "phrase_words"
            case unseen
        }
    }

    /// One idea and the words and phrases that name it ("offboarding": terminated, leavers …).
    struct Synonym: Decodable, Sendable {
        var concept: String
        var phrases: [String]
        /// Overrides `weights.synonym` for an idea that is incidental to what a control does
        /// ("promptly", "notify").
        var weight: Double?
    }

    var version: Int
    /// A match needs at least this score.
    var threshold: Double
    /// At most this many own controls per CUEC (the best ones).
    var maxMatches: Int
    /// Matches scoring below this share of the CUEC's best match are left out.
    var relativeCut: Double
    var weights: Weights
    /// TSC criteria written anywhere in a register cell ("SOC 2 CC6.1").
    var criteriaPattern: String
    var stopWords: [String]
    /// Suffixes stripped (longest first) from words of at least `min_stem + suffix` letters.
    var suffixes: [String]
    var minStem: Int
    /// Words the stemmer leaves alone because a suffix rule would turn them into another word
    /// ("information" is not "inform").
    var keepWords: [String]
    var synonyms: [Synonym]

    package static func load(_ rules: RuleBook) throws -> ReconcileRules {
        let loaded = try rules.load(ReconcileRules.self, from: file)
        try loaded.validate()
        return loaded
    }

    /// `criteria_pattern`, compiled as the matcher uses it; an invalid one is an error naming the key.
    func criteriaRegex() throws -> NSRegularExpression {
        do { return try NSRegularExpression(pattern: criteriaPattern, options: [.caseInsensitive]) } catch {
            throw RuleError(file: Self.file, key: "criteria_pattern", message: "is not a valid regular expression")
        }
    }

    func validate() throws {
        func fail(_ key: String, _ message: String) -> RuleError { RuleError(file: Self.file, key: key, message: message) }
        if !(0...1).contains(threshold) { throw fail("threshold", "must be between 0 and 1") }
        if !(0...1).contains(relativeCut) { throw fail("relative_cut", "must be between 0 and 1") }
        if !(0...1).contains(weights.criteria) { throw fail("weights.criteria", "must be between 0 and 1") }
        if !(0...1).contains(weights.disjointCriteria) { throw fail("weights.disjoint_criteria", "must be between 0 and 1") }
        if weights.synonym <= 0 { throw fail("weights.synonym", "must be above 0") }
        if !(0...1).contains(weights.unknownCriteria) { throw fail("weights.unknown_criteria", "must be between 0 and 1") }
        if !(0...1).contains(weights.conceptFloor) { throw fail("weights.concept_floor", "must be between 0 and 1") }
        if !(0...1).contains(weights.phraseWords) { throw fail("weights.phrase_words", "must be between 0 and 1") }
        if !(0...1).contains(weights.unseen) { throw fail("weights.unseen", "must be between 0 and 1") }
        if !(0...1).contains(weights.cuecCoverage) { throw fail("weights.cuec_coverage", "must be between 0 and 1") }
        if maxMatches < 1 { throw fail("max_matches", "must be at least 1") }
        if minStem < 2 { throw fail("min_stem", "must be at least 2") }
        _ = try criteriaRegex()
        var concepts: Set<String> = []
        for (index, synonym) in synonyms.enumerated() {
            if synonym.phrases.isEmpty { throw fail("synonyms[\(index)].phrases", "is empty") }
            if let weight = synonym.weight, weight <= 0 { throw fail("synonyms[\(index)].weight", "must be above 0") }
            if !concepts.insert(synonym.concept).inserted { throw fail("synonyms[\(index)].concept", "\(synonym.concept) is listed twice") }
        }
    }

    /// The YAML keys are snake_case.
    enum CodingKeys: String, CodingKey {
        case version
        case threshold
        case maxMatches = "max_matches"
        case relativeCut = "relative_cut"
        case weights
        case criteriaPattern = "criteria_pattern"
        case stopWords = "stop_words"
        case suffixes
        case minStem = "min_stem"
        case keepWords = "keep_words"
        case synonyms
    }
}
