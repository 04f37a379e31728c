import AssayModel
import Foundation

/// Finds the vendor a trust page belongs to. Candidates come from the title, the copyright line,
/// the subject of a sentence that says something is held ("Acme is certified", "Acme a été
/// certifié") and registered names ("Acme Cloud, Inc."); each is scored by those sources and by how
/// often the page repeats it. Hosting providers are never the vendor (a page that says "our data
/// centres are run by AWS" is not AWS's page), and a title word the page does not repeat is not a name.
struct TrustOrganizationReader: Sendable {
    let rules: TrustPageRules.Organization
    let legalName: NSRegularExpression
    private let subject: NSRegularExpression
    private let copyright: NSRegularExpression
    private let notNames: Set<String>
    private let hosts: Set<String>

    init(rules: TrustPageRules.Organization, legalName: NSRegularExpression, legalForms: [String]) throws {
        self.rules = rules
        self.legalName = legalName
        do {
            subject = try NSRegularExpression(pattern: "((?:\\p{Lu}[\\p{L}\\p{N}&’'.-]*[ \\t]+){0,3}\\p{Lu}[\\p{L}\\p{N}&-]*)(?:['’]s)?" + rules.subjectCues)
        } catch {
            throw RuleError(file: TrustPageRules.file, key: "organization.subjectCues", message: "is not a valid regular expression")
        }
        copyright = try NSRegularExpression(pattern: "(?:©|\\(c\\)|copyright)\\s*(?:(?:19|20)\\d\\d\\s*(?:[-–]\\s*(?:19|20)\\d\\d)?)?\\s*([^\\n,;|©]+)", options: [.caseInsensitive])
        // Legal forms end a name rather than belong to it: "Acme Cloud, Inc." is filed under "Acme Cloud".
        notNames = Set((rules.notNames + legalForms).map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,")) })
        hosts = Set(rules.hostingProviders.map { $0.lowercased() })
    }

    struct Result {
        var name: String
        var confidence: Double
        var evidence: Evidence?
    }

    private struct Candidate {
        var score = 0.0
        var sources: Set<String> = []
        var fullName: String?
        var range: NSRange?
    }

    func read(_ context: DocumentContext, title: String?) -> Result? {
        let text = context.text
        let ns = text as NSString
        var counted: [String: Int] = [:]
        func occurrences(_ name: String, in text: NSString) -> Int {
            if let known = counted[name] { return known }
            let count = self.occurrences(name, in: text)
            counted[name] = count
            return count
        }
        var candidates: [String: Candidate] = [:]
        func add(_ names: [String], source: String, bonus: Double, full: String? = nil, range: NSRange? = nil) {
            for name in names {
                var candidate = candidates[name] ?? Candidate()
                if candidate.sources.insert(source).inserted { candidate.score += bonus }
                if let full, candidate.fullName == nil { candidate.fullName = full }
                if candidate.range == nil { candidate.range = range }
                candidates[name] = candidate
            }
        }
        if let title {
            // A title word counts only when the page repeats it ("D'après …" is a sentence's first word).
            let parts = title.components(separatedBy: CharacterSet(charactersIn: "|–—:·•"))
                .flatMap { $0.components(separatedBy: " - ") }
            add(parts.flatMap(names).filter { occurrences($0, in: ns) >= 2 }, source: "title", bonus: 3)
        }
        for match in copyright.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            add(names(ns.substring(with: match.range(at: 1))).prefix(1).map { $0 }, source: "copyright", bonus: 3)
        }
        for match in subject.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            add(names(ns.substring(with: match.range(at: 1))).suffix(1).map { $0 }, source: "subject", bonus: 4, range: match.range(at: 1))
        }
        for match in legalName.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            var full = ns.substring(with: match.range)
            // Drop what the name pattern lets in front: years, "©".
            while let first = full.split(separator: " ").first, first.allSatisfy({ $0.isNumber || $0 == "©" }) {
                full = String(full.dropFirst(first.count + 1))
            }
            guard let core = names(full).first, full.hasPrefix(core) else { continue }
            add([core], source: "registered", bonus: 3, full: full, range: (text as NSString).range(of: full))
        }
        // Any name the page repeats is a candidate too, on its frequency alone (a page whose title
        // is lost still repeats its vendor's name).
        for line in context.body {
            add(names(line.text).filter { occurrences($0, in: ns) >= 3 }, source: "repeated", bonus: 0)
        }
        let scored = candidates.map { name, candidate in
            let frequency = Double(min(10, occurrences(name, in: ns)))
            return (name, candidate, candidate.score + (candidate.sources == ["repeated"] ? frequency / 2 : frequency))
        }
        guard let best = scored.max(by: { $0.2 != $1.2 ? $0.2 < $1.2 : $0.0.count < $1.0.count }), best.2 >= 4 else { return nil }
        // The registered form of the winner, when the page gives one ("Acme" → "Acme Cloud, Inc.").
        let registered = best.1.fullName ?? candidates.first { $0.key.hasPrefix(best.0 + " ") && $0.value.fullName != nil }?.value.fullName
        let name = registered ?? best.0
        let range = registered.map { ns.range(of: $0) } ?? best.1.range ?? ns.range(of: best.0)
        let confidence = best.1.sources.subtracting(["repeated"]).count >= 2 ? 0.85 : 0.7
        return Result(name: name, confidence: confidence, evidence: context.evidence(for: range))
    }

    /// Runs of capitalised words that are not generic words: "Come protegge i dati Nebbia Cloud" → ["Come", "Nebbia Cloud"] (generic words filtered by `not_names`).
    func names(_ text: String) -> [String] {
        var runs: [String] = []
        var run: [String] = []
        func close() {
            if !run.isEmpty, run.count <= 4 {
                let name = run.joined(separator: " ")
                let lower = name.lowercased()
                if name.count >= 3, !hosts.contains(lower), !hosts.contains(where: { lower.hasPrefix($0 + " ") }) { runs.append(name) }
            }
            run = []
        }
        for raw in text.split(whereSeparator: \.isWhitespace) {
            let token = raw.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!?()[]«»\"“”®™*"))
            // Scripts without letter case (Korean, Chinese, Japanese) start a name with any letter.
            let startsUpper = token.first.map { $0.isUppercase || ($0.isLetter && !$0.isLowercase && !$0.isASCII) } ?? false
            // "ISO/IEC" and "27001:2022" are designations, not names.
            if startsUpper, !notNames.contains(token.lowercased()), token.contains(where: \.isLetter), !token.contains("/") {
                run.append(token)
            } else {
                close()
            }
            if raw.last.map({ ",;:.!?)".contains($0) }) == true { close() }
        }
        close()
        return runs
    }

    /// How often `name` appears as a whole word (case-sensitive).
    private func occurrences(_ name: String, in text: NSString) -> Int {
        // A caseless script runs particles and words together ("한빛클라우드는"): count it as a substring.
        let caseless = name.first.map { $0.isLetter && !$0.isUppercase && !$0.isLowercase } ?? false
        let pattern = caseless ? NSRegularExpression.escapedPattern(for: name)
            : "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: name) + "(?![\\p{L}\\p{N}])"
        return (try? NSRegularExpression(pattern: pattern))?.numberOfMatches(in: text as String, range: NSRange(location: 0, length: text.length)) ?? 0
    }
}
