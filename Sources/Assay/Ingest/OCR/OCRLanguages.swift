internal import CTesseract
import AssayModel
import Foundation

/// Chooses Tesseract's languages for a document from the script it is written in, so that a Korean
/// or Russian certificate is read with Korean or Russian and a Latin-script one is not slowed down by
/// languages it does not use (each language adds about a second a page).
///
/// The script comes from the document's own text where it has some (a scanned report with a native
/// cover page), else from Tesseract's script detection on the first page that needs OCR. Languages
/// that are not installed are left out; with nothing better, the default set is used.
enum OCRLanguages {
    /// Tesseract data names for each non-Latin script Tesseract's detection names (Latin script keeps
    /// the default set); English is added to each, since certificates and reports print their
    /// standards and names in English too.
    static let byScript: [String: [String]] = [
        "Hangul": ["kor", "eng"],
        "Japanese": ["jpn", "eng"],
        "Han": ["chi_sim", "eng"],
        "Cyrillic": ["rus", "eng"],
        "Arabic": ["ara", "eng"],
        "Greek": ["ell", "eng"],
    ]

    /// Tesseract's names for scripts that `script(of:)` names otherwise.
    static let detectedNames = ["Korean": "Hangul", "Katakana": "Japanese", "Hiragana": "Japanese"]

    /// Script detection is trusted from this confidence (Tesseract's own scale) up.
    static let minScriptConfidence: Float = 0.5

    static func choose(pages: [Page], firstCandidate: Int, document: PopplerDocument) -> String {
        let installed = TesseractEngine.installedLanguages()
        let fallback = TesseractEngine.defaultLanguages()
        // Only worth finding out when a language of another script is installed.
        guard byScript.values.joined().contains(where: { $0 != "eng" && installed.contains($0) }) else { return fallback }
        if let script = scriptOfText(pages) {
            return languages(for: script, installed: installed) ?? fallback
        }
        // Tesseract's detection mistakes Latin scans for Cyrillic now and then: a script it names is
        // taken only when the first page, read with that script's languages, comes out in it.
        guard let script = detectScript(page: firstCandidate, document: document, installed: installed),
              let chosen = languages(for: script, installed: installed),
              let engine = TesseractEngine(languages: chosen),
              let image = document.withPage(firstCandidate, { PageRenderer.render($0, dpi: PageOCR.dpi) }) ?? nil else { return fallback }
        let read = Page(number: firstCandidate + 1, width: 0, height: 0, lines: engine.recognise(image).lines, textLayer: .native)
        return scriptOfText([read]) == script ? chosen : fallback
    }

    /// The installed languages for a non-Latin script, or nil when none of its own is installed.
    static func languages(for script: String, installed: Set<String>) -> String? {
        guard let wanted = byScript[script] else { return nil }
        let available = wanted.filter(installed.contains)
        return available.contains { $0 != "eng" } ? available.joined(separator: "+") : nil
    }

    /// The script most letters of the native text are in, or nil when there is too little text.
    static func scriptOfText(_ pages: [Page]) -> String? {
        var counts: [String: Int] = [:]
        var total = 0
        for page in pages where page.textLayer == .native {
            for line in page.lines {
                for scalar in line.text.unicodeScalars where scalar.properties.isAlphabetic {
                    counts[script(of: scalar), default: 0] += 1
                    total += 1
                }
            }
            if total > 4_000 { break }
        }
        guard total >= 40 else { return nil }
        // Japanese text mixes kana with Han characters: any real share of kana makes it Japanese.
        if let kana = counts["Japanese"], kana * 10 >= total { return "Japanese" }
        return counts.max { $0.value < $1.value }?.key
    }

    static func script(of scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: return "Hangul"
        case 0x3040...0x30FF: return "Japanese"
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: return "Han"
        case 0x0400...0x04FF: return "Cyrillic"
        case 0x0600...0x06FF: return "Arabic"
        case 0x0370...0x03FF: return "Greek"
        default: return "Latin"
        }
    }

    /// Tesseract's script detection ("osd" data) on a page rendered at 150 dpi.
    static func detectScript(page index: Int, document: PopplerDocument, installed: Set<String>) -> String? {
        guard installed.contains("osd"), assay_tesseract_available() != 0, let api = assay_TessBaseAPICreate() else { return nil }
        defer { assay_TessBaseAPIEnd(api); assay_TessBaseAPIDelete(api) }
        guard assay_TessBaseAPIInit3(api, nil, "osd") == 0 else { return nil }
        _ = assay_TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        guard let image = document.withPage(index, { PageRenderer.render($0, dpi: 150) }) ?? nil else { return nil }
        image.pixels.withUnsafeBufferPointer { buffer in
            assay_TessBaseAPISetImage(api, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
        assay_TessBaseAPISetSourceResolution(api, 150)
        var degrees: Int32 = 0
        var degreesConfidence: Float = 0, scriptConfidence: Float = 0
        var name: UnsafePointer<CChar>?
        guard assay_TessBaseAPIDetectOrientationScript(api, &degrees, &degreesConfidence, &name, &scriptConfidence) != 0,
              let name, scriptConfidence >= minScriptConfidence else { return nil }
        let detected = String(cString: name)
        return detectedNames[detected] ?? detected
    }
}
