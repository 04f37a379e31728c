@testable import Assay
@testable import AssayCore
import AssayModel
import Foundation
import XCTest

/// `--controls FILE`: the register in CSV (with the quirks spreadsheets write) and YAML, and the
/// errors that name file, line and problem.
final class ControlRegisterTests: XCTestCase {
    private func csv(_ text: String, name: String = "register.csv") throws -> ControlRegister {
        try RegisterParser.parse(Data(text.utf8), name: name)
    }

    private func error(_ text: String, name: String = "register.csv") -> ControlRegisterError? {
        do {
            _ = try RegisterParser.parse(Data(text.utf8), name: name)
            return nil
        } catch {
            return error as? ControlRegisterError
        }
    }

    func testCSVWithByteOrderMarkCRLFQuotedCommasLineBreaksAndDoubledQuotes() throws {
        let text = "\u{FEFF}Id,TEXT,Criteria,Framework,Owner\r\n"
            + "AC-1,\"Access is granted, after approval.\",\"CC6.1; CC6.2\",ISO 27001 A.5.15,IT\r\n"
            + "\r\n"
            + "AC-2,\"Leavers are removed\nwithin a day; the \"\"leavers list\"\" comes from HR.\",,\"ISO 27001 A.5.18, SOC 2 CC6.3\",HR\r\n"
        let register = try csv(text)
        XCTAssertEqual(register.name, "register.csv")
        XCTAssertEqual(register.controls, [
            OwnControl(id: "AC-1", text: "Access is granted, after approval.", criteria: ["CC6.1", "CC6.2"],
                       references: ["ISO 27001 A.5.15"], line: 2),
            OwnControl(id: "AC-2", text: "Leavers are removed within a day; the \"leavers list\" comes from HR.", criteria: [],
                       references: ["ISO 27001 A.5.18", "SOC 2 CC6.3"], line: 4),
        ])
    }

    func testCSVWithSemicolonSeparatorAndOnlyIdAndText() throws {
        let register = try csv("id;text\nX1;\"Backups, weekly\"\nX2;Logs reviewed\n")
        XCTAssertEqual(register.controls.map(\.id), ["X1", "X2"])
        XCTAssertEqual(register.controls.map(\.text), ["Backups, weekly", "Logs reviewed"])
        XCTAssertEqual(register.controls.map(\.line), [2, 3])
    }

    func testYAMLListWithCriteriaAsTextOrList() throws {
        let yaml = """
        # our controls
        - id: AC-1
          text: Access is granted after approval.
          criteria: CC6.1; CC6.2
        - id: 7
          text: >
            Leavers are removed
            within a day.
          criteria: [CC6.2]
          references:
            - ISO 27001 A.5.18
        """
        let register = try RegisterParser.parse(Data(yaml.utf8), name: "controls.yaml")
        XCTAssertEqual(register.controls, [
            OwnControl(id: "AC-1", text: "Access is granted after approval.", criteria: ["CC6.1", "CC6.2"], references: [], line: 2),
            OwnControl(id: "7", text: "Leavers are removed within a day.", criteria: ["CC6.2"], references: ["ISO 27001 A.5.18"], line: 5),
        ])
    }

    func testErrorsNameFileLineAndProblem() {
        XCTAssertEqual(error("ident,text\nA,b\n")?.description,
                       "register.csv:1: the header has no id column (found: ident, text)")
        XCTAssertEqual(error("id,text\nA,one\nB,two\na,three\n")?.description,
                       "register.csv:4: the id a is used twice (first on line 2)")
        XCTAssertEqual(error("id,text\nA,\"never closed\nB,two\n")?.description,
                       "register.csv:2: a quoted field is never closed (a quote is missing)")
        XCTAssertEqual(error("id,text\nA,one,extra\n")?.description,
                       "register.csv:2: 3 fields but the header has 2; quote a field that holds a comma")
        XCTAssertEqual(error("id,text\nA,say \"hi\"\n")?.description,
                       "register.csv:2: a quote inside an unquoted field (column 2); quote the whole field and double the quotes inside it")
        XCTAssertEqual(error("id,text\n,no id\n")?.description, "register.csv:2: a control has no id")
        XCTAssertEqual(error("id,text\nA,\n")?.description, "register.csv:2: control A has no text")
        XCTAssertEqual(error("id,text,text\n")?.description, "register.csv:1: the column \"text\" appears twice in the header")
        XCTAssertEqual(error("")?.description, "register.csv: is empty; expected a header row with id and text")
        XCTAssertEqual(error("id,text\n")?.description, "register.csv: has no controls")
        XCTAssertEqual(error("id: A\ntext: b\n", name: "r.yaml")?.description, "r.yaml:1: expected a list of controls (- id: … text: …)")
        XCTAssertEqual(error("- id: A\n- text: b\n", name: "r.yaml")?.description, "r.yaml:1: control 1 has no text")
        XCTAssertEqual(error("- [a, b\n", name: "r.yml")?.line, 2)
        XCTAssertEqual(error(String(repeating: "x", count: RegisterParser.maxBytes + 1))?.description,
                       "register.csv: is \(RegisterParser.maxBytes + 1) bytes; a register may have at most \(RegisterParser.maxBytes) bytes")
        let many = "id,text\n" + (1...(RegisterParser.maxControls + 1)).map { "C\($0),t\n" }.joined()
        XCTAssertEqual(error(many)?.description, "register.csv: has 501 controls; a register may have at most 500")
    }

    func testReadReportsMissingFileAndFolder() throws {
        XCTAssertThrowsError(try RegisterParser.read(path: "/nonexistent/register.csv")) { error in
            XCTAssertEqual((error as? ControlRegisterError)?.description, "/nonexistent/register.csv: cannot be read (no such file)")
        }
        XCTAssertThrowsError(try RegisterParser.read(path: Repo.corpus("controls"))) { error in
            XCTAssertEqual((error as? ControlRegisterError)?.message, "is a folder; give a CSV or YAML file")
        }
    }

    func testTheCorpusRegisterReads() throws {
        let register = try RegisterParser.read(path: Repo.corpus("controls/register.csv"), name: "register.csv")
        XCTAssertEqual(register.controls.count, 30)
        XCTAssertEqual(register.controls.last?.text,
                       "Visitors to our offices sign in, wear a badge and are escorted at all times; server rooms open only with an access card.")
        XCTAssertEqual(register.controls.last?.line, 31)
        XCTAssertEqual(register.controls.filter { $0.criteria.isEmpty }.map(\.id), ["AC-05", "AC-07", "NW-01", "MN-01", "PY-01", "PY-02"])
    }
}
