import AssayModel
import Foundation

/// Decodes the rule files on a thread of its own while the document is still being read, so the
/// stages find them decoded. Decoding the YAML costs about 9 ms of a 118-page report's run, and
/// the stages that need the rules start only once every page is read; the thread mostly uses a
/// core that would otherwise wait (while the file is hashed and opened, and while one thread
/// classifies and segments). A file a stage asks for first is decoded by that stage, not twice.
///
/// The files every document reads are decoded at once; those only some kinds of document read
/// (the SOC sections, the certificate bodies, the trust page's words) wait until the document is
/// classified, and only its kind's are decoded: a SOC report no longer pays for the certificate
/// files, nor a certificate for the SOC ones, on the two cores that are reading pages meanwhile.
final class RuleWarmUp: @unchecked Sendable {
    private let condition = NSCondition()
    private var kind: DocumentKind?
    private var isFinished = false

    private init() {}

    static func start(_ rules: RuleBook) -> RuleWarmUp {
        let warmUp = RuleWarmUp()
        Thread.detachNewThread {
            // A broken file is reported by the stage that reads it.
            for check in RuleCatalog.extractionFiles where check.kinds == nil { try? check.validate(rules) }
            guard let kind = warmUp.waitForKind() else { return }
            for check in RuleCatalog.extractionFiles where check.kinds?.contains(kind) == true {
                if warmUp.isDone { return }
                try? check.validate(rules)
            }
        }
        return warmUp
    }

    /// The document's kind is known: its own files are decoded next, beside its stages.
    func classified(as kind: DocumentKind) {
        condition.withLock {
            if !isFinished, self.kind == nil { self.kind = kind }
            condition.broadcast()
        }
    }

    /// The document is done (or failed before it was classified): the thread stops waiting.
    func finish() {
        condition.withLock {
            isFinished = true
            condition.broadcast()
        }
    }

    private var isDone: Bool { condition.withLock { isFinished } }

    private func waitForKind() -> DocumentKind? {
        condition.withLock {
            while kind == nil && !isFinished { condition.wait() }
            return kind
        }
    }
}
