import ArgumentParser
import Assay

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
}
