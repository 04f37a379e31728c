@testable import Assay
@testable import AssayCore
import AssayModel
import XCTest

final class PageFurnitureTests: XCTestCase {
    private func line(_ text: String, y: Double) -> TextLine {
        TextLine(text: text, box: Box(x0: 72, y0: y, x1: 400, y1: y + 10), words: [])
    }

    /// Four Letter-size pages: a running header, a body, a "Page N of 4" footer, and on page 3 a body
    /// line that happens to sit low on the page and is not repeated.
    private func pages() -> [Page] {
        (1...4).map { number in
            var lines = [line("Corvane Analytics, Inc. — SOC 2 Type II", y: 20),
                         line("Control CC6.\(number) was tested for the period.", y: 300)]
            if number == 3 { lines.append(line("Management's response follows in Section V.", y: 745)) }
            lines.append(line("Page \(number) of 4", y: 770))
            return Page(number: number, width: 612, height: 792, lines: lines, textLayer: .native)
        }
    }

    func testRepeatedHeaderAndNumberedFooterAreFurnitureAndTheBodyIsNot() throws {
        let labels = try PageFurniture(rules: RuleBook.standard()).label(pages())
        XCTAssertEqual(labels, [[0, 2], [0, 2], [0, 3], [0, 2]])
    }

    func testMaskFoldsDigitsOfAnyScriptAndCase() {
        XCTAssertEqual(PageFurniture.mask("Page  12 of\u{00A0}84"), "page ## of ##")
        XCTAssertEqual(PageFurniture.mask("Seite \u{0663}\u{0664}"), "seite ##")
        XCTAssertEqual(PageFurniture.mask("Envelope ID: 4F2A-09"), "envelope id: #f#a-##")
    }
}
