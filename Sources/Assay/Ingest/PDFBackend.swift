internal import CPoppler
import AssayModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// PDF through poppler-glib: per page the text in poppler's reading order, split into lines and
/// words, each with its box in PDF points (origin top-left) from the per-character layout.
///
/// Owner-password-only files (printing allowed, copying not — most real SOC reports) open without
/// a password; a file that needs a user password fails with `encrypted` unless one is given.
struct PDFBackend: IngestBackend {
    func read(_ data: Data, options: IngestOptions) throws -> PagedText {
        assay_poppler_silence_logs()
        let warningsBefore = Int(assay_poppler_log_messages())
        let document = try PopplerDocument(data: data, password: options.password)
        let count = document.pageCount
        if count <= 0 {
            throw DocumentError(.malformed, "The PDF has no readable pages; its structure is probably damaged.")
        }
        var diagnostics: [Diagnostic] = []
        let limit = min(count, options.maxPages)
        if count > limit {
            diagnostics.append(Diagnostic(level: .warning, code: "page_limit",
                                          message: "Only the first \(limit) of \(count) pages were read."))
        }
        let read = PDFPageReader.read(document: document, data: data, pages: limit, options: options)
        for result in read { diagnostics += result.diagnostics }
        let recognised = ParallelOCR.process(read.map(\.page), needsOCR: read.map(\.needsOCR), document: document, data: data, options: options)
        diagnostics += recognised.diagnostics
        let pages = ImageTextReader.read(recognised.pages, document: document, options: options)
        let warnings = Int(assay_poppler_log_messages()) - warningsBefore
        if warnings > 0 {
            diagnostics.append(Diagnostic(level: .info, code: "parser_warnings",
                                          message: "poppler reported \(warnings) warning(s) while reading the file."))
        }
        return PagedText(mediaType: .pdf, pages: pages, diagnostics: diagnostics)
    }
}

/// Owns a poppler document and the bytes it was opened from; both are released in `deinit`.
final class PopplerDocument {
    private let bytes: OpaquePointer
    private let handle: OpaquePointer

    init(data: Data, password: String?) throws {
        guard let bytes = data.withUnsafeBytes({ g_bytes_new($0.baseAddress, gsize($0.count)) }) else {
            throw DocumentError(.malformed, "The PDF could not be loaded.")
        }
        var error: UnsafeMutablePointer<GError>?
        var opened: OpaquePointer?
        if let password {
            // poppler 22.12 crashes in poppler_document_new_from_bytes when a wrong password is given
            // (it works from a file): with a password, read from a private temporary copy.
            opened = Self.openFile(data: data, password: password, error: &error)
        } else {
            opened = poppler_document_new_from_bytes(bytes, nil, &error)
        }
        guard let handle = opened else {
            g_bytes_unref(bytes)
            var code = ErrorCode.malformed
            var detail = ""
            if let error {
                if error.pointee.domain == poppler_error_quark(), error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                    code = .encrypted
                }
                if let message = error.pointee.message { detail = String(cString: message) }
                g_error_free(error)
            }
            if code == .encrypted {
                throw DocumentError(.encrypted, password == nil
                    ? "The PDF is protected by a password. Give it with --password or ASSAY_PDF_PASSWORD."
                    : "The PDF is protected by a password, and the one given does not open it.")
            }
            throw DocumentError(.malformed, "The PDF is damaged and cannot be opened\(detail.isEmpty ? "" : " (\(detail))").")
        }
        self.bytes = bytes
        self.handle = handle
    }

    private static func openFile(data: Data, password: String, error: inout UnsafeMutablePointer<GError>?) -> OpaquePointer? {
        var template = Array((NSTemporaryDirectory() + "/assay-pdf-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard fd >= 0 else { return nil }
        let path = template.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { String(cString: $0) } ?? "" }
        defer { unlink(path) }
        let written = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        close(fd)
        guard written, let uri = g_filename_to_uri(path, nil, nil) else { return nil }
        defer { g_free(uri) }
        return poppler_document_new_from_file(uri, password, &error)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(handle))
        g_bytes_unref(bytes)
    }

    var pageCount: Int { Int(poppler_document_get_n_pages(handle)) }

    /// Runs `body` with the poppler page at `index`, released afterwards.
    func withPage<T>(_ index: Int, _ body: (OpaquePointer) -> T) -> T? {
        guard let page = poppler_document_get_page(handle, Int32(index)) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        return body(page)
    }

    func page(at index: Int, maxCharacters: Int, diagnostics: inout [Diagnostic]) -> Page {
        guard let page = poppler_document_get_page(handle, Int32(index)) else {
            diagnostics.append(Diagnostic(level: .warning, code: "page_unreadable", message: "Page \(index + 1) could not be read."))
            return Page(number: index + 1, width: 0, height: 0, lines: [], textLayer: .none)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        guard let cText = poppler_page_get_text(page) else {
            return Page(number: index + 1, width: width, height: height, lines: [], textLayer: .none)
        }
        defer { g_free(cText) }
        var rects: UnsafeMutablePointer<PopplerRectangle>?
        var rectCount: guint = 0
        let hasLayout = poppler_page_get_text_layout(page, &rects, &rectCount) != 0
        defer { if let rects { g_free(rects) } }
        let boxes = hasLayout && rects != nil ? UnsafeBufferPointer(start: rects, count: Int(rectCount)) : UnsafeBufferPointer(start: nil, count: 0)
        var builder = PDFLineBuilder(boxes: boxes, maxCharacters: maxCharacters)
        // Decode poppler's UTF-8 in place rather than copying the page into a String first.
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(cText).assumingMemoryBound(to: UInt8.self), count: strlen(cText))
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            let scalar: Unicode.Scalar
            switch decoder.decode(&iterator) {
            case .scalarValue(let value): scalar = value
            case .emptyInput: break decoding
            case .error: scalar = "\u{FFFD}"
            }
            if !builder.add(scalar) {
                diagnostics.append(Diagnostic(level: .warning, code: "page_text_limit",
                                              message: "Page \(index + 1) has more than \(maxCharacters) characters; the rest was dropped."))
                break
            }
        }
        let lines = builder.finish()
        let hasText = lines.contains { !$0.words.isEmpty }
        return Page(number: index + 1, width: width, height: height, lines: lines, textLayer: hasText ? .native : .none)
    }
}

/// Walks poppler's text one Unicode scalar at a time alongside its character boxes (one box per
/// scalar, newlines included) and cuts lines and words.
private struct PDFLineBuilder {
    let boxes: UnsafeBufferPointer<PopplerRectangle>
    let maxCharacters: Int
    private var position = 0
    private var lines: [TextLine] = []
    /// The line's and the word's text as UTF-8, made into strings once each is done (appending scalars to
    /// strings one at a time was the costliest part of reading a page's text).
    private var lineText: [UInt8] = []
    private var lineBox: Box?
    private var words: [Word] = []
    private var wordText: [UInt8] = []
    private var wordBox: Box?
    private var previousBox: Box?

    init(boxes: UnsafeBufferPointer<PopplerRectangle>, maxCharacters: Int) {
        self.boxes = boxes
        self.maxCharacters = maxCharacters
    }

    /// Adds one scalar; false once the page's character budget is spent.
    mutating func add(_ scalar: Unicode.Scalar) -> Bool {
        defer { position += 1 }
        if position >= maxCharacters { return false }
        if scalar == "\n" {
            endLine()
            return true
        }
        let box = self.box(at: position)
        if scalar.isSpaceLike {
            previousBox = nil
            endWord()
            lineText.append(UInt8(ascii: " "))
            return true
        }
        if let box, let previous = previousBox, startsNewCell(box, after: previous) {
            // poppler joins such words with no space; the text gets one here.
            endWord()
            lineText.append(UInt8(ascii: " "))
        }
        if scalar.isASCII {
            lineText.append(UInt8(truncatingIfNeeded: scalar.value))
            wordText.append(UInt8(truncatingIfNeeded: scalar.value))
        } else {
            for byte in UTF8.encode(scalar)! {
                lineText.append(byte)
                wordText.append(byte)
            }
        }
        previousBox = box ?? previousBox
        if let box {
            wordBox = wordBox.map { $0.union(box) } ?? box
            lineBox = lineBox.map { $0.union(box) } ?? box
        }
        return true
    }

    mutating func finish() -> [TextLine] {
        endLine()
        return lines
    }

    /// A new word starts at a glyph on another row (poppler runs the rows of a table cell together:
    /// "andthe") or after a gap wider than about half the glyph height on the same row (cells side by
    /// side: "Issue date2025-06-06").
    private func startsNewCell(_ box: Box, after previous: Box) -> Bool {
        let gap = box.x0 - previous.x1
        let height = max(box.height, previous.height, 1)
        let overlapsVertically = box.y0 < previous.y1 && previous.y0 < box.y1
        if !overlapsVertically { return true }
        return gap > max(2.5, height * 0.45)
    }

    private func box(at index: Int) -> Box? {
        guard index < boxes.count else { return nil }
        let r = boxes[index]
        return Box(x0: min(r.x1, r.x2), y0: min(r.y1, r.y2), x1: max(r.x1, r.x2), y1: max(r.y1, r.y2))
    }

    private mutating func endWord() {
        if !wordText.isEmpty {
            words.append(Word(text: String(decoding: wordText, as: UTF8.self), box: wordBox ?? Box(x0: 0, y0: 0, x1: 0, y1: 0)))
        }
        wordText.removeAll(keepingCapacity: true)
        wordBox = nil
    }

    private mutating func endLine() {
        endWord()
        var end = lineText.count
        while end > 0, lineText[end - 1] == UInt8(ascii: " ") { end -= 1 }
        if end > 0 || !words.isEmpty {
            let text = String(decoding: lineText[..<end], as: UTF8.self)
            lines.append(TextLine(text: text, box: lineBox ?? Box(x0: 0, y0: 0, x1: 0, y1: 0), words: words))
        }
        lineText.removeAll(keepingCapacity: true)
        lineBox = nil
        previousBox = nil
        words = []
    }
}
