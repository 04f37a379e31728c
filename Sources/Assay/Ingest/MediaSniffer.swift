import AssayModel
import Foundation

/// Tells PDF, HTML and plain text apart by their bytes; the file name is never consulted.
package enum MediaSniffer {
    package static func sniff(_ data: Data) throws -> MediaType {
        if data.isEmpty { throw DocumentError(.empty, "The document is empty.") }
        let head = data.prefix(1024)
        if head.range(of: Data("%PDF-".utf8)) != nil { return .pdf }
        let sample = TextDecoding.decode(data.prefix(8192)).text.lowercased()
        let start = sample.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.prefix(1024)
        let htmlMarks = ["<!doctype html", "<html", "<head", "<body", "<meta ", "<title"]
        if start.hasPrefix("<") && htmlMarks.contains(where: { start.contains($0) }) { return .html }
        if looksLikeText(data.prefix(8192)) { return .text }
        throw DocumentError(.unsupportedMediaType,
                            "This file is not a PDF, an HTML page or plain text, so Assay cannot read it.")
    }

    /// Text has a byte-order mark, or no NUL bytes and almost no control characters.
    private static func looksLikeText(_ bytes: Data) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
        var controls = 0
        for byte in bytes {
            if byte == 0 { return false }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { controls += 1 }
        }
        if controls * 100 > bytes.count { return false }
        // Latin-1 is the fallback for any byte sequence, so insist that most bytes are printable ASCII
        // or form valid UTF-8; random binary fails this.
        if String(data: bytes, encoding: .utf8) != nil { return true }
        let ascii = bytes.filter { $0 >= 0x20 && $0 < 0x7F || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }.count
        return ascii * 100 >= bytes.count * 75
    }
}
