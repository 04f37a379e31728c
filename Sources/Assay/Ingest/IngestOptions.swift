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

    public init(password: String? = nil, maxBytes: Int = 512 * 1024 * 1024, maxPages: Int = 5_000,
                maxCharactersPerPage: Int = 200_000) {
        self.password = password
        self.maxBytes = maxBytes
        self.maxPages = maxPages
        self.maxCharactersPerPage = maxCharactersPerPage
    }
}
