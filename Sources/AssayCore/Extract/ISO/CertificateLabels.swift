import AssayModel
import Foundation

/// A segment (or two stacked segments) that starts with a printed label.
struct LabelHit: Sendable {
    var field: String
    var page: Int
    /// Indices into the page's segments that the label occupies.
    var consumed: [Int]
    /// Words printed after the label in the same segment.
    var remainder: [PlacedWord]
    var box: Box
    var height: Double
}

/// Pairs labels with their values on a designed page: the value is printed after the label in the
/// same cell, in the next cell to the right on the same row, or in the cell below (column tables).
struct LabelPairing {
    let layouts: [PageLayout]
    let labels: [(field: String, label: String, compact: String)]
    private(set) var hits: [LabelHit] = []
    /// Segments that are labels, per page: never taken as a value.
    private(set) var labelSegments: [Int: Set<Int>] = [:]

    init(layouts: [PageLayout], labels: [(field: String, label: String, compact: String)]) {
        self.layouts = layouts
        self.labels = labels
        for layout in layouts { find(in: layout) }
    }

    private mutating func find(in layout: PageLayout) {
        let segments = layout.segments
        for (index, segment) in segments.enumerated() {
            if let below = stacked(below: index, in: segments) {
                // A label wrapped over two lines ("ORIGINAL CERTIFICATION" / "DATE").
                let joined = segment.text + " " + segments[below].text
                let ownLength = LabelText.compact(segment.text).count
                if let (field, label, rest) = match(joined), LabelText.compact(label).count > ownLength, rest.isEmpty {
                    record(field: field, page: layout.page, consumed: [index, below], remainder: [], segments: segments)
                    _ = label
                    continue
                }
            }
            if let (field, _, rest) = match(segment.text) {
                record(field: field, page: layout.page, consumed: [index], remainder: trailingWords(segment.words, text: rest), segments: segments)
            }
        }
    }

    private mutating func record(field: String, page: Int, consumed: [Int], remainder: [PlacedWord], segments: [LayoutSegment]) {
        labelSegments[page, default: []].formUnion(remainder.isEmpty ? consumed : [])
        let boxes = consumed.map { segments[$0].box }
        let box = boxes.dropFirst().reduce(boxes[0]) { $0.union($1) }
        let height = consumed.map { segments[$0].height }.max() ?? 0
        guard field != "other" else {
            labelSegments[page, default: []].formUnion(consumed)
            return
        }
        hits.append(LabelHit(field: field, page: page, consumed: consumed, remainder: remainder, box: box, height: height))
    }

    private func match(_ text: String) -> (String, String, String)? {
        // A text can start with a label only if its folded form does: a cheap test before the
        // character-by-character walk that also finds where the label ends in the printed text.
        let compact = LabelText.compact(text)
        for (field, label, folded) in labels where compact.hasPrefix(folded) {
            if let rest = LabelText.remainder(of: text, after: label) { return (field, label, rest) }
        }
        // Specks before a label (a scan's border read as "=" or "|").
        if let first = text.firstIndex(where: { $0.isLetter || $0.isNumber }), first != text.startIndex {
            let trimmed = String(text[first...])
            let compactTrimmed = LabelText.compact(trimmed)
            for (field, label, folded) in labels where compactTrimmed.hasPrefix(folded) {
                if let rest = LabelText.remainder(of: trimmed, after: label) { return (field, label, rest) }
            }
        }
        // A long label that ends a sentence ("… of its management system, the certificate expires on:"), its value in the next cell.
        for (field, _, folded) in labels where folded.count >= 14 {
            if compact.hasSuffix(folded) || compact.hasSuffix(folded + ":") { return (field, "", "") }
        }
        // A bilingual label ("Belge Numarası / Certificate Number : TR-4471"): the label after
        // the slash, when the part before it is short and holds no digit.
        if let slash = text.firstIndex(of: "/"), text.distance(from: text.startIndex, to: slash) <= 60,
           !text[..<slash].contains(where: \.isNumber) {
            let after = String(text[text.index(after: slash)...]).trimmingCharacters(in: .whitespaces)
            let compactAfter = LabelText.compact(after)
            for (field, label, folded) in labels where compactAfter.hasPrefix(folded) {
                if let rest = LabelText.remainder(of: after, after: label) { return (field, label, rest) }
            }
        }
        return nil
    }

    /// The segment printed directly under `index` in the same type size, if any.
    private func stacked(below index: Int, in segments: [LayoutSegment]) -> Int? {
        let upper = segments[index]
        var best: (Int, Double)?
        for (candidate, segment) in segments.enumerated() where candidate != index {
            let gap = segment.box.y0 - upper.box.y1
            guard gap > -1, gap < 0.8 * upper.height, upper.overlapsHorizontally(segment),
                  abs(segment.height - upper.height) <= 0.15 * upper.height else { continue }
            if best == nil || gap < best?.1 ?? .infinity { best = (candidate, gap) }
        }
        return best?.0
    }

    /// The words at the end of `words` that spell `text`.
    private func trailingWords(_ words: [PlacedWord], text: String) -> [PlacedWord] {
        let target = LabelText.compact(text)
        guard !target.isEmpty else { return [] }
        var taken: [PlacedWord] = []
        for word in words.reversed() {
            let joined = LabelText.compact(([word] + taken).map(\.text).joined())
            if joined.count > target.count { break }
            taken.insert(word, at: 0)
            if joined.count == target.count { break }
        }
        return taken
    }

    /// Candidate values for a label, best placed first: after the label, to its right, below it.
    func candidates(for hit: LabelHit) -> [[PlacedWord]] {
        var out: [[PlacedWord]] = []
        if !hit.remainder.isEmpty { out.append(hit.remainder) }
        guard let layout = layouts.first(where: { $0.page == hit.page }) else { return out }
        let segments = layout.segments
        let labels = labelSegments[hit.page] ?? []
        let first = segments[hit.consumed[0]]
        // To the right, on the same row: the nearest cell, unless it is another label.
        let right = segments.enumerated()
            .filter { !hit.consumed.contains($0.offset) && $0.element.box.x0 >= first.box.x1 - 1 && $0.element.sharesRow(with: first) }
            .min { $0.element.box.x0 < $1.element.box.x0 }
        if let right, !labels.contains(right.offset) { out.append(right.element.words) }
        // Below, in the same column: the nearest few cells, stopping at the next label.
        let below = segments.enumerated()
            .filter { !hit.consumed.contains($0.offset) && $0.element.box.y0 >= hit.box.y1 - 1 &&
                $0.element.box.y0 - hit.box.y1 < 4 * max(hit.height, 8) && $0.element.overlapsHorizontally(LayoutSegment(words: [PlacedWord(text: "", box: hit.box, page: hit.page, lineIndex: 0, lineText: "", lineBox: hit.box)])) }
            .sorted { $0.element.box.y0 < $1.element.box.y0 }
        for candidate in below.prefix(3) {
            if labels.contains(candidate.offset) { break }
            out.append(candidate.element.words)
        }
        return out
    }
}
