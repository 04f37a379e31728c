/// The review outline's thresholds and truncation limits, in one place: every rendering flags the
/// same values as uncertain and shortens the same lists at the same length.
public struct OutlineCutoffs: Sendable, Hashable {
    /// Below this confidence a value is flagged for the reviewer to check by eye. 0.9 is where the
    /// extractors' scores stop meaning "read from a labelled field or a fixed layout" and start
    /// meaning "inferred from wording" (see `assay eval`'s high-confidence-wrong count).
    public var lowConfidence: Double
    /// Quotes shown under one reliability signal in the renderings that list quotes inline; the
    /// review page shows each quote with its cut-out regardless.
    public var quotesPerSignal: Int
    /// Leading hex digits of the file's SHA-256 shown where the whole hash would not fit.
    public var shortHashLength: Int

    public init(lowConfidence: Double = 0.9, quotesPerSignal: Int = 3, shortHashLength: Int = 12) {
        self.lowConfidence = lowConfidence
        self.quotesPerSignal = quotesPerSignal
        self.shortHashLength = shortHashLength
    }

    public static let standard = OutlineCutoffs()

    /// Whether a value of this confidence is flagged as uncertain.
    public func isLow(_ confidence: Double) -> Bool { confidence < lowConfidence }
}
