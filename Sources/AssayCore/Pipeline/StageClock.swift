import Foundation

/// Times pipeline stages when `ASSAY_PROFILE` is set in the environment, printing one line per
/// stage to standard error — for finding where a slow document spends its time.
enum StageClock {
    static let enabled = ProcessInfo.processInfo.environment["ASSAY_PROFILE"] != nil

    static func measure<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            let name = stage.padding(toLength: max(28, stage.count), withPad: " ", startingAt: 0)
            FileHandle.standardError.write(Data("assay profile: \(name) \(String(format: "%8.1f", milliseconds)) ms\n".utf8))
        }
        return try body()
    }
}
