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

    init(mode: OCRMode, languages: String?) {
        self.mode = mode
        self.languages = languages ?? TesseractEngine.defaultLanguages()
    }

    mutating func process(_ page: Page, handle: OpaquePointer, diagnostics: inout [Diagnostic]) -> Page {
        guard OCRPolicy.needsOCR(page, mode: mode), !unavailable else { return page }
        // A sparse but well-formed text layer (a divider page, a column of line numbers) on a page
        // without a large picture is the page's real text: a scan is a picture of the page.
        if mode == .auto, page.hasText, !TextQuality.isGarbled(page.text),
           ImageTextReader.largestImageShare(handle, page: page) < Self.scanImageShare {
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
}
