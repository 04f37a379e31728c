import Foundation

/// Where the OCR stage says how much work it has ahead and how far it got, for whoever runs it: an
/// isolated worker passes it to its parent, which lengthens the deadline by the pages that need OCR
/// (the size-based deadline knows nothing of them) and shows progress on a terminal.
public enum OCRProgress {
    public enum Event: Sendable, Equatable {
        /// `pages` pages will be recognised on `threads` threads.
        case planned(pages: Int, threads: Int)
        /// `done` of `total` pages have been recognised.
        case recognised(done: Int, total: Int)
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var sink: (@Sendable (Event) -> Void)?

    /// Sends every later event to `handler` (a worker installs one before it reads).
    public static func install(_ handler: (@Sendable (Event) -> Void)?) {
        lock.withLock { sink = handler }
    }

    static func emit(_ event: Event) {
        let handler = lock.withLock { sink }
        handler?(event)
    }
}
