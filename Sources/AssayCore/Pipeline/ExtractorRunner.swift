import AssayModel
import Foundation

/// Runs the extractors that apply to a document with the result running them one after another in
/// registry order gives, using a second thread where it may. The independent extractors at the end
/// of the list (`DocumentExtractor.isIndependent`) each record into a result of their own, side by
/// side with the chain of extractors before them; the results are then joined in registry order.
/// On a 118-page SOC 2 report this takes the table walk of the exceptions off the critical path.
enum ExtractorRunner {
    static func run(_ extractors: [DocumentExtractor], context: DocumentContext, threads: Int) -> ExtractionResult {
        let tailStart = extractors.lastIndex(where: { !$0.isIndependent }).map { $0 + 1 } ?? 0
        let chain = Array(extractors[..<tailStart]), tail = Array(extractors[tailStart...])
        guard threads > 1, !tail.isEmpty else { return runChain(extractors, context: context) }
        let slots = ResultSlots(count: 1 + tail.count)
        let jobs = UncheckedSendable((chain, tail))
        // Our own threads rather than `concurrentPerform`, so an extractor that spreads its own work
        // over threads (`parallelMap`) gets them (see `ParallelRun`).
        ParallelRun.run(threads: min(threads, 1 + tail.count), iterations: 1 + tail.count) { job in
            let (chain, tail) = jobs.value
            slots.store(job == 0 ? runChain(chain, context: context) : runChain([tail[job - 1]], context: context), at: job)
        }
        var result = ExtractionResult()
        for part in slots.collected() { result.append(part) }
        return result
    }

    private static func runChain(_ extractors: [DocumentExtractor], context: DocumentContext) -> ExtractionResult {
        var result = ExtractionResult()
        for extractor in extractors {
            do {
                try StageClock.measure("\(type(of: extractor))") { try extractor.extract(context, into: &result) }
            } catch {
                result.diagnostics.append(Diagnostic(level: .error, code: "extractor_failed", message: "\(error)"))
            }
        }
        return result
    }
}

/// Results written by several threads, each job into its own slot.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [ExtractionResult]

    init(count: Int) { slots = Array(repeating: ExtractionResult(), count: count) }

    func store(_ result: ExtractionResult, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = result
    }

    func collected() -> [ExtractionResult] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

/// Hands the extractor lists (existentials of a `Sendable` protocol, stored in arrays) to the jobs.
private struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
