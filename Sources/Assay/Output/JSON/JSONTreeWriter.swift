import Foundation

/// Prints a `JSONTree` as Foundation's `JSONEncoder` prints the same value with `.sortedKeys` and
/// `.withoutEscapingSlashes`, with or without `.prettyPrinted`, byte for byte.
///
/// What has to match (swift-foundation's `JSONWriter`; `JSONTreeWriterTests` compares the two):
/// - keys sort by their UTF-8 bytes (`"B" < "_x" < "a" < "a10" < "a9"`), not by locale or number,
///   and a key encoded twice prints its last value once;
/// - pretty output indents two spaces a level, writes `"key" : value`, and an empty array or object
///   as the bracket, two newlines, the indent and the closing bracket;
/// - strings escape `"` and `\`, `\b \f \n \r \t`, and other bytes below 0x20 as `\u00xx` in lower-case
///   hex; everything else, `/`, DEL and all non-ASCII, is written as its UTF-8 bytes;
/// - a `Double` or `Float` is its `description` without a trailing ".0" (`1`, `0.1`, `1e-07`, `1e+16`);
/// - containers nested 512 deep are an error.
struct JSONTreeWriter {
    private var out: [UInt8] = []
    private let pretty: Bool
    private var indent = 0
    private let nodes: UnsafeBufferPointer<JSONTree.Node>
    private let text: UnsafeBufferPointer<UInt8>
    /// The members of the objects being printed, each object's sorted in place above its parent's.
    private var members: [Int32] = []

    private static let maximumDepth = 512

    private init(nodes: UnsafeBufferPointer<JSONTree.Node>, text: UnsafeBufferPointer<UInt8>, pretty: Bool, indent: Int) {
        self.nodes = nodes
        self.text = text
        self.pretty = pretty
        self.indent = indent
        // About the printed size, so the buffer seldom grows: 20 bytes a node, and the text.
        out.reserveCapacity(nodes.count * (pretty ? 24 : 12) + text.count + text.count / 16)
    }

    /// `tree` printed; pretty output as if the tree stood `indent` levels deep (its first line unindented).
    static func bytes(_ tree: JSONTree, pretty: Bool, indent: Int = 0) throws -> [UInt8] {
        try tree.nodes.withUnsafeBufferPointer { nodes in
            try tree.text.withUnsafeBufferPointer { text in
                var writer = JSONTreeWriter(nodes: nodes, text: text, pretty: pretty, indent: indent)
                try writer.write(JSONTree.root, depth: 0)
                return writer.out
            }
        }
    }

    private mutating func write(_ index: Int32, depth: Int) throws {
        let node = nodes[Int(index)]
        switch node.kind {
        case .null: append("null")
        case .bool: node.payload != 0 ? append("true") : append("false")
        case .int: writeInteger(node.payload.magnitude, negative: node.payload < 0)
        case .uint: writeInteger(UInt64(bitPattern: node.payload), negative: false)
        case .double: writeFloatingPoint(Double(bitPattern: UInt64(bitPattern: node.payload)).description)
        case .float: writeFloatingPoint(Float(bitPattern: UInt32(truncatingIfNeeded: node.payload)).description)
        case .number: out.append(contentsOf: UnsafeBufferPointer(rebasing: text[Int(node.payload)..<Int(node.payload) + node.extra]))
        case .string: writeString(Int(node.payload), node.extra)
        case .array: try writeArray(node, depth: depth + 1)
        case .object: try writeObject(node, depth: depth + 1)
        case .empty: try writeObject(JSONTree.Node(kind: .object, parent: -1), depth: depth + 1)
        }
    }

    // MARK: Containers

    private mutating func writeArray(_ array: JSONTree.Node, depth: Int) throws {
        guard depth < Self.maximumDepth else { throw tooDeep() }
        out.append(UInt8(ascii: "["))
        if pretty {
            indent += 1
            out.append(UInt8(ascii: "\n"))
        }
        var child = array.count > 0 ? Int32(truncatingIfNeeded: array.payload) : -1
        var first = true
        while child >= 0 {
            if !first {
                out.append(UInt8(ascii: ","))
                if pretty { out.append(UInt8(ascii: "\n")) }
            }
            first = false
            if pretty { writeIndent() }
            try write(child, depth: depth)
            child = nodes[Int(child)].next
        }
        if pretty {
            indent -= 1
            out.append(UInt8(ascii: "\n"))
            writeIndent()
        }
        out.append(UInt8(ascii: "]"))
    }

    private mutating func writeObject(_ object: JSONTree.Node, depth: Int) throws {
        guard depth < Self.maximumDepth else { throw tooDeep() }
        let start = members.count
        defer { members.removeSubrange(start...) }
        var child = object.count > 0 ? Int32(truncatingIfNeeded: object.payload) : -1
        while child >= 0 {
            members.append(child)
            child = nodes[Int(child)].next
        }
        sortMembers(from: start)

        out.append(UInt8(ascii: "{"))
        if pretty {
            indent += 1
            out.append(UInt8(ascii: "\n"))
        }
        var position = start
        var first = true
        while position < members.count {
            let member = members[position]
            position += 1
            if position < members.count, compareKeys(member, members[position]) == 0 { continue } // a later value wins
            if !first {
                out.append(UInt8(ascii: ","))
                if pretty { out.append(UInt8(ascii: "\n")) }
            }
            first = false
            if pretty { writeIndent() }
            let node = nodes[Int(member)]
            writeString(node.keyStart, Int(node.keyCount))
            if pretty { append(" : ") } else { out.append(UInt8(ascii: ":")) }
            try write(member, depth: depth)
        }
        if pretty {
            indent -= 1
            out.append(UInt8(ascii: "\n"))
            writeIndent()
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Sorts `members[start...]` by key, keeping equal keys in the order they were encoded. An insertion
    /// sort: objects have few keys, and it is stable, which puts the last value of a repeated key last.
    private mutating func sortMembers(from start: Int) {
        guard members.count - start > 1 else { return }
        for i in (start + 1)..<members.count {
            let member = members[i]
            var j = i
            while j > start, compareKeys(members[j - 1], member) > 0 {
                members[j] = members[j - 1]
                j -= 1
            }
            if j != i { members[j] = member }
        }
    }

    /// Negative, zero or positive as the key of node `a` sorts before, equal to or after that of `b`
    /// (by UTF-8 bytes).
    @inline(__always)
    private func compareKeys(_ a: Int32, _ b: Int32) -> Int {
        let na = nodes[Int(a)], nb = nodes[Int(b)]
        let ca = Int(na.keyCount), cb = Int(nb.keyCount)
        let common = min(ca, cb)
        if common > 0, let base = text.baseAddress {
            let order = memcmp(base + na.keyStart, base + nb.keyStart, common)
            if order != 0 { return Int(order) }
        }
        return ca - cb
    }

    // MARK: Leaves

    private mutating func writeIndent() {
        var remaining = indent * 2
        while remaining > 0 {
            let count = min(remaining, Self.spaces.count)
            Self.spaces.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<count])) }
            remaining -= count
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    private mutating func append(_ literal: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    private mutating func writeInteger(_ magnitude: UInt64, negative: Bool) {
        if negative { out.append(UInt8(ascii: "-")) }
        if magnitude < 10 {
            out.append(UInt8(ascii: "0") &+ UInt8(magnitude))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0) // room for UInt64.max's 20 digits
        var rest = magnitude
        withUnsafeMutableBytes(of: &digits) { buffer in
            var position = buffer.count
            while rest > 0 {
                position -= 1
                buffer[position] = UInt8(ascii: "0") &+ UInt8(rest % 10)
                rest /= 10
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[position...]))
        }
    }

    /// `Double` and `Float` as Foundation prints them: `description`, dropping a final ".0".
    private mutating func writeFloatingPoint(_ description: String) {
        var description = description
        description.withUTF8 { utf8 in
            var count = utf8.count
            if count >= 2, utf8[count - 2] == UInt8(ascii: "."), utf8[count - 1] == UInt8(ascii: "0") { count -= 2 }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[0..<count]))
        }
    }

    private mutating func writeString(_ start: Int, _ count: Int) {
        out.append(UInt8(ascii: "\""))
        var run = start
        let end = start + count
        for index in start..<end {
            let byte = text[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if index > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<index])) }
            run = index + 1
            out.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            default:
                append("u00")
                out.append(Self.hexDigit(byte >> 4))
                out.append(Self.hexDigit(byte & 0x0F))
            }
        }
        if end > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<end])) }
        out.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") &+ value : UInt8(ascii: "a") &+ (value &- 10)
    }

    private func tooDeep() -> EncodingError {
        EncodingError.invalidValue(0, .init(codingPath: [], debugDescription: "Unable to encode the given top-level value to JSON."))
    }
}
