import Foundation

/// An `Encoder` that records a value's `Codable` encoding in a `JSONTree`, for `JSONTreeWriter` to
/// print with the bytes of Foundation's `JSONEncoder` (default strategies).
///
/// It treats values as `JSONEncoder` does, in the same places: `Data` becomes Base64, `URL` its
/// `absoluteString`, `Decimal` its `description`; `Date` encodes itself (seconds since 2001); a value
/// that encodes nothing is `{}` (and an error at the top); a non-finite `Double` or `Float` is an
/// error. The encoder is only a place in the tree, so handing it to a value allocates nothing; the
/// common leaf types skip their own `encode(to:)`.
struct JSONTreeEncoder: Encoder {
    let tree: JSONTree
    /// The node this encoder's value goes into.
    let slot: Int32

    /// `value` encoded into a new tree, or the error `JSONEncoder` throws for it.
    static func tree<T: Encodable>(_ value: T) throws -> JSONTree {
        let tree = JSONTree()
        try tree.set(JSONTree.root, value, nothingIsObject: false)
        guard tree.kind(JSONTree.root) != .empty else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        return tree
    }

    var codingPath: [any CodingKey] { tree.codingPath(slot) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        tree.makeContainer(slot, .object)
        return KeyedEncodingContainer(JSONTreeKeyedContainer(tree: tree, object: slot))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        tree.makeContainer(slot, .array)
        return JSONTreeUnkeyedContainer(tree: tree, array: slot)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }
}

// MARK: - Leaves

extension JSONTree {
    /// Appends `value` to `container` under `key`: the leaf types directly, anything else through its
    /// `encode(to:)` into a new node.
    func append<T: Encodable>(_ value: T, to container: Int32, key: String?) throws {
        if T.self == String.self { return appendString(to: container, key: key, unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self {
            append(to: container, key: key, kind: .int, payload: Int64(unsafeBitCast(value, to: Int.self)))
            return
        }
        if T.self == Double.self { return try appendDouble(unsafeBitCast(value, to: Double.self), to: container, key: key) }
        if T.self == Bool.self {
            append(to: container, key: key, kind: .bool, payload: unsafeBitCast(value, to: Bool.self) ? 1 : 0)
            return
        }
        let slot = append(to: container, key: key)
        if !setFoundationSpecial(slot, value) { try value.encode(to: JSONTreeEncoder(tree: self, slot: slot)) }
    }

    func appendDouble(_ value: Double, to container: Int32, key: String?) throws {
        let slot = append(to: container, key: key, kind: .double, payload: Int64(bitPattern: value.bitPattern))
        guard value.isFinite else { throw nonConforming(value, at: slot) }
    }

    func appendFloat(_ value: Float, to container: Int32, key: String?) throws {
        let slot = append(to: container, key: key, kind: .float, payload: Int64(value.bitPattern))
        guard value.isFinite else { throw nonConforming(value, at: slot) }
    }

    /// Sets `slot` to `value`, which is encoded in place (Foundation's single-value container does not
    /// start a new level for it); a value that encodes nothing is `{}` there, and at the top an error.
    func set<T: Encodable>(_ slot: Int32, _ value: T, nothingIsObject: Bool = true) throws {
        if T.self == String.self { return setString(slot, unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self { return set(slot, kind: .int, payload: Int64(unsafeBitCast(value, to: Int.self))) }
        if T.self == Double.self { return try setDouble(slot, unsafeBitCast(value, to: Double.self)) }
        if T.self == Bool.self { return set(slot, kind: .bool, payload: unsafeBitCast(value, to: Bool.self) ? 1 : 0) }
        if setFoundationSpecial(slot, value) { return }
        try value.encode(to: JSONTreeEncoder(tree: self, slot: slot))
        if nothingIsObject, kind(slot) == .empty { makeContainer(slot, .object) }
    }

    func setDouble(_ slot: Int32, _ value: Double) throws {
        guard value.isFinite else { throw nonConforming(value, at: slot) }
        set(slot, kind: .double, payload: Int64(bitPattern: value.bitPattern))
    }

    func setFloat(_ slot: Int32, _ value: Float) throws {
        guard value.isFinite else { throw nonConforming(value, at: slot) }
        set(slot, kind: .float, payload: Int64(value.bitPattern))
    }

    /// The types `JSONEncoder` does not let encode themselves (with its default strategies).
    private func setFoundationSpecial<T: Encodable>(_ slot: Int32, _ value: T) -> Bool {
        if T.self == Data.self {
            setString(slot, unsafeBitCast(value, to: Data.self).base64EncodedString())
        } else if T.self == URL.self {
            setString(slot, unsafeBitCast(value, to: URL.self).absoluteString)
        } else if T.self == Decimal.self {
            setNumber(slot, unsafeBitCast(value, to: Decimal.self).description)
        } else {
            return false
        }
        return true
    }

    private func nonConforming<F: BinaryFloatingPoint>(_ value: F, at slot: Int32) -> EncodingError {
        EncodingError.invalidValue(value, .init(codingPath: codingPath(slot), debugDescription: "Unable to encode \(F.self).\(value) directly in JSON."))
    }
}

// MARK: - Single value

extension JSONTreeEncoder: SingleValueEncodingContainer {
    func encodeNil() throws { tree.set(slot, kind: .null) }
    func encode(_ value: Bool) throws { tree.set(slot, kind: .bool, payload: value ? 1 : 0) }
    func encode(_ value: String) throws { tree.setString(slot, value) }
    func encode(_ value: Double) throws { try tree.setDouble(slot, value) }
    func encode(_ value: Float) throws { try tree.setFloat(slot, value) }
    func encode(_ value: Int) throws { tree.set(slot, kind: .int, payload: Int64(value)) }
    func encode(_ value: Int8) throws { tree.set(slot, kind: .int, payload: Int64(value)) }
    func encode(_ value: Int16) throws { tree.set(slot, kind: .int, payload: Int64(value)) }
    func encode(_ value: Int32) throws { tree.set(slot, kind: .int, payload: Int64(value)) }
    func encode(_ value: Int64) throws { tree.set(slot, kind: .int, payload: value) }
    func encode(_ value: UInt) throws { tree.set(slot, kind: .uint, payload: Int64(bitPattern: UInt64(value))) }
    func encode(_ value: UInt8) throws { tree.set(slot, kind: .uint, payload: Int64(value)) }
    func encode(_ value: UInt16) throws { tree.set(slot, kind: .uint, payload: Int64(value)) }
    func encode(_ value: UInt32) throws { tree.set(slot, kind: .uint, payload: Int64(value)) }
    func encode(_ value: UInt64) throws { tree.set(slot, kind: .uint, payload: Int64(bitPattern: value)) }
    @available(macOS 15.0, *)
    func encode(_ value: Int128) throws { tree.setNumber(slot, value.description) }
    @available(macOS 15.0, *)
    func encode(_ value: UInt128) throws { tree.setNumber(slot, value.description) }
    func encode<T: Encodable>(_ value: T) throws { try tree.set(slot, value) }
}

// MARK: - Keyed

struct JSONTreeKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let tree: JSONTree
    let object: Int32

    var codingPath: [any CodingKey] { tree.codingPath(object) }

    private func add(_ key: Key, _ kind: JSONTree.Kind, _ payload: Int64) {
        tree.append(to: object, key: key.stringValue, kind: kind, payload: payload)
    }

    mutating func encodeNil(forKey key: Key) throws { add(key, .null, 0) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(key, .bool, value ? 1 : 0) }
    mutating func encode(_ value: String, forKey key: Key) throws { tree.appendString(to: object, key: key.stringValue, value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try tree.appendDouble(value, to: object, key: key.stringValue) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try tree.appendFloat(value, to: object, key: key.stringValue) }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(key, .int, Int64(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { add(key, .int, Int64(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { add(key, .int, Int64(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { add(key, .int, Int64(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { add(key, .int, value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { add(key, .uint, Int64(bitPattern: UInt64(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { add(key, .uint, Int64(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { add(key, .uint, Int64(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { add(key, .uint, Int64(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { add(key, .uint, Int64(bitPattern: value)) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: Int128, forKey key: Key) throws { tree.appendNumber(to: object, key: key.stringValue, value.description) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: UInt128, forKey key: Key) throws { tree.appendNumber(to: object, key: key.stringValue, value.description) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try tree.append(value, to: object, key: key.stringValue)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(JSONTreeKeyedContainer<NestedKey>(tree: tree, object: nested(.object, key.stringValue)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        JSONTreeUnkeyedContainer(tree: tree, array: nested(.array, key.stringValue))
    }

    /// The container of `kind` under `key`: the one already there (Foundation returns it again), or a new one.
    private func nested(_ kind: JSONTree.Kind, _ key: String) -> Int32 {
        if let existing = tree.member(of: object, key: key), tree.kind(existing) == kind { return existing }
        let slot = tree.append(to: object, key: key)
        tree.makeContainer(slot, kind)
        return slot
    }

    mutating func superEncoder() -> any Encoder {
        JSONTreeEncoder(tree: tree, slot: tree.append(to: object, key: "super"))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        JSONTreeEncoder(tree: tree, slot: tree.append(to: object, key: key.stringValue))
    }
}

// MARK: - Unkeyed

struct JSONTreeUnkeyedContainer: UnkeyedEncodingContainer {
    let tree: JSONTree
    let array: Int32

    var codingPath: [any CodingKey] { tree.codingPath(array) }
    var count: Int { tree.count(array) }

    private func add(_ kind: JSONTree.Kind, _ payload: Int64) { tree.append(to: array, key: nil, kind: kind, payload: payload) }

    mutating func encodeNil() throws { add(.null, 0) }
    mutating func encode(_ value: Bool) throws { add(.bool, value ? 1 : 0) }
    mutating func encode(_ value: String) throws { tree.appendString(to: array, key: nil, value) }
    mutating func encode(_ value: Double) throws { try tree.appendDouble(value, to: array, key: nil) }
    mutating func encode(_ value: Float) throws { try tree.appendFloat(value, to: array, key: nil) }
    mutating func encode(_ value: Int) throws { add(.int, Int64(value)) }
    mutating func encode(_ value: Int8) throws { add(.int, Int64(value)) }
    mutating func encode(_ value: Int16) throws { add(.int, Int64(value)) }
    mutating func encode(_ value: Int32) throws { add(.int, Int64(value)) }
    mutating func encode(_ value: Int64) throws { add(.int, value) }
    mutating func encode(_ value: UInt) throws { add(.uint, Int64(bitPattern: UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { add(.uint, Int64(value)) }
    mutating func encode(_ value: UInt16) throws { add(.uint, Int64(value)) }
    mutating func encode(_ value: UInt32) throws { add(.uint, Int64(value)) }
    mutating func encode(_ value: UInt64) throws { add(.uint, Int64(bitPattern: value)) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: Int128) throws { tree.appendNumber(to: array, key: nil, value.description) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: UInt128) throws { tree.appendNumber(to: array, key: nil, value.description) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try tree.append(value, to: array, key: nil)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let slot = tree.append(to: array, key: nil)
        tree.makeContainer(slot, .object)
        return KeyedEncodingContainer(JSONTreeKeyedContainer<NestedKey>(tree: tree, object: slot))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let slot = tree.append(to: array, key: nil)
        tree.makeContainer(slot, .array)
        return JSONTreeUnkeyedContainer(tree: tree, array: slot)
    }

    mutating func superEncoder() -> any Encoder {
        JSONTreeEncoder(tree: tree, slot: tree.append(to: array, key: nil))
    }
}
