import AssayModel
import Foundation

/// Scores one CUEC against every own control of a register: by criteria both name and by the
/// terms their wording shares. Deterministic and offline: no model, only the rule file's tables.
///
/// Each term weighs by its rarity in the register (an inverse document frequency), so words that
/// many own controls use ("data", "access") count less than words only one uses. The word score is
/// mostly the weighted share of the CUEC's terms the control also has (does the control answer
/// the CUEC?), and partly the share of the control's terms the CUEC has, so a long control that
/// happens to contain every word does not outscore one that says the same in few words.
/// Criteria make up a fixed part of the score: all of it when shared, part of it when one side
/// names none, nothing when both name criteria and none meet (which also scales the word score
/// down). A criterion alone never reaches a sensible threshold: CC6.1 covers a dozen duties.
struct CUECMatcher: Sendable {
    /// One prepared own control: its terms and criteria, folded once.
    struct Prepared: Sendable {
        var control: OwnControl
        var terms: [TermFolder.Term: String]
        /// What each term counts in this text (below 1 for a word read only inside a phrase).
        var factors: [TermFolder.Term: Double]
        var criteria: [String]
    }

    let rules: ReconcileRules
    let folder: TermFolder
    let controls: [Prepared]
    /// How many own controls use each term: a term most of the register uses tells little.
    let documentFrequency: [TermFolder.Term: Int]
    /// Ideas whose weight the rule file sets apart from `weights.synonym`.
    let conceptWeights: [String: Double]
    private let criteriaPattern: NSRegularExpression?

    init(register: ControlRegister, rules: ReconcileRules) throws {
        self.rules = rules
        folder = TermFolder(rules: rules)
        let pattern = try rules.criteriaRegex()
        criteriaPattern = pattern
        let folder = self.folder
        controls = register.controls.map { control in
            let cells = (control.criteria + control.references).joined(separator: "; ")
            let read = folder.terms(control.text)
            return Prepared(control: control, terms: Self.termMap(read), factors: Self.factors(read),
                            criteria: Self.criteria(in: cells, pattern: pattern))
        }
        var frequency: [TermFolder.Term: Int] = [:]
        for prepared in controls { for term in prepared.terms.keys { frequency[term, default: 0] += 1 } }
        documentFrequency = frequency
        conceptWeights = Dictionary(rules.synonyms.compactMap { synonym in synonym.weight.map { (synonym.concept, $0) } },
                                    uniquingKeysWith: { first, _ in first })
    }

    /// A term's weight: the synonym weight or 1, times its rarity in the register (1 for a term one
    /// control uses, falling towards 0 as more controls use it). An idea of the synonym table keeps
    /// at least `weights.concept_floor` of its weight however many controls name it: it was listed
    /// because it matters. A
    /// word no own control uses counts `weights.unseen`: it cannot tell controls apart, and a
    /// CUEC's names of products and places should not drown what the CUEC asks.
    func weight(_ term: TermFolder.Term) -> Double {
        let base = term.isConcept ? conceptWeights[term.key] ?? rules.weights.synonym : 1
        guard let frequency = documentFrequency[term] else { return base * rules.weights.unseen }
        let count = Double(max(controls.count, 1))
        let rarity = log(1 + count / Double(max(frequency, 1))) / log(1 + count)
        let floor = rules.weights.conceptFloor
        return base * (term.isConcept ? floor + (1 - floor) * rarity : rarity)
    }

    /// The own controls that answer `cuec`, best first, each with its score and reason.
    func match(_ cuec: CUEC) -> [OwnControlMatch] {
        let read = folder.terms(cuec.text)
        let terms = Self.termMap(read)
        let factors = Self.factors(read)
        let criteria = Self.criteria(in: cuec.criteria.joined(separator: "; "), pattern: criteriaPattern)
        var scored: [OwnControlMatch] = []
        for prepared in controls {
            let result = score(terms: terms, factors: factors, criteria: criteria, against: prepared)
            guard result.score >= rules.threshold else { continue }
            scored.append(OwnControlMatch(id: prepared.control.id, score: result.score, reason: result.reason, text: prepared.control.text))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        guard let best = scored.first?.score else { return [] }
        return Array(scored.filter { $0.score >= best * rules.relativeCut }.prefix(rules.maxMatches))
    }

    /// The score of one pair and the reason in words ("criteria CC6.2 shared; words: access, review").
    func score(terms: [TermFolder.Term: String], factors: [TermFolder.Term: Double], criteria: [String],
               against control: Prepared) -> (score: Double, reason: String) {
        let shared = terms.keys.filter { control.terms[$0] != nil }.sorted { $0.key < $1.key }
        func total(_ keys: [TermFolder.Term], _ factors: [TermFolder.Term: Double]) -> Double {
            keys.reduce(0) { $0 + weight($1) * (factors[$1] ?? 1) }
        }
        let cuecWeight = total(terms.keys.sorted { $0.key < $1.key }, factors)
        let controlWeight = total(control.terms.keys.sorted { $0.key < $1.key }, control.factors)
        let coverage = rules.weights.cuecCoverage
        var words: Double = (cuecWeight == 0 ? 0 : coverage * total(shared, factors) / cuecWeight)
            + (controlWeight == 0 ? 0 : (1 - coverage) * total(shared, control.factors) / controlWeight)
        let sharedCriteria = criteria.filter { control.criteria.contains($0) }
        // Criteria are evidence like the words: shared counts 1, named on both sides but disjoint 0,
        // and unknown (one side names none) counts `weights.unknown_criteria`.
        let criteriaPart: Double
        if !sharedCriteria.isEmpty {
            criteriaPart = 1
        } else if !criteria.isEmpty && !control.criteria.isEmpty {
            criteriaPart = 0
            words *= rules.weights.disjointCriteria
        } else {
            criteriaPart = rules.weights.unknownCriteria
        }
        let score = min(1, max(0, rules.weights.criteria * criteriaPart + (1 - rules.weights.criteria) * words))
        var parts: [String] = []
        if !sharedCriteria.isEmpty { parts.append("criteria \(sharedCriteria.joined(separator: ", ")) shared") }
        // A word read inside a shared idea's phrase ("access" of "removing access") is not listed again.
        let phraseWords = Set(shared.filter(\.isConcept).flatMap { TermFolder.words(terms[$0] ?? "") })
        let surfaces = shared.filter { $0.isConcept || !phraseWords.contains(terms[$0] ?? $0.key) }.sorted { a, b in
            if a.isConcept != b.isConcept { return a.isConcept }
            return (a.isConcept ? a.key : terms[a] ?? a.key) < (b.isConcept ? b.key : terms[b] ?? b.key)
        }.map { term in term.isConcept ? term.key : (terms[term] ?? term.key) }
        if !surfaces.isEmpty { parts.append("words: \(surfaces.joined(separator: ", "))") }
        return (score, parts.isEmpty ? "nothing shared" : parts.joined(separator: "; "))
    }

    /// Each term once, with the first word or phrase it was read from.
    static func termMap(_ terms: [(term: TermFolder.Term, surface: String, factor: Double)]) -> [TermFolder.Term: String] {
        var map: [TermFolder.Term: String] = [:]
        for (term, surface, _) in terms where map[term] == nil { map[term] = surface }
        return map
    }

    /// Each term once, with the most it counts anywhere in the text.
    static func factors(_ terms: [(term: TermFolder.Term, surface: String, factor: Double)]) -> [TermFolder.Term: Double] {
        var map: [TermFolder.Term: Double] = [:]
        for (term, _, factor) in terms { map[term] = max(map[term] ?? 0, factor) }
        return map
    }

    /// The TSC criteria written in `text`, upper-cased, each once, in order.
    static func criteria(in text: String, pattern: NSRegularExpression?) -> [String] {
        guard let pattern, !text.isEmpty else { return [] }
        var found: [String] = []
        let range = NSRange(text.startIndex..., in: text)
        for match in pattern.matches(in: text, range: range) {
            guard let r = Range(match.range, in: text) else { continue }
            let criterion = text[r].uppercased()
            if !found.contains(criterion) { found.append(criterion) }
        }
        return found
    }
}
