import ArgumentParser
import Assay
import AssayIngest
import AssayModel
import Foundation

/// The child-process side of isolation: reads one document under its own limits and prints the
/// contract document as one JSON line. Not for people; `extract` and `batch` start it.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Read one document in isolation (used internally by extract and batch).",
        shouldDisplay: false
    )

    @Argument(help: "The worker request as JSON.")
    var request: String

    func run() throws {
        guard let request = try? JSONDecoder().decode(WorkerRequest.self, from: Data(request.utf8)) else {
            throw ValidationError("The worker request is not valid JSON.")
        }
        let password = ProcessInfo.processInfo.environment[WorkerRequest.passwordVariable]
        try? FileHandle.standardOutput.write(contentsOf: WorkerJob.perform(request, password: password))
    }
}
