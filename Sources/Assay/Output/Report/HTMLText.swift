/// Escaping for text taken from documents: everything a document says goes through here before it
/// reaches a page.
///
/// The output is also well-formed XML (a test parses it with libxml2): control characters that
/// XML forbids are dropped rather than escaped, since `&#1;` is not allowed either.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A file name safe in a link and on any file system: letters, digits, `-`, `_` and `.`.
    static func fileStem(_ path: String) -> String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        var stem = ""
        for scalar in base.unicodeScalars {
            if scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar) {
                stem.unicodeScalars.append(scalar)
            } else {
                stem += "_"
            }
        }
        while stem.hasPrefix(".") { stem.removeFirst() }
        if stem.isEmpty { stem = "document" }
        return String(stem.prefix(100))
    }
}
