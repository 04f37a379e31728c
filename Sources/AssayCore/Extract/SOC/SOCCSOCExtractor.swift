import AssayModel
import Foundation

/// Complementary subservice-organisation controls (`csocs[]`): the table or list under their heading,
/// each control with the subservice organisation it falls on and its criteria.
///
/// The region runs from a heading line of its own ("Complementary Subservice Organization Controls")
/// to the next topic's heading. A table in it is read by `TableReader` (columns subservice
/// organisation | control | criteria, in any order; a row whose control cell opens a new sentence
/// starts a control, and an organisation cell left empty keeps the one above). Without a table, the
/// list items are the controls, and a short line naming a subservice organisation heads the items
/// under it. Names are given as the subservice-organisation list spells them where they match, so
/// run after `SOCSubserviceExtractor`.
public struct SOCCSOCExtractor: DocumentExtractor {
    public var kinds: Set<DocumentKind> { [.soc1, .soc2] }

    public init() {}

    package static var file: String { Rules.file }

    struct Table: Decodable {
        var requiredWords: [String]
        var roles: [SOCExceptionExtractor.RolePattern]
        var stack: Double
        var cellGap: Double
        var minCells: Int
        var maxControlWords: Int

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case requiredWords = "required_words"
            case roles
            case stack
            case cellGap = "cell_gap"
            case minCells = "min_cells"
            case maxControlWords = "max_control_words"
        }
    }

    struct ConfidenceRules: Decodable { var table: Double; var list: Double }

    struct Rules: RuleFile {
        package static let file = "soc/csocs.yaml"
        package static let version = 1

        var version: Int
        var heading: String
        var endHeading: String
        var headerLine: String
        var headerLineWords: Int
        var subject: String
        var maxPages: Int
        var table: Table
        var listItem: String
        var orgLineMax: Int
        var legalForms: [String]
        /// Words a title leaves in lower case (`isTitle`).
        var titleSmallWords: [String]
        var criteria: String
        var confidence: ConfidenceRules

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case version
            case heading
            case endHeading = "end_heading"
            case headerLine = "header_line"
            case headerLineWords = "header_line_words"
            case subject
            case maxPages = "max_pages"
            case table
            case listItem = "list_item"
            case orgLineMax = "org_line_max"
            case legalForms = "legal_forms"
            case titleSmallWords = "title_small_words"
            case criteria
            case confidence
        }
    }

    struct Compiled: Sendable {
        /// The rules compiled once per rule book (`RuleWarmUp` builds them while the report is segmented).
        static func shared(_ book: RuleBook) throws -> Compiled {
            try book.built(SOCCSOCExtractor.file) { try Compiled($0.load(Rules.self, from: SOCCSOCExtractor.file)) }
        }

        var rules: Rules
        var heading, endHeading, headerLine, subject, listItem, criteria: NSRegularExpression
        var header: TableHeaderRules
        var titleSmallWords: Set<String>

        init(_ rules: Rules) throws {
            self.rules = rules
            titleSmallWords = Set(rules.titleSmallWords)
            let f = SOCCSOCExtractor.file
            heading = try SOCRegex.compile(rules.heading, file: f, key: "heading")
            endHeading = try SOCRegex.compile(rules.endHeading, file: f, key: "end_heading")
            headerLine = try SOCRegex.compile(rules.headerLine, file: f, key: "header_line")
            subject = try SOCRegex.compile(rules.subject, file: f, key: "subject", caseInsensitive: false)
            listItem = try SOCRegex.compile(rules.listItem, file: f, key: "list_item")
            criteria = try SOCRegex.compile(rules.criteria, file: f, key: "criteria", caseInsensitive: false)
            let roles = try rules.table.roles.enumerated().map { index, entry in
                (role: entry.role, pattern: try SOCRegex.compile(entry.pattern, file: f, key: "table.roles[\(index)].pattern"))
            }
            header = TableHeaderRules(roles: roles, requiredRole: "control", alsoOneOf: ["subservice", "criteria"],
                                      requiredWords: rules.table.requiredWords.map { $0.lowercased() }, stack: rules.table.stack,
                                      cellGap: rules.table.cellGap, minCells: rules.table.minCells,
                                      maxRequiredWords: rules.table.maxControlWords, continuationMayReachRequired: true)
        }
    }

    /// One CSOC being assembled.
    struct Item {
        var organization: String
        var control: [SOCRow.Item] = []
        var text = ""
        var criteriaText = ""
        var firstLine: Int
        var fromTable: Bool
    }

    /// The number of words of `text` split at spaces: an ASCII text's spaces are counted byte by byte (this
    /// runs on every line of a report), other text is split by character.
    static func wordCount(_ text: String) -> Int {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(separator: " ").count }
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    public func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws {
        let rules = try Compiled.shared(context.rules)
        let names = result.subserviceOrganizations.map(\.name)
        let body = context.body
        var found: [CSOC] = []
        var seen = Set<String>()
        var index = 0
        while index < body.count {
            let line = TableReader.plain(body[index].text)
            let isHeading = SOCRegex.matches(rules.heading, line)
            // A table header naming the CSOC column opens a region too, its own line included.
            let isHeader = !isHeading && Self.wordCount(line) <= rules.rules.headerLineWords
                && SOCRegex.matches(rules.headerLine, line)
            guard isHeading || isHeader else { index += 1; continue }
            var end = index + 1
            while end < body.count, body[end].page <= body[index].page + rules.rules.maxPages {
                let text = TableReader.plain(body[end].text)
                if SOCRegex.matches(rules.endHeading, text) || SOCRegex.matches(rules.heading, text) { break }
                end += 1
            }
            // A heading before the report's first section is a table of contents' entry.
            if let firstSection = context.sections.map(\.firstPage).min(), body[index].page < firstSection {
                index = end
                continue
            }
            // The heading line itself is in the region: it may be a cell of the table's header.
            let region = index..<end
            // Below a header line only a table counts (the phrase also ends short lines of running text).
            var items = tableItems(context, region: region, rules: rules, names: names, headerAt: isHeader ? index : nil)
            if items.isEmpty, isHeading { items = listItems(context, region: region, rules: rules, names: names) }
            // Controls under no organisation's name: the subject that names one ("Acme is responsible for …"), or
            // else the one known organisation the lines before the first control name.
            let before = items.map(\.firstLine).min().map { region.lowerBound..<max(region.lowerBound, $0) } ?? region
            let introduced = Set(before.compactMap { body[$0].text.count <= rules.rules.orgLineMax
                ? Self.named(in: TableReader.plain(body[$0].text), names: names, legalForms: rules.rules.legalForms) : nil })
            let mentioned = Set(Self.mentioned(in: before.map { TableReader.plain(body[$0].text) }.joined(separator: " "), names: names,
                                               legalForms: rules.rules.legalForms))
            for at in items.indices where items[at].organization.isEmpty {
                let text = Self.closingDropCapital(items[at].text)
                if let subject = subject(of: text, rules: rules, names: names) {
                    items[at].organization = subject
                } else if introduced.count == 1, let only = introduced.first {
                    items[at].organization = only
                } else if mentioned.count == 1, let only = mentioned.first {
                    items[at].organization = only
                }
            }
            for entry in items {
                var item = entry
                // A bullet printed in the cell is no part of the control.
                item.text = String(item.text.drop { !$0.isLetter && !$0.isNumber && $0 != "(" })
                if Self.isTitle(item.text, smallWords: rules.titleSmallWords) { continue }
                let key = item.text.foldedForKey
                guard !key.isEmpty, !seen.contains(key) else { continue }
                seen.insert(key)
                var criteria: [String] = []
                for text in [item.criteriaText, item.text] {
                    let ns = text as NSString
                    for match in rules.criteria.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                        let ref = ns.substring(with: match.range).replacingOccurrences(of: " ", with: "")
                        if !criteria.contains(ref) { criteria.append(ref) }
                    }
                }
                var evidence: [Evidence] = []
                if let first = item.control.first {
                    evidence.append(quote(first, items: item.control, context: context) ?? context.evidence(line: body[first.bodyIndex]))
                } else {
                    evidence.append(context.evidence(line: body[item.firstLine]))
                }
                // One organisation as the list spells it; several ("Acme and Bolt") as printed.
                var organization: String?
                if !item.organization.isEmpty {
                    let known = Self.mentioned(in: item.organization, names: names, legalForms: rules.rules.legalForms)
                    organization = known.count == 1 ? known[0] : known.count > 1 ? item.organization
                        : Self.matched(item.organization, names: names) ?? item.organization
                }
                found.append(CSOC(text: Self.closingDropCapital(item.text), subserviceOrganization: organization, criteria: criteria,
                                  confidence: item.fromTable ? rules.rules.confidence.table : rules.rules.confidence.list,
                                  evidence: evidence))
            }
            index = max(end, index + 1)
        }
        result.csocs += found
    }

    /// The organisations a short line names when it is little else than their names ("Acme Hosting, Inc. and Bolt
    /// Ltd."): a control's wrapped line that mentions one is not such a line.
    func organizationLine(_ text: String, rules: Compiled, names: [String]) -> String? {
        guard text.count <= rules.rules.orgLineMax else { return nil }
        let found = Self.mentioned(in: text, names: names, legalForms: rules.rules.legalForms)
        guard !found.isEmpty,
              text.split(separator: " ").count <= found.map { $0.split(separator: " ").count }.reduce(0, +) + 2 * found.count
        else { return nil }
        return Self.named(in: text, names: names, legalForms: rules.rules.legalForms)
    }

    /// A short line in title case without a full stop (a running title or page heading), which is no control.
    static func isTitle(_ text: String, smallWords small: Set<String>) -> Bool {
        let words = text.split(separator: " ")
        guard !text.hasSuffix("."), words.count <= 10 else { return false }
        return words.allSatisfy { word in small.contains(word.lowercased()) || word.first.map { $0.isUppercase || $0.isNumber } ?? true }
    }

    /// The organisations a control names as its subject ("Acme and Bolt are responsible for …"), when every one of
    /// them is a known subservice organisation: as the list spells it when there is one, as printed when several.
    func subject(of text: String, rules: Compiled, names: [String]) -> String? {
        let text = String(text.drop { !$0.isLetter && !$0.isNumber })
        guard let match = SOCRegex.firstMatch(rules.subject, text), let found = SOCRegex.group(match, 1, in: text as NSString),
              found.count <= 60 else { return nil }
        let subject = found.trimmingCharacters(in: .whitespaces)
        let parts = subject.components(separatedBy: CharacterSet(charactersIn: ",&")).flatMap { $0.components(separatedBy: " and ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let matched = parts.map { Self.matched($0, names: names) }
        guard !matched.isEmpty, matched.allSatisfy({ $0 != nil }) else { return nil }
        return matched.count == 1 ? matched[0] : subject
    }

    /// Text whose first letter was printed apart from its word ("L ogical access …") with the word closed up.
    static func closingDropCapital(_ text: String) -> String {
        guard text.range(of: #"^[B-HJ-Z] \p{Ll}"#, options: .regularExpression) != nil else { return text }
        var closed = text
        closed.remove(at: closed.index(after: closed.startIndex))
        return closed
    }

    /// The subservice-organisation name `text` stands for, as the list spells it: the same words, one name
    /// inside the other, or the same first word (a short name, "Acme" for "Acme Hosting, Inc.").
    static func matched(_ text: String, names: [String]) -> String? {
        let key = text.foldedForKey
        guard !key.isEmpty else { return nil }
        if let same = names.first(where: { $0.foldedForKey == key }) { return same }
        if let inside = names.first(where: { name in
            let nameKey = name.foldedForKey
            return nameKey.count >= 3 && (" " + key + " ").contains(" " + nameKey + " ") || key.count >= 3 && (" " + nameKey + " ").contains(" " + key + " ")
        }) { return inside }
        let first = key.split(separator: " ").first.map(String.init) ?? ""
        guard first.count >= 4 else { return nil }
        let byFirst = names.filter { $0.foldedForKey.split(separator: " ").first.map(String.init) == first }
        return byFirst.count == 1 ? byFirst[0] : nil
    }

    /// The subservice organisations named in `text` (a list's or table's organisation line): as the list spells
    /// the name when it names one, the line as printed when it names several; nil when it names none.
    static func named(in text: String, names: [String], legalForms: [String] = []) -> String? {
        let found = mentioned(in: text, names: names, legalForms: legalForms)
        if found.count == 1 { return found[0] }
        return found.isEmpty ? nil : text.trimmingCharacters(in: CharacterSet(charactersIn: " :"))
    }

    /// The known names whose words (without a bracketed part or a legal form) occur in `text`.
    static func mentioned(in text: String, names: [String], legalForms: [String]) -> [String] {
        let key = " " + text.foldedForKey + " "
        let forms = Set(legalForms)
        return names.filter { name in
            let bare = name.replacingOccurrences(of: #"\([^()]*\)"#, with: " ", options: .regularExpression)
            var words = bare.foldedForKey.split(separator: " ").map(String.init)
            while let last = words.last, words.count > 1, forms.contains(last) { words.removeLast() }
            let joined = words.joined(separator: " ")
            return joined.count >= 3 && key.contains(" " + joined + " ")
        }
    }

    func tableItems(_ context: DocumentContext, region: Range<Int>, rules: Compiled, names: [String], headerAt: Int?) -> [Item] {
        guard !region.isEmpty else { return [] }
        // A row with any word in the region: a header cell beside the heading may be a body line of its own.
        let rows = SOCLayout.rows(context).filter { row in row.items.contains { region.contains($0.bodyIndex) } }
        let tableRows = TableReader.read(rows, rules: rules.header)
        if let headerAt {
            // The header the region opened at must be the table's: the rows start just under it.
            guard let first = tableRows.first?.row, let top = rows.first(where: { $0.items.contains { $0.bodyIndex == headerAt } }),
                  first.page == top.page, first.box.y0 >= top.box.y0, first.box.y0 - top.box.y1 <= 80 else { return [] }
        }
        var items: [Item] = []
        var open: Item?
        var organization = ""
        var lastControlLine = ""
        var previousRowHadOrganization = false
        func close() {
            if var item = open, !item.control.isEmpty {
                item.text = SOCExceptionExtractor.joiningHyphens(TableReader.plain(item.control.map(\.word.text).joined(separator: " ")))
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                items.append(item)
            }
            open = nil
        }
        for tableRow in tableRows {
            let rowText = TableReader.plain(tableRow.row.text)
            if tableRow.isTitle {
                // An organisation's name written over the table heads the rows under it.
                if let name = organizationLine(rowText, rules: rules, names: names) { close(); organization = name }
                continue
            }
            if !tableRow.has("subservice"), TableReader.plain(tableRow.text("criteria")).isEmpty,
               let name = organizationLine(rowText, rules: rules, names: names) {
                // A row naming the organisations the rows under it fall on.
                close()
                organization = name
                lastControlLine = ""
                continue
            }
            let organizationText = TableReader.plain(tableRow.text("subservice"))
            let controlText = TableReader.plain(tableRow.text("control"))
            let criteriaText = TableReader.plain(tableRow.text("criteria"))
            if controlText.isEmpty {
                if !organizationText.isEmpty {
                    if open != nil { open?.organization += " " + organizationText; organization = open?.organization ?? organization }
                    else { organization = organizationText }
                }
                if !criteriaText.isEmpty { open?.criteriaText += " " + criteriaText }
                previousRowHadOrganization = !organizationText.isEmpty
                continue
            }
            let startsUpper = controlText.unicodeScalars.first.map {
                CharacterSet.uppercaseLetters.contains($0) || CharacterSet.decimalDigits.contains($0) || !CharacterSet.letters.contains($0)
            } ?? false
            let previousEnded = lastControlLine.isEmpty || SOCExceptionExtractor.endsSentence(lastControlLine)
            let criteriaStarts = SOCRegex.firstMatch(rules.criteria, criteriaText)?.range.location == 0 && !(open?.criteriaText.isEmpty ?? true)
            // An organisation cell opens a control unless it continues the name printed on the row above.
            let organizationStarts = !organizationText.isEmpty && !previousRowHadOrganization
            let starts = open == nil || (startsUpper && (previousEnded || organizationStarts || criteriaStarts))
            if starts {
                close()
                if !organizationText.isEmpty { organization = organizationText }
                open = Item(organization: organization, firstLine: tableRow.items("control").first?.bodyIndex ?? region.lowerBound, fromTable: true)
            } else if !organizationText.isEmpty {
                open?.organization += " " + organizationText
                organization = open?.organization ?? organization
            }
            open?.control += tableRow.items("control")
            if !criteriaText.isEmpty { open?.criteriaText += " " + criteriaText }
            lastControlLine = controlText
            previousRowHadOrganization = !organizationText.isEmpty
        }
        close()
        return items
    }

    func listItems(_ context: DocumentContext, region: Range<Int>, rules: Compiled, names: [String]) -> [Item] {
        let body = context.body
        var items: [Item] = []
        var open: Item?
        var organization = ""
        func close() { if let item = open { items.append(item) }; open = nil }
        for index in region {
            let text = TableReader.plain(body[index].text)
            guard !text.isEmpty else { continue }
            let ns = text as NSString
            if let marker = SOCRegex.firstMatch(rules.listItem, text), marker.range.location == 0 {
                close()
                let rest = ns.substring(from: marker.range.length).trimmingCharacters(in: .whitespaces)
                open = Item(organization: organization, text: rest, firstLine: index, fromTable: false)
                continue
            }
            if let name = organizationLine(text, rules: rules, names: names) {
                close()
                organization = name
                continue
            }
            if var item = open, let first = text.unicodeScalars.first,
               CharacterSet.lowercaseLetters.contains(first) || !SOCExceptionExtractor.endsSentence(item.text) {
                item.text += " " + text
                open = item
                continue
            }
            close()
        }
        close()
        return items.map { item in
            var item = item
            item.text = item.text.foldedWhitespace
            return item
        }
    }

    /// A quote of the control cell from its first line.
    func quote(_ first: SOCRow.Item, items: [SOCRow.Item], context: DocumentContext) -> Evidence? {
        let line = context.body[first.bodyIndex]
        let words = items.filter { $0.bodyIndex == first.bodyIndex }.map(\.word)
        guard !words.isEmpty else { return nil }
        let quote = words.map(\.text).joined(separator: " ").foldedWhitespace
        guard line.text.foldedWhitespace.contains(quote) else { return nil }
        let box = words.dropFirst().reduce(words[0].box) { $0.union($1.box) }
        return Evidence(page: line.page, quote: quote, bbox: context.paged.mediaType == .pdf ? box.array : nil)
    }
}
