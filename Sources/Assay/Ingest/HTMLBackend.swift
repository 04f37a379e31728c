internal import CLibXML2
import AssayModel
import Foundation

/// HTML through libxml2's forgiving HTML parser, with the network off and no DTD or entity loading:
/// the visible text in document order, block elements as line breaks, table cells separated by tabs.
struct HTMLBackend: IngestBackend {
    /// Elements whose content is never shown to a reader.
    static let hidden: Set<String> = ["script", "style", "noscript", "template", "head", "iframe", "object", "svg", "canvas"]
    /// Elements that start and end a line of their own.
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "html", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
        "tfoot", "thead", "title", "tr", "ul", "br",
    ]

    func read(_ data: Data, options: IngestOptions) throws -> PagedText {
        assay_xml_silence_errors()
        let parseOptions = Int32(bitPattern: HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue
                                  | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        guard data.count < Int(Int32.max) else { throw DocumentError(.tooLarge, "The HTML page is too large to parse.") }
        let data = Self.blankInternalSubset(data)
        let parsed = data.withUnsafeBytes { raw -> htmlDocPtr? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return htmlReadMemory(base, Int32(raw.count), "assay:document", nil, parseOptions)
        }
        guard let doc = parsed else {
            throw DocumentError(.malformed, "The HTML page could not be parsed.")
        }
        defer { xmlFreeDoc(doc) }
        var collector = LineCollector()
        if let root = xmlDocGetRootElement(doc) {
            walk(root, into: &collector)
        }
        var diagnostics: [Diagnostic] = []
        let texts = PageLimit.clip(collector.finish(), maxCharacters: options.maxCharactersPerPage, page: 1, diagnostics: &diagnostics)
        let lines = GridLines.lines(texts)
        let page = Page(number: 1, width: Double(lines.map(\.box.x1).max() ?? 0), height: Double(lines.count),
                        lines: lines, textLayer: texts.isEmpty ? .none : .native)
        return PagedText(mediaType: .html, pages: [page], diagnostics: diagnostics)
    }

    /// libxml2's HTML parser has no notion of a DOCTYPE internal subset (`<!DOCTYPE html [ … ]>`)
    /// and would show its entity declarations as page text. Nothing in it is ever used (entities are
    /// not expanded), so it is overwritten with spaces before parsing.
    static func blankInternalSubset(_ data: Data) -> Data {
        let head = data.prefix(4096)
        guard let doctype = head.range(of: Data("<!DOCTYPE".utf8)) ?? head.range(of: Data("<!doctype".utf8)),
              let open = data[doctype.upperBound...].firstIndex(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: ">") }),
              data[open] == UInt8(ascii: "["),
              let close = data[open...].range(of: Data("]>".utf8)) ?? data[open...].range(of: Data("]".utf8)) else { return data }
        var copy = data
        copy.replaceSubrange(open..<close.lowerBound + 1, with: Data(repeating: UInt8(ascii: " "), count: close.lowerBound + 1 - open))
        return copy
    }

    /// Depth-first walk with an explicit stack, so deeply nested hostile pages cannot overflow ours.
    private func walk(_ root: xmlNodePtr, into collector: inout LineCollector) {
        var stack: [(node: xmlNodePtr, entering: Bool)] = [(root, true)]
        while let (node, entering) = stack.popLast() {
            let type = node.pointee.type
            if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
                if let content = node.pointee.content { collector.append(String(cString: content)) }
                continue
            }
            guard type == XML_ELEMENT_NODE else { continue }
            let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            if entering {
                if Self.hidden.contains(name) && name != "head" { continue }
                if name == "head" {
                    // Only the title of the head is text a reader sees (in the window title).
                    if let title = firstChild(named: "title", of: node) { stack.append((title, true)) }
                    continue
                }
                if Self.blocks.contains(name) { collector.breakLine() }
                if name == "td" || name == "th" { collector.startCell() }
                if name == "tr" { collector.startRow() }
                stack.append((node, false))
                var children: [xmlNodePtr] = []
                var child = node.pointee.children
                while let current = child {
                    children.append(current)
                    child = current.pointee.next
                }
                for current in children.reversed() { stack.append((current, true)) }
            } else {
                if name == "tr" { collector.endRow() }
                if Self.blocks.contains(name) { collector.breakLine() }
                if name == "img", let alt = attribute("alt", of: node) { collector.append(" \(alt) ") }
            }
        }
    }

    private func firstChild(named wanted: String, of node: xmlNodePtr) -> xmlNodePtr? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE,
               let name = current.pointee.name, String(cString: name).lowercased() == wanted {
                return current
            }
            child = current.pointee.next
        }
        return nil
    }

    private func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { assay_xml_free(value) }
        return String(cString: value)
    }
}

/// Gathers visible text into lines: whitespace folded, table cells of one row joined by tabs.
struct LineCollector {
    private(set) var lines: [String] = []
    private var current = ""
    private var inRow = false
    private var cellsInRow = 0

    mutating func append(_ raw: String) {
        var folded = ""
        var lastWasSpace = current.isEmpty || current.last == " " || current.last == "\t"
        for scalar in raw.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" {
                if !lastWasSpace { folded.unicodeScalars.append(" ") }
                lastWasSpace = true
            } else {
                folded.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        current += folded
    }

    mutating func startRow() {
        breakLine()
        inRow = true
        cellsInRow = 0
    }

    mutating func endRow() {
        inRow = false
        breakLine()
    }

    mutating func startCell() {
        if inRow {
            if cellsInRow > 0 {
                while current.last == " " { current.removeLast() }
                current += "\t"
            }
            cellsInRow += 1
        } else {
            breakLine()
        }
    }

    mutating func breakLine() {
        // Inside a table row, block elements in a cell do not split the row.
        if inRow { if !current.isEmpty && current.last != " " && current.last != "\t" { current += " " }; return }
        let line = current.trimmingCharacters(in: .whitespaces)
        if !line.isEmpty { lines.append(line) }
        current = ""
    }

    mutating func finish() -> [String] {
        inRow = false
        breakLine()
        return lines
    }
}
