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
                                      requiredWords: [rules.rules.response_column.lowercased()], stack: rules.header.stack,
                                      cellGap: rules.header.cellGap, notHeader: rules.criteriaHeading)
        let tableRows = TableReader.read(rows, rules: header)
        var entries: [ManagementResponse] = []
        if !tableRows.isEmpty {
            var contextWords: [String] = []
            var response: [String] = []
            var reference: String?
            var lastLeft = ""
            var previousFirst = ""
            func flush() {
                if !response.isEmpty {
                    entries.append(ManagementResponse(reference: reference, context: Self.keyWords(contextWords.joined(separator: " ")),
                                                      text: clean(response.joined(separator: " "))))
                }
                contextWords = []; response = []; reference = nil; lastLeft = ""
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
                if isFirstColumn, isReference, reference == nil { reference = first }
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
            entries.append(ManagementResponse(reference: nil, context: Self.keyWords(before.joined(separator: " ")),
                                              text: clean(response.joined(separator: " "))))
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
    func response(for exception: ExceptionRecord, in entries: [ManagementResponse], rules: Compiled) -> String? {
        if let id = exception.controlID, !isCriteriaReference(id, rules), let entry = entries.first(where: { $0.reference == id }) {
            return entry.text
        }
        let wanted = Self.keyWords(exception.control + " " + exception.deviation)
        guard !wanted.isEmpty else { return nil }
        var best: (text: String, share: Double)?
        for entry in entries where !entry.context.isEmpty {
            let share = Double(entry.context.intersection(wanted).count) / Double(min(entry.context.count, wanted.count))
            if share >= 0.6, share > (best?.share ?? 0) { best = (entry.text, share) }
        }
        return best?.text
    }
}
