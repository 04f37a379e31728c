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
