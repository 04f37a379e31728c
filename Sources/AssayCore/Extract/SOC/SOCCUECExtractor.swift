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
        var listEnd: String
        var maxTableRows: Int

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
            case listEnd = "list_end"
            case maxTableRows = "max_table_rows"
        }
    }

    /// The patterns of `soc/cuecs.yaml`, compiled once per rule book: the extractor and
    /// `assay rules check` build the same value.
    struct Compiled: Sendable {
        static func shared(_ book: RuleBook) throws -> Compiled {
            try book.built(Rules.file) { try Compiled($0.load(Rules.self)) }
        }

        var rules: Rules
        var heading, number, bullet, inside, criteria, objective, responsibility, listEnd: NSRegularExpression

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
            listEnd = try SOCRegex.compile(rules.listEnd, file: f, key: "list_end")
        }
    }

    public func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws {
        let compiled = try Compiled.shared(context.rules)
        let rules = compiled.rules
        let heading = compiled.heading
        let number = compiled.number
        let bullet = compiled.bullet
        let inside = compiled.inside
        let criteria = compiled.criteria
        let objective = compiled.objective
        let responsibility = compiled.responsibility
        let listEnd = compiled.listEnd
        // Without a system description section (its heading unread), the whole report is searched: the
        // heading must stand alone on its line, which the auditor's prose never does.
        let description = context.section("system_description")
        let rows = SOCLayout.rows(context).filter { row in description.map { row.page >= $0.firstPage && row.page <= $0.lastPage } ?? true }
        guard let start = rows.lastIndex(where: { $0.text.count < 80 && SOCRegex.matches(heading, $0.text) }) else { return }

        struct Item { var rows: [SOCRow]; var objective: String?; var marked = true }
        var items: [Item] = []
        var markerX: Double?
        var currentObjective: String?
        var intro = 0
        for row in rows[(start + 1)...] {
            guard let first = row.items.first else { continue }
            let marker = first.word.text
            let isNumber = SOCRegex.firstMatch(number, marker).flatMap { SOCRegex.group($0, 1, in: marker as NSString) }.flatMap { Int($0) }
            let isBullet = SOCRegex.matches(bullet, marker)
            if let n = isNumber, row.items.count > 1 {
                if n == items.count + 1, markerX.map({ abs($0 - first.word.box.x0) < 12 }) ?? true {
                    markerX = markerX ?? first.word.box.x0
                    items.append(Item(rows: [row], objective: currentObjective))
                    continue
                }
                if !items.isEmpty { break }
            } else if isBullet, row.items.count > 1, markerX.map({ abs($0 - first.word.box.x0) < 12 }) ?? true {
                markerX = markerX ?? first.word.box.x0
                items.append(Item(rows: [row], objective: currentObjective))
                continue
            }
            if let match = SOCRegex.firstMatch(objective, row.text) {
                currentObjective = SOCRegex.group(match, 1, in: row.text as NSString).map { "Control Objective \($0)" }
                continue
            }
            if SOCRegex.matches(inside, row.text) { continue }
            if let x = markerX, !items.isEmpty {
                if first.word.box.x0 > x + 4 {
                    items[items.count - 1].rows.append(row)
                    continue
                }
                break
            }
            intro += 1
            if intro > rules.maxIntroRows { break }
        }
        if items.isEmpty {
            // A table of responsibilities without markers: each row that opens with one is a control, and the
            // rows under it (indented or not) continue it until the next.
            for row in rows[(start + 1)...].prefix(rules.maxTableRows) {
                if SOCRegex.matches(listEnd, row.text) && !items.isEmpty { break }
                if SOCRegex.matches(heading, row.text) { continue }
                if SOCRegex.matches(responsibility, row.text) {
                    items.append(Item(rows: [row], objective: currentObjective, marked: false))
                } else if !items.isEmpty, row.page == items[items.count - 1].rows.last?.page, let last = items[items.count - 1].rows.last,
                          row.box.y0 - last.box.y1 < 14 {
                    items[items.count - 1].rows.append(row)
                }
            }
        }
        for item in items {
            guard let firstRow = item.rows.first, let firstItem = firstRow.items.first else { continue }
            let rowWords = item.rows.map { Array($0.items.dropFirst(item.marked && $0.page == firstRow.page && $0.box == firstRow.box ? 1 : 0).map(\.word)) }
            let all = rowWords.map { $0.map(\.text).joined(separator: " ") }.joined(separator: " ").foldedWhitespace
            // A criteria column beside the text (a wide gap, then only references such as "CC6.2,") is
            // not part of the control's wording: keep it for `criteria`, leave it out of `text`.
            let text = rowWords.map { Self.dropCriteriaColumn($0, criteria: criteria).map(\.text).joined(separator: " ") }
                .joined(separator: " ").foldedWhitespace
            let ns = all as NSString
            var found = criteria.matches(in: all, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
            found = found.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
            if found.isEmpty, let objective = item.objective { found = [objective] }
            result.cuecs.append(CUEC(text: text, criteria: found, confidence: 0.9,
                                     evidence: [context.evidence(line: context.body[firstItem.bodyIndex])]))
        }
    }

    /// The words of a row without a trailing cell of criteria references: from the first word that
    /// is a whole reference and stands more than 12 points right of the word before it.
    static func dropCriteriaColumn(_ words: [Word], criteria: NSRegularExpression) -> [Word] {
        for index in words.indices.dropFirst() {
            let word = words[index]
            let token = word.text.trimmingCharacters(in: CharacterSet(charactersIn: ",;"))
            let range = NSRange(location: 0, length: (token as NSString).length)
            guard let match = criteria.firstMatch(in: token, range: range), match.range == range else { continue }
            let gap = word.box.x0 - words[index - 1].box.x1
            let rest = words[index...].allSatisfy {
                let t = $0.text.trimmingCharacters(in: CharacterSet(charactersIn: ",;"))
                let r = NSRange(location: 0, length: (t as NSString).length)
                return criteria.firstMatch(in: t, range: r)?.range == r
            }
            if gap > 12 && rest { return Array(words[..<index]) }
        }
        return words
    }
}
