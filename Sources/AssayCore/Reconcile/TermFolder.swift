import AssayModel
import Foundation

/// Turns a sentence into the terms the matcher compares: words folded to lower case and cut to
/// their stems, stop words dropped, and any word or phrase of the synonym table marked with its idea.
///
/// Phrases are found on stems, so "user access reviews" meets the table entry "user access review".
/// A phrase of several words yields its idea and also the stems of its words, so a text that shares
/// only part of a phrase ("access" of "removing access") still shares that word. The stemmer is a plain suffix
/// stripper, not Porter's: registers and CUECs are short and formal, and the same stripper runs on
/// both sides, so a crude stem is enough to make "terminated" meet "termination".
struct TermFolder: Sendable {
    /// A term: a stem, or an idea of the synonym table.
    struct Term: Hashable, Sendable {
        var key: String
        var isConcept: Bool
    }

    private let stopWords: Set<String>
    private let keepWords: Set<String>
    private let suffixes: [String]
    private let minStem: Int
    /// Stemmed phrases and their idea; longest phrases tried first.
    private let phrases: [(words: [String], concept: String)]
    /// Stem → idea, for the table's one-word entries.
    private let singleWords: [String: String]
    /// What the words of a phrase count besides the phrase's idea (`weights.phrase_words`).
    private let phraseWordFactor: Double

    init(rules: ReconcileRules) {
        stopWords = Set(rules.stopWords.map { $0.lowercased() })
        let keepWords = Set(rules.keepWords.map { $0.lowercased() })
        self.keepWords = keepWords
        let suffixes = rules.suffixes.map { $0.lowercased() }.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        self.suffixes = suffixes
        minStem = rules.minStem
        phraseWordFactor = rules.weights.phraseWords
        var table: [(words: [String], concept: String)] = []
        var seen: Set<[String]> = []
        for synonym in rules.synonyms {
            for phrase in synonym.phrases {
                let stems = Self.words(phrase).map { Self.stem($0, suffixes: suffixes, minStem: rules.minStem, keep: keepWords) }
                guard !stems.isEmpty, seen.insert(stems).inserted else { continue }
                table.append((stems, synonym.concept))
            }
        }
        singleWords = Dictionary(table.filter { $0.words.count == 1 }.map { ($0.words[0], $0.concept) }, uniquingKeysWith: { first, _ in first })
        phrases = table.sorted { $0.words.count != $1.words.count ? $0.words.count > $1.words.count : $0.words.joined(separator: " ") < $1.words.joined(separator: " ") }
    }

    /// The terms of `text`, each with the word (or phrase) it was read from and what it counts
    /// (1, or `weights.phrase_words` for a word read inside a phrase of the table).
    func terms(_ text: String) -> [(term: Term, surface: String, factor: Double)] {
        let words = Self.words(text)
        let stems = words.map { Self.stem($0, suffixes: suffixes, minStem: minStem, keep: keepWords) }
        var out: [(term: Term, surface: String, factor: Double)] = []
        func addWord(_ index: Int, factor: Double = 1) {
            let word = words[index]
            if !stopWords.contains(word), !stopWords.contains(stems[index]), word.count > 2 {
                out.append((Term(key: stems[index], isConcept: false), word, factor))
            }
        }
        // A word inside a phrase is read as it would be alone: "access" of "removing access" is the
        // idea "access" stands for, as it is where the word stands by itself.
        func addPhraseWord(_ index: Int) {
            if let concept = singleWords[stems[index]] {
                out.append((Term(key: concept, isConcept: true), words[index], phraseWordFactor))
            } else {
                addWord(index, factor: phraseWordFactor)
            }
        }
        var index = 0
        while index < stems.count {
            if let phrase = phrases.first(where: { matches($0.words, stems, at: index) }) {
                out.append((Term(key: phrase.concept, isConcept: true), words[index..<index + phrase.words.count].joined(separator: " "), 1))
                if phrase.words.count > 1 && phraseWordFactor > 0 {
                    for offset in 0..<phrase.words.count { addPhraseWord(index + offset) }
                }
                index += phrase.words.count
                continue
            }
            addWord(index)
            index += 1
        }
        return out
    }

    private func matches(_ phrase: [String], _ stems: [String], at index: Int) -> Bool {
        guard index + phrase.count <= stems.count else { return false }
        for (offset, stem) in phrase.enumerated() where stems[index + offset] != stem { return false }
        return true
    }

    /// Lower-case words: letters and digits; hyphens, slashes and punctuation separate words, and
    /// apostrophes are dropped ("users'" is "users").
    package static func words(_ text: String) -> [String] {
        var cleaned = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                cleaned.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue
            } else {
                cleaned += " "
            }
        }
        return cleaned.split(separator: " ").map(String.init)
    }

    /// The word without the longest listed suffix that leaves at least `minStem` letters.
    static func stem(_ word: String, suffixes: [String], minStem: Int, keep: Set<String> = []) -> String {
        if keep.contains(word) { return word }
        for suffix in suffixes where word.count >= suffix.count + minStem && word.hasSuffix(suffix) {
            return String(word.dropLast(suffix.count))
        }
        return word
    }
}
