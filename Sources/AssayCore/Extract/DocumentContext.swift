import AssayModel
import Foundation

/// A body line: a line of a page that is not furniture, with where it came from.
public struct BodyLine: Sendable, Hashable {
    public var page: Int
    public var index: Int
    public var line: TextLine

    public var text: String { line.text }
}

/// What every extractor reads: the pages, which lines are furniture, the document's kind, the
/// sections found so far, and the whole body as one searchable string whose offsets map back to
/// lines (so a regular expression can match across line breaks and still cite its page).
public final class DocumentContext: @unchecked Sendable {
    public let paged: PagedText
    public let rules: RuleBook
    public let options: ExtractOptions
    public let furniture: [Set<Int>]
    public let body: [BodyLine]
    /// The body lines joined by newlines.
    public let text: String
    /// UTF-16 offset in `text` at which each body line starts.
    private let lineStarts: [Int]
    public var kind: DocumentKind = .unknown
    public var type: ReportType?
    public var sections: [Section] = []
    public let dates: DateParser
    /// Structures one stage builds and later stages reuse (e.g. SOC layout rows), keyed by their
    /// builder; extractors may run on two threads at once, so access goes through `derived(_:build:)`.
    private var derivedValues: [String: any Sendable] = [:]
    private let derivedLock = NSRecursiveLock()
    /// Slash-date order settled from the whole document, when it can be.
    public let slashOrder: DateParser.SlashOrder?

    public init(paged: PagedText, rules: RuleBook, options: ExtractOptions) throws {
        self.paged = paged
        self.rules = rules
        self.options = options
        let furniture = try rules.built("furniture") { try PageFurniture(rules: $0) }.label(paged.pages)
        self.furniture = furniture
        var body: [BodyLine] = []
        for (pageIndex, page) in paged.pages.enumerated() {
            for (index, line) in page.lines.enumerated() where !furniture[pageIndex].contains(index) && !line.text.isEmpty {
                body.append(BodyLine(page: page.number, index: index, line: line))
            }
        }
        self.body = body
        var starts: [Int] = []
        starts.reserveCapacity(body.count)
        var offset = 0
        for line in body {
            starts.append(offset)
            offset += line.text.utf16.count + 1
        }
        lineStarts = starts
        text = body.map(\.text).joined(separator: "\n")
        dates = try rules.built("dates") { try DateParser(rules: $0) }
        slashOrder = dates.slashOrder(forLines: body.map(\.text))
    }

    /// Index into `body` of the line holding UTF-16 offset `offset` of `text`.
    public func bodyIndex(at offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return max(0, low)
    }

    public func lineStart(_ bodyIndex: Int) -> Int { lineStarts[bodyIndex] }

    /// Evidence for a range of `text`: the part of it on the page where it starts, as a quote that
    /// appears in that page's text, with the box of the lines it covers.
    public func evidence(for range: NSRange, maxLength: Int = 300) -> Evidence? {
        guard range.location != NSNotFound, range.length > 0, !body.isEmpty else { return nil }
        let first = bodyIndex(at: range.location)
        let last = bodyIndex(at: max(range.location, range.location + range.length - 1))
        let page = body[first].page
        var pieces: [String] = []
        var box: Box?
        for index in first...last where body[index].page == page {
            let line = body[index]
            let start = lineStarts[index]
            let lineLength = (line.text as NSString).length
            let from = max(range.location, start) - start
            let to = min(range.location + range.length, start + lineLength) - start
            guard to > from else { continue }
            pieces.append((line.text as NSString).substring(with: NSRange(location: from, length: to - from)))
            box = box.map { $0.union(line.line.box) } ?? line.line.box
            // Lines skipped between (furniture) would break the quote: stop at a gap.
            if index < last, body[index + 1].page == page, body[index + 1].index != line.index + 1 { break }
        }
        var quote = pieces.joined(separator: " ").foldedWhitespace
        if quote.count > maxLength {
            quote = String(quote.prefix(maxLength))
            if let space = quote.lastIndex(of: " ") { quote = String(quote[..<space]) }
        }
        guard !quote.isEmpty else { return nil }
        return Evidence(page: page, quote: quote, bbox: paged.mediaType == .pdf ? box?.array : nil)
    }

    /// Evidence quoting a whole body line.
    public func evidence(line: BodyLine) -> Evidence {
        Evidence(page: line.page, quote: line.text.foldedWhitespace, bbox: paged.mediaType == .pdf ? line.line.box.array : nil)
    }

    /// Body lines on pages `first...last`.
    public func lines(pages first: Int, _ last: Int) -> ArraySlice<BodyLine> {
        let lower = body.firstIndex { $0.page >= first } ?? body.endIndex
        let upper = body.firstIndex { $0.page > last } ?? body.endIndex
        return body[lower..<max(lower, upper)]
    }

    public func section(_ kind: String) -> Section? { sections.first { $0.kind == kind } }

    /// The structure cached under `key`, built by `build` the first time. Built once even when two
    /// extractors ask at the same moment (the second waits); a failed build is not cached.
    public func derived<T: Sendable>(_ key: String, build: () throws -> T) rethrows -> T {
        derivedLock.lock()
        defer { derivedLock.unlock() }
        if let cached = derivedValues[key] as? T { return cached }
        let value = try build()
        derivedValues[key] = value
        return value
    }
}
