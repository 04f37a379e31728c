import ArgumentParser
import Assay
import AssayModel
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export what was read in formats other tools import.",
        subcommands: [ExportCSVCommand.self, ExportOSCALCommand.self, ExportROICommand.self]
    )
}

struct ExportCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Write documents.csv, exceptions.csv, findings.csv, obligations.csv and cuecs.csv for the documents.",
        discussion: """
        RFC 4180 files (UTF-8 with a byte-order mark, CRLF line ends, one header row) with ISO dates; \
        the columns and their order are documented in docs/exports.md. Text that could start a \
        spreadsheet formula is prefixed with an apostrophe. Extraction runs in a child process as with extract.

        Exit status: 0 when every document was processed, 1 when at least one failed, 64 on a usage error.

        Examples:
          assay export csv vendors/*/*.pdf --out exports/
          assay export csv --controls controls/register.csv vendors/*/*.pdf --out exports/   (cuecs.csv with matches)
        """
    )

    @OptionGroup var input: ExportInputOptions

    func run() throws {
        let folder = try input.folder()
        let documents = input.documents()
        for table in CSVExport.tables(documents) {
            try input.write(table.data, named: table.name, in: folder)
        }
        if documents.contains(where: \.isFailure) { throw ExitCode(1) }
    }
}
