import AssayModel
import Foundation

/// Deviations found in the tests of controls (Section IV), one record per deviating control.
///
/// The control tables are rebuilt from word positions: the header row (the one with a "Results"
/// cell) gives the columns by the x positions of its cells; a row with a control id in the id
/// column and text in the results column starts a control (tables without an id column start one
/// where a result statement starts, and take the id from the criteria heading above); rows before
/// the first control on a page continue the control left open on the page before. Repeated headers,
/// "(continued)" and criteria heading rows are not content. The management response is taken from
/// the results cell ("Management's response: …") or from Section V, matched by control id.
public struct SOCExceptionExtractor: DocumentExtractor {
    public var kinds: Set<DocumentKind> { [.soc1, .soc2] }
    public var isIndependent: Bool { true }

    public init() {}

    struct Header: Decodable {
        var results: String
        var results_word: String
        var test: String
        var criteria: String
        var id: String
        var control: String
    }

    struct Rules: Decodable {
        var version: Int
        var header: Header
        var header_stack: Double
        var cell_gap: Double
        var control_id: String
        var criteria: String
        var criteria_heading: String
        var deviation: [String]
        var no_deviation: [String]
        var response_lead: String
        var response_pointer: String
        var deviation_prefix: String
        var response_column: String
        var continued_marker: String
    }

    enum Role { case id, control, criteria, test, results, other }

    struct Column { var x0: Double; var role: Role }

    /// One control being assembled from rows.
    struct Record {
        var id: String?
        var heading: String?
        var page: Int
        var cells: [Role: [SOCRow.Item]] = [:]
    }

    struct Compiled {
        let file = "soc/exceptions.yaml"
        var results, test, criteriaHeader, idHeader, controlHeader: NSRegularExpression
        var controlID, criteria, criteriaHeading, responseLead, responsePointer, deviationPrefix: NSRegularExpression
        var deviation: [NSRegularExpression]
        var noDeviation: [NSRegularExpression]
        var rules: Rules

        init(_ rules: Rules) throws {
            self.rules = rules
            let f = "soc/exceptions.yaml"
            results = try SOCRegex.compile(rules.header.results, file: f, key: "header.results")
            test = try SOCRegex.compile(rules.header.test, file: f, key: "header.test")
            criteriaHeader = try SOCRegex.compile(rules.header.criteria, file: f, key: "header.criteria")
            idHeader = try SOCRegex.compile(rules.header.id, file: f, key: "header.id")
            controlHeader = try SOCRegex.compile(rules.header.control, file: f, key: "header.control")
            controlID = try SOCRegex.compile(rules.control_id, file: f, key: "control_id", caseInsensitive: false)
            criteria = try SOCRegex.compile(rules.criteria, file: f, key: "criteria", caseInsensitive: false)
            criteriaHeading = try SOCRegex.compile(rules.criteria_heading, file: f, key: "criteria_heading")
            responseLead = try SOCRegex.compile(rules.response_lead, file: f, key: "response_lead")
            responsePointer = try SOCRegex.compile(rules.response_pointer, file: f, key: "response_pointer")
            deviationPrefix = try SOCRegex.compile(rules.deviation_prefix, file: f, key: "deviation_prefix")
            deviation = try rules.deviation.enumerated().map { try SOCRegex.compile($1, file: f, key: "deviation[\($0)]") }
            noDeviation = try rules.no_deviation.enumerated().map { try SOCRegex.compile($1, file: f, key: "no_deviation[\($0)]") }
        }
    }

    public func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws {
        guard context.type != .type1 else { return }
        let rules = try Compiled(context.rules.load(Rules.self, from: "soc/exceptions.yaml"))
        // Without a Section IV heading, the tables are looked for after the system description (or anywhere).
        let firstPage = context.section("controls_and_tests")?.firstPage ?? (context.section("system_description").map { $0.lastPage + 1 } ?? 1)
        let lastPage = context.section("controls_and_tests")?.lastPage ?? (context.section("other_information").map { $0.firstPage - 1 } ?? Int.max)
        let rows = SOCLayout.rows(context).filter { $0.page >= firstPage && $0.page <= lastPage }
        var columns: [Column] = []
        var records: [Record] = []
        var open: Record?
        var heading: String?
        var index = 0
        while index < rows.count {
            let row = rows[index]
            // A header row (possibly stacked over the rows just above it) resets the columns.
            if let header = headerColumns(rows, at: index, rules: rules) {
                columns = header
                index += 1
                continue
            }
            guard !columns.isEmpty else { index += 1; continue }
            let cells = assign(row, columns)
            let idText = cells[.id]?.first?.word.text ?? ""
            let hasResults = !(cells[.results] ?? []).isEmpty
            let hasIDColumn = columns.contains { $0.role == .id }
            let firstText = row.items.first?.word.text ?? ""
            let rowText = row.text
            // Criteria / control-objective heading rows ("CC6.4 Physical access…", "CC7.1 (continued)").
            // A control id that is not itself a criteria reference ("CC6.1-01", "AC-02", "4.2") starts a control
            // even when its results cell begins lower down.
            let isOwnID = hasIDColumn && SOCRegex.matches(rules.controlID, idText) && !isCriteriaReference(idText, rules)
                && !(cells[.control] ?? []).isEmpty
            if !hasResults || !hasIDColumn && rowText.count < 25, !isOwnID, let match = SOCRegex.firstMatch(rules.criteriaHeading, rowText),
               !(hasIDColumn && SOCRegex.matches(rules.controlID, idText) && hasResults) {
                let ns = rowText as NSString
                heading = SOCRegex.group(match, 1, in: ns) ?? SOCRegex.group(match, 2, in: ns)
                if !hasIDColumn, let current = open { records.append(current); open = nil }
                index += 1
                continue
            }
            if rowText.count < 80, rowText.lowercased().hasSuffix(rules.rules.continued_marker.lowercased()) { index += 1; continue }
            var startsRecord = false
            if hasIDColumn {
                startsRecord = (hasResults && SOCRegex.matches(rules.controlID, idText)) || isOwnID
            } else if let resultsText = cells[.results].map({ $0.map(\.word.text).joined(separator: " ") }) {
                startsRecord = isResultStart(resultsText, rules) && !(cells[.control] ?? []).isEmpty
            }
            if startsRecord {
                if let current = open { records.append(current) }
                var record = Record(id: hasIDColumn ? idText : nil, heading: heading, page: row.page)
                for (role, items) in cells where !(role == .id && hasIDColumn) || items.count > 1 {
                    record.cells[role, default: []] += role == .id && hasIDColumn ? Array(items.dropFirst()) : items
                }
                open = record
            } else if open != nil {
                for (role, items) in cells { open?.cells[role, default: []] += items }
            }
            _ = firstText
            index += 1
        }
        if let current = open { records.append(current) }

        let responses = sectionVResponses(context, rules: rules)
        var seen = Set<String>()
        for record in records {
            guard let exception = makeException(record, context: context, rules: rules, responses: responses) else { continue }
            let key = exception.controlID ?? exception.deviation
            if seen.contains(key) { continue }
            seen.insert(key)
            result.exceptions.append(exception)
        }
    }

    /// The columns of a header row, or nil when the row is not a table header.
    func headerColumns(_ rows: [SOCRow], at index: Int, rules: Compiled) -> [Column]? {
        let row = rows[index]
        guard row.items.count <= 24, row.text.containsIgnoringCase(rules.rules.header.results_word),
              row.items.contains(where: { SOCRegex.matches(rules.results, $0.word.text) }),
              SOCRegex.matches(rules.test, row.text) || SOCRegex.matches(rules.controlHeader, row.text) || index > 0 else { return nil }
        var items = row.items
        // Gaps between the cells of the results row: a row above that writes across one is a title, not header.
        var gaps: [(Double, Double)] = []
        for (a, b) in zip(row.items, row.items.dropFirst()) where b.word.box.x0 - a.word.box.x1 > rules.rules.cell_gap {
            gaps.append((a.word.box.x1, b.word.box.x0))
        }
        var above = index - 1
        while above >= 0, rows[above].page == row.page, row.box.y0 - rows[above].box.y1 <= rules.rules.header_stack,
              rows[above].items.count <= 16, !SOCRegex.matches(rules.criteriaHeading, rows[above].text),
              // Header cells share the header's type size; a title above the table is set larger.
              abs(rows[above].box.height - row.box.height) <= row.box.height * 0.15,
              !rows[above].items.contains(where: { item in gaps.contains { item.word.box.x0 < $0.0 && item.word.box.x1 > $0.1 } }) {
            items += rows[above].items
            above -= 1
        }
        // Clusters of header words: a gap wider than `cell_gap` starts a new cell.
        let sorted = items.sorted { $0.word.box.x0 < $1.word.box.x0 }
        var clusters: [(x0: Double, x1: Double, words: [Word])] = []
        for item in sorted {
            let box = item.word.box
            if var last = clusters.last, box.x0 <= last.x1 + rules.rules.cell_gap {
                last.x1 = max(last.x1, box.x1)
                last.words.append(item.word)
                clusters[clusters.count - 1] = last
            } else {
                clusters.append((box.x0, box.x1, [item.word]))
            }
        }
        guard clusters.count >= 3 else { return nil }
        var columns: [Column] = []
        for (position, cluster) in clusters.enumerated() {
            let text = cluster.words.sorted { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }.map(\.text).joined(separator: " ")
            let role: Role
            if SOCRegex.matches(rules.results, text) {
                role = .results
            } else if position == 0 && SOCRegex.matches(rules.idHeader, text) {
                role = .id
            } else if SOCRegex.matches(rules.criteriaHeader, text) {
                role = .criteria
            } else if SOCRegex.matches(rules.test, text) && !SOCRegex.matches(rules.controlHeader, text.replacingOccurrences(of: "tests of controls", with: "", options: .caseInsensitive)) || text.lowercased().contains("tests") {
                role = .test
            } else if SOCRegex.matches(rules.controlHeader, text) {
                role = .control
            } else {
                role = .other
            }
            columns.append(Column(x0: cluster.x0, role: role))
        }
        guard columns.contains(where: { $0.role == .results }), columns.contains(where: { $0.role == .test || $0.role == .control }) else { return nil }
        return columns
    }

    /// The row's words by column: a word belongs to the right-most column that starts at or left of it.
    func assign(_ row: SOCRow, _ columns: [Column]) -> [Role: [SOCRow.Item]] {
        var cells: [Role: [SOCRow.Item]] = [:]
        for item in row.items {
            let x = item.word.box.x0 + 6
            let column = columns.last { $0.x0 <= x } ?? columns[0]
            cells[column.role, default: []].append(item)
        }
        return cells
    }

    /// Whether `text` is exactly a criteria reference ("CC6.1", "A1.2"), which heads a group rather than naming a control.
    func isCriteriaReference(_ text: String, _ rules: Compiled) -> Bool {
        guard let match = SOCRegex.firstMatch(rules.criteria, text) else { return false }
        return match.range.location == 0 && match.range.length == (text as NSString).length
    }

    func isResultStart(_ text: String, _ rules: Compiled) -> Bool {
        rules.noDeviation.contains { SOCRegex.matches($0, text) } || rules.deviation.prefix(2).contains { SOCRegex.matches($0, text) }
    }

    func text(_ items: [SOCRow.Item]?) -> String {
        (items ?? []).map(\.word.text).joined(separator: " ").foldedWhitespace
            .replacingOccurrences(of: "- ", with: "-")
    }

    func makeException(_ record: Record, context: DocumentContext, rules: Compiled, responses: [String: String]) -> ExceptionRecord? {
        let resultItems = record.cells[.results] ?? []
        var results = text(resultItems)
        guard !results.isEmpty, !rules.noDeviation.contains(where: { SOCRegex.matches($0, results) }),
              rules.deviation.contains(where: { SOCRegex.matches($0, results) }) else { return nil }
        var response: String?
        let ns = results as NSString
        if let lead = SOCRegex.firstMatch(rules.responseLead, results) {
            response = ns.substring(from: lead.range.location + lead.range.length).trimmingCharacters(in: .whitespaces)
            results = ns.substring(to: lead.range.location).trimmingCharacters(in: .whitespaces)
        }
        let pointsToResponse = SOCRegex.matches(rules.responsePointer, results)
        results = rules.responsePointer.stringByReplacingMatches(in: results, range: NSRange(location: 0, length: (results as NSString).length), withTemplate: "")
        var deviation = rules.deviationPrefix.stringByReplacingMatches(in: results, range: NSRange(location: 0, length: (results as NSString).length), withTemplate: "")
        deviation = deviation.trimmingCharacters(in: .whitespaces)
        if deviation.isEmpty { deviation = results.trimmingCharacters(in: .whitespaces) }
        let control = text(record.cells[.control])
        let criteriaText = text(record.cells[.criteria]) + " " + control
        var criteria = rules.criteria.matches(in: criteriaText, range: NSRange(location: 0, length: (criteriaText as NSString).length))
            .map { (criteriaText as NSString).substring(with: $0.range) }
        if criteria.isEmpty, let heading = record.heading { criteria = [heading] }
        criteria = criteria.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        let id = record.id ?? record.heading
        if response == nil, let id, let found = responses[id] { response = found }
        if response == nil, pointsToResponse, let id { response = responses[id] }
        // Evidence: the deviation as it stands in the results column of its first line.
        // Evidence: the run of results-column text that states the deviation ("For 2 of 25 … was not …"),
        // else its first line, on the page where the results cell starts.
        var evidence: [Evidence] = []
        var candidates: [Evidence] = []
        var seenLines = Set<Int>()
        let firstPage = resultItems.first.map { context.body[$0.bodyIndex].page }
        for item in resultItems where !seenLines.contains(item.bodyIndex) && context.body[item.bodyIndex].page == firstPage {
            seenLines.insert(item.bodyIndex)
            if let quote = resultQuote(item, items: resultItems, context: context) { candidates.append(quote) }
            if candidates.count >= 6 { break }
        }
        let stating = candidates.first { quote in rules.deviation.dropFirst(2).contains { SOCRegex.matches($0, quote.quote) } }
        if let best = stating ?? candidates.first { evidence.append(best) }
        var confidence = record.id != nil ? 0.93 : 0.85
        if !rules.deviation.prefix(2).contains(where: { SOCRegex.matches($0, text(resultItems)) }) { confidence -= 0.1 }
        return ExceptionRecord(controlID: id, criteria: criteria, control: control, test: text(record.cells[.test]),
                               deviation: deviation, managementResponse: response, confidence: confidence, evidence: evidence)
    }

    /// A quote of the results cell from the body lines that hold it: the run of results-column words
    /// on the first word's line, continued over following lines of the same page made only of such words.
    func resultQuote(_ first: SOCRow.Item, items: [SOCRow.Item], context: DocumentContext) -> Evidence? {
        let inResults = Set(items.map { ItemKey(bodyIndex: $0.bodyIndex, x0: $0.word.box.x0, y0: $0.word.box.y0) })
        func key(_ word: Word, _ line: Int) -> ItemKey { ItemKey(bodyIndex: line, x0: word.box.x0, y0: word.box.y0) }
        var lineIndex = first.bodyIndex
        let page = context.body[lineIndex].page
        var words: [String] = []
        var box: Box?
        var started = false
        while lineIndex < context.body.count, context.body[lineIndex].page == page, words.count < 45 {
            let line = context.body[lineIndex].line
            var run: [Word] = []
            for word in line.words {
                if !started && word.box == first.word.box && word.text == first.word.text { started = true }
                guard started else { continue }
                if inResults.contains(key(word, lineIndex)) { run.append(word) } else { break }
            }
            if run.isEmpty { break }
            // A continuation line must be results words only, or the quote would skip text in between.
            if !words.isEmpty && run.count != line.words.count { break }
            words += run.map(\.text)
            for word in run { box = box.map { $0.union(word.box) } ?? word.box }
            if run.count != line.words.count - (line.words.firstIndex { $0.box == run[0].box } ?? 0) { break }
            lineIndex += 1
            if lineIndex < context.body.count, context.body[lineIndex].index != context.body[lineIndex - 1].index + 1 { break }
        }
        guard !words.isEmpty else { return nil }
        return Evidence(page: page, quote: words.joined(separator: " ").foldedWhitespace,
                        bbox: context.paged.mediaType == .pdf ? box?.array : nil)
    }

    struct ItemKey: Hashable { var bodyIndex: Int; var x0: Double; var y0: Double }

    /// Management responses in Section V, by the control id that starts their row or paragraph.
    func sectionVResponses(_ context: DocumentContext, rules: Compiled) -> [String: String] {
        guard let section = context.section("other_information") else { return [:] }
        let rows = SOCLayout.rows(context).filter { $0.page >= section.firstPage && $0.page <= section.lastPage }
        var responses: [String: String] = [:]
        // When the responses sit in a table, only the response column is the response.
        var responseX: Double?
        for row in rows.prefix(60) where row.items.count <= 16 {
            if let cell = row.items.first(where: { $0.word.text.containsIgnoringCase(rules.rules.response_column) }),
               let first = row.items.first, cell.word.box.x0 - first.word.box.x0 > 100 {
                // The cell may start a word or two before "response" ("Management's response").
                var x = cell.word.box.x0
                for item in row.items.reversed() where item.word.box.x1 <= x && x - item.word.box.x1 < 8 { x = item.word.box.x0 }
                responseX = x
                break
            }
        }
        var current: String?
        var collected: [String] = []
        func flush() {
            if let current, !collected.isEmpty { responses[current] = collected.joined(separator: " ").foldedWhitespace }
            collected = []
        }
        for row in rows {
            var words = row.items.map(\.word.text)
            if words.first?.lowercased() == "control", words.count > 1 { words.removeFirst() }
            let inColumn = responseX.map { x in row.items.filter { $0.word.box.x0 >= x - 4 }.map(\.word.text).joined(separator: " ") }
            if let first = words.first?.trimmingCharacters(in: CharacterSet(charactersIn: ":–—-")),
               SOCRegex.matches(rules.controlID, first) || SOCRegex.matches(rules.criteria, first) {
                flush()
                current = first
                collected = [inColumn ?? words.dropFirst().joined(separator: " ")]
            } else if current != nil {
                collected.append(inColumn ?? row.text)
            }
        }
        flush()
        return responses
    }
}
