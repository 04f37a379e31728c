extension String {
    /// The string with every run of whitespace folded to one space and the ends trimmed: the form
    /// in which evidence quotes are compared with page text.
    public var foldedWhitespace: String {
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
}

extension StringProtocol {
    /// Whether `needle` occurs in the string, ignoring case. Foundation's
    /// `range(of:options: .caseInsensitive)` bridges both strings to NSString and searches with a
    /// locale on every call, which showed up when run on every row of a 100-page control table.
    public func containsIgnoringCase(_ needle: String) -> Bool {
        let needle = needle.lowercased()
        return needle.isEmpty || lowercased().utf8.firstRange(of: needle.utf8) != nil
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
