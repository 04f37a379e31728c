import AssayCore
import AssayModel
import Foundation

/// The one JSON form of contract documents: sorted keys, so the same input gives the same bytes.
///
/// The bytes are those of Foundation's `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes`
/// (and `.prettyPrinted` for `pretty`), which this used to call; `JSONTreeEncoder` and `JSONTreeWriter`
/// print them four to five times faster (a 150-page report's 2.9 MB of pretty JSON: about 43 ms
/// down to 9 ms), from the same `Codable` conformances. `JSONTreeWriterTests` holds the two to the same bytes.
public enum ContractJSON {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool) throws -> Data {
        Data(try bytes(value, pretty: pretty))
    }

    public static func string<T: Encodable>(_ value: T, pretty: Bool) -> String {
        guard let bytes = try? bytes(value, pretty: pretty) else { return "{}" }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func bytes<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
        if pretty, let document = value as? AssayDocument, document.controls.count >= DocumentControls.parallelFrom {
            return try DocumentControls.pretty(document)
        }
        return try JSONTreeWriter.bytes(JSONTreeEncoder.tree(value), pretty: pretty)
    }

    public static func decodeDocument(_ data: Data) throws -> AssayDocument {
        try JSONDecoder().decode(AssayDocument.self, from: data)
    }
}

/// A long report's pretty JSON, printed on two threads: its `controls` (nearly all of the bytes of a
/// report with thousands of tests) in two halves beside the rest of the document, then spliced in where
/// the document printed an empty list. The bytes are those of printing the whole document at once
/// (`JSONTreeWriterTests` holds the two to the same bytes).
enum DocumentControls {
    static let parallelFrom = 256

    /// The empty `controls` list as the document prints it: a top-level key (one indent), so the bytes
    /// occur nowhere else (a string's newlines are escaped, and nested keys are indented deeper).
    private static let empty = Array("\n  \"controls\" : [\n\n  ]".utf8)
    private static let opening = Array("\n  \"controls\" : [\n".utf8)
    private static let closing = Array("\n  ]".utf8)

    static func pretty(_ document: AssayDocument) throws -> [UInt8] {
        var rest = document
        rest.controls = []
        let half = document.controls.count / 2
        let parts: [ArraySlice<TestedControl>] = [document.controls[..<half], document.controls[half...]]
        let work: [() throws -> [UInt8]] = [
            { try JSONTreeWriter.bytes(JSONTreeEncoder.tree(rest), pretty: true) },
            { try elements(Array(parts[0])) },
            { try elements(Array(parts[1])) },
        ]
        let printed = work.parallelMap(threads: 2) { job in Result { try job() } }
        let whole = try printed[0].get(), first = try printed[1].get(), second = try printed[2].get()
        guard let at = range(of: empty, in: whole) else {
            return try JSONTreeWriter.bytes(JSONTreeEncoder.tree(document), pretty: true)
        }
        var out: [UInt8] = []
        out.reserveCapacity(whole.count + first.count + second.count + 8)
        out += whole[..<at.lowerBound]
        out += opening
        out += first
        out += Array(",\n".utf8)
        out += second
        out += closing
        out += whole[at.upperBound...]
        return out
    }

    /// The controls as the document's list prints them, without the brackets: each at two indents.
    private static func elements(_ controls: [TestedControl]) throws -> [UInt8] {
        let list = try JSONTreeWriter.bytes(JSONTreeEncoder.tree(controls), pretty: true, indent: 1)
        // "[\n" … "\n  ]"
        return Array(list[2..<(list.count - closing.count)])
    }

    private static func range(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard haystack.count >= needle.count else { return nil }
        var start = 0
        while start <= haystack.count - needle.count {
            if haystack[start] == needle[0], haystack[start..<(start + needle.count)].elementsEqual(needle) {
                return start..<(start + needle.count)
            }
            start += 1
        }
        return nil
    }
}
