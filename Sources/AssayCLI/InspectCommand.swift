import ArgumentParser
import Assay
import AssayModel
import Foundation

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print the pages, lines and boxes Assay reads from a file (a debugging aid).",
        discussion: """
        Each line shows its box in PDF points (x0 y0 x1 y1, origin top-left) and its text; HTML and \
        plain text use a grid of one unit per character and per line. Reads in this process, so use \
        it on files you trust.

        Example:
          assay inspect --page 3 acme-soc2.pdf
        """
    )

    @Argument(help: "The document to inspect.")
    var file: String

    @Option(help: "Show only this page (1-based).")
    var page: Int?

    @Flag(help: "Also list every word with its box.")
    var words = false

    @OptionGroup var password: PasswordOption

    func run() throws {
        let options = ExtractOptions(ingest: .init(password: password.effective))
        let paged: PagedText
        do {
            paged = try DocumentPipeline.pages(path: file, options: options)
        } catch let error as DocumentError {
            FileHandle.standardError.write(Data("assay: \(error.code.rawValue): \(error.message)\n".utf8))
            throw ExitCode(1)
        }
        print("\(file): \(paged.mediaType.rawValue), \(paged.pages.count) page(s), text layer \(paged.textLayer.rawValue)")
        for diagnostic in paged.diagnostics {
            print("  \(diagnostic.level.rawValue) \(diagnostic.code): \(diagnostic.message)")
        }
        for current in paged.pages where page == nil || page == current.number {
            print("--- page \(current.number) (\(format(current.width)) × \(format(current.height)), \(current.textLayer.rawValue)) ---")
            for line in current.lines {
                let box = [line.box.x0, line.box.y0, line.box.x1, line.box.y1].map(format).joined(separator: " ")
                print("[\(box)] \(line.text)")
                if words {
                    for word in line.words {
                        print("    (\(format(word.box.x0)) \(format(word.box.y0)) \(format(word.box.x1)) \(format(word.box.y1))) \(word.text)")
                    }
                }
            }
            for image in current.imageTexts ?? [] {
                let box = [image.box.x0, image.box.y0, image.box.x1, image.box.y1].map(format).joined(separator: " ")
                print("[image \(box), OCR confidence \(format(image.confidence))] \(image.lines.map(\.text).joined(separator: " / "))")
            }
        }
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
