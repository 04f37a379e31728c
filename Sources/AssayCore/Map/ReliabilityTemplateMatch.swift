import AssayModel
import Foundation

/// The wording of a report's tests of controls as a set of word shingles, for comparing reports
/// across a drop folder. Case is folded; numbers and dates become `#`; the names the report itself
/// gives (service organisation, auditor, system, subservice organisations) become `<name>`, so two
/// reports written from one template still match after the names were swapped.
public struct TemplateFingerprint: Sendable, Hashable {
    public var shingles: Set<String>

    public init(shingles: Set<String>) {
        self.shingles = shingles
    }

    /// The fingerprint of `document`'s test descriptions (`controls[].tests[].text`), with `words`-word
    /// shingles; a test shorter than that is one shingle of its own.
    public init(document: AssayDocument, words: Int) {
        let names = Self.names(in: document)
        shingles = document.controls.flatMap(\.tests).reduce(into: Set<String>()) { all, test in
            all.formUnion(Self.shingles(test.text, names: names, words: words))
        }
    }

    /// The `words`-word shingles of one test description, `names` masked.
    static func shingles(_ text: String, names: [String], words: Int) -> Set<String> {
        let tokens = tokens(text, names: names)
        guard !tokens.isEmpty else { return [] }
        guard tokens.count > words else { return [tokens.joined(separator: " ")] }
        return Set((0...(tokens.count - words)).map { tokens[$0..<($0 + words)].joined(separator: " ") })
    }

    /// Jaccard similarity of the two shingle sets (0 when either is empty).
    public func similarity(to other: TemplateFingerprint) -> Double {
        guard !shingles.isEmpty, !other.shingles.isEmpty else { return 0 }
        let common = shingles.intersection(other.shingles).count
        return Double(common) / Double(shingles.count + other.shingles.count - common)
    }

    /// Lower-cased names to mask, longest first so a longer name is masked before a part of it.
    static func names(in document: AssayDocument) -> [String] {
        var names: [String] = []
        for field in ["service_organization", "service_auditor", "system_name", "organization"] {
            names += document.fields[field]?.value.strings ?? []
        }
        names += document.subserviceOrganizations.map(\.name)
        return Array(Set(names.map { $0.lowercased().foldedWhitespace }.filter { $0.count >= 3 })).sorted { $0.count > $1.count || ($0.count == $1.count && $0 < $1) }
    }

    static func tokens(_ text: String, names: [String]) -> [String] {
        var folded = text.lowercased().foldedWhitespace
        for name in names { folded = folded.replacingOccurrences(of: name, with: " <name> ") }
        var tokens: [String] = []
        for raw in folded.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "<" || $0 == ">") }) {
            let word = String(raw)
            tokens.append(word.contains(where: \.isNumber) ? "#" : word)
        }
        return tokens
    }
}

/// Two reports of different vendors whose test wording is near-identical.
public struct TemplateMatch: Codable, Sendable, Hashable {
    public var path: String
    public var vendor: String
    public var otherPath: String
    public var otherVendor: String
    public var similarity: Double

    enum CodingKeys: String, CodingKey {
        case path, vendor, otherPath = "other_path", otherVendor = "other_vendor", similarity
    }

    public init(path: String, vendor: String, otherPath: String, otherVendor: String, similarity: Double) {
        self.path = path
        self.vendor = vendor
        self.otherPath = otherPath
        self.otherVendor = otherVendor
        self.similarity = similarity
    }
}

/// Compares every pair of SOC 1/2 reports of different vendors and adds the `template_match` signal and
/// its finding to each report of a matching pair.
public struct TemplateMatcher: Sendable {
    public struct Report: Sendable {
        public var vendor: String
        public var document: AssayDocument

        public init(vendor: String, document: AssayDocument) {
            self.vendor = vendor
            self.document = document
        }
    }

    let rules: ReliabilityRules.TemplateMatch
    let catalogue: FindingCatalogue

    public init(rules book: RuleBook) throws {
        rules = try ReliabilityRules.Compiled.load(book).rules.templateMatch
        catalogue = try book.load(FindingCatalogue.self)
    }

    /// Every matching pair, once per direction (each report sees the other), ordered by path.
    public func matches(_ reports: [Report]) -> [TemplateMatch] {
        let candidates = reports.filter { ReliabilityMapper.applies(to: $0.document) }
        let prints = candidates.map { TemplateFingerprint(document: $0.document, words: rules.shingleWords) }
        var found: [TemplateMatch] = []
        for i in candidates.indices where prints[i].shingles.count >= rules.minShingles {
            for j in candidates.indices where j > i && prints[j].shingles.count >= rules.minShingles {
                guard candidates[i].vendor != candidates[j].vendor else { continue }
                let similarity = (prints[i].similarity(to: prints[j]) * 1000).rounded() / 1000
                guard similarity >= rules.threshold else { continue }
                let a = candidates[i], b = candidates[j]
                found.append(TemplateMatch(path: a.document.source.path, vendor: a.vendor, otherPath: b.document.source.path,
                                           otherVendor: b.vendor, similarity: similarity))
                found.append(TemplateMatch(path: b.document.source.path, vendor: b.vendor, otherPath: a.document.source.path,
                                           otherVendor: a.vendor, similarity: similarity))
            }
        }
        return found.sorted { ($0.path, $0.otherPath) < ($1.path, $1.otherPath) }
    }

    /// `document` with the template-match signal and finding for `matches` (those whose `path` is this
    /// document), replacing any from an earlier run. Evidence is the document's own tests whose wording
    /// the other report shares.
    public func annotate(_ document: AssayDocument, with matches: [TemplateMatch], others: [String: AssayDocument]) -> AssayDocument {
        var document = document
        let code = "soc.reliability.template_match"
        document.findings.removeAll { $0.code == code }
        document.reliability?.signals.removeAll { $0.code == "template_match" }
        for match in matches where match.path == document.source.path {
            let evidence = sharedEvidence(document, other: others[match.otherPath])
            guard !evidence.isEmpty else { continue }
            let values = ["other": match.otherPath, "percent": String(Int((match.similarity * 100).rounded()))]
            let signal = ReliabilitySignal(code: "template_match", explanation: FindingsMapper.fill(rules.explanation, values),
                                           evidence: evidence, value: match.similarity, threshold: rules.threshold, finding: code)
            if document.reliability == nil { document.reliability = Reliability(signals: []) }
            document.reliability?.signals.append(signal)
            if let entry = catalogue.findings[code] {
                document.findings.append(Finding(code: code, severity: entry.severity, message: FindingsMapper.fill(entry.message, values),
                                                 followUp: entry.followUp.map { FindingsMapper.fill($0, values) }, evidence: evidence))
            }
        }
        return document
    }

    /// Up to three of `document`'s tests whose every shingle the other report shares.
    func sharedEvidence(_ document: AssayDocument, other: AssayDocument?) -> [Evidence] {
        guard let other else { return [] }
        let theirs = TemplateFingerprint(document: other, words: rules.shingleWords).shingles
        let names = TemplateFingerprint.names(in: document)
        let shared = document.controls.flatMap(\.tests).filter { test in
            let mine = TemplateFingerprint.shingles(test.text, names: names, words: rules.shingleWords)
            return !mine.isEmpty && mine.isSubset(of: theirs)
        }
        return ReliabilityChecks.sample(shared)
    }
}
