import AssayModel
import Foundation

/// Recognises the pages that need OCR on several threads, each with its own poppler document and its
/// own Tesseract engine: neither may be shared between threads, and OCR (about 2.5 s a page here) is
/// where a scanned report spends nearly all its time. Pages are handed out one at a time, so a thread
/// held back on a dense page leaves the rest to the others. The result — pages and diagnostics, in
/// page order — is the same whatever the number of threads.
enum ParallelOCR {
    /// Each page's OCR outcome: the page to keep and what was said about it.
    struct Outcome {
        var page: Page
        var diagnostics: [Diagnostic]
    }

    /// Runs OCR where `PageOCR` decides it is needed and returns every page (unchanged where no OCR ran)
    /// with the diagnostics of the OCR step in page order. `needsOCR`, when given, holds `OCRPolicy.needsOCR` of each page, already worked out.
    static func process(_ pages: [Page], needsOCR: [Bool]? = nil, document: PopplerDocument, data: Data,
                        options: IngestOptions) -> (pages: [Page], diagnostics: [Diagnostic]) {
        // A short document's pages all go to `PageOCR`, which also reads the pictures of pages drawn
        // as one large picture (certificates) beside their text.
        let isShort = options.ocr == .auto && pages.count <= OCRPolicy.maximumPicturePages
        let candidates = pages.indices.filter { isShort || (needsOCR?[$0] ?? OCRPolicy.needsOCR(pages[$0], mode: options.ocr)) }
        guard !candidates.isEmpty else { return (pages, []) }
        let languages = options.ocrLanguages ?? OCRLanguages.choose(pages: pages, firstCandidate: candidates[0], document: document)
        let documents = openDocuments(first: document, data: data, options: options,
                                      wanted: min(options.threads, candidates.count))
        OCRProgress.emit(.planned(pages: candidates.count, threads: documents.count))
        let queue = PageQueue(candidates)
        let outcomes = OutcomeSlots(count: pages.count)
        let shared = Shared(documents)
        let input = Shared(pages)
        // One engine per thread, started on that thread's first page (Tesseract takes about 0.3 s and
        // 100 MB per language set to start).
        DispatchQueue.concurrentPerform(iterations: documents.count) { thread in
            var ocr = PageOCR(mode: options.ocr, languages: languages, documentPages: pages.count)
            while let index = queue.next() {
                var diagnostics: [Diagnostic] = []
                let page = input.value[index]
                let done = shared.value[thread].withPage(index) { ocr.process(page, handle: $0, diagnostics: &diagnostics) } ?? page
                let count = outcomes.store(Outcome(page: done, diagnostics: diagnostics), at: index)
                OCRProgress.emit(.recognised(done: count, total: candidates.count))
            }
        }
        var result = pages
        var diagnostics: [Diagnostic] = []
        var saidUnavailable = false
        for index in candidates {
            guard let outcome = outcomes.value(at: index) else { continue }
            result[index] = outcome.page
            for diagnostic in outcome.diagnostics {
                // Each thread's engine reports once that Tesseract is missing; the reader needs it once.
                if diagnostic.code == "ocr_unavailable" {
                    if saidUnavailable { continue }
                    saidUnavailable = true
                }
                diagnostics.append(diagnostic)
            }
        }
        return (result, diagnostics)
    }

    /// The document already open, plus up to `wanted - 1` more over the same bytes; a file that opens
    /// once but not again is read on one thread.
    private static func openDocuments(first: PopplerDocument, data: Data, options: IngestOptions, wanted: Int) -> [PopplerDocument] {
        var documents = [first]
        while documents.count < wanted {
            guard let extra = try? PopplerDocument(data: data, password: options.password), extra.pageCount == first.pageCount else { break }
            documents.append(extra)
        }
        return documents
    }
}

/// Page indices handed out one at a time to the OCR threads.
private final class PageQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let indices: [Int]
    private var taken = 0

    init(_ indices: [Int]) { self.indices = indices }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard taken < indices.count else { return nil }
        taken += 1
        return indices[taken - 1]
    }
}

/// OCR outcomes written by several threads, each into its own slot.
private final class OutcomeSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [ParallelOCR.Outcome?]
    private var stored = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// Stores the outcome and returns how many are stored now.
    func store(_ outcome: ParallelOCR.Outcome, at index: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = outcome
        stored += 1
        return stored
    }

    func value(at index: Int) -> ParallelOCR.Outcome? {
        lock.lock()
        defer { lock.unlock() }
        return slots[index]
    }
}

/// Read-only values handed to `concurrentPerform`; each thread touches only its own document.
private struct Shared<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
