@testable import Assay
@testable import AssayCore
import AssayModel
import XCTest

/// The accreditation body read from the words OCR found inside a certificate's pictures.
final class AccreditationMarkTests: XCTestCase {
    private func image(_ lines: [String], confidence: Double = 0.9) -> ImageText {
        let box = Box(x0: 495, y0: 694, x1: 533, y1: 752)
        return ImageText(box: box, lines: lines.map { text in
            TextLine(text: text, box: box, words: text.split(separator: " ").map { Word(text: String($0), box: box) })
        }, confidence: confidence)
    }

    func testAMarkWithTheAcronymAndItsNumberNamesTheBody() throws {
        let bodies = try RuleBook.standard().load(AccreditationBodies.self, from: "bodies/accreditation.yaml")
        let found = try XCTUnwrap(AccreditationMarkExtractor.body(in: image(["UKAS", "MANAGEMENT", "SYSTEMS", "0001"]), bodies: bodies))
        XCTAssertEqual(found.0, "UKAS")
        XCTAssertEqual(found.1.text, "UKAS")
    }

    func testASpelledOutNameIsFoundInsideALine() throws {
        let bodies = try RuleBook.standard().load(AccreditationBodies.self, from: "bodies/accreditation.yaml")
        let found = try XCTUnwrap(AccreditationMarkExtractor.body(in: image(["Accredited by the Deutsche Akkreditierungsstelle GmbH"]), bodies: bodies))
        XCTAssertEqual(found.0, "Deutsche Akkreditierungsstelle")
    }

    func testALogoWithoutABodyNamesNone() throws {
        let bodies = try RuleBook.standard().load(AccreditationBodies.self, from: "bodies/accreditation.yaml")
        XCTAssertNil(AccreditationMarkExtractor.body(in: image(["Leeds LS10 1RT, United Kingdom", "UKASH"]), bodies: bodies))
    }
}
