import AssayModel
import Foundation

/// How the words of a CUEC list's rows are read: criteria cells and columns beside the wording,
/// and page feet.
extension SOCCUECExtractor {
    /// The criteria references of `text` in order, each once, written without spaces ("CC 6.1" as "CC6.1").
    static func references(in text: String, criteria: NSRegularExpression) -> [String] {
        let ns = text as NSString
        return criteria.matches(in: text, range: NSRange(location: 0, length: ns.length))
            .map { ns.substring(with: $0.range).filter { !$0.isWhitespace } }
            .reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    /// Whether a row lies in the bottom `fraction` of its (positioned) page.
    static func inFoot(_ row: SOCRow, context: DocumentContext, fraction: Double) -> Bool {
        guard row.page >= 1, row.page <= context.paged.pages.count else { return false }
        let height = context.paged.pages[row.page - 1].height
        return height > 0 && row.box.y0 >= height * (1 - fraction)
    }

    /// Whether a word (or two, "CC 6.1") is one whole criteria reference, a trailing comma or semicolon aside.
    static func isReference(_ text: String, criteria: NSRegularExpression) -> Bool {
        let token = text.trimmingCharacters(in: CharacterSet(charactersIn: ",;"))
        let range = NSRange(location: 0, length: (token as NSString).length)
        return range.length > 0 && criteria.firstMatch(in: token, range: range)?.range == range
    }

    /// The words of a row without a leading cell of criteria references ("CC6.6", "CC 6.8,"): the
    /// references, alone or as "CC" and a number, from the row's start up to the first other word.
    static func dropLeadingCriteria(_ words: [Word], criteria: NSRegularExpression) -> [Word] {
        var index = 0
        while index < words.count {
            if isReference(words[index].text, criteria: criteria) { index += 1; continue }
            if index + 1 < words.count, isReference(words[index].text + " " + words[index + 1].text, criteria: criteria) {
                index += 2
                continue
            }
            break
        }
        return Array(words[index...])
    }

    /// Where a column that opens with a criteria reference starts in a row of words: the left edge of a
    /// reference standing more than 12 points right of the word before it.
    static func criteriaColumnStart(_ words: [Word], criteria: NSRegularExpression) -> Double? {
        for index in words.indices.dropFirst() where isReference(words[index].text, criteria: criteria) {
            if words[index].box.x0 - words[index - 1].box.x1 > 12 { return words[index].box.x0 }
        }
        return nil
    }

    /// The words of a row without a trailing cell of criteria references: from the first word that
    /// is a whole reference and stands more than 12 points right of the word before it.
    static func dropCriteriaColumn(_ words: [Word], criteria: NSRegularExpression) -> [Word] {
        for index in words.indices.dropFirst() where isReference(words[index].text, criteria: criteria) {
            let gap = words[index].box.x0 - words[index - 1].box.x1
            if gap > 12 && words[index...].allSatisfy({ isReference($0.text, criteria: criteria) }) { return Array(words[..<index]) }
        }
        return words
    }
}
