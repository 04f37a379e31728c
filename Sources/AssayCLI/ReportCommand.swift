import ArgumentParser
import Assay
import AssayModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a review page (self-contained HTML) per document and an index.html for the run.",
        discussion: """
        Each page shows the cover sheet, findings with the question to ask, exceptions, subservice \
        organisations, CUECs, contract clauses and obligations, and under every value its page, its \
        quote and, for PDFs, a picture cut out of the page around it. Pages need no network and no \
        script, and print cleanly. Extraction runs in a child process as with extract.

        Exit status: 0 when every document was processed, 1 when at least one failed, 64 on a usage error.

        Examples:
          assay report vendor/*.pdf --out review/
          assay report --as-of 2026-06-30 acme-soc2.pdf --out review/
          assay report --controls controls/register.csv vendor/*.pdf --out review/
        """
    )

    @Argument(help: "Documents to read (PDF, HTML or plain text).")
    var files: [String]

    @Option(help: "Folder the pages are written to (created when missing).")
    var out: String

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one file to read.") }
        if files.contains("-") { throw ValidationError("report reads files by path; standard input (-) is not supported.") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ValidationError("--out must be a folder; \(out) is a file.")
        }
    }

    func run() throws {
        FileSizeLimit.reportInsteadOfDying()
        let runner = reading.runner
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ValidationError("The folder \(out) cannot be created: \(error.localizedDescription)")
        }
        let progress = Progress(total: files.count)
        var names = PageNames()
        var entries: [ReportIndex.Entry] = []
        var failed = false
        for (index, file) in files.enumerated() {
            progress.update(index: index, file: file)
            let (document, html) = runner.report(path: file)
            if document.isFailure { failed = true }
            let name = names.next(for: file)
            try write(html, to: folder.appendingPathComponent(name))
            entries.append(ReportIndex.Entry(document: document, page: name))
        }
        progress.finish()
        try write(ReportIndex.render(entries, asOf: reading.asOf), to: folder.appendingPathComponent("index.html"))
        print(folder.appendingPathComponent("index.html").path)
        if failed { throw ExitCode(1) }
    }

    private func write(_ html: String, to url: URL) throws {
        do {
            try Data(html.utf8).write(to: url, options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("assay: cannot write \(url.path): \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// One page name per input: the file's name made safe, `.html`, and a number when two inputs share a name.
struct PageNames {
    private var used: Set<String> = ["index.html"]

    mutating func next(for path: String) -> String {
        let stem = ReportPage.fileStem(path)
        var candidate = "\(stem).html"
        var counter = 2
        while used.contains(candidate.lowercased()) {
            candidate = "\(stem)-\(counter).html"
            counter += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }
}
