/// The JSON values a `JSONTreeEncoder` has encoded: every node in one array, linked to its parent and
/// its next sibling, and every string's and key's UTF-8 bytes in one byte array.
///
/// Built this way, encoding a document makes no object per value and printing it takes no reference
/// counts: a container is a node whose children are appended in the order they are encoded, and a
/// nested container or a `superEncoder` is only a node filled in later.
final class JSONTree {
    enum Kind: UInt8 {
        /// Not yet encoded; printed as `{}` (Foundation's value for a value that encoded nothing).
        case empty
        case null, bool, int, uint, double, float
        /// Bytes in `text` printed as they are (`Decimal`, 128-bit integers).
        case number
        case string, array, object
    }

    struct Node {
        var kind: Kind = .empty
        /// The container this node is in; -1 for the root.
        var parent: Int32
        /// The next node in the same container; -1 for the last.
        var next: Int32 = -1
        /// Object members only: the key's bytes in `text`.
        var keyCount: Int32 = 0
        var keyStart: Int = 0
        /// An integer, the bit pattern of a float, `text` start, or a container's first child.
        var payload: Int64 = 0
        /// `text` length, or a container's last child.
        var extra: Int = 0
        /// A container's number of children.
        var count: Int32 = 0
    }

    @exclusivity(unchecked) var nodes: [Node] = []
    @exclusivity(unchecked) var text: [UInt8] = []

    init() {
        nodes.reserveCapacity(1024)
        text.reserveCapacity(1 << 16)
        nodes.append(Node(parent: -1))
    }

    static let root: Int32 = 0

    // MARK: Building

    /// A new child of `container` holding `kind`/`payload`/`extra`, under `key` when the container is an object.
    @discardableResult
    func append(to container: Int32, key: String?, kind: Kind = .empty, payload: Int64 = 0, extra: Int = 0) -> Int32 {
        let index = Int32(truncatingIfNeeded: nodes.count)
        var node = Node(kind: kind, parent: container, payload: payload, extra: extra)
        if let key {
            node.keyStart = text.count
            appendText(key)
            node.keyCount = Int32(truncatingIfNeeded: text.count - node.keyStart)
        }
        nodes.append(node)
        let c = Int(container)
        if nodes[c].count == 0 {
            nodes[c].payload = Int64(index)
        } else {
            nodes[nodes[c].extra].next = index
        }
        nodes[c].extra = Int(index)
        nodes[c].count += 1
        return index
    }

    func appendString(to container: Int32, key: String?, _ value: String) {
        let start = text.count
        appendText(value)
        append(to: container, key: key, kind: .string, payload: Int64(start), extra: text.count - start)
    }

    func appendNumber(to container: Int32, key: String?, _ value: String) {
        let start = text.count
        appendText(value)
        append(to: container, key: key, kind: .number, payload: Int64(start), extra: text.count - start)
    }

    /// Makes `slot` hold `kind` and `payload`/`extra` (a leaf), forgetting what it held.
    func set(_ slot: Int32, kind: Kind, payload: Int64 = 0, extra: Int = 0) {
        let s = Int(slot)
        nodes[s].kind = kind
        nodes[s].payload = payload
        nodes[s].extra = extra
        nodes[s].count = 0
    }

    func setString(_ slot: Int32, _ value: String) {
        let start = text.count
        appendText(value)
        set(slot, kind: .string, payload: Int64(start), extra: text.count - start)
    }

    func setNumber(_ slot: Int32, _ value: String) {
        let start = text.count
        appendText(value)
        set(slot, kind: .number, payload: Int64(start), extra: text.count - start)
    }

    /// Makes `slot` a container of `kind` unless it is one already (Foundation hands back the same
    /// container when one is asked for twice at the same place).
    func makeContainer(_ slot: Int32, _ kind: Kind) {
        if nodes[Int(slot)].kind != kind { set(slot, kind: kind) }
    }

    private func appendText(_ string: String) {
        var string = string
        string.withUTF8 { text.append(contentsOf: $0) }
    }

    // MARK: Reading

    func kind(_ slot: Int32) -> Kind { nodes[Int(slot)].kind }

    func count(_ slot: Int32) -> Int { Int(nodes[Int(slot)].count) }

    /// The last member of `object` under `key`, if there is one.
    func member(of object: Int32, key: String) -> Int32? {
        var found: Int32?
        var child = nodes[Int(object)].count > 0 ? Int32(truncatingIfNeeded: nodes[Int(object)].payload) : -1
        let keyBytes = Array(key.utf8)
        while child >= 0 {
            let node = nodes[Int(child)]
            if Int(node.keyCount) == keyBytes.count, text[node.keyStart..<node.keyStart + keyBytes.count].elementsEqual(keyBytes) {
                found = child
            }
            child = node.next
        }
        return found
    }

    /// The coding path of `slot` (for error messages): the keys of object members and the positions
    /// of array elements from the root down.
    func codingPath(_ slot: Int32) -> [any CodingKey] {
        var path: [any CodingKey] = []
        var current = slot
        while current > 0 {
            let node = nodes[Int(current)]
            let parent = node.parent
            if nodes[Int(parent)].kind == .object {
                path.append(JSONPathKey(stringValue: String(decoding: text[node.keyStart..<node.keyStart + Int(node.keyCount)], as: UTF8.self)))
            } else {
                var index = 0
                var sibling = Int32(truncatingIfNeeded: nodes[Int(parent)].payload)
                while sibling != current && sibling >= 0 {
                    index += 1
                    sibling = nodes[Int(sibling)].next
                }
                path.append(JSONPathKey(index))
            }
            current = parent
        }
        return path.reversed()
    }
}

/// A key in a coding path built back from a `JSONTree`: an object key, or an array position named
/// "Index 3" as Foundation names it.
struct JSONPathKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(_ index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init?(intValue: Int) { self.init(intValue) }
}
