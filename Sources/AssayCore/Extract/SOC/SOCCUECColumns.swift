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

    /// The words of a row without a leading cell of criteria references ("CC6.6", "CC 6.8,"): the
    /// references, alone or as "CC" and a number, from the row's start up to the first other word.
    static func dropLeadingCriteria(_ words: [Word], criteria: NSRegularExpression) -> [Word] {
        func isWhole(_ text: String) -> Bool {
            let token = text.trimmingCharacters(in: CharacterSet(charactersIn: ",;"))
            let range = NSRange(location: 0, length: (token as NSString).length)
            return range.length > 0 && criteria.firstMatch(in: token, range: range)?.range == range
        }
        var index = 0
        while index < words.count {
            if isWhole(words[index].text) { index += 1; continue }
            if index + 1 < words.count, isWhole(words[index].text + " " + words[index + 1].text) { index += 2; continue }
            break
        }
        return Array(words[index...])
    }

    /// Where a column that opens with a criteria reference starts in a row of words: the left edge of a
    /// reference standing more than 12 points right of the word before it.
    static func criteriaColumnStart(_ words: [Word], criteria: NSRegularExpression) -> Double? {
        for index in words.indices.dropFirst() {
            let token = words[index].text.trimmingCharacters(in: CharacterSet(charactersIn: ",;"))
            let range = NSRange(location: 0, length: (token as NSString).length)
            guard criteria.firstMatch(in: token, range: range)?.range == range else { continue }
            if words[index].box.x0 - words[index - 1].box.x1 > 12 { return words[index].box.x0 }
        }
        return nil
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
