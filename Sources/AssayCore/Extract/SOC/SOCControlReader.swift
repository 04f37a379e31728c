import AssayModel
import Foundation

/// The controls of Section IV and their tests (`controls[]`), built from the control records the
/// exception extractor groups from the tables (or lines of text), so both read one table one way.
///
/// A test cell is split into tests where a sentence opens with an auditor's verb, a numbered step or a
/// selection ("Selected a sample of …"); a selection sentence without a method of its own joins the
/// test after it. Each test takes the result statements printed beside it (from its first line down
/// to the next test's); a single result printed for the whole control stands for every test. Methods
/// come from the auditor's verbs where they open a clause, so the purpose clause of an inquiry
/// ("… to determine whether access was reviewed") adds no inspection.
struct SOCControlReader: Sendable {
    struct ConfidenceRules: Decodable {
        var withID: Double
        var table: Double
        var prose: Double

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case withID = "with_id"
            case table
            case prose
        }
    }

    struct Rules: RuleFile {
        package static let file = "soc/controls.yaml"
        package static let version = 1

        var version: Int
        var clauseStart: String
        var verbs: [String: [String]]
        var anywhere: [String: [String]]
        var numberWords: [String: Int]
        var sample: [String]
        var population: String
        var kOfN: String
        var testStart: String
        var testBoundary: String
        var notTested: [String]
        var confidence: ConfidenceRules

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case version
            case clauseStart = "clause_start"
            case verbs
            case anywhere
            case numberWords = "number_words"
            case sample
            case population
            case kOfN = "k_of_n"
            case testStart = "test_start"
            case testBoundary = "test_boundary"
            case notTested = "not_tested"
            case confidence
        }
    }

    package static var file: String { Rules.file }

    let rules: Rules
    /// One method's patterns: `quick` (its verbs and phrases anywhere) must match before `full` (the verbs
    /// where they open a clause, and the phrases) is tried.
    struct MethodPatterns { var method: TestMethod; var quick: NSRegularExpression?; var full: NSRegularExpression? }

    let methods: [MethodPatterns]
    /// Whether every sample, population and k-of-n pattern holds a number (`{N}`), so a text with neither a
    /// digit nor a number word can skip them.
    let patternsNeedNumbers: Bool
    private let numberWordBytes: [[UInt8]]
    let samples: [NSRegularExpression]
    let population: NSRegularExpression
    let kOfN: NSRegularExpression
    let testStart: NSRegularExpression
    let testBoundary: NSRegularExpression
    let notTested: [NSRegularExpression]
    let numberWords: [String: Int]
    /// What `methods(in:)` and `sample(in:)` found per text: a test's text is read once when the cell is split and
    /// again when it is built, and the same control's tests repeat under every criterion it is listed for. Both
    /// readings depend on the text and the rules alone, so the memos live as long as the compiled reader.
    private let methodMemo = TextMemo<[TestMethod]>()
    private let sampleMemo = TextMemo<(sample: Int?, population: Int?)>()
    private let deviationsMemo = TextMemo<(deviations: Int, sample: Int)?>()
    private let notTestedMemo = TextMemo<Bool>()
    private let startsMemo = TextMemo<[Int]>()

    /// The reader compiled once per rule book (`RuleWarmUp` builds it while the report is segmented).
    static func shared(_ book: RuleBook) throws -> SOCControlReader {
        try book.built(file) { try SOCControlReader($0.load(Rules.self, from: file)) }
    }

    init(_ rules: Rules) throws {
        self.rules = rules
        let f = Self.file
        var numberWords: [String: Int] = [:]
        for (word, value) in rules.numberWords { numberWords[word.lowercased()] = value }
        self.numberWords = numberWords
        numberWordBytes = numberWords.keys.sorted().map { Array($0.utf8) }
        // Longer words first, so "twenty-five" is not read as "twenty".
        let words = numberWords.keys.sorted { ($0.count, $0) > ($1.count, $1) }.map(NSRegularExpression.escapedPattern(for:))
        let number = #"(?:\d{1,3}(?:,\d{3})+|\d{1,5}|"# + words.joined(separator: "|") + #")(?:\s*\(\d{1,5}\))?"#
        func expand(_ pattern: String) -> String { pattern.replacingOccurrences(of: "{N}", with: number) }
        var methods: [MethodPatterns] = []
        for method in TestMethod.allCases {
            // Each pattern is compiled alone, so a bad one is named by its key; the method is then matched by
            // one alternation of them all (a test names a method when any of its patterns matches), and the
            // verbs alone, without `clause_start`, are a quick test that rules most texts out.
            let verbs = rules.verbs[method.rawValue] ?? []
            let anywhere = rules.anywhere[method.rawValue] ?? []
            // A verb is checked in its group alone: `clause_start` before it is compiled in the alternation below,
            // and compiling it once per verb cost about 6 ms of every report's start.
            for (index, verb) in verbs.enumerated() {
                _ = try SOCRegex.compile("(?:" + verb + ")", file: f, key: "verbs.\(method.rawValue)[\(index)]")
            }
            for (index, pattern) in anywhere.enumerated() {
                _ = try SOCRegex.compile(pattern, file: f, key: "anywhere.\(method.rawValue)[\(index)]")
            }
            let wrapped = verbs.map { "(?:" + $0 + ")" }
            var alternatives: [String] = []
            if !verbs.isEmpty { alternatives.append(rules.clauseStart + "(?:" + wrapped.joined(separator: "|") + ")") }
            alternatives += anywhere.map { "(?:" + $0 + ")" }
            guard !alternatives.isEmpty else { methods.append(MethodPatterns(method: method, quick: nil, full: nil)); continue }
            let quick = try SOCRegex.compile((wrapped + anywhere.map { "(?:" + $0 + ")" }).joined(separator: "|"), file: f, key: "verbs.\(method.rawValue)")
            let full = try SOCRegex.compile(alternatives.joined(separator: "|"), file: f, key: "verbs.\(method.rawValue)")
            methods.append(MethodPatterns(method: method, quick: quick, full: full))
        }
        for key in rules.verbs.keys where TestMethod(rawValue: key) == nil {
            throw RuleError(file: f, key: "verbs.\(key)", message: "is not a test method")
        }
        self.methods = methods
        patternsNeedNumbers = (rules.sample + [rules.population, rules.kOfN]).allSatisfy { $0.contains("{N}") }
        samples = try rules.sample.enumerated().map { try SOCRegex.compile(expand($1), file: f, key: "sample[\($0)]") }
        population = try SOCRegex.compile(expand(rules.population), file: f, key: "population")
        kOfN = try SOCRegex.compile(expand(rules.kOfN), file: f, key: "k_of_n")
        testStart = try SOCRegex.compile(rules.testStart, file: f, key: "test_start")
        testBoundary = try SOCRegex.compile(rules.testBoundary, file: f, key: "test_boundary")
        notTested = try rules.notTested.enumerated().map { try SOCRegex.compile($1, file: f, key: "not_tested[\($0)]") }
    }

    // MARK: Reading the wording

    /// The methods a test's wording names, in the order of `TestMethod`.
    func methods(in text: String) -> [TestMethod] {
        methodMemo.value(text) { read(methodsIn: text) }
    }

    private func read(methodsIn text: String) -> [TestMethod] {
        // A drop capital printed apart from its word ("O bserved the …") is read as the word.
        var text = text
        if Self.opensWithDetachedCapital(text) { text.remove(at: text.index(after: text.startIndex)) }
        return methods.filter { entry in
            guard let quick = entry.quick, let full = entry.full else { return false }
            return SOCRegex.matches(quick, text) && SOCRegex.matches(full, text)
        }.map(\.method)
    }

    /// Whether `text` may print a number as `{N}` reads one: a digit, or one of `number_words` anywhere
    /// in it (even inside a word, as the pattern may match there).
    func mayHoldNumber(_ text: String) -> Bool {
        if text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return true }
        let lowered = Array(text.lowercased().utf8)
        return numberWordBytes.contains { word in
            guard !word.isEmpty, word.count <= lowered.count else { return false }
            return (0...(lowered.count - word.count)).contains { start in
                lowered[start] == word[0] && lowered[start..<(start + word.count)].elementsEqual(word)
            }
        }
    }

    /// Whether the text opens with a capital other than "A" or "I" printed apart from the lowercase rest of
    /// its word ("O bserved").
    static func opensWithDetachedCapital(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(3))
        guard scalars.count == 3, ("B"..."Z").contains(scalars[0]), scalars[0] != "I", scalars[1] == " " else { return false }
        return scalars[2].properties.generalCategory == .lowercaseLetter
    }

    /// A number as printed: digits (with thousands commas), a word, or a word with the digits in brackets.
    func number(_ text: String) -> Int? {
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close,
           let value = Int(text[text.index(after: open)..<close].trimmingCharacters(in: .whitespaces)) {
            return value
        }
        let bare = text.split(separator: "(").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? text
        if let value = Int(bare.replacingOccurrences(of: ",", with: "")) { return value }
        return numberWords[bare.lowercased()]
    }

    func named(_ match: NSTextCheckingResult, _ name: String, in text: NSString) -> Int? {
        let range = match.range(withName: name)
        guard range.location != NSNotFound else { return nil }
        return number(text.substring(with: range))
    }

    /// The sample and population a test's text prints ("a sample of 25 of 250 changes").
    func sample(in text: String) -> (sample: Int?, population: Int?) {
        sampleMemo.value(text) { read(sampleIn: text) }
    }

    private func read(sampleIn text: String) -> (sample: Int?, population: Int?) {
        if patternsNeedNumbers, !mayHoldNumber(text) { return (nil, nil) }
        let ns = text as NSString
        for pattern in samples {
            guard let match = SOCRegex.firstMatch(pattern, text), let sample = named(match, "sample", in: ns), sample > 0 else { continue }
            var population = named(match, "population", in: ns)
            if population == nil, let found = SOCRegex.firstMatch(self.population, text) { population = named(found, "population", in: ns) }
            if let known = population, known < sample { population = nil }
            return (sample, population)
        }
        if let found = SOCRegex.firstMatch(population, text) { return (nil, named(found, "population", in: ns)) }
        return (nil, nil)
    }

    /// Deviations and sample of an exception's text ("For 1 of 8 sampled …", "two of the 25 selected …").
    func deviations(in text: String) -> (deviations: Int, sample: Int)? {
        // Results repeat from control to control ("No exceptions noted."): each text is read once.
        deviationsMemo.value(text) { read(deviationsIn: text) }
    }

    private func read(deviationsIn text: String) -> (deviations: Int, sample: Int)? {
        if patternsNeedNumbers, !mayHoldNumber(text) { return nil }
        let ns = text as NSString
        for match in kOfN.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            guard let deviations = named(match, "deviations", in: ns), let sample = named(match, "sample", in: ns),
                  sample > 0, deviations > 0, deviations <= sample else { continue }
            return (deviations, sample)
        }
        return nil
    }

    // MARK: Building controls

    /// One test entry of a test cell, with the items it was read from.
    struct Entry { var text: String; var items: [SOCRow.Item] }

    /// A test cell split into tests.
    func entries(_ items: [SOCRow.Item]) -> [Entry] {
        guard !items.isEmpty else { return [] }
        let (joined, offsets) = SOCExceptionExtractor.joined(items)
        let ns = joined as NSString
        // Sentence starts: the text's start and every point after a full stop, semicolon or colon (once per
        // cell text: the same tests are printed under control after control).
        let starts = startsMemo.value(joined) {
            var starts = [0]
            for match in testBoundary.matches(in: joined, range: NSRange(location: 0, length: ns.length)) {
                let start = match.range.location + match.range.length
                guard start < ns.length else { continue }
                // Anchored at the sentence start: searching the whole rest for a match at its start made this
                // quadratic in the length of a test cell.
                let rest = NSRange(location: start, length: ns.length - start)
                if testStart.firstMatch(in: joined, options: [.anchored], range: rest) != nil { starts.append(start) }
            }
            return starts
        }
        let cuts = UTF16Cuts(joined, ns, cuts: starts.count - 1)
        var entries: [Entry] = []
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1] : ns.length
            let text = cuts.piece(start, end).foldedWhitespace
            guard !text.isEmpty else { continue }
            let first = offsets.lastIndex { $0 <= start } ?? 0
            let last = position + 1 < starts.count ? (offsets.lastIndex { $0 < end } ?? items.count - 1) : items.count - 1
            entries.append(Entry(text: text, items: Array(items[first...max(first, last)])))
        }
        // A selection sentence without a method ("Selected a sample of 25 changes.") belongs to the test after it.
        var merged: [Entry] = []
        var carry: Entry?
        for (index, found) in entries.enumerated() {
            var entry = found
            if let held = carry {
                entry = Entry(text: held.text + " " + entry.text, items: held.items + entry.items)
                carry = nil
            }
            if methods(in: entry.text).isEmpty, index + 1 < entries.count { carry = entry; continue }
            merged.append(entry)
        }
        return merged
    }

    /// The result of a set of result statements: a deviation anywhere is an exception; statements that
    /// say there was nothing to test are `not_tested`; other clean statements `no_exception`.
    func result(_ statements: [SOCExceptionExtractor.Statement]) -> TestResult {
        if statements.isEmpty { return .unread }
        if statements.contains(where: { $0.verdict == .deviation || $0.verdict == .inferred }) { return .exception }
        let read = statements.filter { $0.verdict == .none }
        if read.isEmpty { return .unread }
        if read.allSatisfy({ statement in
            notTestedMemo.value(statement.text) { notTested.contains { SOCRegex.matches($0, statement.text) } }
        }) { return .notTested }
        return .noException
    }

    /// Where an item sits on the page, for pairing tests with the results printed beside them.
    static func position(_ item: SOCRow.Item, _ context: DocumentContext) -> (page: Int, y: Double) {
        (context.body[item.bodyIndex].page, item.word.box.y0)
    }

    static func before(_ a: (page: Int, y: Double), _ b: (page: Int, y: Double)) -> Bool {
        a.page < b.page || (a.page == b.page && a.y < b.y - 2)
    }
}

extension SOCExceptionExtractor {
    /// The controls of the records, one per control key (the same control under several criteria once, its
    /// criteria merged and its tests kept once each).
    func testedControls(_ records: [Record], statements: [[Statement]], context: DocumentContext, rules: Compiled,
                        reader: SOCControlReader) -> [TestedControl] {
        let keys = records.map { Self.key($0, rules: rules) }
        var seen = Set<String>()
        let isFirst = keys.map { seen.insert($0).inserted }
        // Each record is read on its own (the costly part, shared between threads on a long report);
        // the readings are then merged in record order.
        let threads = records.count >= 64 ? min(context.options.ingest.threads, 4) : 1
        let readings = Array(records.indices).parallelMap(threads: threads) { index in
            reading(records[index], statements: statements[index], isFirst: isFirst[index], context: context, rules: rules, reader: reader)
        }
        var controls: [TestedControl] = []
        var indexByKey: [String: Int] = [:]
        // Per control, its tests' folded text and result, so a test repeated under another criterion is kept once.
        struct TestKey: Hashable { var text: String; var result: String? }
        var testKeys: [Set<TestKey>] = []
        func testKey(_ test: ControlTest) -> TestKey { TestKey(text: test.text.foldedForKey, result: test.resultText) }
        for (key, reading) in zip(keys, readings) {
            if let at = indexByKey[key] {
                for criterion in reading.criteria where !controls[at].criteria.contains(criterion) { controls[at].criteria.append(criterion) }
                for test in reading.tests where !testKeys[at].contains(testKey(test)) {
                    controls[at].tests.append(test)
                    testKeys[at].insert(testKey(test))
                }
                continue
            }
            guard let control = reading.control else { continue }
            indexByKey[key] = controls.count
            testKeys.append(Set(reading.tests.map(testKey)))
            controls.append(control)
        }
        return controls
    }

    /// What one record says of its control: its tests and criteria, and, for the first record of a
    /// control, the control itself.
    private func reading(_ record: Record, statements: [Statement], isFirst: Bool, context: DocumentContext, rules: Compiled,
                         reader: SOCControlReader) -> (tests: [ControlTest], criteria: [String], control: TestedControl?) {
        let tests = self.tests(record, statements: statements, context: context, rules: rules, reader: reader)
        var criteria = record.ownCriteria
        let wholeText = text(record.control)
        for found in criteriaRefs(wholeText, rules) where !criteria.contains(found) { criteria.append(found) }
        if criteria.isEmpty { criteria = record.criteria }
        guard isFirst else { return (tests, criteria, nil) }
        // Lines of text that continue a test ("Test: … / … reviewed.") are no part of the control.
        let testLines = Set(record.proseTests.map(\.bodyIndex))
        let controlItems = testLines.isEmpty ? record.control : record.control.filter { !testLines.contains($0.bodyIndex) }
        let controlText = testLines.isEmpty ? wholeText : text(controlItems)
        var evidence: [Evidence] = []
        if let first = controlItems.first {
            evidence.append(resultQuote(first, items: controlItems, context: context) ?? context.evidence(line: context.body[first.bodyIndex]))
        } else if let first = (record.test + record.proseTests + record.results).first {
            evidence.append(context.evidence(line: context.body[first.bodyIndex]))
        }
        let confidence = record.isProse ? reader.rules.confidence.prose
            : record.id != nil ? reader.rules.confidence.withID : reader.rules.confidence.table
        let control = TestedControl(controlID: record.id, text: controlText, criteria: criteria, tests: tests,
                                    confidence: confidence, evidence: evidence)
        return (tests, criteria, control)
    }

    /// The tests of one record, each with the results printed beside it.
    func tests(_ record: Record, statements: [Statement], context: DocumentContext, rules: Compiled,
               reader: SOCControlReader) -> [ControlTest] {
        let testItems = record.isProse ? record.proseTests : record.test
        let entries = reader.entries(testItems)
        func make(_ entry: SOCControlReader.Entry?, _ mine: [Statement]) -> ControlTest {
            let text = entry?.text ?? ""
            var sample = reader.sample(in: text)
            if sample.sample == nil, let found = reader.deviations(in: mine.map(\.text).joined(separator: " ")) {
                // The sample the result counts its deviations in ("1 out of a sample of 44 …").
                sample.sample = found.sample
            }
            var evidence: [Evidence] = []
            if let entry, let first = entry.items.first {
                evidence.append(resultQuote(first, items: entry.items, context: context) ?? context.evidence(line: context.body[first.bodyIndex]))
            }
            let resultText = mine.isEmpty ? nil : String(mine.map(\.text).joined(separator: " ").prefix(400))
            return ControlTest(text: text, methods: reader.methods(in: text), population: sample.population, sampleSize: sample.sample,
                               result: reader.result(mine), resultText: resultText, evidence: evidence)
        }
        guard !entries.isEmpty else {
            // No test column (a criteria row with one result): one test without text, so the result is kept.
            return statements.isEmpty ? [] : [make(nil, statements)]
        }
        if entries.count == 1 || statements.count <= 1 || record.isProse {
            return entries.map { make($0, statements) }
        }
        // Each statement goes to the last test that starts at or above it.
        let starts = entries.map { SOCControlReader.position($0.items[0], context) }
        var byEntry = Array(repeating: [Statement](), count: entries.count)
        for statement in statements {
            guard statement.firstItem < record.results.count else { continue }
            let at = SOCControlReader.position(record.results[statement.firstItem], context)
            let owner = starts.lastIndex { !SOCControlReader.before(at, $0) } ?? 0
            byEntry[owner].append(statement)
        }
        // A test with nothing beside it takes the control's result when every statement agrees.
        let shared = reader.result(statements)
        let agree = Set(byEntry.filter { !$0.isEmpty }.map { reader.result($0) }).count <= 1
        return entries.indices.map { index in
            if byEntry[index].isEmpty, agree, shared != .exception { return make(entries[index], statements) }
            return make(entries[index], byEntry[index])
        }
    }

    /// The `testing` summary's test counts, by method, and the share of controls tested by inquiry alone.
    static func summarise(_ controls: [TestedControl], into testing: inout TestingSummary) {
        let tests = controls.flatMap(\.tests)
        testing.tests = tests.count
        var byMethod: [String: Int] = [:]
        for method in TestMethod.allCases { byMethod[method.rawValue] = tests.filter { $0.methods.contains(method) }.count }
        testing.testsByMethod = byMethod
        let read = controls.filter { $0.tests.contains { !$0.methods.isEmpty } }
        if read.isEmpty {
            testing.inquiryOnlyShare = nil
        } else {
            let inquiryOnly = read.filter { $0.tests.allSatisfy { $0.methods == [.inquiry] } }.count
            testing.inquiryOnlyShare = (Double(inquiryOnly) / Double(read.count) * 100).rounded() / 100
        }
    }
}
