import ArgumentParser
import Assay
import Foundation

/// `--controls FILE`, shared by extract, report, batch, vendors and export: the customer's own
/// control register that each CUEC is matched to. A register that cannot be used is a usage error
/// (exit 64) naming the file, the line and the problem, found before anything is read or written.
struct ControlsOption: ParsableArguments {
    @Option(name: .customLong("controls"), help: ArgumentHelp(
        "Your own control register (CSV with id and text columns, optional criteria and framework; or YAML): each CUEC is matched to the controls that answer it, and CUECs none answers are raised as soc.cuec_unmatched. Example: --controls controls/register.csv",
        valueName: "FILE"))
    var path: String?

    func validate() throws {
        _ = try register()
    }

    /// The register read from `--controls`, or nil without the option.
    func register() throws -> ControlRegister? {
        guard let path else { return nil }
        do {
            return try RegisterParser.read(path: path)
        } catch let error as ControlRegisterError {
            throw ValidationError("--controls: \(error)")
        }
    }

    /// The register for options built after `validate()` accepted it.
    var validRegister: ControlRegister? { try? register() }
}
