import AssayModel
import Foundation

/// The accreditation body read from the accreditation mark when the certificate's text does not name
/// it: the mark (UKAS with its number, ANAB, EGAC, TÜRKAK …) is usually a picture, and ingest reads
/// the words inside a short document's pictures (`Page.imageTexts`).
///
/// It runs after the certificate extractors and only fills the gap they leave. Words read by OCR from
/// a logo are less sure than printed text, so the value's confidence follows the recognition's and
/// stays below 0.8; its evidence names the picture (`source: image`, the picture's box) and quotes
/// what OCR read there, which is not in the page's text.
struct AccreditationMarkExtractor: DocumentExtractor {
    var kinds: Set<DocumentKind> { [.isoCertificate, .otherAssurance] }

    /// The highest confidence a value read from a picture gets.
    static let ceiling = 0.8

    func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws {
        guard result.fields["accreditation_body"] == nil else { return }
        let bodies = try context.rules.load(AccreditationBodies.self, from: "bodies/accreditation.yaml")
        for page in context.paged.pages {
            for image in page.imageTexts ?? [] {
                guard let (name, line) = Self.body(in: image, bodies: bodies) else { continue }
                let evidence = Evidence(page: page.number, quote: line.text, bbox: [image.box.x0, image.box.y0, image.box.x1, image.box.y1],
                                        source: "image")
                result.set("accreditation_body", name, confidence: min(Self.ceiling, image.confidence * 0.85), evidence: [evidence])
                result.diagnostics.removeAll { $0.code == "accreditation_not_in_text" }
                result.diagnostics.append(Diagnostic(level: .info, code: "accreditation_from_image",
                    message: "The accreditation body was read by OCR from a picture on page \(page.number) (\"\(line.text)\"); check the mark on the certificate."))
                return
            }
        }
    }

    /// The first body whose acronym stands as a word, or whose full name appears, in the picture's text.
    static func body(in image: ImageText, bodies: AccreditationBodies) -> (String, TextLine)? {
        for line in image.lines {
            let words = line.words.map { $0.text.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:()[]")) }
            let compact = LabelText.compact(line.text)
            for body in bodies.bodies {
                if body.acronymAlone != false, words.contains(body.acronym) { return (body.acronym, line) }
                for name in body.names where LabelText.compact(name).count >= 8 && compact.contains(LabelText.compact(name)) {
                    return (name, line)
                }
            }
        }
        return nil
    }
}
