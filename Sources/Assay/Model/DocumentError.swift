/// The closed set of contract error codes (`error.code`). New codes may be added; none is renamed.
public enum ErrorCode: String, Codable, Sendable, Hashable, CaseIterable {
    case notFound = "not_found"
    case unreadable
    case empty
    case unsupportedMediaType = "unsupported_media_type"
    case malformed
    case encrypted
    case timeout
    case tooLarge = "too_large"
    case crashed
}

/// Why a document could not be read: a stable code and a sentence a person understands.
public struct DocumentError: Error, Codable, Sendable, Hashable {
    public var code: ErrorCode
    public var message: String

    public init(_ code: ErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }
}
