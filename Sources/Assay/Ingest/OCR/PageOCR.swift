import AssayModel
import Foundation

/// Replaces the text of pages that need it with what Tesseract reads from the rendered page. The
/// engine is started once per document, on the first page that needs it.
struct PageOCR {
    /// Resolution for recognition: 300 dpi is Tesseract's sweet spot for body text.
    static let dpi = 300.0
    /// Resolution of the quick look that skips blank pages.
    static let previewDPI = 24.0
    /// A page whose largest image covers less than this share of it is not a scan.
    static let scanImageShare = 0.25

    let mode: OCRMode
    let languages: String
    private var engine: TesseractEngine?
    private var unavailable = false

    /// Pages in the document, when known: only short documents have their picture pages read beside their text.
    let documentPages: Int?

    init(mode: OCRMode, languages: String?, documentPages: Int? = nil) {
        self.mode = mode
        self.languages = languages ?? TesseractEngine.defaultLanguages()
        self.documentPages = documentPages
    }

    mutating func process(_ page: Page, handle: OpaquePointer, diagnostics: inout [Diagnostic]) -> Page {
        guard !unavailable else { return page }
        guard OCRPolicy.needsOCR(page, mode: mode) else {
            if mode == .auto, OCRPolicy.mayBePicturePage(page, documentPages: documentPages),
               PageImages.largestShare(handle) >= OCRPolicy.pictureShare {
                return supplement(page, handle: handle, diagnostics: &diagnostics)
            }
            return page
        }
        // A sparse but well-formed text layer (a divider page, a column of line numbers) on a page
        // without a large picture is the page's real text: a scan is a picture of the page.
        if mode == .auto, page.hasText, !TextQuality.isGarbled(page.text), PageImages.largestShare(handle) < Self.scanImageShare {
            return page
        }
        if page.hasText && mode == .auto {
            diagnostics.append(Diagnostic(level: .warning, code: "garbled_text",
                                          message: "Page \(page.number) has a text layer that is not readable text; it is read by OCR instead."))
        }
        if mode == .auto, let preview = PageRenderer.render(handle, dpi: Self.previewDPI), preview.inkCoverage < 0.0005 {
            return page // blank: nothing to read
        }
        if engine == nil {
            engine = TesseractEngine(languages: languages)
            if engine == nil {
                unavailable = true
                diagnostics.append(Diagnostic(level: .warning, code: "ocr_unavailable",
                                              message: "Page \(page.number) has no text layer, and OCR (Tesseract, languages \(languages)) is not available."))
                return page
            }
        }
        guard let engine, let image = PageRenderer.render(handle, dpi: Self.dpi) else { return page }
        let result = engine.recognise(image)
        guard !result.lines.isEmpty else { return page }
        diagnostics.append(Diagnostic(level: .info, code: "ocr_used",
                                      message: "Page \(page.number) was read by OCR (\(languages), mean word confidence \(String(format: "%.2f", result.confidence)))."))
        return Page(number: page.number, width: page.width, height: page.height, lines: result.lines,
                    textLayer: .ocr, ocrConfidence: result.confidence)
    }

    /// A short document's page drawn as one large picture with some text on top: the picture is read
    /// too. Where the text layer agrees with what the picture shows, it is kept and the words only the
    /// picture holds (labels, the issuer's name, the scheme, accreditation marks) are added; where it
    /// does not (an invisible layer from a poor scanner OCR), the page is read by OCR alone.
    private mutating func supplement(_ page: Page, handle: OpaquePointer, diagnostics: inout [Diagnostic]) -> Page {
        if engine == nil { engine = TesseractEngine(languages: languages) }
        guard let engine, let image = PageRenderer.render(handle, dpi: Self.dpi) else { return page }
        let result = engine.recognise(image)
        guard !result.lines.isEmpty else { return page }
        let merge = OCRMerge(native: page.lines, recognised: result.lines)
        if merge.agreement < OCRMerge.minimumAgreement && merge.recognisedWords >= merge.nativeWords {
            diagnostics.append(Diagnostic(level: .warning, code: "garbled_text",
                message: "Page \(page.number) has a text layer that does not match what the page shows (\(Int((merge.agreement * 100).rounded()))% of its words agree); it is read by OCR instead (\(languages), mean word confidence \(String(format: "%.2f", result.confidence)))."))
            return Page(number: page.number, width: page.width, height: page.height, lines: result.lines,
                        textLayer: .ocr, ocrConfidence: result.confidence)
        }
        let added = merge.addedLines(confidences: result.wordConfidences)
        guard !added.isEmpty else { return page }
        diagnostics.append(Diagnostic(level: .info, code: "ocr_supplemented",
            message: "Page \(page.number) is mostly a picture; \(added.reduce(0) { $0 + $1.words.count }) words printed only in the picture were read by OCR (\(languages)) and added to its text."))
        return Page(number: page.number, width: page.width, height: page.height, lines: page.lines + added,
                    textLayer: page.textLayer, ocrConfidence: result.confidence)
    }
}

/// Compares a page's text layer with what OCR read from the rendered page.
struct OCRMerge {
    /// Below this share of agreeing words the text layer is taken to be garbage.
    static let minimumAgreement = 0.4

    let native: [TextLine]
    let recognised: [TextLine]

    var nativeWords: Int { native.reduce(0) { $0 + $1.words.count } }
    var recognisedWords: Int { recognised.reduce(0) { $0 + $1.words.count } }

    /// The share of the text layer's words (of three characters or more) that OCR read the same
    /// where they stand.
    var agreement: Double {
        let ocrWords = recognised.flatMap(\.words)
        var checked = 0, agreeing = 0
        for word in native.flatMap(\.words) {
            let key = Self.key(word.text)
            guard key.count >= 3 else { continue }
            checked += 1
            let over = ocrWords.filter { Self.overlap($0.box, word.box) > 0 }.map { Self.key($0.text) }.joined()
            if over.contains(key) || (!over.isEmpty && key.contains(over) && over.count * 2 >= key.count) { agreeing += 1 }
        }
        return checked == 0 ? 1 : Double(agreeing) / Double(checked)
    }

    /// Below this confidence an OCR word of a picture is mostly texture or a logo's shape, not text.
    static let minimumWordConfidence = 0.6

    /// OCR lines cut to the words no text-layer word covers and that OCR read with some confidence
    /// (`confidences`, per line and word as in `recognised`; all words kept when absent).
    func addedLines(confidences: [[Double]] = []) -> [TextLine] {
        let nativeBoxes = native.flatMap(\.words).map(\.box)
        var out: [TextLine] = []
        for (lineIndex, line) in recognised.enumerated() {
            let lineConfidences = lineIndex < confidences.count && confidences[lineIndex].count == line.words.count ? confidences[lineIndex] : nil
            let words = line.words.enumerated().filter { index, word in
                if let lineConfidences, lineConfidences[index] < Self.minimumWordConfidence { return false }
                let area = max(word.box.width * word.box.height, 0.01)
                return !nativeBoxes.contains { Self.overlap($0, word.box) > 0.3 * area }
            }.map(\.element)
            guard !words.isEmpty else { continue }
            // Split where the kept words are not neighbours (a text-layer word stood between them).
            var run: [Word] = []
            func close() {
                guard let first = run.first else { return }
                let box = run.dropFirst().reduce(first.box) { $0.union($1.box) }
                out.append(TextLine(text: run.map(\.text).joined(separator: " "), box: box, words: run))
                run = []
            }
            for word in words {
                if let last = run.last, let lastIndex = line.words.firstIndex(of: last),
                   let index = line.words.firstIndex(of: word), index != lastIndex + 1 { close() }
                run.append(word)
            }
            close()
        }
        return out
    }

    static func key(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    static func overlap(_ a: Box, _ b: Box) -> Double {
        let w = min(a.x1, b.x1) - max(a.x0, b.x0), h = min(a.y1, b.y1) - max(a.y0, b.y0)
        return w > 0 && h > 0 ? w * h : 0
    }
}
