import AssayModel
import Foundation

/// Finds the SOC report sections (I auditor's opinion, II management's assertion, III system
/// description, IV controls and tests, V other information) from headings in the body.
///
/// A table of contents is read for nothing but titles: its page numbers are often wrong (generated
/// before pagination), so only headings in the body place a section. Sections run in report order;
/// a heading whose kind would go backwards (a list item "1. the description fairly presents…" in
/// the opinion) is ignored.
public struct SOCSectionSegmenter: DocumentSegmenter {
    public var kinds: Set<DocumentKind> { [.soc1, .soc2, .soc3] }

    public init() {}

    struct KindPattern: Decodable {
        var kind: String
        var pattern: String
    }

    struct Rules: RuleFile {
        package static let file = "soc/sections.yaml"
        package static let version = 1

        var version: Int
        var maxHeadingLength: Int
        var heading: String
        var numbers: [String: Int]
        var contentsPage: String
        var tocEntry: String
        var kinds: [KindPattern]
        var byNumber: [Int: String]
        var bareHeadings: [KindPattern]
        var bareKeywords: [String]
        /// Last words of a title that goes on on the next row ("… Criteria and").
        var titleConnectors: [String]

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case version
            case maxHeadingLength = "max_heading_length"
            case heading
            case numbers
            case contentsPage = "contents_page"
            case tocEntry = "toc_entry"
            case kinds
            case byNumber = "by_number"
            case bareHeadings = "bare_headings"
            case bareKeywords = "bare_keywords"
            case titleConnectors = "title_connectors"
        }
    }

    /// The rules with their patterns compiled.
    struct Compiled: @unchecked Sendable {
        let rules: Rules
        let heading, contents, tocEntry: NSRegularExpression
        let kindPatterns, barePatterns: [(String, NSRegularExpression)]
    }

    /// The compiled rules, once per rule book (`RuleWarmUp` compiles them once a document is known to be a SOC report).
    static func compiled(_ book: RuleBook) throws -> Compiled {
        try book.built("soc.sections") { book in
            let rules = try book.load(Rules.self)
            let file = Rules.file
            return Compiled(
                rules: rules,
                heading: try SOCRegex.compile(rules.heading, file: file, key: "heading"),
                contents: try SOCRegex.compile(rules.contentsPage, file: file, key: "contents_page"),
                tocEntry: try SOCRegex.compile(rules.tocEntry, file: file, key: "toc_entry"),
                kindPatterns: try rules.kinds.enumerated().map { index, entry in
                    (entry.kind, try SOCRegex.compile(entry.pattern, file: file, key: "kinds[\(index)].pattern"))
                },
                barePatterns: try rules.bareHeadings.enumerated().map { index, entry in
                    (entry.kind, try SOCRegex.compile(entry.pattern, file: file, key: "bare_headings[\(index)].pattern"))
                })
        }
    }

    static let order = ["auditor_opinion", "management_assertion", "system_description", "controls_and_tests", "other_information"]

    public func segment(_ context: DocumentContext) throws {
        let compiled = try Self.compiled(context.rules)
        let rules = compiled.rules
        let heading = compiled.heading, contents = compiled.contents, tocEntry = compiled.tocEntry
        let kindPatterns = compiled.kindPatterns, barePatterns = compiled.barePatterns
        let rows = SOCLayout.rows(context)
        var contentsPages = Set<Int>()
        for row in rows where row.items.count <= 4 && row.text.count < 40 && SOCRegex.matches(contents, TableReader.plain(row.text)) {
            contentsPages.insert(row.page)
        }
        func classify(_ title: String) -> String? {
            kindPatterns.first { SOCRegex.matches($0.1, title) }?.0
        }
        func startsLower(_ text: String) -> Bool {
            guard let first = text.unicodeScalars.first else { return false }
            return CharacterSet.lowercaseLetters.contains(first)
        }
        func startsUpper(_ text: String) -> Bool {
            guard let first = text.unicodeScalars.first else { return false }
            return CharacterSet.uppercaseLetters.contains(first)
        }

        struct Found { var kind: String; var title: String; var row: Int; var confidence: Double }
        func scan(useBare: Bool) -> [Found] {
        var found: [Found] = []
        var rank = -1
        for (index, row) in rows.enumerated() {
            let text = row.text
            guard text.utf16.count <= rules.maxHeadingLength, !contentsPages.contains(row.page) else { continue }
            let ns = text as NSString
            var candidate: Found?
            // Cheap test before the regular expression: a heading starts with a number or "section" / "part".
            let lead = row.items.first?.word.text.lowercased() ?? ""
            let mayBeNumbered = lead.hasPrefix("section") || lead.hasPrefix("part") || lead.first.map {
                $0.isNumber || "ivx".contains($0) } ?? false
            if mayBeNumbered, let match = SOCRegex.firstMatch(heading, text) {
                let hasPrefix = match.range(at: 1).location != NSNotFound
                let numberText = ns.substring(with: hasPrefix ? match.range(at: 1) : match.range(at: 2)).lowercased()
                let ownTitle = ns.substring(with: match.range(at: 3)).trimmingCharacters(in: .whitespaces)
                let number = rules.numbers[numberText] ?? Int(numberText)
                // Sentences that mention a section ("Section 4.", "Section 2, Acme has…") are not headings.
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                let looksLikeHeading = ownTitle.isEmpty ? !trimmed.hasSuffix(".") : (startsUpper(ownTitle) && !(ownTitle.hasSuffix(".") && startsLower(ownTitle.split(separator: " ").last.map(String.init) ?? ""))
                    && !ownTitle.hasSuffix(";"))
                if !looksLikeHeading || (SOCRegex.matches(tocEntry, text) && !ownTitle.isEmpty) { continue }
                // The title may wrap onto the next row or two ("SECTION I" / "Independent Service Auditor's Report").
                var title = ownTitle
                var extra = 1
                // A title cut mid-phrase ("DESCRIPTION OF CRITERIA,") continues on the next row.
                while extra <= 2, index + extra < rows.count, rows[index + extra].page == row.page,
                      title.hasSuffix(",") || rules.titleConnectors.contains(title.split(separator: " ").last.map { $0.lowercased() } ?? "") {
                    title += " " + rows[index + extra].text
                    extra += 1
                }
                var kind = classify(title)
                while kind == nil, extra <= 2, index + extra < rows.count, rows[index + extra].page == row.page {
                    title = (title + " " + rows[index + extra].text).trimmingCharacters(in: .whitespaces)
                    kind = classify(title)
                    extra += 1
                }
                // A long title still cut mid-phrase ("…Description of Its Relevant Criteria and" / "…Tests of
                // Controls and Results") is read to its end before its kind is settled.
                while kind != nil, extra <= 6, index + extra < rows.count, rows[index + extra].page == row.page,
                      title.hasSuffix(",") || rules.titleConnectors.contains(title.split(separator: " ").last.map { $0.lowercased() } ?? ""),
                      rows[index + extra].text.utf16.count <= rules.maxHeadingLength {
                    title = (title + " " + rows[index + extra].text).trimmingCharacters(in: .whitespaces)
                    kind = classify(title) ?? kind
                    extra += 1
                }
                if hasPrefix {
                    if kind == nil, context.kind != .soc3, ownTitle.isEmpty, let number, let byNumber = rules.byNumber[number] {
                        kind = byNumber
                    }
                    if let kind { candidate = Found(kind: kind, title: title, row: index, confidence: 0.95) }
                } else if let kind, !ownTitle.isEmpty, text.utf16.count <= 80 {
                    candidate = Found(kind: kind, title: title, row: index, confidence: 0.85)
                }
            }
            // An un-numbered heading opens a page (at most a few rows above it), as sections do.
            if useBare, candidate == nil, row.items.count <= 14, text.utf16.count <= 90,
               rows[max(0, index - 3)..<index].filter({ $0.page == row.page }).count < 3,
               rules.bareKeywords.contains(where: { text.containsIgnoringCase($0) }), let bare = barePatterns.first(where: { SOCRegex.matches($0.1, text) }) {
                candidate = Found(kind: bare.0, title: text.trimmingCharacters(in: .whitespaces), row: index, confidence: 0.8)
            }
            guard let candidate, let candidateRank = Self.order.firstIndex(of: candidate.kind), candidateRank > rank else { continue }
            rank = candidateRank
            found.append(candidate)
        }
        return found
        }
        // Numbered headings first; un-numbered ones only when a section the report must have is still missing.
        var found = scan(useBare: false)
        var wanted = ["auditor_opinion", "management_assertion", "system_description"]
        if context.kind != .soc3 && context.type == .type2 { wanted.append("controls_and_tests") }
        if !wanted.allSatisfy({ kind in found.contains { $0.kind == kind } }) {
            found = scan(useBare: true)
        }
        guard let lastPage = context.paged.pages.last?.number else { return }
        var sections: [Section] = []
        for (position, item) in found.enumerated() {
            let first = rows[item.row].page
            var last = lastPage
            if position + 1 < found.count {
                let next = found[position + 1]
                let nextPage = rows[next.row].page
                // A heading at the top of its page closes the previous section on the page before.
                let rowsAbove = rows[..<next.row].reversed().prefix { $0.page == nextPage }.count
                last = max(first, rowsAbove <= 2 ? nextPage - 1 : nextPage)
            }
            sections.append(Section(kind: item.kind, title: item.title.foldedWhitespace, firstPage: first, lastPage: last,
                                    confidence: item.confidence))
        }
        context.sections = sections
    }
}

/// Regular expressions from SOC rule files, compiled once per document, with errors that name the key.
enum SOCRegex {
    static func compile(_ pattern: String, file: String, key: String, caseInsensitive: Bool = true) throws -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        } catch {
            throw RuleError(file: file, key: key, message: "is not a valid regular expression")
        }
    }

    /// Whether `regex` matches somewhere in `text`. A text without the words every match needs
    /// (`LiteralGate`) is answered without running the expression.
    static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        firstMatch(regex, text) != nil
    }

    static func firstMatch(_ regex: NSRegularExpression, _ text: String) -> NSTextCheckingResult? {
        guard LiteralGates.mayMatch(regex, text) else { return nil }
        return regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length))
    }

    /// Whether `regex` matches one of `texts` on its own. The texts that pass the literal gate are searched
    /// as one newline-joined text, which costs one call instead of one per line; a match inside one line is
    /// a match of that line. Without anchors or look-arounds an expression that matches a line alone also
    /// matches it inside the joined text (a newline is, like a text's end, no word character), so no match
    /// there means none in any line. A match across a newline, or an expression with anchors, is settled
    /// line by line.
    static func matchesAny(_ regex: NSRegularExpression, _ texts: [String]) -> Bool {
        let gate = LiteralGates.gate(for: regex)
        let candidates = gate.map { gate in texts.filter { gate.mayMatch($0) } } ?? texts
        guard candidates.count > 1, !needsLineByLine(regex.pattern) else {
            return candidates.contains { regex.firstMatch(in: $0, range: NSRange(location: 0, length: ($0 as NSString).length)) != nil }
        }
        let joined = candidates.joined(separator: "\n") as NSString
        guard let match = regex.firstMatch(in: joined as String, range: NSRange(location: 0, length: joined.length)) else { return false }
        if joined.rangeOfCharacter(from: .newlines, options: [], range: match.range).location == NSNotFound { return true }
        return candidates.contains { regex.firstMatch(in: $0, range: NSRange(location: 0, length: ($0 as NSString).length)) != nil }
    }

    /// Whether a pattern holds an anchor or look-around, which reads a line's ends or neighbours differently
    /// inside a joined text.
    static func needsLineByLine(_ pattern: String) -> Bool {
        pattern.contains("^") || pattern.contains("$") || pattern.contains("(?=") || pattern.contains("(?!")
            || pattern.contains("(?<") || ["\\A", "\\Z", "\\z", "\\G", "\\n", "\\R"].contains { pattern.contains($0) }
    }

    /// Capture group `index` of `match`, or nil when the group did not take part in the match.
    static func group(_ match: NSTextCheckingResult, _ index: Int, in text: NSString) -> String? {
        guard index < match.numberOfRanges else { return nil }
        let range = match.range(at: index)
        guard range.location != NSNotFound, range.location + range.length <= text.length else { return nil }
        return text.substring(with: range)
    }

    /// One alternation of escaped phrases, for keyword lists.
    static func alternation(_ phrases: [String]) -> String {
        phrases.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
    }
}
