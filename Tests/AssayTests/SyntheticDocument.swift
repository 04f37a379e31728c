import AssayModel
@testable import Assay
@testable import AssayCore

extension SyntheticLayout {
    /// A one-page PDF-like document of the given lines, one under the other, through the whole pipeline.
    static func document(_ lines: [String], asOf: String = "2026-11-01") -> AssayDocument {
        let laid = lines.enumerated().map { line($0.element, y: 40 + Double($0.offset) * 14) }
        let paged = PagedText(mediaType: .pdf, pages: [page(1, laid)])
        return DocumentPipeline.analyse(paged, source: SourceInfo(path: "synthetic.pdf"), options: ExtractOptions(asOf: asOf))
    }
}
