/// A place in a document that supports a value: the page, the words quoted from that page's
/// extracted text, and optionally the box they occupy.
public struct Evidence: Codable, Sendable, Hashable {
    /// 1-based page number (HTML and plain text: 1, or the form-feed page).
    public var page: Int
    /// Text that appears in the page's extracted text (whitespace folded).
    public var quote: String
    /// `[x0, y0, x1, y1]` in PDF points, origin top-left.
    public var bbox: [Double]?

    public init(page: Int, quote: String, bbox: [Double]? = nil) {
        self.page = page
        self.quote = quote
        self.bbox = bbox
    }
}
