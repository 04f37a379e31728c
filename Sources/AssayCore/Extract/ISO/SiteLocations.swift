import AssayModel
import Foundation

/// Turns printed addresses into the sites the contract lists as `locations`: the locality ("Leeds,
/// United Kingdom" from "Unit 4, Calder Court / Leeds LS10 1RT, United Kingdom"), or the address as
/// printed when its street shares a line with its town; and reads the site table of a certificate's annex.
struct SiteLocations {
    let postcodes: [NSRegularExpression]
    let streetWords: Set<String>

    init(rules: CertificateRules) throws {
        postcodes = try rules.postcodePatterns.enumerated().map { index, pattern in
            do { return try NSRegularExpression(pattern: pattern) } catch {
                throw RuleError(file: "iso/certificate.yaml", key: "postcode_patterns[\(index)]", message: "is not a valid regular expression")
            }
        }
        streetWords = Set(rules.streetWords.map { $0.lowercased() })
    }

    /// The site an address names: the address as printed when its last line carries the street
    /// itself (`printedAddress`), otherwise its locality.
    func site(_ lines: [String]) -> String? {
        printedAddress(lines) ?? locality(lines)
    }

    /// An address whose street shares a line with its town ("12 Mill Road, Springfield, IL, 62701",
    /// "ul. Lipowa 3a, 00-645 Warszawa" over a line with only the country) is kept as printed from that
    /// line on: in one line a house number cannot be told from a postcode, nor a street from a town,
    /// so reducing it to a locality drops or keeps the wrong words. A street on a line of its own above a
    /// "postcode town, country" line is not read (unless its line runs on with a comma), so such
    /// addresses still reduce.
    func printedAddress(_ lines: [String]) -> String? {
        let cleaned = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard var index = cleaned.indices.last else { return nil }
        let isCountryOnly = { (line: String) in !line.contains(",") && !line.contains(where: \.isNumber) }
        if isCountryOnly(cleaned[index]), index > 0 { index -= 1 }
        // A line that ends in a comma runs on into the next ("12 Mill Road, Springfield," over "IL, 62701,"):
        // the street may stand in such a line above.
        while !holdsStreet(cleaned[index]), index > 0, cleaned[index - 1].hasSuffix(",") { index -= 1 }
        guard holdsStreet(cleaned[index]) else { return nil }
        // The lines after it are the same address wrapped (a table cell) or its country: joined as
        // printed, with the commas the document prints.
        var text = cleaned[index...].joined(separator: " ")
        while text.hasSuffix(",") { text.removeLast() }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Whether one comma part of a line has both a street word and a house number (a token with a digit).
    func holdsStreet(_ line: String) -> Bool {
        line.split(separator: ",").contains { part in
            let tokens = part.split(separator: " ")
            return tokens.contains { $0.contains(where: \.isNumber) } && tokens.contains { token in
                let word = token.lowercased()
                return streetWords.contains(word) || streetWords.contains(word.trimmingCharacters(in: CharacterSet(charactersIn: ".:;")))
            }
        }
    }

    /// The locality of an address given as its printed lines: the last line (with the line before
    /// it when the last is only a country), without postcodes or house numbers.
    func locality(_ lines: [String]) -> String? {
        let cleaned = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let last = cleaned.last else { return nil }
        var line = last
        let lastIsCountryOnly = !last.contains(",") && !last.contains(where: \.isNumber)
        if lastIsCountryOnly, cleaned.count >= 2 {
            var previous = cleaned[cleaned.count - 2]
            while previous.hasSuffix(",") { previous.removeLast() }
            line = previous + ", " + last
        }
        for pattern in postcodes {
            line = pattern.stringByReplacingMatches(in: line, range: NSRange(location: 0, length: (line as NSString).length), withTemplate: " ")
        }
        let parts = line.split(separator: ",").map { part -> String in
            part.split(separator: " ").filter { token in !token.contains(where: \.isNumber) && !token.hasPrefix("#") }
                .joined(separator: " ")
        }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return nil }
        return parts.joined(separator: ", ")
    }

    /// The sites of an annex table: the column headed "Address" (or its translation), read row by
    /// row from word boxes, as localities with the words they came from. Without such a column, a
    /// column headed "Location" gives the cells that print a street.
    func annexSites(_ layouts: [PageLayout], rules: CertificateRules) -> [(String, [PlacedWord])] {
        let headers = Set(rules.addressHeaders.map(LabelText.compact))
        let locationHeaders = Set(rules.locationHeaders.map(LabelText.compact))
        var sites: [(String, [PlacedWord])] = []
        for layout in layouts {
            let segments = layout.segments
            var streetsOnly = false
            var found = segments.firstIndex { headers.contains(LabelText.compact($0.text)) }
            if found == nil {
                found = segments.firstIndex { locationHeaders.contains(LabelText.compact($0.text)) }
                streetsOnly = true
            }
            guard let header = found else { continue }
            let headerSegment = segments[header]
            let row = segments.filter { $0.sharesRow(with: headerSegment) }.sorted { $0.box.x0 < $1.box.x0 }
            guard row.count >= 2, let column = row.firstIndex(where: { $0.box.x0 == headerSegment.box.x0 }) else { continue }
            let words = segments.flatMap(\.words).filter { $0.box.y0 > headerSegment.box.y1 - 1 }
                .sorted { $0.box.y0 != $1.box.y0 ? $0.box.y0 < $1.box.y0 : $0.box.x0 < $1.box.x0 }
            var cells = columnWords(words, header: headerSegment, row: row, column: column, centred: false)
            // A table whose cells are centred under their headers starts its cells left of the headers. Its end
            // is found by a wide gap only, so a note printed right under it is read too: there a site must
            // carry a digit (a house number or a postcode), as a note's sentence does not.
            var needsDigit = false
            if cells.isEmpty {
                cells = columnWords(words, header: headerSegment, row: row, column: column, centred: true)
                needsDigit = true
            }
            let lines = PageLayout.segments(cells)
            var group: [LayoutSegment] = []
            func flush() {
                let lines = group.map(\.text)
                let text = streetsOnly ? printedAddress(lines) : site(lines)
                if let text, !needsDigit || lines.contains(where: { $0.contains(where: \.isNumber) }) {
                    sites.append((text, group.flatMap(\.words)))
                }
                group = []
            }
            for line in lines {
                if let previous = group.last, line.box.y0 - previous.box.y1 > 0.8 * max(previous.height, 1) { flush() }
                group.append(line)
            }
            flush()
        }
        return sites
    }

    /// The words of one table column below its header. Left-aligned (`centred` false): words that start
    /// between the header's left edge and the next header's, until a word printed left of the first
    /// column or a wide gap. Centred: words whose middle lies between the midpoints of the gaps to the
    /// neighbouring headers, until a wide gap.
    func columnWords(_ words: [PlacedWord], header: LayoutSegment, row: [LayoutSegment], column: Int, centred: Bool) -> [PlacedWord] {
        let left: Double
        let right: Double
        if centred {
            left = column > 0 ? (row[column - 1].box.x1 + header.box.x0) / 2 : -Double.infinity
            right = column + 1 < row.count ? (header.box.x1 + row[column + 1].box.x0) / 2 : Double.infinity
        } else {
            left = header.box.x0 - 3
            right = column + 1 < row.count ? row[column + 1].box.x0 - 3 : Double.infinity
        }
        let tableLeft = centred ? -Double.infinity : (row.first?.box.x0 ?? left) - 3
        // The table ends at the first word printed left of its first column, or after a wide gap.
        var end = Double.infinity
        var bottom = header.box.y1
        for word in words {
            if word.box.x0 < tableLeft || word.box.y0 - bottom > 4 * max(word.box.height, 6) {
                end = word.box.y0
                break
            }
            bottom = max(bottom, word.box.y1)
        }
        return words.filter { word in
            guard word.box.y0 < end - 1 else { return false }
            let at = centred ? (word.box.x0 + word.box.x1) / 2 : word.box.x0
            return at >= left && at < right
        }
    }
}
