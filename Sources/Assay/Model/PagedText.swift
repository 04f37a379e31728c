/// A rectangle in PDF points, origin top-left (HTML and text pages use a nominal grid: one unit a
/// character across, one a line down).
public struct Box: Codable, Sendable, Hashable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var midY: Double { (y0 + y1) / 2 }

    public func union(_ other: Box) -> Box {
        Box(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    /// `[x0, y0, x1, y1]` rounded to a tenth of a point, as evidence carries it.
    public var array: [Double] {
        [x0, y0, x1, y1].map { ($0 * 10).rounded() / 10 }
    }
}

/// A word and its box.
public struct Word: Codable, Sendable, Hashable {
    public var text: String
    public var box: Box

    public init(text: String, box: Box) {
        self.text = text
        self.box = box
    }
}

/// One line of a page's extracted text with its box and its words. A PDF line is what poppler
/// emits between two line breaks in reading order; on a table row each cell is usually its own line.
public struct TextLine: Codable, Sendable, Hashable {
    public var text: String
    public var box: Box
    public var words: [Word]

    public init(text: String, box: Box, words: [Word]) {
        self.text = text
        self.box = box
        self.words = words
    }
}

/// One page of extracted text. `text` is the lines joined by newlines, so any run of lines is a
/// quote that appears in the page's text.
public struct Page: Codable, Sendable, Hashable {
    /// 1-based page number.
    public var number: Int
    public var width: Double
    public var height: Double
    public var lines: [TextLine]
    public var textLayer: TextLayer
    /// For OCR'd pages, the mean recognition confidence of the page's words, 0–1.
    public var ocrConfidence: Double?
    /// Words read by OCR from the images on a page that has its own text (an accreditation mark, a
    /// logo, a signature block), kept apart from `lines`: they are not part of the page's text, so no
    /// evidence quote is cut from them, and they carry their own recognition confidence.
    public var imageTexts: [ImageText]?

    public init(number: Int, width: Double, height: Double, lines: [TextLine], textLayer: TextLayer, ocrConfidence: Double? = nil) {
        self.number = number
        self.width = width
        self.height = height
        self.lines = lines
        self.textLayer = textLayer
        self.ocrConfidence = ocrConfidence
    }

    public var text: String { lines.map(\.text).joined(separator: "\n") }
    public var hasText: Bool { lines.contains { !$0.text.isEmpty } }
}

/// The words OCR read inside one image drawn on a page.
public struct ImageText: Codable, Sendable, Hashable {
    /// Where the image sits on the page, in PDF points, origin top-left.
    public var box: Box
    public var lines: [TextLine]
    /// Mean word confidence of the recognition, 0–1.
    public var confidence: Double

    public init(box: Box, lines: [TextLine], confidence: Double) {
        self.box = box
        self.lines = lines
        self.confidence = confidence
    }

    public var text: String { lines.map(\.text).joined(separator: "\n") }
}

/// The whole input as pages of positioned text: what every later stage reads.
public struct PagedText: Codable, Sendable, Hashable {
    public var mediaType: MediaType
    public var pages: [Page]
    public var diagnostics: [Diagnostic]

    public init(mediaType: MediaType, pages: [Page], diagnostics: [Diagnostic] = []) {
        self.mediaType = mediaType
        self.pages = pages
        self.diagnostics = diagnostics
    }

    /// `native` when any page has text drawn by the file, `ocr` when all text came from OCR,
    /// `mixed` when both, `none` when no page has text.
    public var textLayer: TextLayer {
        let layers = Set(pages.filter(\.hasText).map(\.textLayer))
        if layers.isEmpty { return .none }
        if layers.count > 1 { return .mixed }
        return layers.first ?? .none
    }
}

/// The input formats Assay reads, told apart by content, never by file name.
public enum MediaType: String, Codable, Sendable, Hashable {
    case pdf = "application/pdf"
    case html = "text/html"
    case text = "text/plain"
}
