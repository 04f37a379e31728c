import AssayModel
import Foundation

/// Plain text: decoded by `TextDecoding`, split into pages at form feeds and into lines at newlines.
struct TextBackend: IngestBackend {
    func read(_ data: Data, options: IngestOptions) throws -> PagedText {
        let decoded = TextDecoding.decode(data)
        var diagnostics: [Diagnostic] = []
        if decoded.encoding == "iso-8859-1" {
            diagnostics.append(Diagnostic(level: .info, code: "latin1_fallback",
                                          message: "The text is not valid UTF-8; it was read as Latin-1."))
        }
        let normalized = decoded.text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var chunks = normalized.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        // A trailing form feed ends the last page rather than starting an empty one.
        if chunks.count > 1, chunks.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { chunks.removeLast() }
        if chunks.count > options.maxPages {
            diagnostics.append(Diagnostic(level: .warning, code: "page_limit",
                                          message: "Only the first \(options.maxPages) of \(chunks.count) pages were read."))
            chunks = Array(chunks.prefix(options.maxPages))
        }
        let pages = chunks.enumerated().map { index, chunk -> Page in
            var texts = chunk.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                String(line).replacingOccurrences(of: "\t", with: " ")
            }
            while texts.last?.isEmpty == true { texts.removeLast() }
            texts = PageLimit.clip(texts, maxCharacters: options.maxCharactersPerPage, page: index + 1, diagnostics: &diagnostics)
            let lines = GridLines.lines(texts)
            let hasText = texts.contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return Page(number: index + 1, width: Double(lines.map(\.box.x1).max() ?? 0), height: Double(lines.count),
                        lines: lines, textLayer: hasText ? .native : .none)
        }
        return PagedText(mediaType: .text, pages: pages, diagnostics: diagnostics)
    }
}

/// Keeps one page's text within the per-page limit.
enum PageLimit {
    static func clip(_ texts: [String], maxCharacters: Int, page: Int, diagnostics: inout [Diagnostic]) -> [String] {
        var total = 0
        var kept: [String] = []
        for text in texts {
            total += text.count + 1
            if total > maxCharacters {
                diagnostics.append(Diagnostic(level: .warning, code: "page_text_limit",
                                              message: "Page \(page) has more than \(maxCharacters) characters; the rest was dropped."))
                return kept
            }
            kept.append(text)
        }
        return kept
    }
}
