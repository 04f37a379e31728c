import AssayModel
import Foundation

/// Deviations found in the tests of controls (Section IV), one record per deviating control, and
/// how much of the section was read (`testing`).
///
/// The control tables are read by `TableReader` (header cells by meaning, columns from the gutters
/// of the rows below). Rows are grouped into controls: a control id in the id column starts one; in
/// tables without ids, control text that starts beside a test starts one; in tables without a test
/// column (criteria rows listing many controls and one result) a criteria reference starts one. A
/// results cell may hold several result statements (one per test); each is classified — no
/// deviation, nothing to test (null sample), a deviation named as such, or a failure described in
/// words ("N of M … did not …") — and a control with any deviating statement is an exception. The
/// same unnumbered control repeated under several criteria gives one record with the criteria merged.
public struct SOCExceptionExtractor: DocumentExtractor {
    public var kinds: Set<DocumentKind> { [.soc1, .soc2] }
    public var isIndependent: Bool { true }

    public init() {}

    struct RolePattern: Decodable { var role: String; var pattern: String }

    struct Table: Decodable {
        var requiredWords: [String]
        var resultWords: [String]?
        var roles: [RolePattern]
        var stack: Double
        var cellGap: Double

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case requiredWords = "required_words"
            case resultWords = "result_words"
            case roles
            case stack
            case cellGap = "cell_gap"
        }
    }

    struct ConfidenceRules: Decodable {
        var classifiedWithID: Double
        var classified: Double
        var inferred: Double
        var prose: Double
        var answered: Double
        var sectionV: Double

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case classifiedWithID = "classified_with_id"
            case classified
            case inferred
            case prose
            case answered
            case sectionV = "section_v"
        }
    }

    struct Rules: RuleFile {
        package static let file = "soc/exceptions.yaml"
        package static let version = 1

        var version: Int
        var table: Table
        var controlID: String
        var criteria: String
        var criteriaHeading: String
        var resultStart: String
        var noDeviation: [String]
        var nullResult: [String]
        var deviation: [String]
        var deviationInferred: [String]
        var deviationDespite: [String]
        var stating: [String]
        var namedControl: String
        var namedMark: String
        var seeBelow: String
        var resultLabel: String
        var testLabel: String
        var responseLead: String
        var responsePointer: String
        var deviationPrefix: String
        var responseColumn: String
        var continuedMarker: String
        var confidence: ConfidenceRules
        var readShare: Double

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case version
            case table
            case controlID = "control_id"
            case criteria
            case criteriaHeading = "criteria_heading"
            case resultStart = "result_start"
            case noDeviation = "no_deviation"
            case nullResult = "null_result"
            case deviation
            case deviationInferred = "deviation_inferred"
            case deviationDespite = "deviation_despite"
            case stating
            case namedControl = "named_control"
            case namedMark = "named_mark"
            case seeBelow = "see_below"
            case resultLabel = "result_label"
            case testLabel = "test_label"
            case responseLead = "response_lead"
            case responsePointer = "response_pointer"
            case deviationPrefix = "deviation_prefix"
            case responseColumn = "response_column"
            case continuedMarker = "continued_marker"
            case confidence
            case readShare = "read_share"
        }
    }

    struct Compiled: Sendable {
        static var file: String { Rules.file }

        /// The rules compiled once per rule book (`RuleWarmUp` builds them while the report is segmented).
        static func shared(_ book: RuleBook) throws -> Compiled {
            try book.built(file) { try Compiled($0.load(Rules.self, from: file)) }
        }

        var header: TableHeaderRules
        var controlID, criteria, criteriaHeading, resultStart, namedControl, namedMark, seeBelow, resultLabel, testLabel: NSRegularExpression
        var responseLead, responsePointer, deviationPrefix, responseColumn: NSRegularExpression
        var noDeviation, nullResult, deviation, deviationInferred, deviationDespite, stating: [NSRegularExpression]
        var rules: Rules
        /// Each result statement's verdict, read once per text.
        let verdicts = TextMemo<Verdict>()

        init(_ rules: Rules) throws {
            self.rules = rules
            let f = Self.file
            func list(_ patterns: [String], _ key: String) throws -> [NSRegularExpression] {
                try patterns.enumerated().map { try SOCRegex.compile($1, file: f, key: "\(key)[\($0)]") }
            }
            let roles = try rules.table.roles.enumerated().map { index, entry in
                (role: entry.role, pattern: try SOCRegex.compile(entry.pattern, file: f, key: "table.roles[\(index)].pattern"))
            }
            criteriaHeading = try SOCRegex.compile(rules.criteriaHeading, file: f, key: "criteria_heading")
            header = TableHeaderRules(roles: roles, requiredRole: "results", alsoOneOf: ["test", "control"],
                                      requiredWords: rules.table.requiredWords.map { $0.lowercased() }, stack: rules.table.stack,
                                      cellGap: rules.table.cellGap, notHeader: criteriaHeading,
                                      resultWords: (rules.table.resultWords ?? []).map { $0.lowercased() })
            controlID = try SOCRegex.compile(rules.controlID, file: f, key: "control_id", caseInsensitive: false)
            criteria = try SOCRegex.compile(rules.criteria, file: f, key: "criteria", caseInsensitive: false)
            resultStart = try SOCRegex.compile(rules.resultStart, file: f, key: "result_start")
            namedControl = try SOCRegex.compile(rules.namedControl, file: f, key: "named_control", caseInsensitive: false)
            namedMark = try SOCRegex.compile(rules.namedMark, file: f, key: "named_mark", caseInsensitive: false)
            seeBelow = try SOCRegex.compile(rules.seeBelow, file: f, key: "see_below")
            resultLabel = try SOCRegex.compile(rules.resultLabel, file: f, key: "result_label")
            testLabel = try SOCRegex.compile(rules.testLabel, file: f, key: "test_label")
            responseLead = try SOCRegex.compile(rules.responseLead, file: f, key: "response_lead")
            responsePointer = try SOCRegex.compile(rules.responsePointer, file: f, key: "response_pointer")
            deviationPrefix = try SOCRegex.compile(rules.deviationPrefix, file: f, key: "deviation_prefix")
            responseColumn = try SOCRegex.compile("\\b" + NSRegularExpression.escapedPattern(for: rules.responseColumn) + "s?\\b",
                                                  file: f, key: "response_column")
            noDeviation = try list(rules.noDeviation, "no_deviation")
            nullResult = try list(rules.nullResult, "null_result")
            deviation = try list(rules.deviation, "deviation")
            deviationInferred = try list(rules.deviationInferred, "deviation_inferred")
            deviationDespite = try list(rules.deviationDespite, "deviation_despite")
            stating = try list(rules.stating, "stating")
        }
    }

    /// One control being assembled from table rows.
    struct Record {
        var id: String?
        var criteria: [String]
        var page: Int
        var control: [SOCRow.Item] = []
        var test: [SOCRow.Item] = []
        var results: [SOCRow.Item] = []
        /// Text under the row, after the last test or result line ("One of the … did not …" below "See below").
        var trailing: [SOCRow.Item] = []
        var lastControlLine = ""
        var lastTestLine = ""
        var lastResultLine = ""
        /// Criteria written in the control's own criteria cells (the group's `criteria` stand in when there are none).
        var ownCriteria: [String] = []
        var hasTestColumn = true
        /// Read from lines of text rather than table cells: the control it belongs to is a guess.
        var isProse = false
        /// A text-line result that carried its label ("Result: …"), rather than a line that merely opens like one.
        var isLabelled = false
        /// Read from lines of text: the test lines ("Test: …") above the result, for `controls[]` only (an exception's
        /// `test` stays as it was read before).
        var proseTests: [SOCRow.Item] = []
    }

    /// What one result statement says.
    enum Verdict { case none, deviation, inferred, unknown }

    public func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws {
        guard context.type != .type1 else {
            result.testing = TestingSummary(status: .absent, controls: 0, resultsRead: 0, exceptions: 0)
            return
        }
        let rules = try Compiled.shared(context.rules)
        let section = context.section("controls_and_tests")
        // Without a Section IV heading, the tables are looked for after the system description (or anywhere).
        let firstPage = section?.firstPage ?? (context.section("system_description").map { $0.lastPage + 1 } ?? 1)
        var lastPage = section?.lastPage ?? (context.section("other_information").map { $0.firstPage - 1 } ?? Int.max)
        if firstPage > lastPage { lastPage = Int.max }
        var rows = SOCLayout.rows(context).filter { $0.page >= firstPage && $0.page <= lastPage }
        let tableThreads = min(context.options.ingest.threads, 4)
        var tableRows = TableReader.read(rows, rules: rules.header, threads: tableThreads)
        if tableRows.isEmpty, section == nil {
            // A description that runs to the end (its Section IV heading unread): look everywhere after the opinion.
            rows = SOCLayout.rows(context).filter { $0.page > (context.section("auditor_opinion")?.lastPage ?? 0) }
            tableRows = TableReader.read(rows, rules: rules.header, threads: tableThreads)
        }
        var records = group(tableRows, rules: rules, threads: tableThreads)
        if records.isEmpty, let section {
            // No table: results written as lines of text ("Result: No exceptions noted.").
            records = proseRecords(context, pages: section.firstPage...section.lastPage, rules: rules)
        }
        let responses = sectionVResponses(context, rules: rules)
        var exceptions: [ExceptionRecord] = []
        var keys: [String] = []
        var controlKeys = Set<String>()
        var readKeys = Set<String>()
        // Each record's result statements, read once for the exceptions and again for its tests.
        let threads = records.count >= 64 ? min(context.options.ingest.threads, 4) : 1
        let statementsByRecord = records.parallelMap(threads: threads) { self.statements($0.results, rules: rules) }
        for (record, statements) in zip(records, statementsByRecord) {
            let key = Self.key(record, rules: rules)
            controlKeys.insert(key)
            if statements.contains(where: { $0.verdict != .unknown }) { readKeys.insert(key) }
            let deviating = statements.filter { $0.verdict == .deviation || $0.verdict == .inferred }
            for statement in record.hasTestColumn ? deviating : deviating.flatMap({ splitNamed($0, rules: rules) }) {
                guard var exception = makeException(record, statement: statement, context: context, rules: rules, responses: responses) else { continue }
                let exceptionKey = exception.controlID.map { "id:" + $0 } ?? key
                if let at = keys.firstIndex(of: exceptionKey) {
                    exceptions[at] = merge(exceptions[at], exception)
                } else {
                    // An unnumbered control is named by the criterion it was first listed under.
                    if exception.controlID == nil { exception.controlID = record.id ?? record.criteria.first }
                    keys.append(exceptionKey)
                    exceptions.append(exception)
                }
            }
        }
        let entries = managementResponses(context, rules: rules)
        var used = Set<Int>()
        for index in exceptions.indices {
            guard let entry = response(for: exceptions[index], in: entries, rules: rules) else { continue }
            used.insert(entry)
            if exceptions[index].managementResponse == nil { exceptions[index].managementResponse = entries[entry].text }
            // Management answering it in Section V confirms a deviation that was read from wording alone.
            exceptions[index].confidence = max(exceptions[index].confidence, rules.rules.confidence.answered)
        }
        exceptions += unmatchedExceptions(entries, used: used, rules: rules)
        let reader = try SOCControlReader.shared(context.rules)
        for index in exceptions.indices {
            // "For 1 of 8 sampled …": the deviations and the sample they were found in.
            if let found = reader.deviations(in: exceptions[index].deviation) {
                exceptions[index].setSample(found.sample, deviations: found.deviations)
            }
        }
        result.exceptions += exceptions
        let controls = testedControls(records, statements: statementsByRecord, context: context, rules: rules, reader: reader)
        result.controls += controls
        let pages = tableRows.isEmpty ? records.map(\.page) : tableRows.map(\.row.page)
        let status: TestingSummary.Status
        if controlKeys.isEmpty {
            status = section == nil ? .absent : .unreadable
        } else if readKeys.isEmpty {
            status = .unreadable
        } else if records.allSatisfy({ $0.isProse && !$0.isLabelled }) {
            // Result-like lines found without a table or labels: the layout was not understood, so some
            // deviations (those not opening a line) may have been missed.
            status = .partial
        } else if Double(readKeys.count) >= Double(controlKeys.count) * rules.rules.readShare {
            status = .read
        } else {
            status = .partial
        }
        result.testing = TestingSummary(status: status, controls: controlKeys.count, resultsRead: readKeys.count,
                                        exceptions: exceptions.count, firstPage: pages.min() ?? section?.firstPage,
                                        lastPage: pages.max() ?? section?.lastPage)
        if var testing = result.testing, status != .absent {
            Self.summarise(controls, into: &testing)
            result.testing = testing
        }
    }

    /// The key under which the same control, repeated under several criteria, is counted once.
    static func key(_ record: Record, rules: Compiled) -> String {
        if let id = record.id { return "id:" + id }
        let control = record.control.map(\.word.text).joined(separator: " ").foldedForKey
        if !control.isEmpty { return "text:" + String(control.prefix(120)) }
        return "page:\(record.page):" + String(record.results.map(\.word.text).joined(separator: " ").foldedForKey.prefix(80))
    }

    /// Table rows grouped into controls.
    func group(_ tableRows: [TableRow], rules: Compiled, threads: Int = 1) -> [Record] {
        var records: [Record] = []
        var open: Record?
        var criteria: [String] = []
        func close() { if let current = open { records.append(current) }; open = nil }
        for (tableRow, facts) in zip(tableRows, rowFacts(tableRows, rules: rules, threads: threads)) {
            switch facts.kind {
            case .ignored: continue
            case .title(let found, let closes):
                criteria = found
                if closes { close() }
                continue
            case .continued(let found):
                if !found.isEmpty { criteria = found }
                continue
            case .row: break
            }
            let controlText = facts.controlText, testText = facts.testText, resultsText = facts.resultsText
            let criteriaStart = facts.criteriaStart
            if criteriaStart { criteria = facts.groupCriteria }
            var starts = false
            var id: String?
            if facts.hasID {
                starts = facts.idStarts
                id = facts.id
            } else if facts.hasTest {
                // Beside a new control, a new result or a new test opens (a capital after a finished sentence).
                let resultStarts = facts.resultMatchesStart || facts.resultOpens && Self.follows(open?.lastResultLine)
                let testStarts = facts.testOpens && Self.follows(open?.lastTestLine)
                let beside = resultStarts || testStarts
                let previousEnded = open.map { $0.lastControlLine.isEmpty || Self.endsSentence($0.lastControlLine) } ?? true
                starts = !tableRow.spans && ((!controlText.isEmpty && beside && facts.controlStartsUpper && previousEnded) || (criteriaStart && beside))
            } else {
                starts = criteriaStart && (!controlText.isEmpty || !resultsText.isEmpty)
            }
            // A criteria heading row ends the control above it and is no part of the next.
            if criteriaStart && !starts && (controlText.isEmpty && testText.isEmpty && resultsText.isEmpty || tableRow.spans) {
                close()
                continue
            }
            if criteriaStart && !starts && !facts.hasID { close() }
            if starts {
                close()
                open = Record(id: id, criteria: criteria, page: tableRow.row.page)
                open?.hasTestColumn = facts.hasTest
            }
            guard open != nil else { continue }
            for found in facts.ownCriteria where !(open?.ownCriteria.contains(found) ?? true) { open?.ownCriteria.append(found) }
            open?.control += tableRow.items("control") + (facts.hasID && id == nil ? tableRow.items("id") : [])
            open?.test += tableRow.items("test")
            open?.results += tableRow.items("results")
            // A note written across the table ends what stood above it.
            if tableRow.spans { open?.lastControlLine = "" } else if !controlText.isEmpty { open?.lastControlLine = controlText }
            if !testText.isEmpty { open?.lastTestLine = testText }
            if !resultsText.isEmpty { open?.lastResultLine = resultsText }
            if testText.isEmpty && resultsText.isEmpty || tableRow.spans {
                open?.trailing += tableRow.row.items
            } else {
                open?.trailing = []
            }
        }
        close()
        return records
    }

    /// Controls written as text rather than a table: each line that states a result ("Result: …", "No
    /// exceptions noted.") closes a control whose id, if any, opens the nearest line above that starts with one.
    func proseRecords(_ context: DocumentContext, pages: ClosedRange<Int>, rules: Compiled) -> [Record] {
        let slice = context.lines(pages: pages.lowerBound, pages.upperBound)
        let lines = Array(slice)
        let base = slice.startIndex
        var records: [Record] = []
        var pending: [SOCRow.Item] = []
        var pendingTests: [SOCRow.Item] = []
        var inTest = false
        var pendingID: String?
        var criteria: [String] = []
        var closed = false
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let text = clean(line.text)
            let bodyIndex = base + index
            let ns = text as NSString
            var resultText: String?
            var labelled = false
            if let match = SOCRegex.firstMatch(rules.resultLabel, text) {
                resultText = ns.substring(from: match.range.location + match.range.length)
                labelled = true
            } else if let match = SOCRegex.firstMatch(rules.resultStart, text), match.range.location == 0,
                      text.unicodeScalars.first.map({ CharacterSet.uppercaseLetters.contains($0) }) ?? false {
                // A line that opens with a result in lower case is the wrapped end of a sentence ("… no additional /
                // exceptions were noted."), not a result of its own.
                resultText = text
            }
            guard let resultText else {
                if let label = SOCRegex.firstMatch(rules.testLabel, text) {
                    pendingTests += Self.items(of: line, bodyIndex: bodyIndex, after: label.range.location + label.range.length, text: text)
                    inTest = true
                } else if inTest, let first = text.unicodeScalars.first, CharacterSet.lowercaseLetters.contains(first) {
                    pendingTests += Self.items(of: line, bodyIndex: bodyIndex, after: 0, text: text)
                } else {
                    inTest = false
                }
                let first = text.split(separator: " ").first.map(String.init) ?? ""
                var own = text
                if SOCRegex.matches(rules.controlID, first) || isCriteriaReference(first, rules) {
                    pending = []
                    pendingID = isCriteriaReference(first, rules) ? nil : first.trimmingCharacters(in: CharacterSet(charactersIn: ".:"))
                    let found = criteriaRefs(text, rules)
                    if !found.isEmpty { criteria = found }
                    // The control's text without the reference that opens its line.
                    own = String(text.dropFirst(first.count)).trimmingCharacters(in: .whitespaces)
                    closed = false
                } else if closed {
                    // Text after a result that is neither a test nor a result starts another control.
                    if !SOCRegex.matches(rules.testLabel, text) { pending = []; pendingID = nil; closed = false }
                }
                if !SOCRegex.matches(rules.testLabel, text), !closed, !own.isEmpty {
                    pending.append(SOCRow.Item(word: Word(text: own, box: line.line.box), bodyIndex: bodyIndex))
                }
                index += 1
                continue
            }
            // The statement goes on over the lines below that continue its sentence.
            let words = line.line.words.isEmpty ? [Word(text: line.text, box: line.line.box)] : line.line.words
            let skip = (text as NSString).length - (resultText as NSString).length
            var results: [SOCRow.Item] = []
            var consumed = 0
            for word in words {
                if consumed >= skip { results.append(SOCRow.Item(word: word, bodyIndex: bodyIndex)) }
                consumed += (word.text as NSString).length + 1
            }
            if results.isEmpty { results = [SOCRow.Item(word: Word(text: resultText, box: line.line.box), bodyIndex: bodyIndex)] }
            var next = index + 1
            while next < lines.count, lines[next].page == line.page, let first = clean(lines[next].text).unicodeScalars.first,
                  CharacterSet.lowercaseLetters.contains(first) {
                let continued = lines[next].line.words.isEmpty ? [Word(text: lines[next].text, box: lines[next].line.box)] : lines[next].line.words
                results += continued.map { SOCRow.Item(word: $0, bodyIndex: base + next) }
                next += 1
            }
            var record = Record(id: pendingID, criteria: criteria, page: line.page)
            record.control = pending
            record.results = results
            record.isProse = true
            record.isLabelled = labelled
            record.proseTests = pendingTests
            pendingTests = []
            inTest = false
            records.append(record)
            // Another test and result may follow under the same control.
            closed = true
            index = next
        }
        return records
    }

    /// The words of a body line from UTF-16 offset `offset` of its cleaned text on (the whole line as one word when
    /// the line has no word boxes).
    static func items(of line: BodyLine, bodyIndex: Int, after offset: Int, text: String) -> [SOCRow.Item] {
        guard !line.line.words.isEmpty else {
            let rest = (text as NSString).substring(from: min(offset, (text as NSString).length)).trimmingCharacters(in: .whitespaces)
            return rest.isEmpty ? [] : [SOCRow.Item(word: Word(text: rest, box: line.line.box), bodyIndex: bodyIndex)]
        }
        var consumed = 0
        var result: [SOCRow.Item] = []
        for word in line.line.words {
            if consumed >= offset { result.append(SOCRow.Item(word: word, bodyIndex: bodyIndex)) }
            consumed += (word.text as NSString).length + 1
        }
        return result
    }

    /// Whether `text` opens a new cell entry: a capital letter or a numbered step after a finished sentence.
    static func opens(_ text: String, after previous: String?) -> Bool {
        opensLikeNew(text) && follows(previous)
    }

    /// Whether a cell opens as a new entry does: with a capital, or a number such as "2." or "3)".
    static func opensLikeNew(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return CharacterSet.uppercaseLetters.contains(first)
            || CharacterSet.decimalDigits.contains(first) && text.range(of: #"^\d{1,2}[.)]\s"#, options: .regularExpression) != nil
    }

    /// Whether a new entry may follow the cell text above it: none, an empty one, or one whose sentence ended.
    static func follows(_ previous: String?) -> Bool {
        previous.map { $0.isEmpty || endsSentence($0) } ?? true
    }

    static func endsSentence(_ text: String) -> Bool {
        // The last character before trailing spaces and tabs (Foundation's `.whitespaces`), found without
        // bridging the text to an NSString as `trimmingCharacters` does.
        let scalars = text.unicodeScalars
        guard let end = scalars.lastIndex(where: { scalar in
            scalar.value < 0x80 ? scalar != " " && scalar != "\t" : !CharacterSet.whitespaces.contains(scalar)
        }) else { return true }
        guard let last = text[..<scalars.index(after: end)].last else { return true }
        return ".;:".contains(last)
    }

    /// "OA - 15" → "OA-15": ids printed with spaced hyphens.
    static func closeHyphens(_ text: String) -> String {
        // Runs on the id cell of every table row. Most hold no hyphen or en dash, or only ASCII hyphens
        // with nothing space-like beside them, which the pattern would replace by themselves.
        guard text.unicodeScalars.contains(where: { $0 == "-" || $0 == "–" }) else { return text }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(text.utf8)
            let spaced = bytes.indices.contains { (index: Int) -> Bool in
                guard bytes[index] == 0x2D else { return false }
                let before = index > 0 && bytes[index - 1] <= 0x20
                let after = index + 1 < bytes.count && bytes[index + 1] <= 0x20
                return before || after
            }
            if !spaced { return text }
        }
        return spacedHyphen.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length), withTemplate: "-")
    }

    /// A hyphen or en dash with spaces around it, before a digit: compiled once, as compiling it on
    /// every row cost more than reading the row.
    private static let spacedHyphen = try! NSRegularExpression(pattern: #"\s*([-–])\s*(?=\d)"#)

    /// `text` without leading and trailing full stops and colons, as `trimmingCharacters(in:)` gives
    /// it; ASCII text (every id) is trimmed here, sparing a character set and a bridge per row.
    static func trimmingStops(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.trimmingCharacters(in: CharacterSet(charactersIn: ".:")) }
        let isStop: (UInt8) -> Bool = { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") }
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { !isStop($0) }), let last = bytes.lastIndex(where: { !isStop($0) }) else { return "" }
        return String(text[first...last])
    }

    /// `text` without spaces, as `replacingOccurrences(of: " ", with: "")` gives it (for ASCII text,
    /// removed here; Foundation keeps a space that a combining mark follows, so other text goes to it).
    static func withoutSpaces(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.replacingOccurrences(of: " ", with: "") }
        return String(decoding: text.utf8.filter { $0 != 0x20 }, as: UTF8.self)
    }

    func criteriaRefs(_ text: String, _ rules: Compiled) -> [String] {
        let ns = text as NSString
        var found: [String] = []
        for match in rules.criteria.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let ref = Self.withoutSpaces(ns.substring(with: match.range))
            if !found.contains(ref) { found.append(ref) }
        }
        return found
    }

    /// Whether `text` is exactly a criteria reference ("CC6.1", "A1.2"), which heads a group rather than naming a control.
    func isCriteriaReference(_ text: String, _ rules: Compiled) -> Bool {
        let trimmed = Self.trimmingStops(text)
        guard let match = SOCRegex.firstMatch(rules.criteria, trimmed) else { return false }
        return match.range.location == 0 && match.range.length == (trimmed as NSString).length
    }

    /// Text as read: bidirectional-embedding marks (some producers wrap every run in them) dropped.
    func clean(_ text: String) -> String { TableReader.plain(text) }

    func text(_ items: [SOCRow.Item]) -> String {
        Self.joiningHyphens(clean(items.map(\.word.text).joined(separator: " ")))
    }

    /// The cleaned words of a cell joined by spaces (with a trailing one), and the UTF-16 offset where each starts.
    /// The text with a hyphen that ended a line joined to the word after it ("sign- off" to "sign-off").
    static func joiningHyphens(_ text: String) -> String {
        // Most cells hold no hyphen; looking for one first spares Foundation's slow replacement. An ASCII
        // text drops each space after a hyphen byte by byte (the pairs cannot overlap).
        guard text.utf8.contains(UInt8(ascii: "-")) else { return text }
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.replacingOccurrences(of: "- ", with: "-") }
        var previous: UInt8 = 0
        let kept = text.utf8.filter { byte in
            defer { previous = byte }
            return !(byte == UInt8(ascii: " ") && previous == UInt8(ascii: "-"))
        }
        return String(decoding: kept, as: UTF8.self)
    }

    static func joined(_ items: [SOCRow.Item]) -> (text: String, offsets: [Int]) {
        var offsets: [Int] = []
        var joined = ""
        // UTF-16 offsets counted as the text grows (measuring the whole text for each word was quadratic).
        var length = 0
        for item in items {
            offsets.append(length)
            let word = TableReader.plain(item.word.text)
            joined += word + " "
            length += word.utf16.count + 1
        }
        return (joined, offsets)
    }

    /// One result statement of a results cell, with the index of its first word.
    struct Statement { var text: String; var verdict: Verdict; var firstItem: Int }

    /// A results cell split where each result statement starts, each statement classified.
    func statements(_ items: [SOCRow.Item], rules: Compiled) -> [Statement] {
        guard !items.isEmpty else { return [] }
        let (joined, offsets) = Self.joined(items)
        let ns = joined as NSString
        var starts = rules.resultStart.matches(in: joined, range: NSRange(location: 0, length: ns.length)).map(\.range.location)
        if starts.first != 0 { starts.insert(0, at: 0) }
        // A statement starts with its sentence: "Subsequent testing of the control disclosed …" is split
        // before "Subsequent", not after it, so the word does not trail the statement before.
        for index in starts.indices.dropFirst() {
            starts[index] = Self.sentenceStart(before: starts[index], in: ns, after: starts[index - 1])
        }
        let cuts = UTF16Cuts(joined, ns, cuts: starts.count - 1)
        var result: [Statement] = []
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1] : ns.length
            let text = cuts.piece(start, end).foldedWhitespace
            guard !text.isEmpty else { continue }
            let first = offsets.lastIndex { $0 <= start } ?? 0
            result.append(Statement(text: text, verdict: verdict(text, rules), firstItem: first))
        }
        return result
    }

    /// The start of the sentence that holds `position`: just after the last ". ", "; " or ": " before it,
    /// but never at or before `floor` (the previous statement's start).
    static func sentenceStart(before position: Int, in text: NSString, after floor: Int) -> Int {
        var index = position
        while index - 2 > floor {
            let mark = text.character(at: index - 2), space = text.character(at: index - 1)
            if space == 0x20, mark == 0x2E || mark == 0x3B || mark == 0x3A { return index }
            // Only a few words back: a statement opening deep inside a long sentence stays where it matched.
            if position - index > 40 { return position }
            index -= 1
        }
        return position
    }

    /// A deviation cell of a criteria row that names several failing controls ("Exception Noted: AB-1: … CD-2: …"),
    /// one statement per control, each keeping the cell's opening words so the control is named the same way.
    func splitNamed(_ statement: Statement, rules: Compiled) -> [Statement] {
        guard let first = SOCRegex.firstMatch(rules.namedControl, statement.text), first.numberOfRanges > 1,
              first.range(at: 1).location != NSNotFound else { return [statement] }
        let ns = statement.text as NSString
        let lead = ns.substring(to: first.range(at: 1).location)
        let rest = ns.substring(from: first.range(at: 1).location)
        let marks = rules.namedMark.matches(in: rest, range: NSRange(location: 0, length: (rest as NSString).length)).map(\.range.location)
        guard marks.count > 1 else { return [statement] }
        return marks.enumerated().map { index, start in
            let end = index + 1 < marks.count ? marks[index + 1] : (rest as NSString).length
            var part = statement
            part.text = lead + (rest as NSString).substring(with: NSRange(location: start, length: end - start)).trimmingCharacters(in: .whitespaces)
            return part
        }
    }

    func verdict(_ text: String, _ rules: Compiled) -> Verdict {
        rules.verdicts.value(text) { readVerdict(text, rules) }
    }

    private func readVerdict(_ text: String, _ rules: Compiled) -> Verdict {
        if rules.deviationDespite.contains(where: { SOCRegex.matches($0, text) }) { return .deviation }
        if rules.noDeviation.contains(where: { SOCRegex.matches($0, text) }) { return .none }
        if rules.nullResult.contains(where: { SOCRegex.matches($0, text) }) { return .none }
        if rules.deviation.contains(where: { SOCRegex.matches($0, text) }) { return .deviation }
        if rules.deviationInferred.contains(where: { SOCRegex.matches($0, text) }) { return .inferred }
        return .unknown
    }

    func makeException(_ record: Record, statement: Statement, context: DocumentContext, rules: Compiled,
                       responses: [String: String]) -> ExceptionRecord? {
        var results = statement.text
        var response: String?
        let ns = results as NSString
        if let lead = SOCRegex.firstMatch(rules.responseLead, results) {
            response = ns.substring(from: lead.range.location + lead.range.length).trimmingCharacters(in: .whitespaces)
            results = ns.substring(to: lead.range.location).trimmingCharacters(in: .whitespaces)
        }
        var id = record.id
        if let named = SOCRegex.firstMatch(rules.namedControl, results), let found = SOCRegex.group(named, 1, in: results as NSString) {
            id = Self.closeHyphens(found)
            results = (results as NSString).substring(from: named.range.location + named.range.length)
        }
        let pointsToResponse = SOCRegex.matches(rules.responsePointer, results)
        results = rules.responsePointer.stringByReplacingMatches(in: results, range: NSRange(location: 0, length: (results as NSString).length), withTemplate: "")
        var deviation = rules.deviationPrefix.stringByReplacingMatches(in: results, range: NSRange(location: 0, length: (results as NSString).length), withTemplate: "")
        deviation = deviation.trimmingCharacters(in: .whitespaces)
        if SOCRegex.matches(rules.seeBelow, results) {
            // The sentences under the row that state the failure.
            let below = text(record.trailing).components(separatedBy: ". ").filter { sentence in
                rules.deviationInferred.contains { SOCRegex.matches($0, sentence) }
            }
            if !below.isEmpty { deviation = below.joined(separator: ". ") }
        }
        if deviation.isEmpty { deviation = results.trimmingCharacters(in: .whitespaces) }
        // In a criteria row listing many controls, the control is the one the result names.
        var control = text(record.control)
        if !record.hasTestColumn, let id {
            control = namedSegment(of: control, id: id) ?? ""
        }
        if response == nil, let id, let found = responses[id] { response = found }
        if response == nil, pointsToResponse, let id { response = responses[id] }
        var evidence: [Evidence] = []
        let resultItems = Array(record.results[statement.firstItem...])
        var candidates: [Evidence] = []
        var seenLines = Set<Int>()
        if let first = resultItems.first {
            let page = context.body[first.bodyIndex].page
            for item in resultItems where !seenLines.contains(item.bodyIndex) && context.body[item.bodyIndex].page == page {
                seenLines.insert(item.bodyIndex)
                if let quote = resultQuote(item, items: resultItems, context: context) { candidates.append(quote) }
                if candidates.count >= 6 { break }
            }
        }
        let stating = candidates.first { quote in (rules.deviationInferred + rules.stating).contains { SOCRegex.matches($0, quote.quote) } }
        if let best = stating ?? candidates.first { evidence.append(best) }
        var confidence: Double
        switch statement.verdict {
        case .deviation: confidence = id != nil ? rules.rules.confidence.classifiedWithID : rules.rules.confidence.classified
        default: confidence = rules.rules.confidence.inferred
        }
        if record.isProse { confidence = min(confidence, rules.rules.confidence.prose) }
        // Criteria written in the control's own cells come first; the group's heading stands in for them.
        var criteria = record.ownCriteria
        for found in criteriaRefs(text(record.control), rules) where !criteria.contains(found) { criteria.append(found) }
        if criteria.isEmpty { criteria = record.criteria }
        return ExceptionRecord(controlID: id, criteria: criteria, control: control, test: record.hasTestColumn ? text(record.test) : "",
                               deviation: deviation, managementResponse: response, confidence: confidence, evidence: evidence)
    }

    /// The text of control `id` inside a list of controls ("DS - 3. … OA - 15. Passwords …").
    func namedSegment(of list: String, id: String) -> String? {
        let closed = Self.closeHyphens(list)
        guard let range = closed.range(of: id + ".") ?? closed.range(of: id + " ") else { return nil }
        let rest = closed[range.upperBound...]
        let end = rest.range(of: #"\b[A-Z]{1,6}-\d{1,3}[.:]\s"#, options: .regularExpression)?.lowerBound ?? rest.endIndex
        return (id + ". " + rest[..<end]).foldedWhitespace
    }

    /// Two records of one control (found under two criteria, or in a criteria table and a control table): criteria
    /// merged, the fuller control and test text kept.
    func merge(_ a: ExceptionRecord, _ b: ExceptionRecord) -> ExceptionRecord {
        var merged = a
        for criterion in b.criteria where !merged.criteria.contains(criterion) { merged.criteria.append(criterion) }
        if merged.control.count < b.control.count { merged.control = b.control }
        if merged.test.isEmpty { merged.test = b.test }
        if merged.deviation.count < b.deviation.count / 2 { merged.deviation = b.deviation }
        if merged.managementResponse == nil { merged.managementResponse = b.managementResponse }
        if merged.evidence.isEmpty { merged.evidence = b.evidence }
        merged.confidence = max(a.confidence, b.confidence)
        return merged
    }

    /// A quote of the results cell from the body lines that hold it: the run of results-column words
    /// on the first word's line, continued over following lines of the same page made only of such words.
    func resultQuote(_ first: SOCRow.Item, items: [SOCRow.Item], context: DocumentContext) -> Evidence? {
        let body = context.body
        // The walk below reads at most one line per word it quotes (fewer than 46), from the first item's line
        // on: only the items on those lines are kept, in one flat list (a set of every item, or a list per
        // line, cost more than the walk).
        let base = first.bodyIndex
        var keys: [(line: Int, x0: Double, y0: Double)] = []
        keys.reserveCapacity(min(items.count, 256))
        for item in items where item.bodyIndex >= base && item.bodyIndex - base < 47 {
            keys.append((item.bodyIndex, item.word.box.x0, item.word.box.y0))
        }
        func isResult(_ word: Word, _ line: Int) -> Bool {
            keys.contains { $0.line == line && $0.x0 == word.box.x0 && $0.y0 == word.box.y0 }
        }
        var lineIndex = base
        let page = body[lineIndex].page
        // The quote is built as the words are taken, each line's run of results words after the last.
        var quote = ""
        var quoted = 0
        var box: Box?
        var started = false
        while lineIndex < body.count, body[lineIndex].page == page, quoted < 45 {
            let words = body[lineIndex].line.words
            var runStart = -1, runCount = 0
            for (index, word) in words.enumerated() {
                if !started && word.box == first.word.box && word.text == first.word.text { started = true }
                guard started else { continue }
                guard isResult(word, lineIndex) else { break }
                if runStart < 0 { runStart = index }
                runCount += 1
            }
            if runCount == 0 { break }
            // A continuation line must be results words only, or the quote would skip text in between.
            if quoted > 0 && runCount != words.count { break }
            for word in words[runStart..<(runStart + runCount)] {
                if quoted > 0 { quote += " " }
                quote += word.text
                quoted += 1
                box = box.map { $0.union(word.box) } ?? word.box
            }
            let firstOfRun = words.firstIndex { $0.box == words[runStart].box } ?? 0
            if runCount != words.count - firstOfRun { break }
            lineIndex += 1
            if lineIndex < body.count, body[lineIndex].index != body[lineIndex - 1].index + 1 { break }
        }
        guard quoted > 0 else { return nil }
        return Evidence(page: page, quote: quote.foldedWhitespace, bbox: context.paged.mediaType == .pdf ? box?.array : nil)
    }

    /// Management responses in Section V, by the control id that starts their row or paragraph.
    func sectionVResponses(_ context: DocumentContext, rules: Compiled) -> [String: String] {
        guard let section = context.section("other_information") else { return [:] }
        let rows = SOCLayout.rows(context).filter { $0.page >= section.firstPage && $0.page <= section.lastPage }
        var responses: [String: String] = [:]
        // When the responses sit in a table, only the response column is the response.
        var responseX: Double?
        for row in rows.prefix(60) where row.items.count <= 16 {
            if let cell = row.items.first(where: { $0.word.text.containsIgnoringCase(rules.rules.responseColumn) }),
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

extension String {
    /// Lower-cased letters and digits, words separated by one space: a key for comparing two printings of a text.
    package var foldedForKey: String {
        var folded = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in lowercased().unicodeScalars {
            // ASCII letters and digits are decided without the (slow) character set.
            let isWordScalar = scalar.isASCII
                ? ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || ("A"..."Z").contains(scalar)
                : alphanumericScalars.contains(scalar)
            guard isWordScalar else { pendingSpace = !folded.isEmpty; continue }
            if pendingSpace { folded.append(" "); pendingSpace = false }
            folded.append(scalar)
        }
        return String(folded)
    }
}

private let alphanumericScalars = CharacterSet.alphanumerics
