import Foundation

/// A lock-guarded memo of one reading per text, emptied when it grows past `limit` texts (a long batch in
/// one process). Table cells repeat from control to control ("No exceptions noted.", the same inquiry), and
/// reading one runs several patterns.
final class TextMemo<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Value] = [:]
    private let limit = 50_000

    func value(_ text: String, _ read: () -> Value) -> Value {
        if let known = lock.withLock({ values[text] }) { return known }
        let found = read()
        lock.withLock {
            if values.count >= limit { values.removeAll() }
            values[text] = found
        }
        return found
    }
}
