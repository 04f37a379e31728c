extension String {
    /// The string with every run of whitespace folded to one space and the ends trimmed: the form
    /// in which evidence quotes are compared with page text.
    public var foldedWhitespace: String {
        // Most texts (table cells, words, lines) are folded already: return them as they are rather
        // than copy them scalar by scalar (the copy was the hottest call of the SOC table readers).
        if isFoldedWhitespace { return self }
        // ASCII text (most of it) is folded byte by byte; other text scalar by scalar.
        let ascii = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        if let folded = ascii ?? nil { return folded }
        var out = ""
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.isSpaceLike {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `foldedWhitespace` would give the string back unchanged: no whitespace at either end,
    /// and no whitespace between words other than single spaces.
    public var isFoldedWhitespace: Bool {
        // Byte by byte while the text is ASCII (most of it); scalar by scalar only when it is not.
        let ascii = utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var previousIsSpace = true
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    if previousIsSpace || byte != 0x20 { return false }
                    previousIsSpace = true
                } else {
                    previousIsSpace = false
                }
            }
            return !previousIsSpace || bytes.isEmpty
        }
        if let answer = ascii ?? nil { return answer }
        var previousIsSpace = true
        for scalar in unicodeScalars {
            if scalar.isSpaceLike {
                if previousIsSpace || scalar != " " { return false }
                previousIsSpace = true
            } else {
                previousIsSpace = false
            }
        }
        return !previousIsSpace || isEmpty
    }
}

extension StringProtocol {
    /// Whether `needle` occurs in the string, ignoring case. Foundation's
    /// `range(of:options: .caseInsensitive)` bridges both strings to NSString and searches with a
    /// locale on every call, which showed up when run on every row of a 100-page control table.
    /// The standard library's generic `firstRange(of:)` was in turn the hottest call of the SOC
    /// extractors, so the search folds ASCII letters byte by byte and lowercases the whole string only
    /// when it holds other characters and the fast search found nothing (lowercasing can turn a
    /// non-ASCII character into ASCII letters, as the Kelvin sign becomes "k").
    public func containsIgnoringCase(_ needle: String) -> Bool {
        let needle = needle.lowercased()
        if needle.isEmpty { return true }
        var sawNonASCII = false
        let found = needle.utf8.withContiguousStorageIfAvailable { pattern in
            utf8.withContiguousStorageIfAvailable { text in
                ASCIIFoldedSearch.contains(text, pattern, sawNonASCII: &sawNonASCII)
            }
        }
        switch found {
        case .some(.some(true)): return true
        case .some(.some(false)) where !sawNonASCII: return false
        default: return lowercased().utf8.firstRange(of: needle.utf8) != nil
        }
    }
}

/// Substring search over UTF-8 bytes with ASCII capital letters of the text folded to lower case;
/// `pattern` is already lower case.
package enum ASCIIFoldedSearch {
    @inline(__always) package static func fold(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    package static func contains(_ text: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>,
                         sawNonASCII: inout Bool) -> Bool {
        let n = text.count, m = pattern.count
        if m > 0, m <= n {
            let first = pattern[0]
            var i = 0
            while i <= n - m {
                if fold(text[i]) == first {
                    var j = 1
                    while j < m, fold(text[i + j]) == pattern[j] { j += 1 }
                    if j == m { return true }
                }
                i += 1
            }
        }
        sawNonASCII = text.contains { $0 >= 0x80 }
        return m == 0
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace` with an ASCII fast path: the property lookup is the hottest call
    /// when a 100-page report is read one character at a time.
    @inlinable public var isSpaceLike: Bool {
        let v = value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return v == 0xA0 || properties.isWhitespace
    }

    /// `properties.isAlphabetic` with an ASCII fast path.
    @inlinable public var isLetterLike: Bool {
        let v = value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        return properties.isAlphabetic
    }
}
