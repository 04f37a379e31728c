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

    struct Rules: Decodable {
        var version: Int
        var header: String
        var header_word: String
        var header_exclude: String
        var services_column: String
        var method_column: String
        var cell_gap: Double
        var inclusive: String
        var carve_out: String
        var prose_sentence: String
        var company: String
        var use_cues: [String]
        var name_leads: [String]
        var sentence_end: String
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
        let f = "soc/subservice.yaml"
        let rules = try context.rules.load(Rules.self, from: f)
        let header = try SOCRegex.compile(rules.header, file: f, key: "header")
        let headerExclude = try SOCRegex.compile(rules.header_exclude, file: f, key: "header_exclude")
        let servicesColumn = try SOCRegex.compile(rules.services_column, file: f, key: "services_column")
        let methodColumn = try SOCRegex.compile(rules.method_column, file: f, key: "method_column")
        let inclusive = try SOCRegex.compile(rules.inclusive, file: f, key: "inclusive")
        let carveOut = try SOCRegex.compile(rules.carve_out, file: f, key: "carve_out")
        let proseSentence = try SOCRegex.compile(rules.prose_sentence, file: f, key: "prose_sentence")
        let company = try SOCRegex.compile(rules.company, file: f, key: "company", caseInsensitive: false)
        let organization = result.fields["service_organization"].map { Matching.normalizedName($0.value.display) }

        func method(in text: String) -> SubserviceMethod? {
            if SOCRegex.matches(inclusive, text) && !SOCRegex.matches(carveOut, text) { return .inclusive }
            if SOCRegex.matches(carveOut, text) { return .carveOut }
            return nil
        }
        var found: [Found] = []
        func merge(_ item: Found) {
            let key = Matching.normalizedName(item.name)
            guard !key.isEmpty, key != organization else { return }
            if let organization, key.contains(organization) || organization.contains(key) { return }
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
            guard row.items.contains(where: { $0.word.text.containsIgnoringCase(rules.header_word) }),
                  SOCRegex.matches(header, row.text), !SOCRegex.matches(headerExclude, row.text), row.text.count < 120 else { index += 1; continue }
            // A header may be stacked over two rows ("Subservice" / "organization").
            var headerRow = row
            while index + 1 < rows.count, rows[index + 1].page == row.page, rows[index + 1].box.y0 - headerRow.box.y1 < 6,
                  rows[index + 1].items.count <= 4, headerRow.items.count < 10 {
                headerRow.items = (headerRow.items + rows[index + 1].items).sorted { $0.word.box.x0 < $1.word.box.x0 }
                headerRow.box = headerRow.box.union(rows[index + 1].box)
                index += 1
            }
            let columns = headerColumns(headerRow, gap: rules.cell_gap)
            guard columns.count >= 2 else { index += 1; continue }
            let servicesIndex = columns.indices.dropFirst().first { SOCRegex.matches(servicesColumn, columns[$0].text) } ?? 1
            let methodIndex = columns.indices.dropFirst().first { SOCRegex.matches(methodColumn, columns[$0].text) }
            var current: (name: [SOCRow.Item], services: [String], method: [String])?
            func flush() {
                guard let c = current, let first = c.name.first else { return }
                let name = c.name.map(\.word.text).joined(separator: " ").foldedWhitespace
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
                let nameText = cells[0].map(\.word.text).joined(separator: " ")
                let startsUpper = nameText.unicodeScalars.first.map { CharacterSet.uppercaseLetters.contains($0) } ?? false
                let methodCell = methodIndex.map { cells[$0].map(\.word.text).joined(separator: " ") } ?? ""
                let methodStarts = methodCell.unicodeScalars.first.map { CharacterSet.uppercaseLetters.contains($0) } ?? false
                let serviceText = cells[servicesIndex].map(\.word.text).joined(separator: " ")
                let serviceStarts = serviceText.unicodeScalars.first.map { CharacterSet.uppercaseLetters.contains($0) } ?? false
                let starts = startsUpper && (methodIndex != nil ? methodStarts : serviceStarts)
                if starts {
                    flush()
                    current = (cells[0], [serviceText], [methodCell])
                } else if current != nil {
                    current?.name += cells[0]
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
        for range in ranges {
            let flat = text.substring(with: range).replacingOccurrences(of: "\n", with: " ")
            var start = 0
            let ns = flat as NSString
            // Sentences end at ". " followed by a capital; "Inc. (the" stays inside.
            let ends = try NSRegularExpression(pattern: rules.sentence_end, options: [])
            for end in ends.matches(in: flat, range: NSRange(location: 0, length: ns.length)) + [] {
                sentences.append((ns.substring(with: NSRange(location: start, length: end.range.location - start + 1)),
                                  NSRange(location: range.location + start, length: end.range.location - start + 1)))
                start = end.range.location + end.range.length
            }
            if start < ns.length {
                sentences.append((ns.substring(from: start), NSRange(location: range.location + start, length: ns.length - start)))
            }
        }
        // The description's sentences that name a method, read only when an organisation still lacks one.
        func methodSentences() throws -> [String] {
            var all = sentences.map(\.0)
            if let description {
                let range = SOCText.range(context, pages: description.firstPage, description.lastPage)
                let flat = text.substring(with: range).replacingOccurrences(of: "\n", with: " ")
                let ends = try NSRegularExpression(pattern: rules.sentence_end, options: [])
                let marked = ends.stringByReplacingMatches(in: flat, range: NSRange(location: 0, length: (flat as NSString).length), withTemplate: ".\u{1}")
                all += marked.components(separatedBy: "\u{1}").filter { SOCRegex.matches(inclusive, $0) || SOCRegex.matches(carveOut, $0) }
            }
            return all
        }
        var proseMethods: [SubserviceMethod] = []
        for (sentence, range) in sentences where SOCRegex.matches(proseSentence, sentence) {
            if let m = method(in: sentence) { proseMethods.append(m) }
            let ns = sentence as NSString
            guard rules.use_cues.contains(where: { sentence.containsIgnoringCase($0) }) else { continue }
            for match in company.matches(in: sentence, range: NSRange(location: 0, length: ns.length)) {
                var name = ns.substring(with: match.range(at: 1)).trimmingCharacters(in: .whitespaces)
                // Words such as "Inc. uses" leave the service organisation's own name out; "The", "Our" are not names.
                for lead in rules.name_leads where name.hasPrefix(lead) { name.removeFirst(lead.count) }
                let at = NSRange(location: range.location + match.range(at: 1).location, length: match.range(at: 1).length)
                merge(Found(name: name, services: "", method: nil, evidence: context.evidence(for: at).map { [$0] } ?? [], inProse: true))
            }
        }

        // 3. Methods for organisations the table did not settle: the sentences that name them.
        let unsettled = found.indices.filter { found[$0].method == nil }
        if !unsettled.isEmpty {
            let clauses = try methodSentences().flatMap { $0.components(separatedBy: ";") }
            for index in unsettled {
                let key = found[index].name.split(separator: " ").prefix(2).joined(separator: " ")
                found[index].method = clauses.filter { $0.contains(key) }.compactMap(method(in:)).first
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

    func headerColumns(_ row: SOCRow, gap: Double) -> [(x0: Double, text: String)] {
        var columns: [(x0: Double, x1: Double, text: String)] = []
        for item in row.items {
            if var last = columns.last, item.word.box.x0 <= last.x1 + gap {
                last.x1 = item.word.box.x1
                last.text += " " + item.word.text
                columns[columns.count - 1] = last
            } else {
                columns.append((item.word.box.x0, item.word.box.x1, item.word.text))
            }
        }
        return columns.map { ($0.x0, $0.text) }
    }
}
