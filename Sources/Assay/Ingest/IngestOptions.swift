import AssayModel

/// Limits and secrets that govern how one input is read.
public struct IngestOptions: Sendable, Hashable {
    /// The PDF user password, when the file needs one.
    public var password: String?
    /// Inputs larger than this fail with `too_large` before any parser sees them.
    public var maxBytes: Int
    /// Pages past this count are not read; a diagnostic says so.
    public var maxPages: Int
    /// Text beyond this many characters on one page is dropped; a diagnostic says so.
    public var maxCharactersPerPage: Int
    /// When pages are recognised by OCR.
    public var ocr: OCRMode
    /// Tesseract languages, e.g. "eng+deu"; `nil` uses every installed one of English, German, French, Spanish.
    public var ocrLanguages: String?
    /// Threads one document may use: PDF pages read at once (each thread with its own poppler
    /// document over the same bytes), and, above 1, the independent extractors run beside the others.
    /// 1 does everything in order on the calling thread. More pays off for one long document on an
    /// otherwise idle machine (`assay extract`), not for a batch that already keeps every core busy.
    public var threads: Int

    public init(password: String? = nil, maxBytes: Int = 512 * 1024 * 1024, maxPages: Int = 5_000,
                maxCharactersPerPage: Int = 200_000, ocr: OCRMode = .auto, ocrLanguages: String? = nil, threads: Int = 1) {
        self.threads = max(1, threads)
        self.ocr = ocr
        self.ocrLanguages = ocrLanguages
        self.password = password
        self.maxBytes = maxBytes
        self.maxPages = maxPages
        self.maxCharactersPerPage = maxCharactersPerPage
    }
}

/// When a PDF page is read by OCR instead of its text layer.
public enum OCRMode: String, Codable, Sendable, Hashable, CaseIterable {
    /// Only pages with no usable text layer (none, or garbled) that show something.
    case auto
    /// Every page.
    case always
    /// Never: pages without text stay empty.
    case never
}
