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
        abstract: "Write documents.csv, exceptions.csv, findings.csv and obligations.csv for the documents.",
        discussion: """
        RFC 4180 files (UTF-8 with a byte-order mark, CRLF line ends, one header row) with ISO dates; \
        the columns and their order are documented in docs/exports.md. Text that could start a \
        spreadsheet formula is prefixed with an apostrophe. Extraction runs in a child process as with extract.

        Exit status: 0 when every document was processed, 1 when at least one failed, 64 on a usage error.

        Examples:
          assay export csv vendors/*/*.pdf --out exports/
        """
    )

    @Argument(help: "Documents to read (PDF, HTML or plain text), or - for standard input.")
    var files: [String]

    @Option(help: "Folder the CSV files are written to (created when missing).")
    var out: String

    @Option(help: "PDF user password (or set ASSAY_PDF_PASSWORD). Owner-only protected PDFs need none.")
    var password: String?

    @Option(name: .customLong("as-of"), help: "The date findings are judged at, YYYY-MM-DD (default: today).")
    var asOf: String?

    @OptionGroup var limits: LimitOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one file to read.") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input (-) can be read only once.") }
        if let asOf, !ISODate.isValid(asOf) { throw ValidationError("--as-of must be a date written YYYY-MM-DD.") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ValidationError("--out must be a folder; \(out) is a file.")
        }
    }

    func run() throws {
        FileSizeLimit.reportInsteadOfDying()
        let password = password ?? ProcessInfo.processInfo.environment[WorkerRequest.passwordVariable]
        let options = ExtractOptions(ingest: limits.ingestOptions(password: password), asOf: asOf)
        let runner = DocumentRunner(limits: limits, options: options)
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ValidationError("The folder \(out) cannot be created: \(error.localizedDescription)")
        }
        let progress = Progress(total: files.count)
        var documents: [AssayDocument] = []
        for (index, file) in files.enumerated() {
            progress.update(index: index, file: file)
            documents.append(runner.run(file))
        }
        progress.finish()
        for table in CSVExport.tables(documents) {
            let url = folder.appendingPathComponent(table.name)
            do {
                try table.data.write(to: url, options: .atomic)
            } catch {
                FileHandle.standardError.write(Data("assay: cannot write \(url.path): \(error.localizedDescription)\n".utf8))
                throw ExitCode(1)
            }
            print(url.path)
        }
        if documents.contains(where: \.isFailure) { throw ExitCode(1) }
    }
}
