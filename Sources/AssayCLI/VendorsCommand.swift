import ArgumentParser
import Assay
import AssayModel
import Foundation

/// `assay vendors DIR`: judges each vendor on all its documents together.
struct VendorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vendors",
        abstract: "Judge each vendor on all its documents: coverage timeline, gaps, consistency, trust-page claims, one CUEC list, one question list.",
        discussion: """
        DIR is a drop folder with one folder per vendor (files anywhere below it); documents directly \
        in DIR, or files given one by one, are put together by the organisation they name, with \
        name variants folded by extractors/vendors/names.yaml. Each document is read in its own \
        worker process as with extract; --from-batch reads the per-document JSON that \
        `assay batch DIR --out BATCHOUT` wrote instead. A vendor's trust page (an HTML page among its \
        documents) is checked against the rest: a report or certificate it claims that none of the \
        documents bears out becomes a question. The output schema is documented in docs/vendors.md \
        (assay schema --vendors prints it).

        Without --out, one JSON document is printed. With --out, vendor-<name>.html per vendor, \
        vendors.html and vendors.json are written there.

        Exit status: 0 when every document was processed, 1 when at least one failed, 64 on a usage error.

        Examples:
          assay vendors vendors/ --as-of 2026-11-01
          assay vendors vendors/ --out vendor-review/
          assay vendors --from-batch review/ --out vendor-review/
          assay vendors vendors/ --controls controls/register.csv --out vendor-review/
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, html }

    @Argument(help: "A drop folder (one folder per vendor), or documents to group by the organisation they name.")
    var paths: [String] = []

    @Option(help: "json prints the vendor view; html needs --out (default: json without --out, both with it).")
    var format: Format?

    @Option(help: "Folder for vendor-<name>.html, vendors.html and vendors.json (created when missing).")
    var out: String?

    @Option(name: .customLong("from-batch"), help: "Read the per-document JSON of an `assay batch` output folder instead of the documents.")
    var fromBatch: String?

    /// How the documents are read; `--as-of` is also the date coverage is judged at.
    @OptionGroup var reading: ReadingOptions


    func validate() throws {
        if paths.isEmpty && fromBatch == nil { throw ValidationError("Give a drop folder, documents, or --from-batch BATCHOUT.") }
        if !paths.isEmpty && fromBatch != nil { throw ValidationError("Give either documents or --from-batch, not both.") }
        if paths.count > 1, let folder = paths.first(where: Self.isDirectory) {
            throw ValidationError("\(folder) is a folder; give one drop folder, or documents.")
        }
        if paths.contains("-") { throw ValidationError("vendors reads files by path; standard input (-) is not supported.") }
        if format == .html && out == nil { throw ValidationError("--format html writes pages; give --out OUTDIR.") }
        if let fromBatch, !Self.isDirectory(fromBatch) { throw ValidationError("--from-batch: \(fromBatch) is not a folder.") }
        if let out, FileManager.default.fileExists(atPath: out), !Self.isDirectory(out) {
            throw ValidationError("--out must be a folder; \(out) is a file.")
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    func run() throws {
        FileSizeLimit.reportInsteadOfDying()
        let asOfDate = reading.asOf.flatMap(ISODate.init) ?? VendorAnalyzer.today()
        let inputs: [VendorInput]
        if let fromBatch {
            inputs = try reconciled(VendorBatchReader.read(URL(fileURLWithPath: fromBatch, isDirectory: true)))
        } else {
            inputs = try extract(asOf: "\(asOfDate)")
        }
        let view: VendorView
        do {
            view = try VendorAnalyzer(rules: RuleBook.standard()).analyze(inputs, asOf: asOfDate)
        } catch {
            FileHandle.standardError.write(Data("assay: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let json = ContractJSON.string(view, pretty: true)
        if let out {
            try write(view, json: json, to: URL(fileURLWithPath: out, isDirectory: true))
        } else {
            print(json)
        }
        if inputs.contains(where: \.document.isFailure) { throw ExitCode(1) }
    }

    /// Reads the documents: a single folder is a drop folder (vendor = top-level folder); anything
    /// else is a list of files.
    private func extract(asOf: String) throws -> [VendorInput] {
        var options = reading.extractOptions
        options.asOf = asOf
        let runner = DocumentRunner(reader: reading.limits.reader(options, interactive: true))
        var jobs: [(path: String, folder: String?)] = []
        if paths.count == 1, let directory = paths.first, Self.isDirectory(directory) {
            let excluded = out.map { [URL(fileURLWithPath: $0)] } ?? []
            let walk: BatchWalker.Result
            do {
                walk = try BatchWalker.walk(root: URL(fileURLWithPath: directory), excluding: excluded)
            } catch {
                throw ValidationError("\(directory) cannot be read: \(error.localizedDescription)")
            }
            let prefix = directory.hasSuffix("/") ? directory : directory + "/"
            jobs = walk.inputs.map { (prefix + $0.relativePath, $0.vendor.isEmpty ? nil : $0.vendor) }
        } else {
            jobs = paths.map { ($0, nil) }
        }
        let progress = Progress(total: jobs.count)
        var inputs: [VendorInput] = []
        for (index, job) in jobs.enumerated() {
            progress.update(index: index, file: job.path)
            inputs.append(VendorInput(document: runner.run(job.path), folder: job.folder))
        }
        progress.finish()
        return inputs
    }

    /// Documents a batch wrote, matched again to `--controls` when it is given (the batch may have
    /// had another register, or none).
    private func reconciled(_ inputs: [VendorInput]) throws -> [VendorInput] {
        guard let register = reading.controls.validRegister else { return inputs }
        let options = ReconcileOptions(register: register, rules: try RuleBook.standard())
        return try inputs.map { VendorInput(document: try Assay.reconcile($0.document, options: options), folder: $0.folder) }
    }

    private func write(_ view: VendorView, json: String, to folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ValidationError("The folder \(folder.path) cannot be created: \(error.localizedDescription)")
        }
        var files: [(String, String)] = []
        if format != .json {
            files += view.vendors.map { (VendorPage.fileName($0), VendorPage.render($0, asOf: view.asOf)) }
            files.append(("vendors.html", VendorIndex.render(view)))
        }
        if format != .html { files.append(("vendors.json", json + "\n")) }
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            do {
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                FileHandle.standardError.write(Data("assay: cannot write \(url.path): \(error.localizedDescription)\n".utf8))
                throw ExitCode(1)
            }
        }
        print(folder.appendingPathComponent(format == .json ? "vendors.json" : "vendors.html").path)
    }
}
