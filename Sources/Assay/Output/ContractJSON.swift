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
        try JSONTreeWriter.bytes(JSONTreeEncoder.tree(value), pretty: pretty)
    }

    public static func decodeDocument(_ data: Data) throws -> AssayDocument {
        try JSONDecoder().decode(AssayDocument.self, from: data)
    }
}
