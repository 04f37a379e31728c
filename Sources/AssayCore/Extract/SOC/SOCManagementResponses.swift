import AssayModel
import Foundation

/// One management response to a deviation in Section V ("Other information provided by …"), with
/// the words of what it responds to (the control, test and result it repeats), so that a response
/// to an unnumbered control can be matched by its text.
struct ManagementResponse {
    /// A control id or criteria reference opening the entry, when there is one.
    var reference: String?
    var context: Set<String>
    var text: String
    /// What the entry repeats of the control, test and result, as written.
    var contextText: String = ""
    /// The entry's first line, quoted.
    var evidence: Evidence?
}

extension SOCExceptionExtractor {
    /// The responses of Section V: rows of a table with a response column (an entry starts where the
    /// left-most column starts a reference or a new sentence), else paragraphs that open with a
    /// response lead ("Management's response: …"), each with the text before it as its context.
    func managementResponses(_ context: DocumentContext, rules: Compiled) -> [ManagementResponse] {
        guard let section = context.section("other_information") else { return [] }
        let rows = SOCLayout.rows(context).filter { $0.page >= section.firstPage && $0.page <= section.lastPage }
        let header = TableHeaderRules(roles: [(role: "response", pattern: rules.responseColumn)] + rules.header.roles,
                                      requiredRole: "response", alsoOneOf: ["control", "results", "test", "id", "criteria"],
                                      requiredWords: [rules.rules.responseColumn.lowercased()], stack: rules.header.stack,
                                      cellGap: rules.header.cellGap, notHeader: rules.criteriaHeading)
        let tableRows = TableReader.read(rows, rules: header)
        var entries: [ManagementResponse] = []
        if !tableRows.isEmpty {
            var contextWords: [String] = []
            var response: [String] = []
            var reference: String?
            var lastLeft = ""
            var previousFirst = ""
            var firstLine: Int?
            func flush() {
                if !response.isEmpty {
                    let joined = clean(contextWords.joined(separator: " "))
                    entries.append(ManagementResponse(reference: reference, context: Self.keyWords(joined),
                                                      text: clean(response.joined(separator: " ")), contextText: joined,
                                                      evidence: firstLine.map { context.evidence(line: context.body[$0]) }))
                }
                contextWords = []; response = []; reference = nil; lastLeft = ""; firstLine = nil
            }
            for row in tableRows {
                guard let leftColumn = row.cells.firstIndex(where: { !$0.isEmpty }) else { continue }
                let left = clean(row.cells[leftColumn].map(\.word.text).joined(separator: " "))
                let isFirstColumn = leftColumn == 0 && row.columns.first?.role != "response"
                let first = Self.closeHyphens(left).split(separator: " ").first.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ",.:")) } ?? ""
                let isReference = SOCRegex.matches(rules.controlID, first) || isCriteriaReference(first, rules)
                let startsUpper = left.unicodeScalars.first.map { CharacterSet.uppercaseLetters.contains($0) } ?? false
                // "CC1.4," over "CC2.2": one entry listing two references.
                let continuesList = isReference && previousFirst.hasSuffix(",")
                if isFirstColumn, !continuesList, isReference || (startsUpper && (lastLeft.isEmpty || Self.endsSentence(lastLeft))), !response.isEmpty {
                    flush()
                }
                if isFirstColumn, isReference, reference == nil { reference = Self.closeHyphens(first) }
                if firstLine == nil { firstLine = row.row.items.first?.bodyIndex }
                for (index, column) in row.columns.enumerated() {
                    let words = row.cells[index].map(\.word.text)
                    if column.role == "response" { response += words } else { contextWords += words }
                }
                if isFirstColumn { lastLeft = left }
                previousFirst = isFirstColumn ? left : ""
            }
            flush()
            return entries
        }
        // Paragraphs: "Management's response: …" after the text it answers.
        let lines = Array(context.lines(pages: section.firstPage, section.lastPage))
        var before: [String] = []
        var index = 0
        while index < lines.count {
            let text = clean(lines[index].text)
            guard let lead = SOCRegex.firstMatch(rules.responseLead, text) else {
                before.append(text)
                if before.count > 30 { before.removeFirst() }
                index += 1
                continue
            }
            var response = [(text as NSString).substring(from: lead.range.location + lead.range.length)]
            var next = index + 1
            // The paragraph ends at a wider gap than its own line spacing, or at the page's end.
            while next < lines.count, lines[next].page == lines[next - 1].page,
                  lines[next].line.box.y0 - lines[next - 1].line.box.y1 < lines[next - 1].line.box.height * 0.8 {
                response.append(clean(lines[next].text))
                next += 1
            }
            let joined = clean(before.joined(separator: " "))
            entries.append(ManagementResponse(reference: nil, context: Self.keyWords(joined), text: clean(response.joined(separator: " ")),
                                              contextText: joined, evidence: context.evidence(line: lines[index])))
            before = []
            index = next
        }
        return entries
    }

    static func keyWords(_ text: String) -> Set<String> {
        Set(text.foldedForKey.split(separator: " ").filter { $0.count > 3 }.map(String.init))
    }

    /// The response whose entry names this control, or whose context shares most of its words with the
    /// exception's control, test and deviation.
    func response(for exception: ExceptionRecord, in entries: [ManagementResponse], rules: Compiled) -> Int? {
        if let id = exception.controlID, !isCriteriaReference(id, rules), let index = entries.firstIndex(where: { $0.reference == id }) {
            return index
        }
        let wanted = Self.keyWords(exception.control + " " + exception.deviation)
        guard !wanted.isEmpty else { return nil }
        var best: (index: Int, share: Double)?
        for (index, entry) in entries.enumerated() where !entry.context.isEmpty {
            let share = Double(entry.context.intersection(wanted).count) / Double(min(entry.context.count, wanted.count))
            if share >= 0.6, share > (best?.share ?? 0) { best = (index, share) }
        }
        return best?.index
    }

    /// Exceptions that only Section V shows: an entry answering a deviation that no row of the tables
    /// matched (tables unread, or the deviation listed apart from them). Its wording is read, not a cell.
    func unmatchedExceptions(_ entries: [ManagementResponse], used: Set<Int>, rules: Compiled) -> [ExceptionRecord] {
        var found: [ExceptionRecord] = []
        for (index, entry) in entries.enumerated() where !used.contains(index) {
            let sentences = entry.contextText.components(separatedBy: ". ").filter { sentence in
                let plain = sentence.trimmingCharacters(in: .whitespaces)
                return [.deviation, .inferred].contains(verdict(plain, rules)) || rules.deviationInferred.contains { SOCRegex.matches($0, plain) }
            }
            guard !sentences.isEmpty, let evidence = entry.evidence else { continue }
            var deviation = sentences.joined(separator: ". ").trimmingCharacters(in: .whitespaces)
            if !deviation.hasSuffix(".") { deviation += "." }
            found.append(ExceptionRecord(controlID: entry.reference, criteria: criteriaRefs(entry.contextText, rules), control: "", test: "",
                                         deviation: deviation, managementResponse: entry.text,
                                         confidence: rules.rules.confidence.sectionV, evidence: [evidence]))
        }
        return found
    }
}
