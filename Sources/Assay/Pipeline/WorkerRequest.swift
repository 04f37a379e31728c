import AssayCore
import AssayIngest
import AssayModel
import Foundation

/// What a parent process asks a worker to do: one document, the options, and the limits the
/// worker must put on itself. The PDF password travels in the environment, never on the command line.
public struct WorkerRequest: Codable, Sendable, Hashable {
    public static let passwordVariable = "ASSAY_PDF_PASSWORD"

    public var path: String
    public var label: String
    public var asOf: String?
    public var services: [String]
    public var sites: [String]
    public var maxBytes: Int
    public var maxPages: Int
    public var maxCharactersPerPage: Int
    public var maxMemoryMB: Int
    public var cpuSeconds: Int
    public var ocr: OCRMode
    public var ocrLanguages: String?
    /// Also render the HTML review page (with its evidence cut-outs) in the worker, so that
    /// poppler's renderer runs under the same limits as its text extraction.
    public var renderReport: Bool?
    /// PDF pages read at once (`IngestOptions.threads`); absent means 1.
    public var threads: Int?
    /// Answer with the document already printed as the command will print it (`ContractJSON`,
    /// pretty or compact) after a first line `ok` or `failed`, so the parent can pass it on without
    /// decoding and encoding it again; absent means the plain protocol (one compact JSON line).
    public var printAs: PrintStyle?
    /// The control register CUECs are matched to (`--controls`); absent without one.
    public var controls: ControlRegister?

    public init(path: String, label: String, options: ExtractOptions, limits: IsolationLimits, cpuSeconds: Int) {
        self.path = path
        self.label = label
        asOf = options.asOf
        services = options.services
        sites = options.sites
        maxBytes = options.ingest.maxBytes
        maxPages = options.ingest.maxPages
        maxCharactersPerPage = options.ingest.maxCharactersPerPage
        maxMemoryMB = limits.maxMemoryMB
        self.cpuSeconds = cpuSeconds
        ocr = options.ingest.ocr
        ocrLanguages = options.ingest.ocrLanguages
        threads = options.ingest.threads > 1 ? options.ingest.threads : nil
        controls = options.controls
    }

    /// The options as the worker rebuilds them, with the password from its environment.
    public func options(password: String?) -> ExtractOptions {
        ExtractOptions(ingest: IngestOptions(password: password, maxBytes: maxBytes, maxPages: maxPages,
                                             maxCharactersPerPage: maxCharactersPerPage, ocr: ocr, ocrLanguages: ocrLanguages,
                                             threads: threads ?? 1),
                       asOf: asOf, services: services, sites: sites, controls: controls)
    }
}

/// The limits a worker runs under.
public struct IsolationLimits: Sendable, Hashable {
    /// Wall-clock seconds; `nil` scales with the file's size (30 s plus 20 s per MB, at most 600 s).
    public var timeout: Double?
    /// Address-space cap for the worker, in MB.
    public var maxMemoryMB: Int

    public init(timeout: Double? = nil, maxMemoryMB: Int = 1024) {
        self.timeout = timeout
        self.maxMemoryMB = maxMemoryMB
    }

    public func deadline(forBytes bytes: Int) -> Double {
        if let timeout { return timeout }
        return min(600, 30 + 20 * Double(bytes) / 1_048_576)
    }
}

/// How a worker prints the document it answers with (`WorkerRequest.printAs`): as `extract`
/// prints it in each of its formats.
public enum PrintStyle: String, Codable, Sendable, Hashable {
    /// `ContractJSON` pretty-printed, as `extract --format json` prints one document.
    case pretty
    /// One compact line, as `extract --format jsonl` prints each document.
    case compact
    /// `TextSummary`, as `extract --format text` prints it.
    case text
    /// `MarkdownMemo`, as `extract --format md` prints it.
    case markdown

    /// The document printed in this style, as UTF-8 bytes (the JSON styles without a round trip through a String).
    public func printedBytes(_ document: AssayDocument) -> Data {
        switch self {
        case .pretty, .compact: return (try? ContractJSON.encode(document, pretty: self == .pretty)) ?? Data("{}".utf8)
        case .text, .markdown: return Data(print(document).utf8)
        }
    }

    /// The document printed in this style.
    public func print(_ document: AssayDocument) -> String {
        switch self {
        case .pretty: return ContractJSON.string(document, pretty: true)
        case .compact: return ContractJSON.string(document, pretty: false)
        case .text: return TextSummary.render(document)
        case .markdown: return MarkdownMemo.render(document)
        }
    }
}
