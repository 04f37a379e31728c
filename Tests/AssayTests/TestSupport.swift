import AssayModel
import Foundation
import XCTest

/// Paths into the repository for tests: fixtures beside the tests, the corpus, the rules.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func fixture(_ name: String) -> String { root.appendingPathComponent("Tests/AssayTests/Fixtures/\(name)").path }
    static func corpus(_ relative: String) -> String { root.appendingPathComponent("corpus/\(relative)").path }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("assay-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// How the CSV exports and summary.csv are read back in tests.
enum StrictCSV {
    /// A small, strict RFC 4180 reader: quoted cells may hold commas, quotes ("") and line breaks;
    /// records end with CRLF.
    static func parse(_ data: Data) throws -> [[String]] {
        let bytes = [UInt8](data)
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark")
        let text = try XCTUnwrap(String(data: data.dropFirst(3), encoding: .utf8))
        var rows: [[String]] = [], row: [String] = [], cell = ""
        var quoted = false, atCellStart = true
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { cell.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    cell.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where atCellStart: quoted = true; atCellStart = false
            case ",": row.append(cell); cell = ""; atCellStart = true
            case "\r":
                XCTAssertEqual(chars.popFirst(), "\n", "records end with CRLF")
                row.append(cell); rows.append(row); row = []; cell = ""; atCellStart = true
            case "\n": XCTFail("bare LF outside a quoted cell")
            default:
                XCTAssertNotEqual(c, "\"", "a quote inside an unquoted cell")
                cell.unicodeScalars.append(c); atCellStart = false
            }
        }
        XCTAssertFalse(quoted, "unterminated quoted cell")
        XCTAssertTrue(row.isEmpty && cell.isEmpty, "the last record ends with CRLF")
        return rows
    }
}

/// Synthetic page layouts for extractor tests: words laid out as poppler would report them.
enum SyntheticLayout {
    /// A line of words laid out left to right from `x`, each character half the type size wide and a
    /// quarter of it between words.
    static func line(_ text: String, x: Double = 60, y: Double, size: Double = 10) -> TextLine {
        var words: [Word] = []
        var cursor = x
        for piece in text.split(separator: " ") {
            let width = Double(piece.count) * size * 0.5
            words.append(Word(text: String(piece), box: Box(x0: cursor, y0: y, x1: cursor + width, y1: y + size)))
            cursor += width + size * 0.25
        }
        let box = words.dropFirst().reduce(words[0].box) { $0.union($1.box) }
        return TextLine(text: text, box: box, words: words)
    }

    /// One table row: cells at the given x positions, run together on one poppler line.
    static func row(_ cells: [(String, Double)], y: Double) -> TextLine {
        let parts = cells.filter { !$0.0.isEmpty }.map { line($0.0, x: $0.1, y: y) }
        let box = parts.dropFirst().reduce(parts[0].box) { $0.union($1.box) }
        return TextLine(text: parts.map(\.text).joined(separator: " "), box: box, words: parts.flatMap(\.words))
    }

    /// A US Letter page with a native text layer.
    static func page(_ number: Int, _ lines: [TextLine]) -> Page {
        Page(number: number, width: 612, height: 792, lines: lines, textLayer: .native)
    }
}
