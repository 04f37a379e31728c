internal import CPoppler
import AssayModel
import Foundation

/// Reads the words inside the images of a short document's pages — the accreditation mark with its
/// number, a certification body's logo, the firm's name in a signature block — which on a certificate
/// are usually pictures on a page whose other text is native, so the text layer never has them.
///
/// Only documents of a few pages are looked at (certificates and letters; a report's images are
/// screenshots and diagrams, and reading them would cost seconds), only pages with a native text
/// layer (a scanned page is read whole by OCR already), and only images of a size that can hold a
/// word and are not the page's background. The page is rendered once; each image's area is cut out
/// of it and recognised on its own.
enum ImageTextReader {
    /// Documents longer than this are not looked at.
    static let maxPages = 4
    /// Images narrower or lower than this (points) hold no legible word.
    static let minWidth = 24.0, minHeight = 12.0
    /// Images covering more than this share of the page are backgrounds or the page itself.
    static let maxPageShare = 0.5
    static let dpi = 300.0
    /// Recognitions less sure than this are dropped: a picture without letters gives noise.
    static let minConfidence = 0.55

    static func read(_ pages: [Page], document: PopplerDocument, options: IngestOptions) -> [Page] {
        guard options.ocr != .never, pages.count <= maxPages else { return pages }
        var engine: TesseractEngine?
        var tried = false
        var result = pages
        for index in pages.indices where pages[index].textLayer == .native {
            let texts: [ImageText] = document.withPage(index) { handle in
                // A page drawn as one large picture was read whole by `PageOCR`, marks included.
                guard PageImages.largestShare(handle) < OCRPolicy.pictureShare else { return [] }
                let areas = imageAreas(handle, page: pages[index])
                guard !areas.isEmpty else { return [] }
                if !tried {
                    tried = true
                    engine = TesseractEngine(languages: "eng")
                }
                guard let engine, let image = PageRenderer.render(handle, dpi: dpi) else { return [] }
                return areas.compactMap { recognise($0, in: image, engine: engine) }
            } ?? []
            if !texts.isEmpty { result[index].imageTexts = texts }
        }
        return result
    }

    /// The areas of the page's images worth reading, top to bottom.
    static func imageAreas(_ handle: OpaquePointer, page: Page) -> [Box] {
        var areas: [Box] = []
        for box in PageImages.areas(handle) where !areas.contains(box) {
            if box.x1 - box.x0 >= minWidth, box.y1 - box.y0 >= minHeight, PageImages.share(box, width: page.width, height: page.height) <= maxPageShare {
                areas.append(box)
            }
        }
        return areas.sorted { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
    }

    /// Cuts `area` out of the rendered page and recognises it; words come back in page points.
    static func recognise(_ area: Box, in page: PageImage, engine: TesseractEngine) -> ImageText? {
        let x0 = max(0, Int(area.x0 * page.scale)), y0 = max(0, Int(area.y0 * page.scale))
        let x1 = min(page.width, Int((area.x1 * page.scale).rounded(.up))), y1 = min(page.height, Int((area.y1 * page.scale).rounded(.up)))
        guard x1 - x0 >= 8, y1 - y0 >= 8 else { return nil }
        var pixels = [UInt8](repeating: 255, count: (x1 - x0) * (y1 - y0))
        for y in y0..<y1 {
            let from = y * page.width + x0
            pixels.replaceSubrange((y - y0) * (x1 - x0)..<(y - y0 + 1) * (x1 - x0), with: page.pixels[from..<from + (x1 - x0)])
        }
        let crop = PageImage(width: x1 - x0, height: y1 - y0, pixels: pixels, scale: page.scale)
        let recognised = engine.recognise(crop)
        let lines = recognised.lines.compactMap { line -> TextLine? in
            let words = line.words.filter { $0.text.unicodeScalars.contains { $0.properties.isAlphabetic || ("0"..."9").contains($0) } }
                .map { Word(text: $0.text, box: shifted($0.box, by: area)) }
            guard !words.isEmpty else { return nil }
            let box = words.dropFirst().reduce(words[0].box) { $0.union($1.box) }
            return TextLine(text: words.map(\.text).joined(separator: " "), box: box, words: words)
        }
        guard !lines.isEmpty, recognised.confidence >= minConfidence else { return nil }
        return ImageText(box: area, lines: lines, confidence: (recognised.confidence * 100).rounded() / 100)
    }

    private static func shifted(_ box: Box, by area: Box) -> Box {
        Box(x0: box.x0 + area.x0, y0: box.y0 + area.y0, x1: box.x1 + area.x0, y1: box.y1 + area.y0)
    }
}
