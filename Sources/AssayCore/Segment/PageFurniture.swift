import AssayModel
import Foundation

/// Labels page furniture — running headers and footers, page numbers, confidentiality banners,
/// DocuSign envelope ids — so extractors read the body only. Furniture stays citable: it is
/// still in the page text, just not in the body.
///
/// A line is furniture when it sits in the top or bottom band of the page and the same line,
/// with its digits masked, recurs in that band on at least a third of the pages; or when it is a
/// bare page number or an envelope id anywhere in the bands.
public struct PageFurniture: Sendable {
    struct Rules: RuleFile {
        package static let file = "furniture.yaml"
        package static let version = 1

        var version: Int
        var band: Double
        var minShare: Double
        var always: [String]

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case version
            case band
            case minShare = "min_share"
            case always
        }
    }

    private let band: Double
    private let minShare: Double
    private let always: [NSRegularExpression]

    public init(rules: RuleBook) throws {
        let parsed = try rules.load(Rules.self)
        band = parsed.band
        minShare = parsed.minShare
        always = try parsed.always.enumerated().map { index, pattern in
            do { return try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) } catch {
                throw RuleError(file: Rules.file, key: "always[\(index)]", message: "is not a valid regular expression")
            }
        }
    }

    /// For each page, the indexes of its furniture lines.
    public func label(_ pages: [Page]) -> [Set<Int>] {
        var counts: [String: Int] = [:]
        var keysByPage: [[(Int, String)]] = []
        for page in pages {
            var keys: [(Int, String)] = []
            var seen = Set<String>()
            for (index, line) in page.lines.enumerated() where inBand(line, index: index, page: page) {
                let key = Self.mask(line.text)
                guard !key.isEmpty else { continue }
                keys.append((index, key))
                if seen.insert(key).inserted { counts[key, default: 0] += 1 }
            }
            keysByPage.append(keys)
        }
        let threshold = max(2, Int((Double(pages.count) * minShare).rounded(.up)))
        return pages.indices.map { pageIndex in
            var furniture = Set<Int>()
            for (index, key) in keysByPage[pageIndex] {
                let text = pages[pageIndex].lines[index].text
                if pages.count > 1 && counts[key, default: 0] >= threshold { furniture.insert(index) }
                let range = NSRange(location: 0, length: (text as NSString).length)
                if always.contains(where: { $0.firstMatch(in: text, range: range) != nil }) { furniture.insert(index) }
            }
            return furniture
        }
    }

    /// Top and bottom bands by position on PDF pages; the first and last two lines elsewhere.
    private func inBand(_ line: TextLine, index: Int, page: Page) -> Bool {
        if page.height > 0 && page.lines.count > 0 && page.height > Double(page.lines.count) {
            return line.box.y1 <= page.height * band || line.box.y0 >= page.height * (1 - band)
        }
        return index < 2 || index >= page.lines.count - 2
    }

    /// Lower-case, digits as `#`, whitespace folded: "Page 3 of 84" and "Page 4 of 84" share a key.
    static func mask(_ text: String) -> String {
        var out = ""
        for scalar in text.foldedWhitespace.lowercased().unicodeScalars {
            // Decimal digits of any script (Unicode category Nd), with an ASCII fast path.
            let digit = scalar.value < 0x80 ? (0x30...0x39).contains(scalar.value) : scalar.properties.generalCategory == .decimalNumber
            out.unicodeScalars.append(digit ? "#" : scalar)
        }
        return out
    }
}
