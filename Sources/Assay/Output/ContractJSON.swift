import AssayCore
import AssayModel
import Foundation

/// The one JSON form of contract documents: sorted keys, so the same input gives the same bytes.
public enum ContractJSON {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    public static func string<T: Encodable>(_ value: T, pretty: Bool) -> String {
        guard let data = try? encode(value, pretty: pretty) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    public static func decodeDocument(_ data: Data) throws -> AssayDocument {
        try JSONDecoder().decode(AssayDocument.self, from: data)
    }
}
