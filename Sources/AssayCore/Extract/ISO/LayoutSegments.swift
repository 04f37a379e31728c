import AssayModel
import Foundation

/// A word of a page, with the line it came from (for evidence).
struct PlacedWord: Sendable, Hashable {
    var text: String
    var box: Box
    var page: Int
    /// Index of the line on its page.
    var lineIndex: Int
    var lineText: String
    var lineBox: Box
}

/// A run of words on one visual row with no wide gap between them: one cell of a designed page
/// ("Expiry date:" and "2028-06-05" printed side by side are two segments).
///
/// poppler's reading-order lines join cells of different columns, and sometimes of different rows,
/// so a designed page is rebuilt here from word boxes alone.
struct LayoutSegment: Sendable, Hashable {
    package var words: [PlacedWord]
    var page: Int { words.first?.page ?? 1 }
    var box: Box {
        words.dropFirst().reduce(words.first?.box ?? Box(x0: 0, y0: 0, x1: 0, y1: 0)) { $0.union($1.box) }
    }
    var text: String { words.map(\.text).joined(separator: " ") }
    var height: Double { words.map(\.box.height).max() ?? 0 }

    /// Whether `other` shares horizontal extent with this segment.
    func overlapsHorizontally(_ other: LayoutSegment, slack: Double = 2) -> Bool {
        other.box.x0 < box.x1 + slack && box.x0 < other.box.x1 + slack
    }

    /// Whether `other` sits on the same row (shares most of its height).
    func sharesRow(with other: LayoutSegment) -> Bool {
        let overlap = min(box.y1, other.box.y1) - max(box.y0, other.box.y0)
        return overlap >= 0.5 * min(box.height, other.box.height)
    }
}

/// The page split into segments, top to bottom.
struct PageLayout: Sendable {
    var page: Int
    var segments: [LayoutSegment]

    /// Builds the segments of every page from all its lines' words. Page furniture is kept: the
    /// issuer's name and address are often the footer repeated on every page of a certificate.
    static func build(_ context: DocumentContext) -> [PageLayout] {
        context.paged.pages.map { page in
            var words: [PlacedWord] = []
            for (index, line) in page.lines.enumerated() {
                for word in line.words where !word.text.isEmpty {
                    words.append(PlacedWord(text: word.text, box: word.box, page: page.number, lineIndex: index,
                                            lineText: line.text, lineBox: line.box))
                }
            }
            return PageLayout(page: page.number, segments: segments(words))
        }
    }

    /// Glyphs printed alone between the fields of one line of a letterhead or footer.
    static let fieldSeparators: Set<String> = ["|", "¦", "•", "·", "∙"]

    /// Rows by vertical overlap, then cells by horizontal gaps wider than the text is tall (or a
    /// separator glyph between them).
    static func segments(_ all: [PlacedWord]) -> [LayoutSegment] {
        // OCR reads specks inside large letters as tiny words ("Li" within "Services"): a word lying
        // mostly inside a larger word is noise.
        let words = all.filter { word in
            let area = max(word.box.width * word.box.height, 0.01)
            return !all.contains { other in
                guard other != word, other.box.height > word.box.height * 1.5 else { return false }
                let w = min(word.box.x1, other.box.x1) - max(word.box.x0, other.box.x0)
                let h = min(word.box.y1, other.box.y1) - max(word.box.y0, other.box.y0)
                return w > 0 && h > 0 && w * h > 0.6 * area
            }
        }
        let sorted = words.sorted { $0.box.midY != $1.box.midY ? $0.box.midY < $1.box.midY : $0.box.x0 < $1.box.x0 }
        var rows: [[PlacedWord]] = []
        var rowBoxes: [Box] = []
        for word in sorted {
            if let last = rowBoxes.last {
                let overlap = min(last.y1, word.box.y1) - max(last.y0, word.box.y0)
                if overlap >= 0.5 * min(word.box.height, last.height) {
                    rows[rows.count - 1].append(word)
                    rowBoxes[rowBoxes.count - 1] = Box(x0: min(last.x0, word.box.x0), y0: last.y0, x1: max(last.x1, word.box.x1), y1: last.y1)
                    continue
                }
            }
            rows.append([word])
            rowBoxes.append(word.box)
        }
        var result: [LayoutSegment] = []
        for row in rows {
            let ordered = row.sorted { $0.box.x0 < $1.box.x0 }
            var current: [PlacedWord] = []
            for word in ordered {
                // A bar or bullet standing alone between two fields ("… a.s. | Street 12, City") parts them.
                if Self.fieldSeparators.contains(word.text) {
                    if !current.isEmpty { result.append(LayoutSegment(words: current)) }
                    current = []
                    continue
                }
                if let previous = current.last {
                    let gap = word.box.x0 - previous.box.x1
                    let height = max(min(word.box.height, previous.box.height), 1)
                    if gap > max(height * 0.9, 6) {
                        result.append(LayoutSegment(words: current))
                        current = []
                    }
                }
                current.append(word)
            }
            if !current.isEmpty { result.append(LayoutSegment(words: current)) }
        }
        return result.sorted { $0.box.y0 != $1.box.y0 ? $0.box.y0 < $1.box.y0 : $0.box.x0 < $1.box.x0 }
    }
}

extension DocumentContext {
    /// Evidence for words of one page: the words as a quote when they appear together in their
    /// line, else the lines they sit on.
    func evidence(words: [PlacedWord], limit: Int = 3) -> [Evidence] {
        var lines: [PlacedWord] = []
        for word in words where !lines.contains(where: { $0.page == word.page && $0.lineIndex == word.lineIndex }) { lines.append(word) }
        return lines.prefix(limit).map { line in
            let own = words.filter { $0.page == line.page && $0.lineIndex == line.lineIndex }
            let quote = own.map(\.text).joined(separator: " ").foldedWhitespace
            let isPDF = paged.mediaType == .pdf
            if !quote.isEmpty, line.lineText.foldedWhitespace.contains(quote) {
                let box = own.dropFirst().reduce(own.first?.box ?? line.lineBox) { $0.union($1.box) }
                return Evidence(page: line.page, quote: quote, bbox: isPDF ? box.array : nil)
            }
            return Evidence(page: line.page, quote: line.lineText.foldedWhitespace, bbox: isPDF ? line.lineBox.array : nil)
        }
    }
}

/// Case-, accent- and space-insensitive comparison of printed labels.
enum LabelText {
    /// Lower-case, accents removed, no whitespace; typographic apostrophes made plain.
    static func compact(_ text: String) -> String {
        // ASCII characters (nearly all of a label or a certificate line) are folded here; only the
        // others go through Foundation's folding, which bridges to NSString on every call and was
        // the hottest code of certificate extraction when done for whole lines.
        var out = String.UnicodeScalarView()
        for character in text {
            if let byte = character.asciiValue {
                if byte == 0x20 || (0x09...0x0D).contains(byte) { continue }
                out.append(Unicode.Scalar((0x41...0x5A).contains(byte) ? byte + 0x20 : byte))
            } else if !character.isWhitespace {
                let folded = String(character).replacingOccurrences(of: "’", with: "'")
                    .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                out.append(contentsOf: folded.unicodeScalars.filter { !$0.properties.isWhitespace })
            }
        }
        return String(out)
    }

    /// When `text` starts with `label` (compared compactly), the rest of `text` after the label and
    /// any `:`/`.`/`-` that follows, as printed; nil when it does not start with the label.
    static func remainder(of text: String, after label: String) -> String? {
        let target = Array(compact(label))
        guard !target.isEmpty else { return nil }
        var matched = 0
        var index = text.startIndex
        while index < text.endIndex, matched < target.count {
            let character = text[index]
            if character.isWhitespace {
                index = text.index(after: index)
                continue
            }
            let piece = Array(compact(String(character)))
            if piece.isEmpty {
                index = text.index(after: index)
                continue
            }
            guard matched + piece.count <= target.count, Array(target[matched..<(matched + piece.count)]) == piece else { return nil }
            matched += piece.count
            index = text.index(after: index)
        }
        guard matched == target.count else { return nil }
        // The label must end at a word boundary ("Scope" is not the start of "Scoped").
        if index < text.endIndex, let last = target.last, last.isLetter, text[index].isLetter { return nil }
        var rest = text[index...]
        while let first = rest.first, first.isWhitespace || ":.：-–".contains(first) { rest = rest.dropFirst() }
        return String(rest)
    }

    /// Whether `text` contains `phrase` (compared compactly).
    static func contains(_ text: String, _ phrase: String) -> Bool {
        compact(text).contains(compact(phrase))
    }
}
