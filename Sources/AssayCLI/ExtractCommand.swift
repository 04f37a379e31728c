import ArgumentParser
import Assay
import AssayModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the contract document (fields, exceptions, findings …) from each file.",
        discussion: """
        Each file is read in a child process with a deadline and a memory cap, so a hostile file \
        fails alone. A file that cannot be read still yields a document with an "error" object. \
        Use - to read one document from standard input.

        Exit status: 0 when every document was processed, 1 when at least one failed, 64 on a usage error.

        Examples:
          assay extract acme-soc2.pdf
          assay extract --format jsonl vendors/*/*.pdf
          curl … | assay extract - --format json     (any producer of bytes on standard input)
          assay extract --password s3cret locked.pdf
          assay extract --format md --controls controls/register.csv acme-soc2.pdf   (CUECs matched to your controls)
        """
    )

    @Argument(help: "Documents to read (PDF, HTML or plain text, recognised by content), or - for standard input.")
    var files: [String]

    @Option(help: "Output format.")
    var format: OutputFormat = .json

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one file to read.") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input (-) can be read only once.") }
    }

    func run() throws {
        let runner = reading.runner
        let progress = Progress(total: files.count)
        var failed = false
        var documents: [AssayDocument] = []
        // Each document is printed as the worker printed it, except JSON of several files: one array.
        let style: PrintStyle?
        switch format {
        case .json: style = files.count == 1 ? .pretty : nil
        case .jsonl: style = .compact
        case .text: style = .text
        case .md: style = .markdown
        }
        for (index, file) in files.enumerated() {
            progress.update(index: index, file: file)
            if let style {
                let (documentFailed, text) = runner.printed(file, style: style)
                if documentFailed { failed = true }
                print(text)
            } else {
                let document = runner.run(file)
                if document.isFailure { failed = true }
                documents.append(document)
            }
            fflush(nil)
        }
        progress.finish()
        if style == nil { print(ContractJSON.string(documents, pretty: true)) }
        if failed { throw ExitCode(1) }
    }
}

/// One line per file on stderr, and only when stderr is a terminal and there is more than one file.
struct Progress {
    let total: Int
    let enabled: Bool

    init(total: Int) {
        self.total = total
        enabled = total > 1 && isatty(2) != 0
    }

    func update(index: Int, file: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(index + 1)/\(total)] \(file)".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
