import AssayIngest
import AssayModel
import Foundation

/// Runs every stage on one input, in this process: read, ingest, then the stages that turn pages
/// into the contract document. Never throws: failures become the document's error object.
public enum DocumentPipeline {
    /// Extracts the document at `path` (`label` is the path printed in `source.path`).
    public static func extract(path: String, label: String? = nil, options: ExtractOptions = ExtractOptions()) -> AssayDocument {
        extractWithPages(path: path, label: label, options: options).document
    }

    /// Extracts a document already in memory.
    public static func extract(data: Data, label: String, options: ExtractOptions = ExtractOptions()) -> AssayDocument {
        extractWithPages(data: data, label: label, options: options).document
    }

    /// Extracts the document at `path` and also returns the pages it read (for evaluation, which
    /// checks every evidence quote against its page).
    public static func extractWithPages(path: String, label: String? = nil,
                                        options: ExtractOptions = ExtractOptions()) -> (document: AssayDocument, pages: PagedText?) {
        let source = SourceInfo(path: label ?? path)
        do {
            let data = try InputFile.read(path: path, maxBytes: options.ingest.maxBytes, label: label)
            return extractWithPages(data: data, label: label ?? path, options: options)
        } catch let error as DocumentError {
            return (.failure(source, error), nil)
        } catch {
            return (.failure(source, DocumentError(.unreadable, "The file could not be read.")), nil)
        }
    }

    static func extractWithPages(data: Data, label: String, options: ExtractOptions) -> (document: AssayDocument, pages: PagedText?) {
        if data.isEmpty {
            return (.failure(SourceInfo(path: label, sha256: SHA256.hex(data), bytes: 0), DocumentError(.empty, "The document is empty.")), nil)
        }
        InProcessReading.mark()
        var options = options
        if options.rules == nil, let rules = try? RuleBook.standard() { options.rules = rules }
        // With threads to spare, the hash and the rule files are worked out while the pages are read.
        let background = options.ingest.threads > 1 ? Background { SHA256.hex(data) } : nil
        func hash() -> String { background?.value ?? SHA256.hex(data) }
        let warmUp = options.ingest.threads > 1 ? options.rules.map(RuleWarmUp.start) : nil
        defer { warmUp?.finish() }
        var source = SourceInfo(path: label, bytes: data.count)
        let paged: PagedText
        do {
            paged = try StageClock.measure("ingest") { try Ingestor.ingest(data, options: options.ingest) }
        } catch let error as DocumentError {
            source.sha256 = hash()
            return (.failure(source, error), nil)
        } catch {
            source.sha256 = hash()
            return (.failure(source, DocumentError(.malformed, "The document could not be read.")), nil)
        }
        source.sha256 = hash()
        source.mediaType = paged.mediaType.rawValue
        source.pages = paged.pages.count
        source.textLayer = paged.textLayer
        return (analyse(paged, source: source, options: options, warmUp: warmUp), paged)
    }

    /// The stages after ingest: classify, segment, extract, map.
    public static func analyse(_ paged: PagedText, source: SourceInfo, options: ExtractOptions) -> AssayDocument {
        analyse(paged, source: source, options: options, warmUp: nil)
    }

    /// The stages after ingest, telling `warmUp` (when rule files are being decoded ahead) the kind
    /// the document was classified as.
    static func analyse(_ paged: PagedText, source: SourceInfo, options: ExtractOptions, warmUp: RuleWarmUp?) -> AssayDocument {
        var document = AssayDocument(source: source)
        document.diagnostics = paged.diagnostics
        if paged.textLayer == .none {
            document.diagnostics.append(Diagnostic(level: .warning, code: "no_text",
                                                   message: "No page has a text layer; the document may be a scan."))
        }
        let context: DocumentContext
        let classifier: DocumentClassifier
        do {
            let rules = try options.rules ?? RuleBook.standard()
            context = try StageClock.measure("context") { try DocumentContext(paged: paged, rules: rules, options: options) }
            classifier = try DocumentClassifier.shared(rules)
        } catch {
            document.diagnostics.append(Diagnostic(level: .error, code: "rules_invalid", message: "\(error)"))
            return document
        }
        let classified = StageClock.measure("classify") { classifyBesideLayout(classifier, context) }
        warmUp?.classified(as: classified.kind)
        context.kind = classified.kind
        context.type = classified.type
        document.document = DocumentInfo(kind: classified.kind, type: classified.type,
                                         confidence: classified.confidence, title: classified.title)
        var diagnostics: [Diagnostic] = []
        for segmenter in Registry.segmenters where segmenter.kinds.contains(context.kind) {
            do {
                try StageClock.measure("\(type(of: segmenter))") { try segmenter.segment(context) }
            } catch {
                diagnostics.append(Diagnostic(level: .error, code: "segmenter_failed", message: "\(error)"))
            }
        }
        var result = ExtractionResult()
        result.diagnostics = diagnostics
        result.append(ExtractorRunner.run(Registry.extractors.filter { $0.kinds.contains(context.kind) }, context: context,
                                          threads: options.ingest.threads))
        document.sections = context.sections
        OCRConfidence.apply(to: &result, pages: paged.pages)
        document.fields = result.fields
        document.exceptions = result.exceptions
        document.testing = result.testing
        if document.testing == nil, [.soc1, .soc2].contains(classified.kind) {
            document.testing = TestingSummary(status: .absent, controls: 0, resultsRead: 0, exceptions: 0)
        }
        document.controls = result.controls
        document.csocs = result.csocs
        document.subserviceOrganizations = result.subserviceOrganizations
        document.cuecs = result.cuecs
        document.claims = result.claims
        document.diagnostics += result.diagnostics
        for mapper in Registry.mappers {
            do {
                try StageClock.measure("\(type(of: mapper))") { try mapper.map(context, document: &document) }
            } catch {
                document.diagnostics.append(Diagnostic(level: .error, code: "mapper_failed", message: "\(error)"))
            }
        }
        return document
    }

    /// The document classified; on a long PDF (the length of a SOC report) its table rows are laid out beside
    /// it on another thread, as SOC segmenting and extraction need them next (on anything else the layout is
    /// a few milliseconds on a core that would idle).
    private static func classifyBesideLayout(_ classifier: DocumentClassifier, _ context: DocumentContext) -> DocumentClassifier.Result {
        guard context.paged.mediaType == .pdf, context.paged.pages.count >= 24, context.options.ingest.threads > 1 else {
            return classifier.classify(context)
        }
        let results = [0, 1].parallelMap(threads: 2) { index -> DocumentClassifier.Result? in
            if index == 0 { return classifier.classify(context) }
            _ = SOCLayout.rows(context)
            return nil
        }
        return results[0]!
    }

    /// Ingests only: the pages of positioned text, for `assay inspect`.
    public static func pages(path: String, options: ExtractOptions = ExtractOptions()) throws -> PagedText {
        let data = try InputFile.read(path: path, maxBytes: options.ingest.maxBytes)
        return try Ingestor.ingest(data, options: options.ingest)
    }
}
