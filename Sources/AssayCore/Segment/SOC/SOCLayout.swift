import AssayModel
import Foundation

/// The body words of a page regrouped into visual rows by their boxes.
///
/// poppler's lines follow its reading order, which in tables and justified headings can be one
/// word per line or several table rows run together; rows rebuilt from word boxes are what the eye
/// sees. Each word remembers its body line, so evidence can still be cut from that line.
public struct SOCRow: Sendable {
    public struct Item: Sendable {
        public var word: Word
        /// Index into `DocumentContext.body` of the line the word belongs to.
        public var bodyIndex: Int
    }

    public var page: Int
    public var items: [Item]
    public var box: Box
    /// The words joined by spaces (kept, since every stage reads it).
    public let text: String

    public init(page: Int, items: [Item], box: Box) {
        self.page = page
        self.items = items
        self.box = box
        // Joined in place: one row per line of every page is built.
        var text = ""
        for (index, item) in items.enumerated() {
            if index > 0 { text += " " }
            text += item.word.text
        }
        self.text = text
    }

    /// Words whose left edge lies in `x0..<x1`, joined.
    public func text(from x0: Double, to x1: Double) -> String {
        items.filter { $0.word.box.x0 >= x0 - 1 && $0.word.box.x0 < x1 - 1 }.map(\.word.text).joined(separator: " ")
    }
}

public enum SOCLayout {
    /// Rows of every page, built once per document and kept in the context.
    public static func rows(_ context: DocumentContext) -> [SOCRow] {
        context.derived("soc.rows") { build(context) }
    }

    /// Pages are grouped independently, so a long report's pages are shared between the threads the
    /// options allow (a quarter of the segmenter's time on a 118-page report); the rows come out
    /// in page order whatever the number of threads.
    private static func build(_ context: DocumentContext) -> [SOCRow] {
        let body = context.body
        // Body index ranges, one per page.
        var ranges: [Range<Int>] = []
        var start = 0
        for index in body.indices where index + 1 == body.count || body[index + 1].page != body[index].page {
            ranges.append(start..<index + 1)
            start = index + 1
        }
        let threads = ranges.count >= 24 ? min(context.options.ingest.threads, 4) : 1
        return ranges.parallelMap(threads: threads) { rows(of: $0, body: body) }.flatMap { $0 }
    }

    private static func rows(of page: Range<Int>, body: [BodyLine]) -> [SOCRow] {
        var items: [SOCRow.Item] = []
        for index in page {
            let line = body[index].line
            // Text pages have no word boxes: the whole line stands as one word on its own row.
            let words = line.words.isEmpty ? [Word(text: line.text, box: line.box)] : line.words
            for word in words { items.append(SOCRow.Item(word: word, bodyIndex: index)) }
        }
        return group(items, page: body[page.lowerBound].page)
    }

    /// Words sharing a baseline band form a row; rows top to bottom, words left to right.
    static func group(_ items: [SOCRow.Item], page: Int) -> [SOCRow] {
        let sorted = items.sorted { $0.word.box.midY < $1.word.box.midY }
        var rows: [SOCRow] = []
        var current: [SOCRow.Item] = []
        var band: Box?
        func flush() {
            guard let box = band, !current.isEmpty else { return }
            rows.append(SOCRow(page: page, items: current.sorted { $0.word.box.x0 < $1.word.box.x0 }, box: box))
        }
        for item in sorted {
            let box = item.word.box
            if let b = band, abs(box.midY - b.midY) <= min(box.height, b.height) * 0.5 {
                current.append(item)
                band = Box(x0: min(b.x0, box.x0), y0: b.y0, x1: max(b.x1, box.x1), y1: b.y1)
            } else {
                flush()
                current = [item]
                band = box
            }
        }
        flush()
        return rows
    }
}

