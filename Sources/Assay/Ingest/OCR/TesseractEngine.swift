internal import CTesseract
import AssayModel
import Foundation

/// Recognises a rendered page with Tesseract (through its C API) and returns lines of words with
/// boxes mapped back to PDF points, so evidence and table rebuilding work as on native text.
final class TesseractEngine {
    private let handle: OpaquePointer
    let languages: String

    /// The installed languages among those Assay's rules speak, e.g. "eng+deu+fra+spa".
    static func defaultLanguages() -> String {
        let installed = installedLanguages()
        let languages = ["eng", "deu", "fra", "spa"].filter(installed.contains)
        return languages.isEmpty ? "eng" : languages.joined(separator: "+")
    }

    /// The language data files (`NAME.traineddata`) in the first tessdata folder that has any.
    static func installedLanguages() -> Set<String> {
        let directories = [ProcessInfo.processInfo.environment["TESSDATA_PREFIX"], "/usr/share/tesseract-ocr/5/tessdata",
                           "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata"].compactMap { $0 }
        for directory in directories {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            let languages = Set(names.filter { $0.hasSuffix(".traineddata") }.map { String($0.dropLast(".traineddata".count)) })
            if !languages.isEmpty { return languages }
        }
        return []
    }

    init?(languages: String) {
        guard assay_tesseract_available() != 0, let api = assay_TessBaseAPICreate() else { return nil }
        guard assay_TessBaseAPIInit3(api, nil, languages) == 0 else {
            assay_TessBaseAPIDelete(api)
            return nil
        }
        // Tesseract would otherwise write "Estimating resolution …" and similar to stderr.
        _ = assay_TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        handle = api
        self.languages = languages
    }

    deinit {
        assay_TessBaseAPIEnd(handle)
        assay_TessBaseAPIDelete(handle)
    }

    struct Recognised {
        var lines: [TextLine]
        /// Mean word confidence, 0–1.
        var confidence: Double
        /// Each word's confidence, 0–1, line by line as in `lines`.
        var wordConfidences: [[Double]] = []
    }

    /// Takes the image: Tesseract copies the pixels, and our copy is released before recognition.
    func recognise(_ image: consuming PageImage) -> Recognised {
        let scale = image.scale
        image.pixels.withUnsafeBufferPointer { buffer in
            assay_TessBaseAPISetImage(handle, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
        _ = consume image
        assay_TessBaseAPISetSourceResolution(handle, Int32((scale * 72).rounded()))
        // Tesseract frees most of a page's working memory on Clear, but glibc keeps it in the heap;
        // handing it back keeps the next page's rendering from stacking on top of it.
        defer { assay_release_free_memory() }
        guard assay_TessBaseAPIRecognize(handle, nil) == 0, let results = assay_TessBaseAPIGetIterator(handle) else {
            assay_TessBaseAPIClear(handle)
            return Recognised(lines: [], confidence: 0)
        }
        defer {
            assay_TessResultIteratorDelete(results)
            assay_TessBaseAPIClear(handle)
        }
        let pageIterator = assay_TessResultIteratorGetPageIterator(results)
        var lines: [TextLine] = []
        var words: [Word] = []
        var confidences: [Double] = []
        var lineConfidences: [[Double]] = []
        var lineStart = 0
        func closeLine() {
            guard !words.isEmpty else { return }
            let box = words.dropFirst().reduce(words[0].box) { $0.union($1.box) }
            lines.append(TextLine(text: words.map(\.text).joined(separator: " "), box: box, words: words))
            lineConfidences.append(Array(confidences[lineStart...]))
            lineStart = confidences.count
            words = []
        }
        repeat {
            if assay_TessPageIteratorIsAtBeginningOf(pageIterator, RIL_TEXTLINE) != 0 { closeLine() }
            guard let cText = assay_TessResultIteratorGetUTF8Text(results, RIL_WORD) else { continue }
            let text = String(cString: cText).trimmingCharacters(in: .whitespacesAndNewlines)
            assay_TessDeleteText(cText)
            guard !text.isEmpty else { continue }
            var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
            _ = assay_TessPageIteratorBoundingBox(pageIterator, RIL_WORD, &left, &top, &right, &bottom)
            let box = Box(x0: Double(left) / scale, y0: Double(top) / scale,
                          x1: Double(right) / scale, y1: Double(bottom) / scale)
            words.append(Word(text: text, box: box))
            confidences.append(Double(assay_TessResultIteratorConfidence(results, RIL_WORD)) / 100)
        } while assay_TessResultIteratorNext(results, RIL_WORD) != 0
        closeLine()
        let mean = confidences.isEmpty ? 0 : confidences.reduce(0, +) / Double(confidences.count)
        return Recognised(lines: lines, confidence: mean, wordConfidences: lineConfidences)
    }
}
