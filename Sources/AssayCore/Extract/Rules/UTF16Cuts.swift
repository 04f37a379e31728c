import Foundation

/// Parts of a text cut at UTF-16 offsets (as `NSRange`s give them). The whole text is itself; an ASCII
/// text, whose UTF-16 offsets are its byte offsets, is cut by bytes; other text through `NSString`, whose
/// substrings cost a conversion back from UTF-16 each (the costliest part of splitting table cells).
struct UTF16Cuts {
    private let text: String
    private let ns: NSString
    private let bytes: [UInt8]
    private let isASCII: Bool

    /// `cuts`: how many cuts will be made (with none, only the whole text is asked for).
    init(_ text: String, _ ns: NSString, cuts: Int) {
        self.text = text
        self.ns = ns
        bytes = cuts > 0 ? Array(text.utf8) : []
        isASCII = cuts > 0 && bytes.count == ns.length
    }

    func piece(_ start: Int, _ end: Int) -> String {
        if start == 0 && end == ns.length { return text }
        if isASCII { return String(decoding: bytes[start..<end], as: UTF8.self) }
        return ns.substring(with: NSRange(location: start, length: end - start))
    }
}
