import ArgumentParser
import Assay
import AssayModel
import Foundation

/// The options `export oscal` and `export roi` share with `export csv`: the documents, the output
/// folder, and how they are read.
struct ExportInputOptions: ParsableArguments {
    @Argument(help: "Documents to read (PDF, HTML or plain text), or - for standard input.")
    var files: [String]

    @Option(help: "Folder the files are written to (created when missing; default: the current folder).")
    var out: String = "."

    @OptionGroup var reading: ReadingOptions


    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one file to read.") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input (-) can be read only once.") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ValidationError("--out must be a folder; \(out) is a file.")
        }
    }

    /// The output folder, created; a folder that cannot be created is a usage error.
    func folder() throws -> URL {
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ValidationError("The folder \(out) cannot be created: \(error.localizedDescription)")
        }
        return folder
    }

    /// Every file read through the isolated runner, in input order.
    func documents() -> [AssayDocument] {
        FileSizeLimit.reportInsteadOfDying()
        let runner = reading.runner
        let progress = Progress(total: files.count)
        var documents: [AssayDocument] = []
        for (index, file) in files.enumerated() {
            progress.update(index: index, file: file)
            documents.append(runner.run(file))
        }
        progress.finish()
        return documents
    }

    /// Writes `data` to `name` in `folder` and prints the path; a write error exits 1.
    func write(_ data: Data, named name: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(name)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("assay: cannot write \(url.path): \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
        print(url.path)
    }
}

struct ExportOSCALCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oscal",
        abstract: "Write one NIST OSCAL 1.1.2 assessment-results JSON file per document.",
        discussion: """
        Each readable document becomes NAME.HASH.oscal.json: an observation per extracted fact (field, \
        exception, subservice organisation, CUEC) with the file's SHA-256 and the page as evidence, and \
        a finding per Assay finding linked to the observations behind it. UUIDs are version 5 UUIDs of \
        the file's hash and the record, so the same file at the same --as-of gives the same bytes. \
        A document that cannot be read gets no file; its error is printed on standard error. The \
        mapping is documented in docs/exports.md.

        Exit status: 0 when every document was processed, 1 when at least one failed, 64 on a usage error.

        Examples:
          assay export oscal vendors/acme/soc2-2025.pdf --out oscal/ --as-of 2026-06-30
        """
    )

    @OptionGroup var input: ExportInputOptions

    func run() throws {
        let folder = try input.folder()
        let documents = input.documents()
        let asOf = input.reading.asOf.flatMap(ISODate.init) ?? OSCALExport.today()
        for document in documents {
            guard let file = OSCALExport.build(document, asOf: asOf) else {
                let message = document.error?.message ?? "it could not be read"
                FileHandle.standardError.write(Data("assay: \(document.source.path): no OSCAL file: \(message)\n".utf8))
                continue
            }
            let data: Data
            do {
                data = try OSCALExport.data(file)
            } catch {
                FileHandle.standardError.write(Data("assay: \(document.source.path): cannot encode OSCAL: \(error)\n".utf8))
                throw ExitCode(1)
            }
            try input.write(data, named: OSCALExport.fileName(document), in: folder)
        }
        if documents.contains(where: \.isFailure) { throw ExitCode(1) }
    }
}

struct ExportROICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roi",
        abstract: "Write the DORA register-of-information columns the documents can fill, as CSV.",
        discussion: """
        One CSV per template of Implementing Regulation (EU) 2024/2956, Annex I, that the documents \
        can fill (b_05.01.csv: the provider's legal name and its Latin-alphabet name), with the \
        template's column codes as the header row; every column the documents do not state is left \
        empty for the financial entity. roi_columns.csv names each column and what fills it; \
        roi_evidence.csv gives, for every filled cell, the file, its SHA-256, the page and the quote. \
        The column map is extractors/exports/dora_roi.yaml; see docs/exports.md.

        Exit status: 0 when every document was processed, 1 when at least one failed, 64 on a usage error.

        Examples:
          assay export roi vendors/acme/*.pdf --out register/
        """
    )

    @OptionGroup var input: ExportInputOptions

    func run() throws {
        let map: ROIExport.ColumnMap
        do {
            map = try ROIExport.ColumnMap.load(try RuleBook.standard())
        } catch {
            FileHandle.standardError.write(Data("assay: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let folder = try input.folder()
        let documents = input.documents()
        for table in ROIExport.tables(documents, map: map) {
            try input.write(table.data, named: table.name, in: folder)
        }
        if documents.contains(where: \.isFailure) { throw ExitCode(1) }
    }
}
