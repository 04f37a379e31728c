import AssayModel
import Foundation

/// How a table's header cells are recognised: each header cell is given the first role whose
/// pattern matches its text (rule data; the roles are names the consumer chooses, such as
/// `results`, `test`, `id`, `criteria`, `control`).
public struct TableHeaderRules: Sendable {
    public var roles: [(role: String, pattern: NSRegularExpression)]
    /// A header row must have a cell of this role (e.g. `results`), and one of `alsoOneOf`.
    public var requiredRole: String
    public var alsoOneOf: Set<String>
    /// A cheap word test before the patterns: a header row contains one of these (lower-cased) texts.
    public var requiredWords: [String]
    /// Header rows stacked over (or under) the row with the required cell join it when the vertical
    /// gap is at most this (points).
    public var stack: Double
    /// Two header words further apart than this (points) are different cells.
    public var cellGap: Double
    /// A row above the header that matches this is a heading of its own (a criteria group), not header.
    public var notHeader: NSRegularExpression?
    /// A row that contains one of these (lower-cased) texts states a result ("no exceptions noted") and is
    /// never a header: a cheap test that keeps data rows out of the header search when a required word
    /// ("exception") is also a word of results.
    public var resultWords: [String]
    /// A header row has at least this many cells (three for tests of controls; a two-column list table needs two).
    public var minCells: Int
    /// The required cell is a short label of at most this many words, not a sentence that mentions it.
    public var maxRequiredWords: Int
    /// Whether a header's continuation line may reach under the required cell (false where the required cell is
    /// the last column, whose first data line would reach it; true where it is the first, as in a CSOC table).
    public var continuationMayReachRequired: Bool

    public init(roles: [(role: String, pattern: NSRegularExpression)], requiredRole: String, alsoOneOf: Set<String>,
                requiredWords: [String], stack: Double, cellGap: Double, notHeader: NSRegularExpression? = nil,
                resultWords: [String] = [], minCells: Int = 3, maxRequiredWords: Int = 6,
                continuationMayReachRequired: Bool = false) {
        self.continuationMayReachRequired = continuationMayReachRequired
        self.minCells = minCells
        self.maxRequiredWords = maxRequiredWords
        self.roles = roles
        self.requiredRole = requiredRole
        self.alsoOneOf = alsoOneOf
        self.requiredWords = requiredWords
        self.resultWords = resultWords
        self.stack = stack
        self.cellGap = cellGap
        self.notHeader = notHeader
    }

    func role(of text: String) -> String? {
        let plain = TableReader.plain(text)
        return roles.first { SOCRegex.matches($0.pattern, plain) }?.role
    }
}

/// A column of a table: its role, the header cell's extent, and the left edge from which a word
/// belongs to it (found from the gutter of the data rows, since a header cell is often centred
/// over its column and starts right of the column's text).
public struct TableColumn: Sendable {
    public var role: String
    public var headerX0: Double
    public var headerX1: Double
    public var left: Double
}

/// One visual row of a table, its words split by column.
public struct TableRow: Sendable {
    public var row: SOCRow
    /// Words by column index, in reading order.
    public var cells: [[SOCRow.Item]]
    public var columns: [TableColumn]
    /// True for the first data row after a (repeated) header.
    public var afterHeader: Bool
    /// True for a row written across a column edge as running text (a heading or note under a row).
    public var spans: Bool
    /// True for a title over the next page's repeated header: its words are in no cell.
    public var isTitle = false

    /// The words of every column with `role`, joined.
    public func text(_ role: String) -> String {
        // Joined in place: every row's cells are read several times over.
        var text = ""
        var first = true
        for (index, column) in columns.enumerated() where column.role == role {
            for item in cells[index] {
                if !first { text += " " }
                text += item.word.text
                first = false
            }
        }
        return text
    }

    public func items(_ role: String) -> [SOCRow.Item] {
        var result: [SOCRow.Item] = []
        for (index, column) in columns.enumerated() where column.role == role { result += cells[index] }
        return result
    }

    public func has(_ role: String) -> Bool { columns.contains { $0.role == role } }
}

/// Reads tables drawn without usable rules from word boxes: header rows are recognised by the
/// meaning of their cells, columns are placed by the gutters of the rows below the header, and
/// every following row (on later pages too, until the next header) is split into cells.
///
/// Repeated page headers and footers are already out of the rows (they are page furniture); a
/// header repeated at the top of each page is recognised again and re-places the columns, so a
/// table whose layout shifts from page to page is still read.
public enum TableReader {
    /// Text without bidirectional-embedding marks (some producers wrap every run in them), whitespace folded.
    public static func plain(_ text: String) -> String {
        // Called on every cell of every row, several times: text without marks goes straight to the
        // folding (which returns folded text as it is) instead of being copied scalar by scalar first.
        // Every mark's UTF-8 form opens with the byte E2: a text without one has none.
        let mayHoldMark = text.utf8.withContiguousStorageIfAvailable { $0.contains(0xE2) } ?? true
        guard mayHoldMark, text.unicodeScalars.contains(where: isBidiMark) else { return text.foldedWhitespace }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isBidiMark($0) })).foldedWhitespace
    }

    /// Whether the UTF-8 bytes of `word` occur in those of `text`, without copying either.
    static func containsBytes(_ text: String, _ word: String) -> Bool {
        var text = text, word = word
        return text.withUTF8 { haystack in
            word.withUTF8 { needle in
                guard needle.count <= haystack.count else { return false }
                if needle.isEmpty { return true }
                for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
                    var matched = 1
                    while matched < needle.count, haystack[start + matched] == needle[matched] { matched += 1 }
                    if matched == needle.count { return true }
                }
                return false
            }
        }
    }

    /// Bidirectional embedding, override and isolate marks (U+202A–U+202E, U+2066–U+2069).
    static func isBidiMark(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// The data rows of every table in `rows`, in order.
    public static func read(_ rows: [SOCRow], rules: TableHeaderRules, threads: Int = 1) -> [TableRow] {
        // Pass 1: headers and the rows they consume. Whether a row heads a table depends on the rows
        // alone, so on a long run of rows every row is tried first, on several threads.
        let tried = threads > 1 && rows.count >= 512 ? Array(rows.indices).parallelMap(threads: threads) { header(rows, at: $0, rules: rules) } : nil
        var headers: [(start: Int, end: Int, columns: [TableColumn])] = []
        var index = 0
        while index < rows.count {
            if let found = tried.map({ $0[index] }) ?? header(rows, at: index, rules: rules) {
                headers.append((found.first, found.last, found.columns))
                index = found.last + 1
            } else {
                index += 1
            }
        }
        guard !headers.isEmpty else { return [] }
        var result: [TableRow] = []
        for (position, header) in headers.enumerated() {
            let next = position + 1 < headers.count ? headers[position + 1].start : rows.count
            // Titles printed over the header repeated on the next page ("Trust services criteria for the
            // security category", a control objective) are not rows of the table before it: they come out as titles.
            var end = next
            if position + 1 < headers.count {
                let nextPage = rows[next].page
                while end > header.end + 1, rows[end - 1].page == nextPage, nextPage != rows[header.end].page { end -= 1 }
            }
            let dataRows = Array(rows[(header.end + 1)..<max(header.end + 1, end)])
            let page = rows[header.end].page
            let columns = placeColumns(header.columns, data: dataRows.filter { $0.page == page }, gap: rules.cellGap)
            for (offset, row) in dataRows.enumerated() {
                result.append(TableRow(row: row, cells: split(row, columns, gap: rules.cellGap), columns: columns, afterHeader: offset == 0,
                                       spans: spans(row, columns, gap: rules.cellGap)))
            }
            for row in rows[max(header.end + 1, end)..<max(header.end + 1, next)] {
                result.append(TableRow(row: row, cells: columns.map { _ in [] }, columns: columns, afterHeader: false, spans: true, isTitle: true))
            }
        }
        return result
    }

    /// A header found at `index`: the rows it spans and its columns, or nil.
    static func header(_ rows: [SOCRow], at index: Int, rules: TableHeaderRules) -> (first: Int, last: Int, columns: [TableColumn])? {
        let row = rows[index]
        guard row.items.count <= 24 else { return nil }
        // Every row is tried, so the word test is a byte search where the row and the (non-empty) word
        // are ASCII (the same answer as Foundation's `contains`, which bridges both strings on each call).
        // An ASCII row is searched with its capitals folded byte by byte, without a lower-cased copy.
        let text = plain(row.text)
        let asciiRow = text.utf8.allSatisfy { $0 < 0x80 }
        var lowered: String?
        func has(_ word: String) -> Bool {
            if asciiRow, !word.isEmpty, word.utf8.allSatisfy({ $0 < 0x80 }) {
                var sawNonASCII = false // (known already: the row is ASCII)
                return word.utf8.withContiguousStorageIfAvailable { pattern in
                    text.utf8.withContiguousStorageIfAvailable { ASCIIFoldedSearch.contains($0, pattern, sawNonASCII: &sawNonASCII) }
                } .flatMap { $0 } ?? containsBytes(text.lowercased(), word)
            }
            if lowered == nil { lowered = text.lowercased() }
            return lowered!.contains(word)
        }
        guard rules.requiredWords.contains(where: has), !rules.resultWords.contains(where: has) else { return nil }
        var first = index, last = index
        var items = row.items
        // Gaps between the cells of this row: a row above that writes across one is a title, not header.
        var gaps: [(Double, Double)] = []
        for (a, b) in zip(row.items, row.items.dropFirst()) where b.word.box.x0 - a.word.box.x1 > rules.cellGap {
            gaps.append((a.word.box.x1, b.word.box.x0))
        }
        // Rows above: same type size, close, and not a criteria heading or title written across a cell gap.
        var above = index - 1
        while above >= 0, index - above <= 3, rows[above].page == row.page, row.box.y0 - rows[above].box.y1 <= rules.stack,
              rows[above].items.count <= 16,
              abs(rows[above].box.height - row.box.height) <= row.box.height * 0.2,
              !(rules.notHeader.map { SOCRegex.matches($0, rows[above].text) } ?? false),
              !rows[above].items.contains(where: { item in gaps.contains { item.word.box.x0 < $0.0 && item.word.box.x1 > $0.1 } }),
              // A title over the table bridges two header cells into one; a header line above does not.
              clusters(items + rows[above].items, gap: rules.cellGap).count >= clusters(items, gap: rules.cellGap).count {
            items += rows[above].items
            first = above
            above -= 1
        }
        // Rows below: continuation lines of header cells ("by the Service Organization", "Reference").
        var below = index + 1
        while below < rows.count, below - index <= 2, rows[below].page == row.page,
              rows[below].box.y0 - rows[below - 1].box.y1 <= rules.stack * 0.5, rows[below].items.count <= 8,
              abs(rows[below].box.height - row.box.height) <= row.box.height * 0.2 {
            let candidate = rows[below]
            // A continuation adds no cell of its own: each word sits under a header cell already found.
            let cells = clusters(items, gap: rules.cellGap)
            let fits = candidate.items.allSatisfy { item in
                cells.contains { item.word.box.x0 >= $0.x0 - 40 && item.word.box.x1 <= $0.x1 + 40 }
            }
            guard fits, rules.role(of: candidate.text) != rules.requiredRole,
                  !(rules.notHeader.map { SOCRegex.matches($0, plain(candidate.text)) } ?? false),
                  clusters(items + candidate.items, gap: rules.cellGap).count >= cells.count else { break }
            // A data row's first line would carry a result; a header continuation does not reach the results cell.
            let resultsCell = cells.first { rules.role(of: $0.text) == rules.requiredRole }
            if !rules.continuationMayReachRequired, let resultsCell, candidate.items.contains(where: { $0.word.box.x1 > resultsCell.x0 - 4 }) { break }
            items += candidate.items
            last = below
            below += 1
        }
        let cells = clusters(items, gap: rules.cellGap)
        guard cells.count >= rules.minCells, cells.count <= 8 else { return nil }
        var columns: [TableColumn] = []
        for cell in cells {
            columns.append(TableColumn(role: rules.role(of: cell.text) ?? "other", headerX0: cell.x0, headerX1: cell.x1, left: cell.x0))
        }
        // Header cells are titles: none opens in lower case (a data row's wrapped line does), and the
        // required cell is a short label ("Test Results"), not a sentence that mentions a result.
        guard !cells.contains(where: { cell in plain(cell.text).unicodeScalars.first.map { CharacterSet.lowercaseLetters.contains($0) } ?? false }),
              !cells.contains(where: { rules.role(of: $0.text) == rules.requiredRole && plain($0.text).split(separator: " ").count > rules.maxRequiredWords })
        else { return nil }
        // A line of prose whose words happen to sit apart is not a header: most of its cells have a role.
        guard columns.filter({ $0.role == "other" }).count * 3 <= columns.count else { return nil }
        let roles = Set(columns.map(\.role))
        guard roles.contains(rules.requiredRole), !roles.isDisjoint(with: rules.alsoOneOf),
              columns.filter({ $0.role == rules.requiredRole }).count == 1 else { return nil }
        return (first, last, columns)
    }

    package struct Cluster { var x0: Double; var x1: Double; var words: [Word]
        var text: String { words.sorted { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }.map(\.text).joined(separator: " ") }
    }

    /// Header words grouped into cells: a horizontal gap wider than `gap` starts a new cell.
    static func clusters(_ items: [SOCRow.Item], gap: Double) -> [Cluster] {
        var result: [Cluster] = []
        for item in items.sorted(by: { $0.word.box.x0 < $1.word.box.x0 }) {
            let box = item.word.box
            if var last = result.last, box.x0 <= last.x1 + gap {
                last.x1 = max(last.x1, box.x1)
                last.words.append(item.word)
                result[result.count - 1] = last
            } else {
                result.append(Cluster(x0: box.x0, x1: box.x1, words: [item.word]))
            }
        }
        return result
    }

    /// Each column's left edge, found between the previous header cell's middle and this header cell's
    /// start: where most cells of the rows below start (text is left-aligned in its cell, so cell
    /// starts pile up at one x), else the widest run of x positions the fewest data words cover (the gutter).
    static func placeColumns(_ columns: [TableColumn], data: [SOCRow], gap: Double) -> [TableColumn] {
        var placed = columns
        let words = data.flatMap(\.items).map(\.word.box)
        guard words.count >= 5 else { return placed }
        // The x at which each cell of each row starts: a row's first word, or one after a gap wider than a space.
        var starts: [Double] = []
        for row in data {
            var previous: Box?
            for item in row.items {
                let box = item.word.box
                // Justified text spreads its words: only a gutter-wide gap opens a cell.
                if previous.map({ box.x0 - $0.x1 > gap * 3 }) ?? true { starts.append(box.x0) }
                previous = box
            }
        }
        for index in placed.indices.dropFirst() {
            let previous = placed[index - 1]
            let low = max((previous.headerX0 + previous.headerX1) / 2, previous.left + 4)
            let high = placed[index].headerX0 + 2
            guard high - low >= 2 else { continue }
            // Cell starts, grouped within a point and a half; a column's edge is crossed by (almost) no word,
            // unlike a run of words that merely line up inside a justified column.
            let inside = starts.filter { $0 > low && $0 < high }.sorted()
            var bestStart: (x: Double, count: Int, crossed: Int)?
            var group: [Double] = []
            for x in inside + [Double.infinity] {
                if let first = group.first, x - first > 1.5 {
                    let edge = first - 1
                    let crossed = words.filter { $0.x0 < edge && $0.x1 > edge + 1 }.count
                    if group.count >= 3, crossed <= max(2, data.count / 12),
                       bestStart.map({ crossed < $0.crossed || crossed == $0.crossed && group.count >= $0.count }) ?? true {
                        bestStart = (first, group.count, crossed)
                    }
                    group = []
                }
                group.append(x)
            }
            if let bestStart {
                placed[index].left = bestStart.x - 1.5
                continue
            }
            let bins = Int((high - low).rounded(.up))
            var counts = Array(repeating: 0, count: bins)
            for box in words where box.x1 > low && box.x0 < high {
                let from = max(0, Int((box.x0 - low).rounded(.down)))
                let to = min(bins - 1, Int((box.x1 - low).rounded(.down)))
                if from <= to { for bin in from...to { counts[bin] += 1 } }
            }
            guard let minimum = counts.min() else { continue }
            var best: (start: Int, length: Int) = (bins - 1, 0)
            var start = -1
            for bin in 0...bins {
                if bin < bins && counts[bin] == minimum {
                    if start < 0 { start = bin }
                } else if start >= 0 {
                    // Ties go to the right-most run: it sits next to the column it opens.
                    if bin - start >= best.length { best = (start, bin - start) }
                    start = -1
                }
            }
            guard best.length > 0 else { continue }
            placed[index].left = low + Double(best.start) + Double(best.length) / 2
        }
        return placed
    }

    /// Whether two neighbouring words of the row, a space apart, lie on both sides of a column edge.
    static func spans(_ row: SOCRow, _ columns: [TableColumn], gap: Double) -> Bool {
        for (a, b) in zip(row.items, row.items.dropFirst()) where b.word.box.x0 - a.word.box.x1 < gap {
            if columns.dropFirst().contains(where: { a.word.box.x0 < $0.left && b.word.box.x0 >= $0.left }) {
                // "No" | "exceptions noted." is one cell placed a word off, not a row across the table.
                let runLeft = row.items.filter { $0.word.box.x1 <= a.word.box.x1 && a.word.box.x0 - $0.word.box.x1 < gap * 3 }
                if runLeft.count > 1 { return true }
            }
        }
        return false
    }

    /// The row's words by column: a word belongs to the right-most column whose left edge is at or left of it.
    static func split(_ row: SOCRow, _ columns: [TableColumn], gap: Double) -> [[SOCRow.Item]] {
        var cells = Array(repeating: [SOCRow.Item](), count: columns.count)
        for item in row.items {
            let x = item.word.box.x0 + 1
            let index = columns.lastIndex { $0.left <= x } ?? 0
            cells[index].append(item)
        }
        // A lone word a space away from the next cell's first word, and far from its own cell's text, is part
        // of that next cell ("No" | "exceptions noted."): the edge was placed a word too far right. A sentence
        // written across the boundary (a heading or note row) is left as it is.
        for index in cells.indices.dropLast() {
            guard let last = cells[index].last, let next = cells[index + 1].first,
                  next.word.box.x0 - last.word.box.x1 < gap, abs(next.word.box.midY - last.word.box.midY) < 2 else { continue }
            let before = cells[index].dropLast().last
            if before.map({ last.word.box.x0 - $0.word.box.x1 > gap * 3 }) ?? true {
                cells[index + 1].insert(cells[index].removeLast(), at: 0)
            }
        }
        return cells
    }
}
