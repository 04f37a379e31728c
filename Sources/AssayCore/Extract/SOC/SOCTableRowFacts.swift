import Foundation

extension SOCExceptionExtractor {
    /// What one table row says on its own, before the rows are grouped into controls: its cell texts and
    /// what the rules make of them (a criteria heading, a control id, a result that opens). Grouping then
    /// only weighs each row against the control open above it.
    struct RowFacts {
        enum Kind {
            /// A title over a page's repeated header that heads a criteria group (`closes` unless it says "continued").
            case title(criteria: [String], closes: Bool)
            /// A "CC7.1 (continued)" row: the group goes on, with these criteria when it names any.
            case continued(criteria: [String])
            /// A row that is no part of any control: another title, a page number left under the table.
            case ignored
            case row
        }

        var kind: Kind
        var hasID = false, hasTest = false
        var controlText = "", testText = "", resultsText = ""
        /// The row opens a criteria group; `groupCriteria` are the group's criteria from then on.
        var criteriaStart = false
        var groupCriteria: [String] = []
        /// The criteria written in the row's own criteria cells.
        var ownCriteria: [String] = []
        /// With an id column: whether the row opens a control, and its id.
        var idStarts = false
        var id: String?
        /// With a test column: whether the result cell opens as `result_start` says; whether the result or the
        /// test cell opens like a new one (before the cell above is weighed); whether the control cell opens
        /// with a capital or a digit.
        var resultMatchesStart = false, resultOpens = false, testOpens = false, controlStartsUpper = false

        init(kind: Kind) { self.kind = kind }
    }

    /// The facts of every row, in order: on up to `threads` threads for a long table, each thread reading a
    /// run of rows with its own store of criteria references (criteria cells repeat row after row).
    func rowFacts(_ tableRows: [TableRow], rules: Compiled, threads: Int) -> [RowFacts] {
        let chunks = threads > 1 && tableRows.count >= 256 ? threads * 4 : 1
        let size = (tableRows.count + chunks - 1) / max(chunks, 1)
        let ranges = stride(from: 0, to: tableRows.count, by: max(size, 1)).map { $0..<min($0 + size, tableRows.count) }
        return ranges.parallelMap(threads: chunks > 1 ? threads : 1) { range -> [RowFacts] in
            var reader = CriteriaReader(extractor: self, rules: rules)
            return tableRows[range].map { reader.facts($0) }
        }.flatMap { $0 }
    }

    /// Reads the facts of rows one after another, keeping the criteria references of the cell texts seen.
    struct CriteriaReader {
        let extractor: SOCExceptionExtractor
        let rules: Compiled
        /// Keyed by the UTF-8 bytes, since String equality would join canonically equal texts.
        private var refsByText: [[UInt8]: [String]] = [:]

        init(extractor: SOCExceptionExtractor, rules: Compiled) {
            self.extractor = extractor
            self.rules = rules
        }

        mutating func refs(_ text: String) -> [String] {
            let key = Array(text.utf8)
            if let known = refsByText[key] { return known }
            let found = extractor.criteriaRefs(text, rules)
            refsByText[key] = found
            return found
        }

        mutating func facts(_ tableRow: TableRow) -> RowFacts {
            let rowText = extractor.clean(tableRow.row.text)
            if tableRow.isTitle {
                // A title over the next page's header: a control-objective or criteria heading opens a new group.
                guard let match = SOCRegex.firstMatch(rules.criteriaHeading, rowText) else { return RowFacts(kind: .ignored) }
                let found = refs(rowText)
                let criteria = found.isEmpty ? SOCRegex.group(match, 2, in: rowText as NSString).map { [$0] } ?? [] : found
                let closes = !rowText.lowercased().hasSuffix(rules.rules.continuedMarker.lowercased())
                return RowFacts(kind: .title(criteria: criteria, closes: closes))
            }
            if rowText.count < 80, rowText.lowercased().hasSuffix(rules.rules.continuedMarker.lowercased()) {
                // "CC7.1 (continued)": the group goes on; the control open before the page break may too.
                return RowFacts(kind: .continued(criteria: refs(rowText)))
            }
            var facts = RowFacts(kind: .row)
            facts.hasID = tableRow.has("id")
            facts.hasTest = tableRow.has("test")
            let idText = SOCExceptionExtractor.closeHyphens(extractor.clean(tableRow.text("id")))
            let criteriaText = extractor.clean(tableRow.text("criteria"))
            facts.controlText = extractor.clean(tableRow.text("control"))
            facts.testText = extractor.clean(tableRow.text("test"))
            facts.resultsText = extractor.clean(tableRow.text("results"))
            // A page number left under the table is not a row of it.
            if facts.resultsText.allSatisfy(\.isNumber), !facts.resultsText.isEmpty, facts.testText.isEmpty {
                return RowFacts(kind: .ignored)
            }
            // Whether the id cell is a control id, asked below in up to three places: matched once.
            let idIsControl = facts.hasID && SOCRegex.matches(rules.controlID, idText)
            // A criteria reference opening the criteria cell (or a heading row written across the table).
            let firstCriteriaWord = criteriaText.split(separator: " ").first.map(String.init) ?? ""
            var criteriaStart = !firstCriteriaWord.isEmpty && (SOCRegex.matches(rules.controlID, firstCriteriaWord)
                || extractor.isCriteriaReference(firstCriteriaWord, rules) || SOCRegex.matches(rules.criteriaHeading, criteriaText))
            // A heading row written across the table ("CC7.1 Detection and monitoring procedures…") has no result.
            if !criteriaStart, facts.resultsText.isEmpty || tableRow.spans, SOCRegex.matches(rules.criteriaHeading, rowText),
               !(idIsControl && !extractor.isCriteriaReference(idText, rules)) {
                criteriaStart = true
            }
            facts.criteriaStart = criteriaStart
            if criteriaStart {
                // A reference that is not a trust services criterion (another catalogue's id) clears the criteria;
                // a control-objective heading names the group itself.
                let heading = criteriaText.isEmpty ? rowText : criteriaText
                facts.groupCriteria = refs(heading)
                if facts.groupCriteria.isEmpty, let match = SOCRegex.firstMatch(rules.criteriaHeading, heading),
                   let objective = SOCRegex.group(match, 2, in: heading as NSString) {
                    facts.groupCriteria = [objective]
                }
            }
            if facts.hasID {
                let firstID = idText.split(separator: " ").first.map(String.init) ?? ""
                let candidate = idIsControl ? idText : firstID
                let candidateIsControl = idIsControl || (candidate != idText && SOCRegex.matches(rules.controlID, candidate))
                if candidateIsControl, !extractor.isCriteriaReference(candidate, rules),
                   !(facts.controlText.isEmpty && facts.testText.isEmpty && facts.resultsText.isEmpty) {
                    facts.idStarts = true
                    facts.id = SOCExceptionExtractor.trimmingStops(candidate)
                }
            } else if facts.hasTest {
                facts.resultMatchesStart = SOCRegex.firstMatch(rules.resultStart, facts.resultsText)?.range.location == 0
                facts.resultOpens = SOCExceptionExtractor.opensLikeNew(facts.resultsText)
                facts.testOpens = SOCExceptionExtractor.opensLikeNew(facts.testText)
                facts.controlStartsUpper = facts.controlText.unicodeScalars.first.map {
                    CharacterSet.uppercaseLetters.contains($0) || CharacterSet.decimalDigits.contains($0)
                } ?? false
            }
            facts.ownCriteria = refs(criteriaText)
            return facts
        }
    }
}
