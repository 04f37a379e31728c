import Foundation

/// Whether this process has read a document itself (and so may have started threads), which rules
/// out forking workers from it (`ChildProcess.mayFork`).
package enum InProcessReading {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var flag = false

    package static var happened: Bool { lock.withLock { flag } }

    package static func mark() { lock.withLock { flag = true } }
}
