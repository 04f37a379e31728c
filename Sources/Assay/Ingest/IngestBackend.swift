import AssayModel
import Foundation

/// One input format: bytes in, pages of positioned text out.
protocol IngestBackend {
    func read(_ data: Data, options: IngestOptions) throws -> PagedText
}

/// Reads any supported input: sniffs the format from the bytes and hands them to its backend.
package enum Ingestor {
    static func backend(for mediaType: MediaType) -> IngestBackend {
        switch mediaType {
        case .pdf: return PDFBackend()
        case .html: return HTMLBackend()
        case .text: return TextBackend()
        }
    }

    /// Reads `data` with the backend for `mediaType`, without sniffing (for fuzzing one backend).
    package static func ingest(_ data: Data, as mediaType: MediaType, options: IngestOptions) throws -> PagedText {
        try backend(for: mediaType).read(data, options: options)
    }

    package static func ingest(_ data: Data, options: IngestOptions) throws -> PagedText {
        let mediaType = try MediaSniffer.sniff(data)
        return try backend(for: mediaType).read(data, options: options)
    }
}
