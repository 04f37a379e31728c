@testable import Assay
import AssayModel
import Foundation
import XCTest

/// `ContractJSON` prints with its own encoder (`JSONTreeEncoder` + `JSONTreeWriter`); these tests hold it to
/// the exact bytes of Foundation's `JSONEncoder` with the options `ContractJSON` used to give it, pretty
/// and compact, on values chosen to catch each way the two could differ.
final class JSONTreeWriterTests: XCTestCase {
    // MARK: Values

    func testEscapesAndUnicode() throws {
        let controls = String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self)
        try assertSameBytes([
            "", "plain", "quote \" backslash \\ slash / both \\/", "\u{8}\u{C}\n\r\t", controls, "\u{7F}",
            "é, ü, ß, 中文, 😀, \u{2028}\u{2029}, \u{FEFF}", "e\u{301}", "tab\tin the middle", "\\u0041", "\"\"",
            String(repeating: "long text with a \"quote\" now and then ", count: 200),
        ])
        try assertSameBytes("a lone top-level string with \n a newline")
    }

    func testNumbers() throws {
        try assertSameBytes([0.1, 1.0, 1e-7, 123456789.0, -0.0, 0, 1e16, 1e15, 123456789012345680.0, 1e300, 5e-324,
                             .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNormalMagnitude, 0.5, 2.0 / 3, 0.07, 100, -3.25])
        try assertSameBytes([Float(0.1), 1, 1e-7, 3.4e38, -0.0, 16_777_216, 0.3])
        try assertSameBytes([Int.min, Int.max, 0, -1, 9, 10, 99, 100, -10])
        try assertSameBytes([UInt.max, 0, 7])
        try assertSameBytes(Numbers())
        try assertSameBytes(Decimal(string: "12.50"))
        try assertSameBytes([Date(timeIntervalSinceReferenceDate: 1.5), Date(timeIntervalSinceReferenceDate: -86_400)])
        try assertSameBytes(Data([0, 1, 2, 250, 251, 252, 253]))
        try assertSameBytes([URL(string: "https://example.com/a/b?c=d&e=%20")!, URL(fileURLWithPath: "/tmp/x y")])
        try assertSameBytes(true)
        try assertSameBytes(42)
        try assertSameBytes(0.25)
    }

    func testNonFiniteNumbersAreErrors() {
        for value in [Double.nan, .infinity, -.infinity] {
            XCTAssertThrowsError(try ours([value], pretty: false))
            XCTAssertThrowsError(try ours(["key": value], pretty: true))
            XCTAssertThrowsError(try ours(Optional(value), pretty: true))
        }
        XCTAssertThrowsError(try ours([Float.nan], pretty: false))
        XCTAssertEqual(ContractJSON.string([Double.nan], pretty: true), "{}")
    }

    func testKeyOrder() throws {
        // Byte order of UTF-8: upper case before "_" before lower case, "a10" before "a9", "é" after "z".
        let keys = ["a10", "a9", "B", "a", "_x", "é", "z", "A", "ab", "a_b", "aB", "a b", "ｂ", "b", "", "0", "10", "9",
                    "\u{1F600}", "\u{FFFD}", "aa", "a\u{0}"]
        try assertSameBytes(Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, $0.offset) }))
        try assertSameBytes([1: "one", 10: "ten", 2: "two", -1: "minus"])
        try assertSameBytes(KeysOutOfOrder())
    }

    func testEmptyContainersOptionalsAndNesting() throws {
        try assertSameBytes(Shapes())
        try assertSameBytes(Shapes(optional: "set", nested: [[nil, 1], [], nil], doubleOptional: .some(nil), empty: [[:], ["k": []]]))
        try assertSameBytes([[String]]())
        try assertSameBytes([String: Int]())
        try assertSameBytes([[[[[Int]]]]]([[[[[]]]]]))
        try assertSameBytes(EncodesNothing())
        try assertSameBytes([EncodesNothing(), EncodesNothing()])
        try assertSameBytes(["n": EncodesNothing()])
        try assertSameBytes(Optional<Int>.none)
        try assertSameBytes([Optional<String>.none, "x"])
    }

    func testContainerCornerCases() throws {
        try assertSameBytes(NestedContainers())
        try assertSameBytes(SuperEncoders())
        try assertSameBytes(KeyTwice())
        try assertSameBytes(KeyedThenSingle())
        XCTAssertThrowsError(try ours(EncodesNothingAtAll(), pretty: true))
        XCTAssertThrowsError(try JSONEncoder().encode(EncodesNothingAtAll()))
    }

    func testNestingLimit() throws {
        var deep = Nest.leaf
        for _ in 0..<510 { deep = .array([deep]) }
        try assertSameBytes(deep)
        for _ in 0..<5 { deep = .array([deep]) }
        XCTAssertThrowsError(try ours(deep, pretty: false))
        XCTAssertThrowsError(try foundation(deep, pretty: false))
    }

    func testLargeArrays() throws {
        try assertSameBytes((0..<20_000).map { $0 * 7919 - 70_000_000 })
        try assertSameBytes((0..<5_000).map { Double($0) / 7 })
        try assertSameBytes((0..<5_000).map { "item \($0)\n\"\($0 % 3)\"" })
        try assertSameBytes((0..<2_000).map { Evidence(page: $0, quote: "quote \($0)", bbox: $0 % 2 == 0 ? [0.5, 1, 2.25, 3] : nil) })
    }

    /// Random trees of objects, arrays and leaves, with keys and strings drawn from awkward characters.
    func testRandomTrees() throws {
        var random = SplitMix(seed: 20_261_201)
        var nodes = 0
        for _ in 0..<300 {
            let tree = Nest.object((0..<8).reduce(into: [:]) { members, _ in members[Nest.randomString(&random)] = Nest.random(&random, depth: 0) })
            nodes += tree.count
            try assertSameBytes(tree)
        }
        XCTAssertGreaterThan(nodes, 10_000, "the random trees should not be trivial")
    }

    /// Every golden corpus output, read back and printed by both encoders; the pretty form is also the golden file.
    func testGoldenDocuments() throws {
        let folder = GoldenTests.goldenDirectory.appendingPathComponent("corpus")
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" } ?? []
        XCTAssertGreaterThanOrEqual(files.count, 40)
        var documents: [AssayDocument] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            let data = try Data(contentsOf: file)
            let document = try ContractJSON.decodeDocument(data)
            try assertSameBytes(document, file.lastPathComponent)
            XCTAssertEqual(Data(try ours(document, pretty: true) + [0x0A]), data, file.lastPathComponent)
            documents.append(document)
        }
        try assertSameBytes(documents, "all documents in one array")
    }

    /// A long report's controls are printed on two threads and spliced into the document; the bytes must be
    /// those of printing it whole (and Foundation's), also when a text holds what the splice looks for.
    func testLongDocumentsPrintTheirControlsApartWithTheSameBytes() throws {
        let folder = GoldenTests.goldenDirectory.appendingPathComponent("corpus")
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path } ?? []
        let withControls = try files.lazy.map { try ContractJSON.decodeDocument(Data(contentsOf: $0)) }.first { !$0.controls.isEmpty }
        var document = try XCTUnwrap(withControls)
        let tricky = "\n  \"controls\" : [\n\n  ]"
        document.controls = (0..<(DocumentControls.parallelFrom + 45)).map { index in
            var control = document.controls[index % document.controls.count]
            control.controlID = "C-\(index)"
            if index % 50 == 7 { control.text = tricky }
            return control
        }
        document.fields["system_name"]?.evidence.append(Evidence(page: 1, quote: tricky))
        let spliced = try ContractJSON.encode(document, pretty: true)
        XCTAssertEqual(spliced, Data(try ours(document, pretty: true)))
        XCTAssertEqual(spliced, try foundation(document, pretty: true))
        // Compact output is printed whole.
        XCTAssertEqual(try ContractJSON.encode(document, pretty: false), try foundation(document, pretty: false))
    }

    // MARK: Helpers

    private func ours<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
        try JSONTreeWriter.bytes(JSONTreeEncoder.tree(value), pretty: pretty)
    }

    private func foundation<T: Encodable>(_ value: T, pretty: Bool) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    private func assertSameBytes<T: Encodable>(_ value: T, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) throws {
        for pretty in [true, false] {
            let expected = try foundation(value, pretty: pretty)
            let actual = Data(try JSONTreeWriter.bytes(JSONTreeEncoder.tree(value), pretty: pretty))
            if actual != expected {
                let a = [UInt8](actual), e = [UInt8](expected)
                let index = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
                let context = { (bytes: [UInt8]) in String(decoding: bytes[max(0, index - 60)..<min(bytes.count, index + 60)], as: UTF8.self) }
                XCTFail("\(message) pretty=\(pretty): first difference at byte \(index) of \(e.count)\n"
                        + "Foundation: \(context(e).debugDescription)\nours:       \(context(a).debugDescription)",
                        file: file, line: line)
            }
            XCTAssertEqual(ContractJSON.string(value, pretty: pretty), String(decoding: expected, as: UTF8.self), message, file: file, line: line)
        }
    }
}

// MARK: - Test values

private struct Numbers: Encodable {
    var int8 = Int8.min, int16 = Int16.max, int32 = Int32.min, int64 = Int64.min
    var uint8 = UInt8.max, uint16 = UInt16.max, uint32 = UInt32.max, uint64 = UInt64.max
    var float: Float = 2.5, double = 1e-7, optionalDouble: Double? = 0.1, missing: Double? = nil
}

/// Coding keys declared in an order unlike the sorted one, some renamed.
private struct KeysOutOfOrder: Encodable {
    var zulu = 1, alpha = 2, mike = 3, item10 = 10, item9 = 9, upper = "U"
    enum CodingKeys: String, CodingKey {
        case zulu, alpha, mike, item10 = "item10", item9 = "item9", upper = "Upper"
    }
}

private struct Shapes: Encodable {
    var optional: String?
    var nested: [[Int?]?] = []
    var doubleOptional: String?? = nil
    var empty: [[String: [Int]]] = []
    var emptyObject: [String: String] = [:]
    var emptyArray: [Bool] = []
    var explicitNull: Int? = nil

    enum CodingKeys: String, CodingKey { case optional, nested, doubleOptional, empty, emptyObject, emptyArray, explicitNull }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(optional, forKey: .optional)
        try c.encode(nested, forKey: .nested)
        try c.encode(doubleOptional, forKey: .doubleOptional)
        try c.encode(empty, forKey: .empty)
        try c.encode(emptyObject, forKey: .emptyObject)
        try c.encode(emptyArray, forKey: .emptyArray)
        try c.encode(explicitNull, forKey: .explicitNull)
    }
}

/// Asks for a keyed container and encodes nothing: `{}`.
private struct EncodesNothing: Encodable {
    enum CodingKeys: CodingKey { case unused }
    func encode(to encoder: Encoder) throws { _ = encoder.container(keyedBy: CodingKeys.self) }
}

/// Asks for no container at all: an object inside a container, an error at the top.
private struct EncodesNothingAtAll: Encodable {
    func encode(to encoder: Encoder) throws {}
}

private struct NestedContainers: Encodable {
    enum Outer: String, CodingKey { case b, a, list }
    enum Inner: String, CodingKey { case y, x }
    func encode(to encoder: Encoder) throws {
        var outer = encoder.container(keyedBy: Outer.self)
        var inner = outer.nestedContainer(keyedBy: Inner.self, forKey: .b)
        try inner.encode(1, forKey: .y)
        var again = outer.nestedContainer(keyedBy: Inner.self, forKey: .b) // the same object
        try again.encode("x", forKey: .x)
        var list = outer.nestedUnkeyedContainer(forKey: .list)
        try list.encode(1)
        var row = list.nestedContainer(keyedBy: Inner.self)
        try row.encode(true, forKey: .x)
        var cells = list.nestedUnkeyedContainer()
        try cells.encode("cell")
        try cells.encodeNil()
        try outer.encode(2.5, forKey: .a)
    }
}

private struct SuperEncoders: Encodable {
    enum Keys: String, CodingKey { case base, own, list }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode("own", forKey: .own)
        try [1, 2].encode(to: c.superEncoder(forKey: .base))
        try "default super".encode(to: c.superEncoder())
        var list = c.nestedUnkeyedContainer(forKey: .list)
        try list.encode("first")
        try 2.5.encode(to: list.superEncoder())
        try list.encode("third")
        var same = encoder.container(keyedBy: Keys.self) // the same object again
        try same.encodeNil(forKey: .base)
    }
}

/// The same key encoded twice: the last value is printed, as from Foundation's dictionary.
private struct KeyTwice: Encodable {
    enum Keys: String, CodingKey { case a, b }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(1, forKey: .a)
        try c.encode("b", forKey: .b)
        try c.encode([2, 3], forKey: .a)
    }
}

/// A value encoded through a single-value container that is itself keyed: Foundation nests nothing.
private struct KeyedThenSingle: Encodable {
    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(KeysOutOfOrder())
    }
}

/// A JSON-like tree encoded through every kind of container.
private indirect enum Nest: Encodable {
    case leaf
    case string(String)
    case double(Double)
    case int(Int)
    case bool(Bool)
    case null
    case array([Nest])
    case object([String: Nest])
    case optional(String?)

    func encode(to encoder: Encoder) throws {
        switch self {
        case .leaf: var c = encoder.singleValueContainer(); try c.encode("leaf")
        case .string(let value): try value.encode(to: encoder)
        case .double(let value): var c = encoder.singleValueContainer(); try c.encode(value)
        case .int(let value): var c = encoder.singleValueContainer(); try c.encode(value)
        case .bool(let value): var c = encoder.singleValueContainer(); try c.encode(value)
        case .null: var c = encoder.singleValueContainer(); try c.encodeNil()
        case .array(let items):
            var c = encoder.unkeyedContainer()
            for item in items { try c.encode(item) }
        case .object(let members): try members.encode(to: encoder)
        case .optional(let value): try value.encode(to: encoder)
        }
    }

    var count: Int {
        switch self {
        case .array(let items): return 1 + items.reduce(0) { $0 + $1.count }
        case .object(let members): return 1 + members.values.reduce(0) { $0 + $1.count }
        default: return 1
        }
    }

    static func random(_ random: inout SplitMix, depth: Int) -> Nest {
        let pick = random.next(depth > 5 ? 7 : 11)
        switch pick {
        case 0: return .string(randomString(&random))
        case 1: return .double(randomDouble(&random))
        case 2: return .int(Int(bitPattern: UInt(random.next(UInt64.max))) >> Int(random.next(64)))
        case 3: return .bool(random.next(2) == 0)
        case 4: return .null
        case 5: return .optional(random.next(2) == 0 ? nil : randomString(&random))
        case 6: return .leaf
        case 7, 8: return .array((0..<Int(random.next(6))).map { _ in Nest.random(&random, depth: depth + 1) })
        default:
            var members: [String: Nest] = [:]
            for _ in 0..<Int(random.next(8)) { members[randomString(&random)] = Nest.random(&random, depth: depth + 1) }
            return .object(members)
        }
    }

    static let pieces = ["a", "B", "_", "10", "9", " ", "é", "e\u{301}", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}",
                         "ｂ", "😀", "中", "\u{2028}", "key", "Key", "0"]

    static func randomString(_ random: inout SplitMix) -> String {
        (0..<Int(random.next(5))).map { _ in pieces[Int(random.next(UInt64(pieces.count)))] }.joined()
    }

    static func randomDouble(_ random: inout SplitMix) -> Double {
        switch random.next(4) {
        case 0: return Double(Int(random.next(2_000_001)) - 1_000_000) / 100
        case 1: return Double(random.next(1000)) / 100 // confidences
        case 2: return Double(Int(random.next(200_001)) - 100_000)
        default:
            let value = Double(bitPattern: random.next(UInt64.max))
            return value.isFinite ? value : 0
        }
    }
}

/// A small deterministic random source, so a failure can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return bound == UInt64.max ? z : z % bound
    }
}
