import ArgumentParser
import Assay
import Foundation

@main
struct AssayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assay",
        abstract: "Read vendor assurance documents (SOC reports, ISO certificates, bridge letters, trust pages) offline.",
        discussion: """
        Assay reads a SOC 2 report, an ISO/IEC 27001 certificate or a vendor's trust page and answers the \
        questions a reviewer asks — period, opinion, exceptions, subservice organisations, CUECs, \
        certificate validity and scope — with the page and quote behind every answer. Nothing leaves \
        the machine.

        Examples:
          assay extract vendor/acme-soc2.pdf
          assay extract --format jsonl reports/*.pdf > results.jsonl
          assay inspect vendor/acme-iso27001.pdf
        """,
        version: AssayVersion.string,
        subcommands: [ExtractCommand.self, InspectCommand.self, SchemaCommand.self, EvalCommand.self, BatchCommand.self, ReportCommand.self, VendorsCommand.self, ExportCommand.self, WatchCommand.self, RulesCommand.self, WorkerCommand.self],
        defaultSubcommand: nil
    )

    static func main() {
        // Tesseract's OpenMP regions each ask for several threads, which spin while they wait: on
        // two cores, beside Assay's page threads, a dense page took 19 s instead of 2.5 s. libgomp
        // reads this limit when Tesseract is loaded (on the first page that needs OCR); setting it
        // here, while the process has one thread, covers reading in process (--isolation none)
        // too. A limit the user set is kept.
        setenv("OMP_THREAD_LIMIT", "1", 0)
        main(nil)
    }
}
