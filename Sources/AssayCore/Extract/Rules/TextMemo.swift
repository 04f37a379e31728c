import Foundation

/// A lock-guarded memo of one reading per text, emptied when it grows past `limit` texts (a long batch in
/// one process). Table cells repeat from control to control ("No exceptions noted.", the same inquiry), and
/// reading one runs several patterns.
///
/// A reading is reused only for the same UTF-8 bytes: String equality also joins canonically equal texts
/// (a precomposed and a decomposed "é"), which patterns, and UTF-16 offsets, tell apart.
final class TextMemo<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: (text: String, value: Value)] = [:]
    private let limit = 50_000

    func value(_ text: String, _ read: () -> Value) -> Value {
        if let known = lock.withLock({ values[text] }) {
            if known.text.utf8.elementsEqual(text.utf8) { return known.value }
            return read()
        }
        let found = read()
        lock.withLock {
            if values.count >= limit { values.removeAll() }
            values[text] = (text, found)
        }
        return found
    }
}
