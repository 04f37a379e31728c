/// A place in a document that supports a value: the page, the words quoted from that page's
/// extracted text, and optionally the box they occupy.
public struct Evidence: Codable, Sendable, Hashable {
    /// 1-based page number (HTML and plain text: 1, or the form-feed page).
    public var page: Int
    /// Text that appears in the page's extracted text (whitespace folded).
    public var quote: String
    /// `[x0, y0, x1, y1]` in PDF points, origin top-left.
    public var bbox: [Double]?
    /// Where the quote was read when it is not the page's text: `image` for words OCR read inside a
    /// picture on the page (an accreditation mark); the quote is then what OCR read, and `bbox` the
    /// picture's box. Absent for quotes from the page's text.
    public var source: String?

    public init(page: Int, quote: String, bbox: [Double]? = nil, source: String? = nil) {
        self.page = page
        self.quote = quote
        self.bbox = bbox
        self.source = source
    }
}
