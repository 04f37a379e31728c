import AssayModel
import Foundation

/// Reads the text and layout of a PDF's first `pages` pages, on one thread or several. poppler keeps
/// per-document state (the parser, font and text caches) that must not be shared between threads,
/// so each extra thread opens its own document over the same bytes; each thread takes the next
/// unread page when it is done with one, because pages differ in cost and a thread may be held
/// back. The result is in page order and does not depend on the number of threads.
enum PDFPageReader {
    struct PageResult {
        var page: Page
        var diagnostics: [Diagnostic]
        /// Whether the page's text layer calls for OCR (`OCRPolicy.needsOCR`), worked out by the
        /// thread that read the page rather than afterwards, page after page, on one thread.
        var needsOCR: Bool
    }

    /// Documents shorter than this are read on one thread: opening another document costs more
    /// than it saves.
    static let minimumPagesForThreads = 12

    static func read(document: PopplerDocument, data: Data, pages count: Int, options: IngestOptions) -> [PageResult] {
        let threads = min(options.threads, count / (minimumPagesForThreads / 2))
        guard threads > 1 else { return readPages(document, Array(0..<count), options: options) }
        // Extra documents are opened here, in turn, so a file that opens once but not twice simply
        // falls back to one thread.
        var documents = [document]
        for _ in 1..<threads {
            guard let extra = try? PopplerDocument(data: data, password: options.password), extra.pageCount >= count else {
                return readPages(document, Array(0..<count), options: options)
            }
            documents.append(extra)
        }
        let results = PageResults(count: count)
        let shared = UncheckedBox(documents)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            // Each thread takes the next unread page, so a thread that the system holds back (or
            // that meets heavy pages) leaves the rest to the others instead of finishing last.
            while let index = results.nextPage() {
                results.store(readPages(shared.value[thread], [index], options: options), at: [index])
            }
        }
        return results.collected()
    }

    private static func readPages(_ document: PopplerDocument, _ indices: [Int], options: IngestOptions) -> [PageResult] {
        indices.map { index in
            var diagnostics: [Diagnostic] = []
            let page = document.page(at: index, maxCharacters: options.maxCharactersPerPage, diagnostics: &diagnostics)
            return PageResult(page: page, diagnostics: diagnostics, needsOCR: OCRPolicy.needsOCR(page, mode: options.ocr))
        }
    }
}

/// Page results written by several threads, each into its own slots.
private final class PageResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [PDFPageReader.PageResult?]
    private var next = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// The index of the next page no thread has taken, or nil when all are taken.
    func nextPage() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ results: [PDFPageReader.PageResult], at indices: [Int]) {
        lock.lock()
        defer { lock.unlock() }
        for (result, index) in zip(results, indices) { slots[index] = result }
    }

    func collected() -> [PDFPageReader.PageResult] {
        lock.lock()
        defer { lock.unlock() }
        return slots.enumerated().map { index, slot in
            slot ?? PDFPageReader.PageResult(page: Page(number: index + 1, width: 0, height: 0, lines: [], textLayer: .none),
                                             diagnostics: [], needsOCR: false)
        }
    }
}

/// Hands the per-thread documents to `concurrentPerform`; each thread touches only its own one.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
