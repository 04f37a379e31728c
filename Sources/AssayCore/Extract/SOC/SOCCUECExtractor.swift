import AssayModel
import Foundation

/// Complementary user-entity controls: the items of the list under their heading in the system
/// description, with the criteria each names (or the control objective it is grouped under).
///
/// Items are counted by their markers: numbers must run in sequence (so "12. Significant Changes"
/// after item 8 ends the list), and a row that is not indented past the marker ends it unless it
/// is a subheading or a repeated table header.
public struct SOCCUECExtractor: DocumentExtractor {
    public var kinds: Set<DocumentKind> { [.soc1, .soc2] }
    public var isIndependent: Bool { true }

    public init() {}

    struct Rules: RuleFile, Sendable {
        package static let file = "soc/cuecs.yaml"
        package static let version = 1

        var version: Int
        var heading: String
        var number: String
        var bullet: String
        var inside: String
        var maxIntroRows: Int
        var criteria: String
        var objective: String
        var responsibility: String
        var statesResponsibility: String
        var criteriaHeading: String
        var maxHeadingRows: Int
        var listEnd: String
        var maxTableRows: Int
        var footFraction: Double

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case version
            case heading
            case number
            case bullet
            case inside
            case maxIntroRows = "max_intro_rows"
            case criteria
            case objective
            case responsibility
            case statesResponsibility = "states_responsibility"
            case criteriaHeading = "criteria_heading"
            case maxHeadingRows = "max_heading_rows"
            case listEnd = "list_end"
            case maxTableRows = "max_table_rows"
            case footFraction = "foot_fraction"
        }
    }

    /// The patterns of `soc/cuecs.yaml`, compiled once per rule book: the extractor and
    /// `assay rules check` build the same value.
    struct Compiled: Sendable {
        static func shared(_ book: RuleBook) throws -> Compiled {
            try book.built(Rules.file) { try Compiled($0.load(Rules.self)) }
        }

        var rules: Rules
        var heading, number, bullet, inside, criteria, objective, responsibility, statesResponsibility, criteriaHeading, listEnd: NSRegularExpression

        init(_ rules: Rules) throws {
            self.rules = rules
            let f = Rules.file
            heading = try SOCRegex.compile(rules.heading, file: f, key: "heading")
            number = try SOCRegex.compile(rules.number, file: f, key: "number")
            bullet = try SOCRegex.compile(rules.bullet, file: f, key: "bullet")
            inside = try SOCRegex.compile(rules.inside, file: f, key: "inside")
            criteria = try SOCRegex.compile(rules.criteria, file: f, key: "criteria", caseInsensitive: false)
            objective = try SOCRegex.compile(rules.objective, file: f, key: "objective")
            responsibility = try SOCRegex.compile(rules.responsibility, file: f, key: "responsibility")
            statesResponsibility = try SOCRegex.compile(rules.statesResponsibility, file: f, key: "states_responsibility")
            criteriaHeading = try SOCRegex.compile(rules.criteriaHeading, file: f, key: "criteria_heading", caseInsensitive: false)
            listEnd = try SOCRegex.compile(rules.listEnd, file: f, key: "list_end")
        }
    }

    public func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws {
        let compiled = try Compiled.shared(context.rules)
        let heading = compiled.heading
        let bullet = compiled.bullet
        let criteria = compiled.criteria
        // Without a system description section (its heading unread), the whole report is searched: the
        // heading must stand alone on its line, which the auditor's prose never does.
        let description = context.section("system_description")
        let rows = SOCLayout.rows(context).filter { row in description.map { row.page >= $0.firstPage && row.page <= $0.lastPage } ?? true }
        guard let start = rows.lastIndex(where: { $0.text.count < 80 && SOCRegex.matches(heading, $0.text) }) else { return }
        let list = Array(rows[(start + 1)...])
        var items = markedItems(list, compiled: compiled, context: context)
        if items.isEmpty { items = tableItems(list, compiled: compiled) }
        for item in items {
            guard let firstRow = item.rows.first, let firstItem = firstRow.items.first else { continue }
            // The marker of a marked item is left out; a criteria cell before it is kept for `criteria`.
            let rowWords = item.rows.map { row -> [Word] in
                let words = row.items.map(\.word)
                guard item.marked, row.page == firstRow.page, row.box == firstRow.box else { return words }
                let rest = Self.dropLeadingCriteria(words, criteria: criteria)
                return Array(words.prefix(words.count - rest.count)) + rest.dropFirst()
            }
            let all = rowWords.map { $0.map(\.text).joined(separator: " ") }.joined(separator: " ").foldedWhitespace
            // A criteria column beside the text (a wide gap, then only references such as "CC6.2,") is
            // not part of the control's wording: keep it for `criteria`, leave it out of `text`.
            var textWords = rowWords.map { Self.dropCriteriaColumn(Self.dropLeadingCriteria($0, criteria: criteria), criteria: criteria) }
            // Columns right of the text that open with a criteria reference (criteria, then another catalogue's
            // ids, wrapped over the rows of the item): every word from that column's left edge on is left out.
            if let edge = textWords.compactMap({ Self.criteriaColumnStart($0, criteria: criteria) }).min() {
                textWords = textWords.map { $0.filter { $0.box.x0 < edge - 1 } }
            }
            // An unmarked item that opens with a bullet glyph after all (one the list's markers were not read from).
            if let opening = textWords.first?.first, SOCRegex.matches(bullet, opening.text) { textWords[0].removeFirst() }
            let text = SOCText.withoutBidiMarks(textWords.map { $0.map(\.text).joined(separator: " ") }.joined(separator: " ")).foldedWhitespace
            // The evidence is the line the wording starts on (a bullet may be a line of its own).
            let opening = textWords.first(where: { !$0.isEmpty })?.first
            let quoted = item.rows.lazy.flatMap(\.items).first { $0.word.box == opening?.box && $0.word.text == opening?.text } ?? firstItem
            var found = Self.references(in: all, criteria: criteria)
            if found.isEmpty, let objective = item.objective { found = [objective] }
            result.cuecs.append(CUEC(text: text, criteria: found, confidence: 0.9,
                                     evidence: [context.evidence(line: context.body[quoted.bodyIndex])]))
        }
    }

    /// An item of the list: its rows, the control objective or criteria it stands under, and whether
    /// its first word is a marker ("1.", "•").
    struct Item { var rows: [SOCRow]; var objective: String?; var marked = true }

    /// The items of a numbered or bulleted list: numbers must run in sequence, a row not indented past
    /// the marker ends the list unless it is a heading, a repeated table header or a page's foot.
    func markedItems(_ rows: [SOCRow], compiled: Compiled, context: DocumentContext) -> [Item] {
        let rules = compiled.rules, number = compiled.number, bullet = compiled.bullet, inside = compiled.inside
        let criteria = compiled.criteria, objective = compiled.objective, criteriaHeading = compiled.criteriaHeading
        var items: [Item] = []
        var markerX: Double?
        var currentObjective: String?
        var intro = 0
        // Rows left of the markers after a criteria heading ("CC 2.1  The entity obtains …" over its
        // bulleted controls): the heading's wording, skipped until the next marker.
        var headingRows: Int?
        // Set once the list has run past a page's foot: only a new item or heading continues it.
        var crossedFoot = false
        for row in rows {
            // A criteria cell left of the list ("CC6.1  •  Customers …") names the criteria of the items beside
            // and under it; the list's own left edge is the first word after it.
            let words = Self.dropLeadingCriteria(row.items.map(\.word), criteria: criteria)
            if words.count < row.items.count, let found = Self.references(in: row.text, criteria: criteria).first {
                currentObjective = found
            }
            guard let first = words.first else { continue }
            let marker = first.text
            let isNumber = SOCRegex.firstMatch(number, marker).flatMap { SOCRegex.group($0, 1, in: marker as NSString) }.flatMap { Int($0) }
            let isBullet = SOCRegex.matches(bullet, marker)
            if let n = isNumber, words.count > 1 {
                if n == items.count + 1, markerX.map({ abs($0 - first.box.x0) < 12 }) ?? true {
                    markerX = markerX ?? first.box.x0
                    items.append(Item(rows: [row], objective: currentObjective))
                    headingRows = nil
                    crossedFoot = false
                    continue
                }
                if !items.isEmpty { break }
            } else if isBullet, words.count > 1, markerX.map({ abs($0 - first.box.x0) < 12 }) ?? true {
                markerX = markerX ?? first.box.x0
                items.append(Item(rows: [row], objective: currentObjective))
                headingRows = nil
                crossedFoot = false
                continue
            }
            if let match = SOCRegex.firstMatch(objective, row.text) {
                currentObjective = SOCRegex.group(match, 1, in: row.text as NSString).map { "Control Objective \($0)" }
                continue
            }
            if markerX.map({ first.box.x0 < $0 - 4 }) ?? true, SOCRegex.firstMatch(criteriaHeading, row.text)?.range.location == 0 {
                // A criteria heading left of the markers: the items under it are controls for those criteria.
                currentObjective = Self.references(in: row.text, criteria: criteria).first
                headingRows = 0
                continue
            }
            if let count = headingRows, count < rules.maxHeadingRows, let x = markerX, first.box.x0 < x - 4 {
                headingRows = count + 1
                continue
            }
            if SOCRegex.matches(inside, row.text) { continue }
            if let x = markerX, !items.isEmpty {
                if first.box.x0 > x + 4, !crossedFoot {
                    items[items.count - 1].rows.append(row)
                    continue
                }
                // A page's foot under the list (a running title or notice that was not recognised as furniture)
                // does not end it: the list may go on over the page, with a marker or a criteria heading.
                if Self.inFoot(row, context: context, fraction: rules.footFraction) {
                    crossedFoot = true
                    continue
                }
                break
            }
            intro += 1
            if intro > rules.maxIntroRows { break }
        }
        return items
    }

    /// The items of a table of responsibilities without markers: each row that opens with one is a
    /// control, and the rows under it (indented or not) continue it until the next.
    func tableItems(_ rows: [SOCRow], compiled: Compiled) -> [Item] {
        let rules = compiled.rules, heading = compiled.heading, criteria = compiled.criteria, responsibility = compiled.responsibility
        let statesResponsibility = compiled.statesResponsibility, listEnd = compiled.listEnd
        var items: [Item] = []
        var currentObjective: String?
        var previous: SOCRow?
        let table = Array(rows.prefix(rules.maxTableRows))
        // Where the table's criteria column starts, once a row has shown it (its id columns lie beyond).
        let columnEdge = table.compactMap { Self.criteriaColumnStart(Self.dropLeadingCriteria($0.items.map(\.word), criteria: criteria),
                                                                     criteria: criteria) }.min() ?? .infinity
        // A row's own wording: after a criteria cell ("CC6.1  Customers are responsible for …") and left of
        // criteria and id columns, without the bidi marks some exports wrap every word in.
        func wording(_ row: SOCRow) -> String {
            SOCText.withoutBidiMarks(Self.dropLeadingCriteria(row.items.map(\.word), criteria: criteria).filter { $0.box.x0 < columnEdge - 1 }
                .map(\.text).joined(separator: " ")).foldedWhitespace
        }
        for (offset, row) in table.enumerated() {
            defer { previous = row }
            if SOCRegex.matches(listEnd, row.text) && !items.isEmpty { break }
            if SOCRegex.matches(heading, row.text) { continue }
            let words = Self.dropLeadingCriteria(row.items.map(\.word), criteria: criteria)
            let own = wording(row)
            // The sentence may state the responsibility on its second line ("Customers using the mobile
            // app / are responsible for …").
            let next = offset + 1 < table.count && table[offset + 1].page == row.page ? wording(table[offset + 1]) : ""
            // A control opens with a capital (or a marker): a line of prose that wraps to start with "user
            // entity must …" goes on with the sentence above it.
            let opensSentence = own.unicodeScalars.first.map { !CharacterSet.lowercaseLetters.contains($0) } ?? false
            let opensItem = opensSentence && SOCRegex.matches(responsibility, own)
            // In a table of them, a new sentence that states a responsibility ("Mobile-specific - Customers are
            // responsible …") opens the next control too.
            // Only right under the last control: a paragraph set apart after the table ("This list should not be …")
            // is no control.
            let underLast = previous.map { above in
                (items.last?.rows.last.map { $0.page == above.page && $0.box == above.box } ?? false)
                    && (row.page != above.page || row.box.y0 - above.box.y1 < 14)
            } ?? false
            let nextInTable = underLast && opensSentence && previous.map { SOCExceptionExtractor.endsSentence(wording($0)) } == true
                && SOCRegex.matches(statesResponsibility, own + " " + next)
            if opensItem || nextInTable {
                // A criteria cell: the controls beside and under it that name none serve its criteria.
                if words.count < row.items.count, let found = Self.references(in: row.text, criteria: criteria).first {
                    currentObjective = found
                }
                items.append(Item(rows: [row], objective: currentObjective, marked: false))
            } else if !items.isEmpty, row.page == items[items.count - 1].rows.last?.page, let last = items[items.count - 1].rows.last,
                      row.box.y0 - last.box.y1 < 14 {
                items[items.count - 1].rows.append(row)
            }
        }
        return items
    }
}
