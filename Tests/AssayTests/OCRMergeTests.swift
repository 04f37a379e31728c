@testable import AssayIngest
import AssayModel
import XCTest

/// Picture pages: a text layer compared with what OCR read from the rendered page.
final class OCRMergeTests: XCTestCase {
    private func line(_ words: [(String, Double)], y: Double) -> TextLine {
        let placed = words.map { Word(text: $0.0, box: Box(x0: $0.1, y0: y, x1: $0.1 + Double($0.0.count) * 5, y1: y + 10)) }
        let box = placed.dropFirst().reduce(placed[0].box) { $0.union($1.box) }
        return TextLine(text: placed.map(\.text).joined(separator: " "), box: box, words: placed)
    }

    func testValuesKeptAndPictureLabelsAdded() {
        let native = [line([("IASME-CE-001122", 200)], y: 100), line([("2025-04-30", 500)], y: 100)]
        let recognised = [line([("CERTIFICATE", 60), ("NUMBER", 120), (":", 160), ("IASME-CE-001122", 200),
                                ("DATE", 380), ("OF", 410), ("CERTIFICATION", 425), ("2025-04-30", 500)], y: 100),
                          line([("brightwater", 300)], y: 300)]
        let merge = OCRMerge(native: native, recognised: recognised)
        XCTAssertEqual(merge.agreement, 1.0, accuracy: 0.001)
        let added = merge.addedLines(confidences: [[0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9], [0.4]])
        XCTAssertEqual(added.map(\.text), ["CERTIFICATE NUMBER :", "DATE OF CERTIFICATION"])
    }

    func testGarbledLayerDisagrees() {
        let native = [line([("kv,e", 100), ("ıırmöıyaı", 130), ("vE", 200), ("tARiMsAl", 220)], y: 100)]
        let recognised = [line([("EGE", 100), ("TARIM", 130), ("VE", 200), ("GIDA", 220)], y: 100)]
        let merge = OCRMerge(native: native, recognised: recognised)
        XCTAssertLessThan(merge.agreement, OCRMerge.minimumAgreement)
    }
}
