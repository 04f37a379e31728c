import Assay
import AssayModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs one input — a path or `-` for standard input — through the one `DocumentReader`.
struct DocumentRunner {
    var reader: DocumentReader

    var options: ExtractOptions { reader.options }

    func run(_ input: String) -> AssayDocument {
        if input == "-" { return runStandardInput() }
        return reader.read(path: input)
    }

    /// The document printed in `style`, and whether it failed (an isolated worker prints it itself).
    func printed(_ input: String, style: PrintStyle) -> (failed: Bool, text: String) {
        guard input != "-" else {
            let document = run(input)
            return (document.isFailure, style.print(document))
        }
        return reader.printed(path: input, style: style)
    }

    /// Extracts `path` and renders its review page (in the worker when isolated).
    func report(path: String) -> (document: AssayDocument, html: String) {
        reader.report(path: path)
    }

    /// Standard input is spooled to a private temporary file so the worker can read it like any
    /// file. The bytes are let go before the worker starts: a forked worker would otherwise carry
    /// them, counted against its memory cap.
    private func runStandardInput() -> AssayDocument {
        switch spoolStandardInput() {
        case .read(let document):
            return document
        case .spooled(let url):
            defer { try? FileManager.default.removeItem(at: url) }
            return reader.read(path: url.path, label: "-")
        }
    }

    /// Standard input in a temporary file, or already answered (unreadable, or read in process when
    /// no temporary file could be made).
    private enum Spooled {
        case spooled(URL)
        case read(AssayDocument)
    }

    private func spoolStandardInput() -> Spooled {
        let data: Data
        do {
            data = try StandardInput.read(maxBytes: options.ingest.maxBytes)
        } catch let error as DocumentError {
            return .read(.failure(SourceInfo(path: "-"), error))
        } catch {
            return .read(.failure(SourceInfo(path: "-"), DocumentError(.unreadable, "Standard input could not be read.")))
        }
        let directory = FileManager.default.temporaryDirectory
        let url = directory.appendingPathComponent("assay-stdin-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            return .read(reader.read(data: data, name: "-"))
        }
        return .spooled(url)
    }

    /// This very binary: workers are the same executable in `worker` mode.
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
