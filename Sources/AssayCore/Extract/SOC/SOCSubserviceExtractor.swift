import AssayModel
import Foundation

/// Subservice organisations with their services and the carve-out or inclusive method.
///
/// The system description's table ("Subservice organization | Services | Method") gives names,
/// services and methods; the auditor's scope paragraph ("Acme uses subservice organizations (X, Y)
/// for…") gives names too, and a name found in both is the most certain. Where no method is
/// stated for an organisation, the sentences that mention it decide (inclusive / carved out).
public struct SOCSubserviceExtractor: DocumentExtractor {
    public var kinds: Set<DocumentKind> { [.soc1, .soc2, .soc3] }

    public init() {}

    struct Rules: RuleFile, Sendable {
        package static let file = "soc/subservice.yaml"
        package static let version = 1

        var version: Int
        var header: String
        var headerWord: String
        var headerExclude: String
        var servicesColumn: String
        var methodColumn: String
        var cellGap: Double
        var inclusive: String
        var carveOut: String
        var proseSentence: String
        var company: String
        var useCues: [String]
        var nameLeads: [String]
        var sentenceEnd: String
        var headerIgnore: String
        var methodIgnore: String
        var nameComplete: String
        var methodWord: String
        var nameColumn: String
        var columnExclude: String
        var proseNames: [String]
        var listLead: String
        var listName: String
        var nameStop: [String]

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case version
            case header
            case headerWord = "header_word"
            case headerExclude = "header_exclude"
            case servicesColumn = "services_column"
            case methodColumn = "method_column"
            case cellGap = "cell_gap"
            case inclusive
            case carveOut = "carve_out"
            case proseSentence = "prose_sentence"
            case company
            case useCues = "use_cues"
            case nameLeads = "name_leads"
            case sentenceEnd = "sentence_end"
            case headerIgnore = "header_ignore"
            case methodIgnore = "method_ignore"
            case nameComplete = "name_complete"
            case methodWord = "method_word"
            case nameColumn = "name_column"
            case columnExclude = "column_exclude"
            case proseNames = "prose_names"
            case listLead = "list_lead"
            case listName = "list_name"
            case nameStop = "name_stop"
        }
    }

    /// The patterns of `soc/subservice.yaml`, compiled once per rule book: the extractor and
    /// `assay rules check` build the same value, so a broken pattern is reported before a report is read.
    struct Compiled: Sendable {
        static func shared(_ book: RuleBook) throws -> Compiled {
            try book.built(Rules.file) { try Compiled($0.load(Rules.self)) }
        }

        var rules: Rules
        var header, headerExclude, servicesColumn, methodColumn, inclusive, carveOut, proseSentence, company, headerIgnore, methodIgnore, nameComplete, methodWord, nameColumn, columnExclude, listLead, listName, sentenceEnd: NSRegularExpression
        var proseNames: [NSRegularExpression]

        init(_ rules: Rules) throws {
            self.rules = rules
            let f = Rules.file
            header = try SOCRegex.compile(rules.header, file: f, key: "header")
            headerExclude = try SOCRegex.compile(rules.headerExclude, file: f, key: "header_exclude")
            servicesColumn = try SOCRegex.compile(rules.servicesColumn, file: f, key: "services_column")
            methodColumn = try SOCRegex.compile(rules.methodColumn, file: f, key: "method_column")
            inclusive = try SOCRegex.compile(rules.inclusive, file: f, key: "inclusive")
            carveOut = try SOCRegex.compile(rules.carveOut, file: f, key: "carve_out")
            proseSentence = try SOCRegex.compile(rules.proseSentence, file: f, key: "prose_sentence")
            company = try SOCRegex.compile(rules.company, file: f, key: "company", caseInsensitive: false)
            headerIgnore = try SOCRegex.compile(rules.headerIgnore, file: f, key: "header_ignore")
            methodIgnore = try SOCRegex.compile(rules.methodIgnore, file: f, key: "method_ignore")
            nameComplete = try SOCRegex.compile(rules.nameComplete, file: f, key: "name_complete", caseInsensitive: false)
            methodWord = try SOCRegex.compile(rules.methodWord, file: f, key: "method_word")
            nameColumn = try SOCRegex.compile(rules.nameColumn, file: f, key: "name_column")
            columnExclude = try SOCRegex.compile(rules.columnExclude, file: f, key: "column_exclude")
            proseNames = try rules.proseNames.enumerated().map { try SOCRegex.compile($1, file: f, key: "prose_names[\($0)]", caseInsensitive: false) }
            listLead = try SOCRegex.compile(rules.listLead, file: f, key: "list_lead")
            listName = try SOCRegex.compile(rules.listName, file: f, key: "list_name", caseInsensitive: false)
            sentenceEnd = try SOCRegex.compile(rules.sentenceEnd, file: f, key: "sentence_end", caseInsensitive: false)
        }
    }

    struct Found {
        var name: String
        var services: String
        var method: SubserviceMethod?
        var evidence: [Evidence]
        var inTable = false
        var inProse = false
    }

    public func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws {
        let compiled = try Compiled.shared(context.rules)
        let rules = compiled.rules
        let header = compiled.header
        let headerExclude = compiled.headerExclude
        let servicesColumn = compiled.servicesColumn
        let methodColumn = compiled.methodColumn
        let inclusive = compiled.inclusive
        let carveOut = compiled.carveOut
        let proseSentence = compiled.proseSentence
        let company = compiled.company
        let headerIgnore = compiled.headerIgnore
        let methodIgnore = compiled.methodIgnore
        let nameComplete = compiled.nameComplete
        let methodWord = compiled.methodWord
        let nameColumn = compiled.nameColumn
        let columnExclude = compiled.columnExclude
        let proseNames = compiled.proseNames
        let listLead = compiled.listLead
        let listName = compiled.listName
        let organization = result.fields["service_organization"].map { Matching.normalizedName($0.value.display) }

        func method(in text: String) -> SubserviceMethod? {
            if SOCRegex.matches(inclusive, text) && !SOCRegex.matches(carveOut, text) { return .inclusive }
            if SOCRegex.matches(carveOut, text) { return .carveOut }
            return nil
        }
        var found: [Found] = []
        func merge(_ item: Found) {
            var item = item
            item.name = SOCText.withoutBidiMarks(item.name).foldedWhitespace
            // A name starts with a capital, is not a sentence and is not long.
            let lastWord = item.name.split(separator: " ").last.map(String.init) ?? ""
            guard let first = item.name.first, first.isUppercase || first.isNumber,
                  !(item.name.hasSuffix(".") && (lastWord.first?.isLowercase ?? true)),
                  item.name.split(separator: " ").count <= 8 else { return }
            let key = Matching.normalizedName(item.name)
            guard !key.isEmpty, key != organization else { return }
            // "Acme Hosting" may be a sister business of "Acme" and a real subservice organisation; only a part
            // of the organisation's own name is dropped.
            if let organization, organization.contains(key) { return }
            if rules.nameStop.contains(where: { $0.lowercased() == key }) { return }
            if let index = found.firstIndex(where: { let other = Matching.normalizedName($0.name); return other.contains(key) || key.contains(other) }) {
                found[index].inTable = found[index].inTable || item.inTable
                found[index].inProse = found[index].inProse || item.inProse
                if found[index].method == nil { found[index].method = item.method }
                if found[index].services.isEmpty { found[index].services = item.services }
                if item.name.count > found[index].name.count && item.inTable { found[index].name = item.name }
                return
            }
            found.append(item)
        }

        // 1. The table in the system description.
        let rows = SOCLayout.rows(context)
        let description = context.section("system_description")
        var index = 0
        while index < rows.count {
            let row = rows[index]
            if let description, row.page < description.firstPage || row.page > description.lastPage { index += 1; continue }
            // The word test first: it is cheap, and few of the description's rows pass it.
            guard row.items.contains(where: { $0.word.text.containsIgnoringCase(rules.headerWord) }) else { index += 1; continue }
            let headerText = headerIgnore.stringByReplacingMatches(in: row.text, range: NSRange(location: 0, length: (row.text as NSString).length), withTemplate: " ")
            guard SOCRegex.matches(header, headerText), !SOCRegex.matches(headerExclude, headerText), row.text.count < 160 else { index += 1; continue }
            // A header may be stacked over two rows ("Subservice" / "organization").
            var headerRow = row
            // A header may be stacked over two or three rows ("Kind of / Service / Supplied"): rows close
            // under it whose words are all capitalised belong to it.
            while index + 1 < rows.count, rows[index + 1].page == row.page, rows[index + 1].box.y0 - headerRow.box.y1 < 6,
                  rows[index + 1].items.count <= 4 || rows[index + 1].items.allSatisfy({ $0.word.text.first?.isUppercase ?? false }),
                  headerRow.items.count < 20 {
                headerRow.items = (headerRow.items + rows[index + 1].items).sorted { $0.word.box.x0 < $1.word.box.x0 }
                headerRow.box = headerRow.box.union(rows[index + 1].box)
                index += 1
            }
            let columns = headerColumns(headerRow, gap: rules.cellGap)
            // A header is a few short cells, not a line of prose that happens to say "subservice".
            let words = headerRow.items.map(\.word.text)
            let lowercase = words.filter { $0.first?.isLowercase ?? false }.count
            let proseLike = columns.contains { $0.text.split(separator: " ").count > 6 } || columns.count > 9
                || row.text.hasSuffix(".") || row.text.hasSuffix(",") || lowercase * 5 > words.count * 3
                || headerColumns(headerRow, gap: 12).count < 2
            guard columns.count >= 2, !proseLike else { index += 1; continue }
            // The name column is the one headed "… Name" or "Subservice Organization", not always the first.
            let nameIndex = columns.indices.first { SOCRegex.matches(nameColumn, columns[$0].text) && !SOCRegex.matches(columnExclude, columns[$0].text) } ?? 0
            let servicesIndex = columns.indices.first { $0 != nameIndex && SOCRegex.matches(servicesColumn, columns[$0].text)
                && !SOCRegex.matches(columnExclude, columns[$0].text) && !SOCRegex.matches(nameColumn, columns[$0].text) } ?? (nameIndex == 0 ? 1 : 0)
            let methodIndex = columns.indices.first { $0 != nameIndex && SOCRegex.matches(methodColumn, columns[$0].text) }
            // Records set apart by blank space: a gap well over the tightest line gap starts a record.
            var dataRows: [SOCRow] = []
            var probe = index + 1
            while probe < rows.count, rows[probe].page == row.page, dataRows.count < 60 { dataRows.append(rows[probe]); probe += 1 }
            let gaps = zip(dataRows, dataRows.dropFirst()).map { $1.box.y0 - $0.box.y1 }.filter { $0 >= 0 }
            let tightest = gaps.min() ?? 0
            let spaced = gaps.contains { $0 > max(tightest * 2.5, tightest + 6) }
            var current: (name: [SOCRow.Item], services: [String], method: [String])?
            func flush() {
                guard let c = current, let first = c.name.first else { return }
                let name = Self.withoutDescription(c.name.map(\.word.text).joined(separator: " ").foldedWhitespace)
                let methodText = c.method.joined(separator: "").replacingOccurrences(of: "-", with: "-")
                merge(Found(name: name, services: c.services.joined(separator: " ").foldedWhitespace,
                            method: method(in: methodText.replacingOccurrences(of: "Carve-out", with: "Carve-out")),
                            evidence: [context.evidence(line: context.body[first.bodyIndex])], inTable: true))
                current = nil
            }
            var next = index + 1
            while next < rows.count, rows[next].page == row.page {
                let data = rows[next]
                let boundaries = columns.dropFirst().map(\.x0)
                if data.items.contains(where: { item in boundaries.contains { item.word.box.x0 < $0 - 3 && item.word.box.x1 > $0 + 3 } }) { break }
                if data.box.y0 - rows[next - 1].box.y1 > 40 { break }
                var cells = Array(repeating: [SOCRow.Item](), count: columns.count)
                for item in data.items {
                    let column = columns.lastIndex { $0.x0 <= item.word.box.x0 + 4 } ?? 0
                    cells[column].append(item)
                }
                let gap = data.box.y0 - rows[next - 1].box.y1
                // A line with words only in the name column after blank space is the next heading, not a row.
                if next > index + 1, cells.indices.allSatisfy({ $0 == nameIndex || cells[$0].isEmpty }), gap > max(tightest * 2.5, tightest + 6) { break }
                let nameText = cells[nameIndex].map(\.word.text).joined(separator: " ")
                let startsUpper = nameText.unicodeScalars.first.map { CharacterSet.uppercaseLetters.contains($0) } ?? false
                let methodCell = methodIndex.map { cells[$0].map(\.word.text).joined(separator: " ") } ?? ""
                let methodStarts = methodCell.unicodeScalars.first.map { CharacterSet.uppercaseLetters.contains($0) } ?? false
                let serviceText = cells[servicesIndex].map(\.word.text).joined(separator: " ")
                let serviceStarts = serviceText.unicodeScalars.first.map { CharacterSet.uppercaseLetters.contains($0) } ?? false
                let conventional = startsUpper && (methodIndex != nil ? methodStarts : serviceStarts)
                // In a table spaced by blank lines a record starts after one, or where the name before is complete
                // (it ends in a legal form or a bracket) and a new one begins.
                let currentComplete = current.map { c in SOCRegex.matches(nameComplete, c.name.map(\.word.text).joined(separator: " ")) } ?? false
                let starts = spaced ? ((current == nil || gap > max(tightest * 2.5, tightest + 6)) && !nameText.isEmpty) || (conventional && currentComplete)
                    : conventional
                // A table that repeats the organisation's name on every row (one row per control) starts a
                // record at each repetition.
                let repeatsName = current.map { c in !nameText.isEmpty && c.name.map(\.word.text).joined(separator: " ").hasPrefix(nameText) } ?? false
                if starts || repeatsName {
                    flush()
                    current = (cells[nameIndex], [serviceText], [methodCell])
                } else if current != nil {
                    current?.name += cells[nameIndex]
                    current?.services.append(serviceText)
                    current?.method.append(methodCell)
                } else {
                    break
                }
                next += 1
            }
            flush()
            index = next
        }

        // 2. The auditor's scope paragraph (and, failing that, the assertion and description).
        let text = context.text as NSString
        let searchIn = [context.section("auditor_opinion"), context.section("management_assertion")].compactMap { $0 }
        let ranges = searchIn.isEmpty ? [SOCText.range(context, pages: 1, min(8, context.paged.pages.count))]
            : searchIn.map { SOCText.range(context, pages: $0.firstPage, $0.lastPage) }
        var sentences: [(String, NSRange)] = []
        // Sentences end at ". " followed by a capital; "Inc. (the" stays inside.
        let sentenceEnd = compiled.sentenceEnd
        for range in ranges {
            let flat = text.substring(with: range).replacingOccurrences(of: "\n", with: " ")
            var start = 0
            let ns = flat as NSString
            for end in sentenceEnd.matches(in: flat, range: NSRange(location: 0, length: ns.length)) + [] {
                sentences.append((ns.substring(with: NSRange(location: start, length: end.range.location - start + 1)),
                                  NSRange(location: range.location + start, length: end.range.location - start + 1)))
                start = end.range.location + end.range.length
            }
            if start < ns.length {
                sentences.append((ns.substring(from: start), NSRange(location: range.location + start, length: ns.length - start)))
            }
        }
        // The description's sentences that name a method, read only when an organisation still lacks one.
        func methodSentences() -> [String] {
            var all = sentences.map(\.0)
            if let description {
                let range = SOCText.range(context, pages: description.firstPage, description.lastPage)
                let flat = text.substring(with: range).replacingOccurrences(of: "\n", with: " ")
                let marked = sentenceEnd.stringByReplacingMatches(in: flat, range: NSRange(location: 0, length: (flat as NSString).length), withTemplate: ".\u{1}")
                all += marked.components(separatedBy: "\u{1}").filter { SOCRegex.matches(inclusive, $0) || SOCRegex.matches(carveOut, $0) }
            }
            return all
        }
        var proseMethods: [SubserviceMethod] = []
        for (sentence, range) in sentences where SOCRegex.matches(proseSentence, sentence) {
            if let m = method(in: sentence) { proseMethods.append(m) }
            let ns = sentence as NSString
            guard rules.useCues.contains(where: { sentence.containsIgnoringCase($0) }) else { continue }
            for match in company.matches(in: sentence, range: NSRange(location: 0, length: ns.length)) {
                var name = ns.substring(with: match.range(at: 1)).trimmingCharacters(in: .whitespaces)
                // Words such as "Inc. uses" leave the service organisation's own name out; "The", "Our" are not names.
                for lead in rules.nameLeads where name.hasPrefix(lead) { name.removeFirst(lead.count) }
                let at = NSRange(location: range.location + match.range(at: 1).location, length: match.range(at: 1).length)
                merge(Found(name: name, services: "", method: nil, evidence: context.evidence(for: at).map { [$0] } ?? [], inProse: true))
            }
        }

        // 2b. Names the prose gives without a legal form: "uses subservice organizations X to provide…",
        // "does not include the … services provided by X", and a bulleted list after "X uses,".
        var proseRanges = ranges
        if let description { proseRanges.append(SOCText.range(context, pages: description.firstPage, min(description.lastPage, description.firstPage + 40))) }
        let flat = SOCText.withoutBidiMarks(SOCText.flatText(context))
        for range in proseRanges {
            for regex in proseNames {
                for match in regex.matches(in: flat, range: range) {
                    guard let raw = SOCRegex.group(match, 1, in: flat as NSString) else { continue }
                    var name = Self.withoutDescription(raw.foldedWhitespace)
                    for lead in rules.nameLeads where name.hasPrefix(lead) { name.removeFirst(lead.count) }
                    guard name.count >= 2 else { continue }
                    let evidence = context.evidence(for: match.range(at: 1)).map { [$0] } ?? []
                    merge(Found(name: name, services: "", method: nil, evidence: evidence, inProse: true))
                }
            }
        }
        for range in ranges {
            let lines = context.body.indices.filter { context.lineStart($0) >= range.location && context.lineStart($0) < NSMaxRange(range) }
            var inList = false
            for index in lines {
                let line = SOCText.withoutBidiMarks(context.body[index].text).foldedWhitespace
                if SOCRegex.matches(listLead, line) { inList = true; continue }
                guard inList else { continue }
                guard let match = SOCRegex.firstMatch(listName, line), let raw = SOCRegex.group(match, 1, in: line as NSString) else {
                    // Wrapped bullet text continues the list; a line that is neither ends it once a sentence closes.
                    if line.hasSuffix(".") || line.isEmpty { continue }
                    continue
                }
                let name = Self.withoutDescription(raw.foldedWhitespace.trimmingCharacters(in: CharacterSet(charactersIn: " ,:")))
                guard name.count >= 2 else { continue }
                merge(Found(name: name, services: "", method: nil, evidence: [context.evidence(line: context.body[index])], inProse: true))
                if line.lowercased().hasPrefix("the ") { inList = false }
            }
        }

        // 3. Methods for organisations the table did not settle: the sentences that name them.
        let unsettled = found.indices.filter { found[$0].method == nil }
        if !unsettled.isEmpty {
            let clauses = methodSentences().flatMap { $0.components(separatedBy: ";") }
            for index in unsettled {
                let key = found[index].name.split(separator: " ").prefix(2).joined(separator: " ")
                // A sentence introducing a CSOC list ("controls implemented by X and included in this report") says
                // nothing of the method unless it names one outright.
                found[index].method = clauses.filter { $0.contains(key) && !(SOCRegex.matches(methodIgnore, $0) && !SOCRegex.matches(methodWord, $0)) }
                    .compactMap(method(in:)).first
            }
        }
        let fallback: SubserviceMethod = proseMethods.contains(.carveOut) || proseMethods.isEmpty ? .carveOut : .inclusive
        for item in found {
            var confidence = item.inTable && item.inProse ? 0.95 : item.inTable ? 0.9 : 0.85
            if item.method == nil { confidence -= 0.15 }
            result.subserviceOrganizations.append(SubserviceOrganization(
                name: item.name, services: item.services, method: item.method ?? fallback, confidence: confidence, evidence: item.evidence))
        }
    }

    /// A name without a trailing description in brackets ("Nimbus (file storage)" → "Nimbus"); a bracketed
    /// short name ("Google LLC (Google)") stays.
    static func withoutDescription(_ name: String) -> String {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return name }
        let inside = name[name.index(after: open)...].dropLast()
        guard let first = inside.first, first.isLowercase else { return name }
        return String(name[..<open]).trimmingCharacters(in: .whitespaces)
    }

    func headerColumns(_ row: SOCRow, gap: Double) -> [(x0: Double, text: String)] {
        var columns: [(x0: Double, x1: Double, text: String)] = []
        for item in row.items {
            if var last = columns.last, item.word.box.x0 <= last.x1 + gap {
                last.x1 = max(last.x1, item.word.box.x1)
                last.text += " " + item.word.text
                columns[columns.count - 1] = last
            } else {
                columns.append((item.word.box.x0, item.word.box.x1, item.word.text))
            }
        }
        return columns.map { ($0.x0, $0.text) }
    }
}
