import ArgumentParser
import Assay
import AssayModel
import Foundation

/// What `extract` and `report` share about reading a document: the password, the date findings are
/// judged at, the services and sites the customer buys, the limits, and the control register.
struct ReadingOptions: ParsableArguments {
    @Option(help: "PDF user password (or set ASSAY_PDF_PASSWORD). Owner-only protected PDFs need none.")
    var password: String?

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

    /// The password given, or the one in the environment.
    var effectivePassword: String? { password ?? ProcessInfo.processInfo.environment[WorkerRequest.passwordVariable] }

    var extractOptions: ExtractOptions {
        ExtractOptions(ingest: limits.ingestOptions(password: effectivePassword), asOf: asOf, services: services, sites: sites,
                       controls: controls.validRegister)
    }

    /// Reads documents in isolated workers with these options.
    var runner: DocumentRunner { DocumentRunner(limits: limits, options: extractOptions) }
}
