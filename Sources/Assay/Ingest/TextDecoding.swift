import Foundation

/// Decodes plain text: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark,
/// and Latin-1 when the bytes are not valid UTF-8.
package enum TextDecoding {
    package struct Decoded {
        package var text: String
        package var encoding: String
    }

    package static func decode(_ data: Data) -> Decoded {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(text: String(decoding: bytes.dropFirst(3), as: UTF8.self), encoding: "utf-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return Decoded(text: utf16(bytes.dropFirst(2), littleEndian: true), encoding: "utf-16le") }
        if bytes.starts(with: [0xFE, 0xFF]) { return Decoded(text: utf16(bytes.dropFirst(2), littleEndian: false), encoding: "utf-16be") }
        if let text = String(validatingUTF8Bytes: bytes) { return Decoded(text: text, encoding: "utf-8") }
        // A sample cut mid-character is still UTF-8: accept a trailing partial sequence.
        if bytes.count >= 4, let text = String(validatingUTF8Bytes: Array(bytes.dropLast(trailingPartial(bytes)))) {
            return Decoded(text: text, encoding: "utf-8")
        }
        var latin = String.UnicodeScalarView()
        for byte in bytes { latin.append(Unicode.Scalar(byte)) }
        return Decoded(text: String(latin), encoding: "iso-8859-1")
    }

    private static func utf16<C: Collection>(_ bytes: C, littleEndian: Bool) -> String where C.Element == UInt8 {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var iterator = bytes.makeIterator()
        while let a = iterator.next(), let b = iterator.next() {
            units.append(littleEndian ? UInt16(a) | UInt16(b) << 8 : UInt16(a) << 8 | UInt16(b))
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// How many bytes at the end belong to an unfinished UTF-8 sequence (0–3).
    private static func trailingPartial(_ bytes: [UInt8]) -> Int {
        for back in 1...min(3, bytes.count) {
            let byte = bytes[bytes.count - back]
            if byte & 0xC0 == 0xC0 { return back }
            if byte & 0x80 == 0 { return 0 }
        }
        return 0
    }
}

extension String {
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        self = String(scalars)
    }
}
