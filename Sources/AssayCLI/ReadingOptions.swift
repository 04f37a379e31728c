import ArgumentParser
import Assay
import AssayModel
import Foundation

/// The PDF password, for every command that opens documents.
struct PasswordOption: ParsableArguments {
    @Option(help: "PDF user password (or set ASSAY_PDF_PASSWORD). Owner-only protected PDFs need none.")
    var password: String?

    /// The password given, or the one in the environment.
    var effective: String? { password ?? ProcessInfo.processInfo.environment[WorkerRequest.passwordVariable] }
}

/// How every command that reads documents reads them (`extract`, `report`, `export`, `batch`, `watch`,
/// `vendors`): the password, the date findings are judged at, the services and sites the customer
/// buys, the limits and isolation, and the customer's control register (`--controls`).
struct ReadingOptions: ParsableArguments {
    @OptionGroup var password: PasswordOption

    @Option(name: .customLong("as-of"), help: "The date findings are judged at, YYYY-MM-DD (default: today).")
    var asOf: String?

    @Option(name: .customLong("service"), help: "A service you buy; a scope that does not name it is flagged. Repeatable.")
    var services: [String] = []

    @Option(name: .customLong("site"), help: "A site holding your data or equipment; flagged when out of scope. Repeatable.")
    var sites: [String] = []

    @OptionGroup var limits: LimitOptions

    @OptionGroup var controls: ControlsOption

    func validate() throws {
        if let asOf, !ISODate.isValid(asOf) { throw ValidationError("--as-of must be a date written YYYY-MM-DD.") }
    }

    var effectivePassword: String? { password.effective }

    /// The options for a command that reads one document at a time (its page threads: the cores, up to 4).
    var extractOptions: ExtractOptions { extractOptions(jobs: 1) }

    /// The options when `jobs` documents are read at once (the cores are divided between them).
    func extractOptions(jobs: Int) -> ExtractOptions {
        ExtractOptions(ingest: limits.ingestOptions(password: effectivePassword, threads: LimitOptions.pageThreads(jobs: jobs)),
                       asOf: asOf, services: services, sites: sites, controls: controls.validRegister)
    }

    /// Reads one document at a time for a command the user waits on: a worker may be forked, and its
    /// OCR progress is shown when standard error is a terminal.
    var runner: DocumentRunner { DocumentRunner(reader: limits.reader(extractOptions, interactive: true)) }
}
