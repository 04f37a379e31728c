import Foundation

/// Decodes the rule files on a thread of its own while the document is still being read, so the
/// stages find them decoded. Decoding the YAML costs about 9 ms of a 118-page report's run, and
/// the stages that need the rules start only once every page is read; the thread mostly uses a
/// core that would otherwise wait (while the file is hashed and opened, and while one thread
/// classifies and segments). A file a stage asks for first is decoded by that stage, not twice.
enum RuleWarmUp {
    static func start(_ rules: RuleBook) {
        Thread.detachNewThread {
            for check in RuleCatalog.extractionFiles {
                // A broken file is reported by the stage that reads it.
                try? check.validate(rules)
            }
        }
    }
}
