import AssayModel
import XCTest

final class TextFoldingTests: XCTestCase {
    func testContainsIgnoringCase() {
        XCTAssertTrue("Test Results".containsIgnoringCase("result"))
        XCTAssertTrue("SUBSERVICE ORGANIZATION".containsIgnoringCase("subservice"))
        XCTAssertTrue("Prüfergebnis".containsIgnoringCase("ERGEBNIS"))
        XCTAssertTrue("Écart constaté".containsIgnoringCase("écart"))
        XCTAssertTrue("anything".containsIgnoringCase(""))
        XCTAssertFalse("Test Resul ts".containsIgnoringCase("result"))
        XCTAssertFalse("".containsIgnoringCase("result"))
        XCTAssertTrue("Access reviews (continued)"[...].containsIgnoringCase("(Continued)"))
        XCTAssertTrue("\u{212A}ELVIN".containsIgnoringCase("kelvin"), "lowercasing turns the Kelvin sign into k")
        XCTAssertTrue("ÉCART CONSTATÉ".containsIgnoringCase("constaté"))
        XCTAssertTrue("RESULTS".containsIgnoringCase("results"))
        XCTAssertFalse("RESULT".containsIgnoringCase("results"))
        XCTAssertFalse("Prüfergebnis".containsIgnoringCase("ergebnisse"))
    }

    func testFoldedWhitespace() {
        XCTAssertEqual("  For 2 of 25\u{00A0}new\n hires \t".foldedWhitespace, "For 2 of 25 new hires")
        XCTAssertEqual(" \n ".foldedWhitespace, "")
    }
}
